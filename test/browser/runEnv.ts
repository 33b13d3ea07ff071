import * as assert from 'node:assert/strict';

/** The browser layer runs from `npm test`, which hands it the code-server it started. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  assert.ok(value, `${name} is set (the browser layer runs from npm test, against its code-server)`);
  return value;
}
