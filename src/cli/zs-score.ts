#!/usr/bin/env node
/** Entry of the zs-score command (see main.ts). */
import process from "process";
import { main } from "./main";

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${String(e)}\n`);
    process.exitCode = 1;
  }
);
