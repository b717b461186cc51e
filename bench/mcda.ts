/* global process */
/**
 * The decision-analysis worksheet functions (issues 16 and 17) through the built dist/functions.js,
 * loaded as Excel runs it (see bench/lib/bundle.ts) and handed a 100 000 × 15 matrix as arrays of rows
 * (2 000 × 15 for the O(n²) ones), each beside a vectorised numpy version of the same method on the
 * same matrix (bench/baselines/numpy_mcda.py), whose first values must agree with ours. One numpy
 * process serves the whole module, and its runs alternate with ours sample by sample (numpy, ours,
 * numpy, ours …), so both sides are timed under the same load on a shared machine; each figure's note
 * gives both sides' processor time as well, which load disturbs less than wall time.
 *
 * What each side includes. Ours: the whole worksheet call — reading the arguments (the matrix from
 * arrays of rows into one typed array, weights, types), the method, and the spilled result built as
 * Excel takes it (arrays of rows, each number rounded to 12 digits). numpy: the method alone on an
 * ndarray already in memory, returning an ndarray — no conversion from or to Python lists on its side,
 * so the baseline is the stronger one.
 * Figure ids keep their functions.* names from when this was part of bench/functions.ts.
 */
import { spawn, spawnSync } from "child_process";
import readline from "readline";
import fs from "fs";
import os from "os";
import path from "path";
import type { Bundle } from "../test/functions/loadBundle";
import { bundle, failed } from "./lib/bundle";
import { matrix } from "./lib/generate";
import { ROOT, main, median, reason, timed, unavailable, type Figure } from "./lib/measure";

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

/** One numpy run: wall and processor milliseconds, and its first values. */
interface NumpySample {
  ms: number;
  cpu: number;
  head: (number | number[])[];
}

/** The numpy process serving runs of the same matrix, one per request. */
interface Numpy {
  version: string;
  run(spec: string): Promise<NumpySample>;
  close(): void;
}

/** A numpy process over the matrix (written once to `file`), or why there is none. */
async function numpyOn(rows: number[][], file: string): Promise<Numpy | string> {
  const python = process.env.PYTHON || "python3";
  const probe = spawnSync(python, ["-c", "import numpy; print(numpy.__version__)"], {
    encoding: "utf8",
  });
  if (probe.status !== 0) return `no ${python} with numpy on this machine`;
  const data = new Float64Array(rows.length * COLS);
  rows.forEach((r, i) => data.set(r, i * COLS));
  fs.writeFileSync(file, Buffer.from(data.buffer));
  const child = spawn(
    python,
    [
      path.join(ROOT, "bench/baselines/numpy_mcda.py"),
      file,
      String(rows.length),
      String(COLS),
      WEIGHTS.join(","),
      TYPES.join(","),
    ],
    { stdio: ["pipe", "pipe", "pipe"] }
  );
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  // Replies come one line per request, in order.
  const waiting: ((line: string | null) => void)[] = [];
  const lines = readline.createInterface({ input: child.stdout });
  lines.on("line", (line) => waiting.shift()?.(line));
  child.on("close", () => waiting.splice(0).forEach((resolve) => resolve(null)));
  const next = () => new Promise<string | null>((resolve) => waiting.push(resolve));
  const failure = () => `numpy run failed: ${stderr.trim().split("\n").pop() || "no reply"}`;
  const hello = await next();
  if (hello === null) return failure();
  return {
    version: (JSON.parse(hello) as { numpy: string }).numpy,
    async run(spec) {
      const reply = next();
      child.stdin.write(`${spec}\n`);
      const line = await reply;
      if (line === null) throw new Error(failure());
      return JSON.parse(line) as NumpySample;
    },
    close: () => child.stdin.end(),
  };
}

/** Our values to set beside numpy's first ones: the compared columns of the first rows, or the row. */
function oursHead(result: unknown[][], figure: McdaFigure, count: number): number[] {
  if (figure.compare === "row") return result[0] as number[];
  const cols = figure.compare;
  const head = result.slice(0, count).map((r) => cols.map((c) => r[c] as number));
  return ([] as number[]).concat(...head);
}

