import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { appendEntry, browserPerSuite, onlyCard, openBoard, readBacklogFile, screenshotDir, testServer, waitForFile } from './workbench';
import { fieldValue, fillField, isChecked, setChecked } from './controls';

interface StoredComment {
  id: string;
  author?: { name: string; email?: string };
  created: string;
  text: string;
  edited?: string;
  deleted?: string;
}

interface StoredEntry {
  id: string;
  title: string;
  comments: StoredComment[];
}

interface StoredBacklog {
  entries: StoredEntry[];
}

describe('Comments on a card in Chromium', function () {
  this.timeout(240000);
  const { alphaFile } = testServer();
  const dialogs: string[] = [];
  let page: Page;

  const readAlpha = () => readBacklogFile<StoredBacklog>(alphaFile);
  const commentsOf = (id: string) => readAlpha().entries.find((e) => e.id === id)?.comments ?? [];

  /** Adds an entry the way a teammate's pull would. */
  const addEntry = (title: string): string => appendEntry(alphaFile, { title });

  browserPerSuite('comments-last.png', (opened) => (page = opened), dialogs);

  it('writes, edits and deletes a comment on a card, keeps what is being typed, and shows comment text as text', async () => {
    const token = `thread${Date.now()}`;
    const id = addEntry(`Weekly report nobody opens ${token}`);
    const board = await openBoard(page);
    await onlyCard(board, token, id);
    await board.click(`#expand-${id}`);
    await board.waitForSelector(`#comment-new-${id}`, { timeout: 15000 });
    assert.equal(await isChecked(board, `#comment-anonymous-${id}`), false, 'signed by default, as the setting says');
    assert.match((await board.textContent(`#comment-anonymous-hint-${id}`)) ?? '', /push records/, 'the anonymous choice says what it does not hide');

    // Write: a named comment whose text would be markup if it were not kept as text.
    const first = '<b>Who</b> reads it? [link](https://example.com)';
    await fillField(board, `#comment-new-${id}`, first);
    await board.click(`#comment-post-${id}`);
    const [written] = await waitForFile(() => (commentsOf(id).length === 1 ? commentsOf(id) : undefined), 'the comment');
    assert.equal(written.text, first);
    assert.ok(written.author?.name, 'a signed comment names its author');
    await board.waitForSelector(`#comment-${written.id} .comment-text`, { timeout: 15000 });
    assert.equal(await board.textContent(`#comment-${written.id} .comment-text`), first);
    assert.equal(await board.evaluate(() => document.querySelectorAll('#board b, #board a').length), 0, 'nothing in the comment became markup');
    await board.waitForFunction((field) => (document.getElementById(field) as (HTMLElement & { value: string }) | null)?.value === '', `comment-new-${id}`, { timeout: 15000 });

    // A teammate's change arrives while the next comment is half-written: the words stay.
    await fillField(board, `#comment-new-${id}`, 'Half a thought');
    await board.evaluate(() => void ((document.getElementById('board') as HTMLElement).dataset.before = 'yes'));
    addEntry(`Someone else's entry ${Date.now()}`);
    // Every snapshot renders a new #board; the mark is gone once the teammate's change has arrived.
    await board.waitForFunction(() => document.getElementById('board')?.dataset.before === undefined, null, { timeout: 15000 });
    assert.equal(await fieldValue(board, `#comment-new-${id}`), 'Half a thought');
    await fillField(board, `#comment-new-${id}`, '');

    // Edit: only the author's own comment offers it.
    await board.click(`#comment-edit-button-${written.id}`);
    await board.waitForSelector(`#comment-edit-${written.id}`, { timeout: 15000 });
    await fillField(board, `#comment-edit-${written.id}`, 'Who reads it, really?');
    await board.click(`#comment-save-${written.id}`);
    const edited = await waitForFile(() => commentsOf(id).find((c) => c.id === written.id && c.text === 'Who reads it, really?'), 'the edit');
    assert.ok(edited.edited, 'the edit is dated');
    await board.waitForFunction((cid) => document.querySelector(`#comment-${cid} .comment-text`)?.textContent === 'Who reads it, really?', written.id, { timeout: 15000 });
    assert.match((await board.textContent(`#comment-${written.id} .byline`)) ?? '', /edited/);

    // An anonymous comment: no author, a day-coarse time, and nobody is offered to change it.
    await setChecked(board, `#comment-anonymous-${id}`);
    await fillField(board, `#comment-new-${id}`, 'Quietly: it takes me two hours.');
    await board.click(`#comment-post-${id}`);
    const anonymous = await waitForFile(() => commentsOf(id).find((c) => c.text.startsWith('Quietly')), 'the anonymous comment');
    assert.equal(anonymous.author, undefined);
    assert.match(anonymous.created, /T00:00:00\.000Z$/);
    await board.waitForSelector(`#comment-${anonymous.id}`, { timeout: 15000 });
    assert.equal(await board.$(`#comment-edit-button-${anonymous.id}`), null);
    await page.locator('.part.editor').screenshot({ path: path.join(screenshotDir(), 'board-comments.png') });

    // Delete, after asking: a tombstone stays in the file and the card no longer shows it.
    await board.click(`#comment-delete-${written.id}`);
    const confirm = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Delete$/ }).first();
    await confirm.waitFor({ timeout: 15000 });
    await confirm.click();
    const tombstone = await waitForFile(() => commentsOf(id).find((c) => c.id === written.id && c.deleted !== undefined), 'the deletion');
    assert.deepEqual({ text: tombstone.text, author: tombstone.author }, { text: '', author: undefined });
    await board.waitForSelector(`#comment-${written.id}`, { state: 'detached', timeout: 15000 });
    assert.equal(await board.locator(`#detail-${id} .comments li`).count(), 1, 'only the anonymous comment is left on the card');
    assert.deepEqual(dialogs, []);
    await board.click(`#expand-${id}`);
    await fillField(board, '#search', '');
  });
});
