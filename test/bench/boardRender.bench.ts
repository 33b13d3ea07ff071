import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { defaultQuery, queryBoard } from '../../src/core/retro/boardQuery';
import { systemClock } from '../../src/core/model/calendar';
import { hoursByKind, impactChart, openedVsDecided, topReasons } from '../../src/core/retro/charts';
import { KINDS, type Backlog, type Kind } from '../../src/core/model/model';
import { activeRetro, followUps } from '../../src/core/retro/retro';
import { votesLeft, type Voter } from '../../src/core/votes/votes';
import type { BoardState, BoardStrings } from '../../src/protocol/boardMessages';
import type { Labels } from '../../src/core/model/displayNames';
import { launchBrowser, paths } from '../harness/host.mjs';
import { generateBacklog } from '../unit/fixtures';
import type { BenchFigure } from './core.bench';
import { BASELINE_COMMIT, COMPONENTS_BASELINE, buildBaselineWebviews, webviewBytes } from './webviewBaseline';
import { alternate, servePage, timeFirstRender, withEnglishHost, type WebviewFiles } from './webviewPage';

const ENTRIES = 10_000;
const BASELINE_ENTRIES = 100;
// One page per column is sent and drawn whatever the backlog's size, so a hundred times the entries costs little more.
const TARGET = 3;
/** The board against itself before this version, on the same backlog: a first render may cost this much more. */
const BEFORE_ENTRIES = 1_000;
const BEFORE_TARGET = 1.5;
/** Each webview's style sheets against `BASELINE_COMMIT`'s; the board's gained the pane, the popover and the CSS charts. */
const BYTES_TARGET = 1.6;
/** The board's first render against the board that drew native controls: its toolbar's components may cost this much. */
const COMPONENTS_RENDER_TARGET = 1.3;
/**
 * Each webview's script against `COMPONENTS_BASELINE`'s. Lit and the components add a fixed amount to
 * each script (read from the extension's own folder when the view opens), which weighs most on the small Log form.
 */
const SCRIPT_TARGETS = { board: 4, log: 9 };
const VOTER: Voter = { id: 'ada@example.com', tokens: new Set() };
const FOLLOW_UP_PAGE = 20;

interface Words {
  labels: Labels;
  strings: BoardStrings;
  kindIcon: (kind: Kind) => string;
}

/** The host's real labels and strings (those of the tree at `root`), in English. */
function hostWords(root = paths.root): Promise<Words> {
  return withEnglishHost(async () => {
    const labels = (await import(pathToFileURL(join(root, 'src', 'ui', 'shared', 'labels.ts')).href)) as typeof import('../../src/ui/shared/labels');
    const strings = (await import(pathToFileURL(join(root, 'src', 'ui', 'retro', 'retroBoardStrings.ts')).href)) as typeof import('../../src/ui/retro/retroBoardStrings');
    return { labels: labels.createLabels(), strings: strings.boardStrings(), kindIcon: labels.kindIcon };
  });
}

/** What the panel posts on `ready`: the same core calls, on the host's side of the timing. */
function snapshot(b: Backlog, words: Words): BoardState {
  const clock = systemClock();
  const query = defaultQuery();
  const pending = followUps(b, clock);
  const state: BoardState = {
    folder: { key: 'file:///bench', name: 'bench', status: 'ready' },
    labels: words.labels,
    kindIcons: Object.fromEntries(KINDS.map((kind) => [kind, words.kindIcon(kind)])) as Record<Kind, string>,
    strings: words.strings,
    query,
    view: queryBoard(b, query, { clock, voter: VOTER, staleDays: 30 }),
    followUps: pending.slice(0, FOLLOW_UP_PAGE).map(({ entry, decision, ageDays, overdueDays }) => ({
      id: entry.id,
      title: entry.title,
      outcome: decision.outcome,
      owner: decision.owner,
      followUp: decision.followUp,
      ageDays,
      overdueDays,
      ...(decision.due ? { due: decision.due } : {}),
    })),
    followUpTotal: pending.length,
    followUpOwners: [...new Set(pending.map(({ decision }) => decision.owner))].sort(),
    me: 'Ada Lovelace',
    anonymousByDefault: false,
    charts: { hoursByKind: hoursByKind(b), openedVsDecided: openedVsDecided(b, clock), topReasons: topReasons(b, 5), impact: impactChart(b, clock) },
    readOnly: false,
    drafts: {},
  };
  const left = votesLeft(b, VOTER, 5);
  if (left !== undefined) state.votesLeft = left;
  const retro = activeRetro(b);
  if (retro) state.retro = { id: retro.id, started: retro.started, facilitator: retro.facilitator, discussed: retro.discussed.length };
  return state;
}

