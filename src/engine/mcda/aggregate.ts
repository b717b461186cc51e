/**
 * Aggregation methods: weighted sum, weighted product, TOPSIS, VIKOR.
 *
 * Each method is an `Aggregator`: `prepare(matrix)` does the weight-independent work once (column
 * ranges, norms, distances to the ideal) and returns a scorer of weights. The plain functions
 * (`weightedSum`, `topsis`, …) are one prepare and one score; the stability analysis reuses one
 * prepare for thousands of weight vectors. Scorers make one pass over the row-major data and allocate
 * only their output, which keeps 100 000 × 15 in the tens of milliseconds.
 *
 * Weights are always checked and scaled to sum to 1 first (see `normalizeWeights`).
 */
import { RankOrder } from "../rank";
import {
  CriterionType,
  DecisionMatrix,
  columnRange,
  fail,
  normalizeWeights,
  requireComplete,
  resolveTypes,
} from "./matrix";

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

// ---------------------------------------------------------------------------------------------
// Weighted sum
// ---------------------------------------------------------------------------------------------

export interface WeightedSumOptions {
  /**
   * "minmax" (default): each criterion rescaled to 0–1 over the alternatives, (x − min)/(max − min)
   * for benefit and (max − x)/(max − min) for cost. A constant column (max = min, which includes a
   * single alternative) gives every alternative 1 on that criterion: nobody is worse than anybody, so
   * it adds its full weight to every score and changes no rank.
   * "none": the matrix is already normalised (e.g. 0–1 dimension scores); values are used as they
   * are and every criterion must be a benefit.
   */
  normalization?: "minmax" | "none";
}

/**
 * Per-column map to the 0–1 normalised value: scale · (x − ref), plus `fill` for a constant column.
 * Subtracting ref before scaling keeps full precision when the range is tiny next to the values.
 */
interface ColumnMaps {
  scale: Float64Array;
  ref: Float64Array;
  fill: Float64Array;
}

function minmaxMaps(m: DecisionMatrix, types: readonly CriterionType[]): ColumnMaps {
  const { min, max } = columnRange(m);
  const scale = new Float64Array(m.cols);
  const ref = new Float64Array(m.cols);
  const fill = new Float64Array(m.cols);
  for (let j = 0; j < m.cols; j++) {
    const range = max[j] - min[j];
    if (!(range > 0)) {
      fill[j] = 1;
    } else {
      scale[j] = types[j] / range;
      ref[j] = types[j] === 1 ? min[j] : max[j];
    }
  }
  return { scale, ref, fill };
}

function checkNoneTypes(types: readonly CriterionType[]): void {
  const j = types.indexOf(-1);
  if (j >= 0) {
    fail(
      "types",
      {
        zh: "未归一化的加权和只接受效益型指标；成本型请用 minmax 归一化",
        en: 'a weighted sum without normalisation takes benefit criteria only; use "minmax" for cost criteria',
      },
      undefined,
      j + 1
    );
  }
}

