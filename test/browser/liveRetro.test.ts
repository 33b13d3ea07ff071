import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { syncBacklog } from '../../src/adapters/sync/backlogSync';
import { createEntry, upsertEntry } from '../../src/core/model/entries';
import { emptyDraft, type Backlog } from '../../src/core/model/model';
import { parseBacklog } from '../../src/core/file/parse';
import { serializeBacklog } from '../../src/core/file/serialize';
import { moveToList, startRetro } from '../../src/core/retro/retro';
import { anonymousVote } from '../unit/fixtures';
import { DEFAULT_SYNC_SETTINGS } from '../../src/core/sync/backlogBranch';
import { launchBrowser } from '../harness/host.mjs';
import { openBoard, openWorkbench, runCommand, saveLastScreenshot, testServer } from './workbench';
import { fieldValue, fillField, typeIn } from './controls';
import { english } from '../../src/core/text/english';

/** The default of `stupidWork.sync.liveSeconds`. */
const INTERVAL_MS = 5000;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function parsed(text: string): Backlog {
  const result = parseBacklog(text);
  assert.ok(result.ok, 'the backlog parses');
  return result.backlog;
}

describe('a live retro on the Retro Board in Chromium', function () {
  this.timeout(240000);
  const { port, workspace, alphaDir, alphaFile } = testServer();
  const scratch = mkdtempSync(path.join(tmpdir(), 'stupid-work-live-retro-'));
  const remote = path.join(scratch, 'remote.git');
  const teammate = path.join(scratch, 'teammate');
  const teammateFile = path.join(teammate, 'stupid-work.json');
  let original: string;
  let browser: Browser;
  let page: Page;

  async function teammateChange(change: (backlog: Backlog) => Backlog): Promise<void> {
    writeFileSync(teammateFile, serializeBacklog(change(parsed(readFileSync(teammateFile, 'utf8')))));
    const outcome = await syncBacklog({ file: teammateFile, ...DEFAULT_SYNC_SETTINGS, interactive: false, confirmCreate: () => Promise.resolve(true) });
    assert.ok(outcome.ok, outcome.ok ? '' : english(outcome.message));
  }

  before(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await openWorkbench(page, port, workspace);
  });

  after(async () => {
    await saveLastScreenshot(page, 'live-retro-last.png');
    await browser?.close();
    // alpha goes back to a plain folder with its backlog as it was, for the suites that follow.
    rmSync(path.join(alphaDir, '.git'), { recursive: true, force: true });
    if (original !== undefined) writeFileSync(alphaFile, original);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('shows a teammate\'s vote and move within two intervals, without a reload, keeping a draft being typed', async () => {
    original = readFileSync(alphaFile, 'utf8');
    const token = `live${Date.now()}`;
    const voteOn = createEntry({ ...emptyDraft(), title: `Weekly report nobody opens ${token}` }, { name: 'Tess Teammate' }, new Date());
    const moveIt = createEntry({ ...emptyDraft(), title: `Manual deploy checklist ${token}` }, { name: 'Tess Teammate' }, new Date());

    // The team's remote holds the backlog branch, on which a teammate started the retro.
    git(scratch, 'init', '-q', '--bare', '--initial-branch=main', remote);
    git(scratch, 'clone', '-q', remote, teammate);
    writeFileSync(teammateFile, original);
    await teammateChange((backlog) => {
      const started = startRetro(upsertEntry(upsertEntry(backlog, voteOn), moveIt), 'Robin Facilitator', { now: () => new Date(), utcOffsetMinutes: () => 0 });
      assert.ok(started.ok);
      return started.backlog;
    });
    // alpha becomes a clone of that remote; its first sync brings the running retro in.
    git(alphaDir, 'init', '-q', '--initial-branch=main');
    git(alphaDir, 'remote', 'add', 'origin', remote);
    await runCommand(page, 'Stupid Work: Sync Backlog');

    const board = await openBoard(page);
    await board.waitForSelector('#live-status', { timeout: 30000 });
    assert.match((await board.textContent('#retro-status')) ?? '', /Robin Facilitator/, 'the board says who facilitates');
    await page.locator('.statusbar-item', { hasText: 'Live retro' }).first().waitFor({ timeout: 15000 });
    await fillField(board, '#search', token);
    await board.waitForFunction(() => document.querySelectorAll('.card').length === 2, null, { timeout: 15000 });
    await board.click(`#expand-${voteOn.id}`);
    await board.waitForSelector(`#rationale-${voteOn.id}`, { timeout: 15000 });
    await board.click(`#rationale-${voteOn.id}`);
    await typeIn(board, `#rationale-${voteOn.id}`, 'Nobody has opened it since March');

    await teammateChange((backlog) => {
      const voted = anonymousVote(backlog, voteOn.id, new Date());
      assert.ok(voted.ok);
      const moved = moveToList(voted.backlog, moveIt.id, 'now', new Date());
      assert.ok(moved.ok);
      return moved.backlog;
    });
    const pushed = Date.now();
    await board.waitForFunction(
      ([voteId, moveId]) => document.querySelector(`#vote-${voteId} .count`)?.textContent === '1' && document.querySelector(`#column-now #card-${moveId}`) !== null,
      [voteOn.id, moveIt.id],
      { timeout: 2 * INTERVAL_MS, polling: 100 },
    );
    const arrivedMs = Date.now() - pushed;
    assert.ok(arrivedMs <= 2 * INTERVAL_MS, `the vote and the move arrived after ${arrivedMs} ms`);
    assert.match((await board.textContent('#live-status')) ?? '', /last change from the team at/);

    assert.equal(await fieldValue(board, `#rationale-${voteOn.id}`), 'Nobody has opened it since March', 'the draft is intact');
    assert.equal(await board.evaluate(() => document.activeElement?.id), `rationale-${voteOn.id}`, 'and still has the focus');
    await typeIn(board, `#rationale-${voteOn.id}`, '.');
    assert.equal(await fieldValue(board, `#rationale-${voteOn.id}`), 'Nobody has opened it since March.', 'typing goes on where it was');
    await fillField(board, '#search', '');
  });
});
