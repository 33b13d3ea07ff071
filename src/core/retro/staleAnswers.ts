/** The answers to "Still happening?" about a stale entry, as changes to the backlog. Pure. */
import { touch } from '../model/anonymity';
import { archiveEntry } from '../model/entries';
import type { Backlog, Entry } from '../model/model';
import type { Change } from './retro';

function changed(b: Backlog, next: Entry): Change {
  return { ok: true, backlog: { ...b, entries: b.entries.map((e) => (e.id === next.id ? next : e)) } };
}

/** "Yes": the entry is touched, so it is no longer stale; its time stays coarse when it is anonymous. */
export function stillHappening(b: Backlog, entryId: string, now: Date): Change {
  const e = b.entries.find((x) => x.id === entryId);
  if (!e) return { ok: false, message: { code: 'retro.missing', entryId } };
  return changed(b, touch(e, now));
}

/**
 * "No, it stopped": the entry is archived with `archivedReason: 'stopped'`, so the board and the
 * file say why it left. An entry already archived (a teammate was quicker) is left as it is.
 */
export function stoppedHappening(b: Backlog, entryId: string, now: Date): Change {
  const e = b.entries.find((x) => x.id === entryId);
  if (!e) return { ok: false, message: { code: 'retro.missing', entryId } };
  if (e.status === 'archived') return { ok: true, backlog: b };
  return changed(b, { ...archiveEntry(e, now), archivedReason: 'stopped' });
}
