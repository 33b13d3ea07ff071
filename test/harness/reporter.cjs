// Mocha's spec output, plus one JSON line of counts per run for the test runner's summary.
// CommonJS so that both the mocha CLI and the bundled extension-host suites can require it.
const { appendFileSync } = require('node:fs');
const Mocha = require('mocha');

const { EVENT_RUN_END, EVENT_TEST_FAIL } = Mocha.Runner.constants;

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const failedTitles = [];
    runner.on(EVENT_TEST_FAIL, (test) => failedTitles.push(test.fullTitle()));
    runner.once(EVENT_RUN_END, () => {
      const file = process.env.STUPID_WORK_RESULTS;
      if (!file) return;
      const { passes, failures, pending } = this.stats;
      const line = { layer: process.env.STUPID_WORK_LAYER ?? 'unknown', passes, failures, pending, failedTitles };
      appendFileSync(file, `${JSON.stringify(line)}\n`);
    });
  }
}

module.exports = SummaryReporter;
