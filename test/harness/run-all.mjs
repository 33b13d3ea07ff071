// `npm test`: every layer in order, continuing past failures, then one summary line.
// Logs, the host workspace and code-server's state go to .cache/run/<timestamp>/.
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, createWriteStream, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { newRunDir, paths, runExtensionTests, startCodeServer } from './host.mjs';

const ROOT = paths.root;
const CI = Boolean(process.env.CI) && !['false', '0'].includes(process.env.CI);
const COLOR = !CI && process.stdout.isTTY === true && !process.env.NO_COLOR;
const MINUTE = 60_000;
// `STUPID_WORK_LAYERS=unit,host` runs only those layers (lint+typecheck, build, unit, git, host, browser, demo).
const ONLY = process.env.STUPID_WORK_LAYERS ? new Set(process.env.STUPID_WORK_LAYERS.split(',').map((s) => s.trim())) : undefined;
const wanted = (layer) => !ONLY || ONLY.has(layer);
// `STUPID_WORK_GREP=pattern` runs only the mocha tests whose titles match, in every layer.
const GREP = process.env.STUPID_WORK_GREP;

const runDir = newRunDir();
const resultsFile = join(runDir, 'results.jsonl');
// One line per test or check, for `npm run test:repeat`.
const testsFile = join(runDir, 'tests.jsonl');
const reporter = join(ROOT, 'test', 'harness', 'reporter.cjs');
const mochaBin = join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
const childEnv = { ...process.env, ...(COLOR ? { FORCE_COLOR: '1' } : { NO_COLOR: '1', FORCE_COLOR: '0' }) };

/** One row of the summary table per layer. */
const rows = [];