const agree = (a: number[], b: number[]) =>
  a.length === b.length &&
  a.every((x, i) => Math.abs(x - b[i]) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(b[i])));

async function mcda(): Promise<Figure[]> {
  const file = path.join(os.tmpdir(), `zs-bench-matrix-${process.pid}.f64`);
  const all = matrix(ROWS, COLS);
  const b = bundle();
  const numpy = await numpyOn(all, file);
  try {
    const out: Figure[] = [];
    for (const key of Object.keys(MCDA)) out.push(await figure(b, key, all, numpy));
    return out;
  } finally {
    if (typeof numpy !== "string") numpy.close();
    fs.rmSync(file, { force: true });
  }
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const RUNS = 7;
/** Milliseconds a figure's runs may take (both sides): twenty figures inside the module's limit. */
const BUDGET_MS = 6000;

async function figure(
  b: Bundle,
  key: string,
  all: number[][],
  numpy: Numpy | string
): Promise<Figure> {
  const spec = MCDA[key];
  const id = `functions.${key}`;
  const rows = spec.rows ? all.slice(0, spec.rows) : all;
  const weights = [WEIGHTS];
  const types = [TYPES.map((t) => (t > 0 ? "+" : "-"))];
  const args =
    spec.args === "m" ? [rows] : spec.args === "mt" ? [rows, types] : [rows, weights, types];
  const call = () => b.call(spec.fn, ...args);
  const first = call();
  const problem = failed(first);
  if (problem) return unavailable(id, `ZS.${spec.fn} gave ${problem}`);
  const size = rows.length === ROWS ? undefined : `${rows.length} × ${COLS}`;
  const ours: number[] = [];
  const oursCpu: number[] = [];
  const timeOurs = () => {
    const [t0, c0] = [nowMs(), cpuMs()];
    call();
    ours.push(nowMs() - t0);
    oursCpu.push(cpuMs() - c0);
  };
  // Without numpy: ours alone (two warm-ups dropped), saying why.
  const alone = (why: string): Figure => {
    const start = nowMs();
    for (let i = 0; i < RUNS + 2 && (i < 3 || nowMs() - start < BUDGET_MS); i++) timeOurs();
    return { ...timed(id, ours.slice(2)), note: [size, why].filter(Boolean).join("; ") };
  };
  if (typeof numpy === "string") return alone(numpy);
  const np = numpySpec(key);
  // The same numbers, or the comparison means nothing.
  let theirs: NumpySample;
  try {
    theirs = await numpy.run(np);
  } catch (e) {
    return alone(reason(e));
  }
  const expected = ([] as number[]).concat(...theirs.head.map((x) => x));
  const got = oursHead(first as unknown[][], spec, theirs.head.length);
  if (!agree(got, expected))
    return unavailable(id, `ZS.${spec.fn} and numpy disagree: ${got} vs ${expected}`);
  // Warm-up, then numpy and ours in alternation (the warm-up pair is dropped).
  const theirMs: number[] = [];
  const theirCpu: number[] = [];
  const start = nowMs();
  for (let i = 0; i < RUNS + 1; i++) {
    const n = await numpy.run(np);
    theirMs.push(n.ms);
    theirCpu.push(n.cpu);
    timeOurs();
    if (i > 0 && nowMs() - start > BUDGET_MS) break;
  }
  const [o, oc, t, tc] = [ours, oursCpu, theirMs, theirCpu].map((xs) =>
    xs.length > 1 ? xs.slice(1) : xs
  );
  const cpu = `processor time ${median(oc).toPrecision(3)} ms against numpy's ${median(tc).toPrecision(3)} ms (${(median(oc) / median(tc)).toFixed(2)}×)`;
  return timed(
    id,
    o,
    { name: `numpy ${numpy.version}, vectorised, runs alternating with ours`, value: median(t) },
    [size, cpu].filter(Boolean).join("; ")
  );
}

main([{ ids: MCDA_IDS, run: mcda }]);
