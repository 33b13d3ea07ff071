import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CodeLink } from '../../src/core/model/model';
import { launchBrowser } from '../harness/host.mjs';
import { isOurWebview, openWorkbench, quickInput, readBacklogFile, runCommand, saveLastScreenshot, screenshotDir, stupidWorkItem, testServer, waitForFile } from './workbench';

interface StoredEntry {
  id: string;
  author?: { name: string };
  created: string;
  title: string;
  kind: string;
  smart: Record<string, string>;
  links: CodeLink[];
}

describe('Quick Capture in Chromium', function () {
  this.timeout(180000);
  const { port, workspace, alphaDir, alphaFile } = testServer();
  const script = path.join(alphaDir, 'ops', 'copy-invoices.sh');
  let browser: Browser;
  let page: Page;

  /** The extension's webviews that have a document: the Log form would be one. */
  function ourWebviews(): number {
    return page.frames().filter(isOurWebview).length;
  }

  /** Runs Quick Capture and answers its prompts; returns how many interactions that took. */
  async function quickCapture(title: string, kind: string, speakUp: string): Promise<number> {
    await runCommand(page, 'Stupid Work: Quick Capture');
    const input = quickInput(page);
    const step = page.locator('.quick-input-widget .quick-input-title');
    let interactions = 0;
    for (const [name, text] of [['1/3', title], ['2/3', kind], ['3/3', speakUp]]) {
      await step.filter({ hasText: name }).waitFor({ timeout: 15000 });
      await input.fill(text);
      await input.press('Enter');
      interactions++;
    }
    return interactions;
  }

  function savedEntry(title: string): Promise<StoredEntry> {
    return waitForFile(() => readBacklogFile<{ entries: StoredEntry[] }>(alphaFile).entries.find((entry) => entry.title === title), `“${title}” in alpha/stupid-work.json`);
  }

  /** Waits until the gutter flag is shown, or gone. */
  async function waitForFlag(shown: boolean): Promise<void> {
    await page.waitForFunction(
      (expected) =>
        [...document.querySelectorAll('.editor-instance .monaco-editor .margin *')].some((el) => getComputedStyle(el).backgroundImage.includes('flagged-gutter.svg')) === expected,
      shown,
      { timeout: 15000 },
    );
  }

  before(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 960 } });
    await openWorkbench(page, port, workspace);
    await stupidWorkItem(page).waitFor({ timeout: 60000 });
  });

  after(async () => {
    await saveLastScreenshot(page, 'quick-capture-last.png');
    await runCommand(page, 'View: Close All Editors').catch(() => undefined);
    await browser?.close();
    rmSync(path.dirname(script), { recursive: true, force: true });
  });

  it('Quick Capture saves a valid entry in three interactions, without opening a webview', async () => {
    // Start from the Explorer with no editor, so the entry goes to the first ready folder (alpha) and
    // the Log form is not showing.
    await runCommand(page, 'View: Show Explorer');
    await runCommand(page, 'View: Close All Editors');
    await page.waitForFunction(() => document.querySelector('.part.sidebar .composite.title')?.textContent?.toLowerCase().includes('explorer') ?? false, null, { timeout: 15000 });
    await page.waitForTimeout(1000);
    assert.equal(ourWebviews(), 0, 'no webview of the extension is open before the capture');

    const title = `Re-keying invoice totals into the finance sheet ${Date.now()}`;
    const speakUp = 'The ERP already exports them; we copy 40 rows by hand each month.';
    assert.equal(await quickCapture(title, 'Ritual process', speakUp), 3);

    const saved = await savedEntry(title);
    assert.equal(saved.kind, 'ritual-process');
    assert.equal(saved.smart.speakUp, speakUp);
    assert.deepEqual(saved.links, []);
    // No fourth prompt: the capture's prompts are gone and stay gone.
    const prompts = page.locator('.quick-input-widget .quick-input-title', { hasText: 'Quick Capture' });
    await prompts.waitFor({ state: 'hidden', timeout: 5000 });
    await page.waitForTimeout(1000);
    assert.equal(await prompts.isVisible(), false, 'no fourth prompt');

    // A window without focus keeps notifications in the centre instead of showing toasts.
    await runCommand(page, 'Notifications: Show Notifications');
    await page.locator('.notifications-center .monaco-list-row', { hasText: `Saved “${title}” in alpha.` }).first().waitFor({ timeout: 15000 });
    await page.keyboard.press('Escape');
    assert.equal(ourWebviews(), 0, 'no webview opened for the capture');
  });

  it('Quick Capture posts anonymously from a switch on its first prompt, and says what that does not hide', async () => {
    await runCommand(page, 'Stupid Work: Quick Capture');
    const input = quickInput(page);
    const step = page.locator('.quick-input-widget .quick-input-title');
    await step.filter({ hasText: '1/3' }).waitFor({ timeout: 15000 });
    assert.doesNotMatch((await step.textContent()) ?? '', /anonymous/, 'named by default in this workspace');
    await page.locator('.quick-input-widget .codicon-person').click();
    await step.filter({ hasText: 'anonymous' }).waitFor({ timeout: 15000 });
    assert.match((await page.locator('.quick-input-widget .quick-input-message').textContent()) ?? '', /push records/);
    const title = `Anonymous capture of org chart redraws ${Date.now()}`;
    await input.fill(title);
    await input.press('Enter');
    for (const name of ['2/3', '3/3']) {
      await step.filter({ hasText: name }).filter({ hasText: 'anonymous' }).waitFor({ timeout: 15000 });
      await input.fill(name === '2/3' ? 'Ritual process' : '');
      await input.press('Enter');
    }
    const saved = await savedEntry(title);
    assert.equal(saved.author, undefined, 'no author in the file');
    assert.match(saved.created, /T00:00:00\.000Z$/, 'the time cut to the day');
    await runCommand(page, 'Notifications: Show Notifications');
    const note = page.locator('.notifications-center .monaco-list-row', { hasText: title }).first();
    await note.waitFor({ timeout: 15000 });
    assert.match((await note.textContent()) ?? '', /Anonymously:.*push records/);
    await page.keyboard.press('Escape');
  });

  it('Quick Capture keeps the title when Escape closes it early, and saves when Escape skips the optional last step', async () => {
    const before = readFileSync(alphaFile, 'utf8');
    const title = `Unfinished thought about printer queues ${Date.now()}`;
    const input = quickInput(page);
    const step = (name: string) => page.locator('.quick-input-widget .quick-input-title', { hasText: name }).waitFor({ timeout: 15000 });
    await runCommand(page, 'Stupid Work: Quick Capture');
    await step('1/3');
    await input.fill(title);
    await input.press('Enter');
    await step('2/3');
    await input.press('Escape');
    await page.waitForTimeout(1000);
    assert.equal(readFileSync(alphaFile, 'utf8'), before, 'Escape on a required step writes nothing');

    // The next capture starts with the title typed before; Escape on the optional answer then saves.
    await runCommand(page, 'Stupid Work: Quick Capture');
    await step('1/3');
    assert.equal(await input.inputValue(), title, 'the title waited');
    await input.press('Enter');
    await step('2/3');
    await input.fill('Ritual process');
    await input.press('Enter');
    await step('3/3');
    await input.press('Escape');
    const saved = await savedEntry(title);
    assert.deepEqual([saved.kind, saved.smart.speakUp], ['ritual-process', '']);
    await runCommand(page, 'Notifications: Clear All Notifications').catch(() => undefined);
  });

  it('Quick Capture offers a similar entry first, and votes for it anonymously instead of adding a duplicate', async () => {
    const votesOn = (title: string) => (JSON.parse(readFileSync(alphaFile, 'utf8')) as { entries: { title: string; votes: string[] }[] }).entries.find((e) => e.title === title)?.votes ?? [];
    const existing = 'Weekly status deck nobody opens';
    const before = votesOn(existing);
    const count = (JSON.parse(readFileSync(alphaFile, 'utf8')) as { entries: unknown[] }).entries.length;
    const input = quickInput(page);
    await runCommand(page, 'Stupid Work: Quick Capture');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: '1/3' }).waitFor({ timeout: 15000 });
    await input.fill('nobody reads the weekly status deck');
    await input.press('Enter');
    const offer = page.locator('.quick-input-list .monaco-list-row', { hasText: `Me too: “${existing}”` }).first();
    await offer.waitFor({ timeout: 15000 });
    assert.match((await page.locator('.quick-input-widget .quick-input-list').textContent()) ?? '', /No, flag “nobody reads the weekly status deck” as new/);
    await page.locator('.quick-input-widget').screenshot({ path: path.join(screenshotDir(), 'quick-capture-similar.png') });
    await offer.click();
    const after = await waitForFile(() => (votesOn(existing).length === before.length + 1 ? votesOn(existing) : undefined), 'the vote');
    const added = after.filter((v) => !before.includes(v));
    assert.match(added[0], /^anon:[0-9a-f]{32}$/, 'the vote is anonymous');
    assert.equal((JSON.parse(readFileSync(alphaFile, 'utf8')) as { entries: unknown[] }).entries.length, count, 'no duplicate entry');
  });

  it('Quick Capture on a selection links the code, which then shows a CodeLens, a gutter flag and a hover', async () => {
    mkdirSync(path.dirname(script), { recursive: true });
    writeFileSync(script, '#!/bin/sh\nerp-export --month "$1" > invoices.csv\nxlsx-paste invoices.csv "Finance/Totals.xlsx"\necho done\n');
    await page.keyboard.press('F1');
    const input = quickInput(page);
    await input.fill('copy-invoices.sh');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'copy-invoices.sh' }).first().waitFor({ timeout: 15000 });
    await input.press('Enter');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line', { hasText: 'xlsx-paste' }).waitFor({ timeout: 15000 });
    // Select lines 2 and 3 with the keyboard.
    await page.keyboard.press('F1');
    await input.fill(':2');
    await input.press('Enter');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+End');

    const title = `Transcribing ERP figures onto workbooks ${Date.now()}`;
    assert.equal(await quickCapture(title, 'Ritual process', ''), 3);
    const saved = await savedEntry(title);
    assert.equal(saved.smart.speakUp, '');
    assert.equal(saved.links.length, 1);
    assert.deepEqual({ ...saved.links[0], fingerprint: undefined }, { path: 'ops/copy-invoices.sh', startLine: 2, endLine: 3, fingerprint: undefined });
    assert.match(saved.links[0].fingerprint, /^v1:/);

    await editor.locator('.codelens-decoration', { hasText: title }).first().waitFor({ timeout: 15000 });
    await waitForFlag(true);
    await editor.locator('.view-line', { hasText: 'xlsx-paste' }).hover();
    const hover = page.locator('.monaco-hover', { hasText: title }).first();
    await hover.waitFor({ timeout: 15000 });
    assert.match((await hover.textContent()) ?? '', /Open entry/);
    await page.keyboard.press('Escape');

    // The setting is read live: turning it off in the workspace file takes the flag away.
    const original = readFileSync(workspace, 'utf8');
    const settings = JSON.parse(original) as { settings: Record<string, unknown> };
    settings.settings['stupidWork.codeLinks.decorations'] = false;
    try {
      writeFileSync(workspace, JSON.stringify(settings, null, 2));
      await waitForFlag(false);
    } finally {
      writeFileSync(workspace, original);
    }
    await waitForFlag(true);
  });
});