function heading(text) {
  console.log(`\n${COLOR ? `\x1b[1m== ${text}\x1b[0m` : `== ${text}`}`);
}

/** Runs a command with its output both on the terminal and in <runDir>/<log>.log; resolves with its exit code. */
function runLogged(log, command, args, { env = childEnv, timeoutMs = 10 * MINUTE } = {}) {
  return new Promise((resolve) => {
    const file = createWriteStream(join(runDir, `${log}.log`));
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      file.write(`\nkilled after ${timeoutMs / MINUTE} min\n`);
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      file.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      file.write(chunk);
    });
    child.on('error', (error) => {
      file.write(`${error.message}\n`);
      console.error(`${command}: ${error.message}`);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      file.end();
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

function seconds(started) {
  return (performance.now() - started) / 1000;
}

/** A check that is a single command: it passes or fails as one. */
async function check(layer, name, command, args, options) {
  heading(`${layer}: ${name}`);
  const started = performance.now();
  const code = await runLogged(name, command, args, options);
  appendFileSync(testsFile, `${JSON.stringify({ layer, title: name, state: code === 0 ? 'passed' : 'failed' })}\n`);
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0, seconds: seconds(started), failedTitles: code === 0 ? [] : [`${name} (exit ${code})`] };
}

function addRow(layer, parts) {
  const row = { layer, passed: 0, failed: 0, skipped: 0, seconds: 0, failedTitles: [], note: '' };
  for (const part of parts) {
    row.passed += part.passed;
    row.failed += part.failed;
    row.skipped += part.skipped;
    row.seconds += part.seconds;
    row.failedTitles.push(...part.failedTitles);
    if (part.note) row.note = part.note;
  }
  rows.push(row);
  return row;
}

/** Counts from the reporter's lines for a layer; a layer that exits without reporting counts as one failure. */
function collect(layer, code, started) {
  const lines = existsSync(resultsFile)
    ? readFileSync(resultsFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)).filter((r) => r.layer === layer)
    : [];
  const result = { passed: 0, failed: 0, skipped: 0, seconds: seconds(started), failedTitles: [], note: '' };
  for (const r of lines) {
    result.passed += r.passes;
    result.failed += r.failures;
    result.skipped += r.pending;
    result.failedTitles.push(...r.failedTitles);
  }
  if (lines.length === 0) {
    result.failed += 1;
    result.note = `crashed before reporting (exit ${code})`;
  } else if (code !== 0 && result.failed === 0) {
    result.failed += 1;
    result.note = `exited with ${code} after reporting`;
  }
  if (result.note) recordLayerFailure(layer, result.note);
  return result;
}

function recordLayerFailure(layer, note) {
  appendFileSync(testsFile, `${JSON.stringify({ layer, title: `(the layer itself: ${note})`, state: 'failed' })}\n`);
}

function notRun(reason, layer) {
  recordLayerFailure(layer, reason);
  return { passed: 0, failed: 1, skipped: 0, seconds: 0, failedTitles: [], note: reason };
}

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .sort();
}

async function mochaLayer(layer, dir, env = {}) {
  heading(layer);
  const started = performance.now();
  const files = testFiles(join(ROOT, dir));
  if (files.length === 0) {
    console.log(`no test files in ${dir}/`);
    return addRow(layer, [{ passed: 0, failed: 0, skipped: 0, seconds: 0, failedTitles: [], note: 'no test files' }]);
  }
  const args = [mochaBin, '--import=tsx', '--reporter', reporter, COLOR ? '--color' : '--no-color', '--timeout', '120000', ...(GREP ? ['--grep', GREP] : []), ...files];
  const code = await runLogged(layer, process.execPath, args, {
    env: { ...childEnv, ...env, STUPID_WORK_RESULTS: resultsFile, STUPID_WORK_TESTS: testsFile, STUPID_WORK_LAYER: layer },
    // The browser layer takes about 17 minutes on the 2-core CI machine (its hostile-board screenshots alone about 8).
    timeoutMs: 30 * MINUTE,
  });
  return addRow(layer, [collect(layer, code, started)]);
}

async function hostLayers(buildOk) {
  if (!buildOk) {
    addRow('host', [notRun('not run: build failed', 'host')]);
    addRow('browser', [notRun('not run: build failed', 'browser')]);
    return;
  }
  const ws = join(runDir, 'ws');
  cpSync(join(ROOT, 'test', 'fixtures', 'host-workspace'), ws, { recursive: true });
  const workspace = join(ws, 'stupid-work.code-workspace');
  heading('host: starting code-server');
  let server;
  try {
    server = await startCodeServer({ workspace, runDir: join(runDir, 'code-server') });
    console.log(`code-server at ${server.url} (log: ${relative(ROOT, server.logFile)})`);
  } catch (error) {
    console.error(error.message);
    addRow('host', [notRun('code-server did not start', 'host')]);
    addRow('browser', [notRun('code-server did not start', 'browser')]);
    return;
  }
  try {
    if (wanted('host')) await hostLayer(server, workspace);
    if (wanted('browser')) await mochaLayer('browser', 'test/browser', { STUPID_WORK_PORT: String(server.port), STUPID_WORK_WORKSPACE: workspace });
  } finally {
    await server.stop();
  }
}

/** The suites, and the workspace they were written for, of each extension-host run. */
const HOST_RUNS = [
  { suites: 'default', logDir: 'host-logs' },
  // A folder whose only backlog is at a custom path, opened alone, so activation is the extension's own doing.
  { suites: 'custom-data-file', fixture: 'custom-data-file-workspace', logDir: 'host-logs-custom-data-file' },
];

async function hostLayer(server, workspace) {
  heading('host');
  const started = performance.now();
  let code = 0;
  for (const run of HOST_RUNS) {
    let opened = workspace;
    if (run.fixture) {
      opened = join(runDir, `ws-${run.suites}`);
      cpSync(join(ROOT, 'test', 'fixtures', run.fixture), opened, { recursive: true });
    }
    try {
      const exit = await runExtensionTests({
        port: server.port,
        workspace: opened,
        testsModule: join(ROOT, 'dist', 'test', 'host.js'),
        env: {
          STUPID_WORK_RESULTS: resultsFile,
          STUPID_WORK_TESTS: testsFile,
          STUPID_WORK_LAYER: 'host',
          STUPID_WORK_WORKSPACE: opened,
          STUPID_WORK_HOST_SUITES: run.suites,
          ...(GREP ? { STUPID_WORK_GREP: GREP } : {}),
          // mocha colours its symbols from the environment, whatever its `color` option says.
          ...(COLOR ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' }),
        },
        timeoutMs: 5 * MINUTE,
        logDir: join(runDir, run.logDir),
      });
      code ||= exit;
    } catch (error) {
      console.error(error.stack ?? error);
      code ||= 1;
    }
  }
  addRow('host', [collect('host', code, started)]);
}

function printSummary(started) {
  const header = ['layer', 'passed', 'failed', 'skipped', 'time', ''];
  const table = rows.map((r) => [r.layer, String(r.passed), String(r.failed), String(r.skipped), `${r.seconds.toFixed(1)}s`, r.note]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 || i === 5 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  heading('summary');
  console.log(line(header));
  for (const row of table) console.log(line(row));
  const failedTitles = rows.flatMap((r) => r.failedTitles.map((t) => `${r.layer}: ${t}`));
  if (failedTitles.length > 0) {
    console.log('\nfailed:');
    for (const title of failedTitles) console.log(`  ${title}`);
  }
  console.log(`\nlogs: ${relative(ROOT, runDir)}/  (${seconds(started).toFixed(0)}s in all)`);
  const total = (key) => rows.reduce((sum, r) => sum + r[key], 0);
  const skipped = total('skipped');
  console.log(`${total('passed')} passed, ${total('failed')} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  return total('failed');
}

async function main() {
  const started = performance.now();
  if (wanted('lint+typecheck')) {
    addRow('lint+typecheck', [
      await check('lint+typecheck', 'eslint', bin('eslint'), ['.', ...(COLOR ? [] : ['--no-color'])]),
      await check('lint+typecheck', 'tsc', bin('tsc'), ['-p', '.', '--pretty', String(COLOR)]),
    ]);
  }
  const build = addRow('build', [await check('build', 'esbuild', process.execPath, ['esbuild.mjs'])]);
  if (wanted('unit')) await mochaLayer('unit', 'test/unit');
  if (wanted('git')) await mochaLayer('git', 'test/git');
  if (wanted('host') || wanted('browser')) await hostLayers(build.failed === 0);
  // The Quick start's other command, run headless: the demo workspace opens with its backlog.
  if (wanted('demo')) addRow('demo', [await check('demo', 'demo', process.execPath, [join(ROOT, 'test', 'demo', 'run-demo.mjs'), '--check'])]);
  const failed = printSummary(started);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
