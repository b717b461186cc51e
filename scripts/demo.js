#!/usr/bin/env node
/**
 * npm run demo: scores the bundled sample (examples/pinghu-candidates.xlsx) with the default model,
 * straight from the TypeScript sources (no build needed on a fresh clone), and says where the result went.
 */
const path = require("path");
const fs = require("fs");
const os = require("os");

require("ts-node").register({
  transpileOnly: true,
  project: path.join(__dirname, "..", "tsconfig.json"),
});
const { main } = require("../src/cli/main");

const sample = path.join(__dirname, "..", "examples", "pinghu-candidates.xlsx");
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-demo-"));
const out = path.join(outDir, "pinghu-candidates-scored.xlsx");
const extra = process.argv.slice(2);

main([sample, "--out", out, ...extra], {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
}).then(
  (code) => {
    if (code === 0) process.stdout.write(`\n演示完成，打开结果 Open the result: ${out}\n`);
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`${e && e.stack ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  }
);
