/** Messages between the Log webview and the extension host. Pure: imported by both sides. */
import { isFolderRelativePath } from '../core/codeLinks/codeLinks';
import { MAX_ANSWER_LENGTH, MAX_TITLE_LENGTH } from '../core/model/entries';
import type { Labels } from '../core/model/displayNames';
import { KINDS, PERIODS, REASONS, SMART_KEYS, type CodeLink, type Cost, type EntryDraft, type Kind, type Period, type Reason, type Smart } from '../core/model/model';
import { isRecord } from '../core/model/isRecord';
import type { PluralForms } from '../core/text/plural';
import type { FolderStatus } from './folderStatus';

export interface LogStrings {
  title: string;
  titlePlaceholder: string;
  titleRequired: string;
  kind: string;
  reasons: string;
  smartHeading: string;
  cost: string;
  hoursPerOccurrence: string;
  occurrences: string;
  people: string;
  perMonth: string;
  /** Where the monthly total goes while no hours are typed: not "0 h", which would claim it costs nothing. */
  noEstimate: string;
  /** "{0} to {1}": a cost field's range, under it. */
  costRange: string;
  /** What is wrong with a typed cost, next to the field: {0} is the limit, or an example number. */
  costProblems: { notNumber: string; belowMin: string; aboveMax: string; notWhole: string };
  /** Said when Save waits for a cost field to be fixed. */
  costInvalid: string;
  /** "{0} / {1}": characters typed and allowed, shown near the limit. */
  characters: string;
  /** Said next to a field, and on Save, when it is longer than allowed: {0} is its length, {1} the limit. */
  tooLong: string;
  link: string;
  /** "{0}, line {1}": a code link to one line; {0} is the path. */
  linkLine: string;
  /** "{0}, lines {1} to {2}". */
  linkLines: string;
  removeLink: string;
  anonymous: string;
  anonymousDisclosure: string;
  completeness: string;
  save: string;
  saveHint: string;
  update: string;
  cancelEdit: string;
  editing: string;
  discard: string;
  /** The Discard button's tooltip while nothing is typed. */
  nothingToDiscard: string;
  /** How many drafts wait on the stack, by plural category; {0} is the count. */
  aside: PluralForms;
  /** "Next back: {0}", the title of the draft that comes back first. */
  asideLatest: string;
  untitled: string;
  /** Said after a save that brought a draft back: {0} is its title. */
  restored: string;
  /** What the S.M.A.R.T. initials stand for, under the heading. */
  smartExplain: string;
  target: string;
  openFile: string;
  saved: string;
  noFolder: string;
}

/** A draft waiting on the stack, as the form mentions it. */
export interface AsideDraft {
  title: string;
  editing: boolean;
}

/** What the form shows: the draft, where it goes, and the stack behind it (oldest first). */
export interface FormContents {
  /** Which form the host last sent, counting up: a change reported from an older one is stale and dropped. */
  form: number;
  target: string | undefined;
  draft: EntryDraft;
  editingId: string | undefined;
  aside: AsideDraft[];
}

export interface LogState extends FormContents {
  targets: FolderStatus[];
  labels: Labels;
  strings: LogStrings;
  /** The editor's display language (`vscode.env.language`): numbers are typed and shown in it. */
  locale: string;
}

export type ToWebview =
  | { type: 'init'; state: LogState }
  | { type: 'targets'; targets: FolderStatus[] }
  /** `note`: what else the save did; `restored`: the title of the draft brought back, if one was; `next`: the form now. */
  | { type: 'saved'; id: string; title: string; note?: string; restored?: string; next: FormContents }
  | { type: 'saveFailed'; message: string }
  | ({ type: 'load' } & FormContents);

export type FromWebview =
  | { type: 'ready' }
  | { type: 'draftChanged'; form: number; target: string | undefined; draft: EntryDraft; editingId: string | undefined }
  | { type: 'save'; target: string; draft: EntryDraft; editingId: string | undefined }
  | { type: 'cancelEdit' }
  | { type: 'discard' }
  | { type: 'openDataFile'; target: string };

