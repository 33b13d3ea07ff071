/** Messages between the Retro Board webview and the extension host. Pure: imported by both sides. */
import type { BoardFilter, BoardQuery, BoardSort } from '../core/retro/boardQuery';
import { MAX_TITLE_LENGTH } from '../core/model/entries';
import { isId } from '../core/model/ids';
import type { Labels } from '../core/model/displayNames';
import {
  FOLLOW_UPS,
  KINDS,
  OUTCOMES,
  REASONS,
  STATUSES,
  TRIAGE_LISTS,
  type Decision,
  type FollowUp,
  type Kind,
  type Reason,
  type Smart,
  type TriageList,
} from '../core/model/model';
import type { DecisionInput } from '../core/retro/retro';
import type { DecisionTemplates } from '../core/text/messages';
import { isRecord } from '../core/model/isRecord';
import { MAX_COMMENT_LENGTH } from '../core/comments/comments';
import type { ImpactView } from './impactView';
import type { FolderStatus } from './folderStatus';
import type { BoardSnapshot } from '../core/retro/boardSnapshot';
import type { PluralForms } from '../core/text/plural';

export const BOARD_SORTS: readonly BoardSort[] = ['votes', 'cost', 'age'];
export const EXPORTS = ['summary-copy', 'summary-save', 'csv', 'json'] as const;
export type ExportKind = (typeof EXPORTS)[number];
/** What the board asks of a decision's tracking link; the extension runs the matching `stupidWork.decision.*` command. */
export const TRACKER_ACTIONS = ['create', 'link', 'open', 'unlink'] as const;
export type TrackerAction = (typeof TRACKER_ACTIONS)[number];

export interface BoardStrings {
  startRetro: string;
  finishRetro: string;
  retroActive: string;
  noRetro: string;
  live: string;
  liveHint: string;
  /** "{0}": the time teammates' changes last arrived. */
  liveLastChange: string;
  liveNoChange: string;
  sort: string;
  sorts: Record<BoardSort, string>;
  filterKind: string;
  filterReason: string;
  filterAuthor: string;
  filterStatus: string;
  anyAuthor: string;
  namedAuthors: string;
  anyKind: string;
  anyReason: string;
  activeStatuses: string;
  search: string;
  exportMenu: string;
  exports: Record<ExportKind, string>;
  exportButton: string;
  /** "{0} votes left", by plural category; the webview picks the form with `plural` in the document's locale. */
  votesLeft: PluralForms;
  votesUnlimited: string;
  /** "{1} of {0} entries": `{0}` is the total, which picks the form, and `{1}` how many match. */
  matched: PluralForms;
  followUpsHeading: string;
  followUpsNone: string;
  overdue: PluralForms;
  /** "decided {0} days ago"; `decidedToday` stands for 0. */
  age: PluralForms;
  decidedToday: string;
  owner: string;
  due: string;
  noDue: string;
  followUp: string;
  /** The follow-ups' owner filter: its label and its "everyone" choice. */
  followUpOwner: string;
  followUpEveryone: string;
  openEntry: string;
  markInProgress: string;
  markDone: string;
  showMore: PluralForms;
  empty: string;
  expand: string;
  collapse: string;
  completeness: string;
  perMonth: string;
  /** Said instead of "0 h/month" on a card nobody estimated. */
  noEstimate: string;
  votes: PluralForms;
  meToo: string;
  /** What an anonymous vote hides and what it does not: the "Me too" button's tooltip. */
  voteDisclosure: string;
  /** The named vote's button ("+1, I'll help") and its tooltip. */
  willHelp: string;
  willHelpHint: string;
  /** "Will help: {0}": the names of a card's named votes. */
  helpers: string;
  stale: PluralForms;
  /** "{0} days old": an entry's age on its card; `addedToday` stands for 0. */
  cardAge: PluralForms;
  addedToday: string;
  comments: string;
  noComments: string;
  /** The comment thread's form and buttons on an open card. */
  commentLabel: string;
  commentAnonymous: string;
  commentDisclosure: string;
  addComment: string;
  editComment: string;
  deleteComment: string;
  saveComment: string;
  cancelEdit: string;
  /** "edited {0}": when a comment's author last changed it. */
  commentEdited: string;
  moveTo: string;
  moveButton: string;
  moveHint: string;
  decisionHeading: string;
  outcome: string;
  rationale: string;
  rationaleKeep: string;
  /** What the decision form says when `validateDecision` finds a problem, filled in by `decisionProblemText`. */
  decisionProblems: DecisionTemplates;
  ownerSuggestion: string;
  saveDecision: string;
  /** The outcome select's empty first choice: no outcome is chosen for the person. */
  chooseOutcome: string;
  /** Said under a due date that has already passed; the date is still accepted. */
  duePast: string;
  mergeHeading: string;
  mergeSearch: string;
  mergePick: string;
  mergeButton: string;
  mergeNone: string;
  /** Before a decision's tracking link, for example "Tracked in". */
  trackingLink: string;
  noTrackingLink: string;
  trackerActions: Record<TrackerAction, string>;
  /** Shown on an archived card's details, above its Restore button. */
  archivedNotice: string;
  restore: string;
  /** The tooltip of a vote button that cannot act: no vote left to cast. */
  noVotesLeft: string;
  /** The tooltip of any edit button while the file cannot be changed. */
  readOnlyHint: string;
  /** The toolbar's filter popover: its button (with the count of active filters) and its heading. */
  filters: string;
  filtersActive: PluralForms;
  clearFilters: string;
  /** The detail pane's close button and its heading for the open card. */
  closeDetail: string;
  /** "Follow-up: see above": a decided card with an open follow-up shows there, not in its list. */
  inFollowUps: PluralForms;
  showInFollowUps: string;
  anonymous: string;
  loading: string;
  openFile: string;
  charts: string;
  chartHours: string;
  chartHoursSummary: string;
  chartOpened: string;
  /** "Opened: {1}, decided: {2}, in {0} periods.": the forms follow the number of periods, `{0}`. */
  chartOpenedSummary: PluralForms;
  chartReasons: string;
  /** "The most common reason is {1}, named {0} times.": the forms follow the count, `{0}`. */
  chartReasonsSummary: PluralForms;
  chartTable: string;
  chartEmpty: string;
  opened: string;
  decided: string;
  hours: string;
  entries: string;
}

