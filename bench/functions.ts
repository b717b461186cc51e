/* global process */
/**
 * Worksheet functions through the built dist/functions.js, measured the way Excel runs them (issue 16):
 * the bundle evaluated in this (main) realm with only the CustomFunctions and Office stubs added — a vm
 * sandbox makes every global lookup slower than Excel's engine and overstates costs — arguments passed
 * as arrays of rows, and each ZS.SCORE call given a row it has not seen. Baselines: the engine's batch
 * path for ZS.SCORE, a vectorised numpy run of the same matrix (bench/baselines/numpy_mcda.py, same run)
 * for the MCDA functions.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import defaultModel from "../src/models/pinghu-2023.json";
import type { CellValue, ScoringModel } from "../src/engine/types";
import type { Bundle, LoadOptions } from "../test/functions/loadBundle";
import { amountStrings, candidateGrid, candidateTable, matrix } from "./lib/generate";
import {
  ROOT,
  main,
  median,
  sampleMs,
  timed,
  tryRequire,
  unavailable,
  type Figure,
} from "./lib/measure";

const MODEL = defaultModel as unknown as ScoringModel;
const CALLS = 10_000;

function bundle(options: LoadOptions = { realm: "main" }): Bundle {
  const build = process.env.ZS_BENCH_BUILD;
  const loader = tryRequire<{ loadBundleIn: (o: LoadOptions) => Bundle }>(
    "test/functions/loadBundle"
  );
  if (!("mod" in loader)) throw new Error(loader.why);
  try {
    return loader.mod.loadBundleIn(options);
  } catch (e) {
    throw new Error(build ? `dist/functions.js: ${build}` : (e as Error).message);
  }
}

/** Whether a call gave an Excel error (the loader returns the thrown CustomFunctions.Error). */
function failed(result: unknown): string | null {
  if (result && typeof result === "object" && "code" in result) {
    const { code, message } = result as { code: string; message?: string };
    return `${code} ${message ?? ""}`.trim();
  }
  return null;
}

/** Microseconds per item of each timed run. */
const perCall = (samples: number[], count: number) => samples.map((ms) => (ms * 1000) / count);
const nowUs = () => Number(process.hrtime.bigint()) / 1e3;

/** Microseconds of each call, every call on a row not scored before (ZS.SCORE's cache never hits). */
function perDistinctRow(b: Bundle, rows: CellValue[][][], headers: CellValue[][], model: unknown) {
  const out = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const t0 = nowUs();
    b.call("SCORE", rows[i], headers, model);
    out[i] = nowUs() - t0;
  }
  return out;
}

function score(): Figure[] {
  const b = bundle();
  const sheet = tryRequire<{ modelToGrid: (m: ScoringModel, lang: "zh" | "en") => CellValue[][] }>(
    "src/workbook/modelSheet"
  );
  if (!("mod" in sheet)) return [unavailable("functions.score", sheet.why)];
  const modelRange = sheet.mod.modelToGrid(MODEL, "zh");
  // Warm-up rows and timed rows from different seeds: every timed call is a row the bundle has not seen.
  const warm = candidateGrid(MODEL, CALLS, 11);
  const grid = candidateGrid(MODEL, CALLS, 1);
  const headers = [grid[0]];
  const first = b.call("SCORE", [warm[1]], headers, modelRange);
  const problem = failed(first);
  if (problem) return [unavailable("functions.score", `ZS.SCORE gave ${problem}`)];
  perDistinctRow(
    b,
    warm.slice(1).map((r) => [r]),
    headers,
    modelRange
  );
  const samples = perDistinctRow(
    b,
    grid.slice(1).map((r) => [r]),
    headers,
    modelRange
  );
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
  // Baseline: the same candidates scored in one batch by the engine (per candidate).
  const engine = tryRequire<{
    loadModel: (json: unknown) => ScoringModel;
    compileModel: (m: ScoringModel) => unknown;
  }>("src/engine/model");
  const scorer = tryRequire<{ scoreTable: (t: unknown, c: unknown) => unknown }>(
    "src/engine/score"
  );
  let baseline;
  if ("mod" in engine && "mod" in scorer) {
    const compiled = engine.mod.compileModel(engine.mod.loadModel(defaultModel));
    const table = candidateTable(MODEL, CALLS);
    const batch = sampleMs(() => scorer.mod.scoreTable(table, compiled), { warmup: 1, runs: 5 });
    baseline = { name: "engine batch, per candidate", value: median(perCall(batch, CALLS)) };
  }
  // For comparison with earlier figures only: the same calls in a vm sandbox.
  const sandboxed = bundle({ realm: "bare" });
  const vmRows = grid.slice(1, 2001).map((r) => [r]);
  const vm = median(perDistinctRow(sandboxed, vmRows, headers, modelRange));
  return [
    {
      ...timed("functions.score", samples, baseline),
      samples: undefined,
      note: `median of ${CALLS} distinct rows in the main realm; mean ${mean.toFixed(1)} µs; in a vm sandbox ${vm.toFixed(1)} µs`,
    },
  ];
}

