/**
 * Aggregation methods: weighted sum, weighted product, TOPSIS, VIKOR.
 *
 * Each method is an `Aggregator`: `prepare(matrix)` does the weight-independent work once (column
 * ranges, norms, distances to the ideal) and returns a scorer of weights. The plain functions
 * (`weightedSum`, `topsis`, …) are one prepare and one score; the stability analysis reuses one
 * prepare for thousands of weight vectors. Scorers make one pass over the row-major data and allocate
 * only their output, which keeps 100 000 × 15 in the tens of milliseconds.
 *
 * Weights are checked and scaled to sum to 1 first (see `normalizeWeights`), unless a method's
 * options say `rescaleWeights: false`.
 */
import { RankOrder } from "../rank";
import { Label } from "../types";
import {
  CriterionType,
  DecisionMatrix,
  columnRange,
  fail,
  normalizeWeights,
  resolveTypes,
} from "./matrix";
import { logBlockRows, logsInto } from "./logexp";
import {
  ColumnMaps,
  Distance,
  Normalization,
  columnMaps,
  mapped,
  mappedData,
  mappedRows,
} from "./normalize";

/** Turns weights (normalised, one per criterion) into one score per alternative. */
export type Scorer = (weights: Float64Array) => Float64Array;

export interface Aggregator {
  /** "desc": higher scores rank first; "asc": lower first (VIKOR's Q). */
  readonly order: RankOrder;
  /** Weight-independent work on the matrix, done once; returns the scorer. */
  prepare(m: DecisionMatrix): Scorer;
  /**
   * For methods whose scores are linear in the weights (weighted sum): the matrix A with
   * scores = A · w. Lets the stability analysis solve weight intervals exactly.
   */
  linear?(m: DecisionMatrix): DecisionMatrix;
}

/** Options every method taking weights shares. */
export interface WeightOptions {
  /**
   * true (default): weights are scaled to sum to 1 first. false: used as given, as pymcdm does; only
   * the weighted sum, weighted product, WASPAS and CoCoSo give different scores (not ranks) then.
   */
  rescaleWeights?: boolean;
}

/** The method's weights: checked, and scaled to sum 1 unless the options say otherwise. */
export function methodWeights(
  weights: ArrayLike<number>,
  cols: number,
  options: WeightOptions = {}
): Float64Array {
  return normalizeWeights(weights, cols, "weights", options.rescaleWeights !== false);
}

// ---------------------------------------------------------------------------------------------
// Weighted sum
// ---------------------------------------------------------------------------------------------

export interface WeightedSumOptions extends WeightOptions {
  /**
   * "minmax" (default): each criterion rescaled to 0–1 over the alternatives. A constant column
   * (including a single alternative) gives everyone 1: it adds its full weight to every score and
   * changes no rank. "none": values used as they are (already on one scale); benefit criteria only.
   * "sum", "max", "linear", "vector": see `columnMaps` (pymcdm's WSM default is "sum").
   */
  normalization?: Normalization;
}

function checkNoneTypes(types: readonly CriterionType[], method: Label): void {
  const j = types.indexOf(-1);
  if (j >= 0) {
    fail(
      "types",
      {
        zh: `未归一化的${method.zh}只接受效益型指标；成本型请选一种归一化`,
        en: `${method.en} without normalisation takes benefit criteria only; choose a normalisation for cost criteria`,
      },
      undefined,
      j + 1
    );
  }
}

const WSUM: Label = { zh: "加权和", en: "a weighted sum" };
const WPM: Label = { zh: "加权积", en: "a weighted product" };

/** Normalisation maps, refusing cost criteria without a normalisation. */
function mapsFor(
  m: DecisionMatrix,
  types: readonly CriterionType[] | undefined,
  how: Normalization,
  method: Label
): ColumnMaps {
  const t = resolveTypes(types, m.cols);
  if (how === "none") checkNoneTypes(t, method);
  return columnMaps(m, t, how);
}

