import { english } from '../../src/core/text/english';
import { NOBODY, castVote, newVoteToken, toggleVote, type VoteChange } from '../../src/core/votes/votes';
import assert from 'node:assert/strict';
import type { Clock } from '../../src/core/model/calendar';
import type { Labels } from '../../src/core/model/displayNames';
import {
  FOLLOW_UPS,
  KINDS,
  OUTCOMES,
  PERIODS,
  REASONS,
  SCHEMA_VERSION,
  STATUSES,
  TRIAGE_LISTS,
  type Backlog,
  type Comment,
  type Entry,
  type Person,
} from '../../src/core/model/model';
import { parseBacklog } from '../../src/core/file/parse';
import { serializeBacklog } from '../../src/core/file/serialize';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Deterministic PRNG (mulberry32): the same seed always yields the same backlog. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Four times a day apart, oldest first, for the merge and conflict-repair tests. */
export const T0 = '2026-11-01T09:00:00.000Z';
export const T1 = '2026-11-02T09:00:00.000Z';
export const T2 = '2026-11-03T09:00:00.000Z';
export const T3 = '2026-11-04T09:00:00.000Z';
/** Four ids in sort order, for the same tests. */
export const ID_A = '01JH0000000000000000000000';
export const ID_B = '01JH0000000000000000000001';
export const ID_C = '01JH0000000000000000000002';
export const ID_D = '01JH0000000000000000000003';

/** A valid ULID built from a time and the given PRNG, for reproducible fixtures. */
export function fixtureId(time: number, random: () => number): string {
  let out = '';
  let t = time;
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[t % 32] + out;
    t = Math.floor(t / 32);
  }
  for (let i = 0; i < 16; i++) out += CROCKFORD[Math.floor(random() * 32)];
  return out;
}

const BASE_TIME = Date.UTC(2025, 0, 6, 9, 0, 0);

export function makeEntry(overrides: Partial<Entry> = {}): Entry {
  return {
    id: '01JH0000000000000000000000',
    title: 'Weekly status report nobody reads',
    kind: 'unused-report',
    reasons: ['always-done-that-way'],
    smart: {
      speakUp: 'We spend an hour every Friday on a report.',
      moreInfo: 'Ask the PMO who opens it.',
      accountability: 'I will check the read receipts.',
      reprioritize: 'Fix the flaky deploy instead.',
      tryAnother: 'A dashboard that updates itself.',
    },
    links: [],
    author: { name: 'Ada Lovelace', email: 'ada@example.com' },
    created: '2025-01-06T09:00:00.000Z',
    updated: '2025-01-06T09:00:00.000Z',
    status: 'open',
    triage: 'inbox',
    votes: [],
    comments: [],
    ...overrides,
  };
}

const WORDS = (
  'the a we our team report meeting every week nobody reads it because manager asked once years ago ' +
  'and now it is tradition spreadsheet copy paste numbers into slides then email them to a list ' +
  'that bounces approval form needs three signatures for a one line config change deploy freeze ' +
  'on fridays even for docs standup runs forty minutes status update ticket template has twenty ' +
  'mandatory fields coverage target for generated code manual regression checklist nobody updates ' +
  'since the old release process audit asks for screenshots of green builds timesheet codes change ' +
  'monthly review board meets to review the review could automate this with a small script ' +
  'ask finance who still uses export legacy dashboard duplicate data entry between two tools'
).split(' ');

const PEOPLE: Person[] = [
  { name: 'Ada Lovelace', email: 'ada@example.com' },
  { name: 'Grace Hopper', email: 'grace@example.com' },
  { name: 'Alan Turing' },
  { name: 'Katherine Johnson', email: 'kj@example.org' },
  { name: 'Edsger Dijkstra', email: 'ewd@example.net' },
  { name: 'Barbara Liskov', email: 'liskov@example.com' },
  { name: 'Zoë Ünal', email: 'zoe@example.com' },
];

