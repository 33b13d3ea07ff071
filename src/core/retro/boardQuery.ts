/**
 * What the retro board shows, computed on the host: filtered, sorted and cut to the pages each
 * column shows, so the webview never receives the whole backlog.
 */
import { daysSinceStamp, type Clock } from '../model/calendar';
import { hoursPerMonth } from '../model/cost';
import { TRIAGE_LISTS, type Backlog, type Decision, type Entry, type Kind, type Reason, type Status, type TriageList } from '../model/model';
import { isStale } from './retro';
import { liveComments } from '../comments/comments';
import { namedVoters, namedVotes, voteOf, voterNames, type Voter } from '../votes/votes';

export type BoardSort = 'votes' | 'cost' | 'age';

export interface BoardFilter {
  /** Empty: every kind. */
  kinds: Kind[];
  /** Entries with any of these reasons; empty: no filter. */
  reasons: Reason[];
  /** 'any', 'anonymous', 'named', or one author's exact name. */
  author: string;
  /** Empty: the active ones, open and decided. */
  statuses: Status[];
  /** Case-insensitive, over title, S.M.A.R.T. answers, comments and author name. */
  search: string;
}

export interface BoardQuery {
  sort: BoardSort;
  filter: BoardFilter;
  pageSize: number;
  /** How many pages each column shows; 1 when absent. */
  pages: Partial<Record<TriageList, number>>;
  /** The follow-ups of this owner only (case and surrounding spaces ignored); absent or empty: everyone's. */
  followUpOwner?: string;
}

export interface CardView {
  id: string;
  title: string;
  kind: Kind;
  reasons: Reason[];
  smartFilled: number;
  hoursPerMonth: number;
  votes: number;
  /** Whether the viewer has a vote on it, of either kind. */
  voted: boolean;
  /** Whether the viewer's vote is named ("+1, I'll help"). */
  votedNamed: boolean;
  /** The names of the named votes: everything else is a count. */
  helpers: string[];
  author?: string;
  status: Status;
  triage: TriageList;
  stale: boolean;
  /** Calendar days, for the viewer, since the entry was created. */
  ageDays: number;
  /** Calendar days, for the viewer, since the entry last changed; staleness counts these. */
  idleDays: number;
  comments: number;
  decision?: Decision;
}

export interface BoardColumn {
  list: TriageList;
  /** Entries in this column that match the filter, shown or not. */
  total: number;
  cards: CardView[];
}

export interface BoardView {
  /** One per triage list, in the order inbox, now, bigger-story, someday. */
  columns: BoardColumn[];
  /** Entries that match the filter, over all columns. */
  matched: number;
  /** Every entry in the backlog, archived ones included. */
  total: number;
  /** Distinct author names, for the author filter. */
  authors: string[];
}

export const DEFAULT_PAGE_SIZE = 50;

export function defaultQuery(): BoardQuery {
  return { sort: 'votes', filter: { kinds: [], reasons: [], author: 'any', statuses: [], search: '' }, pageSize: DEFAULT_PAGE_SIZE, pages: {} };
}

const ACTIVE: readonly Status[] = ['open', 'decided'];

/**
 * Lower-cased searchable text per entry. Entries are immutable, so the text of one that did not
 * change is reused from the previous query instead of being rebuilt on every keystroke.
 */
const haystacks = new WeakMap<Entry, string>();

function haystack(e: Entry): string {
  let text = haystacks.get(e);
  if (text === undefined) {
    const s = e.smart;
    const parts = [e.title, s.speakUp, s.moreInfo, s.accountability, s.reprioritize, s.tryAnother, e.author?.name ?? ''];
    for (const c of liveComments(e)) parts.push(c.text);
    text = parts.join('\n').toLowerCase();
    haystacks.set(e, text);
  }
  return text;
}

function smartFilled(e: Entry): number {
  const s = e.smart;
  let n = 0;
  if (s.speakUp.trim() !== '') n++;
  if (s.moreInfo.trim() !== '') n++;
  if (s.accountability.trim() !== '') n++;
  if (s.reprioritize.trim() !== '') n++;
  if (s.tryAnother.trim() !== '') n++;
  return n;
}

