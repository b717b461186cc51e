/**
 * The tests that exercise src/engine and src/workbook directly, for mutation testing (npm run mutate).
 * Tests of the built bundle, the CLI and the browser run dist/ or other processes, so a mutant in src/
 * cannot reach them: they would only slow every mutant down.
 */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  roots: [
    "<rootDir>/test/engine",
    "<rootDir>/test/workbook",
    "<rootDir>/test/models",
    "<rootDir>/test/excel",
    "<rootDir>/test/taskpane",
  ],
};
