// A teammate's hostile text on every surface of the real workbench. Every field of every entry holds
// a payload of the hostile corpus; the test opens each surface that shows entry text (the Backlog's
// labels and tooltips, CodeLens and hovers on flagged code, the Go to Code pick and refusal, the
// code-not-found and archive notifications, the status bar, the invalid-file warning with its
// output line, the Retro Board) and checks that no link from entry text is rendered, no command
// runs, no request is made, and the text reads as typed.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import * as path from 'node:path';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { createCodeLink } from '../../src/core/codeLinks/codeLinks';
import { QUOTE_LENGTH, STATUS_BAR_QUOTE_LENGTH, plainText, shorten } from '../../src/core/text/inertText';
import { KINDS, OUTCOMES, TRIAGE_LISTS, type Entry, type Retro } from '../../src/core/model/model';
import { HOSTILE_CORPUS, hostileFields } from '../fixtures/hostileCorpus';
import { launchBrowser } from '../harness/host.mjs';
import { fixtureId, rng } from '../unit/fixtures';
import { assertSchemaValid, frameWith, openBoard, openSidebar, openWorkbench, quickInput, recordDialogs, runCommand, saveLastScreenshot, screenshotDir, setTheme, testServer } from './workbench';

const N = HOSTILE_CORPUS.length;
const FLAGGED = 'hostile/flagged.ts';
const FLAGGED_LINES = Array.from({ length: N + 2 }, (_, i) => `export const flagged${i} = ${i * 7}; // line ${i + 1}`);

/** Characters the rule adds or drops that a reader never sees. */
const INVISIBLE = /[\u200B\u2066-\u2069\u202A-\u202E]/g;
function visible(text: string | null | undefined): string {
  // The editor draws spaces of CodeLens and output lines as no-break spaces.
  return (text ?? '').replace(INVISIBLE, '').replace(/\u00A0/g, ' ');
}

function indexOf(name: string): number {
  const index = HOSTILE_CORPUS.findIndex((payload) => payload.name === name);
  assert.ok(index >= 0, name);
  return index;
}

