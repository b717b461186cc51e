/**
 * Engine figures: scoring with the default model, TOPSIS and weighted sum on 100 000 × 15 against the
 * straightforward arrays-of-arrays baselines (bench/baselines), and amount parsing throughput.
 */
import defaultModel from "../src/models/pinghu-2023.json";
import type {
  CandidateTable,
  ParseAmountOptions,
  AmountResult,
  CellValue,
  ScoringModel,
} from "../src/engine/types";
import { amountStrings, candidateTable, matrix } from "./lib/generate";
import { main, median, sampleMs, timed, tryRequire, unavailable, type Figure } from "./lib/measure";

const MODEL = defaultModel as unknown as ScoringModel;

type Score = (table: CandidateTable) => { count: number };

interface EngineApi {
  loadModel?: (json: unknown) => ScoringModel;
  compileModel?: (model: ScoringModel) => unknown;
  scoreTable?: (table: CandidateTable, compiled: unknown) => { count: number };
}

/** The batch path: the default model loaded and compiled once (compileModel memoises), then scoreTable. */
function findScorer(): { score: Score } | { why: string } {
  const engine = tryRequire<EngineApi>("src/engine");
  if (!("mod" in engine)) return engine;
  const { loadModel, compileModel, scoreTable } = engine.mod;
  if (!loadModel || !compileModel || !scoreTable) {
    return { why: "src/engine lacks loadModel, compileModel or scoreTable" };
  }
  const loaded = loadModel(defaultModel);
  return { score: (table) => scoreTable(table, compileModel(loaded)) };
}

/** The first `count` candidates of a table. */
function head(table: CandidateTable, count: number, from = 0): CandidateTable {
  const columns: CandidateTable["columns"] = {};
  for (const [k, v] of Object.entries(table.columns)) columns[k] = v.slice(from, from + count);
  return { count, columns, rowIds: table.rowIds?.slice(from, from + count) };
}

function scoring(): Figure[] {
  const ids = [1000, 10000, 100000].map((n) => `engine.score.${n}`);
  const found = findScorer();
  if ("why" in found) return ids.map((id) => unavailable(id, found.why));
  const { score } = found;
  const all = candidateTable(MODEL, 100_000);
  // Baseline: the same candidates scored one at a time (what a per-row loop or per-cell function does),
  // timed on 500 rows and scaled to N.
  const rows = 500;
  const single = Array.from({ length: rows }, (_, i) => head(all, 1, i));
  const perRow =
    median(
      sampleMs(() => single.forEach((t) => score(t)), { warmup: 1, runs: 3, budgetMs: 5000 })
    ) / rows;
  return [1000, 10000, 100000].map((n) => {
    const table = n === all.count ? all : head(all, n);
    const got = score(table).count;
    if (got !== n) throw new Error(`scoreTable scored ${got} of ${n} candidates`);
    const runs = n >= 100_000 ? 5 : 7;
    const budgetMs = n >= 100_000 ? 15_000 : 6000;
    return timed(
      `engine.score.${n}`,
      sampleMs(() => score(table), { warmup: 2, runs, budgetMs }),
      {
        name: "one candidate at a time, 500 timed and scaled",
        value: perRow * n,
      }
    );
  });
}

interface McdaMatrix {
  rows: number;
  cols: number;
  data: Float64Array;
}
type Method = (m: McdaMatrix, w: ArrayLike<number>, types?: readonly (1 | -1)[]) => unknown;
type BaselineMethod = (rows: number[][], w: number[], types: (1 | -1)[]) => unknown;

/** The straightforward arrays-of-arrays implementation the MCDA engineer keeps in bench/baselines/mcda. */
function findBaseline(name: string): BaselineMethod | string {
  const r = tryRequire<Record<string, unknown>>("bench/baselines/mcda");
  if (!("mod" in r)) return r.why;
  return typeof r.mod[name] === "function"
    ? (r.mod[name] as BaselineMethod)
    : `bench/baselines/mcda has no ${name}`;
}

function mcda(): Figure[] {
  const r = tryRequire<{ topsis?: Method; weightedSum?: Method }>("src/engine/mcda/aggregate");
  if (!("mod" in r))
    return [unavailable("engine.topsis", r.why), unavailable("engine.wsum", r.why)];
  const rowsData = matrix(100_000, 15);
  const cols = 15;
  const data = new Float64Array(rowsData.length * cols);
  rowsData.forEach((row, i) => data.set(row, i * cols));
  const m: McdaMatrix = { rows: rowsData.length, cols, data };
  const weights = Array.from({ length: cols }, (_, j) => 1 + (j % 4));
  const types = Array.from({ length: cols }, (_, j) => (j % 5 === 4 ? -1 : 1) as 1 | -1);
  const out: Figure[] = [];
  const cases: [string, Method | undefined, string][] = [
    ["engine.topsis", r.mod.topsis, "topsisBaseline"],
    ["engine.wsum", r.mod.weightedSum, "weightedSumBaseline"],
  ];
  for (const [id, method, name] of cases) {
    if (typeof method !== "function") {
      out.push(unavailable(id, "src/engine/mcda/aggregate exports no such method"));
      continue;
    }
    const samples = sampleMs(() => method(m, weights, types), { warmup: 3, runs: 9 });
    const baseline = findBaseline(name);
    if (typeof baseline === "string") {
      out.push({ ...timed(id, samples), note: `no baseline: ${baseline}` });
      continue;
    }
    const base = median(sampleMs(() => baseline(rowsData, weights, types), { warmup: 2, runs: 5 }));
    out.push(timed(id, samples, { name: "arrays of arrays", value: base }));
  }
  return out;
}

type Parse = (text: CellValue, options?: ParseAmountOptions) => AmountResult;

function amounts(): Figure[] {
  const r = tryRequire<{ parseAmount?: Parse }>("src/engine");
  if (!("mod" in r)) return [unavailable("engine.amount", r.why)];
  const parse = r.mod.parseAmount;
  if (typeof parse !== "function")
    return [unavailable("engine.amount", "src/engine exports no parseAmount")];
  const strings = amountStrings(20_000);
  const rate = (ms: number) => (strings.length / ms) * 1000;
  const samples = sampleMs(() => strings.forEach((s) => parse(s)), { warmup: 2, runs: 5 }).map(
    rate
  );
  // Floor: reading the same strings as bare numbers, the least any parser must do.
  const floor = median(
    sampleMs(() => strings.forEach((s) => parseFloat(s)), { warmup: 2, runs: 5 }).map(rate)
  );
  return [
    {
      ...timed("engine.amount", samples, { name: "parseFloat on the same strings", value: floor }),
    },
  ];
}

main([
  { ids: [1000, 10000, 100000].map((n) => `engine.score.${n}`), run: scoring },
  { ids: ["engine.topsis", "engine.wsum"], run: mcda },
  { ids: ["engine.amount"], run: amounts },
]);
