/**
 * An edit of an entry from the Log form, merged with what teammates changed while it was open. The form
 * remembers the draft it started from (the merge base); on Save each field is merged three ways, as the
 * semantic merge does with two clones: a field only one side changed takes that side's value, and a field
 * both sides changed differently is a clash the person settles. The value not kept goes into the entry's
 * `history` under the field name the merge uses, so no typed text is lost. Pure.
 */
import { withCoarseTimes } from './anonymity';
import { SMART_KEYS, type Entry, type EntryDraft, type HistoryRecord, type SmartKey } from './model';

/** A field of the form, named as the merge names it in `history` (`smart.speakUp`, …). */
export type DraftField = 'title' | 'kind' | 'reasons' | `smart.${SmartKey}` | 'cost' | 'links' | 'author';

/** One field both sides changed to different values: `mine` is the form's, `theirs` the file's. */
export interface FieldClash {
  field: DraftField;
  mine: unknown;
  theirs: unknown;
}

/** The merged draft (clashing fields hold `mine` until settled), the clashes, and the fields only the file changed. */
export interface EditMerge {
  draft: EntryDraft;
  clashes: FieldClash[];
  theirsOnly: DraftField[];
}

/** Which side a person kept for the clashing fields. */
export type ClashChoice = 'mine' | 'theirs';

const FIELDS: readonly DraftField[] = ['title', 'kind', 'reasons', ...SMART_KEYS.map((k) => `smart.${k}` as const), 'cost', 'links', 'author'];

/** A field's value as the file would hold it after `updateEntry`: trimmed text, sorted reasons, the first link. */
function valueOf(d: EntryDraft, field: DraftField): unknown {
  if (field.startsWith('smart.')) return d.smart[field.slice(6) as SmartKey].trim();
  switch (field) {
    case 'title':
      return d.title.trim();
    case 'kind':
      return d.kind;
    case 'reasons':
      return [...new Set(d.reasons)].sort();
    case 'cost':
      return d.cost ?? null;
    case 'links':
      return d.link ?? null;
    default:
      return d.anonymous;
  }
}

function put(d: EntryDraft, field: DraftField, from: EntryDraft): void {
  if (field.startsWith('smart.')) {
    const key = field.slice(6) as SmartKey;
    d.smart[key] = from.smart[key];
    return;
  }
  switch (field) {
    case 'title':
      d.title = from.title;
      return;
    case 'kind':
      d.kind = from.kind;
      return;
    case 'reasons':
      d.reasons = [...from.reasons];
      return;
    case 'cost':
      if (from.cost) d.cost = { ...from.cost };
      else delete d.cost;
      return;
    case 'links':
      if (from.link) d.link = { ...from.link };
      else delete d.link;
      return;
    default:
      d.anonymous = from.anonymous;
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function copy(d: EntryDraft): EntryDraft {
  return { ...d, reasons: [...d.reasons], smart: { ...d.smart }, ...(d.cost ? { cost: { ...d.cost } } : {}), ...(d.link ? { link: { ...d.link } } : {}) };
}

/**
 * Merges `mine` (the form) with `theirs` (the entry now in the file, as `draftFromEntry` gives it) against
 * `base` (the draft the form was opened with). Field by field: unchanged on one side takes the other side's
 * value; changed to the same value on both is no clash.
 */
export function mergeEdit(base: EntryDraft, mine: EntryDraft, theirs: EntryDraft): EditMerge {
  const draft = copy(mine);
  const clashes: FieldClash[] = [];
  const theirsOnly: DraftField[] = [];
  for (const field of FIELDS) {
    const [b, m, t] = [valueOf(base, field), valueOf(mine, field), valueOf(theirs, field)];
    if (same(t, b) || same(t, m)) continue;
    if (same(m, b)) {
      put(draft, field, theirs);
      theirsOnly.push(field);
    } else {
      clashes.push({ field, mine: m, theirs: t });
    }
  }
  return { draft, clashes, theirsOnly };
}

/** The draft to save once the person chose a side for the clashes of `merge`; `theirs` is the file's draft. */
export function settleEdit(merge: EditMerge, theirs: EntryDraft, choice: ClashChoice): EntryDraft {
  const draft = copy(merge.draft);
  if (choice === 'theirs') for (const { field } of merge.clashes) put(draft, field, theirs);
  return draft;
}

/**
 * Records the values not kept in `entry.history`: for each clash, the losing side's value, with `updated`
 * the loser's time and `replacedBy` the winner's (ISO 8601; the form's side is dated `now`, the file's
 * side by the entry's `updated` before this save). Times are cut to the day on an anonymous entry.
 */
export function keepLostEdits(entry: Entry, clashes: readonly FieldClash[], choice: ClashChoice, theirsUpdated: string, now: string): Entry {
  if (clashes.length === 0) return entry;
  const records: HistoryRecord[] = clashes.map((c) =>
    choice === 'mine'
      ? { field: c.field, value: c.theirs, updated: theirsUpdated, replacedBy: now }
      : { field: c.field, value: c.mine, updated: now, replacedBy: theirsUpdated },
  );
  return withCoarseTimes({ ...entry, history: [...(entry.history ?? []), ...records] });
}

/** The fields where `draft` differs from `base`, as the file would store them (trimmed text, sorted reasons). */
export function editedFields(base: EntryDraft, draft: EntryDraft): DraftField[] {
  return FIELDS.filter((field) => !same(valueOf(base, field), valueOf(draft, field)));
}
