#!/usr/bin/env node
/** Entry of the zs-score command (see main.ts). */
import process from "process";
import { removeTemporaries } from "./files";
import { bugReport, main } from "./main";

// A reader that stops early (zs-score … | head -1) closes stdout: the output file is already
// written by then, so the command ends quietly instead of dying on EPIPE.
let closed = false;
process.stdout.on("error", (e: Error & { code?: string }) => {
  if (e.code !== "EPIPE") throw e;
  closed = true;
});
const stdout = { write: (s: string) => (closed ? false : process.stdout.write(s)) };

for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const)
  process.on(signal, () => {
    removeTemporaries();
    process.exit(code);
  });

main(process.argv.slice(2), { stdout, stderr: process.stderr, cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${bugReport(e)}\n`);
    process.exitCode = 1;
  }
);
