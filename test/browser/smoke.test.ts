import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { EXTENSION_ID, developmentPayload, launchBrowser, paths, workbenchUrl } from '../harness/host.mjs';
import { requiredEnv } from './runEnv';


/** The webview's content frame: iframe.webview (tagged with the extension id) > #active-frame. */
async function webviewContent(page: Page, timeoutMs: number): Promise<Frame> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (!frame.url().includes(`extensionId=${EXTENSION_ID}`)) continue;
      for (const child of frame.childFrames()) {
        const hasContent = await child.evaluate(() => document.body !== null && document.body.childElementCount > 0).catch(() => false);
        if (hasContent) return child;
      }
    }
    if (Date.now() > end) {
      throw new Error(`no webview of ${EXTENSION_ID} with content after ${timeoutMs}ms; frames:\n${page.frames().map((f) => f.url().slice(0, 120)).join('\n')}`);
    }
    await page.waitForTimeout(250);
  }
}

describe('the workbench in Chromium', function () {
  this.timeout(120000);
  const port = Number(requiredEnv('STUPID_WORK_PORT'));
  const workspace = requiredEnv('STUPID_WORK_WORKSPACE');
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(workbenchUrl(port, workspace, developmentPayload(port)), { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: 60000 });
  });

  after(async () => {
    const dir = path.join(paths.root, 'test-results');
    mkdirSync(dir, { recursive: true });
    await page?.screenshot({ path: path.join(dir, 'browser-smoke.png') });
    await browser?.close();
  });

  it('opens the Stupid Work container with the Backlog tree and the Log webview', async () => {
    const item = page.locator('.part.activitybar [aria-label^="Stupid Work"]').first();
    await item.waitFor({ timeout: 60000 });
    await item.click();
    const backlogTitle = page.locator('.part.sidebar .pane-header h3.title', { hasText: /^Backlog$/i });
    await backlogTitle.waitFor({ timeout: 30000 });
    assert.equal((await backlogTitle.textContent())?.trim().toLowerCase(), 'backlog');
    const log = await webviewContent(page, 60000);
    assert.ok(log.url().length > 0, 'the Log webview has a document');
  });
});
