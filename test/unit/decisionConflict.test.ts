import assert from 'node:assert/strict';
import type { Backlog, Decision } from '../../src/core/model/model';
import { DECISION_FIELD, decidedMeanwhile, decisionKey, keepLostDecision } from '../../src/core/retro/decisionConflict';
import { ID_A, assertValid, makeEntry } from './fixtures';

const ana: Decision = { outcome: 'stop', rationale: 'Nobody reads it', owner: 'Ana', due: '2026-12-01', followUp: 'open', decided: '2026-11-29T10:00:00.000Z' };

describe('two people deciding one card', () => {
  it('keys a decision by what a person decides, not by its bookkeeping or stray spaces', () => {
    assert.equal(decisionKey(undefined), 'none');
    assert.equal(decisionKey(ana), decisionKey({ outcome: 'stop', rationale: ' Nobody reads it ', owner: 'Ana ', due: '2026-12-01' }));
    assert.equal(decisionKey({ ...ana, decided: '2026-11-30T00:00:00.000Z', retro: ID_A, trackingUrl: 'https://x.example/1' }), decisionKey(ana));
    assert.notEqual(decisionKey(ana), decisionKey({ ...ana, due: undefined }));
    assert.notEqual(decisionKey(ana), decisionKey({ ...ana, followUp: 'in-progress' }));
  });

  it('finds the mix the form would make: another decision since the form started, and a different one sent', () => {
    // Ben started from no decision and changed the outcome and the owner; the untouched due date followed Ana's.
    const bens = { outcome: 'automate' as const, owner: 'Ben', rationale: '', due: '2026-12-01', followUp: 'open' as const };
    assert.equal(decidedMeanwhile(ana, 'none', bens), ana);
    assert.equal(decidedMeanwhile(ana, decisionKey(ana), bens), undefined, 'he started from hers: his change is an edit of it');
    assert.equal(decidedMeanwhile(ana, 'none', { ...ana }), undefined, 'the same decision twice mixes nothing');
    assert.equal(decidedMeanwhile(undefined, decisionKey(ana), bens), undefined, 'a decision taken away meanwhile leaves nothing to mix');
  });

  it('keeps the decision not chosen in the history, with its times, and cut to the day on an anonymous entry', () => {
    const b: Backlog = { version: 1, entries: [makeEntry({ id: ID_A, status: 'decided', decision: ana })], retros: [] };
    const kept = keepLostDecision(b, ID_A, { outcome: 'automate', owner: 'Ben', rationale: '' }, '2026-11-29T10:05:00.000Z', ana.decided);
    assert.deepEqual(kept.entries[0].history, [{ field: DECISION_FIELD, value: { outcome: 'automate', owner: 'Ben', rationale: '' }, updated: '2026-11-29T10:05:00.000Z', replacedBy: ana.decided }]);
    assertValid(kept);
    const anonymous: Backlog = { ...b, entries: [{ ...b.entries[0], author: undefined, created: '2026-11-01T00:00:00.000Z', updated: '2026-11-29T00:00:00.000Z', decision: { ...ana, decided: '2026-11-29T00:00:00.000Z' } }] };
    const coarse = keepLostDecision(anonymous, ID_A, ana, '2026-11-29T10:05:00.000Z', '2026-11-29T11:00:00.000Z');
    assert.deepEqual([coarse.entries[0].history?.[0].updated, coarse.entries[0].history?.[0].replacedBy], ['2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z']);
    assert.equal(keepLostDecision(b, '01JH0000000000000000000009', ana, ana.decided, ana.decided), b);
  });
});
