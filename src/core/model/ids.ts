const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A fresh ULID: 48 bits of milliseconds, then 80 random bits, in Crockford base 32. Each call draws
 * new randomness (no monotonic counter), so ids made by different people in the same millisecond
 * neither collide nor reveal their order. Written here rather than imported because the `ulid`
 * package loads Node's crypto module at startup; Web Crypto is available in Node and webviews alike.
 */
export function newId(now: number = Date.now()): string {
  let time = Math.max(0, Math.floor(now));
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = CROCKFORD[time % 32] + head;
    time = Math.floor(time / 32);
  }
  const random = globalThis.crypto.getRandomValues(new Uint8Array(16));
  let tail = '';
  for (const byte of random) {
    tail += CROCKFORD[byte & 31];
  }
  return head + tail;
}

/** Same rule as the schema's `id` definition. */
export function isId(s: unknown): s is string {
  return typeof s === 'string' && ID_PATTERN.test(s);
}
