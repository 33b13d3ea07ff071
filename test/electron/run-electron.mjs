// The extension-host suites (dist/test/host.js) in desktop VS Code through @vscode/test-electron.
// It downloads VS Code unless VSCODE_EXECUTABLE names an installed one; `npm test` runs the same
// suites in code-server, which works offline.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TestRunFailedError, runTests } from '@vscode/test-electron';
import { newRunDir, paths } from '../harness/host.mjs';

const ROOT = paths.root;
const NETWORK = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up|getaddrinfo|certificate|fetch failed/i;

function summary(resultsFile) {
  if (!existsSync(resultsFile)) return undefined;
  const lines = readFileSync(resultsFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const sum = (key) => lines.reduce((total, r) => total + r[key], 0);
  const skipped = sum('pending');
  return `${sum('passes')} passed, ${sum('failures')} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

async function main() {
  const testsModule = join(ROOT, 'dist', 'test', 'host.js');
  if (!existsSync(testsModule)) {
    console.error(`${relative(ROOT, testsModule)} is missing; build first: node esbuild.mjs`);
    return 1;
  }
  const runDir = newRunDir('electron');
  const ws = join(runDir, 'ws');
  cpSync(join(ROOT, 'test', 'fixtures', 'host-workspace'), ws, { recursive: true });
  // The same two runs as `npm test`: the usual workspace, then a folder whose only backlog is at a custom path.
  const customDataFile = join(runDir, 'ws-custom-data-file');
  cpSync(join(ROOT, 'test', 'fixtures', 'custom-data-file-workspace'), customDataFile, { recursive: true });
  const runs = [
    { workspace: join(ws, 'stupid-work.code-workspace'), suites: 'default' },
    { workspace: customDataFile, suites: 'custom-data-file' },
  ];
  const resultsFile = join(runDir, 'results.jsonl');
  const executable = process.env.VSCODE_EXECUTABLE;
  console.log(executable ? `VS Code: ${executable}` : 'VS Code: downloading the current stable build (set VSCODE_EXECUTABLE to use an installed one)');
  try {
    for (const { workspace, suites } of runs) {
      await runTests({
        ...(executable ? { vscodeExecutablePath: executable } : { cachePath: join(paths.cacheDir, 'vscode-test') }),
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: testsModule,
        extensionTestsEnv: { STUPID_WORK_RESULTS: resultsFile, STUPID_WORK_LAYER: 'electron', STUPID_WORK_WORKSPACE: workspace, STUPID_WORK_HOST_SUITES: suites },
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      });
    }
  } catch (error) {
    if (error instanceof TestRunFailedError) {
      console.error(summary(resultsFile) ?? `VS Code exited with ${error.code ?? error.signal} before the suites reported`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (!executable && NETWORK.test(`${message} ${error?.cause?.message ?? ''}`)) {
      console.error(`Could not download VS Code: ${message}\n` +
        'This runner needs to reach the VS Code download service. Set VSCODE_EXECUTABLE=/path/to/code to use an installed VS Code,\n' +
        'or run `npm test`, which runs the same suites in code-server without downloading anything.');
    } else {
      console.error(`VS Code could not run the suites: ${error instanceof Error ? (error.stack ?? message) : message}`);
    }
    return 1;
  }
  console.log(summary(resultsFile) ?? 'VS Code exited cleanly but the suites did not report');
  return existsSync(resultsFile) ? 0 : 1;
}

process.exitCode = await main();