/** The live rhythm of a running retro; `lastChange` is when teammates' changes last arrived (ISO time), if they did yet. */
export interface LiveInfo {
  lastChange?: string;
}

/** Everything the board shows, sent whole on every change (see `BoardSnapshot` for the backlog's part). */
export interface BoardState extends BoardSnapshot {
  /** The impact of the team's decisions in words, from `charts.impact` (see ./impactView.ts); absent until the host adds it. */
  impact?: ImpactView;
  folder: FolderStatus;
  labels: Labels;
  kindIcons: Record<Kind, string>;
  strings: BoardStrings;
  /** Present while this window follows the running retro live: teammates' changes arrive within seconds. */
  live?: LiveInfo;
  /** The current person's name, offered as the owner of a decision. */
  me: string;
  /** Whether a new comment starts out anonymous (`stupidWork.anonymousByDefault`). */
  anonymousByDefault: boolean;
  readOnly: boolean;
  /** What was typed on cards and not yet sent, as this folder's board last reported it: a closed and reopened board starts from it. */
  drafts: BoardDrafts;
}

/** Per entry id, the fields of its card (decision form, comment) the person changed and has not sent: field name → text. */
export type BoardDrafts = Record<string, Record<string, string>>;

/** A live comment as a card shows it; tombstones are never sent. */
export interface CommentView {
  id: string;
  /** Absent when the comment is anonymous. */
  author?: string;
  created: string;
  text: string;
  edited?: string;
  /** Whether the viewer wrote it, under their name, and so may edit or delete it. */
  mine: boolean;
}

/** What an expanded card shows; sent on request so the board snapshot stays small. */
export interface EntryDetail {
  id: string;
  title: string;
  reasons: Reason[];
  smart: Smart;
  comments: CommentView[];
  decision?: Decision;
}

export interface EntryMatch {
  id: string;
  title: string;
}

export type ToWebview =
  | { type: 'init'; state: BoardState }
  | { type: 'entryDetail'; detail: EntryDetail }
  | { type: 'matches'; id: string; matches: EntryMatch[] }
  | { type: 'failed'; message: string; id?: string }
  | { type: 'done'; message: string; id?: string }
  /** A comment on entry `id` was saved: the thread's form for it (`commentId`, or the new comment's) can let go of its draft. */
  | { type: 'commented'; message: string; id: string; commentId?: string };

