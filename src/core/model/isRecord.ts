/**
 * True for a plain JSON-style object: not null and not an array. The one check before reading fields
 * of anything untrusted (a parsed file, a message from a webview), so each reader can then test
 * field by field.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
