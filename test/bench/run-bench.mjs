// `npm run bench`: every figure is a ratio against a baseline measured in the same run, so the
// table means the same on a laptop and on a loaded CI machine.
//   core:       test/bench/core.bench.ts (load and save against plain JSON), in its own Node process
//   activation: Stupid Work's activate() against an empty extension's, in a real extension host
//   board:      test/bench/boardRender.bench.ts (Retro Board first render, 10,000 entries against 100, and against the
//               boards of two earlier commits; each webview's script and style bytes against theirs), then
//               test/bench/logRender.bench.ts (the Log form's first render against the native-control form), in Chromium
//   live:       test/bench/liveRetro.bench.ts (5, 10 and 20 clones voting: p95 time for a vote to reach all, against two intervals)
//   cli:        test/bench/cli.bench.ts (stupid-work check, report and list on 10,000 entries, against node -e JSON.parse of the file)
//   package:    the size of the .vsix and of each file the production build writes
// `npm run bench -- activation package` measures only the figures named.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { newRunDir, paths, runExtensionTests, startCodeServer } from '../harness/host.mjs';

const ROOT = paths.root;
const CORE_BENCH = join(ROOT, 'test', 'bench', 'core.bench.ts');
const SYNC_BENCH = join(ROOT, 'test', 'bench', 'sync.bench.ts');
const LIVE_RETRO_BENCH = join(ROOT, 'test', 'bench', 'liveRetro.bench.ts');
const PROBE = join(ROOT, 'test', 'bench', 'activation-probe.cjs');
const BOARD_BENCH = join(ROOT, 'test', 'bench', 'boardRender.bench.ts');
const LOG_BENCH = join(ROOT, 'test', 'bench', 'logRender.bench.ts');
const CODE_LINK_BENCH = join(ROOT, 'test', 'bench', 'codeLinks.bench.ts');
const CLI_BENCH = join(ROOT, 'test', 'bench', 'cli.bench.ts');
const EMPTY_EXTENSION = join(ROOT, 'test', 'fixtures', 'empty-extension');
const ACTIVATION_RUNS = 5;
const ACTIVATION_TARGET = 1.2;
const PACKAGE_TARGET_KB = 300;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// The child imports every module before running any, then prints all figures as one JSON line last.
const CHILD_SCRIPT = `
const runs = [];
for (const [href, name] of JSON.parse(process.argv[1])) {
  const bench = await import(href);
  // tsx loads a .ts file of a CommonJS package as CommonJS: its exports may sit on \`default\`.
  runs.push(bench[name] ?? bench.default[name]);
}
const figures = [];
for (const run of runs) figures.push(...(await run()));
process.stdout.write(\`\\n\${JSON.stringify(figures)}\\n\`);
`;

/** Runs bench functions, given as [file, export name], in a child Node process, so no other benchmark shares its CPU time. */
function figuresFromChild(label, benches) {
  const specs = benches.map(([file, name]) => [pathToFileURL(file).href, name]);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', CHILD_SCRIPT, JSON.stringify(specs)], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 10 * 60_000,
  });
  const last = result.stdout.trimEnd().split('\n').pop() ?? '';
  if (result.status !== 0 || !last.startsWith('[')) {
    throw new Error(`${label} bench failed (exit ${result.status ?? result.signal}):\n${result.stdout}`);
  }
  return JSON.parse(last);
}

/** The core figures, in their own process so the host benchmark's servers never share their CPU time. */
function coreFigures() {
  if (!existsSync(CORE_BENCH)) {
    console.log(`core: ${relative(ROOT, CORE_BENCH)} does not exist yet, so there are no core figures`);
    return [];
  }
  return figuresFromChild('core', [
    [CORE_BENCH, 'runCoreBench'],
    [SYNC_BENCH, 'runSyncBench'],
    [CODE_LINK_BENCH, 'runCodeLinkBench'],
  ]);
}

/** The live retro simulation, alone in its process: its clones' git commands are what it measures. */
function liveRetroFigures() {
  return figuresFromChild('live retro', [[LIVE_RETRO_BENCH, 'runLiveRetroBench']]);
}

/** The board figures, in their own process too; the bench drives its own Chromium. */
function boardFigures() {
  return figuresFromChild('board', [
    [BOARD_BENCH, 'runBoardRenderBench'],
    [LOG_BENCH, 'runLogRenderBench'],
  ]);
}

