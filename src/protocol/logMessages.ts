/** Messages between the Log webview and the extension host. Pure: imported by both sides. */
import { MAX_ANSWER_LENGTH, MAX_TITLE_LENGTH } from '../core/entries';
import type { Labels } from '../core/labels';
import { KINDS, PERIODS, REASONS, SMART_KEYS, type CodeLink, type Cost, type EntryDraft, type Kind, type Period, type Reason, type Smart } from '../core/model';

export interface LogTargetInfo {
  key: string;
  name: string;
  status: 'ready' | 'missing' | 'problem' | 'read-only';
  detail?: string;
  /** Whether a fresh draft for this folder starts anonymous (the folder's setting). */
  anonymousDefault: boolean;
}

/** Every sentence the form shows, translated by the host. `{0}` marks a value filled in by the form. */
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
  period: string;
  people: string;
  perMonth: string;
  link: string;
  removeLink: string;
  anonymous: string;
  anonymousDisclosure: string;
  completeness: string;
  save: string;
  saveHint: string;
  update: string;
  cancelEdit: string;
  editing: string;
  target: string;
  openFile: string;
  saved: string;
}

/** The full snapshot the form is built from, sent whenever the webview (re)starts. */
export interface LogState {
  targets: LogTargetInfo[];
  /** Why nothing can be saved anywhere (no folder is open); per-folder reasons are on the targets. */
  readOnly: string | undefined;
  labels: Labels;
  strings: LogStrings;
  target: string | undefined;
  draft: EntryDraft;
  editingId: string | undefined;
  /**
   * Bumped whenever the host replaces the draft (edit, prefill, saved). The webview's own saved state
   * wins over the snapshot only when it has the same revision, and stale `draftChanged` are ignored.
   */
  revision: number;
}

export type ToWebview =
  | { type: 'init'; state: LogState }
  | { type: 'targets'; targets: LogTargetInfo[]; readOnly: string | undefined }
  | { type: 'saved'; id: string; title: string; revision: number }
  | { type: 'saveFailed'; message: string }
  | { type: 'edit'; target: string; id: string; draft: EntryDraft; revision: number }
  | { type: 'prefill'; target: string; draft: EntryDraft; revision: number };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'draftChanged'; target: string | undefined; draft: EntryDraft; editingId: string | undefined; revision: number }
  | { type: 'save'; target: string; draft: EntryDraft; editingId: string | undefined }
  | { type: 'cancelEdit'; revision: number }
  | { type: 'openDataFile'; target: string };

/** Upper bounds of the cost fields, as in the file's schema; the form's inputs use them too. */
export const COST_LIMITS = { hoursPerOccurrence: 10_000, occurrences: 10_000, people: 100_000 } as const;

const MAX_KEY_LENGTH = 4096;
const MAX_ID_LENGTH = 200;
const MAX_PATH_LENGTH = 1000;
const MAX_FINGERPRINT_LENGTH = 200;
// Generous on purpose: the host's validateDraft explains an over-long title or answer in words, while
// a message rejected here is dropped silently. These bounds only stop absurd input.
const MAX_DRAFT_TITLE = MAX_TITLE_LENGTH * 4;
const MAX_DRAFT_ANSWER = MAX_ANSWER_LENGTH * 2;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

function isAmount(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max;
}

function isCount(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** A folder key or entry id that may be absent; `false` means present but malformed. */
function optionalText(value: unknown, max: number): string | undefined | false {
  if (value === undefined || value === null) {
    return undefined;
  }
  return isText(value, max) && value.length > 0 ? value : false;
}

function parseCost(value: unknown): Cost | undefined | false {
  if (value === undefined) {
    return undefined;
  }
  if (
    !isRecord(value) ||
    !isAmount(value.hoursPerOccurrence, COST_LIMITS.hoursPerOccurrence) ||
    !isAmount(value.occurrences, COST_LIMITS.occurrences) ||
    !isCount(value.people, 1, COST_LIMITS.people) ||
    !isOneOf<Period>(PERIODS, value.per)
  ) {
    return false;
  }
  return { hoursPerOccurrence: value.hoursPerOccurrence, occurrences: value.occurrences, per: value.per, people: value.people };
}

function parseLink(value: unknown): CodeLink | undefined | false {
  if (value === undefined) {
    return undefined;
  }
  if (!isRecord(value) || !isText(value.path, MAX_PATH_LENGTH) || value.path.length === 0 || !isText(value.fingerprint, MAX_FINGERPRINT_LENGTH)) {
    return false;
  }
  const { startLine, endLine } = value;
  if (!isCount(startLine, 1, Number.MAX_SAFE_INTEGER) || !isCount(endLine, startLine, Number.MAX_SAFE_INTEGER)) {
    return false;
  }
  return { path: value.path, startLine, endLine, fingerprint: value.fingerprint };
}

/**
 * Validates a draft field by field and rebuilds it from known fields only; anything unexpected
 * rejects the whole draft. Also used for drafts read back from storage.
 */
export function parseDraft(value: unknown): EntryDraft | undefined {
  if (!isRecord(value) || !isText(value.title, MAX_DRAFT_TITLE) || typeof value.anonymous !== 'boolean' || !isOneOf<Kind>(KINDS, value.kind)) {
    return undefined;
  }
  const reasons = value.reasons;
  if (!Array.isArray(reasons) || reasons.length > REASONS.length || !reasons.every((r) => isOneOf<Reason>(REASONS, r))) {
    return undefined;
  }
  if (!isRecord(value.smart)) {
    return undefined;
  }
  const smart = {} as Smart;
  for (const key of SMART_KEYS) {
    const answer = value.smart[key] ?? '';
    if (!isText(answer, MAX_DRAFT_ANSWER)) {
      return undefined;
    }
    smart[key] = answer;
  }
  const cost = parseCost(value.cost);
  const link = parseLink(value.link);
  if (cost === false || link === false) {
    return undefined;
  }
  const draft: EntryDraft = { title: value.title, kind: value.kind, reasons: [...new Set(reasons)], smart, anonymous: value.anonymous };
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
      return isCount(message.revision, 0, Number.MAX_SAFE_INTEGER) ? { type: 'cancelEdit', revision: message.revision } : undefined;
    case 'openDataFile': {
      const target = optionalText(message.target, MAX_KEY_LENGTH);
      return target ? { type: 'openDataFile', target } : undefined;
    }
    case 'draftChanged': {
      const draft = parseDraft(message.draft);
      const target = optionalText(message.target, MAX_KEY_LENGTH);
      const editingId = optionalText(message.editingId, MAX_ID_LENGTH);
      if (!draft || target === false || editingId === false || !isCount(message.revision, 0, Number.MAX_SAFE_INTEGER)) {
        return undefined;
      }
      return { type: 'draftChanged', target, draft, editingId, revision: message.revision };
    }
    case 'save': {
      const draft = parseDraft(message.draft);
      const target = optionalText(message.target, MAX_KEY_LENGTH);
      const editingId = optionalText(message.editingId, MAX_ID_LENGTH);
      if (!draft || !target || editingId === false) {
        return undefined;
      }
      return { type: 'save', target, draft, editingId };
    }
    default:
      return undefined;
  }
}
