/* global __dirname, process */
/**
 * The CLI end to end: the built dist/cli/zs-score.js scores generated 10 000- and 100 000-row workbooks
 * in a child process; wall time and peak memory (resident set, read by a preloaded hook on exit).
 * Baseline: exceljs reading and writing the same workbook with no scoring, measured the same way.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import defaultModel from "../src/models/pinghu-2023.json";
import type { ScoringModel } from "../src/engine/types";
import { median, main, ROOT, type Figure } from "./lib/measure";
import { candidateWorkbook } from "./lib/workbook";

const MODEL = defaultModel as unknown as ScoringModel;
const CLI = path.join(ROOT, "dist", "cli", "zs-score.js");
const PEAK_RSS = path.join(__dirname, "lib", "peak-rss.js");
const COPY = path.join(__dirname, "lib", "copy-xlsx.js");

interface Run {
  seconds: number;
  rssMB: number;
}

/** Runs `node <script> args` once; wall time from spawn to exit, peak RSS from the preloaded hook. */
function run(script: string, args: string[]): Run {
  const rssFile = path.join(os.tmpdir(), `zs-bench-rss-${process.pid}`);
  fs.rmSync(rssFile, { force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-r", PEAK_RSS, script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ZS_BENCH_RSS: rssFile },
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) {
    const last =
      (r.stderr || "").trim().split("\n").slice(-1)[0] || r.error?.message || `signal ${r.signal}`;
    throw new Error(`${path.relative(ROOT, script)} exited ${r.status}: ${last}`);
  }
  const rssMB = Number(fs.readFileSync(rssFile, "utf8")) / 2 ** 20;
  fs.rmSync(rssFile, { force: true });
  return { seconds, rssMB };
}

/** `runs` timed runs after one untimed warm-up (file cache, compile cache) when `runs` > 1. */
function repeat(script: string, args: string[], runs: number): Run[] {
  if (runs > 1) run(script, args);
  return Array.from({ length: runs }, () => run(script, args));
}

async function endToEnd(rows: number, runs: number): Promise<Figure[]> {
  if (!fs.existsSync(CLI)) {
    throw new Error(
      `dist/cli/zs-score.js is missing${process.env.ZS_BENCH_BUILD ? `: ${process.env.ZS_BENCH_BUILD}` : ""}`
    );
  }
  const input = await candidateWorkbook(MODEL, rows);
  const out = path.join(os.tmpdir(), `zs-bench-${process.pid}-scored.xlsx`);
  try {
    const cli = repeat(CLI, [input, "--out", out], runs);
    const floor = repeat(COPY, [input, out], runs);
    const note = runs > 1 ? `median of ${runs} runs after a warm-up` : "one run";
    return [
      {
        id: `cli.wall.${rows}`,
        value: median(cli.map((r) => r.seconds)),
        samples: cli.map((r) => r.seconds),
        baseline: {
          name: "exceljs read + write, no scoring",
          value: median(floor.map((r) => r.seconds)),
        },
        note,
      },
      {
        id: `cli.rss.${rows}`,
        value: Math.max(...cli.map((r) => r.rssMB)),
        samples: cli.map((r) => r.rssMB),
        baseline: {
          name: "exceljs read + write, no scoring",
          value: Math.max(...floor.map((r) => r.rssMB)),
        },
        note,
      },
    ];
  } finally {
    fs.rmSync(out, { force: true });
  }
}

main([
  { ids: ["cli.wall.10000", "cli.rss.10000"], run: () => endToEnd(10_000, 3) },
  { ids: ["cli.wall.100000", "cli.rss.100000"], run: () => endToEnd(100_000, 1) },
]);