const MAX_KEY_LENGTH = 4096;

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100000;
}

function optionalKey(value: unknown): string | undefined | false {
  if (value === undefined || value === null) {
    return undefined;
  }
  return isText(value, MAX_KEY_LENGTH) ? value : false;
}

function parseCost(value: unknown): Cost | undefined | false {
  if (value === undefined) {
    return undefined;
  }
  if (!isRecord(value) || !isNumber(value.hoursPerOccurrence) || !isNumber(value.occurrences) || !isNumber(value.people)) {
    return false;
  }
  if (!(PERIODS as readonly unknown[]).includes(value.per) || !Number.isInteger(value.people) || value.people < 1) {
    return false;
  }
  return { hoursPerOccurrence: value.hoursPerOccurrence, occurrences: value.occurrences, per: value.per as Period, people: value.people };
}

function parseLink(value: unknown): CodeLink | undefined | false {
  if (value === undefined) {
    return undefined;
  }
  if (!isRecord(value) || !isText(value.path, 1000) || !isFolderRelativePath(value.path) || !isText(value.fingerprint, 200)) {
    return false;
  }
  const { startLine, endLine } = value;
  if (!Number.isInteger(startLine) || !Number.isInteger(endLine) || (startLine as number) < 1 || (endLine as number) < (startLine as number)) {
    return false;
  }
  return { path: value.path, startLine: startLine as number, endLine: endLine as number, fingerprint: value.fingerprint };
}

/** Validates a draft from the webview field by field; anything unexpected rejects the whole draft. */
export function parseDraft(value: unknown): EntryDraft | undefined {
  if (!isRecord(value) || !isText(value.title, MAX_TITLE_LENGTH * 4) || typeof value.anonymous !== 'boolean') {
    return undefined;
  }
  if (!(KINDS as readonly unknown[]).includes(value.kind)) {
    return undefined;
  }
  if (!Array.isArray(value.reasons) || !value.reasons.every((r) => (REASONS as readonly unknown[]).includes(r))) {
    return undefined;
  }
  if (!isRecord(value.smart)) {
    return undefined;
  }
  const smart = {} as Smart;
  for (const key of SMART_KEYS) {
    const answer = value.smart[key] ?? '';
    // Longer than a save allows, so a draft pasted too long is kept while the person shortens it.
    if (!isText(answer, MAX_ANSWER_LENGTH * 4)) {
      return undefined;
    }
    smart[key] = answer;
  }
  const cost = parseCost(value.cost);
  const link = parseLink(value.link);
  if (cost === false || link === false) {
    return undefined;
  }
  const draft: EntryDraft = {
    title: value.title,
    kind: value.kind as Kind,
    reasons: [...new Set(value.reasons as Reason[])],
    smart,
    anonymous: value.anonymous,
  };
  if (cost) {
    draft.cost = cost;
  }
  if (link) {
    draft.link = link;
  }
  return draft;
}

/** Messages from a webview are untrusted input: anything that is not exactly a known message is dropped. */
export function parseFromWebview(message: unknown): FromWebview | undefined {
  if (!isRecord(message)) {
    return undefined;
  }
  switch (message.type) {
    case 'ready':
      return { type: 'ready' };
    case 'cancelEdit':
      return { type: 'cancelEdit' };
    case 'discard':
      return { type: 'discard' };
    case 'openDataFile':
      return isText(message.target, MAX_KEY_LENGTH) ? { type: 'openDataFile', target: message.target } : undefined;
    case 'draftChanged':
    case 'save': {
      const draft = parseDraft(message.draft);
      const target = optionalKey(message.target);
      const editingId = optionalKey(message.editingId);
      if (!draft || target === false || editingId === false) {
        return undefined;
      }
      if (message.type === 'draftChanged') {
        return Number.isSafeInteger(message.form) ? { type: 'draftChanged', form: message.form as number, target, draft, editingId } : undefined;
      }
      return target === undefined ? undefined : { type: 'save', target, draft, editingId };
    }
    default:
      return undefined;
  }
}
