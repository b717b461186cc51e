/**
 * How many mutants Stryker would place in each file, without running a test (README › Mutation testing:
 * the estimate of a full run). Uses the instrumenter that @stryker-mutator/core runs, with the same
 * mutators; static and compile-error mutants are only told apart in a real run.
 * Usage: node test/mutate/count-mutants.js src/engine src/workbook
 */
const fs = require("fs");
const path = require("path");

const quiet = () => undefined;
const logger = {
  debug: quiet,
  trace: quiet,
  info: quiet,
  warn: console.warn,
  error: console.error,
  fatal: console.error,
  isDebugEnabled: () => false,
  isTraceEnabled: () => false,
  isInfoEnabled: () => false,
  isWarnEnabled: () => true,
  isErrorEnabled: () => true,
  isFatalEnabled: () => true,
};

function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return p.endsWith(".ts") && !p.endsWith(".d.ts") ? [p] : [];
  });
}

async function main(dirs) {
  // The instrumenter is an ES module.
  const { Instrumenter } = await import("@stryker-mutator/instrumenter");
  const instrumenter = new Instrumenter(logger);
  const options = { plugins: null, excludedMutations: [], ignorers: [], noHeader: true };
  for (const dir of dirs) {
    let total = 0;
    for (const file of sources(dir).sort()) {
      const content = fs.readFileSync(file, "utf8");
      const { mutants } = await instrumenter.instrument(
        [{ name: file, mutate: true, content }],
        options
      );
      total += mutants.length;
      console.log(`${file}\t${mutants.length}`);
    }
    console.log(`${dir}\t${total}\t(total)`);
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exit(1);
});
