/**
 * The fast unit tests that exercise src/engine and src/workbook directly, for mutation testing
 * (npm run mutate). Tests of the built bundle, the CLI, the browser and the hosts' adapters (Excel
 * fake with 60 000-row tables, task pane) run dist/, other processes or take minutes: every mutant
 * they cover would pay for them, and the layers' own tests reach the same code. The default model's
 * sample-workbook test reads and scores the whole sample (seconds per mutant) and is left out too.
 * Property tests run at most 100 times each here (test/mutate/fast-check-capped.js), and each mutant
 * loads only the test files holding its covering tests (test/mutate/covering-files-sequencer.js).
 */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  roots: ["<rootDir>/test/engine", "<rootDir>/test/workbook", "<rootDir>/test/models"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/models/pinghu-2023\\.test\\.ts$"],
  // Properties capped at 100 runs each (MUTATE_NUM_RUNS): see the module.
  moduleNameMapper: { "^fast-check$": "<rootDir>/test/mutate/fast-check-capped.js" },
  // Each mutant loads only the test files holding the tests that cover it: see the module.
  testSequencer: "<rootDir>/test/mutate/covering-files-sequencer.js",
};
