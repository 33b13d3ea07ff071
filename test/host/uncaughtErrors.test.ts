import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runInThisContext } from 'node:vm';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { activeRoute, ourRoots, routeUncaught } from './uncaughtFilter';

/** Runs `tests` in a mocha runner of their own, routed like the real run; resolves with failures and logged foreign errors. */
async function runNested(tests: Mocha.Test[]): Promise<{ failures: string[]; logged: string[] }> {
  const nested = new Mocha({ reporter: Mocha.reporters.Base, timeout: 3000 });
  const suite = Mocha.Suite.create(nested.suite, 'nested');
  for (const test of tests) suite.addTest(test);
  const failures: string[] = [];
  const logged: string[] = [];
  const outer = activeRoute();
  // The outer run's route would claim the nested errors (they come from this very file) for this test.
  outer?.pause();
  try {
    await new Promise<void>((resolve) => {
      const start = () => nested.run(() => resolve()).on('fail', (test, error: Error) => failures.push(`${test.title}: ${error.message}`));
      routeUncaught(start, ourRoots(path.resolve(__dirname, '..', '..')), (message) => logged.push(message));
    });
  } finally {
    outer?.resume();
  }
  return { failures, logged };
}

describe('uncaught errors in the extension host', function () {
  this.timeout(30000);

  it('fail the running test when our code throws them, and are only logged when another extension does', async () => {
    const git = vscode.extensions.getExtension('vscode.git');
    assert.ok(git, 'VS Code\'s git extension is installed');
    const gitMain = path.join(git.extensionPath, 'dist', 'main.js');
    const { failures, logged } = await runNested([
      // No done(): if the error were not routed to mocha, the test would time out with another message.
      new Mocha.Test('our code throws', function (_done) {
        setTimeout(() => {
          throw new Error('deliberate error from our code');
        }, 0);
      }),
      new Mocha.Test('the git extension throws', (done) => {
        runInThisContext('setTimeout(() => { throw new Error("write EPIPE"); }, 0);', { filename: gitMain });
        setTimeout(done, 300);
      }),
    ]);
    assert.deepEqual(failures, ['our code throws: deliberate error from our code']);
    assert.equal(logged.length, 1, logged.join('\n'));
    assert.match(logged[0], /write EPIPE/);
    assert.ok(logged[0].includes(gitMain), `the log names where it came from: ${logged[0]}`);
  });
});
