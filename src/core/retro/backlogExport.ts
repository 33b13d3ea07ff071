/** The backlog as a spreadsheet (CSV) or as data (JSON), for teams that track it elsewhere too. */
import { hoursPerMonth } from '../model/cost';
import type { Labels } from '../model/displayNames';
import { SMART_KEYS, type Backlog, type Entry } from '../model/model';
import { serializeBacklog } from '../file/serialize';

const HEADER = [
  'id',
  'title',
  'kind',
  'reasons',
  'status',
  'triage',
  'votes',
  'hours per month',
  'author',
  'created',
  'updated',
  'speak up',
  'more information',
  'accountability',
  're-prioritize',
  'try another approach',
  'decision',
  'owner',
  'due',
  'follow-up',
  'rationale',
  'tracking link',
  'duplicate of',
];

/**
 * What makes a spreadsheet run a cell as a formula (OWASP, CSV Injection): `=`, `+`, `-` or `@`, also
 * in the full-width forms Excel reads alike in East Asian locales, and also behind leading blanks
 * (any Unicode white space, NUL or a zero-width character), which spreadsheets skip.
 */
// eslint-disable-next-line no-control-regex -- NUL is one of the characters a spreadsheet skips.
const FORMULA = /^[\s\u0000\u200b-\u200d\u2060]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;
/** Control characters at the start of a cell that spreadsheets act on or strip: tab, CR, LF (OWASP) and NUL (OWASP ASVS 1.2.10). */
// eslint-disable-next-line no-control-regex -- these control characters are what the rule is about.
const CONTROL = /^[\t\r\n\u0000]/;

/**
 * One RFC 4180 field. Text a spreadsheet would run as a formula gets a leading apostrophe, so a
 * teammate's title can never execute in someone else's spreadsheet.
 */
function cell(value: string): string {
  const safe = FORMULA.test(value) || CONTROL.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row(e: Entry, labels: Labels): string[] {
  const d = e.decision;
  return [
    e.id,
    e.title,
    labels.kinds[e.kind] ?? e.kind,
    e.reasons.map((r) => labels.reasons[r] ?? r).join('; '),
    labels.statuses[e.status] ?? e.status,
    labels.triage[e.triage] ?? e.triage,
    String(e.votes.length),
    String(Math.round(hoursPerMonth(e.cost) * 10) / 10),
    e.author ? e.author.name : labels.anonymous,
    e.created,
    e.updated,
    ...SMART_KEYS.map((key) => e.smart[key] ?? ''),
    d ? (labels.outcomes[d.outcome] ?? d.outcome) : '',
    d?.owner ?? '',
    d?.due ?? '',
    d ? (labels.followUps[d.followUp] ?? d.followUp) : '',
    d?.rationale ?? '',
    d?.trackingUrl ?? '',
    e.duplicateOf ?? '',
  ];
}

export interface CsvOptions {
  /**
   * Start with the UTF-8 byte order mark (U+FEFF), without which Excel on Windows reads a
   * double-clicked file in the system's legacy code page and shows "Réunion café ☕" as mojibake.
   */
  byteOrderMark: boolean;
}

/**
 * RFC 4180 CSV: a header row, then one row per entry (archived ones included) in id order, with
 * CRLF line ends. Values are shown with their display names, as on the board. Meant to be written as
 * UTF-8.
 */
export function backlogToCsv(b: Backlog, labels: Labels, options: CsvOptions): string {
  const entries = [...b.entries].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const lines = [HEADER.map(cell).join(',')];
  for (const e of entries) lines.push(row(e, labels).map(cell).join(','));
  return `${options.byteOrderMark ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}

/** The whole backlog as JSON, byte for byte what the file holds. */
export function backlogToJson(b: Backlog): string {
  return serializeBacklog(b);
}