const FILES = ['src/report/weekly.ts', 'scripts/export-kpis.py', 'docs/process/release.md', '.github/workflows/audit.yml', 'src/forms/approval/Form.tsx'];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

function sentence(r: () => number, minWords: number, maxWords: number): string {
  const n = minWords + Math.floor(r() * (maxWords - minWords + 1));
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(pick(r, WORDS));
  const s = words.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Prose of widely varied length: empty, a phrase, or several paragraphs. */
function prose(r: () => number): string {
  const x = r();
  if (x < 0.15) return '';
  if (x < 0.5) return `${sentence(r, 3, 12)}.`;
  const sentences = 2 + Math.floor(r() * (x > 0.9 ? 20 : 6));
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) parts.push(`${sentence(r, 4, 18)}${r() < 0.1 ? '?' : '.'}${r() < 0.15 ? '\n\n' : ' '}`);
  return parts.join('').trim();
}

function iso(t: number): string {
  return new Date(t).toISOString();
}

function dayOf(t: number): string {
  return `${iso(t).slice(0, 10)}T00:00:00.000Z`;
}

/** A realistic backlog of `n` entries, the same for the same seed. */
export function generateBacklog(n: number, seed = 1): Backlog {
  const r = rng(seed);
  const entries: Entry[] = [];
  let t = BASE_TIME;
  for (let i = 0; i < n; i++) {
    t += Math.floor(r() * 3_600_000);
    const anonymous = r() < 0.25;
    const updatedAt = t + Math.floor(r() * 10 * 86_400_000);
    const reasons = new Set<(typeof REASONS)[number]>();
    for (let k = Math.floor(r() * 4); k > 0; k--) reasons.add(pick(r, REASONS));
    const votes = new Set<string>();
    for (let k = Math.floor(r() * r() * 9); k > 0; k--) votes.add(pick(r, PEOPLE).email ?? 'turing@example.com');
    const comments: Comment[] = [];
    for (let k = r() < 0.3 ? 1 + Math.floor(r() * 4) : 0; k > 0; k--) {
      const at = t + Math.floor(r() * 20 * 86_400_000);
      const c: Comment = { id: fixtureId(at, r), created: iso(at), text: prose(r) || 'Agreed.' };
      if (r() < 0.8) c.author = { ...pick(r, PEOPLE) };
      comments.push(c);
    }
    const entry: Entry = {
      id: fixtureId(t, r),
      title: sentence(r, 3, 14).slice(0, 300),
      kind: pick(r, KINDS),
      reasons: [...reasons],
      smart: { speakUp: prose(r), moreInfo: prose(r), accountability: prose(r), reprioritize: prose(r), tryAnother: prose(r) },
      links: [],
      created: anonymous ? dayOf(t) : iso(t),
      updated: anonymous ? dayOf(updatedAt) : iso(updatedAt),
      status: pick(r, STATUSES),
      triage: pick(r, TRIAGE_LISTS),
      votes: [...votes],
      comments,
    };
    if (!anonymous) entry.author = { ...pick(r, PEOPLE) };
    if (r() < 0.6) {
      entry.cost = {
        hoursPerOccurrence: Math.round(r() * 80) / 10,
        occurrences: 1 + Math.floor(r() * 5),
        per: pick(r, PERIODS),
        people: 1 + Math.floor(r() * 12),
      };
    }
    if (r() < 0.4) {
      const start = 1 + Math.floor(r() * 400);
      entry.links.push({ path: pick(r, FILES), startLine: start, endLine: start + Math.floor(r() * 30), fingerprint: fixtureId(t, r).toLowerCase() });
    }
    if (r() < 0.2) {
      entry.decision = {
        outcome: pick(r, OUTCOMES),
        rationale: prose(r),
        owner: pick(r, PEOPLE).name,
        followUp: pick(r, FOLLOW_UPS),
        decided: iso(updatedAt),
      };
      if (r() < 0.5) entry.decision.due = iso(updatedAt + 14 * 86_400_000).slice(0, 10);
    }
    if (r() < 0.05) entry.tracker = { system: 'jira', key: `OPS-${100 + i}` };
    entries.push(entry);
  }
  return { version: SCHEMA_VERSION, entries, retros: [] };
}

