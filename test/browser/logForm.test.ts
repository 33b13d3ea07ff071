import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { browserPerSuite, openSidebar, readBacklogFile, screenshotDir, setTheme, testServer, workbenchReady } from './workbench';
import { chooseOption, fieldValue, fillField, pressIn, setChecked } from './controls';

interface StoredEntry {
  id: string;
  title: string;
  kind: string;
  reasons: string[];
  smart: Record<string, string>;
  cost?: { hoursPerOccurrence: number; occurrences: number; per: string; people: number };
  author?: unknown;
}

describe('the Log form in Chromium', function () {
  this.timeout(180000);
  const { alphaFile } = testServer();
  const shots = screenshotDir();
  const dialogs: string[] = [];
  let page: Page;

  function readAlpha(): StoredEntry[] {
    return readBacklogFile<{ entries: StoredEntry[] }>(alphaFile).entries;
  }

  browserPerSuite('log-form-last.png', (opened) => (page = opened), dialogs, { width: 1280, height: 960 });

  it('logs an entry typed into the form, shows it in the Backlog and writes it to disk', async () => {
    const form = await openSidebar(page);
    await chooseOption(form, '#target', { label: 'alpha' });
    const title = `Copying sprint numbers into a slide deck ${Date.now()}`;
    await fillField(form, '#title', title);
    await chooseOption(form, '#kind', { value: 'unused-report' });
    await setChecked(form, '#reason-always-done-that-way');
    await fillField(form, '#smart-speakUp', 'Every Friday someone copies Jira numbers into slides nobody opens.');
    await fillField(form, '#smart-tryAnother', 'Link the live board instead.');
    await fillField(form, '#cost-hours', '2');
    await fillField(form, '#cost-occurrences', '3');
    await chooseOption(form, '#cost-per', { value: 'week' });
    await fillField(form, '#cost-people', '4');
    assert.match((await form.textContent('#cost-total')) ?? '', /104 h/);
    assert.match((await form.textContent('#completeness-label')) ?? '', /2 of 5/);

    await pressIn(form, '#title', 'Control+Enter');
    await form.waitForFunction(() => /Saved/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: 15000 });
    assert.equal(await fieldValue(form, '#title'), '', 'the form clears after saving');

    const saved = readAlpha().find((entry) => entry.title === title);
    assert.ok(saved, 'the entry is in alpha/stupid-work.json');
    assert.equal(saved.kind, 'unused-report');
    assert.deepEqual(saved.reasons, ['always-done-that-way']);
    assert.deepEqual(saved.cost, { hoursPerOccurrence: 2, occurrences: 3, per: 'week', people: 4 });
    assert.equal(saved.smart.tryAnother, 'Link the live board instead.');

    await page.locator('.part.sidebar .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15000 });
  });

  it('refuses to save without a title and says why', async () => {
    const form = await openSidebar(page);
    await fillField(form, '#title', '   ');
    await form.click('#save');
    assert.equal(await form.isVisible('#title-error'), true);
    assert.equal(await form.getAttribute('#title', 'aria-invalid'), 'true');
  });

  it('shows hostile entry text as literal text and runs none of it', async () => {
    const form = await openSidebar(page);
    const hostile = `<img src=x onerror=alert(1)><script>alert(2)</script> ${Date.now()}`;
    await fillField(form, '#title', hostile);
    await pressIn(form, '#title', 'Control+Enter');
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
    let form = await openSidebar(page);
    await fillField(form, '#title', 'First thoughts');
    // The workbench saves each view's own state every 5 s in a browser; that older copy must not win after a reload.
    await page.waitForTimeout(6000);
    await fillField(form, '#title', 'Half-written draft about the approval chain');
    await fillField(form, '#smart-moreInfo', 'Ask security why two approvals.');
    // Hidden at once: what was typed a moment ago must survive the view being destroyed.
    await page.locator('.part.activitybar [aria-label^="Explorer"]').first().click();
    form = await openSidebar(page);
    assert.equal(await fieldValue(form, '#title'), 'Half-written draft about the approval chain');
    assert.equal(await fieldValue(form, '#smart-moreInfo'), 'Ask security why two approvals.');
    await page.waitForTimeout(1000);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await workbenchReady(page);
    form = await openSidebar(page);
    assert.equal(await fieldValue(form, '#title'), 'Half-written draft about the approval chain');
    assert.equal(await fieldValue(form, '#smart-moreInfo'), 'Ask security why two approvals.');
  });

  it('looks native in dark and light themes (screenshots)', async () => {
    for (const [theme, file] of [['Dark Modern', 'sidebar-dark.png'], ['Light Modern', 'sidebar-light.png']] as const) {
      await setTheme(page, theme);
      await page.waitForTimeout(1000);
      const form = await openSidebar(page);
      const background = await form.evaluate(() => getComputedStyle(document.body).getPropertyValue('--vscode-input-background'));
      assert.ok(background.trim().length > 0, 'the form takes its colours from the theme');
      await page.locator('.part.sidebar').screenshot({ path: path.join(shots, file) });
    }
  });
});