function amount(): Figure[] {
  const b = bundle();
  const strings = amountStrings(CALLS);
  const samples = sampleMs(() => strings.forEach((s) => b.call("AMOUNT", s)), {
    warmup: 1,
    runs: 5,
  });
  const parser = tryRequire<{ parseAmount: (s: string) => unknown }>("src/engine/amount");
  let baseline;
  if ("mod" in parser) {
    const direct = sampleMs(() => strings.forEach((s) => parser.mod.parseAmount(s)), {
      warmup: 1,
      runs: 5,
    });
    baseline = { name: "parseAmount called directly", value: median(perCall(direct, CALLS)) };
  }
  return [timed("functions.amount", perCall(samples, CALLS), baseline)];
}

const ROWS = 100_000;
const COLS = 15;
const WEIGHTS = Array.from({ length: COLS }, (_, j) => 1 + (j % 4));
const TYPES = Array.from({ length: COLS }, (_, j) => (j % 5 === 4 ? -1 : 1));
const MCDA = [
  { id: "functions.topsis", fn: "TOPSIS", numpy: "topsis", column: 0 },
  { id: "functions.vikor", fn: "VIKOR", numpy: "vikor", column: 2 },
  { id: "functions.wsum", fn: "WSUM", numpy: "wsum", column: 0 },
] as const;

interface NumpyRun {
  numpy: string;
  topsis: { ms: number; head: number[] };
  vikor: { ms: number; head: number[] };
  wsum: { ms: number; head: number[] };
}

/** The numpy baseline of the same matrix, or why there is none. */
function numpyRun(rows: number[][]): NumpyRun | string {
  const python = process.env.PYTHON || "python3";
  const probe = spawnSync(python, ["-c", "import numpy; print(numpy.__version__)"], {
    encoding: "utf8",
  });
  if (probe.status !== 0) return `no ${python} with numpy on this machine`;
  const file = path.join(os.tmpdir(), `zs-bench-matrix-${process.pid}.f64`);
  const data = new Float64Array(rows.length * COLS);
  rows.forEach((r, i) => data.set(r, i * COLS));
  fs.writeFileSync(file, Buffer.from(data.buffer));
  try {
    const r = spawnSync(
      python,
      [
        path.join(ROOT, "bench/baselines/numpy_mcda.py"),
        file,
        String(rows.length),
        String(COLS),
        WEIGHTS.join(","),
        TYPES.join(","),
        "9",
      ],
      { encoding: "utf8", timeout: 120_000 }
    );
    if (r.status !== 0) return `numpy run failed: ${(r.stderr || "").trim().split("\n").pop()}`;
    return JSON.parse(r.stdout) as NumpyRun;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function mcda(): Figure[] {
  const b = bundle();
  const rows = matrix(ROWS, COLS);
  const weights = [WEIGHTS];
  const types = [TYPES.map((t) => (t > 0 ? "+" : "-"))];
  const numpy = numpyRun(rows);
  return MCDA.map(({ id, fn, numpy: key, column }) => {
    const first = b.call(fn, rows, weights, types);
    const problem = failed(first);
    if (problem) return unavailable(id, `ZS.${fn} gave ${problem}`);
    const samples = sampleMs(() => b.call(fn, rows, weights, types), { warmup: 2, runs: 9 });
    if (typeof numpy === "string") return { ...timed(id, samples), note: numpy };
    // The same numbers, or the comparison means nothing.
    const ours = (first as number[][]).slice(0, 5).map((r) => r[column]);
    const theirs = numpy[key].head;
    const agree = ours.every((x, i) => Math.abs(x - theirs[i]) <= 1e-9 * Math.max(1, Math.abs(x)));
    if (!agree) return unavailable(id, `ZS.${fn} and numpy disagree: ${ours} vs ${theirs}`);
    return timed(id, samples, {
      name: `numpy ${numpy.numpy}, vectorised`,
      value: numpy[key].ms,
    });
  });
}

main([
  { ids: ["functions.score"], run: score },
  { ids: ["functions.amount"], run: amount },
  { ids: MCDA.map((m) => m.id), run: mcda },
]);
