import assert from 'node:assert/strict';
import { isId } from '../../src/core/model/ids';
import { mergeBacklogs } from '../../src/core/merge/merge';
import type { Backlog, Decision, Entry, Retro } from '../../src/core/model/model';
import {
  activeRetro,
  decide,
  finishRetro,
  followUps,
  isStale,
  markDiscussed,
  mergeDuplicate,
  moveToList,
  openDecisionsOf,
  restore,
  setFollowUp,
  startRetro,
  validateDecision,
  type Change,
  type DecisionInput,
} from '../../src/core/retro/retro';
import { serializeBacklog } from '../../src/core/file/serialize';
import { english } from '../../src/core/text/english';
import { decisionProblemText, decisionTemplates } from '../../src/core/text/messages';
import * as l10n from '@vscode/l10n';
import { anonymousVote, assertValid, clockAt, generateBacklog, makeEntry, namedToggle } from './fixtures';

const A = '01JH0000000000000000000000';
const B = '01JH0000000000000000000001';
const C = '01JH0000000000000000000002';
const R1 = '01JH1000000000000000000000';
const R2 = '01JH1000000000000000000001';
const NOW = new Date('2025-03-10T14:30:00.000Z');

function backlog(entries: Entry[], retros: Retro[] = []): Backlog {
  return { version: 1, entries, retros };
}

/** The new backlog of a change that must succeed, checked against the schema. */
function ok(change: Change): Backlog {
  if (!change.ok) assert.fail(english(change.message));
  assertValid(change.backlog);
  return change.backlog;
}

/** The refusal's words, in English. */
function refused(change: Change): string {
  assert.equal(change.ok, false, 'the change should have been refused');
  return change.ok ? '' : english(change.message);
}

/** The decision's problems, in English. */
function problems(d: DecisionInput): string[] {
  return validateDecision(d).map(english);
}

function entry(b: Backlog, id: string): Entry {
  const e = b.entries.find((x) => x.id === id);
  assert.ok(e, `entry ${id}`);
  return e;
}

function decision(overrides: Partial<Decision> = {}): Decision {
  return { outcome: 'stop', rationale: '', owner: 'Grace', followUp: 'open', decided: '2025-02-01T10:00:00.000Z', ...overrides };
}

const STOP: DecisionInput = { outcome: 'stop', rationale: 'Nobody opens it.', owner: 'Grace Hopper', due: '2025-04-01' };

