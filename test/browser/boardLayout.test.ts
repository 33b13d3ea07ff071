import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { fixtureId } from '../unit/fixtures';
import { assertSchemaValid, browserPerSuite, openBoard, readBacklogFile, runCommand, screenshotDir, setTheme, testServer } from './workbench';
import { fillField } from './controls';

/** What the board's layout measures, read in the webview. */
interface Layout {
  /** The page's scroll width against its width: more means a horizontal scroll bar. */
  scrollWidth: number;
  clientWidth: number;
  /** Each toolbar item's vertical centre: one row means they all share one. */
  toolbarCentres: number[];
  toolbarHeight: number;
  /** The detail pane's box, and the open card's column's, both in CSS px. */
  pane?: { left: number; right: number; width: number; top: number };
  column?: { left: number; right: number; width: number };
  /** The smallest rendered chart text: computed font size, and the height of its box. */
  chartFontPx: number;
  chartBoxPx: number;
  chartTexts: number;
  /** The impact section's figures, and its trend chart's labels. */
  impactFigures: string[];
  trendLabels: number;
  /** For each decided entry of this test, how many times the board shows it, cards and follow-ups together. */
  shown: Record<string, number>;
  /** Board parts whose right edge passes the window's. */
  cutOff: string[];
}

describe('the Retro Board laid out for a shared screen, wide and half width, dark and light', function () {
  this.timeout(300000);
  const { alphaFile } = testServer();
  const shots = screenshotDir();
  const dialogs: string[] = [];
  let page: Page;
  const token = `zephyr${Date.now()}`;
  let openId = '';
  let decided: string[] = [];

  browserPerSuite('board-layout-last.png', (opened) => (page = opened), dialogs, { width: 1440, height: 900 });

  before(() => {
    const backlog = readBacklogFile<{ entries: Record<string, unknown>[]; retros: Record<string, unknown>[] }>(alphaFile);
    const now = Date.now();
    const earlier = new Date(now - 8 * 86400000).toISOString();
    const retro = fixtureId(now - 8 * 86400000, Math.random);
    const entry = (title: string, fields: Record<string, unknown>) => {
      const id = fixtureId(now, Math.random);
      backlog.entries.push({
        id,
        title,
        kind: 'ritual-process',
        reasons: ['always-done-that-way'],
        smart: { speakUp: `Seen by the ${token} desk every Monday.`, moreInfo: 'Nobody reads the result.', accountability: '', reprioritize: '', tryAnother: '' },
        links: [],
        created: earlier,
        updated: earlier,
        status: 'open',
        triage: 'inbox',
        votes: [],
        comments: [],
        ...fields,
      });
      return id;
    };
    const cost = { hoursPerOccurrence: 1.5, occurrences: 1, per: 'week', people: 6 };
    openId = entry('Laminating parking permits by courier', { votes: ['kim@example.com', 'lee@example.com'], cost, kind: 'unused-report' });
    entry('Carbon copies of hallway binders', { triage: 'now', votes: ['kim@example.com'] });
    entry('Stapler checks on pigeonhole printouts', { triage: 'bigger-story', cost: { ...cost, people: 2 } });
    entry('Sorting countersigned slips', { triage: 'someday' });
    const decision = (outcome: string, owner: string) => ({ outcome, rationale: '', owner, followUp: 'open', decided: earlier, retro, due: new Date(now + 6 * 86400000).toISOString().slice(0, 10) });
    decided = [
      entry('Courier slips signed twice', { status: 'decided', triage: 'now', decision: decision('stop', 'Sam Lee') }),
      entry('Pigeonhole sorting by hand', { status: 'decided', triage: 'bigger-story', decision: decision('automate', 'Ana Ruiz') }),
    ];
    backlog.retros.push({ id: retro, started: earlier, finished: earlier, facilitator: 'Robin Facilitator', discussed: decided, decided });
    assertSchemaValid(backlog);
    writeFileSync(alphaFile, `${JSON.stringify(backlog, null, 2)}\n`);
  });

  /** Opens the board on this test's entries, with the first one's detail open, and waits for its decision form. */
  async function boardWithDetail(): Promise<Frame> {
    const board = await openBoard(page);
    await board.waitForFunction(() => getComputedStyle(document.body).getPropertyValue('--vscode-editor-background').trim() !== '', null, { timeout: 15000 });
    for (let attempt = 0; ; attempt++) {
      await fillField(board, '#search', token);
      try {
        await board.waitForFunction((id) => document.getElementById(`card-${id}`) !== null && document.querySelectorAll('.card').length >= 4, openId, { timeout: 7500 });
        break;
      } catch (error) {
        if (attempt === 2) throw error;
      }
    }
    if (!(await board.$(`#detail-${openId}`))) {
      await board.click(`#expand-${openId}`);
    }
    await board.waitForSelector(`#decision-${openId}`, { timeout: 15000 });
    return board;
  }

  async function measure(board: Frame): Promise<Layout> {
    await board.evaluate('globalThis.__name ??= (target) => target');
    return board.evaluate(
      ({ openId, decided }) => {
        const box = (node: Element | null) => {
          if (!node) return undefined;
          const r = node.getBoundingClientRect();
          return { left: r.left, right: r.right, width: r.width, top: r.top };
        };
        const texts = [...document.querySelectorAll('#charts .chart .label, #charts .chart .value, #charts .legend span, #impact .chart .label, #impact .legend span')].filter((n) => n.childElementCount === 0 && (n.textContent ?? '') !== '');
        const sizes = texts.map((n) => parseFloat(getComputedStyle(n).fontSize));
        const heights = texts.map((n) => n.getBoundingClientRect().height);
        const shown: Record<string, number> = {};
        for (const id of decided) {
          shown[id] = document.querySelectorAll(`#card-${id}, #follow-up-${id}`).length;
        }
        const width = document.documentElement.clientWidth;
        const cutOff = [...document.querySelectorAll('.toolbar > *, .follow-up, .column, #detail-pane, .chart-figure')]
          .filter((n) => n.getBoundingClientRect().right > width + 1)
          .map((n) => n.id || n.className);
        return {
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: width,
          toolbarCentres: [...document.querySelectorAll('.toolbar > *')].map((n) => {
            const r = n.getBoundingClientRect();
            return r.top + r.height / 2;
          }),
          toolbarHeight: document.querySelector('.toolbar')?.getBoundingClientRect().height ?? 0,
          pane: box(document.getElementById('detail-pane')),
          column: box(document.getElementById(`card-${openId}`)?.closest('.column') ?? null),
          chartFontPx: Math.min(...sizes),
          chartBoxPx: Math.min(...heights),
          chartTexts: texts.length,
          impactFigures: [...document.querySelectorAll('#impact .impact-figure .impact-hours')].map((n) => n.textContent ?? ''),
          trendLabels: document.querySelectorAll('#chart-trend .chart .label').length,
          shown,
          cutOff,
        };
      },
      { openId, decided },
    );
  }

  function assertCommon(layout: Layout, where: string): void {
    assert.ok(layout.chartTexts >= 6, `${where}: the charts have their labels (${layout.chartTexts})`);
    assert.ok(layout.chartFontPx >= 11, `${where}: chart text is at least 11 px (${layout.chartFontPx})`);
    assert.ok(layout.chartBoxPx >= 11, `${where}: chart text renders at least 11 px high (${layout.chartBoxPx})`);
    assert.equal(layout.impactFigures.length, 3, `${where}: the board shows hours reclaimed, in progress and still wasted`);
    assert.ok(layout.impactFigures.every((text) => /\d h$/.test(text)), `${where}: each impact figure is in hours (${layout.impactFigures.join(', ')})`);
    assert.ok(layout.trendLabels >= 1, `${where}: the impact trend has its labels`);
    for (const [id, count] of Object.entries(layout.shown)) {
      assert.equal(count, 1, `${where}: the decided entry ${id} is shown once, not in its list and its follow-up both`);
    }
    assert.ok(layout.pane, `${where}: the open card's details are in the detail pane`);
  }

  for (const [theme, name] of [['Dark Modern', 'dark'], ['Light Modern', 'light']] as const) {
    it(`lays the ${name} board out on one toolbar row with a wide detail pane`, async () => {
      await page.setViewportSize({ width: 1440, height: 900 });
      // On a workbench that has just opened, the palette may close under the theme picker once: ask again.
      await setTheme(page, theme).catch(async () => {
        await page.keyboard.press('Escape');
        await setTheme(page, theme);
      });
      const board = await boardWithDetail();
      const layout = await measure(board);
      assertCommon(layout, `${name}, 1440 px`);
      const [first, ...rest] = layout.toolbarCentres;
      assert.ok(rest.every((centre) => Math.abs(centre - first) <= 4), `one toolbar row: ${layout.toolbarCentres.join(', ')}`);
      assert.ok(layout.toolbarHeight <= 48, `a compact toolbar (${layout.toolbarHeight} px)`);
      assert.ok(layout.pane && layout.pane.width >= 360, `the detail pane is wide (${layout.pane?.width} px)`);
      assert.ok(layout.pane && layout.column && layout.pane.width > layout.column.width * 1.5, 'wider than a list');
      assert.ok(layout.pane && layout.column && layout.pane.left >= layout.column.right, 'beside the lists, not in the card\'s column');
      assert.ok(layout.scrollWidth <= layout.clientWidth, 'no horizontal scroll');
      await page.mouse.move(1430, 890);
      await page.waitForTimeout(300);
      await page.locator('.part.editor').screenshot({ path: path.join(shots, `retro-board-${name}.png`) });
    });

    it(`fits the ${name} board in a 500 px editor with nothing cut off`, async () => {
      await runCommand(page, 'View: Close Primary Side Bar').catch(() => undefined);
      // The workbench keeps the activity bar: the viewport is wider than the editor by that much.
      const chrome = await page.evaluate(() => window.innerWidth - (document.querySelector('.part.editor')?.getBoundingClientRect().width ?? window.innerWidth));
      await page.setViewportSize({ width: 500 + Math.round(chrome), height: 900 });
      await page.waitForTimeout(500);
      const board = await boardWithDetail();
      await board.waitForFunction(() => document.documentElement.clientWidth <= 520, null, { timeout: 10000 });
      const layout = await measure(board);
      assertCommon(layout, `${name}, 500 px`);
      assert.ok(layout.clientWidth <= 520 && layout.clientWidth >= 440, `the board is about 500 px wide (${layout.clientWidth})`);
      assert.ok(layout.scrollWidth <= layout.clientWidth, `no horizontal scroll (${layout.scrollWidth} > ${layout.clientWidth})`);
      assert.deepEqual(layout.cutOff, [], 'nothing passes the right edge');
      const bigger = await board.evaluate(() => {
        const r = document.getElementById('column-bigger-story')?.getBoundingClientRect();
        return r ? { left: r.left, right: r.right, width: r.width } : undefined;
      });
      assert.ok(bigger && bigger.width >= 180 && bigger.left >= 0 && bigger.right <= layout.clientWidth, `The Bigger Story is whole (${JSON.stringify(bigger)})`);
      assert.ok(layout.pane && layout.pane.width >= layout.clientWidth - 40, 'the detail pane takes the width');
      await board.evaluate(() => window.scrollTo(0, 0));
      await page.mouse.move(5, 890);
      await page.waitForTimeout(300);
      await page.locator('.part.editor').screenshot({ path: path.join(shots, `retro-board-${name}-narrow.png`) });
      await page.setViewportSize({ width: 1440, height: 900 });
      await runCommand(page, 'View: Toggle Primary Side Bar Visibility').catch(() => undefined);
    });
  }

  after(() => {
    assert.deepEqual(dialogs, []);
  });
});
