// Golden files are compared byte for byte. After an intended change to an output, refresh them with
// `STUPID_WORK_UPDATE_GOLDEN=1 npx mocha --import=tsx test/unit/<suite>.test.ts` and review the diff.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const GOLDEN = path.join(__dirname, 'golden');
const UPDATE = process.env.STUPID_WORK_UPDATE_GOLDEN === '1';

export function matchesGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `${file} is missing; run with STUPID_WORK_UPDATE_GOLDEN=1 to write it`);
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from its golden file`);
}

/** Shows every invisible or control character as \u{…}, so a golden file can be read and reviewed. */
export function visible(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00A0\u2000-\u200A\u3000]/gu, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`);
}
