// The static report the command line writes, opened from disk in real Chromium: the board's cards, a
// chart and the impact figures match the file; no request leaves the page; and a teammate's hostile
// text in every field runs nothing.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as l10n from '@vscode/l10n';
import type { Browser, Locator, Page } from 'playwright-core';
import { serializeBacklog } from '../../src/core/file/serialize';
import { systemClock } from '../../src/core/model/calendar';
import { formatHours, hoursPerMonth } from '../../src/core/model/cost';
import { KINDS, OUTCOMES, TRIAGE_LISTS, type Backlog, type Entry, type Retro } from '../../src/core/model/model';
import { impact } from '../../src/core/retro/impact';
import { impactText } from '../../src/core/text/impactWords';
import { HOSTILE_CORPUS, hostileFields } from '../fixtures/hostileCorpus';
import { launchBrowser } from '../harness/host.mjs';
import { fixtureId, rng } from '../unit/fixtures';
import { saveLastScreenshot, screenshotDir } from './workbench';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const DAY = 86_400_000;

/** Writes `backlog` into a fresh folder, runs `stupid-work report` there and returns the page's path. */
function writeReport(backlog: Backlog): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'sw-report-'));
  writeFileSync(path.join(folder, 'stupid-work.json'), serializeBacklog(backlog));
  const run = spawnSync(process.execPath, [CLI, '--folder', folder, 'report', '--out', 'site'], { cwd: folder, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return path.join(folder, 'site', 'index.html');
}

/** What the page did that it must not: requests off the file, dialogs, errors (a CSP refusal is one). */
interface Watch {
  requests: string[];
  dialogs: string[];
  errors: string[];
}

async function openFromDisk(browser: Browser, file: string): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const watch: Watch = { requests: [], dialogs: [], errors: [] };
  page.on('request', (request) => watch.requests.push(request.url()));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => watch.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  await page.goto(pathToFileURL(file).href);
  await page.locator('#impact').waitFor();
  return { page, watch };
}

function offPage(watch: Watch): string[] {
  return watch.requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'));
}

