/** Setting or removing a decision's tracking link: the change to the backlog, pure and deterministic given `now`. */
import { stamp } from '../model/anonymity';
import type { Backlog, Decision, Entry } from '../model/model';
import { plainText } from '../text/inertText';
import type { TrackerMessage } from '../text/messages';
import { checkTrackingUrl } from './trackingUrl';

/** A changed backlog, or the refusal as a message the UI renders. */
export type TrackingChange = { ok: true; backlog: Backlog; changed: boolean } | { ok: false; message: TrackerMessage };

function titleOf(e: Entry): string {
  return plainText(e.title, 60);
}

/**
 * Sets (a URL) or removes (`undefined`) the tracking link of `entryId`'s decision. Refused when the
 * entry is gone, has no decision or is archived, and for a URL `checkTrackingUrl` refuses. The entry's
 * `updated` moves on (coarsened to the day for an anonymous entry), so the merge orders a teammate's
 * concurrent change of the link against this one; setting the link it already has changes nothing.
 */
export function setTrackingLink(b: Backlog, entryId: string, url: string | undefined, now: Date): TrackingChange {
  const e = b.entries.find((x) => x.id === entryId);
  if (!e) return { ok: false, message: { code: 'tracker.missing', entryId } };
  if (!e.decision) return { ok: false, message: { code: 'tracker.noDecision', title: titleOf(e) } };
  if (e.status === 'archived') return { ok: false, message: { code: 'tracker.archived', title: titleOf(e) } };
  let next: string | undefined;
  if (url !== undefined) {
    const checked = checkTrackingUrl(url);
    if (!checked.ok) return checked;
    next = checked.url;
  }
  if (e.decision.trackingUrl === next) return { ok: true, backlog: b, changed: false };
  const decision: Decision = { ...e.decision };
  if (next === undefined) delete decision.trackingUrl;
  else decision.trackingUrl = next;
  const entry: Entry = { ...e, decision, updated: stamp(now, e.author === undefined) };
  return { ok: true, backlog: { ...b, entries: b.entries.map((x) => (x.id === entryId ? entry : x)) }, changed: true };
}
