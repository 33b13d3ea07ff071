import { english } from '../../src/core/text/english';
import assert from 'node:assert/strict';
import { isId } from '../../src/core/model/ids';
import type { Backlog } from '../../src/core/model/model';
import { MAX_FILE_BYTES } from '../../src/core/model/model';
import { parseBacklog, type BacklogProblem, type ParseResult } from '../../src/core/file/parse';
import { serializeBacklog } from '../../src/core/file/serialize';
import { HOSTILE_CORPUS } from '../fixtures/hostileCorpus';
import { inTimeZone, makeEntry } from './fixtures';

/** A problem as the command line shows it: its message in English. */
type ShownProblem = Omit<BacklogProblem, 'message'> & { message: string };

function fails(result: ParseResult): ShownProblem {
  if (result.ok) assert.fail('expected the file to be refused');
  return { ...result.problem, message: english(result.problem.message) };
}

function loads(result: ParseResult): Extract<ParseResult, { ok: true }> {
  if (!result.ok) assert.fail(`expected the file to load, got ${result.problem.code}: ${english(result.problem.message)}`);
  return result;
}

/** 1-based line and column of an occurrence of `needle` (the first unless `skip` says otherwise), found independently of the parser. */
function positionOf(text: string, needle: string, skip = 0): { line: number; column: number } {
  let at = text.indexOf(needle);
  for (let n = 0; n < skip && at >= 0; n++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not in text`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function fileWith(...entries: Record<string, unknown>[]): string {
  return `${JSON.stringify({ version: 1, entries }, null, 2)}\n`;
}

const ID = ['01JD3Q4X5Z6A7B8C9D0E1F2G3A', '01JD3Q4X5Z6A7B8C9D0E1F2G3B', '01JD3Q4X5Z6A7B8C9D0E1F2G3C', '01JD3Q4X5Z6A7B8C9D0E1F2G3D'];

describe('parseBacklog', () => {
  describe('happy path', () => {
    it('loads a minimal file and fills the defaults', () => {
      const text = '{"version":1,"entries":[{"id":"01JD3Q4X5Z6A7B8C9D0E1F2G3A","title":"Report","kind":"trivia","created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z","status":"open"}]}';
      const { backlog, migratedFrom } = loads(parseBacklog(text));
      assert.equal(migratedFrom, undefined);
      assert.deepEqual(backlog, {
        version: 1,
        entries: [
          {
            id: '01JD3Q4X5Z6A7B8C9D0E1F2G3A',
            title: 'Report',
            kind: 'trivia',
            created: '2026-01-01T00:00:00Z',
            updated: '2026-01-01T00:00:00Z',
            status: 'open',
            reasons: [],
            smart: { speakUp: '', moreInfo: '', accountability: '', reprioritize: '', tryAnother: '' },
            links: [],
            triage: 'inbox',
            votes: [],
            comments: [],
          },
        ],
        retros: [],
      });
    });

    it('completes a partial S.M.A.R.T. block without touching what is there', () => {
      const text = fileWith({ ...makeEntry({ id: ID[0] }), smart: { speakUp: 'Loud', extra: 1 } });
      const { backlog } = loads(parseBacklog(text));
      assert.deepEqual(backlog.entries[0].smart, { speakUp: 'Loud', extra: 1, moreInfo: '', accountability: '', reprioritize: '', tryAnother: '' });
    });

    it('keeps unknown fields at every level, in their original order', () => {
      const text = JSON.stringify({
        zeta: true,
        version: 1,
        entries: [{ ...makeEntry({ id: ID[0] }), jira: 'OPS-1', author: { name: 'Ada', team: 'core' }, links: [{ path: 'a.ts', startLine: 1, endLine: 2, fingerprint: 'f', note: 'n' }] }],
        retros: [{ id: ID[1], started: '2026-01-01T00:00:00.000Z', facilitator: 'Ada', room: 'B' }],
      });
      const { backlog } = loads(parseBacklog(text));
      assert.deepEqual(Object.keys(backlog), ['zeta', 'version', 'entries', 'retros']);
      assert.equal(backlog.entries[0].jira, 'OPS-1');
      assert.equal(backlog.entries[0].author?.team, 'core');
      assert.equal(backlog.entries[0].links[0].note, 'n');
      assert.equal(backlog.retros[0].room, 'B');
      assert.deepEqual(backlog.retros[0].discussed, []);
    });

    it('ignores a byte order mark', () => {
      loads(parseBacklog(`\ufeff${fileWith(makeEntry({ id: ID[0] }))}`));
    });
  });

  describe('problems', () => {
    it('too-large: refuses text over 50 MiB before parsing it', () => {
      const p = fails(parseBacklog(' '.repeat(MAX_FILE_BYTES + 1)));
      assert.deepEqual(p, { code: 'too-large', message: 'The file is larger than 50 MiB, too large to open safely.', line: 1, column: 1 });
    });

    it('empty: blank text', () => {
      for (const text of ['', '   \n\t\r\n', '\ufeff']) {
        assert.deepEqual(fails(parseBacklog(text)), {
          code: 'empty',
          message: 'The file is empty. Log an entry to start the backlog, or delete the file.',
          line: 1,
          column: 1,
        });
      }
    });

    it('conflict: points at the first marker line', () => {
      const text = ['{', '  "version": 1,', '<<<<<<< HEAD', '  "entries": []', '=======', '  "entries": [{}]', '>>>>>>> feature', '}'].join('\n');
      assert.deepEqual(fails(parseBacklog(text)), {
        code: 'conflict',
        message: 'The file has unresolved git merge conflict markers (first at line 3). Resolve the conflict and save the file.',
        line: 3,
        column: 1,
      });
    });

    it('conflict: a lone separator or closing marker left behind', () => {
      const separator = '{\r\n  "version": 1,\r\n  "entries": []\r\n=======\r\n}\r\n';
      assert.deepEqual(pick(fails(parseBacklog(separator))), { code: 'conflict', line: 4, column: 1 });
      const closing = '>>>>>>> main\n{"version": 1, "entries": []}';
      assert.deepEqual(pick(fails(parseBacklog(closing))), { code: 'conflict', line: 1, column: 1 });
    });

    it('conflict: marker-like text that is not a marker line is a syntax error', () => {
      assert.equal(fails(parseBacklog('{\n======\n}')).code, 'syntax');
      assert.equal(fails(parseBacklog('{\n  <<<<<<<\n}')).code, 'syntax');
      assert.equal(fails(parseBacklog('{\n<<<<<<<<x\n}')).code, 'syntax');
    });

    it('conflict: markers longer than 7, as conflict-marker-size writes them (gitattributes(5))', () => {
      const text = ['{', '  "version": 1,', '<<<<<<<<< ours', '  "entries": []', '||||||||| base', '  "entries": [1]', '=========', '  "entries": [{}]', '>>>>>>>>> theirs', '}'].join('\n');
      assert.deepEqual(pick(fails(parseBacklog(text))), { code: 'conflict', line: 3, column: 1 });
      assert.deepEqual(pick(fails(parseBacklog('{\n  "version": 1\n==========\n}'))), { code: 'conflict', line: 3, column: 1 });
    });

    it('syntax: a missing comma', () => {
      const text = '{\n  "version": 1,\n  "entries": []\n  "retros": []\n}\n';
      assert.deepEqual(fails(parseBacklog(text)), {
        code: 'syntax',
        message: 'The file is not valid JSON: line 4, column 3: expected a comma.',
        line: 4,
        column: 3,
      });
    });

    it('syntax: a trailing comma', () => {
      const text = '{\n  "version": 1,\n  "entries": [],\n}\n';
      assert.deepEqual(fails(parseBacklog(text)), {
        code: 'syntax',
        message: 'The file is not valid JSON: line 4, column 1: a comma before a closing bracket or brace is not allowed in JSON.',
        line: 4,
        column: 1,
      });
    });

    it('syntax: comments, open strings, truncation, control characters', () => {
      const cases: [string, number, number, string][] = [
        ['{\n  // note\n  "version": 1,\n  "entries": []\n}\n', 2, 3, 'comments are not allowed in this file'],
        ['{\n  "version": 1,\n  "entries": [\n    { "title": "oops }\n  ]\n}\n', 4, 16, 'text in quotes is not closed on the same line'],
        ['{\n  "version": 1,\n  "entries": [\n', 4, 1, 'expected a closing ]'],
        ['{"version": 1, "entries": [], "x": "a\tb"}', 1, 36, 'control character inside text in quotes; write it as an escape such as \\n'],
        ["{'version': 1}", 1, 2, 'unexpected character'],
      ];
      for (const [text, line, column, words] of cases) {
        assert.deepEqual(fails(parseBacklog(text)), { code: 'syntax', message: `The file is not valid JSON: line ${line}, column ${column}: ${words}.`, line, column });
      }
    });

    it('syntax: positions after a byte order mark are counted without it', () => {
      assert.deepEqual(pick(fails(parseBacklog('\ufeff{\n  "version": 1,\n  "entries": [}\n'))), { code: 'syntax', line: 3, column: 15 });
    });

    it('schema: the top level is not an object', () => {
      assert.deepEqual(fails(parseBacklog('  \n [1, 2]')), {
        code: 'schema',
        message: 'The file must hold a JSON object with "version" and "entries", but it holds a list.',
        line: 2,
        column: 2,
      });
      assert.equal(fails(parseBacklog('null')).message, 'The file must hold a JSON object with "version" and "entries", but it holds null.');
    });

    it('schema: a value outside its list names the place and the allowed values', () => {
      const entries = ID.map((id) => makeEntry({ id }));
      const text = serializeBacklog({ version: 1, entries, retros: [] }).replace(/"kind": "unused-report"/g, (m, offset: number, all: string) =>
        all.indexOf('"id": "01JD3Q4X5Z6A7B8C9D0E1F2G3D"') < offset ? '"kind": "meeting"' : m,
      );
      const at = positionOf(text, '"meeting"');
      assert.deepEqual(fails(parseBacklog(text)), {
        code: 'schema',
        message: 'entries[3].kind: "meeting" is not one of unused-report, ritual-process, autopilot-policy, losing-decision, trivia, other',
        ...at,
        path: 'entries[3].kind',
      });
    });

    it('schema: a missing required field points at its record', () => {
      const entry: Record<string, unknown> = makeEntry({ id: ID[0] });
      delete entry.title;
      const text = `{\n  "version": 1,\n  "entries": [\n    ${JSON.stringify(makeEntry({ id: ID[1] }))},\n    ${JSON.stringify(entry)}\n  ]\n}\n`;
      const p = fails(parseBacklog(text));
      assert.deepEqual(p, { code: 'schema', message: 'entries[1]: missing required field "title"', line: 5, column: 5, path: 'entries[1].title' });
      assert.deepEqual(pick(fails(parseBacklog('{\n  "version": 1\n}'))), { code: 'schema', line: 1, column: 1 });
      assert.equal(fails(parseBacklog('{"version": 1}')).message, 'top level: missing required field "entries"');
    });

    it('schema: wrong types, formats, lengths and ranges are explained, at the offending value', () => {
      const cases: [Record<string, unknown>, string, string, number?][] = [
        [{ title: 42 }, 'entries[0].title: expected text in quotes, found the number 42', '"title": 42'],
        [{ id: 'abc' }, 'entries[0].id: "abc" is not a valid id (26 characters of Crockford base 32, as in 01JD3Q4X5Z6A7B8C9D0E1F2G3H)', '"abc"'],
        [{ created: 'yesterday' }, 'entries[0].created: "yesterday" is not a UTC time such as 2026-11-22T09:30:00.000Z', '"yesterday"'],
        [{ title: 'x'.repeat(301) }, 'entries[0].title: is too long (301 characters, at most 300)', '"xxx'],
        [{ title: '' }, 'entries[0].title: must not be empty', '""'],
        [{ cost: { hoursPerOccurrence: 1, occurrences: 1, per: 'week', people: 0 } }, 'entries[0].cost.people: 0 is below the minimum of 1', '"people": 0'],
        [{ cost: { hoursPerOccurrence: 1, occurrences: 1, per: 'week', people: 1.5 } }, 'entries[0].cost.people: expected a whole number, found the number 1.5', '"people": 1.5'],
        [{ votes: ['a@x', 'b@x', 'a@x'] }, 'entries[0].votes: items 0 and 2 are the same ("a@x"); each may appear only once', '"a@x"', 1],
        [{ reasons: 'fear' }, 'entries[0].reasons: expected a list [ … ], found the text "fear"', '"fear"'],
        [
          { decision: { outcome: 'stop', rationale: '', owner: 'Ada', followUp: 'open', decided: '2026-01-01T00:00:00Z', due: '1 May' } },
          'entries[0].decision.due: "1 May" is not a date such as 2026-11-22',
          '"1 May"',
        ],
      ];
      for (const [change, message, valueText, occurrence = 0] of cases) {
        const text = fileWith({ ...makeEntry({ id: ID[0] }), ...change });
        let at = -1;
        for (let n = 0; n <= occurrence; n++) at = text.indexOf(valueText, at + 1);
        if (valueText.includes('": ')) at += valueText.indexOf('": ') + 3;
        const p = fails(parseBacklog(text));
        assert.deepEqual(p, { code: 'schema', message, ...positionOf(text, text.slice(at)), path: message.slice(0, message.indexOf(':')) });
      }
    });

    it('schema: errors in a migrated version 0 file point into the original text', () => {
      const text = '{\n  "items": [\n    { "title": "ok", "created": "2026-03-02" },\n    { "title": "bad", "created": "2026-03-02", "kind": "meeting" }\n  ]\n}\n';
      const p = fails(parseBacklog(text));
      assert.equal(p.message, 'entries[1].kind: "meeting" is not one of unused-report, ritual-process, autopilot-policy, losing-decision, trivia, other');
      assert.deepEqual({ line: p.line, column: p.column }, positionOf(text, '"meeting"'));
    });

    it('newer-version: refuses files from a newer extension', () => {
      const text = '{\n  "version": 2,\n  "entries": [{ "anything": "goes" }]\n}\n';
      assert.deepEqual(fails(parseBacklog(text)), {
        code: 'newer-version',
        message: 'The file was written by a newer version of Stupid Work (file version 2, this extension reads up to 1). Update the extension; the file is left untouched.',
        line: 2,
        column: 14,
        path: 'version',
      });
    });

    it('duplicate-key: a card moved by two teammates and line-merged is refused at the repeated field', () => {
      const ours = fileWith(makeEntry({ id: ID[0], triage: 'now', updated: '2026-03-02T09:00:00.000Z' }));
      const theirs = fileWith(makeEntry({ id: ID[0], status: 'decided', triage: 'someday', updated: '2026-03-02T10:00:00.000Z' }));
      // What `merge=union` makes of the two: each changed line of both sides, in order.
      const lines = ours.split('\n');
      const changed = new Set(['"updated"', '"status"', '"triage"']);
      const union = lines.flatMap((line, i) => {
        const other = theirs.split('\n')[i];
        return line !== other && [...changed].some((key) => line.includes(key)) ? [line, other] : [line];
      });
      const text = union.join('\n');
      const p = fails(parseBacklog(text));
      const first = positionOf(text, '"updated"');
      const repeated = positionOf(text, '"updated"', 1);
      assert.deepEqual(p, {
        code: 'duplicate-key',
        message: `entries[0]: the field "updated" appears twice in one object (first at line ${first.line}, column ${first.column}), so one of its two values would be silently lost. Keep the right one, delete the other, and save the file.`,
        ...repeated,
        path: 'entries[0].updated',
      });
    });

    it('duplicate-key: a repeat in a nested record or at the top level is refused too', () => {
      const decision = '{"outcome": "stop", "rationale": "", "owner": "Ada", "owner": "Sam", "followUp": "open", "decided": "2026-01-01T00:00:00Z"}';
      const nested = fileWith(makeEntry({ id: ID[0] })).replace('"comments": []', `"comments": [],\n      "decision": ${decision}`);
      assert.deepEqual(pick(fails(parseBacklog(nested))), { code: 'duplicate-key', ...positionOf(nested, '"owner": "Sam"') });
      assert.equal(fails(parseBacklog(nested)).path, 'entries[0].decision.owner');
      const twoLists = '{\n  "version": 1,\n  "entries": [],\n  "entries": []\n}\n';
      assert.deepEqual(fails(parseBacklog(twoLists)), {
        code: 'duplicate-key',
        message: 'top level: the field "entries" appears twice in one object (first at line 3, column 3), so one of its two values would be silently lost. Keep the right one, delete the other, and save the file.',
        line: 4,
        column: 3,
        path: 'entries',
      });
    });

    it('quotes a name from the file as plain text, so a problem shown anywhere runs and draws nothing', () => {
      for (const payload of HOSTILE_CORPUS) {
        const key = JSON.stringify(payload.text);
        const repeated = `{\n  "version": 1,\n  "entries": [],\n  ${key}: 1,\n  ${key}: 2\n}\n`;
        const inside = `{\n  "version": 1,\n  "entries": [],\n  ${key}: { "a": 1, "a": 2 }\n}\n`;
        for (const text of [repeated, inside]) {
          const p = fails(parseBacklog(text));
          assert.doesNotMatch(`${p.message} ${p.path ?? ''}`, /\]\(|\$\(|:\/\/|[\n\r]/, `${payload.name}: ${p.message}`);
        }
      }
    });

    it('duplicate-id: names both entries and points at the second', () => {
      const text = fileWith(makeEntry({ id: ID[0] }), makeEntry({ id: ID[1] }), makeEntry({ id: ID[0], title: 'Copy' }));
      const p = fails(parseBacklog(text));
      const secondId = text.indexOf(`"${ID[0]}"`, text.indexOf(`"${ID[1]}"`));
      const before = text.slice(0, secondId).split('\n');
      assert.deepEqual(p, {
        code: 'duplicate-id',
        message: `entries[0] and entries[2] have the same id "${ID[0]}". Give one of them a new id.`,
        line: before.length,
        column: before[before.length - 1].length + 1,
        path: 'entries[2].id',
      });
    });
  });

  describe('migration', () => {
    it('migrates a version 0 file with `items` and reports where it came from', () => {
      const text = JSON.stringify({
        items: [
          { title: 'Timesheets', reasons: ['fear'], created: '2026-03-02' },
          { title: 'Status mail', status: 'done', owner: 'ops', created: '2026-03-02T09:00:00Z', updated: '2026-03-04T10:00:00+01:00' },
        ],
      });
      const { backlog, migratedFrom } = loads(parseBacklog(text));
      assert.equal(migratedFrom, 0);
      assert.equal(backlog.version, 1);
      assert.equal(backlog.entries.length, 2);
      const [a, b] = backlog.entries;
      assert.ok(isId(a.id) && isId(b.id) && a.id !== b.id);
      assert.equal(a.status, 'open');
      assert.equal(a.kind, 'other');
      assert.equal(a.created, '2026-03-02T00:00:00.000Z');
      assert.equal(a.updated, '2026-03-02T00:00:00.000Z');
      assert.deepEqual(a.reasons, ['fear']);
      assert.equal(a.triage, 'inbox');
      assert.equal(b.status, 'done');
      assert.equal(b.owner, 'ops');
      assert.equal(b.updated, '2026-03-04T09:00:00.000Z');
      assert.equal((backlog as Backlog & { items?: unknown }).items, undefined);
    });

    it('treats version 0 like a missing version', () => {
      const { migratedFrom, backlog } = loads(parseBacklog('{"version": 0, "entries": [{"title": "x", "created": "2026-03-02"}]}'));
      assert.equal(migratedFrom, 0);
      assert.equal(backlog.entries[0].status, 'open');
    });

    it('reads the same hand-written file alike in every time zone, and refuses a time without a zone at its line and column', () => {
      const text = '{\n  "items": [\n    { "title": "Standup", "created": "2026-03-02 09:00" }\n  ]\n}\n';
      const inUtc = inTimeZone('UTC', () => parseBacklog(text));
      const inLosAngeles = inTimeZone('America/Los_Angeles', () => parseBacklog(text));
      assert.deepEqual(inLosAngeles, inUtc);
      assert.deepEqual(fails(inUtc), {
        code: 'schema',
        message:
          'entries[0].created: "2026-03-02 09:00" is not a full ISO 8601 time with its offset, such as 2026-03-02T09:00:00Z or 2026-03-02T10:00:00+01:00, or a date such as 2026-03-02 (read as UTC)',
        ...positionOf(text, '"2026-03-02 09:00"'),
        path: 'entries[0].created',
      });
      const zoned = text.replace('2026-03-02 09:00', '2026-03-02T09:00-08:00');
      const stamps = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo'].map((zone) => inTimeZone(zone, () => loads(parseBacklog(zoned)).backlog.entries[0].created));
      assert.deepEqual(stamps, ['2026-03-02T17:00:00.000Z', '2026-03-02T17:00:00.000Z', '2026-03-02T17:00:00.000Z']);
    });

    it('refuses a hand-written time that only the machine could read, or a date that does not exist', () => {
      for (const written of ['2026-03-02T09:00:00', '03/02/2026', '2026-02-30']) {
        const text = `{"items": [{"title": "x", "created": "${written}"}]}`;
        const p = fails(parseBacklog(text));
        assert.equal(p.path, 'entries[0].created', written);
        assert.deepEqual({ line: p.line, column: p.column }, positionOf(text, `"${written}"`));
      }
    });

    it('refuses an entry with no time at all rather than stamping it with the reading machine\'s clock', () => {
      const text = '{\n  "items": [\n    { "title": "When?" }\n  ]\n}\n';
      assert.deepEqual(fails(parseBacklog(text)), {
        code: 'schema',
        message:
          'entries[0]: missing required field "created": write when it was flagged, as a full ISO 8601 time with its offset, such as 2026-03-02T09:00:00Z or 2026-03-02T10:00:00+01:00, or a date such as 2026-03-02 (read as UTC)',
        ...positionOf(text, '{ "title"'),
        path: 'entries[0].created',
      });
    });

    it('gives a hand-written file the same ids on every read', () => {
      const text = JSON.stringify({ items: [{ title: 'A', created: '2026-03-02' }, { title: 'B', created: '2026-03-02' }] });
      const ids = () => loads(parseBacklog(text)).backlog.entries.map((e) => e.id);
      assert.deepEqual(ids(), ids());
    });

    it('does not migrate current files', () => {
      assert.equal(loads(parseBacklog(fileWith(makeEntry({ id: ID[0] })))).migratedFrom, undefined);
    });
  });
});

function pick(p: ShownProblem): Pick<BacklogProblem, 'code' | 'line' | 'column'> {
  return { code: p.code, line: p.line, column: p.column };
}