describe('the static report opened from disk', function () {
  this.timeout(120000);
  const shots = screenshotDir();
  let browser: Browser;
  let page: Page | undefined;

  /** Whether the entry is listed under Follow-ups, where the board shows a decided card instead of in its list. */
  async function followUp(id: string): Promise<boolean> {
    return (await (page as Page).locator(`#follow-up-${id}`).count()) > 0;
  }
  const folders: string[] = [];

  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await saveLastScreenshot(page, 'report-last.png');
    await browser?.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('shows the cards, the charts and the impact figures of the file, and fetches nothing', async () => {
    const random = rng(18);
    const now = Date.now();
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
    const id = (daysAgo: number) => fixtureId(now - daysAgo * DAY, random);
    const base = (daysAgo: number, title: string, extra: Partial<Entry>): Entry => ({
      id: id(daysAgo),
      title,
      kind: 'unused-report',
      reasons: ['always-done-that-way'],
      smart: { speakUp: `Why: ${title}`, moreInfo: '', accountability: '', reprioritize: '', tryAnother: '' },
      links: [],
      created: at(daysAgo),
      updated: at(daysAgo),
      status: 'open',
      triage: 'now',
      votes: [],
      comments: [],
      ...extra,
    });
    const retros: Retro[] = [
      { id: id(30), started: at(30), finished: at(30), facilitator: 'Morgan', discussed: [], decided: [] },
      { id: id(10), started: at(10), finished: at(10), facilitator: 'Morgan', discussed: [], decided: [] },
    ];
    const entries = [
      base(50, 'Quarterly slide deck rebuilt from scratch', { cost: { hoursPerOccurrence: 6, occurrences: 1, per: 'month', people: 2 }, votes: ['ana@example.org', 'bo@example.org'], triage: 'bigger-story' }),
      base(45, 'Timesheet codes retyped into two tools', { kind: 'autopilot-policy', cost: { hoursPerOccurrence: 1, occurrences: 1, per: 'week', people: 3 }, status: 'done', decision: { outcome: 'automate', rationale: '', owner: 'Priya', followUp: 'done', decided: at(30), completed: at(20), retro: retros[0].id } }),
      base(40, 'Release checklist signed on paper', { kind: 'ritual-process', cost: { hoursPerOccurrence: 2, occurrences: 1, per: 'month', people: 1 }, status: 'decided', decision: { outcome: 'stop', rationale: '', owner: 'Priya', followUp: 'in-progress', decided: at(10), due: '2099-01-31', retro: retros[1].id } }),
      base(35, 'Audit binder printed for the archive', { kind: 'trivia', cost: { hoursPerOccurrence: 3, occurrences: 1, per: 'quarter', people: 1 }, status: 'decided', decision: { outcome: 'keep', rationale: 'The regulator asks for paper.', owner: 'Lee', followUp: 'open', decided: at(10), retro: retros[1].id } }),
    ];
    retros[0].discussed = [entries[0].id, entries[1].id];
    retros[0].decided = [entries[1].id];
    retros[1].discussed = [entries[0].id, entries[2].id, entries[3].id];
    retros[1].decided = [entries[2].id, entries[3].id];
    const backlog: Backlog = { version: 1, entries, retros };
    const file = writeReport(backlog);
    folders.push(path.dirname(path.dirname(file)));
    const html = readFileSync(file, 'utf8');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+';/);
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=|@import/i, 'the page loads nothing from outside itself');
    assert.doesNotMatch(html, /\burl\((?!["']data:)/, 'its style sheets load nothing but inlined data (its font, a component\'s image)');
    // No address at all: the charts are CSS boxes. The form components' icons name the SVG namespace, which is no address to load.
    assert.deepEqual(html.match(/https?:\/\/(?!www\.w3\.org\/2000\/svg")[^"'\s)]*/g) ?? [], []);

    const opened = await openFromDisk(browser, file);
    page = opened.page;

    // The active lists' cards, with their votes and decisions.
    for (const entry of entries.filter((e) => e.status !== 'done')) {
      // As on the board, a decision under Follow-ups is shown there once, not in its list too.
      if (await followUp(entry.id)) continue;
      const card = page.locator(`#column-${entry.triage} #card-${entry.id}`);
      assert.equal(await card.locator('.title').textContent(), entry.title);
      assert.equal(await card.locator('.vote:not(.help) .count').textContent(), String(entry.votes.length));
      assert.equal(await card.locator('.vote').first().isDisabled(), true, 'votes are read-only');
      assert.equal(await card.locator('.cost').textContent(), `${formatHours(hoursPerMonth(entry.cost))}/month`);
    }
    assert.equal(await page.locator(`#card-${entries[1].id}`).count(), 0, 'a done entry leaves the active board');
    // Decided in an earlier retro and not done: shown once, under Follow-ups, with its outcome and state.
    assert.equal(await page.locator(`#card-${entries[2].id}`).count(), 0, 'a follow-up is not drawn in its list too');
    assert.deepEqual(await page.locator(`#follow-up-${entries[2].id} .badge`).allTextContents(), ['Stop it', 'In progress']);

    // A follow-up from an earlier retro; its Open button opens the card on the page, answers and all.
    await page.locator(`#follow-up-open-${entries[2].id}`).click();
    assert.match((await page.locator(`#detail-${entries[2].id}`).textContent()) ?? '', /Why: Release checklist signed on paper/);

    // The board's hours chart, with its numbers.
    const total = formatHours(entries.filter((e) => e.status === 'open' || e.status === 'decided').reduce((sum, e) => sum + hoursPerMonth(e.cost), 0));
    assert.match((await page.locator('#chart-hours .chart').getAttribute('aria-label')) ?? '', new RegExp(`^${total} per month in total`));

    // The impact figures, as the core computes them from the same file.
    const figures = impact(backlog, systemClock());
    for (const key of ['reclaimed', 'inProgress', 'wasted'] as const) {
      assert.equal(await page.locator(`#impact-${key} .impact-hours`).textContent(), formatHours(figures[key].hours));
      assert.equal(await page.locator(`#impact-${key} .explanation`).textContent(), impactText(figures[key].explanation, l10n));
      assert.deepEqual(await page.locator(`#impact-${key} tbody tr`).evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.id)), figures[key].items.map((item) => item.id));
    }
    assert.equal(await page.locator('#impact-reclaimed .impact-hours').textContent(), '13 h');
    assert.equal(await page.locator('#chart-trend .chart .column-bar').count(), 3 * 2, 'three bars per retro');
    assert.equal(await page.locator('#chart-trend .legend .swatch').count(), 3, 'and a legend of the three');
    // Flagged before the first retro or discussed in one: each of these came up in both.
    assert.deepEqual(await page.locator('#recurrence .recurring-entry').allTextContents(), [0, 2, 3].map((n) => `${entries[n].title} in 2 of the last 2 retros`));
    // The timesheet entry, the only one of its kind, came up in the first retro only.
    assert.deepEqual(await page.locator('#recurrence .recurring-kind').allTextContents(), ['Unused report', 'Ritual process', 'Trivia while the sky is falling'].map((kind) => `${kind} in 2 of the last 2 retros`));
    await page.screenshot({ path: path.join(shots, 'report.png'), fullPage: true });

    assert.deepEqual(offPage(opened.watch), []);
    assert.deepEqual(opened.watch.errors, []);
    assert.deepEqual(opened.watch.dialogs, []);
    await page.close();
    page = undefined;
  });

  it('runs none of the hostile corpus, in any field', async () => {
    const random = rng(81);
    const now = Date.now();
    const retroId = fixtureId(now - 20 * DAY, random);
    const entries = HOSTILE_CORPUS.map((_, i): Entry => {
      const f = hostileFields(i);
      const created = new Date(now - (60 - i) * DAY).toISOString();
      const outcome = OUTCOMES[i % OUTCOMES.length];
      const done = i % 2 === 0;
      return {
        id: fixtureId(now - (60 - i) * DAY, random),
        title: f.title,
        kind: KINDS[i % KINDS.length],
        reasons: ['always-done-that-way'],
        smart: { speakUp: f.speakUp, moreInfo: f.moreInfo, accountability: f.accountability, reprioritize: f.reprioritize, tryAnother: f.tryAnother },
        cost: { hoursPerOccurrence: 1 + (i % 5), occurrences: 1, per: 'week', people: 1 },
        links: [],
        author: { name: f.authorName, email: f.authorEmail },
        created,
        updated: created,
        status: i % 3 === 0 ? 'open' : done ? 'done' : 'decided',
        triage: TRIAGE_LISTS[i % TRIAGE_LISTS.length],
        votes: i % 4 === 0 ? [f.authorEmail] : [],
        comments: [{ id: fixtureId(now - (50 - i) * DAY, random), author: { name: f.commentAuthor }, created, text: f.commentText }],
        ...(i % 3 === 0 ? {} : { decision: { outcome, rationale: f.rationale, owner: f.owner, followUp: done ? 'done' : 'in-progress', decided: created, ...(done ? { completed: created } : {}), retro: retroId } }),
      };
    });
    const retro: Retro = { id: retroId, started: new Date(now - 20 * DAY).toISOString(), finished: new Date(now - 20 * DAY).toISOString(), facilitator: hostileFields(0).facilitator, discussed: entries.map((e) => e.id), decided: [] };
    const file = writeReport({ version: 1, entries, retros: [retro] });
    folders.push(path.dirname(path.dirname(file)));
    const opened = await openFromDisk(browser, file);
    page = opened.page;

    // Open every card, so every answer, comment and decision is on the page too.
    for (const toggle of await page.locator('button.expand').all()) await toggle.click();
    assert.ok((await page.locator('.detail:not([hidden])').count()) > 0);
    const shown = await page.evaluate(() => ({
      scripts: document.scripts.length,
      active: [...document.querySelectorAll('iframe, img, object, embed, link, style, base, meta[http-equiv="refresh"]')].map((node) => node.outerHTML.slice(0, 80)),
      links: [...document.querySelectorAll('[href], [src], [action], [formaction]')].map((node) => node.outerHTML.slice(0, 80)),
      handlers: [...document.querySelectorAll('*')].flatMap((node) => [...node.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${node.tagName} ${a.name}`)),
    }));
    assert.equal(shown.scripts, 2, 'only the data block and the page script');
    assert.deepEqual(shown.active.filter((html) => !html.startsWith('<style>') && !html.startsWith('<meta')), []);
    assert.deepEqual(shown.links, []);
    assert.deepEqual(shown.handlers, []);
    for (const entry of entries.filter((e) => e.status !== 'done')) {
      const shownTitle: Locator = (await followUp(entry.id)) ? page.locator(`#follow-up-${entry.id} .title`).first() : page.locator(`#card-title-${entry.id}`);
      assert.equal(await shownTitle.textContent(), entry.title, 'the title reads as typed');
    }
    for (const entry of entries.filter((e) => e.status === 'done' && e.decision?.outcome !== 'keep')) {
      assert.equal(await page.locator(`#impact-reclaimed tr[data-id="${entry.id}"] .title`).textContent(), entry.title);
    }
    await page.screenshot({ path: path.join(shots, 'report-hostile.png'), fullPage: true });
    assert.deepEqual(opened.watch.dialogs, []);
    assert.deepEqual(offPage(opened.watch), []);
    assert.deepEqual(opened.watch.errors, []);
  });

  it('refuses a backlog it cannot parse and writes nothing', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'sw-report-'));
    folders.push(folder);
    mkdirSync(path.join(folder, 'site'));
    writeFileSync(path.join(folder, 'stupid-work.json'), '{ "version": 1, "entries": [ }');
    const run = spawnSync(process.execPath, [CLI, '--folder', folder, 'report', '--out', 'site'], { cwd: folder, encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /stupid-work\.json:1:\d+: .* No report was written/);
    assert.throws(() => readFileSync(path.join(folder, 'site', 'index.html')), /ENOENT/);
  });
});
