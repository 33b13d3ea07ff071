import assert from 'node:assert/strict';
import { classifyUncaught, ourRoots } from '../host/uncaughtFilter';

describe('telling our uncaught errors from other extensions\' in the extension host', () => {
  const roots = ourRoots('/repo');
  const withStack = (stack: string) => Object.assign(new Error('x'), { stack });

  it('calls an error ours when any frame is in our bundles, tests or packages', () => {
    const stack = 'Error: x\n    at Timeout._onTimeout (/repo/dist/test/host.js:10:5)\n    at listOnTimeout (node:internal/timers:581:17)';
    assert.deepEqual(classifyUncaught(withStack(stack), roots), { kind: 'ours' });
    const viaUrl = 'Error: x\n    at async run (file:///repo/dist/extension.js:3:9)';
    assert.deepEqual(classifyUncaught(withStack(viaUrl), roots), { kind: 'ours' });
  });

  it('calls it foreign when every frame is elsewhere, such as VS Code\'s git extension under .cache/', () => {
    const stack = 'Error: write EPIPE\n    at afterWriteDispatched (node:internal/stream_base_commons:161:15)\n    at checkIgnore (/repo/.cache/vscode-host/cs/lib/vscode/extensions/git/dist/main.js:2:300)';
    assert.deepEqual(classifyUncaught(withStack(stack), roots), { kind: 'foreign', location: '/repo/.cache/vscode-host/cs/lib/vscode/extensions/git/dist/main.js' });
  });

  it('leaves an error with no file frames unknown, so the caller does not hide it', () => {
    assert.deepEqual(classifyUncaught(withStack('Error: x\n    at node:internal/timers:581:17'), roots), { kind: 'unknown' });
    assert.deepEqual(classifyUncaught('a thrown string', roots), { kind: 'unknown' });
  });
});