export type FromWebview =
  | { type: 'ready'; query?: BoardQuery }
  | { type: 'query'; query: BoardQuery }
  | { type: 'expand'; id: string }
  /** "Me Too" pressed: a switch, anonymous by default; `named` is "+1, I'll help", a switch of its own. */
  | { type: 'vote'; id: string; named?: boolean }
  /** Everything typed on cards and not sent yet, so the host can keep it past the tab being closed. */
  | { type: 'drafts'; drafts: BoardDrafts }
  | { type: 'move'; id: string; list: TriageList }
  /** `base`: the `decisionKey` of the decision the form started from, so one recorded meanwhile is not silently mixed in. */
  | { type: 'decide'; id: string; decision: DecisionInput; base?: string }
  | { type: 'followUp'; id: string; followUp: FollowUp }
  | { type: 'moreFollowUps' }
  | { type: 'openEntry'; id: string }
  | { type: 'findDuplicates'; id: string; search: string }
  | { type: 'merge'; keepId: string; dropId: string }
  | { type: 'restore'; id: string }
  | { type: 'startRetro' }
  | { type: 'finishRetro' }
  | { type: 'export'; what: ExportKind }
  | { type: 'tracker'; id: string; action: TrackerAction }
  | { type: 'openDataFile' }
  /** A result whose control is gone from the board (a card that moved out of view, say): the host says it in a native notification. */
  | { type: 'notify'; message: string; isError: boolean }
  | { type: 'comment'; id: string; text: string; anonymous: boolean }
  | { type: 'editComment'; id: string; commentId: string; text: string }
  | { type: 'deleteComment'; id: string; commentId: string };

export const MAX_SEARCH_LENGTH = 200;
export const MAX_RATIONALE_LENGTH = 20_000;
/** Room for a comment at the core's limit with the whitespace the core trims. */
const MAX_COMMENT_MESSAGE_LENGTH = 2 * MAX_COMMENT_LENGTH;
const MAX_PAGE_SIZE = 500;
const MAX_DRAFT_CARDS = 500;
const MAX_DRAFT_FIELDS = 20;
const MAX_DRAFT_FIELD_LENGTH = 2 * MAX_RATIONALE_LENGTH;
const MAX_PAGES = 10_000;
/** A notification repeats a message the host wrote, which quotes a title cut to a few dozen characters. */
const MAX_NOTIFY_LENGTH = 1000;

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

function oneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}

function subsetOf<T extends string>(list: readonly T[], value: unknown): T[] | undefined {
  if (!Array.isArray(value) || value.length > list.length * 2 || !value.every((item) => oneOf(list, item))) {
    return undefined;
  }
  return [...new Set(value)];
}

function isCount(value: unknown, min: number, max: number): value is number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

function parseFilter(value: unknown): BoardFilter | undefined {
  if (!isRecord(value) || !isText(value.author, MAX_TITLE_LENGTH) || !isText(value.search, MAX_SEARCH_LENGTH)) {
    return undefined;
  }
  const kinds = subsetOf(KINDS, value.kinds);
  const reasons = subsetOf(REASONS, value.reasons);
  const statuses = subsetOf(STATUSES, value.statuses);
  if (!kinds || !reasons || !statuses) {
    return undefined;
  }
  return { kinds, reasons, author: value.author, statuses, search: value.search };
}

/** Validates a board query: sort, filter and how many pages each column shows. */
export function parseQuery(value: unknown): BoardQuery | undefined {
  if (!isRecord(value) || !oneOf(BOARD_SORTS, value.sort) || !isCount(value.pageSize, 1, MAX_PAGE_SIZE) || !isRecord(value.pages)) {
    return undefined;
  }
  const filter = parseFilter(value.filter);
  if (!filter) {
    return undefined;
  }
  const pages: Partial<Record<TriageList, number>> = {};
  for (const [list, count] of Object.entries(value.pages)) {
    if (!oneOf(TRIAGE_LISTS, list) || !isCount(count, 0, MAX_PAGES)) {
      return undefined;
    }
    pages[list] = count;
  }
  if (value.followUpOwner !== undefined && !isText(value.followUpOwner, MAX_TITLE_LENGTH)) {
    return undefined;
  }
  const query: BoardQuery = { sort: value.sort, filter, pageSize: value.pageSize, pages };
  if (value.followUpOwner !== undefined && value.followUpOwner !== '') {
    query.followUpOwner = value.followUpOwner;
  }
  return query;
}

/** Validates a decision's shape; what it means (a rationale for Keep, an owner) is the core's `validateDecision`. */
export function parseDecision(value: unknown): DecisionInput | undefined {
  if (!isRecord(value) || !oneOf(OUTCOMES, value.outcome) || !isText(value.rationale, MAX_RATIONALE_LENGTH) || !isText(value.owner, MAX_TITLE_LENGTH)) {
    return undefined;
  }
  const decision: DecisionInput = { outcome: value.outcome, rationale: value.rationale, owner: value.owner };
  if (value.due !== undefined && value.due !== '') {
    if (typeof value.due !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value.due)) {
      return undefined;
    }
    decision.due = value.due;
  }
  if (value.followUp !== undefined) {
    if (!oneOf(FOLLOW_UPS, value.followUp)) {
      return undefined;
    }
    decision.followUp = value.followUp;
  }
  return decision;
}

