import assert from 'node:assert/strict';
import { backlogToCsv, backlogToJson } from '../../src/core/retro/backlogExport';
import type { Backlog } from '../../src/core/model/model';
import { serializeBacklog } from '../../src/core/file/serialize';
import { LABELS, generateBacklog, makeEntry } from './fixtures';

const A = '01JH0000000000000000000000';
const B = '01JH0000000000000000000001';
const C = '01JH0000000000000000000002';
/** Without a byte order mark, so the strict reader below sees RFC 4180 from the first byte. */
const PLAIN = { byteOrderMark: false };

/** The rows of `formulas`, each written as a title, an author and an answer, read back from the CSV. */
function exported(formulas: string[]): string[][] {
  const entries = formulas.map((title, i) => makeEntry({ id: `01JH${String(i).padStart(22, '0')}`, title, smart: { ...makeEntry().smart, moreInfo: title }, author: { name: title } }));
  return readCsv(backlogToCsv({ version: 1, retros: [], entries }, LABELS, PLAIN)).slice(1);
}

/** A strict RFC 4180 reader: CRLF between records, quoted fields with doubled quotes. */
function readCsv(text: string): string[][] {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        assert.ok(quote >= 0, 'quoted field is closed');
        field += text.slice(i, quote);
        i = quote + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        assert.notEqual(text[i], '"', 'quotes only in quoted fields');
        assert.notEqual(text[i], '\n', 'bare LF only in quoted fields');
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
    } else {
      assert.equal(text.slice(i, i + 2), '\r\n', `record ends with CRLF at ${i}`);
      i += 2;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

describe('backlog export', () => {
  describe('backlogToCsv', () => {
    it('writes a header and one row per entry, archived included, in id order', () => {
      const b: Backlog = {
        version: 1,
        retros: [],
        entries: [
          makeEntry({ id: C, status: 'archived', duplicateOf: A, author: undefined }),
          makeEntry({
            id: A,
            reasons: ['fear', 'boss-wants-it'],
            votes: ['a@x', 'b@x'],
            cost: { hoursPerOccurrence: 1, occurrences: 1, per: 'week', people: 6 },
            status: 'decided',
            triage: 'now',
            decision: { outcome: 'stop', rationale: 'Nobody reads it.', owner: 'Grace', due: '2025-02-01', followUp: 'in-progress', decided: '2025-01-10T00:00:00.000Z', trackingUrl: 'https://tracker.example/team/issues/7' },
          }),
          makeEntry({ id: B, cost: { hoursPerOccurrence: 1, occurrences: 1, per: 'day', people: 1 } }),
        ],
      };
      const rows = readCsv(backlogToCsv(b, LABELS, PLAIN));
      assert.deepEqual(rows[0], [
        'id', 'title', 'kind', 'reasons', 'status', 'triage', 'votes', 'hours per month', 'author', 'created', 'updated',
        'speak up', 'more information', 'accountability', 're-prioritize', 'try another approach',
        'decision', 'owner', 'due', 'follow-up', 'rationale', 'tracking link', 'duplicate of',
      ]);
      assert.deepEqual(rows.map((r) => r[0]), ['id', A, B, C]);
      assert.deepEqual(rows[1], [
        A, 'Weekly status report nobody reads', 'Unused report', 'Fear; Boss wants it', 'Decided', 'Now', '2', '26', 'Ada Lovelace',
        '2025-01-06T09:00:00.000Z', '2025-01-06T09:00:00.000Z',
        'We spend an hour every Friday on a report.', 'Ask the PMO who opens it.', 'I will check the read receipts.', 'Fix the flaky deploy instead.', 'A dashboard that updates itself.',
        'Stop', 'Grace', '2025-02-01', 'In progress', 'Nobody reads it.', 'https://tracker.example/team/issues/7', '',
      ]);
      assert.equal(rows[2][7], '21.7');
      assert.deepEqual([rows[3][4], rows[3][8], rows[3][16], rows[3][21], rows[3][22]], ['Archived', 'Anonymous', '', '', A]);
      assert.ok(rows.every((r) => r.length === 23));
    });

    it('quotes commas, quotes and line breaks, and reads back exactly', () => {
      const title = 'He said "stop", twice';
      const answer = 'line one\nline two\r\nline three';
      const b: Backlog = { version: 1, retros: [], entries: [makeEntry({ id: A, title, smart: { ...makeEntry().smart, speakUp: answer } })] };
      const csv = backlogToCsv(b, LABELS, PLAIN);
      assert.ok(csv.includes('"He said ""stop"", twice"'));
      const rows = readCsv(csv);
      assert.equal(rows[1][1], title);
      assert.equal(rows[1][11], answer);
    });

    it('neutralises cells a spreadsheet would run as a formula', () => {
      const formulas = ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', '\rReturn'];
      const rows = exported(formulas);
      rows.forEach((row, i) => {
        for (const cell of [row[1], row[8], row[12]]) assert.equal(cell, `'${formulas[i]}`);
      });
      const safe = readCsv(backlogToCsv({ version: 1, retros: [], entries: [makeEntry({ id: A, title: 'a = b + c - d @ e' })] }, LABELS, PLAIN));
      assert.equal(safe[1][1], 'a = b + c - d @ e', 'only a leading character is a risk');
    });

    it('neutralises a formula behind leading whitespace, as a hand edit leaves it', () => {
      const rows = exported([' =1+1', '   +SUM(A1:A9)', '\t\t-2+3', '  @cmd']);
      assert.deepEqual(rows.map((row) => row[1]), ["' =1+1", "'   +SUM(A1:A9)", "'\t\t-2+3", "'  @cmd"]);
      assert.ok(rows.every((row) => row[8] === `'${row[1].slice(1)}` && row[12] === row[8]), 'in every column of text');
    });

    it('neutralises the other ways a cell starts a formula: Unicode blanks, full-width signs, line feed and NUL', () => {
      const formulas = ['\u00a0=1+1', '\u3000=1+1', '\u200b=1+1', '\ufeff+1', '\uff1d1+1', '\uff0b1', '\uff0d1', '\uff20SUM(A1)', ' \uff1d1', '\nLine feed', '\u0000=1', '\u0000'];
      const rows = exported(formulas);
      rows.forEach((row, i) => assert.equal(row[1], `'${formulas[i]}`, JSON.stringify(formulas[i])));
      const safe = exported([' a = b', '\u00a0plain', 'Ｔotal ＝ 3', '-']);
      assert.deepEqual(safe.map((row) => row[1]), [' a = b', '\u00a0plain', 'Ｔotal ＝ 3', "'-"]);
    });

    it('starts with a UTF-8 byte order mark when asked, so Excel reads "Réunion café ☕" as written', () => {
      const b: Backlog = { version: 1, retros: [], entries: [makeEntry({ id: A, title: 'Réunion café ☕' })] };
      const bytes = new TextEncoder().encode(backlogToCsv(b, LABELS, { byteOrderMark: true }));
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.slice(3));
      assert.equal(readCsv(text)[1][1], 'Réunion café ☕');
      const plain = new TextEncoder().encode(backlogToCsv(b, LABELS, PLAIN));
      assert.equal(plain[0], 'i'.charCodeAt(0), 'without one, the file starts with the header');
    });

    it('uses CRLF between records and nowhere else outside quotes', () => {
      const csv = backlogToCsv(generateBacklog(50, 4), LABELS, PLAIN);
      assert.equal(readCsv(csv).length, 51);
    });
  });

  describe('backlogToJson', () => {
    it('is byte for byte the file’s serialisation, unknown fields included', () => {
      const b = generateBacklog(80, 6);
      b.entries[0].tracker = { system: 'jira', key: 'OPS-1' };
      b.entries[1].duplicateOf = b.entries[0].id;
      assert.equal(backlogToJson(b), serializeBacklog(b));
      assert.ok(backlogToJson(b).includes('"tracker"'));
    });
  });
});
