/**
 * fast-check for mutation runs only (jest.mutate.config.js maps "fast-check" here): each property runs
 * at most MUTATE_NUM_RUNS times (default 100, fast-check's own default), where the suite asks for up to
 * 40 000. Every mutant pays for the runs of each test that covers it; a mutant a property catches is
 * almost always caught in its first runs, and the full counts still run in npm test.
 */
const fc = require("../../node_modules/fast-check/lib/cjs/fast-check.js");

const CAP = Number(process.env.MUTATE_NUM_RUNS ?? 100);
const capped = (params) => ({ ...params, numRuns: Math.min(params?.numRuns ?? CAP, CAP) });

module.exports = {
  ...fc,
  assert: (property, params) => fc.assert(property, capped(params)),
  check: (property, params) => fc.check(property, capped(params)),
};
