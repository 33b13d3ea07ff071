import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
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
import { BASELINE_COMMIT, buildBaselineWebviews, webviewBytes } from './webviewBaseline';

const ENTRIES = 10_000;
const BASELINE_ENTRIES = 100;
const WARM_UP = 2;
const RUNS = 7;
// One page per column is sent and drawn whatever the backlog's size, so a hundred times the entries costs little more.
const TARGET = 3;
/** The board against itself before this version, on the same backlog: a first render may cost this much more. */
const BEFORE_ENTRIES = 1_000;
const BEFORE_TARGET = 1.5;
/** Each webview's bytes against the same webview before this version; the board's style sheet gained the pane, the popover and the CSS charts. */
const BYTES_TARGET = 1.6;
const ORIGIN = 'https://board.bench';
const NONCE = 'bench-nonce';
const VOTER: Voter = { id: 'ada@example.com', tokens: new Set() };
const FOLLOW_UP_PAGE = 20;

interface Words {
  labels: Labels;
  strings: BoardStrings;
  kindIcon: (kind: Kind) => string;
}

/** The host's real labels and strings (those of the tree at `root`), loaded with a `vscode` that only translates to English. */
async function hostWords(root = paths.root): Promise<Words> {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = loader._load;
  const l10n = { t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };
  loader._load = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'vscode' ? { l10n } : load.call(this, request, ...rest);
  };
  try {
    const labels = (await import(pathToFileURL(join(root, 'src', 'ui', 'shared', 'labels.ts')).href)) as typeof import('../../src/ui/shared/labels');
    const strings = (await import(pathToFileURL(join(root, 'src', 'ui', 'retro', 'retroBoardStrings.ts')).href)) as typeof import('../../src/ui/retro/retroBoardStrings');
    return { labels: labels.createLabels(), strings: strings.boardStrings(), kindIcon: labels.kindIcon };
  } finally {
    loader._load = load;
  }
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

/** The webview document as the panel builds it: the same CSP, nonce scripts and style sheets. */
function shell(): string {
  const csp = [`default-src 'none'`, `style-src ${ORIGIN}`, `font-src ${ORIGIN}`, `img-src ${ORIGIN}`, `script-src 'nonce-${NONCE}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="stylesheet" href="${ORIGIN}/dist/codicons/codicon.css">
<link rel="stylesheet" href="${ORIGIN}/media/controls.css">
<link rel="stylesheet" href="${ORIGIN}/media/board.css">
</head>
<body>
<main id="root"></main>
<script nonce="${NONCE}" src="${ORIGIN}/stub.js"></script>
<script nonce="${NONCE}" src="${ORIGIN}/dist/webview/board.js"></script>
</body>
</html>`;
}

// Stands in for the webview host: records what the board posts and keeps no state.
const STUB = `window.posted = [];
window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m), getState: () => undefined, setState: () => undefined });`;

const TYPES: Record<string, string> = { '.css': 'text/css', '.js': 'text/javascript', '.ttf': 'font/ttf' };

/** Serves the webview document, and the extension's files from `root` (this tree, or a baseline's). */
async function servePage(page: Page, root = paths.root): Promise<void> {
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/index.html') return route.fulfill({ contentType: 'text/html', body: shell() });
    if (path === '/stub.js') return route.fulfill({ contentType: 'text/javascript', body: STUB });
    const extension = path.slice(path.lastIndexOf('.'));
    return route.fulfill({ contentType: TYPES[extension] ?? 'application/octet-stream', body: readFileSync(join(root, ...path.split('/'))) });
  });
}

/** Host snapshot plus the webview's first render, up to the frame after it has been painted. */
async function firstRender(page: Page, backlog: Backlog, words: Words): Promise<number> {
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => (window as unknown as { posted: { type: string }[] }).posted.some((m) => m.type === 'ready'));
  const started = performance.now();
  const state = snapshot(backlog, words);
  const hostMs = performance.now() - started;
  const pageMs = await page.evaluate(
    (s) =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        // Registered after the board's own listener, so it runs once the board has rendered.
        window.addEventListener('message', () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0)), { once: true });
        window.postMessage({ type: 'init', state: s }, '*');
      }),
    state,
  );
  const cards = await page.evaluate(() => document.querySelectorAll('.card').length);
  if (cards === 0) throw new Error('the board rendered no cards');
  return hostMs + pageMs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Alternates `a` and `b` after a warm-up, and gives their medians. */
async function alternate(a: () => Promise<number>, b: () => Promise<number>): Promise<[number, number]> {
  for (let i = 0; i < WARM_UP; i++) {
    await a();
    await b();
  }
  const first: number[] = [];
  const second: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    first.push(await a());
    second.push(await b());
  }
  return [median(first), median(second)];
}

/**
 * First render of a 10,000-entry board against a 100-entry one, alternated in one browser; then this
 * board against the board of `BASELINE_COMMIT` on the same 1,000 entries, and each webview's bytes against that version's.
 */
export async function runBoardRenderBench(): Promise<BenchFigure[]> {
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: paths.root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the extension does not build (node esbuild.mjs failed)');
  const baselineRoot = await buildBaselineWebviews();
  const words = await hostWords();
  const baselineWords = await hostWords(baselineRoot);
  const large = generateBacklog(ENTRIES, 42);
  const small = generateBacklog(BASELINE_ENTRIES, 42);
  const middle = generateBacklog(BEFORE_ENTRIES, 42);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await servePage(page);
    const before = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await servePage(before, baselineRoot);
    const [baselineMs, ms] = await alternate(() => firstRender(page, small, words), () => firstRender(page, large, words));
    const [beforeMs, nowMs] = await alternate(() => firstRender(before, middle, baselineWords), () => firstRender(page, middle, words));
    const now = webviewBytes(paths.root);
    const then = webviewBytes(baselineRoot);
    const sizes = (Object.keys(now) as (keyof typeof now)[]).map(
      (file): BenchFigure => ({ name: `${file} bytes vs ${BASELINE_COMMIT}`, unit: 'KB', ms: now[file] / 1024, baselineMs: then[file] / 1024, ratio: now[file] / then[file], target: BYTES_TARGET }),
    );
    return [
      { name: `board first render (${ENTRIES.toLocaleString('en-US')} entries vs ${BASELINE_ENTRIES})`, ms, baselineMs, ratio: ms / baselineMs, target: TARGET },
      { name: `board first render (${BEFORE_ENTRIES.toLocaleString('en-US')} entries) vs ${BASELINE_COMMIT}`, ms: nowMs, baselineMs: beforeMs, ratio: nowMs / beforeMs, target: BEFORE_TARGET },
      ...sizes,
    ];
  } finally {
    await browser.close();
  }
}
