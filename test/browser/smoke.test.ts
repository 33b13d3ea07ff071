import * as assert from 'node:assert/strict';
import type { Browser, Frame, Page } from 'playwright-core';
import { EXTENSION_ID, launchBrowser } from '../harness/host.mjs';
import { backlogTitle, isOurWebview, openWorkbench, saveLastScreenshot, stupidWorkItem, testServer, waitForFrame } from './workbench';

/** The webview's content frame: iframe.webview (tagged with the extension id) > #active-frame. */
function webviewContent(page: Page, timeoutMs: number): Promise<Frame> {
  return waitForFrame(
    page,
    async (frame) => {
      const parent = frame.parentFrame();
      return parent !== null && isOurWebview(parent) && (await frame.evaluate(() => document.body !== null && document.body.childElementCount > 0).catch(() => false));
    },
    `a webview of ${EXTENSION_ID} with content`,
    timeoutMs,
  );
}

describe('the workbench in Chromium', function () {
  this.timeout(120000);
  const { port, workspace } = testServer();
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openWorkbench(page, port, workspace);
  });

  after(async () => {
    await saveLastScreenshot(page, 'browser-smoke.png');
    await browser?.close();
  });

  it('opens the Stupid Work container with the Backlog tree and the Log webview', async () => {
    const item = stupidWorkItem(page);
    await item.waitFor({ timeout: 60000 });
    await item.click();
    const title = backlogTitle(page);
    await title.waitFor({ timeout: 30000 });
    assert.equal((await title.textContent())?.trim().toLowerCase(), 'backlog');
    const log = await webviewContent(page, 60000);
    assert.ok(log.url().length > 0, 'the Log webview has a document');
  });
});
