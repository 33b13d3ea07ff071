// Mocha's spec output, plus one JSON line of counts per run for the test runner's summary, and one
// line per test (layer, full title, state) for `npm run test:repeat`'s per-test failure counts.
// CommonJS so that both the mocha CLI and the bundled extension-host suites can require it.
const { appendFileSync } = require('node:fs');
const Mocha = require('mocha');

const { EVENT_RUN_END, EVENT_TEST_FAIL, EVENT_TEST_PASS, EVENT_TEST_PENDING } = Mocha.Runner.constants;

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const layer = process.env.STUPID_WORK_LAYER ?? 'unknown';
    const failedTitles = [];
    const record = (test, state) => {
      if (process.env.STUPID_WORK_TESTS) appendFileSync(process.env.STUPID_WORK_TESTS, `${JSON.stringify({ layer, title: test.fullTitle(), state })}\n`);
    };
    runner.on(EVENT_TEST_PASS, (test) => record(test, 'passed'));
    runner.on(EVENT_TEST_PENDING, (test) => record(test, 'skipped'));
    runner.on(EVENT_TEST_FAIL, (test) => {
      failedTitles.push(test.fullTitle());
      record(test, 'failed');
    });
    runner.once(EVENT_RUN_END, () => {
      const file = process.env.STUPID_WORK_RESULTS;
      if (!file) return;
      const { passes, failures, pending } = this.stats;
      const line = { layer, passes, failures, pending, failedTitles };
      appendFileSync(file, `${JSON.stringify(line)}\n`);
    });
  }
}

module.exports = SummaryReporter;
