import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { browserPerSuite, openSidebar, readBacklogFile, screenshotDir, testServer } from './workbench';
import { chooseOption, fieldValue, fillField } from './controls';

interface StoredEntry {
  title: string;
  cost?: { hoursPerOccurrence: number; occurrences: number; per: string; people: number };
}

/** What people type into the Log form that it used to take wrongly, or drop without a word. */
describe('the Log form checks what is typed, in Chromium', function () {
  this.timeout(180000);
  const { alphaFile } = testServer();
  const dialogs: string[] = [];
  let page: Page;

  const titles = () => readBacklogFile<{ entries: StoredEntry[] }>(alphaFile).entries.map((e) => e.title);
  const saved = (title: string) => readBacklogFile<{ entries: StoredEntry[] }>(alphaFile).entries.find((e) => e.title === title);

  browserPerSuite('log-inputs-last.png', (opened) => (page = opened), dialogs, { width: 1280, height: 960 });

  async function freshForm(): Promise<Frame> {
    const form = await openSidebar(page);
    await chooseOption(form, '#target', { label: 'alpha' });
    return form;
  }

  /** Presses Save and waits for the status line to say `said`. */
  async function saveSaying(form: Frame, said: RegExp): Promise<void> {
    await form.click('#save');
    await form.waitForFunction((pattern) => new RegExp(pattern).test(document.getElementById('status')?.textContent ?? ''), said.source, { timeout: 15000 });
  }

  it('reads a decimal comma, and says next to the field what is out of range instead of saving nothing or something else', async () => {
    const form = await freshForm();
    const title = `Retyping parcel weights ${Date.now()}`;
    await fillField(form, '#title', title);
    assert.match((await form.textContent('#cost-hours-range')) ?? '', /^0 to 10,000$/, 'the accepted range is next to the field');
    assert.equal(await form.locator('#cost-hours input').getAttribute('aria-description'), '0 to 10,000', 'and read with the field');

    // A decimal comma is half an hour, not five.
    await fillField(form, '#cost-hours', '0,5');
    await fillField(form, '#cost-occurrences', '1');
    await chooseOption(form, '#cost-per', { value: 'week' });
    await fillField(form, '#cost-people', '1');
    assert.match((await form.textContent('#cost-total')) ?? '', /≈ 2\.2 h/);

    // Negative, too large, not a number, not whole: each is said at its field, and Save says why it waits.
    const before = titles().length;
    for (const [id, typed, said] of [
      ['cost-hours', '-2', /^At least 0\.$/],
      ['cost-hours', '1e6', /^At most 10,000\.$/],
      ['cost-hours', 'two', /^Not a number: type one such as 2\.5\.$/],
      ['cost-people', '2.5', /^A whole number\.$/],
    ] as const) {
      await fillField(form, `#${id}`, typed);
      assert.match((await form.textContent(`#${id}-error`)) ?? '', said, `${typed} in ${id}`);
      assert.equal(await form.getAttribute(`#${id}`, 'aria-invalid'), 'true');
      assert.equal(await form.locator(`#${id} input`).getAttribute('aria-invalid'), 'true', 'the field a screen reader is on says it too');
      assert.equal(await form.textContent('#cost-total'), '', 'no total from a number nobody typed');
      await saveSaying(form, /Not saved: fix the marked cost field/);
      assert.equal(await form.evaluate(() => document.activeElement?.id), id, 'the field to fix has the focus');
      assert.equal(titles().length, before, 'nothing was written');
      await fillField(form, `#${id}`, id === 'cost-people' ? '1' : '0,5');
      assert.equal(await form.textContent('#status'), '', 'what Save said goes once the next edit starts');
    }
    await page.locator('.part.sidebar').screenshot({ path: path.join(screenshotDir(), 'log-form-cost-fixed.png') });

    await saveSaying(form, /Saved/);
    assert.deepEqual(saved(title)?.cost, { hoursPerOccurrence: 0.5, occurrences: 1, per: 'week', people: 1 });
  });

  it('keeps a long paste whole, says it is too long next to the field, and saves once it fits', async () => {
    const form = await freshForm();
    const stamp = String(Date.now());
    const long = `Retyped timesheets ${stamp} ${"with every row copied from the time clock export ".repeat(8)}`.trim();
    assert.ok(long.length > 300);
    await fillField(form, '#title', long);
    assert.equal(await fieldValue(form, '#title'), long, 'nothing was cut');
    assert.match((await form.textContent('#title-count')) ?? '', new RegExp(`^${long.length} characters: keep it to 300\\. Nothing was cut\\.$`));
    await page.locator('.part.sidebar').screenshot({ path: path.join(screenshotDir(), 'log-form-too-long.png') });
    const before = titles().length;
    await saveSaying(form, /keep it to 300/);
    assert.equal(titles().length, before, 'nothing was written');

    const fits = long.slice(0, 290).trim();
    await fillField(form, '#title', fits);
    assert.match((await form.textContent('#title-count')) ?? '', new RegExp(`^${fits.length} / 300$`), 'near the limit, the count shows');
    await saveSaying(form, /Saved/);
    assert.ok(saved(fits), 'the shortened title is saved as typed');
    assert.deepEqual(dialogs, []);
  });
});
