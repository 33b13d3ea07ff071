/** Ids that every machine derives alike from the same hand-written record. */
import { createHash } from 'node:crypto';
import { canonical } from '../file/serialize';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID-shaped id (26 characters of Crockford base 32) for a record that was written without one:
 * the first 10 characters carry `time` (milliseconds since the epoch, clamped to ULID's 48 bits), the
 * other 16 are 80 bits of SHA-256 over the record's canonical JSON and its `position` (for example
 * `entries[3]`). Two clones that migrate the same file get the same ids, so their edits merge into
 * one entry instead of two copies; two records get the same id only if they are equal and at the
 * same place.
 */
export function contentId(record: unknown, position: string, time: number): string {
  let t = Math.min(Math.max(0, Math.floor(Number.isFinite(time) ? time : 0)), 2 ** 48 - 1);
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = CROCKFORD[t % 32] + head;
    t = Math.floor(t / 32);
  }
  const digest = createHash('sha256').update(position).update('\u0000').update(JSON.stringify(canonical(record)) ?? '').digest();
  let tail = '';
  for (let i = 0; i < 16; i++) tail += CROCKFORD[digest[i] & 31];
  return head + tail;
}