/**
 * A copy of the built extension that activates only when asked. The manifest also activates at start-up
 * (`onStartupFinished`, for Sync's status in a fresh clone) and when VS Code's JSON support reads the
 * schema registry (`onFileSystem:`), either of which would run activate() before the probe could time
 * it; the copy's code is the same, so its activate() costs the same.
 */
function onDemandCopy(runDir) {
  const copy = join(runDir, 'stupid-work');
  for (const part of ['dist', 'media', 'package.nls.json']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  manifest.activationEvents = manifest.activationEvents.filter((event) => event !== 'onStartupFinished' && !event.startsWith('onFileSystem:'));
  delete manifest.contributes.jsonValidationRegistry;
  writeFileSync(join(copy, 'package.json'), JSON.stringify(manifest, null, 2));
  return copy;
}

/**
 * One fresh code-server on an empty folder, so nothing has activated either extension before the probe.
 * The workbench keeps only the last `extensionDevelopmentPath` of its payload, so the empty extension is
 * installed by copying it into the new extensions folder, which is read as is while it has no extensions.json.
 */
async function activationRun(index) {
  const runDir = newRunDir(`bench-activation-${index}`);
  const workspace = join(runDir, 'empty-folder');
  mkdirSync(workspace, { recursive: true });
  const extensionsDir = join(runDir, 'extensions');
  cpSync(EMPTY_EXTENSION, join(extensionsDir, 'stupid-work-bench.empty-extension-0.0.0'), { recursive: true });
  const out = join(runDir, 'activation.json');
  const server = await startCodeServer({ workspace, runDir: join(runDir, 'code-server'), extensionsDir });
  try {
    const code = await runExtensionTests({
      port: server.port,
      workspace,
      testsModule: PROBE,
      extensionDevelopmentPaths: [onDemandCopy(runDir)],
      env: { STUPID_WORK_BENCH_OUT: out },
      timeoutMs: 3 * 60_000,
      logDir: join(runDir, 'host-logs'),
      quiet: true,
    });
    if (code !== 0 || !existsSync(out)) throw new Error(`activation probe failed (exit ${code}); logs in ${relative(ROOT, runDir)}`);
    const timing = JSON.parse(readFileSync(out, 'utf8'));
    const split = (total, load, activate) => `${total.toFixed(1)} ms (load ${load.toFixed(2)}, activate() ${activate.toFixed(2)}, host ${(total - load - activate).toFixed(1)})`;
    console.log(
      `activation run ${index}: ${(timing.ms / timing.baselineMs).toFixed(2)}×: ${split(timing.ms, timing.loadMs, timing.activateMs)}, ` +
        `empty extension ${split(timing.baselineMs, timing.baselineLoadMs, timing.baselineActivateMs)}; ` +
        `deferred start after it ${timing.deferredStartMs.toFixed(1)} ms`,
    );
    return timing;
  } finally {
    await server.stop();
  }
}

function productionBuild() {
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the extension does not build (node esbuild.mjs --production failed)');
}

/**
 * Activation, median of the runs, with where its time goes: the require of dist/extension.js, the
 * activate() call, and the rest, which is the extension host's own work (the extension's context,
 * its storage) and costs the empty extension the same.
 */
async function activationFigure() {
  productionBuild();
  const bundle = statSync(join(ROOT, 'dist', 'extension.js')).size;
  const runs = [];
  for (let i = 1; i <= ACTIVATION_RUNS; i++) runs.push(await activationRun(i));
  const at = (key) => median(runs.map((r) => r[key]));
  const ms = at('ms');
  const baselineMs = at('baselineMs');
  console.log(`activation bundle dist/extension.js: ${(bundle / 1024).toFixed(1)} KB`);
  console.log(`  medians: load (require) ${at('loadMs').toFixed(2)} ms, empty extension ${at('baselineLoadMs').toFixed(2)} ms`);
  console.log(`           activate()     ${at('activateMs').toFixed(2)} ms, empty extension ${at('baselineActivateMs').toFixed(2)} ms`);
  console.log(`           host's own work ${(ms - at('loadMs') - at('activateMs')).toFixed(1)} ms, empty extension ${(baselineMs - at('baselineLoadMs') - at('baselineActivateMs')).toFixed(1)} ms`);
  console.log(`           deferred start, after activation ${at('deferredStartMs').toFixed(1)} ms`);
  // The ratio is the median of each run's ratio: a run's two activations are moments apart in one host,
  // so their ratio holds while the machine's load swings between runs.
  const ratio = median(runs.map((r) => r.ms / r.baselineMs));
  return { name: `activation (vs empty extension, median of ${ACTIVATION_RUNS})`, ms, baselineMs, ratio, target: ACTIVATION_TARGET };
}

/** The command line's figures, on the production build, in their own process: each command is a Node process of its own. */
function cliFigures() {
  productionBuild();
  return figuresFromChild('cli', [[CLI_BENCH, 'runCliBench']]);
}

/** The .vsix as `npm run package` builds it, and each file of the production build, from esbuild's metafile. */
function packageFigures() {
  productionBuild();
  const { outputs } = JSON.parse(readFileSync(join(ROOT, 'dist', 'meta.json'), 'utf8'));
  for (const [file, { bytes }] of Object.entries(outputs).filter(([file]) => file.endsWith('.js')).sort(([, a], [, b]) => b.bytes - a.bytes)) {
    console.log(`  ${file.padEnd(32)} ${(bytes / 1024).toFixed(1).padStart(6)} KB`);
  }
  const vsix = join(newRunDir('bench-package'), 'stupid-work.vsix');
  const vsce = join(ROOT, 'node_modules', '.bin', 'vsce');
  const options = ['--no-dependencies', '--skip-license', '--allow-missing-repository', '--no-rewrite-relative-links'];
  const packaged = spawnSync(vsce, ['package', ...options, '--out', vsix], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (packaged.status !== 0) throw new Error('vsce package failed');
  const kb = statSync(vsix).size / 1024;
  console.log(`  ${'stupid-work.vsix'.padEnd(32)} ${kb.toFixed(1).padStart(6)} KB`);
  return { name: 'package (.vsix)', unit: 'KB', ms: kb, target: PACKAGE_TARGET_KB };
}

/** A figure with a baseline is held to a ratio; one with a unit (the package size) to an absolute limit. */
function withinTarget(f) {
  return f.target === undefined || (f.unit && f.ratio === undefined ? f.ms <= f.target : f.ratio <= f.target);
}

function printTable(figures) {
  const header = ['name', 'ms', 'baseline ms', 'ratio', 'target', ''];
  const rows = figures.map((f) => {
    const verdict = f.target === undefined ? '' : withinTarget(f) ? 'ok' : 'over';
    if (f.unit && f.ratio === undefined) return [f.name, `${f.ms.toFixed(1)} ${f.unit}`, '', '', `≤ ${f.target} ${f.unit}`, verdict];
    if (f.unit) return [f.name, `${f.ms.toFixed(1)} ${f.unit}`, `${f.baselineMs.toFixed(1)} ${f.unit}`, `${f.ratio.toFixed(2)}×`, `≤ ${f.target}×`, verdict];
    return [f.name, f.ms.toFixed(1), f.baselineMs.toFixed(1), `${f.ratio.toFixed(2)}×`, f.target === undefined ? '' : `≤ ${f.target}×`, verdict];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 || i === 5 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  console.log(`\n${line(header)}`);
  for (const row of rows) console.log(line(row));
}

async function main() {
  const figures = [];
  let failed = false;
  const all = [['core', coreFigures], ['activation', activationFigure], ['live', liveRetroFigures], ['board', boardFigures], ['cli', cliFigures], ['package', packageFigures]];
  const named = process.argv.slice(2);
  const unknown = named.filter((name) => !all.some(([label]) => label === name));
  if (unknown.length > 0) throw new Error(`no such figures: ${unknown.join(', ')} (there are ${all.map(([label]) => label).join(', ')})`);
  for (const [label, measure] of all.filter(([label]) => named.length === 0 || named.includes(label))) {
    console.log(`== ${label}`);
    try {
      const result = await measure();
      figures.push(...(Array.isArray(result) ? result : [result]));
    } catch (error) {
      console.error(`${label}: ${error.message}`);
      failed = true;
    }
  }
  printTable(figures);
  const over = figures.filter((f) => !withinTarget(f));
  return failed || over.length > 0 ? 1 : 0;
}

process.exitCode = await main();