/** Weighted sum as an aggregator (see `WeightedSumOptions`). */
export function weightedSumAggregator(
  types?: readonly CriterionType[],
  options: WeightedSumOptions = {}
): Aggregator {
  const how = options.normalization ?? "minmax";
  return {
    order: "desc",
    prepare(m) {
      const maps = mapsFor(m, types, how, WSUM);
      const { scale, ref, fill } = maps;
      const data = mappedData(m, maps);
      return (w) => {
        const { rows, cols } = m;
        const c = new Float64Array(cols);
        let base = 0;
        for (let j = 0; j < cols; j++) {
          c[j] = w[j] * scale[j];
          base += w[j] * fill[j];
        }
        const out = new Float64Array(rows);
        for (let i = 0, k = 0; i < rows; i++) {
          let s = base;
          for (let j = 0; j < cols; j++, k++) s += c[j] * (data[k] - ref[j]);
          out[i] = s;
        }
        return out;
      };
    },
    linear(m) {
      const { scale, ref, fill, reciprocal } = mapsFor(m, types, how, WSUM);
      const { data } = m;
      const out = new Float64Array(data.length);
      for (let i = 0, k = 0; i < m.rows; i++) {
        for (let j = 0; j < m.cols; j++, k++)
          out[k] = mapped(scale, ref, fill, reciprocal, data[k], j);
      }
      return { rows: m.rows, cols: m.cols, data: out };
    },
  };
}

/** Weighted-sum scores, 0–1 under min–max normalisation (the product's default method). */
export function weightedSum(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  types?: readonly CriterionType[],
  options: WeightedSumOptions = {}
): Float64Array {
  return weightedSumAggregator(types, options).prepare(m)(methodWeights(weights, m.cols, options));
}

// ---------------------------------------------------------------------------------------------
// Weighted product
// ---------------------------------------------------------------------------------------------

export interface WeightedProductOptions extends WeightOptions {
  /**
   * "linear" (default): r = x / max for benefit and min / x for cost, so scores lie in (0, 1] and the
   * ratio of two scores is the classic WPM ratio Π (x_aj / x_bj)^(±w_j) (Miller & Starr 1969;
   * Triantaphyllou 2000). pymcdm's default "sum" gives other scores but the same ranking (each column
   * is scaled by a constant). Any normalisation giving r < 0 is refused; r = 0 makes the score 0.
   */
  normalization?: Normalization;
}

/** Refuses a normalised value below 0, which no product of powers can take. */
function negativeNormalized(method: Label, r: number, row: number, col: number): never {
  return fail(
    "matrix",
    {
      zh: `${method.zh}要求归一化后的值 ≥ 0，实为 ${r}`,
      en: `${method.en} needs normalised values ≥ 0, got ${r}`,
    },
    row + 1,
    col + 1
  );
}

/**
 * The normalised value r of each cell of rows [from, to) into `out` from offset 0 (`mappedRows`),
 * refusing r < 0 by position: the first in row order, as the cells are read.
 */
function productValues(
  m: DecisionMatrix,
  maps: ColumnMaps,
  from: number,
  to: number,
  out: Float64Array
): void {
  mappedRows(m, maps, from, to, out);
  const cells = (to - from) * m.cols;
  for (let o = 0; o < cells; o++)
    if (out[o] < 0) negativeNormalized(WPM, out[o], from + Math.floor(o / m.cols), o % m.cols);
}

/** Weighted product as an aggregator (see `WeightedProductOptions`). */
export function weightedProductAggregator(
  types?: readonly CriterionType[],
  options: WeightedProductOptions = {}
): Aggregator {
  const how = options.normalization ?? "linear";
  return {
    order: "desc",
    prepare(m) {
      // Work in logs: one log per cell, shared by every weight vector.
      const maps = mapsFor(m, types, how, WPM);
      const { rows, cols } = m;
      const signs = logSigns(maps);
      const logs = new Float64Array(rows * cols);
      if (signs) {
        logsInto(m.data, 0, rows * cols, logs, 0);
      } else {
        productValues(m, maps, 0, rows, logs);
        logsInto(logs, 0, rows * cols, logs, 0);
      }
      return (w) => {
        const lw = logWeights(w, signs);
        const shift = signs ? scaleLogs(maps, w) : 0;
        const out = new Float64Array(rows);
        for (let i = 0, k = 0; i < rows; i++) {
          let s = 0;
          // A zero weight skips its factor: 0 · log 0 would be NaN where 0⁰ = 1 is meant.
          for (let j = 0; j < cols; j++, k++) if (lw[j] !== 0) s += lw[j] * logs[k];
          out[i] = Math.exp(s + shift);
        }
        return out;
      };
    },
  };
}