/** Host snapshot plus the webview's first render, up to the frame after it has been painted. */
async function firstRender(page: Page, backlog: Backlog, words: Words): Promise<number> {
  const started = performance.now();
  const state = snapshot(backlog, words);
  const hostMs = performance.now() - started;
  const pageMs = await timeFirstRender(page, state);
  const cards = await page.evaluate(() => document.querySelectorAll('.card').length);
  if (cards === 0) throw new Error('the board rendered no cards');
  return hostMs + pageMs;
}

const BOARD: WebviewFiles = { script: 'board', styles: 'board' };

/** A page serving the board of `root`. */
async function boardPage(browser: Browser, root?: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await servePage(page, BOARD, root);
  return page;
}

/**
 * First render of a 10,000-entry board against a 100-entry one, alternated in one browser; then this
 * board against the board of `BASELINE_COMMIT`, and of `COMPONENTS_BASELINE`, on the same 1,000 entries;
 * and each webview's style sheets against `BASELINE_COMMIT`'s and its script against `COMPONENTS_BASELINE`'s.
 */
export async function runBoardRenderBench(): Promise<BenchFigure[]> {
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: paths.root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the extension does not build (node esbuild.mjs failed)');
  const baselineRoot = await buildBaselineWebviews();
  const nativeRoot = await buildBaselineWebviews(COMPONENTS_BASELINE);
  const words = await hostWords();
  const baselineWords = await hostWords(baselineRoot);
  const large = generateBacklog(ENTRIES, 42);
  const small = generateBacklog(BASELINE_ENTRIES, 42);
  const middle = generateBacklog(BEFORE_ENTRIES, 42);
  const browser = await launchBrowser();
  try {
    const page = await boardPage(browser);
    const before = await boardPage(browser, baselineRoot);
    const native = await boardPage(browser, nativeRoot);
    const [baselineMs, ms] = await alternate(() => firstRender(page, small, words), () => firstRender(page, large, words));
    const [beforeMs, nowMs] = await alternate(() => firstRender(before, middle, baselineWords), () => firstRender(page, middle, words));
    const [nativeMs, drawnMs] = await alternate(() => firstRender(native, middle, words), () => firstRender(page, middle, words));
    const now = webviewBytes(paths.root);
    const then = webviewBytes(baselineRoot);
    const nativeBytes = webviewBytes(nativeRoot);
    const bytes = (file: keyof typeof now, against: typeof now, commit: string, target: number): BenchFigure => ({
      name: `${file} bytes vs ${commit}`,
      unit: 'KB',
      ms: now[file] / 1024,
      baselineMs: against[file] / 1024,
      ratio: now[file] / against[file],
      target,
    });
    return [
      { name: `board first render (${ENTRIES.toLocaleString('en-US')} entries vs ${BASELINE_ENTRIES})`, ms, baselineMs, ratio: ms / baselineMs, target: TARGET },
      { name: `board first render (${BEFORE_ENTRIES.toLocaleString('en-US')} entries) vs ${BASELINE_COMMIT}`, ms: nowMs, baselineMs: beforeMs, ratio: nowMs / beforeMs, target: BEFORE_TARGET },
      { name: `board first render (${BEFORE_ENTRIES.toLocaleString('en-US')} entries) vs ${COMPONENTS_BASELINE}`, ms: drawnMs, baselineMs: nativeMs, ratio: drawnMs / nativeMs, target: COMPONENTS_RENDER_TARGET },
      bytes('board css', then, BASELINE_COMMIT, BYTES_TARGET),
      bytes('log css', then, BASELINE_COMMIT, BYTES_TARGET),
      bytes('board js', nativeBytes, COMPONENTS_BASELINE, SCRIPT_TARGETS.board),
      bytes('log js', nativeBytes, COMPONENTS_BASELINE, SCRIPT_TARGETS.log),
    ];
  } finally {
    await browser.close();
  }
}
