/**
 * Test sequencer for mutation runs only (jest.mutate.config.js): runs only the test files that hold a
 * test the run's name filter selects. Stryker runs each mutant as one jest run over every test file
 * related to the mutated file (for src/engine/grades.ts: 16 files, 315 tests) with a name filter for
 * the few tests that cover the mutant; jest then loads every one of those files only to skip their
 * tests, which took ~99 % of each run. The files are told by the full test names each one reported in
 * an earlier run of this process (Stryker's initial run, or the first mutant run of a new runner);
 * a file not seen yet always runs. The same tests run as without it, with the same filter, so no
 * verdict changes.
 */
const { default: DefaultSequencer } = require("@jest/test-sequencer");

/** Test file path → full names of its tests, as reported by earlier runs in this process. */
const namesByFile = new Map();

class CoveringFilesSequencer extends DefaultSequencer {
  constructor(options) {
    super(options);
    this.namePattern = options.globalConfig.testNamePattern;
  }

  sort(tests) {
    const sorted = super.sort(tests);
    if (!this.namePattern) return sorted;
    // Jest matches the filter the same way (jest-circus: new RegExp(testNamePattern, "i")).
    const selects = new RegExp(this.namePattern, "i");
    return sorted.filter((test) => {
      const names = namesByFile.get(test.path);
      return names === undefined || names.some((name) => selects.test(name));
    });
  }

  cacheResults(tests, results) {
    super.cacheResults(tests, results);
    // A file that failed to load reported no names: it stays unknown and keeps running.
    for (const file of results.testResults)
      if (!file.testExecError && file.testResults.length > 0)
        namesByFile.set(
          file.testFilePath,
          file.testResults.map((t) => t.fullName)
        );
  }
}

module.exports = CoveringFilesSequencer;