/** English display names, as the UI hands them to the core. */
export const LABELS: Labels = {
  kinds: { 'unused-report': 'Unused report', 'ritual-process': 'Ritual process', 'autopilot-policy': 'Autopilot policy', 'losing-decision': 'Losing decision', trivia: 'Trivia', other: 'Other' },
  reasons: {
    fear: 'Fear',
    politics: 'Politics',
    uncertainty: 'Uncertainty',
    overload: 'Overload',
    indecision: 'Indecision',
    'not-my-job': 'Not my job',
    'stepping-on-toes': 'Stepping on toes',
    'always-done-that-way': 'Always done that way',
    'boss-wants-it': 'Boss wants it',
  },
  smart: { speakUp: 'Speak up', moreInfo: 'More information', accountability: 'Accountability', reprioritize: 'Re-prioritize', tryAnother: 'Try another approach' },
  smartHints: { speakUp: '', moreInfo: '', accountability: '', reprioritize: '', tryAnother: '' },
  statuses: { open: 'Open', decided: 'Decided', done: 'Done', archived: 'Archived' },
  triage: { inbox: 'Inbox', now: 'Now', 'bigger-story': 'Bigger story', someday: 'Someday' },
  periods: { day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year' },
  outcomes: { stop: 'Stop', automate: 'Automate', simplify: 'Simplify', keep: 'Keep' },
  followUps: { open: 'Open', 'in-progress': 'In progress', done: 'Done' },
  anonymous: 'Anonymous',
};

/** Fails unless the backlog, written as the file, loads again: every stored result must pass the schema. */
export function assertValid(b: Backlog): void {
  const result = parseBacklog(serializeBacklog(b));
  if (!result.ok) assert.fail(`${result.problem.code}: ${english(result.problem.message)}`);
}

/**
 * Runs `body` with the process in another time zone (Node applies a change of `TZ` at once), so a
 * test sees what a teammate elsewhere would see, then puts the zone back.
 */
export function inTimeZone<T>(zone: string, body: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return body();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

/** A clock stopped at `now`, for a viewer `utcOffsetMinutes` east of UTC (Los Angeles in March: -420). */
export function clockAt(now: Date | string, utcOffsetMinutes = 0): Clock {
  const at = new Date(now);
  return { now: () => new Date(at), utcOffsetMinutes: () => utcOffsetMinutes };
}

const STORED_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g;
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** The time a ULID carries in its first ten characters, in milliseconds. */
export function idTime(id: string): number {
  return [...id.slice(0, 10)].reduce((t, c) => t * 32 + CROCKFORD.indexOf(c), 0);
}

/**
 * Every time finer than a UTC day found anywhere in `value`: stored timestamps not at midnight UTC,
 * and ULIDs (ids and references to them) whose time is not. What an anonymous record must not carry.
 */
export function finerThanDay(value: unknown): string[] {
  const found: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const [stamp] of v.matchAll(STORED_TIME)) if (!/T00:00:00(?:\.0+)?Z$/.test(stamp)) found.push(stamp);
      if (ULID.test(v) && idTime(v) % 86_400_000 !== 0) found.push(`${v} (${new Date(idTime(v)).toISOString()})`);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(visit);
  };
  visit(value);
  return found;
}

/** `who`'s named vote on `entryId`, switched as their extension does it ("+1, I'll help"). */
export function namedToggle(b: Backlog, entryId: string, who: string, budget: number | undefined, now: Date): VoteChange {
  return toggleVote(b, entryId, { id: who, tokens: new Set() }, { named: true, token: '' }, budget, now);
}

/** A fresh anonymous vote on `entryId`, by a teammate whose tokens the caller does not hold. */
export function anonymousVote(b: Backlog, entryId: string, now: Date): VoteChange {
  return castVote(b, entryId, NOBODY, { named: false, token: newVoteToken() }, undefined, now);
}
