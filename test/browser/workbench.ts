// What the browser suites share: driving the code-server workbench the way a person does, and
// reading back the backlog files the extension writes there.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Ajv from 'ajv';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import schema from '../../media/stupid-work.schema.json';
import { EXTENSION_ID, developmentPayload, launchBrowser, paths, workbenchUrl } from '../harness/host.mjs';
import { requiredEnv } from './runEnv';
import { fixtureId } from '../unit/fixtures';
import { fillField } from './controls';

/** The code-server that `npm test` started, the workspace it serves, and alpha, the folder that has a backlog. */
export function testServer(): { port: number; workspace: string; alphaDir: string; alphaFile: string } {
  const workspace = requiredEnv('STUPID_WORK_WORKSPACE');
  const alphaDir = path.join(path.dirname(workspace), 'alpha');
  return { port: Number(requiredEnv('STUPID_WORK_PORT')), workspace, alphaDir, alphaFile: path.join(alphaDir, 'stupid-work.json') };
}

/** Where theme screenshots go: `STUPID_WORK_SCREENSHOTS` refreshes the README's, otherwise test-results/. */
export function screenshotDir(): string {
  const dir = process.env.STUPID_WORK_SCREENSHOTS ? path.resolve(process.env.STUPID_WORK_SCREENSHOTS) : path.join(paths.root, 'test-results');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Keeps how the page looked when a suite ended, to read a failure by; a failed screenshot must not fail the suite. */
export async function saveLastScreenshot(page: Page | undefined, file: string): Promise<void> {
  const dir = path.join(paths.root, 'test-results');
  mkdirSync(dir, { recursive: true });
  await page?.screenshot({ path: path.join(dir, file) }).catch(() => undefined);
}

/** Collects every dialog's message and dismisses it, so a test can prove hostile text ran no alert(). */
export function recordDialogs(page: Page, into: string[]): void {
  page.on('dialog', (dialog) => {
    into.push(dialog.message());
    void dialog.dismiss();
  });
}

export async function openWorkbench(page: Page, port: number, workspace: string): Promise<void> {
  await page.goto(workbenchUrl(port, workspace, developmentPayload(port)), { waitUntil: 'domcontentloaded' });
  await workbenchReady(page);
}

/** After a load or a reload, the activity bar is the first sign the workbench can be used. */
export async function workbenchReady(page: Page): Promise<void> {
  await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: 60000 });
}

export function isOurWebview(frame: Frame): boolean {
  return frame.url().includes(`extensionId=${EXTENSION_ID}`);
}

/** Polls every frame until one matches: webviews load their documents well after the workbench does. */
export async function waitForFrame(page: Page, matches: (frame: Frame) => Promise<boolean>, what: string, timeoutMs = 60000): Promise<Frame> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (await matches(frame)) {
        return frame;
      }
    }
    if (Date.now() > end) {
      throw new Error(`${what} did not appear after ${timeoutMs}ms; frames:\n${page.frames().map((f) => f.url().slice(0, 120)).join('\n')}`);
    }
    await page.waitForTimeout(250);
  }
}

/** The frame whose document holds `selector`, such as a webview's inner document. */
export function frameWith(page: Page, selector: string, what: string, timeoutMs = 60000): Promise<Frame> {
  return waitForFrame(page, async (frame) => (await frame.$(selector).catch(() => null)) !== null, what, timeoutMs);
}

export function stupidWorkItem(page: Page): Locator {
  return page.locator('.part.activitybar [aria-label^="Stupid Work"]').first();
}

export function backlogTitle(page: Page): Locator {
  return page.locator('.part.sidebar .pane-header h3.title', { hasText: /^Backlog$/i });
}

/** Opens the Stupid Work container unless it is showing, and returns the Log form's frame. */
export async function openSidebar(page: Page): Promise<Frame> {
  const item = stupidWorkItem(page);
  await item.waitFor({ timeout: 60000 });
  for (let attempt = 0; ; attempt++) {
    if (!(await backlogTitle(page).isVisible())) {
      await item.click();
    }
    try {
      return await frameWith(page, '#log-form #title', 'the Log form', 20000);
    } catch (error) {
      if (attempt === 2) {
        throw error;
      }
    }
  }
}

export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget input');
}

/** Runs a command from the palette; right after the window opens, the extension's commands may take a while to be listed. */
export async function runCommand(page: Page, label: string): Promise<void> {
  const input = quickInput(page);
  // Matching the label's start skips commands that merely contain it, such as "Browse Color Themes in Marketplace".
  const row = page.locator(`.quick-input-list .monaco-list-row[aria-label^="${label}"]`).first();
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      // A webview that takes the focus (a board re-rendering after a theme change) closes the palette
      // as it opens; then it is opened again rather than waited on.
      await input.waitFor({ timeout: 10000 });
      await input.fill(`>${label}`, { timeout: 5000 });
      await row.waitFor({ timeout: 10000 });
      break;
    } catch (error) {
      if (attempt === 5) {
        throw error;
      }
      await page.keyboard.press('Escape');
    }
  }
  await row.click();
}