/**
 * Weighted-product scores (see `WeightedProductOptions`): WASPAS's pass with λ = 0, one pass over the raw
 * cells with no n × m array of logs (a property test holds it equal to the aggregator's, bit for bit).
 */
export function weightedProduct(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  types?: readonly CriterionType[],
  options: WeightedProductOptions = {}
): Float64Array {
  return waspas(m, weights, types, {
    lambda: 0,
    normalization: options.normalization,
    rescaleWeights: options.rescaleWeights,
  });
}

export interface WaspasOptions extends WeightOptions {
  /** Share of the weighted sum, 0–1; default 0.5 (Zavadskas et al. 2012). */
  lambda?: number;
  /** Default "linear" (x / max, min / x), as in Zavadskas et al. (2012) and pymcdm. */
  normalization?: Normalization;
}

/**
 * WASPAS (Zavadskas, Turskis, Antucheviciene & Zakarevicius 2012): λ · Σ w r + (1 − λ) · Π r^w over
 * the same normalised matrix. Higher is better.
 */
export function waspas(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  types?: readonly CriterionType[],
  options: WaspasOptions = {}
): Float64Array {
  const lambda = checkUnit(options.lambda ?? 0.5, "lambda");
  const w = methodWeights(weights, m.cols, options);
  const maps = mapsFor(m, types, options.normalization ?? "linear", WPM);
  // The sum and the product, a block of rows at a time: the normalised values and their logs, or for
  // scaling maps the logs of the raw cells (see `logSigns`) and the sum as Σ (w·s) x or (w·s) / x.
  const { rows, cols, data } = m;
  const signs = logSigns(maps);
  const lw = logWeights(w, signs);
  const shift = signs ? scaleLogs(maps, w) : 0;
  const c = signs ? w.map((x, j) => x * maps.scale[j]) : w;
  const divide = signs ? maps.reciprocal : new Uint8Array(cols);
  const out = new Float64Array(rows);
  const block = logBlockRows(cols);
  const values = signs ? data : new Float64Array(block * cols);
  const logs = new Float64Array(block * cols);
  for (let from = 0; from < rows; from += block) {
    const to = Math.min(rows, from + block);
    if (signs) {
      logsInto(data, from * cols, to * cols, logs, 0);
    } else {
      productValues(m, maps, from, to, values);
      logsInto(values, 0, (to - from) * cols, logs, 0);
    }
    const at = signs ? from * cols : 0;
    // Two rows at a time: their chains of additions overlap, each row still in column order (bit for
    // bit the one-row loop's); the last row of an odd count is taken twice.
    for (let i = from; i < to; i += 2) {
      const i1 = Math.min(i + 1, to - 1);
      const o0 = (i - from) * cols;
      const o1 = (i1 - from) * cols;
      let sum0 = 0;
      let sum1 = 0;
      let log0 = 0;
      let log1 = 0;
      for (let j = 0; j < cols; j++) {
        if (w[j] === 0) continue;
        const wj = c[j];
        const y0 = values[at + o0 + j];
        const y1 = values[at + o1 + j];
        if (divide[j] === 1) {
          sum0 += wj / y0;
          sum1 += wj / y1;
        } else {
          sum0 += wj * y0;
          sum1 += wj * y1;
        }
        log0 += lw[j] * logs[o0 + j];
        log1 += lw[j] * logs[o1 + j];
      }
      out[i] = waspasScore(lambda, sum0, log0 + shift);
      out[i1] = waspasScore(lambda, sum1, log1 + shift);
    }
  }
  return out;
}

/**
 * Where every column's map only scales (r = s·x, or s/x in a reciprocal column, s > 0: linear, sum and
 * none, max and vector on benefit columns) and no value is negative, ln r = ln s ± ln x: the logs are
 * taken of the raw cells, with no normalised copy, and Σ w ln s is added once per row (`scaleLogs`).
 * Returns each column's sign of ln x, or undefined when a map does more than scale.
 */
