import { existsSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { paths } from '../harness/host.mjs';

/** Where the bench serves a webview document and the extension's files from. */
export const ORIGIN = 'https://webview.bench';
const NONCE = 'bench-nonce';
const WARM_UP = 2;
const RUNS = 7;

/** A webview as its panel or view builds it: its script (under dist/webview) and its own style sheet (under media). */
export interface WebviewFiles {
  script: 'board' | 'log';
  styles: 'board' | 'log';
}

/**
 * The webview document as the extension builds it: the same CSP, nonce scripts and style sheets.
 * `controls`: the tree ships the components' own script, which loads first (versions before it had none).
 */
function shell({ script, styles }: WebviewFiles, controls: boolean): string {
  const csp = [`default-src 'none'`, `style-src ${ORIGIN}`, `font-src ${ORIGIN}`, `img-src ${ORIGIN}`, `script-src 'nonce-${NONCE}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="stylesheet" href="${ORIGIN}/dist/codicons/codicon.css">
<link rel="stylesheet" href="${ORIGIN}/media/controls.css">
<link rel="stylesheet" href="${ORIGIN}/media/${styles}.css">
</head>
<body>
<main id="root"></main>
<script nonce="${NONCE}" src="${ORIGIN}/stub.js"></script>
${controls ? `<script nonce="${NONCE}" src="${ORIGIN}/dist/webview/controls.js"></script>` : ''}
<script nonce="${NONCE}" src="${ORIGIN}/dist/webview/${script}.js"></script>
</body>
</html>`;
}

// Stands in for the webview host: records what the webview posts and keeps no state.
const STUB = `window.posted = [];
window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m), getState: () => undefined, setState: () => undefined });`;

const TYPES: Record<string, string> = { '.css': 'text/css', '.js': 'text/javascript', '.ttf': 'font/ttf' };

/** Serves the webview document for `files`, and the extension's files from `root` (this tree, or a baseline's). */
export async function servePage(page: Page, files: WebviewFiles, root = paths.root): Promise<void> {
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/index.html') return route.fulfill({ contentType: 'text/html', body: shell(files, existsSync(join(root, 'dist', 'webview', 'controls.js'))) });
    if (path === '/stub.js') return route.fulfill({ contentType: 'text/javascript', body: STUB });
    const extension = path.slice(path.lastIndexOf('.'));
    return route.fulfill({ contentType: TYPES[extension] ?? 'application/octet-stream', body: readFileSync(join(root, ...path.split('/'))) });
  });
}

/**
 * Loads the served document, waits for its `ready`, posts `{ type: 'init', state }` and returns the ms
 * until the frame after the webview has drawn it, its components included (each one's Lit
 * `updateComplete`, so a component's first drawing counts against the webview that uses it).
 */
export async function timeFirstRender(page: Page, state: unknown): Promise<number> {
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => (window as unknown as { posted: { type: string }[] }).posted.some((m) => m.type === 'ready'));
  return page.evaluate(
    (s) =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        // Registered after the webview's own listener, so it runs once the webview has rendered.
        window.addEventListener(
          'message',
          () => {
            const drawing = [...document.querySelectorAll('*')].map((node) => (node as Element & { updateComplete?: Promise<unknown> }).updateComplete).filter((done) => done !== undefined);
            void Promise.all(drawing).then(() => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0)));
          },
          { once: true },
        );
        window.postMessage({ type: 'init', state: s }, '*');
      }),
    state,
  );
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Alternates `a` and `b` after a warm-up, and gives their medians. */
export async function alternate(a: () => Promise<number>, b: () => Promise<number>): Promise<[number, number]> {
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
 * Runs `load` (which imports host modules) with a `vscode` whose `l10n.t` only fills in the arguments,
 * so host code that builds a webview's words runs outside VS Code, in English.
 */
export async function withEnglishHost<T>(load: () => Promise<T>): Promise<T> {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  const l10n = { t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };
  loader._load = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'vscode' ? { l10n, env: { language: 'en' } } : original.call(this, request, ...rest);
  };
  try {
    return await load();
  } finally {
    loader._load = original;
  }
}
