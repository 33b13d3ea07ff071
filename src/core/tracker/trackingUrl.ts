/**
 * The rule for a decision's tracking link: one absolute `https` URL, as the design's security notes
 * allow only `https` links to leave the editor. Pure: the UI checks with it before it stores or opens one.
 */
import type { TrackerMessage } from '../text/messages';

/** Longer than any issue address a hosting site makes, short enough to keep the file readable; the schema holds the same limit. */
export const MAX_TRACKING_URL_LENGTH = 2000;

/** A URL that may be stored and opened, normalised as WHATWG URL writes it, or why it may not. */
export type TrackingUrlCheck = { ok: true; url: string } | { ok: false; message: TrackerMessage };

/**
 * Checks pasted text as a tracking link: trimmed, at most `MAX_TRACKING_URL_LENGTH` characters, an
 * absolute URL (WHATWG URL Standard) with the `https` scheme and a host, and no user name or password,
 * which would put a credential into the shared file. Empty text is refused too; removing a link is a
 * separate action.
 */
export function checkTrackingUrl(text: string): TrackingUrlCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: { code: 'tracker.emptyUrl' } };
  if (trimmed.length > MAX_TRACKING_URL_LENGTH) return { ok: false, message: { code: 'tracker.urlTooLong', length: trimmed.length, limit: MAX_TRACKING_URL_LENGTH } };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: { code: 'tracker.notAUrl' } };
  }
  if (url.protocol !== 'https:') return { ok: false, message: { code: 'tracker.notHttps', scheme: url.protocol.replace(/:$/, '') } };
  if (url.hostname === '') return { ok: false, message: { code: 'tracker.notAUrl' } };
  if (url.username !== '' || url.password !== '') return { ok: false, message: { code: 'tracker.credentials' } };
  const normalised = url.href;
  if (normalised.length > MAX_TRACKING_URL_LENGTH) return { ok: false, message: { code: 'tracker.urlTooLong', length: normalised.length, limit: MAX_TRACKING_URL_LENGTH } };
  return { ok: true, url: normalised };
}

/** Whether a stored link may be opened: the same rule as for storing one, since the file may have been edited by hand. */
export function isOpenableTrackingUrl(text: string | undefined): text is string {
  return text !== undefined && checkTrackingUrl(text).ok;
}