function logSigns(maps: ColumnMaps): Float64Array | undefined {
  const { scale, ref, fill, reciprocal, yMin } = maps;
  const signs = new Float64Array(scale.length);
  for (let j = 0; j < scale.length; j++) {
    if (!(ref[j] === 0 && fill[j] === 0 && scale[j] > 0 && yMin[j] >= 0)) return undefined;
    signs[j] = reciprocal[j] === 1 ? -1 : 1;
  }
  return signs;
}

/** The weight of each column's log: w, or ±w on the raw cells' logs (see `logSigns`). */
function logWeights(w: Float64Array, signs: Float64Array | undefined): Float64Array {
  return signs ? w.map((x, j) => signs[j] * x) : w;
}

/** Σ w ln s over the weighted columns: every row's share of Σ w ln r from the scales. */
function scaleLogs(maps: ColumnMaps, w: Float64Array): number {
  let total = 0;
  for (let j = 0; j < w.length; j++) if (w[j] !== 0) total += w[j] * Math.log(maps.scale[j]);
  return total;
}

/** λ = 0 is the weighted product itself, whatever the sum (an overflow must not make it NaN). */
function waspasScore(lambda: number, sum: number, logProduct: number): number {
  return lambda === 0 ? Math.exp(logProduct) : lambda * sum + (1 - lambda) * Math.exp(logProduct);
}

// ---------------------------------------------------------------------------------------------
// TOPSIS
// ---------------------------------------------------------------------------------------------

export interface TopsisOptions {
  /**
   * "vector" (default, Hwang & Yoon 1981); any of `NORMALIZATIONS` (pymcdm's default is "minmax").
   * Cost criteria are turned "more is better" by the normalisation (pymcdm); for none, max, vector and
   * minmax that is a reflection, so distances equal Hwang & Yoon's (cost values untouched, ideal at the
   * column minimum). sum and linear map a cost column through 1/x, as pymcdm does.
   * A column the normalisation makes constant adds nothing to either distance.
   */
  normalization?: Normalization;
  /** Distance to the ideal and anti-ideal: "euclidean" (default), "manhattan" or "chebyshev". */
  distance?: Distance;
}

export interface TopsisResult {
  /** Relative closeness D⁻ / (D⁺ + D⁻) in [0, 1]; higher is better. 0.5 when D⁺ = D⁻ = 0 (all alternatives identical). */
  closeness: Float64Array;
  /** Distance to the ideal. */
  dPlus: Float64Array;
  /** Distance to the anti-ideal. */
  dMinus: Float64Array;
}

interface TopsisPrepared {
  /** The data the maps apply to (y = x, or 1/x in reciprocal columns). */
  data: Float64Array;
  /** |scale| per column: turns weights into coefficients (0 when the column adds nothing). */
  inv: Float64Array;
  best: Float64Array;
  worst: Float64Array;
  /** 2: euclidean, 1: manhattan, 0: chebyshev. */
  metric: number;
}

function prepareTopsis(
  m: DecisionMatrix,
  types: readonly CriterionType[],
  options: TopsisOptions
): TopsisPrepared {
  const maps = columnMaps(m, types, options.normalization ?? "vector");
  const { scale, yMin, yMax } = maps;
  const data = mappedData(m, maps);
  const { cols } = m;
  const inv = new Float64Array(cols);
  const best = new Float64Array(cols);
  const worst = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    inv[j] = Math.abs(scale[j]);
    best[j] = scale[j] >= 0 ? yMax[j] : yMin[j];
    worst[j] = scale[j] >= 0 ? yMin[j] : yMax[j];
  }
  const distance = options.distance ?? "euclidean";
  const metric = distance === "euclidean" ? 2 : distance === "manhattan" ? 1 : 0;
  return { data, inv, best, worst, metric };
}

/** A distance's running value after one more criterion's weighted gap `a` (metric 2, 1 or 0 = Chebyshev). */
function grow(distance: number, a: number, metric: number): number {
  if (metric === 2) return distance + a * a;
  if (metric === 1) return distance + Math.abs(a);
  return Math.max(distance, Math.abs(a));
}

