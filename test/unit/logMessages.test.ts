import assert from 'node:assert/strict';
import { emptyDraft } from '../../src/core/model/model';
import { parseFromWebview } from '../../src/protocol/logMessages';

const LINK = { path: 'scripts/weekly-report.sh', startLine: 5, endLine: 7, fingerprint: 'v1:Bqv96V:3:0:0:5E-wxn' };

function save(draft: unknown): unknown {
  return parseFromWebview({ type: 'save', target: 'file:///work/alpha', draft, editingId: undefined });
}

describe('messages from the Log view', () => {
  it('accepts a well-formed save, with its code link', () => {
    const draft = { ...emptyDraft(), title: 'Weekly report', link: LINK };
    assert.deepEqual(save(draft), { type: 'save', target: 'file:///work/alpha', draft, editingId: undefined });
  });

  it('drops anything that is not exactly a known message', () => {
    for (const junk of [null, 'save', [], { type: 'eval' }, { type: 'save', draft: emptyDraft() }, { type: 'openDataFile', target: 42 }]) {
      assert.equal(parseFromWebview(junk), undefined, JSON.stringify(junk));
    }
    assert.equal(save({ ...emptyDraft(), title: 'x', kind: 'nonsense' }), undefined);
    assert.equal(save({ ...emptyDraft(), title: 'x', cost: { hoursPerOccurrence: -1, occurrences: 1, per: 'week', people: 1 } }), undefined);
  });

  it('takes a draft change only with the number of the form it was typed in, so a stale report can be told apart', () => {
    const draft = { ...emptyDraft(), title: 'Half-written' };
    assert.deepEqual(parseFromWebview({ type: 'draftChanged', form: 3, target: undefined, draft, editingId: undefined }), { type: 'draftChanged', form: 3, target: undefined, draft, editingId: undefined });
    for (const form of [undefined, '3', 1.5, Number.NaN]) {
      assert.equal(parseFromWebview({ type: 'draftChanged', form, draft }), undefined, String(form));
    }
    assert.deepEqual(parseFromWebview({ type: 'discard', draft }), { type: 'discard' });
  });

  it('refuses a code link that leads out of the workspace folder', () => {
    for (const path of ['../../.ssh/config', '/etc/passwd', 'C:/Windows/win.ini', 'a/../../b']) {
      assert.equal(save({ ...emptyDraft(), title: 'x', link: { ...LINK, path } }), undefined, path);
    }
  });
});
