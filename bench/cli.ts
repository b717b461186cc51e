/* global __dirname, Buffer, clearTimeout, process, setTimeout */
/**
 * The CLI end to end: the built dist/cli/zs-score.js scores generated 10 000- and 100 000-row workbooks
 * in a child process; wall time and peak memory (resident set, read by a preloaded hook on exit).
 * Baseline: exceljs reading and writing the same workbook with no scoring (what the command did
 * before it patched the package), measured the same way (for 100 000 rows scaled from 10 000, to
 * keep the whole benchmark within 5 minutes).
 */
import { spawn } from "child_process";
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
  /** Peak resident memory; for a stopped run, the peak reached until it was stopped (NaN if unknown). */
  rssMB: number;
  stopped: boolean;
}

/** Peak resident memory of a running process so far (Linux /proc), NaN where it cannot be read. */
function peakSoFarMB(pid: number | undefined): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(status);
    return kb ? Number(kb[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Runs `node <script> args` once; wall time from spawn to exit, peak RSS from the preloaded hook.
 * A run still going at `limitS` is stopped: its time and memory are then lower bounds.
 */
function run(script: string, args: string[], limitS: number): Promise<Run> {
  const rssFile = path.join(os.tmpdir(), `zs-bench-rss-${process.pid}`);
  fs.rmSync(rssFile, { force: true });
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, ["-r", PEAK_RSS, script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ZS_BENCH_RSS: rssFile },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  return new Promise((resolve, reject) => {
    let stoppedAt: number | null = null;
    const timer = setTimeout(() => {
      stoppedAt = peakSoFarMB(child.pid);
      child.kill("SIGKILL");
    }, limitS * 1000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      if (stoppedAt !== null) return resolve({ seconds: limitS, rssMB: stoppedAt, stopped: true });
      if (code !== 0) {
        const last = stderr.trim().split("\n").slice(-1)[0] || `signal ${signal}`;
        return reject(new Error(`${path.relative(ROOT, script)} exited ${code}: ${last}`));
      }
      const rssMB = Number(fs.readFileSync(rssFile, "utf8")) / 2 ** 20;
      fs.rmSync(rssFile, { force: true });
      resolve({ seconds, rssMB, stopped: false });
    });
  });
}

const FLOOR = "exceljs read + write, no scoring";

/**
 * The CLI on a generated workbook of `rows` candidates, `runs` times, stopped at `limitS` each.
 * `floor`: the baseline measured now (one run, which also warms the file cache), or a figure to scale.
 */
async function endToEnd(
  rows: number,
  runs: number,
  limitS: number,
  floor: Run | { from: Run; scale: number; rows: number }
): Promise<{ figures: Figure[]; floor: Run }> {
  if (!fs.existsSync(CLI)) {
    const build = process.env.ZS_BENCH_BUILD;
    throw new Error(`dist/cli/zs-score.js is missing${build ? `: ${build}` : ""}`);
  }
  const input = await candidateWorkbook(MODEL, rows);
  const out = path.join(os.tmpdir(), `zs-bench-${process.pid}-scored.xlsx`);
  try {
    let base: Run;
    let baseName = FLOOR;
    if ("from" in floor) {
      base = {
        seconds: floor.from.seconds * floor.scale,
        rssMB: floor.from.rssMB * floor.scale,
        stopped: false,
      };
      baseName = `${FLOOR}, ${floor.rows} rows ×${floor.scale}`;
    } else base = floor;
    const cli: Run[] = [];
    for (let i = 0; i < runs; i++) {
      cli.push(await run(CLI, [input, "--out", out], limitS));
      if (cli[i].stopped) break;
    }
    const done = cli.filter((r) => !r.stopped);
    const stopped = done.length === 0;
    const note = stopped
      ? `stopped at ${limitS} s before finishing`
      : done.length > 1
        ? `median of ${done.length} runs`
        : "one run";
    const measured = stopped ? cli : done;
    const peak = Math.max(...measured.map((r) => r.rssMB));
    const rss: Figure = Number.isNaN(peak)
      ? { id: `cli.rss.${rows}`, unavailable: `the run was stopped at ${limitS} s` }
      : {
          id: `cli.rss.${rows}`,
          value: peak,
          atLeast: stopped || undefined,
          samples: measured.map((r) => r.rssMB),
          baseline: { name: baseName, value: base.rssMB },
          note: stopped
            ? `${note}: the peak until then`
            : `highest of ${done.length} run${done.length > 1 ? "s" : ""}`,
        };
    return {
      floor: base,
      figures: [
        {
          id: `cli.wall.${rows}`,
          value: stopped ? limitS : median(done.map((r) => r.seconds)),
          atLeast: stopped || undefined,
          samples: cli.map((r) => r.seconds),
          baseline: { name: baseName, value: base.seconds },
          note,
        },
        rss,
      ],
    };
  } finally {
    fs.rmSync(out, { force: true });
  }
}

// The whole run must fit in 5 minutes: the 100 000-row floor is scaled from the 10 000-row one, and
// the 100 000-row CLI run is stopped past its target with room to say by how much.
let floor10k: Run | null = null;

main([
  {
    ids: ["cli.wall.10000", "cli.rss.10000"],
    run: async () => {
      const input = await candidateWorkbook(MODEL, 10_000);
      const out = path.join(os.tmpdir(), `zs-bench-${process.pid}-copy.xlsx`);
      floor10k = await run(COPY, [input, out], 60);
      fs.rmSync(out, { force: true });
      return (await endToEnd(10_000, 3, 30, floor10k)).figures;
    },
  },
  {
    ids: ["cli.wall.100000", "cli.rss.100000"],
    run: async () => {
      if (!floor10k) throw new Error("no 10 000-row floor to scale");
      return (await endToEnd(100_000, 1, 70, { from: floor10k, scale: 10, rows: 10_000 })).figures;
    },
  },
]);
