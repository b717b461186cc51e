/* global process */
/**
 * The decision-analysis worksheet functions (issues 16 and 17) through the built dist/functions.js,
 * loaded as Excel runs it (see bench/lib/bundle.ts) and handed a 100 000 × 15 matrix as arrays of rows
 * (2 000 × 15 for the O(n²) ones), each beside a vectorised numpy version of the same method on the
 * same matrix (bench/baselines/numpy_mcda.py), whose first values must agree with ours. numpy is timed
 * just before each of our figures, so both sides see the same load on a shared machine.
 *
 * What each side includes. Ours: the whole worksheet call — reading the arguments (the matrix from
 * arrays of rows into one typed array, weights, types), the method, and the spilled result built as
 * Excel takes it (arrays of rows, each number rounded to 12 digits). numpy: the method alone on an
 * ndarray already in memory, returning an ndarray — no conversion from or to Python lists on its side,
 * so the baseline is the stronger one.
 * Figure ids keep their functions.* names from when this was part of bench/functions.ts.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { bundle, failed } from "./lib/bundle";
import { matrix } from "./lib/generate";
import { ROOT, main, sampleMs, timed, unavailable, type Figure } from "./lib/measure";

const ROWS = 100_000;
/** The O(n²) methods (PROMETHEE's pairs, CODAS's and MULTIMOORA's in numpy) on lists of this size. */
const PAIRWISE_ROWS = 2_000;
const COLS = 15;
const WEIGHTS = Array.from({ length: COLS }, (_, j) => 1 + (j % 4));
const TYPES = Array.from({ length: COLS }, (_, j) => (j % 5 === 4 ? -1 : 1));

/** What a worksheet function is handed: (matrix, weights, types), or the matrix with or without types. */
type Args = "mwt" | "m" | "mt";

interface McdaFigure {
  fn: string;
  /** Argument shape; default "mwt". */
  args?: Args;
  /** Alternatives (default ROWS). */
  rows?: number;
  /** Columns of our result compared with numpy's first values: a score column, or the weights row. */
  compare: number[] | "row";
}

/** Every MCDA worksheet function with a vectorised numpy form (bench/baselines/numpy_mcda.py). */
const MCDA: Record<string, McdaFigure> = {
  topsis: { fn: "TOPSIS", compare: [0] },
  vikor: { fn: "VIKOR", compare: [2] },
  wsum: { fn: "WSUM", compare: [0] },
  wpm: { fn: "WPM", compare: [0] },
  waspas: { fn: "WASPAS", compare: [0] },
  edas: { fn: "EDAS", compare: [0] },
  moora: { fn: "MOORA", compare: [0] },
  copras: { fn: "COPRAS", compare: [0] },
  mabac: { fn: "MABAC", compare: [0] },
  aras: { fn: "ARAS", compare: [0] },
  codas: { fn: "CODAS", compare: [0], rows: PAIRWISE_ROWS },
  marcos: { fn: "MARCOS", compare: [0] },
  spotis: { fn: "SPOTIS", compare: [0] },
  cocoso: { fn: "COCOSO", compare: [0] },
  promethee: { fn: "PROMETHEE", compare: [0], rows: PAIRWISE_ROWS },
  multimoora: { fn: "MULTIMOORA", compare: [0, 1, 2, 3], rows: PAIRWISE_ROWS },
  entropy: { fn: "ENTROPY", args: "m", compare: "row" },
  critic: { fn: "CRITIC", args: "mt", compare: "row" },
  merec: { fn: "MEREC", args: "mt", compare: "row" },
  stdweights: { fn: "STDWEIGHTS", args: "m", compare: "row" },
};
const MCDA_IDS = Object.keys(MCDA).map((key) => `functions.${key}`);

/** numpy's spec for a method: its name, with the row count when it runs on fewer rows. */
const numpySpec = (key: string) => (MCDA[key].rows ? `${key}:${MCDA[key].rows}` : key);