/** Weighted sum as an aggregator (see `WeightedSumOptions`). */
export function weightedSumAggregator(
  types?: readonly CriterionType[],
  options: WeightedSumOptions = {}
): Aggregator {
  const none = options.normalization === "none";
  const maps = (m: DecisionMatrix): ColumnMaps => {
    const t = resolveTypes(types, m.cols);
    if (none) {
      checkNoneTypes(t);
      requireComplete(m);
      return {
        scale: new Float64Array(m.cols).fill(1),
        ref: new Float64Array(m.cols),
        fill: new Float64Array(m.cols),
      };
    }
    return minmaxMaps(m, t);
  };
  return {
    order: "desc",
    prepare(m) {
      const { scale, ref, fill } = maps(m);
      return (w) => {
        const { rows, cols, data } = m;
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
      const { scale, ref, fill } = maps(m);
      const data = new Float64Array(m.data.length);
      for (let k = 0; k < data.length; k++) {
        const j = k % m.cols;
        data[k] = scale[j] * (m.data[k] - ref[j]) + fill[j];
      }
      return { rows: m.rows, cols: m.cols, data };
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
  return weightedSumAggregator(types, options).prepare(m)(normalizeWeights(weights, m.cols));
}

// ---------------------------------------------------------------------------------------------
// Weighted product
// ---------------------------------------------------------------------------------------------

/**
 * Weighted product as an aggregator: score = Π r_ij^w_j with r = x / max for benefit and min / x for
 * cost, so scores lie in (0, 1] and the ratio of two scores is the classic WPM ratio
 * Π (x_aj / x_bj)^(±w_j) (Miller & Starr 1969; Triantaphyllou 2000). Every value must be > 0; a cell that is not is refused by position.
 */
export function weightedProductAggregator(types?: readonly CriterionType[]): Aggregator {
  return {
    order: "desc",
    prepare(m) {
      const t = resolveTypes(types, m.cols);
      const { min, max } = columnRange(m);
      const { rows, cols, data } = m;
      for (let k = 0; k < data.length; k++) {
        if (!(data[k] > 0)) {
          fail(
            "matrix",
            {
              zh: `加权积法要求数值大于 0，实为 ${data[k]}`,
              en: `the weighted product needs values > 0, got ${data[k]}`,
            },
            Math.floor(k / cols) + 1,
            (k % cols) + 1
          );
        }
      }
      // Work in logs: one log per cell, shared by every weight vector.
      const logs = new Float64Array(data.length);
      for (let k = 0; k < data.length; k++) {
        const j = k % cols;
        logs[k] = t[j] === 1 ? Math.log(data[k] / max[j]) : Math.log(min[j] / data[k]);
      }
      return (w) => {
        const out = new Float64Array(rows);
        for (let i = 0, k = 0; i < rows; i++) {
          let s = 0;
          for (let j = 0; j < cols; j++, k++) s += w[j] * logs[k];
          out[i] = Math.exp(s);
        }
        return out;
      };
    },
  };
}

/** Weighted-product scores in (0, 1] (see `weightedProductAggregator`). */
export function weightedProduct(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  types?: readonly CriterionType[]
): Float64Array {
  return weightedProductAggregator(types).prepare(m)(normalizeWeights(weights, m.cols));
}

// ---------------------------------------------------------------------------------------------
// TOPSIS
// ---------------------------------------------------------------------------------------------

export interface TopsisOptions {
  /**
   * "vector" (default, Hwang & Yoon): r = x / √Σx². "minmax": r = (x − min)/(max − min).
   * Cost criteria: the values are not transformed; the ideal takes the column's minimum and the
   * anti-ideal its maximum (Hwang & Yoon's convention). Libraries that instead map a cost column
   * to 1 − r (pymcdm) give the same distances and closeness.
   * A zero column (vector) or a constant column (minmax) adds nothing to either distance.
   */
  normalization?: "vector" | "minmax";
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
  /** Per-column divisor turning weights into coefficients (norm or range; 0 when the column adds nothing). */
  inv: Float64Array;
  best: Float64Array;
  worst: Float64Array;
}

function prepareTopsis(
  m: DecisionMatrix,
  types: readonly CriterionType[],
  options: TopsisOptions
): TopsisPrepared {
  const vector = options.normalization !== "minmax";
  const { min, max, sumSq } = columnRange(m, "matrix", vector);
  const { cols } = m;
  const inv = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    if (vector) inv[j] = sumSq[j] > 0 ? 1 / Math.sqrt(sumSq[j]) : 0;
    else inv[j] = max[j] > min[j] ? 1 / (max[j] - min[j]) : 0;
  }
  const best = new Float64Array(cols);
  const worst = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    best[j] = types[j] === 1 ? max[j] : min[j];
    worst[j] = types[j] === 1 ? min[j] : max[j];
  }
  return { inv, best, worst };
}

function scoreTopsis(
  m: DecisionMatrix,
  p: TopsisPrepared,
  w: Float64Array,
  result?: TopsisResult
): Float64Array {
  const { rows, cols, data } = m;
  const c = new Float64Array(cols);
  for (let j = 0; j < cols; j++) c[j] = w[j] * p.inv[j];
  const closeness = result ? result.closeness : new Float64Array(rows);
  for (let i = 0, k = 0; i < rows; i++) {
    let plus = 0;
    let minus = 0;
    for (let j = 0; j < cols; j++, k++) {
      const x = data[k];
      const a = c[j] * (x - p.best[j]);
      const b = c[j] * (x - p.worst[j]);
      plus += a * a;
      minus += b * b;
    }
    const dp = Math.sqrt(plus);
    const dm = Math.sqrt(minus);
    closeness[i] = dp + dm > 0 ? dm / (dp + dm) : 0.5;
    if (result) {
      result.dPlus[i] = dp;
      result.dMinus[i] = dm;
    }
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

/** Per cell the normalised regret (f*_j − f_ij)/(f*_j − f⁻_j) in [0, 1]; 0 throughout a constant column. */
function vikorRegrets(m: DecisionMatrix, types: readonly CriterionType[]): Float64Array {
  const { min, max } = columnRange(m);
  const { cols, data } = m;
  const d = new Float64Array(data.length);
  for (let k = 0; k < data.length; k++) {
    const j = k % cols;
    const range = max[j] - min[j];
    if (range > 0) d[k] = types[j] === 1 ? (max[j] - data[k]) / range : (data[k] - min[j]) / range;
  }
  return d;
}

function scoreVikor(
  m: DecisionMatrix,
  d: Float64Array,
  w: Float64Array,
  v: number
): { S: Float64Array; R: Float64Array; Q: Float64Array } {
  const { rows, cols } = m;
  const S = new Float64Array(rows);
  const R = new Float64Array(rows);
  for (let i = 0, k = 0; i < rows; i++) {
    let s = 0;
    let r = 0;
    for (let j = 0; j < cols; j++, k++) {
      const t = w[j] * d[k];
      s += t;
      if (t > r) r = t;
    }
    S[i] = s;
    R[i] = r;
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

function extent(xs: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] < lo) lo = xs[i];
    if (xs[i] > hi) hi = xs[i];
  }
  return [lo, hi];
}

function checkV(v: number): number {
  if (!(v >= 0 && v <= 1))
    fail("v", { zh: `应在 0 到 1 之间，实为 ${v}`, en: `must be between 0 and 1, got ${v}` });
  return v;
}

/** VIKOR as an aggregator of Q (lower is better). */
export function vikorAggregator(
  types?: readonly CriterionType[],
  options: VikorOptions = {}
): Aggregator {
  const v = checkV(options.v ?? 0.5);
  return {
    order: "asc",
    prepare(m) {
      const d = vikorRegrets(m, resolveTypes(types, m.cols));
      return (w) => scoreVikor(m, d, w, v).Q;
    },
  };
}

/** Positions sorted by value ascending, ties by index (a stable order, exact comparison). */
function ascendingOrder(xs: Float64Array): number[] {
  return Array.from(xs.keys()).sort((a, b) => xs[a] - xs[b] || a - b);
}

/** VIKOR (Opricovic 1998; Opricovic & Tzeng 2004): S, R, Q and the compromise solution. */
export function vikor(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  types?: readonly CriterionType[],
  options: VikorOptions = {}
): VikorResult {
  const v = checkV(options.v ?? 0.5);
  const w = normalizeWeights(weights, m.cols);
  const d = vikorRegrets(m, resolveTypes(types, m.cols));
  const { S, R, Q } = scoreVikor(m, d, w, v);
  const order = ascendingOrder(Q);
  const n = m.rows;
  const first = order[0];
  if (n === 1) {
    return { S, R, Q, order, dq: 1, advantage: true, stability: true, compromise: [first] };
  }
  const dq = 1 / (n - 1);
  // A difference equal to DQ up to rounding meets the condition (Q is computed, DQ is exact).
  const slack = 1e-12;
  const advantage = Q[order[1]] - Q[first] >= dq - slack;
  const sBest = Math.min(...S);
  const rBest = Math.min(...R);
  const stability = S[first] <= sBest + slack || R[first] <= rBest + slack;
  let compromise: number[];
  if (!advantage) {
    compromise = order.filter((i) => Q[i] - Q[first] < dq - slack);
  } else if (!stability) {
    compromise = [first, order[1]];
  } else {
    compromise = [first];
  }
  return { S, R, Q, order, dq, advantage, stability, compromise };
}
