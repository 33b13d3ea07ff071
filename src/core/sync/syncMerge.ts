/**
 * The three versions a sync merges: base (the state last synced into this working copy), ours (the
 * working copy) and theirs (the tip of the remote backlog branch). Any of them may be missing.
 */
import { countChanges, mergeBacklogs, resolveConflictMarkers, type MergeConflict } from '../merge/merge';
import type { Backlog } from '../model/model';
import { parseBacklog } from '../file/parse';
import { serializeBacklog } from '../file/serialize';
import type { ParseMessage } from '../text/messages';
import type { ChangeCount } from './backlogBranch';

/** What the merge did besides merging, for the person to hear about. */
export type SyncNote =
  /** The last synced state did not parse, so both sides were merged without it: nothing is lost, a deletion may come back. */
  | 'base-unreadable'
  /** The remote file held conflict markers (a hand merge of the branch); both sides in them were merged. */
  | 'theirs-repaired';

export type SyncMergeResult =
  | {
      ok: true;
      /** The merged file, in the canonical form; undefined when no version exists at all. */
      text: string | undefined;
      conflicts: MergeConflict[];
      notes: SyncNote[];
      /** What the merge changes on the remote: undefined when the remote has no file yet. */
      changes: ChangeCount | undefined;
    }
  | { ok: false; side: 'ours' | 'theirs'; line: number; column: number; message: ParseMessage };

/**
 * Merges for a sync. A missing working copy means "no local change" (a fresh clone, or a deleted file:
 * deleting the working copy never deletes the team's backlog); a missing remote file means "no remote
 * change". Only the base may be unreadable; the working copy and the remote file must parse.
 */
export function mergeForSync(base: string | undefined, ours: string | undefined, theirs: string | undefined): SyncMergeResult {
  const notes: SyncNote[] = [];
  let baseBacklog: Backlog | undefined;
  if (base !== undefined && base.trim() !== '') {
    const parsed = parseBacklog(base);
    if (parsed.ok) baseBacklog = parsed.backlog;
    else notes.push('base-unreadable');
  }
  let oursBacklog: Backlog | undefined;
  if (ours !== undefined) {
    const parsed = parseBacklog(ours);
    if (!parsed.ok) return { ok: false, side: 'ours', line: parsed.problem.line, column: parsed.problem.column, message: parsed.problem.message };
    oursBacklog = parsed.backlog;
  }
  let theirsBacklog: Backlog | undefined;
  if (theirs !== undefined) {
    let parsed = parseBacklog(theirs);
    if (!parsed.ok && parsed.problem.code === 'conflict') {
      const repaired = resolveConflictMarkers(theirs);
      if (repaired.ok) {
        notes.push('theirs-repaired');
        parsed = parseBacklog(repaired.text);
      }
    }
    if (!parsed.ok) return { ok: false, side: 'theirs', line: parsed.problem.line, column: parsed.problem.column, message: parsed.problem.message };
    theirsBacklog = parsed.backlog;
  }
  let merged: { backlog: Backlog; conflicts: MergeConflict[] } | undefined;
  if (oursBacklog && theirsBacklog) merged = mergeBacklogs(baseBacklog, oursBacklog, theirsBacklog);
  else if (oursBacklog) merged = baseBacklog ? mergeBacklogs(baseBacklog, oursBacklog, baseBacklog) : { backlog: oursBacklog, conflicts: [] };
  else if (theirsBacklog) merged = baseBacklog ? mergeBacklogs(baseBacklog, baseBacklog, theirsBacklog) : { backlog: theirsBacklog, conflicts: [] };
  else if (baseBacklog) merged = { backlog: baseBacklog, conflicts: [] };
  if (!merged) return { ok: true, text: undefined, conflicts: [], notes, changes: undefined };
  return {
    ok: true,
    text: serializeBacklog(merged.backlog),
    conflicts: merged.conflicts,
    notes,
    changes: theirsBacklog ? countChanges(theirsBacklog, merged.backlog) : undefined,
  };
}
