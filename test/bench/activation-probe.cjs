// Extension tests module for the activation benchmark: activates the empty baseline extension, then
// Stupid Work, and writes to the file named by STUPID_WORK_BENCH_OUT how long each activation took,
// split into the load of its main file (require), its activate() call and the rest (the host's own
// work, the same for both), and how long Stupid Work's deferred start took after activation.
const Module = require('node:module');
const { join } = require('node:path');
const { writeFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');
const vscode = require('vscode');

const BASELINE = 'stupid-work-bench.empty-extension';
const EXTENSION = 'stupid-work.stupid-work';
// Right after start the host is busy with built-in extensions; timed then, both figures are mostly that noise.
const SETTLE_MS = 3000;

/**
 * Times the host's require of the extension's main file, and hands the host a copy of its exports whose
 * activate() is timed too. The host loads every extension through Module._load, as any require does.
 */
function timeMainFile(mainPath) {
  const times = { loadMs: NaN, activateMs: NaN };
  const load = Module._load;
  Module._load = function timedLoad(request, ...rest) {
    if (request !== mainPath) return load.call(this, request, ...rest);
    Module._load = load;
    const started = performance.now();
    const exports = load.call(this, request, ...rest);
    times.loadMs = performance.now() - started;
    return {
      ...exports,
      activate(...args) {
        const called = performance.now();
        try {
          return exports.activate(...args);
        } finally {
          times.activateMs = performance.now() - called;
        }
      },
    };
  };
  return times;
}

async function timeActivation(id) {
  const extension = vscode.extensions.getExtension(id);
  if (!extension) throw new Error(`${id} is not loaded`);
  if (extension.isActive) throw new Error(`${id} was already active, so its activation cannot be timed`);
  const times = timeMainFile(join(extension.extensionPath, extension.packageJSON.main));
  const started = performance.now();
  const exports = await extension.activate();
  return { ms: performance.now() - started, ...times, exports };
}

async function run() {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const baseline = await timeActivation(BASELINE);
  const ours = await timeActivation(EXTENSION);
  // Reading the API starts the features at once if the deferred start has not yet run.
  const started = performance.now();
  void ours.exports.store;
  const deferredStartMs = performance.now() - started;
  writeFileSync(
    process.env.STUPID_WORK_BENCH_OUT,
    JSON.stringify({
      ms: ours.ms,
      loadMs: ours.loadMs,
      activateMs: ours.activateMs,
      deferredStartMs,
      baselineMs: baseline.ms,
      baselineLoadMs: baseline.loadMs,
      baselineActivateMs: baseline.activateMs,
    }),
  );
}

module.exports = { run };