/** Row i's closeness (and distances, when kept) from its running sums. */
function closenessInto(
  closeness: Float64Array,
  result: TopsisResult | undefined,
  i: number,
  plus: number,
  minus: number,
  metric: number
): void {
  const dp = metric === 2 ? Math.sqrt(plus) : plus;
  const dm = metric === 2 ? Math.sqrt(minus) : minus;
  closeness[i] = dp + dm > 0 ? dm / (dp + dm) : 0.5;
  if (result) {
    result.dPlus[i] = dp;
    result.dMinus[i] = dm;
  }
}

function scoreTopsis(
  m: DecisionMatrix,
  p: TopsisPrepared,
  w: Float64Array,
  result?: TopsisResult
): Float64Array {
  const { rows, cols } = m;
  const { data, metric } = p;
  const c = new Float64Array(cols);
  for (let j = 0; j < cols; j++) c[j] = w[j] * p.inv[j];
  const closeness = result ? result.closeness : new Float64Array(rows);
  const { best, worst } = p;
  // Four rows at a time: their chains of additions overlap, each row still in column order (bit for
  // bit the one-row loop's); the last group repeats the last row.
  const last = rows - 1;
  for (let i = 0; i < rows; i += 4) {
    const i1 = Math.min(i + 1, last);
    const i2 = Math.min(i + 2, last);
    const i3 = Math.min(i + 3, last);
    const k0 = i * cols;
    const k1 = i1 * cols;
    const k2 = i2 * cols;
    const k3 = i3 * cols;
    let plus0 = 0;
    let plus1 = 0;
    let plus2 = 0;
    let plus3 = 0;
    let minus0 = 0;
    let minus1 = 0;
    let minus2 = 0;
    let minus3 = 0;
    for (let j = 0; j < cols; j++) {
      const cj = c[j];
      const b = best[j];
      const w = worst[j];
      const x0 = data[k0 + j];
      const x1 = data[k1 + j];
      const x2 = data[k2 + j];
      const x3 = data[k3 + j];
      plus0 = grow(plus0, cj * (x0 - b), metric);
      plus1 = grow(plus1, cj * (x1 - b), metric);
      plus2 = grow(plus2, cj * (x2 - b), metric);
      plus3 = grow(plus3, cj * (x3 - b), metric);
      minus0 = grow(minus0, cj * (x0 - w), metric);
      minus1 = grow(minus1, cj * (x1 - w), metric);
      minus2 = grow(minus2, cj * (x2 - w), metric);
      minus3 = grow(minus3, cj * (x3 - w), metric);
    }
    closenessInto(closeness, result, i, plus0, minus0, metric);
    closenessInto(closeness, result, i1, plus1, minus1, metric);
    closenessInto(closeness, result, i2, plus2, minus2, metric);
    closenessInto(closeness, result, i3, plus3, minus3, metric);
  }
  return closeness;
}

/** TOPSIS as an aggregator of closeness (see `TopsisOptions`). */
export function topsisAggregator(
  types?: readonly CriterionType[],
  options: TopsisOptions = {}
): Aggregator {
  return {
    order: "desc",
    prepare(m) {
      const p = prepareTopsis(m, resolveTypes(types, m.cols), options);
      return (w) => scoreTopsis(m, p, w);
    },
  };
}

/** TOPSIS: closeness to the ideal, with both distances. */
export function topsis(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  types?: readonly CriterionType[],
  options: TopsisOptions = {}
): TopsisResult {
  const w = normalizeWeights(weights, m.cols);
  const p = prepareTopsis(m, resolveTypes(types, m.cols), options);
  const result: TopsisResult = {
    closeness: new Float64Array(m.rows),
    dPlus: new Float64Array(m.rows),
    dMinus: new Float64Array(m.rows),
  };
  scoreTopsis(m, p, w, result);
  return result;
}

// ---------------------------------------------------------------------------------------------
// VIKOR
// ---------------------------------------------------------------------------------------------

export interface VikorOptions {
  /** Weight of the strategy of the majority (group utility S) against individual regret R; default 0.5. */
  v?: number;
}