function compareIds(a: Entry, b: Entry): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A sort key per entry, computed once, so the comparator does no work of its own. */
function sortKey(sort: BoardSort, e: Entry): number | string {
  if (sort === 'votes') return -e.votes.length;
  if (sort === 'cost') return -hoursPerMonth(e.cost);
  return e.created;
}

interface Ranked {
  entry: Entry;
  key: number | string;
}

function byKeyThenId(a: Ranked, b: Ranked): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return compareIds(a.entry, b.entry);
}

/** Who is looking, and when: votes are shown as theirs, days counted on their calendar. */
export interface BoardContext {
  clock: Clock;
  voter: Voter;
  staleDays: number;
}

function card(e: Entry, ctx: BoardContext, names: () => ReadonlyMap<string, string>): CardView {
  const mine = voteOf(e, ctx.voter);
  const view: CardView = {
    id: e.id,
    title: e.title,
    kind: e.kind,
    reasons: e.reasons,
    smartFilled: smartFilled(e),
    hoursPerMonth: hoursPerMonth(e.cost),
    votes: e.votes.length,
    voted: mine !== 'none',
    votedNamed: mine === 'named',
    helpers: namedVotes(e).length > 0 ? namedVoters(e, names()) : [],
    status: e.status,
    triage: e.triage,
    stale: isStale(e, ctx.clock, ctx.staleDays),
    ageDays: daysSinceStamp(e.created, ctx.clock),
    idleDays: daysSinceStamp(e.updated, ctx.clock),
    comments: liveComments(e).length,
  };
  if (e.author) view.author = e.author.name;
  if (e.decision) view.decision = e.decision;
  return view;
}

function count(n: unknown, fallback: number): number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 1 ? Math.floor(n) : fallback;
}

export function queryBoard(b: Backlog, q: BoardQuery, ctx: BoardContext): BoardView {
  const f = q.filter;
  const kinds = f.kinds.length > 0 ? new Set<string>(f.kinds) : undefined;
  const reasons = f.reasons.length > 0 ? new Set<string>(f.reasons) : undefined;
  const statuses = new Set<string>(f.statuses.length > 0 ? f.statuses : ACTIVE);
  const needle = f.search.trim().toLowerCase();
  const author = f.author;

  const lists = new Map<string, Ranked[]>(TRIAGE_LISTS.map((list) => [list, []]));
  const authors = new Set<string>();
  let matched = 0;
  for (const e of b.entries) {
    if (e.author) authors.add(e.author.name);
    if (!statuses.has(e.status)) continue;
    if (kinds && !kinds.has(e.kind)) continue;
    if (reasons && !e.reasons.some((r) => reasons.has(r))) continue;
    if (author !== 'any') {
      if (author === 'anonymous' ? e.author !== undefined : author === 'named' ? e.author === undefined : e.author?.name !== author) continue;
    }
    if (needle !== '' && !haystack(e).includes(needle)) continue;
    const column = lists.get(e.triage);
    if (!column) continue;
    column.push({ entry: e, key: sortKey(q.sort, e) });
    matched++;
  }

  const pageSize = count(q.pageSize, DEFAULT_PAGE_SIZE);
  // Only a card with a named vote needs the names, and a search runs on every keystroke.
  let known: Map<string, string> | undefined;
  const names = (): Map<string, string> => (known ??= voterNames(b));
  const columns = TRIAGE_LISTS.map((list): BoardColumn => {
    const ranked = lists.get(list) ?? [];
    const shown = Math.min(ranked.length, pageSize * count(q.pages[list], 1));
    return { list, total: ranked.length, cards: top(ranked, shown).map((r) => card(r.entry, ctx, names)) };
  });
  return { columns, matched, total: b.entries.length, authors: [...authors].sort(compareNames) };
}

/** The first `n` in order. A full sort only when most of the column is shown; otherwise one pass keeps the best `n`. */
function top(ranked: Ranked[], n: number): Ranked[] {
  if (n <= 0) return [];
  if (n * 8 >= ranked.length) return ranked.sort(byKeyThenId).slice(0, n);
  const best: Ranked[] = [];
  for (const r of ranked) {
    if (best.length === n && byKeyThenId(r, best[n - 1]) >= 0) continue;
    let i = best.length === n ? n - 1 : best.length;
    if (best.length === n) best.pop();
    while (i > 0 && byKeyThenId(r, best[i - 1]) < 0) i--;
    best.splice(i, 0, r);
  }
  return best;
}

function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
