import * as assert from 'node:assert/strict';
import { existsSync, linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { systemClock } from '../../src/core/model/calendar';
import type { Retro } from '../../src/core/model/model';
import { retroDate } from '../../src/core/retro/retroSummary';
import { fixtureId } from '../unit/fixtures';
import {
  appendEntry,
  assertSchemaValid,
  boardFrame,
  browserPerSuite,
  onlyCard,
  openBoard,
  quickInput,
  readBacklogFile,
  runCommand,
  screenshotDir,
  testServer,
  waitForFile,
  workbenchReady,
} from './workbench';
import { chooseOption, fieldValue, fillField } from './controls';

interface StoredEntry {
  id: string;
  title: string;
  triage: string;
  status: string;
  votes: string[];
  decision?: { outcome: string; owner: string; due?: string; followUp: string; retro?: string };
}

interface StoredBacklog {
  version: number;
  entries: StoredEntry[];
  retros: Retro[];
}

/** A fresh ULID, so entries this test adds never collide with what other tests wrote. */
function ulid(): string {
  return fixtureId(Date.now(), Math.random);
}

describe('the Retro Board in Chromium', function () {
  this.timeout(240000);
  const { alphaDir, alphaFile } = testServer();
  const shots = screenshotDir();
  const dialogs: string[] = [];
  let page: Page;

  function readAlpha(): StoredBacklog {
    return readBacklogFile<StoredBacklog>(alphaFile);
  }

  /** Adds an entry the way a teammate's pull would (through `file`, a second name for alpha's file, if given). */
  function addEntry(fields: Record<string, unknown>, file = alphaFile): string {
    return appendEntry(alphaFile, { reasons: ['always-done-that-way'], ...fields }, file);
  }

  /** Adds an entry titled `title` and a fresh token made from `prefix`, opens the board on its card alone, and opens the card's decision form. */
  async function openNewCard(title: string, prefix: string): Promise<{ board: Frame; id: string }> {
    const token = `${prefix}${Date.now()}`;
    const id = addEntry({ title: `${title} ${token}` });
    const board = await openBoard(page);
    await onlyCard(board, token, id);
    await board.click(`#expand-${id}`);
    await board.waitForSelector(`#decision-${id}`, { timeout: 15000 });
    return { board, id };
  }

  /** A button of the modal question the workbench shows. */
  const dialogButton = (label: RegExp) => page.locator('.monaco-dialog-box .monaco-button', { hasText: label }).first();

  /** Clicks a button of a notification, from its toast or, when toasts are held back, from the notification centre. */
  async function clickNotificationButton(label: string): Promise<void> {
    const button = page.locator('.notifications-toasts .monaco-button, .notifications-center .monaco-button', { hasText: label }).first();
    try {
      await button.waitFor({ timeout: 5000 });
    } catch {
      await runCommand(page, 'Notifications: Show Notifications');
      await button.waitFor({ timeout: 10000 });
    }
    await button.click();
  }


  browserPerSuite('retro-board-last.png', (opened) => (page = opened), dialogs);

  it('runs a retro: vote, move by keyboard, decide with an owner, finish and save the summary', async () => {
    const title = `Retro board walk-through ${Date.now()}`;
    const id = addEntry({ title, smart: { speakUp: 'Daily sync that repeats the stand-up.', moreInfo: '', accountability: '', reprioritize: '', tryAnother: '' } });
    const board = await openBoard(page);
    await onlyCard(board, title, id);

    if (await board.$('#finish-retro')) {
      throw new Error('a retro is already open in alpha; this test starts its own');
    }
    await board.click('#start-retro');
    const facilitator = quickInput(page);
    await facilitator.waitFor({ timeout: 10000 });
    await facilitator.fill('Robin Facilitator');
    await facilitator.press('Enter');
    await board.waitForSelector('#finish-retro', { timeout: 15000 });
    const retro = await waitForFile(() => readAlpha().retros.find((r) => r.finished === undefined), 'the retro to be recorded');
    assert.equal(retro.facilitator, 'Robin Facilitator');

    const votesLeft = async () => Number(/(\d+) votes left/.exec((await board.textContent('#votes-left')) ?? '')?.[1]);
    const before = await votesLeft();
    assert.ok(before > 0, 'the default budget leaves votes to cast');
    await board.click(`#vote-${id}`);
    const voted = await waitForFile(() => readAlpha().entries.find((e) => e.id === id && e.votes.length === 1), 'the vote');
    await board.waitForSelector(`#vote-${id}[aria-pressed="true"]`, { timeout: 15000 });
    assert.equal(await votesLeft(), before - 1);

    await board.focus(`#card-${id}`);
    await board.press(`#card-${id}`, 'Alt+ArrowRight');
    await waitForFile(() => readAlpha().entries.find((e) => e.id === id && e.triage === 'now'), 'the move to Now');
    await board.waitForSelector(`#column-now #card-${id}`, { timeout: 15000 });
    await board.waitForFunction((text) => document.getElementById('announcer')?.textContent?.includes(text) ?? false, `to Now`, { timeout: 15000 });

    await board.locator(`#card-${id}`).dragTo(board.locator('#column-bigger-story'));
    await waitForFile(() => readAlpha().entries.find((e) => e.id === id && e.triage === 'bigger-story'), 'the drop on The Bigger Story');
    await board.waitForSelector(`#column-bigger-story #card-${id}`, { timeout: 15000 });

    await board.click(`#expand-${id}`);
    await board.waitForSelector(`#decision-${id}`, { timeout: 15000 });
    assert.equal(await board.getAttribute(`#expand-${id}`, 'aria-expanded'), 'true');
    await chooseOption(board, `#outcome-${id}`, { value: 'keep' });
    await fillField(board, `#owner-${id}`, 'Sam Lee');
    await board.click(`#save-decision-${id}`);
    assert.match((await board.textContent(`#errors-${id}`)) ?? '', /reason/i, 'keeping it without a rationale is refused next to the form');
    await chooseOption(board, `#outcome-${id}`, { value: 'stop' });
    await fillField(board, `#due-${id}`, '2026-12-15');
    await board.click(`#save-decision-${id}`);
    const decided = await waitForFile(() => readAlpha().entries.find((e) => e.id === id && e.decision !== undefined), 'the decision');
    assert.deepEqual(
      { outcome: decided.decision?.outcome, owner: decided.decision?.owner, due: decided.decision?.due, followUp: decided.decision?.followUp, retro: decided.decision?.retro },
      { outcome: 'stop', owner: 'Sam Lee', due: '2026-12-15', followUp: 'open', retro: retro.id },
    );
    assert.equal(decided.status, 'decided');
    assert.deepEqual(decided.votes, voted.votes);

    await board.click('#finish-retro');
    await clickNotificationButton('Save to Repository');
    const finished = await waitForFile(() => readAlpha().retros.find((r) => r.id === retro.id && r.finished !== undefined), 'the retro to finish');
    assert.ok(finished.discussed.includes(id));
    assert.deepEqual(finished.decided, [id]);
    // The file is named by the day the retro started on for this machine's viewer.
    const day = retroDate(retro, systemClock());
    const summaryFile = path.join(alphaDir, 'docs', 'retros', `${day}.md`);
    const summary = await waitForFile(() => (existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : undefined), 'the summary file');
    // The summary escapes Markdown punctuation; without the escapes it reads as typed.
    const plain = summary.replace(/\\(.)/g, '$1');
    for (const expected of ['Robin Facilitator', title, 'Stop it', 'Sam Lee', '2026-12-15']) {
      assert.ok(plain.includes(expected), `the summary names ${expected}`);
    }
    // Saving opened the summary over the board; opening the board again reveals the same panel.
    await page.locator('.tab', { hasText: `${day}.md` }).first().waitFor({ timeout: 15000 });
    const again = await openBoard(page);
    await again.waitForSelector('#start-retro', { timeout: 15000 });
    assert.equal(await page.locator('.tab', { hasText: 'Retro Board' }).count(), 1, 'one board per folder');
    assert.deepEqual(dialogs, []);
  });

  it('filters the follow-ups by owner and marks one in progress, then done, from its row', async () => {
    const token = `follow${Date.now()}`;
    const decision = (owner: string) => ({ outcome: 'automate', rationale: '', owner, due: '2026-01-15', followUp: 'open', decided: '2026-01-02T10:00:00.000Z' });
    const mine = addEntry({ title: `Copy the numbers by hand ${token}`, status: 'decided', decision: decision('Fay Follow') });
    const theirs = addEntry({ title: `Print the build log ${token}`, status: 'decided', decision: decision('Gus Other') });
    const board = await openBoard(page);
    await board.waitForSelector('#follow-up-owner', { timeout: 15000 });
    await chooseOption(board, '#follow-up-owner', { value: 'Fay Follow' });
    await board.waitForFunction(([a, b]) => document.getElementById(`follow-up-${a}`) !== null && document.getElementById(`follow-up-${b}`) === null, [mine, theirs], { timeout: 15000 });
    assert.ok((await board.textContent('#follow-ups-title'))?.endsWith('(1)'), 'the heading counts the filtered follow-ups');
    assert.deepEqual(await board.locator(`#follow-up-${mine} .follow-up-actions vscode-button`).allTextContents(), ['Open', 'Mark In Progress', 'Mark Done']);

    await board.click(`#follow-up-progress-${mine}`);
    await waitForFile(() => readAlpha().entries.find((e) => e.id === mine && e.decision?.followUp === 'in-progress'), 'Mark In Progress');
    await board.waitForFunction((id) => document.getElementById(`follow-up-progress-${id}`) === null && document.getElementById(`follow-up-done-${id}`) !== null, mine, { timeout: 15000 });
    await board.click(`#follow-up-done-${mine}`);
    await waitForFile(() => readAlpha().entries.find((e) => e.id === mine && e.decision?.followUp === 'done' && e.status === 'done'), 'Mark Done');
    await board.waitForFunction((id) => document.getElementById(`follow-up-${id}`) === null, mine, { timeout: 15000 });
    assert.equal(readAlpha().entries.find((e) => e.id === theirs)?.decision?.followUp, 'open', 'the filtered-out follow-up is untouched');

    await chooseOption(board, '#follow-up-owner', { value: '' });
    await board.waitForFunction(() => (document.getElementById('follow-up-owner') as (HTMLElement & { value: string }) | null)?.value === '', null, { timeout: 15000 });
    assert.deepEqual(dialogs, []);
  });

  it('shows hostile entry text on the board as literal text and runs none of it', async () => {
    const token = `xss${Date.now()}`;
    const title = `<img src=x onerror=alert(1)><script>alert(2)</script> [click](javascript:alert(3)) **bold** ${token}`;
    const answer = '<script>alert(4)</script><a href="javascript:alert(5)">link</a> # heading';
    const comment = '<iframe src="javascript:alert(6)"></iframe><svg onload=alert(7)>';
    const id = addEntry({
      title,
      smart: { speakUp: answer, moreInfo: '', accountability: '', reprioritize: '', tryAnother: '' },
      comments: [{ id: ulid(), created: new Date().toISOString(), text: comment, author: { name: '<b>Mallory</b>' } }],
    });
    const board = await openBoard(page);
    await onlyCard(board, token, id);
    await board.click(`#expand-${id}`);
    await board.waitForSelector(`#decision-${id}`, { timeout: 15000 });
    assert.equal(await board.textContent(`#card-title-${id}`), title);
    assert.equal(await board.textContent(`#detail-title-${id}`), title, "the detail pane's heading too");
    const text = (await board.locator(`#detail-${id}`).textContent()) ?? '';
    assert.ok(text.includes(answer), 'the S.M.A.R.T. answer shows as typed');
    assert.ok(text.includes(comment), 'the comment shows as typed');
    assert.ok(text.includes('<b>Mallory</b>'), 'the comment author shows as typed');
    const created = await board.evaluate(() => ({
      img: document.querySelectorAll('img').length,
      iframe: document.querySelectorAll('iframe').length,
      anchors: document.querySelectorAll('#board a').length,
      bold: document.querySelectorAll('#board b').length,
      inlineSvg: document.querySelectorAll('#board svg[onload]').length,
      scripts: [...document.scripts].filter((script) => script.textContent?.includes('alert(')).length,
    }));
    assert.deepEqual(created, { img: 0, iframe: 0, anchors: 0, bold: 0, inlineSvg: 0, scripts: 0 });
    assert.deepEqual(dialogs, []);
    await board.click(`#expand-${id}`);
    await fillField(board, '#search', '');
  });

  it('merges a duplicate into an entry after asking, keeping both entries\' votes and comments', async () => {
    const token = `dup${Date.now()}`;
    const comment = (text: string) => ({ id: ulid(), created: new Date().toISOString(), text });
    const keepId = addEntry({ title: `Manual release notes ${token} keep`, votes: ['kim@example.com'], comments: [comment('Takes an hour.')] });
    const dropId = addEntry({ title: `Hand-written release notes ${token} drop`, votes: ['lee@example.com'], comments: [comment('Nobody reads them.')] });
    const board = await openBoard(page);
    await fillField(board, '#search', token);
    await board.waitForFunction(() => document.querySelectorAll('.card').length === 2, null, { timeout: 15000 });
    await board.click(`#expand-${keepId}`);
    await board.waitForSelector(`#merge-search-${keepId}`, { timeout: 15000 });
    await fillField(board, `#merge-search-${keepId}`, `${token} drop`);
    await board.waitForFunction(
      ([pick, drop]) => [...document.querySelectorAll<HTMLElement & { value: string }>(`#${pick} vscode-option`)].some((option) => option.value === drop),
      [`merge-pick-${keepId}`, dropId],
      { timeout: 15000 },
    );
    await board.click(`#merge-${keepId}`);
    const confirm = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Merge$/ }).first();
    await confirm.waitFor({ timeout: 15000 });
    await confirm.click();
    const merged = await waitForFile(() => {
      const entries = readAlpha().entries as (StoredEntry & { comments: unknown[]; duplicateOf?: string })[];
      const keep = entries.find((e) => e.id === keepId && e.votes.length === 2);
      const drop = entries.find((e) => e.id === dropId && e.status === 'archived');
      return keep && drop ? { keep, drop } : undefined;
    }, 'the merge');
    assert.deepEqual([...merged.keep.votes].sort(), ['kim@example.com', 'lee@example.com']);
    assert.equal(merged.keep.comments.length, 2);
    assert.equal(merged.drop.duplicateOf, keepId);
    await board.waitForFunction(() => document.querySelectorAll('.card').length === 1, null, { timeout: 15000 });
    await board.click(`#expand-${keepId}`);
    await fillField(board, '#search', '');
  });

  it('shows a teammate\'s change in an open card, keeps what you typed, and records on top of their change once you choose yours', async () => {
    const token = `team${Date.now()}`;
    const id = addEntry({ title: `Status meeting about the status meeting ${token}` });
    const board = await openBoard(page);
    await fillField(board, '#search', token);
    await board.waitForFunction(() => document.querySelectorAll('.card').length === 1, null, { timeout: 15000 });
    await board.click(`#expand-${id}`);
    await board.waitForSelector(`#decision-${id}`, { timeout: 15000 });
    await fillField(board, `#rationale-${id}`, 'Half the team is double-booked.');
    // A teammate's pull arrives while the card is open: a comment and a decision already in progress.
    const backlog = readAlpha();
    const entry = backlog.entries.find((e) => e.id === id) as StoredEntry & { comments: unknown[]; updated: string };
    entry.comments.push({ id: ulid(), created: new Date().toISOString(), text: 'I already cancelled two of them.' });
    entry.status = 'decided';
    entry.decision = { outcome: 'simplify', owner: 'Tess Teammate', followUp: 'in-progress', decided: new Date().toISOString(), rationale: '' } as StoredEntry['decision'];
    entry.updated = new Date().toISOString();
    assertSchemaValid(backlog);
    writeFileSync(alphaFile, `${JSON.stringify(backlog, null, 2)}\n`);
    await board.waitForFunction((card) => document.getElementById(`detail-${card}`)?.textContent?.includes('I already cancelled two of them.') ?? false, id, { timeout: 15000 });
    assert.equal(await fieldValue(board, `#owner-${id}`), 'Tess Teammate', 'a field you did not touch follows the file');
    assert.equal(await fieldValue(board, `#decision-follow-up-${id}`), 'in-progress');
    assert.equal(await fieldValue(board, `#rationale-${id}`), 'Half the team is double-booked.', 'what you typed is kept');
    await board.click(`#save-decision-${id}`);
    // Their decision arrived after you started: you are asked, not overwritten or mixed.
    await dialogButton(/^Record Mine$/).click();
    const saved = await waitForFile(() => readAlpha().entries.find((e) => e.id === id && e.decision?.owner === 'Tess Teammate' && (e.decision as { rationale?: string }).rationale !== ''), 'the decision');
    assert.equal(saved.decision?.followUp, 'in-progress', "the teammate's follow-up state is not written back to an old one");
    assert.deepEqual((saved as { history?: { field: string; value: { rationale: string } }[] }).history?.map((h) => [h.field, h.value.rationale]), [['decision', '']], 'theirs is in the history');
    await fillField(board, '#search', '');
  });

  it('chooses no outcome for you, and records a past due date after saying it has passed', async () => {
    const { board, id } = await openNewCard('Monthly license recount', 'nodefault');
    assert.equal(await fieldValue(board, `#outcome-${id}`), '', 'no outcome until one is chosen');
    assert.equal(await board.isHidden(`#due-warning-${id}`), true);
    await fillField(board, `#owner-${id}`, 'Lee Lead');
    await board.click(`#save-decision-${id}`);
    assert.match((await board.textContent(`#errors-${id}`)) ?? '', /Choose the outcome/);
    assert.equal(await board.getAttribute(`#outcome-${id}`, 'aria-invalid'), 'true');
    assert.equal(readAlpha().entries.find((e) => e.id === id)?.decision, undefined, 'one click records nothing');

    assert.equal(await board.textContent(`#due-display-${id}`), 'no due date', 'an empty field says so, not mm/dd/yyyy');
    await fillField(board, `#due-${id}`, '2020-01-31');
    await board.waitForSelector(`#due-warning-${id}:not([hidden])`, { timeout: 5000 });
    assert.match((await board.textContent(`#due-warning-${id}`)) ?? '', /This date has passed/);
    // The UI language (English here) writes the date beside the field, not the field's mm/dd/yyyy.
    assert.equal(await board.textContent(`#due-display-${id}`), 'Fri, Jan 31, 2020');
    await chooseOption(board, `#outcome-${id}`, { value: 'simplify' });
    await board.click(`#save-decision-${id}`);
    const saved = await waitForFile(() => readAlpha().entries.find((e) => e.id === id && e.decision !== undefined), 'the decision');
    assert.deepEqual([saved.decision?.outcome, saved.decision?.due], ['simplify', '2020-01-31'], 'a past date is a warning, not a refusal');

    // The result is said right after the button that was pressed, and read out by the live region.
    await board.waitForFunction((button) => document.getElementById(button)?.nextElementSibling?.id === 'status', `save-decision-${id}`, { timeout: 15000 });
    assert.match((await board.textContent('#status')) ?? '', /^Decision recorded for/);
    await board.waitForFunction(() => /^Decision recorded for/.test(document.getElementById('announcer')?.textContent ?? ''), null, { timeout: 5000 });
    // The next edit starts: the old result goes.
    await fillField(board, `#rationale-${id}`, 'Shorter, on a shared sheet.');
    assert.equal(await board.$('#status'), null, 'the result clears when the next edit starts');
  });

  it('says a move beside the Move button in the detail pane, and a vote beside its button', async () => {
    const { board, id } = await openNewCard('Quill sharpening rota', 'besides');
    await chooseOption(board, `#move-${id}`, { value: 'now' });
    await board.click(`#move-button-${id}`);
    await waitForFile(() => readAlpha().entries.find((e) => e.id === id && e.triage === 'now'), 'the move');
    await board.waitForFunction((button) => document.getElementById(button)?.nextElementSibling?.id === 'status', `move-button-${id}`, { timeout: 15000 });
    assert.match((await board.textContent('#status')) ?? '', /^Moved .* to Now\.$/);
    await board.waitForSelector(`#column-now #card-${id}`, { timeout: 15000 });

    await board.click(`#vote-${id}`);
    await waitForFile(() => readAlpha().entries.find((e) => e.id === id && e.votes.length === 1), 'the vote');
    await board.waitForFunction((button) => document.getElementById(button)?.nextElementSibling?.id === 'status', `vote-${id}`, { timeout: 15000 });
    assert.equal(await board.locator('#status').count(), 1, 'one result at a time');
    await board.click(`#vote-${id}`);
    await waitForFile(() => readAlpha().entries.find((e) => e.id === id && e.votes.length === 0), 'the vote taken back');
    await fillField(board, '#search', '');
  });

  it('asks which decision to keep when a second window decided the card meanwhile, and mixes nothing', async () => {
    const { board, id } = await openNewCard('Weekly capacity spreadsheet', 'twowin');
    // This window changes the outcome and the owner, and leaves the due date alone.
    await chooseOption(board, `#outcome-${id}`, { value: 'automate' });
    await fillField(board, `#owner-${id}`, 'Ben Board');
    // The other window records its decision first.
    const backlog = readAlpha();
    const entry = backlog.entries.find((e) => e.id === id) as StoredEntry & { updated: string };
    // The entry is anonymous, so its decision is dated to the day, as the extension dates it.
    const theirs = { outcome: 'stop', rationale: 'Nobody opens it', owner: 'Ana Other', due: '2026-12-01', followUp: 'open', decided: `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z` };
    entry.status = 'decided';
    entry.decision = theirs;
    entry.updated = theirs.decided;
    assertSchemaValid(backlog);
    writeFileSync(alphaFile, `${JSON.stringify(backlog, null, 2)}\n`);
    await board.waitForFunction((due) => (document.getElementById(due) as (HTMLElement & { value: string }) | null)?.value === '2026-12-01', `due-${id}`, { timeout: 15000 });

    await board.click(`#save-decision-${id}`);
    const question = page.locator('.monaco-dialog-box');
    await question.waitFor({ timeout: 15000 });
    const asked = (await question.textContent()) ?? '';
    assert.match(asked, /got another decision while you were deciding it/);
    assert.match(asked, /Recorded meanwhile: Stop it · owner Ana Other · due 2026-12-01/);
    assert.match(asked, /Yours: Automate it · owner Ben Board/);
    await page.locator('.part.editor').screenshot({ path: path.join(shots, 'board-decision-conflict.png') });
    await dialogButton(/^Keep Theirs$/).click();
    const kept = await waitForFile(() => readAlpha().entries.find((e) => e.id === id && (e as { history?: unknown[] }).history !== undefined), 'the choice');
    assert.deepEqual(kept.decision && { ...kept.decision }, theirs, 'their decision exactly, with nothing of yours mixed in');
    const history = (kept as { history?: { field: string; value: { outcome: string; owner: string } }[] }).history ?? [];
    assert.deepEqual(history.map((h) => [h.field, h.value.outcome, h.value.owner]), [['decision', 'automate', 'Ben Board']], 'yours is in the history');
    await board.waitForFunction((owner) => (document.getElementById(owner) as (HTMLElement & { value: string }) | null)?.value === 'Ana Other', `owner-${id}`, { timeout: 15000 });
  });

  it('keeps a half-typed rationale and comment when the board\'s tab is closed, and shows them open when it is opened again', async () => {
    const opened = await openNewCard('Quarterly slide audit', 'closed');
    const { id } = opened;
    let { board } = opened;
    await fillField(board, `#rationale-${id}`, 'Nobody has asked for it since the reorg.');
    await fillField(board, `#comment-new-${id}`, 'Who still reads slide 14?');
    await runCommand(page, 'View: Close All Editors');
    await page.locator('.part.editor .tab', { hasText: 'Retro Board' }).waitFor({ state: 'detached', timeout: 15000 });

    board = await openBoard(page);
    await board.waitForSelector(`#rationale-${id}`, { timeout: 15000 });
    assert.equal(await fieldValue(board, `#rationale-${id}`), 'Nobody has asked for it since the reorg.', 'the rationale came back');
    assert.equal(await fieldValue(board, `#comment-new-${id}`), 'Who still reads slide 14?', 'the comment came back');
    assert.equal(readAlpha().entries.find((e) => e.id === id)?.decision, undefined, 'nothing was recorded on its own');
    await fillField(board, `#rationale-${id}`, '');
    await fillField(board, `#comment-new-${id}`, '');
  });

  it('comes back after a window reload, with its search, through the serializer', async () => {
    const token = `reload${Date.now()}`;
    const id = addEntry({ title: `Entry to find after a reload ${token}` });
    let board = await openBoard(page);
    await onlyCard(board, token, id);
    // Reloading the way a person does lets the workbench save which editors are open before it goes.
    const reloaded = page.waitForEvent('load', { timeout: 60000 });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await workbenchReady(page);
    board = await boardFrame(page);
    await board.waitForSelector(`#card-${id}`, { timeout: 30000 });
    assert.equal(await fieldValue(board, '#search'), token);
    assert.equal(await board.evaluate(() => document.querySelectorAll('.card').length), 1);
    await fillField(board, '#search', '');
  });

  it('shows a change that raised no file event as soon as the board is searched', async () => {
    const board = await openBoard(page);
    // Written in place through a second name outside the workspace folders, the change raises no event
    // in alpha's folder, as when VS Code's watcher drops one.
    const unwatched = path.join(path.dirname(alphaDir), 'unwatched-name.json');
    linkSync(alphaFile, unwatched);
    try {
      const token = `unseen${Date.now()}`;
      const id = addEntry({ title: `Change nobody was told about ${token}` }, unwatched);
      await fillField(board, '#search', token);
      await board.waitForFunction((card) => document.querySelectorAll('.card').length === 1 && document.getElementById(card) !== null, `card-${id}`, { timeout: 15000 });
    } finally {
      rmSync(unwatched);
      await fillField(board, '#search', '');
    }
  });

  it('restores an archived duplicate from its card, after asking, instead of offering actions it would refuse', async () => {
    const token = `restore${Date.now()}`;
    const keepId = addEntry({ title: `Weekly metrics mail ${token} keep`, votes: ['kim@example.com'] });
    const dropId = addEntry({ title: `Metrics mail every week ${token} drop`, status: 'archived', duplicateOf: keepId, votes: ['lee@example.com'] });
    const board = await openBoard(page);
    // One change of the query at a time: the active entries first, then the archived ones.
    await onlyCard(board, token, keepId);
    // By keyboard: the popover is a keyboard control too, and a workbench hover left over from a tab cannot be in the way.
    await board.press('#filters-button', 'Enter');
    await board.waitForSelector('#filters-popover', { state: 'visible', timeout: 5000 });
    assert.equal(await board.evaluate(() => document.activeElement?.id), 'sort', 'focus moves into the popover');
    await chooseOption(board, '#filter-status', { value: 'archived' });
    // Escape closes the popover, and the button says how many filters are on.
    await board.press('#filter-status', 'Escape');
    await board.waitForSelector('#filters-popover', { state: 'hidden', timeout: 5000 });
    assert.equal(await board.evaluate(() => document.activeElement?.id), 'filters-button');
    assert.equal(await board.textContent('#filters-button .filter-count'), '1');
    await board.waitForFunction((card) => document.querySelectorAll('.card').length === 1 && document.getElementById(card) !== null, `card-${dropId}`, { timeout: 15000 });
    await board.click(`#expand-${dropId}`);
    await board.waitForSelector(`#restore-${dropId}`, { timeout: 15000 });
    assert.equal(await board.locator(`#decision-${dropId}, #merge-${dropId}, #move-button-${dropId}`).count(), 0, 'an archived card offers Restore, not what the core would refuse');
    await board.click(`#restore-${dropId}`);
    const confirm = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Restore$/ }).first();
    await confirm.waitFor({ timeout: 15000 });
    await confirm.click();
    const restored = await waitForFile(() => readAlpha().entries.find((e) => e.id === dropId && e.status === 'open'), 'the restore');
    assert.equal((restored as StoredEntry & { duplicateOf?: string }).duplicateOf, undefined, 'it is an entry of its own again');
    assert.deepEqual(restored.votes, ['lee@example.com']);
    await board.waitForFunction(() => document.querySelectorAll('.card').length === 0, null, { timeout: 15000 });
    await board.press('#filters-button', 'Enter');
    await chooseOption(board, '#filter-status', { value: '' });
    await board.press('#filter-status', 'Escape');
    await fillField(board, '#search', '');
  });

  it('exports the backlog as CSV that Excel reads as UTF-8, with a formula behind a space neutralised', async () => {
    const token = `csv${Date.now()}`;
    addEntry({ title: `Réunion café ☕ ${token}` });
    addEntry({ title: ` =1+1 ${token}` });
    const board = await openBoard(page);
    await chooseOption(board, '#export', { value: 'csv' });
    await board.click('#export-button');
    const target = path.join(alphaDir, `export-${token}.csv`);
    const input = quickInput(page);
    await input.waitFor({ timeout: 15000 });
    // The save dialog fills in its suggested path a moment after it opens; type over it only then.
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('.quick-input-widget input')?.value.endsWith('stupid-work-export.csv') ?? false, null, { timeout: 15000 });
    await input.fill(target);
    await page.waitForFunction((path) => document.querySelector<HTMLInputElement>('.quick-input-widget input')?.value === path, target, { timeout: 15000 });
    await input.press('Enter');
    const bytes = await waitForFile(() => (existsSync(target) ? readFileSync(target) : undefined), 'the CSV file');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'it starts with the UTF-8 byte order mark');
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    assert.ok(text.includes(`Réunion café ☕ ${token}`));
    assert.ok(text.includes(`' =1+1 ${token}`), 'the formula is neutralised');
  });
});
