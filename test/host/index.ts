// Entry point the extension host calls for `extensionTestsPath`, as with @vscode/test-electron.
import * as path from 'node:path';
import Mocha from 'mocha';
import { ourRoots, routeUncaught, setActiveRoute } from './uncaughtFilter';

export async function run(): Promise<void> {
  // This file is bundled to dist/test/host.js.
  const root = path.resolve(__dirname, '..', '..');
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: path.join(root, 'test', 'harness', 'reporter.cjs'), grep: process.env.STUPID_WORK_GREP });
  // Defines describe/it as globals before the suites are evaluated.
  mocha.suite.emit('pre-require', globalThis, 'host', mocha);
  // STUPID_WORK_HOST_SUITES picks the suites written for the workspace the harness opened.
  if (process.env.STUPID_WORK_HOST_SUITES === 'custom-data-file') {
    await import('./customDataFileSuites');
  } else {
    await import('./suites');
  }
  const failures = await new Promise<number>((resolve) => {
    setActiveRoute(routeUncaught(() => mocha.run(resolve), ourRoots(root), (message) => console.warn(message)));
  });
  if (failures > 0) {
    throw new Error(`${failures} extension-host test(s) failed`);
  }
}

