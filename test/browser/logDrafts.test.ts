import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { appendEntry, browserPerSuite, openSidebar, quickInput, readBacklogFile, runCommand, screenshotDir, testServer, waitForFile } from './workbench';
import { fieldValue, fillField } from './controls';

interface StoredEntry {
  id: string;
  title: string;
  kind: string;
  smart: Record<string, string>;
  links: { path: string; startLine: number }[];
  updated: string;
  history?: { field: string; value: unknown }[];
}

/** A draft is what someone typed: no flow of the extension may replace it, lend it a link, or drop it unasked. */
describe('the Log form keeps every draft, in Chromium', function () {
  this.timeout(240000);
  const { alphaDir, alphaFile } = testServer();
  const script = path.join(alphaDir, 'tools', 'quokka-sync.sh');
  const dialogs: string[] = [];
  let page: Page;

  const entries = () => readBacklogFile<{ entries: StoredEntry[] }>(alphaFile).entries;
  const entry = (title: string) => waitForFile(() => entries().find((e) => e.title === title), `“${title}” in alpha/stupid-work.json`);
  const dialogButton = (label: RegExp) => page.locator('.monaco-dialog-box .monaco-button', { hasText: label }).first();

  // Written before the workbench opens, so Quick Open has indexed it.
  before(() => {
    mkdirSync(path.dirname(script), { recursive: true });
    writeFileSync(script, '#!/bin/sh\nset -e\nrsync -a quokka/ backup/\necho done\n');
  });
  browserPerSuite('log-drafts-last.png', (opened) => (page = opened), dialogs, { width: 1280, height: 960 });

  after(() => rmSync(path.dirname(script), { recursive: true, force: true }));

  async function waitForTitle(form: Frame, title: string): Promise<void> {
    await form.waitForFunction((text) => (document.getElementById('title') as HTMLInputElement | null)?.value === text, title, { timeout: 15000 });
  }

  async function openRow(title: string): Promise<Frame> {
    const form = await openSidebar(page);
    await page.locator('.part.sidebar .monaco-list-row', { hasText: title }).first().click();
    await waitForTitle(form, title);
    return form;
  }

  it('shows a flag\'s code link at the top, and drops it when the flag is abandoned for Quick Capture', async () => {
    const input = quickInput(page);
    // Quick Open finds a file only once the workbench's file search has seen it.
    for (let attempt = 0; ; attempt++) {
      await page.keyboard.press('F1');
      await input.fill('quokka-sync.sh');
      try {
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'quokka-sync.sh' }).first().waitFor({ timeout: 10000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        await page.keyboard.press('Escape');
      }
    }
    await input.press('Enter');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line', { hasText: 'rsync' }).waitFor({ timeout: 15000 });
    await page.keyboard.press('F1');
    await input.fill(':3');
    await input.press('Enter');
    await page.keyboard.press('Shift+End');

    await runCommand(page, 'Stupid Work: Flag as Stupid Work');
    let form = await openSidebar(page);
    await form.waitForSelector('#link:not([hidden])', { timeout: 15000 });
    assert.equal((await form.textContent('#link .link-text'))?.replace(/[\u2066-\u2069]/g, ''), 'tools/quokka-sync.sh, line 3');
    // Beside the title, above the fold of a short sidebar: not a thousand pixels down the form.
    const [link, title] = await Promise.all([form.locator('#link').boundingBox(), form.locator('#title').boundingBox()]);
    assert.ok(link && title && link.y < title.y && title.y - link.y < 80, `link at ${link?.y}, title at ${title?.y}`);
    assert.match((await form.textContent('#cost-total')) ?? '', /^No estimate yet/, 'no hours typed is no estimate, not 0 h');
    await page.locator('.part.sidebar').screenshot({ path: path.join(screenshotDir(), 'log-form-link-top.png') });

    // Changed their mind: the same thought goes in through Quick Capture instead.
    await runCommand(page, 'View: Close All Editors');
    const captured = `Quokka mirror copied by hand ${Date.now()}`;
    await runCommand(page, 'Stupid Work: Quick Capture');
    const step = page.locator('.quick-input-widget .quick-input-title');
    for (const [name, text] of [['1/3', captured], ['2/3', 'Ritual process'], ['3/3', '']]) {
      await step.filter({ hasText: name }).waitFor({ timeout: 15000 });
      await input.fill(text);
      await input.press('Enter');
    }
    await entry(captured);

    // The next, unrelated entry typed in the form is not about that code.
    form = await openSidebar(page);
    assert.equal(await form.isHidden('#link'), true, 'the abandoned flag\'s link is gone from the form');
    const unrelated = `Printing boarding passes for offsites ${Date.now()}`;
    await fillField(form, '#title', unrelated);
    await form.click('#save');
    assert.deepEqual((await entry(unrelated)).links, []);
  });

  it('puts a half-written draft aside when an entry is opened, and brings it back after Cancel edit or Update', async () => {
    const stamp = Date.now();
    const opened = `Narwhal timesheets entered twice ${stamp}`;
    appendEntry(alphaFile, { title: opened });
    let form = await openSidebar(page);
    const draft = `Capybara badge photos renewed yearly ${stamp}`;
    await fillField(form, '#title', draft);
    await fillField(form, '#smart-speakUp', 'Half a thought, not finished');

    form = await openRow(opened);
    assert.match((await form.textContent('#aside')) ?? '', /1 draft put aside/);
    assert.match((await form.textContent('#aside')) ?? '', /Capybara badge photos/);
    await page.locator('.part.sidebar').screenshot({ path: path.join(screenshotDir(), 'log-form-aside.png') });
    // Nothing changed in the entry: Cancel edit asks nothing, and the draft is back whole.
    await form.click('#cancel-edit');
    await waitForTitle(form, draft);
    assert.equal(await fieldValue(form, '#smart-speakUp'), 'Half a thought, not finished');

    form = await openRow(opened);
    await fillField(form, '#smart-moreInfo', 'Ask payroll which copy they read');
    await form.click('#save');
    await waitForTitle(form, draft);
    assert.match((await form.textContent('#status')) ?? '', /Saved .*Your draft .*Capybara badge photos.* is back/);
    assert.equal((await entry(opened)).smart.moreInfo, 'Ask payroll which copy they read');

    // Discard asks before it empties anything; saying no keeps the draft.
    await form.click('#discard');
    await page.locator('.monaco-dialog-box', { hasText: 'Discard the draft' }).waitFor({ timeout: 15000 });
    await dialogButton(/^Cancel$/).click();
    await page.waitForTimeout(500);
    assert.equal(await fieldValue(form, '#title'), draft);
    await form.click('#discard');
    await dialogButton(/^Discard Draft$/).click();
    await waitForTitle(form, '');
    assert.equal(await form.isDisabled('#discard'), true);
    assert.match((await form.getAttribute('#discard', 'title')) ?? '', /Nothing typed yet/);
  });

  it('asks which version to keep when a teammate changed the entry being edited, and keeps the other in its history', async () => {
    const stamp = Date.now();
    const opened = `Axolotl expense approvals ${stamp}`;
    const id = appendEntry(alphaFile, { title: opened, kind: 'ritual-process' });
    const form = await openRow(opened);
    const mine = `Axolotl expense approvals, signed twice ${stamp}`;
    await fillField(form, '#title', mine);

    // Meanwhile a teammate's sync brings their edit of the same entry: another title and another kind.
    const theirs = `Axolotl approvals sent by fax ${stamp}`;
    const backlog = readBacklogFile<{ entries: StoredEntry[] }>(alphaFile);
    const stored = backlog.entries.find((e) => e.id === id) as StoredEntry;
    Object.assign(stored, { title: theirs, kind: 'autopilot-policy', updated: new Date().toISOString() });
    writeFileSync(alphaFile, `${JSON.stringify(backlog, null, 2)}\n`);

    await form.click('#save');
    const question = page.locator('.monaco-dialog-box', { hasText: 'was changed in the backlog while you edited it' });
    await question.waitFor({ timeout: 15000 });
    const asked = (await question.textContent()) ?? '';
    assert.match(asked, /Title: yours “Axolotl expense approvals, signed twice/);
    assert.match(asked, /Their change to Kind is kept either way/);
    await page.screenshot({ path: path.join(screenshotDir(), 'log-form-edit-clash.png') });
    await dialogButton(/^Keep Theirs$/).click();

    await form.waitForFunction(() => /history/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: 15000 });
    assert.match((await form.textContent('#status')) ?? '', /Your version of Title is in the entry's history/);
    const saved = await waitForFile(() => entries().find((e) => e.id === id && e.history?.length), 'the entry with its history');
    assert.equal(saved.title, theirs);
    assert.equal(saved.kind, 'autopilot-policy', 'the teammate\'s kind is not written back to the old one');
    assert.deepEqual(saved.history?.map((h) => [h.field, h.value]), [['title', mine]]);
    assert.deepEqual(dialogs, []);
  });
});
