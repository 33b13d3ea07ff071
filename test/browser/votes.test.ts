import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { isVoteToken } from '../../src/core/votes/votes';
import { appendEntry, browserPerSuite, onlyCard, openBoard, openSidebar, readBacklogFile, screenshotDir, testServer, waitForFile } from './workbench';

interface StoredBacklog {
  entries: { id: string; title: string; votes: string[] }[];
}

describe('"Me too" on the board and in the Backlog view, in Chromium', function () {
  this.timeout(240000);
  const { alphaFile } = testServer();
  const dialogs: string[] = [];
  let page: Page;

  const votesOf = (id: string) => readBacklogFile<StoredBacklog>(alphaFile).entries.find((e) => e.id === id)?.votes ?? [];

  browserPerSuite('votes-last.png', (opened) => (page = opened), dialogs);

  it('votes anonymously from a card, turns it into "I\'ll help" and back, then withdraws it from the Backlog view', async () => {
    const token = `deck${Date.now()}`;
    const title = `Weekly status deck ${token}`;
    const id = appendEntry(alphaFile, { title, votes: ['kim@example.com'] });
    const board = await openBoard(page);
    await onlyCard(board, token, id);
    assert.match((await board.getAttribute(`#vote-${id}`, 'title')) ?? '', /random token that names no one.*second budget.*push records/s, 'the button says what an anonymous vote hides');

    // Me too: a token in the file, a pressed button, the count up, and nothing of the voter.
    assert.equal(await board.textContent(`#card-${id} .helpers`), 'Will help: kim@example.com', 'a vote from before stays named, and shows who');
    await board.click(`#vote-${id}`);
    const anonymous = await waitForFile(() => (votesOf(id).length === 2 ? votesOf(id) : undefined), 'the anonymous vote');
    const mine = anonymous.find((v) => v !== 'kim@example.com') ?? '';
    assert.ok(isVoteToken(mine), `the vote is stored as a token: ${mine}`);
    await board.waitForFunction((vote) => document.getElementById(vote)?.getAttribute('aria-pressed') === 'true', `vote-${id}`, { timeout: 15000 });
    assert.equal(await board.textContent(`#vote-${id} .count`), '2');
    assert.match((await board.textContent('#status')) ?? '', /anonymously/, 'the result is said on the board');

    // "I'll help": the same vote, now named, shown by name on the card; pressed again, it is taken back.
    await board.click(`#help-${id}`);
    const named = await waitForFile(() => {
      const votes = votesOf(id);
      return votes.length === 2 && !votes.includes(mine) ? votes : undefined;
    }, 'the named vote');
    const me = named.find((v) => v !== 'kim@example.com') ?? '';
    assert.ok(me !== '' && !isVoteToken(me), 'a named vote is the voter, not a token');
    const helpers = () => board.textContent(`#card-${id} .helpers`);
    await board.waitForFunction((card) => (document.querySelector(`#${card} .helpers`)?.textContent ?? '').split(', ').length === 2, `card-${id}`, { timeout: 15000 });
    assert.match((await helpers()) ?? '', /^Will help: kim@example\.com, \S/, 'the names of named votes, yours after the earlier one');
    assert.equal(await board.getAttribute(`#help-${id}`, 'aria-pressed'), 'true');
    await board.click(`#help-${id}`);
    await waitForFile(() => (votesOf(id).length === 1 ? true : undefined), 'the named vote taken back');
    await board.waitForFunction((card) => document.querySelector(`#${card} .helpers`)?.textContent === 'Will help: kim@example.com', `card-${id}`, { timeout: 15000 });

    // Me too again, anonymously; then the Backlog view shows the vote as yours and takes it back inline.
    await board.click(`#vote-${id}`);
    await waitForFile(() => (votesOf(id).length === 2 ? true : undefined), 'the second anonymous vote');
    await page.locator('.part.editor').screenshot({ path: path.join(screenshotDir(), 'board-votes.png') });
    await openSidebar(page);
    const row = page.locator('.part.sidebar .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ timeout: 15000 });
    await page.locator('.part.sidebar .monaco-list-row', { hasText: `${title}` }).filter({ hasText: '+2 with you' }).first().waitFor({ timeout: 15000 });
    await row.hover();
    const withdraw = row.locator('.action-label[aria-label="Withdraw My Vote"]');
    await withdraw.waitFor({ timeout: 10000 });
    assert.equal(await row.locator('.action-label[aria-label="Me Too"]').count(), 0, 'a row you voted on offers to withdraw, not to vote again');
    await row.screenshot({ path: path.join(screenshotDir(), 'backlog-voted-row.png') });
    await withdraw.click();
    assert.deepEqual(await waitForFile(() => (votesOf(id).length === 1 ? votesOf(id) : undefined), 'the withdrawal'), ['kim@example.com'], 'only your own vote leaves');
    // The row is drawn anew once the file changes; its inline action then offers to vote again.
    await row.locator('.action-label[aria-label="Me Too"]').waitFor({ state: 'attached', timeout: 10000 });
    assert.equal(await row.locator('.action-label[aria-label="Withdraw My Vote"]').count(), 0);
    assert.deepEqual(dialogs, []);
  });
});