export interface VikorResult {
  /** Group utility: Σ w_j (f*_j − f_ij)/(f*_j − f⁻_j). Lower is better. */
  S: Float64Array;
  /** Individual regret: max_j of the same terms. Lower is better. */
  R: Float64Array;
  /** v·(S − S*)/(S⁻ − S*) + (1 − v)·(R − R*)/(R⁻ − R*). Lower is better. */
  Q: Float64Array;
  /** Alternatives by Q, best first (ties in input order). */
  order: number[];
  /** DQ = 1/(m − 1), the acceptable advantage threshold (1 for a single alternative). */
  dq: number;
  /** C1, acceptable advantage: Q(a″) − Q(a′) ≥ DQ for the runner-up a″. */
  advantage: boolean;
  /** C2, acceptable stability: the Q-best a′ is also best (possibly tied) by S or by R. */
  stability: boolean;
  /**
   * The compromise solution(s), best first (Opricovic & Tzeng 2004, §3): a′ alone when C1 and C2 hold;
   * a′ and a″ when only C2 fails; a′ … a(M) with Q(a(M)) − Q(a′) < DQ when C1 fails.
   */
  compromise: number[];
}

/**
 * VIKOR's per-column maps: the weighted regret of a cell is w_j · sign_j · (best_j − x) / range_j, i.e.
 * (w_j · inv_j) · (best_j − x) with inv_j = ±1/range_j; 0 throughout a constant column. Kept as maps, not
 * an n × m matrix of regrets: one scoring pass over the data per weight vector.
 */
interface VikorMaps {
  best: Float64Array;
  inv: Float64Array;
}

function vikorMaps(m: DecisionMatrix, types: readonly CriterionType[]): VikorMaps {
  const { min, max } = columnRange(m);
  const best = new Float64Array(m.cols);
  const inv = new Float64Array(m.cols);
  for (let j = 0; j < m.cols; j++) {
    const range = max[j] - min[j];
    best[j] = types[j] === 1 ? max[j] : min[j];
    if (range > 0) inv[j] = types[j] === 1 ? 1 / range : -1 / range;
  }
  return { best, inv };
}

function scoreVikor(
  m: DecisionMatrix,
  maps: VikorMaps,
  w: Float64Array,
  v: number
): { S: Float64Array; R: Float64Array; Q: Float64Array } {
  const { rows, cols, data } = m;
  const { best } = maps;
  const c = new Float64Array(cols);
  for (let j = 0; j < cols; j++) c[j] = w[j] * maps.inv[j];
  const S = new Float64Array(rows);
  const R = new Float64Array(rows);
  // Four rows at a time: four independent chains of additions overlap, each row still in column order
  // (bit for bit the one-row loop's sums); the last group repeats the last row.
  const last = rows - 1;
  for (let i = 0; i < rows; i += 4) {
    const i1 = Math.min(i + 1, last);
    const i2 = Math.min(i + 2, last);
    const i3 = Math.min(i + 3, last);
    const k0 = i * cols;
    const k1 = i1 * cols;
    const k2 = i2 * cols;
    const k3 = i3 * cols;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let r0 = 0;
    let r1 = 0;
    let r2 = 0;
    let r3 = 0;
    for (let j = 0; j < cols; j++) {
      const cj = c[j];
      const b = best[j];
      const t0 = cj * (b - data[k0 + j]);
      const t1 = cj * (b - data[k1 + j]);
      const t2 = cj * (b - data[k2 + j]);
      const t3 = cj * (b - data[k3 + j]);
      s0 += t0;
      s1 += t1;
      s2 += t2;
      s3 += t3;
      // Branch-free: which criterion is worst changes from row to row.
      r0 = Math.max(r0, t0);
      r1 = Math.max(r1, t1);
      r2 = Math.max(r2, t2);
      r3 = Math.max(r3, t3);
    }
    S[i] = s0;
    R[i] = r0;
    S[i1] = s1;
    R[i1] = r1;
    S[i2] = s2;
    R[i2] = r2;
    S[i3] = s3;
    R[i3] = r3;
  }
  const [sMin, sMax] = extent(S);
  const [rMin, rMax] = extent(R);
  // When every alternative has the same S (or R), that term separates nobody: it contributes 0.
  const sSpan = sMax - sMin;
  const rSpan = rMax - rMin;
  const Q = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    Q[i] =
      (sSpan > 0 ? (v * (S[i] - sMin)) / sSpan : 0) +
      (rSpan > 0 ? ((1 - v) * (R[i] - rMin)) / rSpan : 0);
  }
  return { S, R, Q };
}