interface NumpyRun {
  numpy: string;
  [spec: string]: { ms: number; head: (number | number[])[] } | string;
}

/** Runs numpy on the matrix file for some methods, or says why it cannot. */
type Numpy = (specs: string[]) => NumpyRun | string;

/** The numpy baseline of the same matrix (written once), or why there is none. */
function numpyOn(rows: number[][], file: string): Numpy {
  const python = process.env.PYTHON || "python3";
  const probe = spawnSync(python, ["-c", "import numpy; print(numpy.__version__)"], {
    encoding: "utf8",
  });
  if (probe.status !== 0) return () => `no ${python} with numpy on this machine`;
  const data = new Float64Array(rows.length * COLS);
  rows.forEach((r, i) => data.set(r, i * COLS));
  fs.writeFileSync(file, Buffer.from(data.buffer));
  return (specs) => {
    const r = spawnSync(
      python,
      [
        path.join(ROOT, "bench/baselines/numpy_mcda.py"),
        file,
        String(rows.length),
        String(COLS),
        WEIGHTS.join(","),
        TYPES.join(","),
        "7",
        ...specs,
      ],
      { encoding: "utf8", timeout: 120_000 }
    );
    if (r.status !== 0) return `numpy run failed: ${(r.stderr || "").trim().split("\n").pop()}`;
    return JSON.parse(r.stdout) as NumpyRun;
  };
}

/** Our values to set beside numpy's first ones: the compared columns of the first rows, or the row. */
function ours(result: unknown[][], figure: McdaFigure, count: number): number[] {
  if (figure.compare === "row") return result[0] as number[];
  const cols = figure.compare;
  const head = result.slice(0, count).map((r) => cols.map((c) => r[c] as number));
  return ([] as number[]).concat(...head);
}

const agree = (a: number[], b: number[]) =>
  a.length === b.length &&
  a.every((x, i) => Math.abs(x - b[i]) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(b[i])));

function mcda(): Figure[] {
  const file = path.join(os.tmpdir(), `zs-bench-matrix-${process.pid}.f64`);
  try {
    return figures(file);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function figures(file: string): Figure[] {
  const b = bundle();
  const all = matrix(ROWS, COLS);
  const weights = [WEIGHTS];
  const types = [TYPES.map((t) => (t > 0 ? "+" : "-"))];
  const runNumpy = numpyOn(all, file);
  return Object.entries(MCDA).map(([key, figure]) => {
    const id = `functions.${key}`;
    const rows = figure.rows ? all.slice(0, figure.rows) : all;
    const args =
      figure.args === "m" ? [rows] : figure.args === "mt" ? [rows, types] : [rows, weights, types];
    const first = b.call(figure.fn, ...args);
    const problem = failed(first);
    if (problem) return unavailable(id, `ZS.${figure.fn} gave ${problem}`);
    const numpy = runNumpy([numpySpec(key)]);
    // A budget per figure keeps the twenty of them inside the module's time limit under load.
    const samples = sampleMs(() => b.call(figure.fn, ...args), {
      warmup: 2,
      runs: 7,
      budgetMs: 3000,
    });
    const note = rows.length === ROWS ? undefined : `${rows.length} × ${COLS}`;
    if (typeof numpy === "string") return { ...timed(id, samples), note: numpy };
    const theirs = numpy[numpySpec(key)];
    if (typeof theirs !== "object") return { ...timed(id, samples), note: "numpy gave nothing" };
    // The same numbers, or the comparison means nothing.
    const expected = ([] as number[]).concat(...theirs.head.map((x) => x));
    const got = ours(first as unknown[][], figure, theirs.head.length);
    if (!agree(got, expected))
      return unavailable(id, `ZS.${figure.fn} and numpy disagree: ${got} vs ${expected}`);
    return timed(id, samples, { name: `numpy ${numpy.numpy}, vectorised`, value: theirs.ms }, note);
  });
}

main([{ ids: MCDA_IDS, run: mcda }]);