describe("a teammate's hostile text in the real workbench", function () {
  this.timeout(900000);
  const { port, workspace, alphaDir, alphaFile } = testServer();
  const betaFile = path.join(path.dirname(workspace), 'beta', 'stupid-work.json');
  const flaggedFile = path.join(alphaDir, FLAGGED);
  const shots = screenshotDir();
  const dialogs: string[] = [];
  const requests: string[] = [];
  let canary: Server | undefined;
  let canaryPort = 9;
  let connections = 0;
  let alphaBefore = '';
  let workspaceBefore = '';
  let betaBefore: string | undefined;
  let entries: Entry[] = [];
  let browser: Browser;
  let page: Page;

  /** The payloads with their web addresses pointed at the canary, which counts every connection. */
  function aimed(text: string): string {
    return text.replaceAll('127.0.0.1:9/', `127.0.0.1:${canaryPort}/`);
  }

  function hostileBacklog(): { entries: Entry[]; retros: Retro[] } {
    const random = rng(13);
    const now = Date.now();
    const oldRetro = fixtureId(now - 40 * 86400000, random);
    const activeRetro = fixtureId(now - 3600000, random);
    const made = HOSTILE_CORPUS.map((_, i): Entry => {
      const f = Object.fromEntries(Object.entries(hostileFields(i)).map(([key, value]) => [key, aimed(value)])) as ReturnType<typeof hostileFields>;
      const created = new Date(now - (60 - i) * 86400000).toISOString();
      const line = i + 1;
      const codeGone = i === indexOf('command link typing into a terminal');
      const links = codeGone
        ? [{ ...createCodeLink(FLAGGED, ['code that was removed long ago'], 1, 1), startLine: line, endLine: line }]
        : [createCodeLink(FLAGGED, FLAGGED_LINES, line, line), { path: f.linkPath, startLine: 3, endLine: 4, fingerprint: '' }];
      const entry: Entry = {
        id: fixtureId(now - (60 - i) * 86400000, random),
        title: f.title,
        kind: KINDS[i % KINDS.length],
        reasons: ['always-done-that-way'],
        smart: { speakUp: f.speakUp, moreInfo: f.moreInfo, accountability: f.accountability, reprioritize: f.reprioritize, tryAnother: f.tryAnother },
        cost: { hoursPerOccurrence: 1 + (i % 5), occurrences: 1, per: 'week', people: 1 + (i % 3) },
        links,
        author: { name: f.authorName, email: f.authorEmail },
        created,
        updated: created,
        status: 'open',
        triage: TRIAGE_LISTS[i % TRIAGE_LISTS.length],
        // The longest title gets the most votes, so its card comes first in its list.
        votes: f.title.length === 300 ? ['kim@example.com', 'lee@example.com', 'sam@example.com'] : i % 3 === 0 ? ['kim@example.com'] : [],
        comments: [{ id: fixtureId(now - i * 1000, random), created, text: f.commentText, author: { name: f.commentAuthor } }],
      };
      if (i % 2 === 0) {
        entry.status = 'decided';
        entry.decision = {
          outcome: OUTCOMES[(i / 2) % OUTCOMES.length],
          rationale: f.rationale,
          owner: f.owner,
          due: new Date(now - (i % 4 === 0 ? 9 : -9) * 86400000).toISOString().slice(0, 10),
          followUp: i % 4 === 0 ? 'open' : 'in-progress',
          decided: new Date(now - 39 * 86400000).toISOString(),
          retro: oldRetro,
        };
      }
      return entry;
    });
    const retros: Retro[] = [
      {
        id: oldRetro,
        started: new Date(now - 40 * 86400000).toISOString(),
        finished: new Date(now - 40 * 86400000 + 1800000).toISOString(),
        facilitator: aimed(hostileFields(0).facilitator),
        discussed: made.filter((e) => e.decision).map((e) => e.id),
        decided: made.filter((e) => e.decision).map((e) => e.id),
      },
      { id: activeRetro, started: new Date(now - 3600000).toISOString(), facilitator: aimed(hostileFields(3).facilitator), discussed: [], decided: [] },
    ];
    return { entries: made, retros };
  }

  function entryAt(name: string): Entry {
    return entries[indexOf(name)];
  }

  /** The Backlog view's tree. */
  function backlogTree(): Locator {
    return page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: /^Backlog/i }) }).locator('.monaco-list').first();
  }

  /** Pages through the Backlog with the keyboard until a row whose label, as a reader sees it, satisfies `matches`, and returns it. */
  async function findRow(matches: (label: string) => boolean, what: string): Promise<Locator> {
    const tree = backlogTree();
    await runCommand(page, 'Stupid Work: Focus on Backlog View');
    await page.keyboard.press('Home');
    const seen = new Set<string>();
    let unchanged = 0;
    for (let step = 0; step < 40 && unchanged < 3; step++) {
      const rows = tree.locator('.monaco-list-rows > .monaco-list-row');
      const count = await rows.count();
      const before = seen.size;
      for (let i = 0; i < count; i++) {
        const row = rows.nth(i);
        const text = visible(await row.locator('.label-name').first().textContent().catch(() => null));
        seen.add(text);
        if (matches(text)) {
          // The list reuses its row elements as it scrolls; the id names this row for good.
          const stable = tree.locator(`.monaco-list-row[id="${await row.getAttribute('id')}"]`);
          await scrollIntoList(stable);
          return stable;
        }
      }
      // The first PageDown only moves the focus to the bottom of the page; the end shows no new rows.
      unchanged = seen.size === before ? unchanged + 1 : 0;
      await page.keyboard.press('PageDown');
      await page.waitForTimeout(150);
    }
    throw new Error(`no Backlog row shows ${what}; rows: ${JSON.stringify([...seen])}`);
  }

  /**
   * Brings a row wholly into the Backlog's view with the mouse wheel, which the list handles itself:
   * a row scrolled into view by the browser instead is drawn where the list does not know it is.
   */
  async function scrollIntoList(row: Locator): Promise<void> {
    const list = backlogTree();
    for (let attempt = 0; attempt < 10; attempt++) {
      const [rowBox, listBox] = [await row.boundingBox(), await list.boundingBox()];
      if (!rowBox || !listBox) return;
      const below = rowBox.y + rowBox.height - (listBox.y + listBox.height);
      const above = listBox.y - rowBox.y;
      if (below <= 0 && above <= 0) return;
      await page.mouse.move(listBox.x + listBox.width / 2, listBox.y + listBox.height / 2);
      await page.mouse.wheel(0, below > 0 ? below + 22 : -(above + 22));
      await page.waitForTimeout(200);
    }
  }

  function treeRow(entry: Entry): Promise<Locator> {
    const label = visible(plainText(entry.title));
    return findRow((text) => text === label, JSON.stringify(label));
  }

  /** The hover that shows `text`; the one before may still be fading out when the next appears. */
  async function hoverShowing(text: string, timeoutMs = 15000): Promise<Locator> {
    const hovers = page.locator('.workbench-hover, .monaco-hover');
    for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
      for (let i = 0; i < (await hovers.count()); i++) {
        const hover = hovers.nth(i);
        if ((await hover.isVisible().catch(() => false)) && visible(await hover.textContent().catch(() => '')).includes(text)) {
          return hover;
        }
      }
      await page.waitForTimeout(250);
    }
    const shown = await hovers.allTextContents();
    await page.screenshot({ path: path.join(shots, 'untrusted-text-no-hover.png') });
    throw new Error(`no hover shows ${JSON.stringify(text)}; hovers: ${JSON.stringify(shown.map(visible))}`);
  }

  /** Runs one of an entry's context-menu commands in the Backlog. */
  async function contextMenu(entry: Entry, label: string): Promise<void> {
    const row = await treeRow(entry);
    await row.click({ button: 'right' });
    const item = page.locator('.monaco-menu .action-item', { hasText: label }).first();
    await item.waitFor({ timeout: 10000 });
    await item.click();
  }

  /** The newest notification whose message holds `fragment`, from its toast or from the notification centre. */
  async function notification(fragment: string): Promise<Locator> {
    const match = (scope: string) =>
      page.locator(`${scope} .notification-list-item`).filter({ has: page.locator('.notification-list-item-message', { hasText: fragment }) }).first();
    const toast = match('.notifications-toasts');
    if (await toast.waitFor({ timeout: 8000 }).then(() => true, () => false)) {
      return toast;
    }
    await runCommand(page, 'Notifications: Show Notifications');
    const listed = match('.notifications-center');
    await listed.waitFor({ timeout: 10000 });
    return listed;
  }

  /** Clicks the middle of the first place `text` is drawn inside `scope`, where a link would have been. */
  async function clickText(scope: Locator, text: string): Promise<void> {
    const box = await scope.evaluate((root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent ?? '').indexOf(wanted);
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + wanted.length);
          const rect = range.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      return undefined;
    }, text);
    assert.ok(box, `${JSON.stringify(text)} is drawn`);
    await page.mouse.click(box.x, box.y);
  }

  /** No `<a>` in `scope` whose target comes from entry text; `allowed` are the extension's own links. */
  async function assertNoLinks(scope: Locator, what: string, allowed: RegExp = /^$/): Promise<void> {
    const links = await scope.evaluate((root) =>
      [...root.querySelectorAll('a, [href], [data-href], img, iframe, script, style:not([data-owner])')].map((node) => ({
        tag: node.tagName.toLowerCase(),
        href: [node.getAttribute('href'), node.getAttribute('data-href'), node.getAttribute('src')].find((value) => value) ?? '',
        text: node.textContent ?? '',
      })),
    );
    const foreign = links.filter((link) => !(link.tag === 'a' && allowed.test(link.href)));
    assert.deepEqual(foreign, [], `${what} renders no link, image or markup of its own`);
  }

  /** The commands the corpus aims at have not run: no settings editor, terminal, new file, zen mode or data file. */
  async function assertNoCommandRan(): Promise<void> {
    await page.waitForTimeout(800);
    const state = await page.evaluate(() => ({
      tabs: [...document.querySelectorAll('.tabs-container .tab .label-name')].map((tab) => tab.textContent ?? ''),
      terminals: document.querySelectorAll('.terminal-wrapper, .xterm').length,
      zen: document.querySelector('.monaco-workbench')?.classList.contains('zen-mode') ?? false,
    }));
    assert.deepEqual(
      { settings: state.tabs.filter((t) => /Settings/.test(t)), untitled: state.tabs.filter((t) => /^Untitled/.test(t)), data: state.tabs.filter((t) => t === 'stupid-work.json'), terminals: state.terminals, zen: state.zen },
      { settings: [], untitled: [], data: [], terminals: 0, zen: false },
    );
  }

  /** Polls the file until the entry's status satisfies `ok`. */
  async function waitForStatus(id: string, ok: (status: string) => boolean): Promise<string> {
    for (let attempt = 0; attempt < 75; attempt++) {
      const status = (JSON.parse(readFileSync(alphaFile, 'utf8')) as { entries: Entry[] }).entries.find((e) => e.id === id)?.status;
      if (status && ok(status)) return status;
      await page.waitForTimeout(200);
    }
    throw new Error(`the status of ${id} did not change`);
  }

  /**
   * Nothing on the board overlaps: in each follow-up row the title, every fact and each action; in
   * each card the title, the facts, each badge and the actions; and nothing sticks out of its row
   * or card.
   */
  async function assertLaidOut(board: Frame): Promise<void> {
    // tsx keeps the names of the functions below with a helper that the page does not have.
    await board.evaluate('globalThis.__name ??= (target) => target');
    const problems = await board.evaluate(() => {
      const found: string[] = [];
      const box = (node: Element) => node.getBoundingClientRect();
      const overlap = (a: DOMRect, b: DOMRect) => a.width > 0 && b.width > 0 && a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      const inside = (inner: DOMRect, outer: DOMRect) => inner.width === 0 || (inner.left >= outer.left - 1 && inner.right <= outer.right + 1);
      const check = (container: Element, parts: Element[], what: string) => {
        const outer = box(container);
        parts.forEach((part, i) => {
          if (!inside(box(part), outer)) found.push(`${what}: ${part.className || part.tagName} sticks out`);
          for (const other of parts.slice(i + 1)) {
            if (overlap(box(part), box(other))) found.push(`${what}: ${part.className || part.tagName} overlaps ${other.className || other.tagName}`);
          }
        });
      };
      for (const row of document.querySelectorAll('.follow-up')) {
        check(row, [row.querySelector('.title'), ...row.querySelectorAll('.facts > *'), ...row.querySelectorAll('.follow-up-actions vscode-button')].filter((n): n is Element => n !== null), `follow-up ${row.id}`);
      }
      for (const card of document.querySelectorAll('.card')) {
        const parts = [card.querySelector('.card-head .title'), card.querySelector('.card-head button'), ...card.querySelectorAll('.meta > *'), ...card.querySelectorAll('.card-actions > *')];
        check(card, parts.filter((n): n is Element => n !== null), card.id);
      }
      for (const node of document.querySelectorAll('.toolbar > *, .detail *')) {
        const column = node.closest('.card') ?? document.querySelector('.toolbar');
        if (column && !inside(box(node), box(column)) && getComputedStyle(node).position !== 'absolute') found.push(`${node.className || node.tagName} sticks out of ${column.className}`);
      }
      return found;
    });
    assert.deepEqual(problems, []);
  }

  async function dismissNotifications(): Promise<void> {
    await runCommand(page, 'Notifications: Clear All Notifications').catch(() => undefined);
    await page.keyboard.press('Escape');
  }

  before(async () => {
    canary = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    canaryPort = await new Promise<number>((resolve, reject) => {
      canary?.once('error', reject);
      canary?.listen(0, '127.0.0.1', () => resolve((canary?.address() as { port: number }).port));
    });

    // Rows pinned at the top of a scrolled tree would cover the rows the test points at.
    workspaceBefore = readFileSync(workspace, 'utf8');
    const settings = JSON.parse(workspaceBefore) as { settings?: Record<string, unknown> };
    settings.settings = { ...settings.settings, 'workbench.tree.enableStickyScroll': false };
    writeFileSync(workspace, JSON.stringify(settings, null, 2));
    alphaBefore = readFileSync(alphaFile, 'utf8');
    betaBefore = existsSync(betaFile) ? readFileSync(betaFile, 'utf8') : undefined;
    mkdirSync(path.dirname(flaggedFile), { recursive: true });
    writeFileSync(flaggedFile, `${FLAGGED_LINES.join('\n')}\n`);
    const hostile = hostileBacklog();
    entries = hostile.entries;
    const backlog = JSON.parse(alphaBefore) as { entries: Entry[]; retros?: Retro[] };
    backlog.entries.push(...entries);
    backlog.retros = [...(backlog.retros ?? []), ...hostile.retros];
    assertSchemaValid(backlog);
    writeFileSync(alphaFile, `${JSON.stringify(backlog, null, 2)}\n`);

    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    context.on('request', (request) => requests.push(request.url()));
    page = await context.newPage();
    recordDialogs(page, dialogs);
    await openWorkbench(page, port, workspace);
    await openSidebar(page);
  });

  after(async () => {
    await saveLastScreenshot(page, 'untrusted-text-last.png');
    await runCommand(page, 'View: Close All Editors').catch(() => undefined);
    await browser?.close();
    writeFileSync(alphaFile, alphaBefore);
    writeFileSync(workspace, workspaceBefore);
    if (betaBefore === undefined) {
      rmSync(betaFile, { force: true });
    } else {
      writeFileSync(betaFile, betaBefore);
    }
    rmSync(path.dirname(flaggedFile), { recursive: true, force: true });
    await new Promise((resolve) => canary?.close(resolve));
  });

  it('lists every title in the Backlog as typed, in its own direction, with no link or icon', async () => {
    // More room for the tree: the Log form folds away.
    const logHeader = page.locator('.part.sidebar .pane-header', { hasText: /^Log/ }).first();
    if ((await logHeader.getAttribute('aria-expanded')) === 'true') {
      await logHeader.click();
    }
    const tree = backlogTree();
    await tree.hover();
    const seen = new Map<string, { links: number; icons: number; after: boolean; boxes: unknown }>();
    for (let step = 0; step < 40; step++) {
      const rows = await tree.evaluate((list) =>
        [...list.querySelectorAll('.monaco-list-rows > .monaco-list-row')].map((row) => {
          const name = row.querySelector('.monaco-icon-name-container');
          const description = row.querySelector('.label-description')?.firstChild;
          const nameBox = name?.getBoundingClientRect();
          // Where the description's first and last characters are drawn: reversed text would swap them.
          const length = description?.textContent?.length ?? 0;
          const [first, last] = length > 1
            ? [0, length - 1].map((at) => {
                const range = document.createRange();
                range.setStart(description as Node, at);
                range.setEnd(description as Node, at + 1);
                return range.getBoundingClientRect();
              })
            : [undefined, undefined];
          return {
            label: row.querySelector('.label-name')?.textContent ?? '',
            links: row.querySelectorAll('.monaco-icon-label-container [href], .monaco-icon-label-container [data-href], .monaco-icon-label-container img').length,
            icons: row.querySelectorAll('.monaco-icon-label-container .codicon').length,
            // The counts and hours come after the title, whatever direction the title runs in.
            after: !nameBox || !first || !last || (first.left >= nameBox.left && first.left < last.left),
            boxes: [nameBox?.left, first?.left, last?.left],
          };
        }),
      );
      for (const row of rows) seen.set(row.label, row);
      const before = seen.size;
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(200);
      if (step > 3 && seen.size === before && rows.every((row) => seen.has(row.label))) {
        const atEnd = await tree.evaluate((list) => {
          const scrollable = list.querySelector('.monaco-scrollable-element > .monaco-list-rows')?.parentElement;
          return !scrollable || scrollable.scrollTop + scrollable.clientHeight >= scrollable.scrollHeight - 2;
        });
        if (atEnd) break;
      }
    }
    const byVisible = new Map([...seen].map(([label, row]) => [visible(label), row]));
    for (const entry of entries) {
      const row = byVisible.get(visible(shorten(entry.title)));
      assert.ok(row, `the Backlog lists ${JSON.stringify(entry.title)} as typed`);
      assert.ok(row.boxes, 'rows are measured');
      assert.deepEqual({ links: row.links, icons: row.icons, after: row.after }, { links: 0, icons: 0, after: true }, `${JSON.stringify(entry.title)} ${JSON.stringify(row)}`);
    }
  });

  it('shows the Backlog tooltips as text, with no link, image or markup', async () => {
    // Each tooltip holds the title, the five answers, the author and the owner: these entries show every payload.
    for (let i = 0; i < N; i += 7) {
      const entry = entries[i];
      const title = visible(shorten(entry.title));
      let hover: Locator | undefined;
      // A row that scrolls away as the pointer arrives, or a tooltip that does not come, is tried again.
      for (let attempt = 0; attempt < 3 && !hover; attempt++) {
        const row = await treeRow(entry);
        await page.mouse.move(0, 0);
        await page.keyboard.press('Escape');
        await row.locator('.label-name').hover({ timeout: 5000 }).catch(() => undefined);
        hover = await hoverShowing(title, 6000).catch(() => undefined);
      }
      hover ??= await hoverShowing(title);
      await assertNoLinks(hover, `the tooltip of ${JSON.stringify(entry.title)}`);
      const text = visible(await hover.textContent());
      for (const value of [entry.title, ...Object.values(entry.smart).map((answer) => shorten(answer, 240)), entry.author?.name ?? '', entry.decision?.owner ?? '']) {
        assert.ok(text.includes(visible(shorten(value))), `the tooltip shows ${JSON.stringify(value)} as typed`);
      }
      await page.keyboard.press('Escape');
    }
  });

  it('shows CodeLens titles and hovers on flagged code as text; the only links are the hover\'s own Open entry, Me too and Comment…', async () => {
    await page.keyboard.press('F1');
    await quickInput(page).fill('flagged.ts');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'flagged.ts' }).first().waitFor({ timeout: 15000 });
    await quickInput(page).press('Enter');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.codelens-decoration').first().waitFor({ timeout: 20000 });
    await editor.click({ position: { x: 300, y: 100 } });
    await page.keyboard.press('Control+Home');
    const lenses = new Map<string, { icons: number; links: number }>();
    for (let step = 0; step < 30; step++) {
      for (const lens of await editor.evaluate((root) =>
        [...root.querySelectorAll('.codelens-decoration')].map((node) => ({
          text: node.textContent ?? '',
          icons: node.querySelectorAll('.codicon').length,
          links: node.querySelectorAll('[href], [data-href], img').length,
        })),
      )) {
        lenses.set(visible(lens.text), lens);
      }
      await page.keyboard.press('PageDown');
      await page.waitForTimeout(150);
    }
    for (const entry of entries) {
      const title = visible(plainText(entry.title, QUOTE_LENGTH));
      const found = [...lenses].find(([text]) => text.includes(`Stupid Work: ${title}`));
      assert.ok(found, `a CodeLens names ${JSON.stringify(entry.title)} as typed`);
      // The kind's icon (or the warning of code no longer found) and the vote's thumbs-up, and no icon from the text.
      assert.deepEqual({ icons: found[1].icons, links: found[1].links }, { icons: 2, links: 0 }, found[0]);
      if (entry.decision && entry.links.length > 1) {
        assert.ok(found[0].includes(visible(plainText(entry.decision.owner, QUOTE_LENGTH))), `the CodeLens names the owner ${JSON.stringify(entry.decision.owner)} as typed: ${JSON.stringify(found[0])}`);
      }
    }

    for (let i = 0; i < N; i += 6) {
      const entry = entries[i];
      if (entry.links.length < 2) continue;
      await page.keyboard.press('Control+g');
      await quickInput(page).fill(`:${i + 1}`);
      await quickInput(page).press('Enter');
      await page.mouse.move(0, 0);
      await editor.locator('.view-line', { hasText: `flagged${i} =` }).hover({ position: { x: 40, y: 5 } });
      const hover = await hoverShowing(`Stupid Work: ${visible(shorten(entry.title))}`);
      await assertNoLinks(hover, `the hover of ${JSON.stringify(entry.title)}`, /^command:stupidWork\.entry\.(openById|toggleVote|comment)\?/);
      assert.equal(await hover.locator('a').count(), 3, 'three links: Open entry, Me too and Comment…');
      const text = visible(await hover.textContent());
      for (const value of [entry.title, entry.decision?.owner ?? '', shorten(entry.decision?.rationale ?? '', 240)]) {
        assert.ok(text.includes(visible(shorten(value))), `the hover shows ${JSON.stringify(value)} as typed`);
      }
      await page.keyboard.press('Escape');
    }
    await assertNoCommandRan();
  });

  it('offers a hostile link path in Go to Code as text, and refuses it in a notification that runs nothing', async () => {
    const pathPayload = aimed(HOSTILE_CORPUS[indexOf('command link in a path')].text);
    const entry = entries.find((e) => e.links[1]?.path === pathPayload);
    assert.ok(entry);
    await contextMenu(entry, 'Go to Code');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.nth(1).waitFor({ timeout: 10000 });
    const picks = await page.locator('.quick-input-list').evaluate((list) =>
      [...list.querySelectorAll('.monaco-list-row')].map((row) => ({ text: row.querySelector('.label-name')?.textContent ?? '', icons: row.querySelectorAll('.label-name .codicon').length, links: row.querySelectorAll('[href], img').length })),
    );
    assert.deepEqual(picks.map((pick) => ({ ...pick, text: visible(pick.text) })), [
      { text: `${FLAGGED}:${entries.indexOf(entry) + 1}-${entries.indexOf(entry) + 1}`, icons: 0, links: 0 },
      { text: `${pathPayload}:3-4`, icons: 0, links: 0 },
    ]);
    await rows.nth(1).click();
    const refusal = await notification('does not point inside alpha');
    const message = refusal.locator('.notification-list-item-message');
    await assertNoLinks(refusal, 'the Go to Code refusal');
    assert.equal(visible(await message.textContent()), `The link “${pathPayload}” does not point inside alpha, so it is not opened.`);
    await clickText(message, 'Open settings');
    await assertNoCommandRan();
    await dismissNotifications();

    // A path with icon syntax is drawn as typed in the pick too.
    const iconPath = aimed(HOSTILE_CORPUS[indexOf('icon syntax')].text);
    const iconEntry = entries.find((e) => e.links[1]?.path === iconPath);
    assert.ok(iconEntry);
    await contextMenu(iconEntry, 'Go to Code');
    await rows.nth(1).waitFor({ timeout: 10000 });
    assert.equal(visible(await rows.nth(1).locator('.label-name').textContent()), `${iconPath}:3-4`);
    assert.equal(await rows.nth(1).locator('.codicon').count(), 0, 'no icon drawn from the path');
    await page.keyboard.press('Escape');
  });

  it('says the code is no longer found, quoting the title as text', async () => {
    const entry = entryAt('command link typing into a terminal');
    await contextMenu(entry, 'Go to Code');
    const warning = await notification('is no longer found in');
    const message = warning.locator('.notification-list-item-message');
    await assertNoLinks(warning, 'the code-not-found warning');
    assert.equal(visible(await message.textContent()), `The code linked from “${visible(plainText(entry.title, QUOTE_LENGTH))}” is no longer found in ${FLAGGED}.`);
    await clickText(message, 'Run');
    await assertNoCommandRan();
    await dismissNotifications();
  });

  it('archives with a notification that quotes the title as text, and its Undo still works', async () => {
    const entry = entryAt('command link');
    await contextMenu(entry, 'Archive');
    const archived = await notification('Archived');
    const message = archived.locator('.notification-list-item-message');
    await assertNoLinks(archived, 'the archive notification');
    assert.equal(visible(await message.textContent()), `Archived “${entry.title}”.`);
    await clickText(message, 'Open settings');
    await assertNoCommandRan();
    await archived.locator('.monaco-button', { hasText: 'Undo' }).click();
    const status = await waitForStatus(entry.id, (value) => value !== 'archived');
    assert.notEqual(status, 'archived', 'Undo brought the entry back');
  });

  it('copies an entry as Markdown with a status bar message that draws no icon', async () => {
    const entry = entryAt('icon syntax');
    await contextMenu(entry, 'Copy as Markdown');
    const message = page.locator('.part.statusbar .statusbar-item', { hasText: 'as Markdown' }).first();
    await message.waitFor({ timeout: 10000 });
    assert.equal(visible(await message.textContent()), `Copied “${visible(plainText(entry.title, STATUS_BAR_QUOTE_LENGTH))}” as Markdown`);
    assert.equal(await message.locator('.codicon').count(), 0, 'the title draws no icon in the status bar');
    await assertNoLinks(message, 'the status bar message');
  });

  it('warns about an invalid file quoting the bad value as text: notification, Backlog and output', async () => {
    const value = `[x](http://127.0.0.1:${canaryPort}/k)`;
    const bad = { version: 1, entries: [{ id: fixtureId(Date.now(), rng(1)), title: 'Bad kind', kind: value, created: new Date().toISOString(), updated: new Date().toISOString(), status: 'open' }] };
    writeFileSync(betaFile, `${JSON.stringify(bad, null, 2)}\n`);
    try {
      const warning = await notification('in beta cannot be read');
      const message = warning.locator('.notification-list-item-message');
      await assertNoLinks(warning.locator('.notification-list-item-message'), 'the invalid-file warning');
      assert.ok(visible(await message.textContent()).includes(`${JSON.stringify(value)} is not one of`), (await message.textContent()) ?? '');
      await clickText(message, 'x]');
      await dismissNotifications();

      const problem = await findRow((label) => label.endsWith('cannot be read'), 'the problem of beta');
      await assertNoLinks(problem.locator('.monaco-icon-label-container'), 'the Backlog\'s problem row');
      assert.ok(visible(await problem.locator('.label-description').textContent()).includes(JSON.stringify(value)));

      await runCommand(page, 'Stupid Work: Show Output');
      const output = page.locator('.part.panel .monaco-editor').first();
      const line = output.locator('.view-line', { hasText: 'in beta: entries[0].kind:' }).last();
      await line.waitFor({ timeout: 15000 });
      assert.ok(visible(await line.textContent()).includes(JSON.stringify(value)));
      assert.equal(await output.locator('.detected-link, .detected-link-active').count(), 0, 'the output links no address from the file');
      await runCommand(page, 'View: Hide Panel');
    } finally {
      if (betaBefore === undefined) {
        rmSync(betaFile, { force: true });
      } else {
        writeFileSync(betaFile, betaBefore);
      }
    }
    await assertNoCommandRan();
  });

  it('shows the Retro Board with hostile text as text, nothing overlapping, dark, light and narrow (screenshots)', async () => {
    for (const [theme, width, file] of [
      ['Dark Modern', 1440, 'hostile-board-dark'],
      ['Light Modern', 1440, 'hostile-board-light'],
      ['Light Modern', 720, 'hostile-board-narrow'],
    ] as const) {
      await page.setViewportSize({ width, height: 1000 });
      await setTheme(page, theme);
      await openBoard(page);
      const board = await frameWith(page, '#board #columns .card', 'the Retro Board');
      if (width < 1000) {
        await runCommand(page, 'View: Close Primary Side Bar').catch(() => undefined);
      }
      await board.waitForFunction((n) => document.querySelectorAll('.follow-up').length >= Math.min(n, 20) && document.querySelectorAll('.card').length >= n, Math.floor(N / 2), { timeout: 30000 });
      const open = entryAt('300 characters without a space');
      if (!(await board.$(`#card-${open.id}.expanded`))) {
        await board.click(`#expand-${open.id}`);
      }
      await board.waitForSelector(`#decision-${open.id}`, { timeout: 15000 });
      await assertNoLinks(board.locator('#board'), 'the Retro Board');
      await assertLaidOut(board);
      // Read in one go: a decided entry shows under Follow-ups, with no card, and waiting for its card would take a locator's whole timeout.
      const firstTen = entries.slice(0, 10);
      const titles = await board.evaluate((ids) => ids.map((id) => document.getElementById(`card-title-${id}`)?.textContent ?? null), firstTen.map((e) => e.id));
      assert.ok(titles.some((title) => title !== null), 'some of the first entries show as cards');
      firstTen.forEach((entry, i) => {
        if (titles[i] !== null) assert.equal(titles[i], entry.title, 'a card shows its title as typed');
      });
      await page.mouse.move(width - 10, 990);
      // The follow-ups at the top, then the lists with the open card.
      await board.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(300);
      await page.locator('.part.editor').screenshot({ path: path.join(shots, `${file}.png`) });
      await board.evaluate((id) => {
        document.getElementById(id)?.scrollIntoView({ block: 'start', inline: 'nearest' });
        // The toolbar stays on top; the open card goes just below it.
        window.scrollBy(0, -(document.querySelector<HTMLElement>('.toolbar')?.offsetHeight ?? 0) - 8);
      }, `card-${open.id}`);
      await page.waitForTimeout(300);
      await page.locator('.part.editor').screenshot({ path: path.join(shots, `${file}-cards.png`) });
    }
    await page.setViewportSize({ width: 1440, height: 1000 });
    await setTheme(page, 'Dark Modern');
  });

  it('made no request and ran no command from any of it', async () => {
    await assertNoCommandRan();
    assert.equal(connections, 0, 'nothing connected to the address the payloads point at');
    assert.deepEqual(requests.filter((url) => url.includes(`:${canaryPort}/`) || /\/(track\.png|logo\.svg|pixel\.gif|img\.png|x\.css|frame|phish)\b/.test(url)), []);
    assert.deepEqual(dialogs, [], 'no script ran an alert');
  });
});
