// Extension tests module for the activation benchmark: activates the empty baseline extension, then
// Stupid Work, and writes how long each activate() took to the file named by STUPID_WORK_BENCH_OUT.
const { writeFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');
const vscode = require('vscode');

const BASELINE = 'stupid-work-bench.empty-extension';
const EXTENSION = 'stupid-work.stupid-work';
// Right after start the host is busy with built-in extensions; timed then, both figures are mostly that noise.
const SETTLE_MS = 3000;

async function timeActivation(id) {
  const extension = vscode.extensions.getExtension(id);
  if (!extension) throw new Error(`${id} is not loaded`);
  if (extension.isActive) throw new Error(`${id} was already active, so its activation cannot be timed`);
  const started = performance.now();
  await extension.activate();
  return performance.now() - started;
}

async function run() {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const baselineMs = await timeActivation(BASELINE);
  const ms = await timeActivation(EXTENSION);
  writeFileSync(process.env.STUPID_WORK_BENCH_OUT, JSON.stringify({ ms, baselineMs }));
}

module.exports = { run };