describe('retro', () => {
  describe('starting and finishing', () => {
    it('starts a retro with a fresh id and the trimmed facilitator, and finishes it', () => {
      const started = ok(startRetro(backlog([makeEntry()]), '  Ada  ', clockAt(NOW)));
      const retro = activeRetro(started);
      assert.ok(retro);
      assert.ok(isId(retro.id));
      assert.deepEqual({ ...retro, id: '' }, { id: '', started: NOW.toISOString(), facilitator: 'Ada', discussed: [], decided: [] });
      const finished = ok(finishRetro(started, new Date('2025-03-10T15:00:00.000Z')));
      assert.equal(activeRetro(finished), undefined);
      assert.equal(finished.retros[0].finished, '2025-03-10T15:00:00.000Z');
    });

    it('refuses a second open retro, an empty facilitator, and finishing when none is open', () => {
      const started = ok(startRetro(backlog([]), 'Ada', clockAt(NOW)));
      assert.equal(refused(startRetro(started, 'Grace', clockAt(NOW))), 'The retro Ada started on 2025-03-10 is still open. Finish it before starting another.');
      assert.equal(refused(startRetro(backlog([]), '   ', clockAt(NOW))), 'Say who facilitates the retro.');
      assert.match(refused(startRetro(backlog([]), 'x'.repeat(201), clockAt(NOW))), /201 characters long; keep it to 200/);
      assert.equal(refused(finishRetro(backlog([]), NOW)), 'No retro is open, so there is none to finish.');
    });

    it('takes the latest started unfinished retro as the active one', () => {
      const retros: Retro[] = [
        { id: R1, started: '2025-03-01T10:00:00.000Z', facilitator: 'A', discussed: [], decided: [] },
        { id: R2, started: '2025-03-08T10:00:00.000Z', facilitator: 'B', discussed: [], decided: [] },
        { id: C, started: '2025-03-09T10:00:00.000Z', finished: '2025-03-09T11:00:00.000Z', facilitator: 'C', discussed: [], decided: [] },
      ];
      assert.equal(activeRetro(backlog([], retros))?.id, R2);
    });

    it('never finishes a retro before it started, even with a clock behind', () => {
      const started = ok(startRetro(backlog([]), 'Ada', clockAt(NOW)));
      const finished = ok(finishRetro(started, new Date('2025-03-10T14:00:00.000Z')));
      assert.equal(finished.retros[0].finished, NOW.toISOString());
    });

    it('marks entries discussed once, and does nothing without an open retro or for unknown entries', () => {
      const b = backlog([makeEntry({ id: A })]);
      assert.equal(markDiscussed(b, A), b);
      const started = ok(startRetro(b, 'Ada', clockAt(NOW)));
      const once = markDiscussed(started, A);
      assert.deepEqual(activeRetro(once)?.discussed, [A]);
      assert.equal(markDiscussed(once, A), once);
      assert.equal(markDiscussed(once, B), once);
      assertValid(once);
    });
  });

  describe('triage', () => {
    it('restores an archived entry to the board, and refuses one that is not archived or unknown', () => {
      const b = backlog([makeEntry({ id: A, status: 'archived', duplicateOf: B, votes: ['g@x'] }), makeEntry({ id: B })]);
      const restored = entry(ok(restore(b, A, NOW)), A);
      assert.deepEqual([restored.status, restored.duplicateOf, restored.votes, restored.updated], ['open', undefined, ['g@x'], NOW.toISOString()]);
      assert.match(refused(restore(b, B, NOW)), /is not archived; a teammate may have restored it already\.$/);
      assert.match(refused(restore(b, C, NOW)), /no entry with id/);
    });

    it('moves an entry to a list, and refuses unknown lists and archived entries', () => {
      const b = backlog([makeEntry({ id: A }), makeEntry({ id: B, status: 'archived' })]);
      const moved = ok(moveToList(b, A, 'bigger-story', NOW));
      assert.equal(entry(moved, A).triage, 'bigger-story');
      assert.equal(entry(moved, A).updated, NOW.toISOString());
      assert.equal(ok(moveToList(moved, A, 'bigger-story', NOW)), moved);
      assert.match(refused(moveToList(b, A, 'later' as 'now', NOW)), /"later" is not a list on the board/);
      assert.match(refused(moveToList(b, B, 'now', NOW)), /is archived/);
    });

    it('notes in the open retro the list each entry was first moved out of, and nothing outside a retro', () => {
      const b = backlog([makeEntry({ id: A, triage: 'inbox' }), makeEntry({ id: B, triage: 'someday' })]);
      assert.equal(ok(moveToList(b, A, 'now', NOW)).retros.length, 0);
      let held = ok(startRetro(b, 'Ada', clockAt(NOW)));
      held = ok(moveToList(held, A, 'now', NOW));
      held = ok(moveToList(held, A, 'someday', NOW));
      held = ok(moveToList(held, B, 'someday', NOW));
      held = ok(moveToList(held, B, 'bigger-story', NOW));
      assert.deepEqual(held.retros[0].moved, [
        { entry: A, from: 'inbox' },
        { entry: B, from: 'someday' },
      ]);
      assertValid(held);
    });
  });

  describe('decisions', () => {
    it('explains every problem with a decision', () => {
      assert.deepEqual(problems(STOP), []);
      assert.deepEqual(problems({ outcome: 'keep', rationale: ' ', owner: ' ' }), [
        'Name an owner, so someone is held to the decision until it is done.',
        'Keeping it needs a written reason, so the team learns why.',
      ]);
      assert.deepEqual(problems({ ...STOP, due: '2025-02-30' }), ['"2025-02-30" is not a date; write it as YYYY-MM-DD, for example 2026-03-31.']);
      assert.deepEqual(problems({ ...STOP, due: '1 April' }), ['"1 April" is not a date; write it as YYYY-MM-DD, for example 2026-03-31.']);
      assert.deepEqual(problems({ ...STOP, due: '2024-02-29' }), []);
      assert.deepEqual(problems({ ...STOP, due: '' }), []);
      assert.match(problems({ ...STOP, owner: 'o'.repeat(201) })[0], /201 characters long; keep it to 200/);
      assert.match(problems({ ...STOP, rationale: 'r'.repeat(20_001) })[0], /20001 characters long; keep it to 20000/);
      assert.match(problems({ ...STOP, outcome: 'ignore' as 'stop' })[0], /"ignore" is not a decision/);
      assert.deepEqual(problems({ ...STOP, outcome: '' as 'stop' }), ['Choose the outcome: stop it, automate it, simplify it or keep it.'], 'no outcome is chosen for the person');
      assert.match(problems({ ...STOP, followUp: 'later' as 'open' })[0], /"later" is not a follow-up state/);
    });

    it("fills the board page's decision templates as the host renders them, in a translation's order too", () => {
      const templates = decisionTemplates(l10n);
      for (const input of [{ outcome: 'keep', rationale: '', owner: '' }, { ...STOP, owner: 'o'.repeat(201), due: '1 April', followUp: 'later' as 'open' }] as DecisionInput[]) {
        const found = validateDecision(input);
        assert.ok(found.length > 1);
        assert.deepEqual(found.map((problem) => decisionProblemText(problem, templates)), found.map(english));
      }
      const reordered = { ...templates, 'retro.ownerTooLong': '{1} at most, not {0}' };
      assert.equal(decisionProblemText({ code: 'retro.ownerTooLong', length: 201, limit: 200 }, reordered), '200 at most, not 201');
    });

    it('records a decision in the active retro, and a re-decision replaces it', () => {
      const started = ok(startRetro(backlog([makeEntry({ id: A })]), 'Ada', clockAt(NOW)));
      const retroId = activeRetro(started)?.id;
      const decided = ok(decide(started, A, { ...STOP, owner: ' Grace Hopper ' }, NOW));
      const e = entry(decided, A);
      assert.equal(e.status, 'decided');
      assert.deepEqual(e.decision, { outcome: 'stop', rationale: 'Nobody opens it.', owner: 'Grace Hopper', due: '2025-04-01', followUp: 'open', decided: NOW.toISOString(), retro: retroId });
      assert.deepEqual(activeRetro(decided)?.discussed, [A]);
      assert.deepEqual(activeRetro(decided)?.decided, [A]);

      const later = new Date('2025-03-10T14:40:00.000Z');
      const again = ok(decide(decided, A, { outcome: 'keep', rationale: 'Audit needs it.', owner: 'Ada' }, later));
      assert.deepEqual(entry(again, A).decision, { outcome: 'keep', rationale: 'Audit needs it.', owner: 'Ada', followUp: 'open', decided: later.toISOString(), retro: retroId });
      assert.deepEqual(activeRetro(again)?.decided, [A]);
    });

    it('records a decision outside a retro without a retro id, and keeps fields this version does not know', () => {
      const b = backlog([makeEntry({ id: A, status: 'decided', decision: { ...decision({ retro: R1 }), ticket: 'OPS-1' } })]);
      const d = entry(ok(decide(b, A, STOP, NOW)), A).decision;
      assert.equal(d?.retro, undefined);
      assert.equal(d?.ticket, 'OPS-1');
    });

    it('refuses invalid decisions with every reason, and archived or unknown entries', () => {
      const b = backlog([makeEntry({ id: A }), makeEntry({ id: B, status: 'archived' })]);
      assert.equal(refused(decide(b, A, { outcome: 'keep', rationale: '', owner: 'Ada' }, NOW)), 'Keeping it needs a written reason, so the team learns why.');
      assert.equal(
        refused(decide(b, A, { outcome: 'keep', rationale: '', owner: '' }, NOW)),
        'Name an owner, so someone is held to the decision until it is done. Keeping it needs a written reason, so the team learns why.',
      );
      assert.match(refused(decide(b, B, STOP, NOW)), /is archived; restore it before deciding on it\./);
      assert.match(refused(decide(b, C, STOP, NOW)), /no entry with id/);
    });

    it('a done follow-up closes the entry and records when; reopening it brings it back', () => {
      const b = ok(decide(backlog([makeEntry({ id: A })]), A, STOP, NOW));
      const progress = ok(setFollowUp(b, A, 'in-progress', NOW));
      assert.equal(entry(progress, A).status, 'decided');
      const doneAt = new Date('2025-03-20T09:00:00.000Z');
      const closed = ok(setFollowUp(progress, A, 'done', doneAt));
      assert.equal(entry(closed, A).status, 'done');
      assert.equal(entry(closed, A).decision?.completed, doneAt.toISOString());
      const reopened = ok(setFollowUp(closed, A, 'open', NOW));
      assert.equal(entry(reopened, A).status, 'decided');
      assert.equal(entry(reopened, A).decision?.completed, undefined);
      assert.match(refused(setFollowUp(backlog([makeEntry({ id: A })]), A, 'done', NOW)), /has no decision yet/);
    });

    it('a decision recorded as already done closes the entry at once', () => {
      const b = ok(decide(backlog([makeEntry({ id: A })]), A, { ...STOP, followUp: 'done' }, NOW));
      assert.equal(entry(b, A).status, 'done');
      assert.equal(entry(b, A).decision?.completed, NOW.toISOString());
    });
  });

  describe('follow-ups', () => {
    const retros: Retro[] = [
      { id: R1, started: '2025-02-01T09:00:00.000Z', finished: '2025-02-01T10:00:00.000Z', facilitator: 'Ada', discussed: [], decided: [] },
      { id: R2, started: '2025-03-10T14:00:00.000Z', facilitator: 'Ada', discussed: [], decided: [] },
    ];
    const ids = ['01JH2000000000000000000000', '01JH2000000000000000000001', '01JH2000000000000000000002', '01JH2000000000000000000003', '01JH2000000000000000000004', '01JH2000000000000000000005', '01JH2000000000000000000006', '01JH2000000000000000000007'];
    const b = backlog(
      [
        makeEntry({ id: ids[0], title: 'no due, old', status: 'decided', decision: decision({ retro: R1, decided: '2025-01-01T00:00:00.000Z' }) }),
        makeEntry({ id: ids[1], title: '2 days overdue', status: 'decided', decision: decision({ retro: R1, due: '2025-03-08' }) }),
        makeEntry({ id: ids[2], title: '9 days overdue', status: 'decided', decision: decision({ retro: R1, due: '2025-03-01', followUp: 'in-progress' }) }),
        makeEntry({ id: ids[3], title: 'due later', status: 'decided', decision: decision({ due: '2025-04-01' }) }),
        makeEntry({ id: ids[4], title: 'due today', status: 'decided', decision: decision({ retro: R1, due: '2025-03-10' }) }),
        makeEntry({ id: ids[5], title: 'done', status: 'done', decision: decision({ retro: R1, due: '2025-01-01', followUp: 'done' }) }),
        makeEntry({ id: ids[6], title: 'this retro', status: 'decided', decision: decision({ retro: R2, due: '2025-01-01', decided: '2025-03-10T14:10:00.000Z' }) }),
        makeEntry({ id: ids[7], title: 'no due, new', status: 'decided', decision: decision({ retro: R1, decided: '2025-02-01T09:30:00.000Z', owner: ' ada ' }) }),
      ],
      retros,
    );

    it('lists open decisions from earlier retros: most overdue first, then by due date, then oldest decision', () => {
      const items = followUps(b, clockAt(NOW));
      assert.deepEqual(
        items.map((i) => [i.entry.title, i.overdueDays]),
        [['9 days overdue', 9], ['2 days overdue', 2], ['due today', 0], ['due later', 0], ['no due, old', 0], ['no due, new', 0]],
      );
      assert.equal(items[0].retro?.id, R1);
      assert.equal(items[3].retro, undefined);
      assert.equal(items[4].ageDays, 68);
    });

    it('includes the decisions of the last retro once it is finished', () => {
      const finished = ok(finishRetro(b, NOW));
      assert.equal(followUps(finished, clockAt(NOW))[0].entry.title, 'this retro');
    });

    it('finds open decisions by owner, ignoring case and spaces', () => {
      assert.deepEqual(openDecisionsOf(b, ['ADA', 'ada@example.com']).map((e) => e.title), ['no due, new']);
      assert.equal(openDecisionsOf(b, ['grace']).length, 6);
      assert.deepEqual(openDecisionsOf(b, ['', ' ']), []);
    });
  });

  it('calls an open entry stale after staleDays without an update', () => {
    const e = makeEntry({ updated: '2025-02-01T14:30:00.000Z' });
    assert.equal(isStale(e, clockAt(NOW), 37), true);
    assert.equal(isStale(e, clockAt(NOW), 38), false);
    assert.equal(isStale(e, clockAt(NOW), 0), false);
    assert.equal(isStale({ ...e, status: 'decided' }, clockAt(NOW), 1), false);
  });

  describe('the file', () => {
    it('writes the new fields in a fixed place', () => {
      const e = makeEntry({ id: A, status: 'archived', duplicateOf: B, decision: { ...decision({ completed: '2025-03-01T00:00:00.000Z', retro: R1, due: '2025-02-15' }), followUp: 'done' } });
      const text = serializeBacklog(backlog([e]));
      const back = JSON.parse(text) as Backlog;
      const keys = Object.keys(back.entries[0]);
      assert.deepEqual(keys.slice(keys.indexOf('status'), keys.indexOf('status') + 3), ['status', 'duplicateOf', 'triage']);
      assert.deepEqual(Object.keys(back.entries[0].decision ?? {}), ['outcome', 'rationale', 'owner', 'due', 'followUp', 'decided', 'completed', 'retro']);
      assertValid(back);
    });

    it('the schema rejects malformed new fields', () => {
      const bad = (patch: Partial<Entry>) => {
        const text = serializeBacklog(backlog([makeEntry({ id: A, ...patch })]));
        assert.throws(() => assertValid(JSON.parse(text) as Backlog));
      };
      bad({ duplicateOf: 'not an id' });
      bad({ decision: decision({ retro: 'r1' }) });
      bad({ decision: decision({ completed: 'yesterday' }) });
    });

    it('every operation on a realistic backlog gives a valid file', () => {
      let b = generateBacklog(40, 11);
      const open = b.entries.filter((e) => e.status === 'open').map((e) => e.id);
      b = ok(startRetro(b, 'Ada', clockAt(NOW)));
      b = markDiscussed(b, open[0]);
      b = ok(namedToggle(b, open[1], 'someone@example.com', 5, NOW));
      b = ok(anonymousVote(b, open[2], NOW));
      b = ok(moveToList(b, open[2], 'someday', NOW));
      b = ok(decide(b, open[3], STOP, NOW));
      b = ok(setFollowUp(b, open[3], 'done', NOW));
      b = ok(mergeDuplicate(b, open[4], open[5], NOW));
      b = ok(finishRetro(b, NOW));
      assert.equal(entry(b, open[5]).duplicateOf, open[4]);
    });

    it('a duplicate merged on one side while a teammate votes on it stays merged, and keeps the vote', () => {
      const base = backlog([makeEntry({ id: A }), makeEntry({ id: B, title: 'Same report' })]);
      const ours = ok(mergeDuplicate(base, A, B, new Date('2025-03-10T10:00:00.000Z')));
      const theirs = ok(namedToggle(base, B, 'late@x', 0, new Date('2025-03-10T11:00:00.000Z')));
      const merged = mergeBacklogs(base, ours, theirs).backlog;
      assertValid(merged);
      const b = entry(merged, B);
      assert.deepEqual([b.status, b.duplicateOf], ['archived', A], 'a vote does not undo the merge');
      assert.deepEqual(b.votes, ['late@x'], 'the late vote survives');
    });

    it('a duplicate merged on one side while a teammate edits its text stays in play, and can be merged again', () => {
      const base = backlog([makeEntry({ id: A }), makeEntry({ id: B, title: 'Same report' })]);
      const ours = ok(mergeDuplicate(base, A, B, new Date('2025-03-10T10:00:00.000Z')));
      const theirs = backlog([makeEntry({ id: A }), makeEntry({ id: B, title: 'Same report, but monthly', votes: ['late@x'], updated: '2025-03-10T11:00:00.000Z' })]);
      const merged = mergeBacklogs(base, ours, theirs).backlog;
      assertValid(merged);
      const b = entry(merged, B);
      assert.equal(b.status, 'open', 'the edit keeps the entry in play');
      const again = ok(mergeDuplicate(merged, A, B, NOW));
      assert.ok(entry(again, A).votes.includes('late@x'));
      assert.equal(entry(again, B).status, 'archived');
    });
  });
});