/** Messages from a webview are untrusted input: anything that is not exactly a known message is dropped. */
/** Unsent card text as a webview reports it, checked: entry ids, at most a few fields each, each text bounded; undefined otherwise. */
export function parseDrafts(value: unknown): BoardDrafts | undefined {
  if (!isRecord(value) || Object.keys(value).length > MAX_DRAFT_CARDS) {
    return undefined;
  }
  const drafts: BoardDrafts = {};
  for (const [id, fields] of Object.entries(value)) {
    if (!isId(id) || !isRecord(fields) || Object.keys(fields).length > MAX_DRAFT_FIELDS) {
      return undefined;
    }
    const kept: Record<string, string> = {};
    for (const [name, text] of Object.entries(fields)) {
      if (!/^[\w-]{1,64}$/.test(name) || !isText(text, MAX_DRAFT_FIELD_LENGTH)) {
        return undefined;
      }
      kept[name] = text;
    }
    drafts[id] = kept;
  }
  return drafts;
}

export function parseFromWebview(message: unknown): FromWebview | undefined {
  if (!isRecord(message)) {
    return undefined;
  }
  switch (message.type) {
    case 'ready': {
      if (message.query === undefined) {
        return { type: 'ready' };
      }
      const query = parseQuery(message.query);
      // A stored query from an older version is no reason to refuse the board: it starts from the default.
      return query ? { type: 'ready', query } : { type: 'ready' };
    }
    case 'query': {
      const query = parseQuery(message.query);
      return query ? { type: 'query', query } : undefined;
    }
    case 'vote':
      if (!isId(message.id)) return undefined;
      return message.named === true ? { type: 'vote', id: message.id, named: true } : { type: 'vote', id: message.id };
    case 'expand':
    case 'restore':
    case 'openEntry':
      return isId(message.id) ? { type: message.type, id: message.id } : undefined;
    case 'move':
      return isId(message.id) && oneOf(TRIAGE_LISTS, message.list) ? { type: 'move', id: message.id, list: message.list } : undefined;
    case 'decide': {
      const decision = parseDecision(message.decision);
      if (!isId(message.id) || !decision) return undefined;
      return isText(message.base, MAX_DRAFT_FIELD_LENGTH) ? { type: 'decide', id: message.id, decision, base: message.base } : { type: 'decide', id: message.id, decision };
    }
    case 'followUp':
      return isId(message.id) && oneOf(FOLLOW_UPS, message.followUp) ? { type: 'followUp', id: message.id, followUp: message.followUp } : undefined;
    case 'findDuplicates':
      return isId(message.id) && isText(message.search, MAX_SEARCH_LENGTH) ? { type: 'findDuplicates', id: message.id, search: message.search } : undefined;
    case 'merge':
      return isId(message.keepId) && isId(message.dropId) && message.keepId !== message.dropId
        ? { type: 'merge', keepId: message.keepId, dropId: message.dropId }
        : undefined;
    case 'moreFollowUps':
    case 'startRetro':
    case 'finishRetro':
    case 'openDataFile':
      return { type: message.type };
    case 'drafts': {
      const drafts = parseDrafts(message.drafts);
      return drafts ? { type: 'drafts', drafts } : undefined;
    }
    case 'export':
      return oneOf(EXPORTS, message.what) ? { type: 'export', what: message.what } : undefined;
    case 'comment':
      return isId(message.id) && isText(message.text, MAX_COMMENT_MESSAGE_LENGTH) && typeof message.anonymous === 'boolean'
        ? { type: 'comment', id: message.id, text: message.text, anonymous: message.anonymous }
        : undefined;
    case 'editComment':
      return isId(message.id) && isId(message.commentId) && isText(message.text, MAX_COMMENT_MESSAGE_LENGTH)
        ? { type: 'editComment', id: message.id, commentId: message.commentId, text: message.text }
        : undefined;
    case 'deleteComment':
      return isId(message.id) && isId(message.commentId) ? { type: 'deleteComment', id: message.id, commentId: message.commentId } : undefined;
    case 'notify':
      return isText(message.message, MAX_NOTIFY_LENGTH) && message.message.trim() !== '' && typeof message.isError === 'boolean'
        ? { type: 'notify', message: message.message, isError: message.isError }
        : undefined;
    case 'tracker':
      return isId(message.id) && oneOf(TRACKER_ACTIONS, message.action) ? { type: 'tracker', id: message.id, action: message.action } : undefined;
    default:
      return undefined;
  }
}
