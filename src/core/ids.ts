import { ulid } from 'ulid';

const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * A fresh ULID. Each call draws new randomness (no monotonic factory), so ids made by
 * different people in the same millisecond neither collide nor reveal their order.
 */
export function newId(now: number = Date.now()): string {
  return ulid(now);
}

/** Same rule as the schema's `id` definition. */
export function isId(s: unknown): s is string {
  return typeof s === 'string' && ID_PATTERN.test(s);
}