/** The smallest and largest value. */
export function extent(xs: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] < lo) lo = xs[i];
    if (xs[i] > hi) hi = xs[i];
  }
  return [lo, hi];
}

/** A parameter that must lie in [0, 1] (VIKOR's v, WASPAS's and CoCoSo's λ). */
export function checkUnit(x: number, argument: string): number {
  if (!(x >= 0 && x <= 1))
    fail(argument, { zh: `应在 0 到 1 之间，实为 ${x}`, en: `must be between 0 and 1, got ${x}` });
  return x;
}

/** VIKOR as an aggregator of Q (lower is better). */
export function vikorAggregator(
  types?: readonly CriterionType[],
  options: VikorOptions = {}
): Aggregator {
  const v = checkUnit(options.v ?? 0.5, "v");
  return {
    order: "asc",
    prepare(m) {
      const maps = vikorMaps(m, resolveTypes(types, m.cols));
      return (w) => scoreVikor(m, maps, w, v).Q;
    },
  };
}

/** Positions sorted by value ascending, ties by index (a stable order, exact comparison). */
function ascendingOrder(xs: Float64Array): number[] {
  return Array.from(xs.keys()).sort((a, b) => xs[a] - xs[b] || a - b);
}

/**
 * The result with `order` sorted when first read. A property defined on the object, not a getter in a
 * spread literal: compiled for ES2017 that becomes Object.assign, which would call the getter at once.
 */
function withOrder(fields: Omit<VikorResult, "order">): VikorResult {
  let sorted: number[] | undefined;
  return Object.defineProperty(fields, "order", {
    enumerable: true,
    get() {
      if (sorted === undefined) sorted = ascendingOrder(fields.Q);
      return sorted;
    },
  }) as VikorResult;
}

/** The position of the smallest value other than `skip`; the first of equals (the sort's tie rule). */
function argMin(xs: Float64Array, skip = -1): number {
  let at = -1;
  for (let i = 0; i < xs.length; i++) if (i !== skip && (at < 0 || xs[i] < xs[at])) at = i;
  return at;
}

/**
 * VIKOR (Opricovic 1998; Opricovic & Tzeng 2004): S, R, Q and the compromise solution. The compromise
 * needs only the two best by Q (and, when C1 fails, those within DQ of the best), found by scans; the
 * full `order` is sorted on first read, since sorting 100 000 alternatives costs more than VIKOR itself.
 */
export function vikor(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  types?: readonly CriterionType[],
  options: VikorOptions = {}
): VikorResult {
  const v = checkUnit(options.v ?? 0.5, "v");
  const w = normalizeWeights(weights, m.cols);
  const { S, R, Q } = scoreVikor(m, vikorMaps(m, resolveTypes(types, m.cols)), w, v);
  const n = m.rows;
  const first = argMin(Q);
  if (n === 1) {
    return withOrder({ S, R, Q, dq: 1, advantage: true, stability: true, compromise: [first] });
  }
  const second = argMin(Q, first);
  const dq = 1 / (n - 1);
  // A difference equal to DQ up to rounding meets the condition (Q is computed, DQ is exact).
  const slack = 1e-12;
  const advantage = Q[second] - Q[first] >= dq - slack;
  const [sBest] = extent(S);
  const [rBest] = extent(R);
  const stability = S[first] <= sBest + slack || R[first] <= rBest + slack;
  let compromise: number[];
  if (!advantage) {
    const near: number[] = [];
    for (let i = 0; i < n; i++) if (Q[i] - Q[first] < dq - slack) near.push(i);
    compromise = near.sort((a, b) => Q[a] - Q[b] || a - b);
  } else if (!stability) {
    compromise = [first, second];
  } else {
    compromise = [first];
  }
  return withOrder({ S, R, Q, dq, advantage, stability, compromise });
}