/** Picks a colour theme through the palette, and waits until the workbench wears it. */
export async function setTheme(page: Page, theme: string): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  // The theme picker replaces the command list; typing before it opens would go to the palette.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: /Modern/ }).first().waitFor({ timeout: 10000 });
  await quickInput(page).fill(theme);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first();
  await row.waitFor({ timeout: 10000 });
  await row.click();
  await page.waitForFunction((light) => document.querySelector('.monaco-workbench')?.classList.contains(light ? 'vs' : 'vs-dark') ?? false, theme.includes('Light'), { timeout: 20000 });
}

const validate = new Ajv({ allErrors: true }).compile(schema);

/** Everything the extension writes, and everything a test writes as a teammate would, must pass the file's schema. */
export function assertSchemaValid(data: unknown): void {
  assert.ok(validate(data), JSON.stringify(validate.errors));
}

export function readBacklogFile<T>(file: string): T {
  const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  assertSchemaValid(data);
  return data as T;
}

/** Polls `read` until it gives a value: the extension writes its files a moment after the click that asks for it. */
export async function waitForFile<T>(read: () => T | undefined, what: string, timeoutMs = 15000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await sleep(200);
  }
}

/** The board's frame: the webview's inner document that holds #board. */
export function boardFrame(page: Page): Promise<Frame> {
  return frameWith(page, '#board #columns', 'the Retro Board');
}

/** Opens alpha's board; once a test has given beta a backlog too, the command asks which folder. */
export async function openBoard(page: Page): Promise<Frame> {
  const alpha = page.locator('.quick-input-widget .monaco-list-row', { hasText: /^alpha/ }).first();
  for (let attempt = 0; ; attempt++) {
    await runCommand(page, 'Stupid Work: Open Retro Board');
    if (!(await alpha.waitFor({ timeout: 3000 }).then(() => true, () => false))) {
      break;
    }
    // A webview taking focus (after a theme change, say) closes the folder pick; then ask again.
    const picked = await alpha.click({ timeout: 5000 }).then(() => true, () => false);
    if (picked) {
      break;
    }
    if (attempt === 2) {
      throw new Error('the folder pick of Open Retro Board kept closing');
    }
    await page.keyboard.press('Escape');
  }
  return boardFrame(page);
}

/**
 * Adds an open entry the way a teammate's pull would: straight into the backlog file at `read` from
 * disk, written to `file` (a second name for it, if a test needs one). `fields` override the defaults. Returns its id.
 */
export function appendEntry(read: string, fields: Record<string, unknown>, file = read): string {
  const id = fixtureId(Date.now(), Math.random);
  const now = new Date().toISOString();
  const backlog = readBacklogFile<{ entries: unknown[] }>(read);
  backlog.entries.push({
    id,
    title: 'Untitled',
    kind: 'ritual-process',
    reasons: [],
    smart: { speakUp: '', moreInfo: '', accountability: '', reprioritize: '', tryAnother: '' },
    links: [],
    created: now,
    updated: now,
    status: 'open',
    triage: 'inbox',
    votes: [],
    comments: [],
    ...fields,
  });
  assertSchemaValid(backlog);
  writeFileSync(file, `${JSON.stringify(backlog, null, 2)}\n`);
  return id;
}

/** Narrows the board to the one card by searching `text`; a snapshot that lands mid-typing replaces the toolbar, so it types again. */
export async function onlyCard(board: Frame, text: string, id: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await fillField(board, '#search', text);
    try {
      await board.waitForFunction((card) => document.querySelectorAll('.card').length === 1 && document.getElementById(card) !== null, `card-${id}`, { timeout: 7500 });
      return;
    } catch (error) {
      if (attempt === 2) {
        throw error;
      }
    }
  }
}

/**
 * Opens Chromium on the test workbench before a suite's tests and closes it after them, with a last
 * screenshot (`lastShot`, in `screenshotDir()`) for the failure that stopped it. Call inside `describe`;
 * `opened` receives the page, and `dialogs` collects the page's dialogs (see `recordDialogs`).
 */
export function browserPerSuite(lastShot: string, opened: (page: Page) => void, dialogs: string[], viewport = { width: 1440, height: 1000 }): void {
  let browser: Browser | undefined;
  let page: Page | undefined;
  before(async () => {
    const { port, workspace } = testServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport });
    recordDialogs(page, dialogs);
    opened(page);
    await openWorkbench(page, port, workspace);
  });
  after(async () => {
    await saveLastScreenshot(page, lastShot);
    await browser?.close();
  });
}
