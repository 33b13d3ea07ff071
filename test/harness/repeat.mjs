// `npm run test:repeat -- --runs 5 [--clean-clone] [--reuse-host-cache]`: runs the whole suite N times and
// counts, per test, how often it failed, to tell a flaky test from a broken one.
//   --clean-clone       each run starts from a fresh `git clone` of HEAD and runs `bash .ci/run` with CI=true,
//                       as CI does (uncommitted changes are not in it)
//   --reuse-host-cache  with --clean-clone, link this checkout's .cache/vscode-host (Node 24, code-server)
//                       into each clone instead of installing it again; npm and apt steps still run
// Layers and tests can be narrowed as for `npm test`, with STUPID_WORK_LAYERS and STUPID_WORK_GREP.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { paths } from './host.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'clean-clone': { type: 'boolean', default: false },
    'reuse-host-cache': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a whole number of at least 1, not ${values.runs}`);
  process.exit(2);
}
const ROOT = paths.root;
const reportDir = join(ROOT, '.cache', 'repeat', new Date().toISOString().replace(/[:.]/g, '-'));
mkdirSync(reportDir, { recursive: true });

function exec(command, args, { cwd, env, log }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('close', (code) => {
      writeFileSync(log, Buffer.concat(chunks));
      resolve(code ?? 1);
    });
  });
}

/** The newest run folder under `<checkout>/.cache/run/`, which the test runner made for this run. */
function newestRun(checkout) {
  const dir = join(checkout, '.cache', 'run');
  if (!existsSync(dir)) return undefined;
  const names = readdirSync(dir).filter((name) => /^\d{4}-/.test(name) && !name.includes('-', 24)).sort();
  return names.length ? join(dir, names.at(-1)) : undefined;
}

function readTests(runDir) {
  const file = runDir && join(runDir, 'tests.jsonl');
  if (!file || !existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

async function runOnce(index) {
  const log = join(reportDir, `run-${index}.log`);
  let checkout = ROOT;
  let code;
  const started = performance.now();
  if (values['clean-clone']) {
    checkout = join(tmpdir(), `stupid-work-repeat-${process.pid}-${index}`);
    rmSync(checkout, { recursive: true, force: true });
    await exec('git', ['clone', '-q', ROOT, checkout], { cwd: ROOT, env: process.env, log });
    if (values['reuse-host-cache']) {
      mkdirSync(join(checkout, '.cache'), { recursive: true });
      symlinkSync(paths.hostCacheDir, join(checkout, '.cache', 'vscode-host'));
    }
    code = await exec('bash', ['.ci/run'], { cwd: checkout, env: { ...process.env, CI: 'true' }, log });
  } else {
    code = await exec(process.execPath, [join(ROOT, 'test', 'harness', 'run-all.mjs')], { cwd: ROOT, env: process.env, log });
  }
  const runDir = newestRun(checkout);
  const tests = readTests(runDir);
  const lastLine = readFileSync(log, 'utf8').trimEnd().split('\n').at(-1);
  // A failed run's logs and screenshots outlive its clone, to read the failure by.
  if (code !== 0 && values['clean-clone']) {
    if (runDir) cpSync(runDir, join(reportDir, `run-${index}`, 'run'), { recursive: true, filter: (source) => !source.includes(`${join('code-server', 'extensions')}`) });
    if (existsSync(join(checkout, 'test-results'))) cpSync(join(checkout, 'test-results'), join(reportDir, `run-${index}`, 'test-results'), { recursive: true });
  }
  if (values['clean-clone']) rmSync(checkout, { recursive: true, force: true });
  return { index, code, seconds: (performance.now() - started) / 1000, tests, lastLine };
}

const results = [];
for (let i = 1; i <= runs; i++) {
  const result = await runOnce(i);
  results.push(result);
  console.log(`run ${i}/${runs}: exit ${result.code} in ${result.seconds.toFixed(0)}s: ${result.lastLine}`);
}

const perTest = new Map();
for (const { tests } of results) {
  for (const { layer, title, state } of tests) {
    const key = `${layer}: ${title}`;
    const counts = perTest.get(key) ?? { runs: 0, failed: 0 };
    counts.runs += 1;
    if (state === 'failed') counts.failed += 1;
    perTest.set(key, counts);
  }
}
const flaky = [...perTest].filter(([, c]) => c.failed > 0).sort(([a, x], [b, y]) => y.failed - x.failed || a.localeCompare(b));
console.log(`\nper-test failures over ${runs} run(s) (${perTest.size} tests and checks):`);
if (flaky.length === 0) console.log('  none');
for (const [title, c] of flaky) console.log(`  ${c.failed}/${c.runs}  ${title}`);
writeFileSync(join(reportDir, 'report.json'), `${JSON.stringify({ runs: results.map(({ tests: _tests, ...r }) => r), perTest: Object.fromEntries(perTest) }, null, 2)}\n`);
console.log(`\nreport: ${join(reportDir, 'report.json')}`);
const passedRuns = results.filter((r) => r.code === 0).length;
console.log(`${passedRuns} passed, ${runs - passedRuns} failed`);
process.exitCode = passedRuns === runs ? 0 : 1;
