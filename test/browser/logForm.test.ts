import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { Browser, Frame, Page } from 'playwright-core';
import schema from '../../media/stupid-work.schema.json';
import { developmentPayload, launchBrowser, paths, workbenchUrl } from '../harness/host.mjs';
import { requiredEnv } from './runEnv';


interface StoredEntry {
  id: string;
  title: string;
  kind: string;
  reasons: string[];
  smart: Record<string, string>;
  cost?: { hoursPerOccurrence: number; occurrences: number; per: string; people: number };
  author?: unknown;
}

/** The Log form's frame: the webview's inner document that holds #title. */
async function logFrame(page: Page, timeoutMs = 60000): Promise<Frame> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (await frame.$('#log-form #title').catch(() => null)) {
        return frame;
      }
    }
    if (Date.now() > end) {
      throw new Error('the Log form did not appear');
    }
    await page.waitForTimeout(250);
  }
}

describe('the Log form in Chromium', function () {
  this.timeout(180000);
  const port = Number(requiredEnv('STUPID_WORK_PORT'));
  const workspace = requiredEnv('STUPID_WORK_WORKSPACE');
  const alphaFile = path.join(path.dirname(workspace), 'alpha', 'stupid-work.json');
  const shots = process.env.STUPID_WORK_SCREENSHOTS ? path.resolve(process.env.STUPID_WORK_SCREENSHOTS) : path.join(paths.root, 'test-results');
  const validate = new Ajv({ allErrors: true }).compile(schema);
  const dialogs: string[] = [];
  let browser: Browser;
  let page: Page;

  /** Opens the Stupid Work container unless it is showing, and returns the Log form's frame. */
  async function openSidebar(): Promise<Frame> {
    const item = page.locator('.part.activitybar [aria-label^="Stupid Work"]').first();
    await item.waitFor({ timeout: 60000 });
    const backlogTitle = page.locator('.part.sidebar .pane-header h3.title', { hasText: /^Backlog$/i });
    for (let attempt = 0; ; attempt++) {
      if (!(await backlogTitle.isVisible())) {
        await item.click();
      }
      try {
        return await logFrame(page, 20000);
      } catch (error) {
        if (attempt === 2) {
          throw error;
        }
      }
    }
  }

  function readAlpha(): StoredEntry[] {
    const data = JSON.parse(readFileSync(alphaFile, 'utf8')) as unknown;
    assert.ok(validate(data), JSON.stringify(validate.errors));
    return (data as { entries: StoredEntry[] }).entries;
  }

  /** Picks a colour theme the way a person does, through the command palette. */
  async function setTheme(theme: string): Promise<void> {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10000 });
    await input.fill('>Preferences: Color Theme');
    // Not "Browse Color Themes in Marketplace", which also matches the words typed.
    const command = page.locator('.quick-input-list .monaco-list-row[aria-label^="Preferences: Color Theme"]').first();
    await command.waitFor({ timeout: 10000 });
    await command.click();
    // The theme picker replaces the command list; typing before it opens would go to the palette.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: /Modern/ }).first().waitFor({ timeout: 10000 });
    await input.fill(theme);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first();
    await row.waitFor({ timeout: 10000 });
    await row.click();
  }

  before(async () => {
    mkdirSync(shots, { recursive: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 960 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(workbenchUrl(port, workspace, developmentPayload(port)), { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: 60000 });
  });

  after(async () => {
    await page?.screenshot({ path: path.join(paths.root, 'test-results', 'log-form-last.png') }).catch(() => undefined);
    await browser?.close();
  });

  it('logs an entry typed into the form, shows it in the Backlog and writes it to disk', async () => {
    const form = await openSidebar();
    await form.selectOption('#target', { label: 'alpha' });
    const title = `Copying sprint numbers into a slide deck ${Date.now()}`;
    await form.fill('#title', title);
    await form.selectOption('#kind', 'unused-report');
    await form.check('#reason-always-done-that-way');
    await form.fill('#smart-speakUp', 'Every Friday someone copies Jira numbers into slides nobody opens.');
    await form.fill('#smart-tryAnother', 'Link the live board instead.');
    await form.fill('#cost-hours', '2');
    await form.fill('#cost-occurrences', '3');
    await form.selectOption('#cost-per', 'week');
    await form.fill('#cost-people', '4');
    assert.match((await form.textContent('#cost-total')) ?? '', /104 h/);
    assert.match((await form.textContent('#completeness-label')) ?? '', /2 of 5/);

    await form.press('#title', 'Control+Enter');
    await form.waitForFunction(() => /Saved/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: 15000 });
    assert.equal(await form.inputValue('#title'), '', 'the form clears after saving');

    const saved = readAlpha().find((entry) => entry.title === title);
    assert.ok(saved, 'the entry is in alpha/stupid-work.json');
    assert.equal(saved.kind, 'unused-report');
    assert.deepEqual(saved.reasons, ['always-done-that-way']);
    assert.deepEqual(saved.cost, { hoursPerOccurrence: 2, occurrences: 3, per: 'week', people: 4 });
    assert.equal(saved.smart.tryAnother, 'Link the live board instead.');

    await page.locator('.part.sidebar .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15000 });
  });

  it('refuses to save without a title and says why', async () => {
    const form = await openSidebar();
    await form.fill('#title', '   ');
    await form.click('#save');
    assert.equal(await form.isVisible('#title-error'), true);
    assert.equal(await form.getAttribute('#title', 'aria-invalid'), 'true');
  });

  it('shows hostile entry text as literal text and runs none of it', async () => {
    const form = await openSidebar();
    const hostile = `<img src=x onerror=alert(1)><script>alert(2)</script> ${Date.now()}`;
    await form.fill('#title', hostile);
    await form.press('#title', 'Control+Enter');
    await form.waitForFunction(() => /Saved/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: 15000 });
    const row = page.locator('.part.sidebar .monaco-list-row', { hasText: hostile }).first();
    await row.waitFor({ timeout: 15000 });
    await row.click();
    await form.waitForFunction((text) => (document.getElementById('title') as HTMLInputElement).value === text, hostile, { timeout: 15000 });
    assert.equal(await form.locator('img').count(), 0);
    const injected = await form.evaluate(() => [...document.scripts].some((script) => script.textContent?.includes('alert(')));
    assert.equal(injected, false);
    assert.deepEqual(dialogs, []);
    await form.click('#cancel-edit');
    // The form leaves editing mode only when the host answers; the next test starts from a new draft.
    await form.waitForSelector('#cancel-edit', { state: 'detached', timeout: 15000 });
    await form.waitForFunction(() => (document.getElementById('title') as HTMLInputElement).value === '', null, { timeout: 15000 });
  });

  it('keeps a half-written draft across hiding the view and reloading the window', async () => {
    let form = await openSidebar();
    await form.fill('#title', 'Half-written draft about the approval chain');
    await form.fill('#smart-moreInfo', 'Ask security why two approvals.');
    await page.waitForTimeout(800);
    await page.locator('.part.activitybar [aria-label^="Explorer"]').first().click();
    await page.waitForTimeout(500);
    form = await openSidebar();
    assert.equal(await form.inputValue('#title'), 'Half-written draft about the approval chain');
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: 60000 });
    form = await openSidebar();
    await form.waitForFunction(() => (document.getElementById('title') as HTMLInputElement).value !== '', null, { timeout: 15000 });
    assert.equal(await form.inputValue('#title'), 'Half-written draft about the approval chain');
    assert.equal(await form.inputValue('#smart-moreInfo'), 'Ask security why two approvals.');
  });

  it('looks native in dark and light themes (screenshots)', async () => {
    for (const [theme, file] of [['Dark Modern', 'sidebar-dark.png'], ['Light Modern', 'sidebar-light.png']] as const) {
      await setTheme(theme);
      const expectLight = theme.includes('Light');
      await page.waitForFunction((light) => document.querySelector('.monaco-workbench')?.classList.contains(light ? 'vs' : 'vs-dark') ?? false, expectLight, { timeout: 20000 });
      await page.waitForTimeout(1000);
      const form = await openSidebar();
      const background = await form.evaluate(() => getComputedStyle(document.body).getPropertyValue('--vscode-input-background'));
      assert.ok(background.trim().length > 0, 'the form takes its colours from the theme');
      await page.locator('.part.sidebar').screenshot({ path: path.join(shots, file) });
    }
  });
});
