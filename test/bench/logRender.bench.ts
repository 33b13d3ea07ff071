import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { LogState } from '../../src/protocol/logMessages';
import { launchBrowser, paths } from '../harness/host.mjs';
import type { BenchFigure } from './core.bench';
import { COMPONENTS_BASELINE, buildBaselineWebviews } from './webviewBaseline';
import { alternate, servePage, timeFirstRender, withEnglishHost } from './webviewPage';

/**
 * The Log form against the form that drew native controls: Lit defines and draws a dozen components
 * on first render, which a native form does not do, so it may cost this much more (still a few ms).
 */
const TARGET = 3;
const FOLDER = 'file:///bench';

/** What the view posts on `ready` for a half-written draft, with the host's real English words. */
async function logState(): Promise<LogState> {
  return withEnglishHost(async () => {
    const labels = (await import(pathToFileURL(join(paths.root, 'src', 'ui', 'shared', 'labels.ts')).href)) as typeof import('../../src/ui/shared/labels');
    const words = (await import(pathToFileURL(join(paths.root, 'src', 'ui', 'log', 'logStrings.ts')).href)) as typeof import('../../src/ui/log/logStrings');
    return {
      form: 1,
      target: FOLDER,
      editingId: undefined,
      aside: [],
      targets: [
        { key: FOLDER, name: 'bench', status: 'ready' },
        { key: `${FOLDER}-2`, name: 'second', status: 'ready' },
      ],
      labels: labels.createLabels(),
      strings: words.logStrings(),
      locale: 'en',
      draft: {
        title: 'Weekly status deck nobody opens',
        kind: 'unused-report',
        reasons: ['always-done-that-way'],
        smart: { speakUp: 'Every Friday someone copies numbers into slides.', moreInfo: 'Ask who reads it.', accountability: '', reprioritize: '', tryAnother: 'Link the live board.' },
        cost: { hoursPerOccurrence: 2, occurrences: 1, per: 'week', people: 3 },
        anonymous: false,
      },
    };
  });
}

async function logPage(browser: Browser, root?: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
  await servePage(page, { script: 'log', styles: 'log' }, root);
  return page;
}

async function firstRender(page: Page, state: LogState): Promise<number> {
  const ms = await timeFirstRender(page, state);
  if ((await page.evaluate(() => document.querySelector('#log-form #title'))) === null) throw new Error('the Log form rendered no title field');
  return ms;
}

/**
 * First render of the Log form against the form of `COMPONENTS_BASELINE`, on the same state, alternated
 * in one browser. Reads the production build in dist/ (the board bench, which runs first, builds it).
 */
export async function runLogRenderBench(): Promise<BenchFigure[]> {
  const nativeRoot = await buildBaselineWebviews(COMPONENTS_BASELINE);
  const state = await logState();
  const browser = await launchBrowser();
  try {
    const now = await logPage(browser);
    const native = await logPage(browser, nativeRoot);
    const [nativeMs, ms] = await alternate(() => firstRender(native, state), () => firstRender(now, state));
    return [{ name: `Log form first render vs ${COMPONENTS_BASELINE}`, ms, baselineMs: nativeMs, ratio: ms / nativeMs, target: TARGET }];
  } finally {
    await browser.close();
  }
}
