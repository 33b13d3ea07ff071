import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { systemClock } from '../../src/core/model/calendar';
import type { Backlog } from '../../src/core/model/model';
import { retroDate } from '../../src/core/retro/retroSummary';
import { launchBrowser } from '../harness/host.mjs';
import { fixtureId } from '../unit/fixtures';
import { assertSchemaValid, openBoard, openWorkbench, quickInput, readBacklogFile, runCommand, saveLastScreenshot, screenshotDir, testServer, waitForFile } from './workbench';
import { fillField } from './controls';

describe('tracking links in Chromium', function () {
  this.timeout(180000);
  const { port, workspace, alphaDir, alphaFile } = testServer();
  let browser: Browser;
  let page: Page;

  const readAlpha = () => readBacklogFile<Backlog>(alphaFile);

  before(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await openWorkbench(page, port, workspace);
  });

  after(async () => {
    await saveLastScreenshot(page, 'tracking-link-last.png');
    await browser?.close();
  });

  it('links an issue to a decision from its card, refusing a non-https address, and shows it in the summary', async () => {
    const token = `tracked${Date.now()}`;
    const now = new Date().toISOString();
    const id = fixtureId(Date.now(), Math.random);
    const retroId = fixtureId(Date.now() + 1, Math.random);
    // A retro running with one decision in it, as a teammate's pull would bring it.
    const backlog = readAlpha();
    if (backlog.retros.some((r) => r.finished === undefined)) {
      throw new Error('a retro is already open in alpha; this test starts its own');
    }
    backlog.entries.push({
      id,
      title: `Weekly numbers copied by hand ${token}`,
      kind: 'ritual-process',
      reasons: [],
      smart: { speakUp: '', moreInfo: '', accountability: '', reprioritize: '', tryAnother: 'A script' },
      links: [],
      created: now,
      updated: now,
      status: 'decided',
      triage: 'now',
      votes: [],
      comments: [],
      decision: { outcome: 'automate', rationale: '', owner: 'Sam Lee', followUp: 'open', decided: now, retro: retroId },
    });
    backlog.retros.push({ id: retroId, started: now, facilitator: 'Robin Facilitator', discussed: [id], decided: [id] });
    assertSchemaValid(backlog);
    writeFileSync(alphaFile, `${JSON.stringify(backlog, null, 2)}\n`);

    const board = await openBoard(page);
    await fillField(board, '#search', token);
    await board.waitForSelector(`#card-${id}`, { timeout: 15000 });
    await board.click(`#expand-${id}`);
    await board.click(`#tracker-link-${id}`, { timeout: 15000 });

    const input = quickInput(page);
    await input.waitFor({ timeout: 10000 });
    await input.fill('http://tracker.example/team/issues/42');
    const message = page.locator('.quick-input-widget .quick-input-message');
    await page.waitForFunction(() => /Only https/.test(document.querySelector('.quick-input-widget .quick-input-message')?.textContent ?? ''), null, { timeout: 10000 });
    assert.match((await message.textContent()) ?? '', /Only https addresses/);
    await input.press('Enter');
    // Enter on an address the check refuses keeps the box open and writes nothing.
    await input.waitFor({ state: 'visible', timeout: 2000 });
    assert.equal(readAlpha().entries.find((e) => e.id === id)?.decision?.trackingUrl, undefined);

    const url = 'https://tracker.example/team/issues/42';
    await input.fill(url);
    await input.press('Enter');
    await waitForFile(() => readAlpha().entries.find((e) => e.id === id && e.decision?.trackingUrl === url), 'the tracking link');

    // On the card the address is text, with an Open button that asks the extension; nothing on the page links it.
    await board.waitForSelector(`#tracking-${id} .tracking-url`, { timeout: 15000 });
    assert.equal(await board.textContent(`#tracking-${id} .tracking-url`), url);
    assert.equal(await board.locator(`#tracking-${id} a`).count(), 0);
    assert.equal(await board.locator(`#tracker-open-${id}`).count(), 1);
    await page.locator('.part.editor').screenshot({ path: path.join(screenshotDir(), 'board-tracking-link.png') });

    // Finishing the retro offers its summary; saved, it carries the link as inert text.
    await board.click('#finish-retro');
    const save = page.locator('.notifications-toasts .monaco-button, .notifications-center .monaco-button', { hasText: 'Save to Repository' }).first();
    if (!(await save.waitFor({ timeout: 5000 }).then(() => true, () => false))) {
      await runCommand(page, 'Notifications: Show Notifications');
    }
    await save.click({ timeout: 10000 });
    const summaryFile = path.join(alphaDir, 'docs', 'retros', `${retroDate({ id: retroId, started: now, facilitator: '', discussed: [], decided: [] }, systemClock())}.md`);
    const replace = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Replace$/ }).first();
    const summary = await waitForFile(
      () => {
        // An earlier test may have saved a summary on the same day: this one replaces it, after asking.
        void replace.click({ timeout: 100 }).catch(() => undefined);
        const text = existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '';
        return text.includes(token) ? text : undefined;
      },
      'the summary with the decision',
      30000,
    );
    // Without Markdown's escapes and the zero-width space (written as a character reference) that keeps the address from becoming a link, it reads as typed.
    const plain = summary.replace(/\\(.)/g, '$1').replace(/&#8203;|&#x200B;|\u200b/gi, '');
    assert.ok(plain.includes(`Tracked in: ${url}`), plain);
    assert.doesNotMatch(summary, /\]\(|<https/, 'the summary links nothing');
  });
});
