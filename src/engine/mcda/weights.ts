/**
 * Criterion weights: stated directly, by swing, or derived from the data (entropy, CRITIC).
 * AHP lives in ./ahp. Every function returns weights that sum to 1.
 */
import { Label } from "../types";
import { correlationMatrix, crossProducts } from "./correlation";
import { logBlockRows, logsInto, xLogXColumns } from "./logexp";
import {
  CriterionType,
  DecisionMatrix,
  checkLength,
  columnRange,
  columnSums,
  columnTotals,
  fail,
  normalizeWeights,
  requireComplete,
  resolveTypes,
} from "./matrix";
import {
  CriticCorrelation,
  SpreadMeasure,
  columnMaps,
  normalizeMatrix,
  requireAbove,
} from "./normalize";

/** Weights as stated (any scale, e.g. percentages or points), checked and scaled to sum to 1. */
export function directWeights(weights: ArrayLike<number>, cols?: number): Float64Array {
  return normalizeWeights(weights, cols);
}

/**
 * Swing weighting (von Winterfeldt & Edwards 1986): the swing from worst to best on the most
 * important criterion gets 100 points, every other swing 0–100 points relative to it; weights are
 * the points over their sum. At least one swing must have 100 points (the reference).
 */
export function swingWeights(points: ArrayLike<number>, cols?: number): Float64Array {
  if (cols !== undefined) checkLength(points.length, cols, "points");
  let reference = false;
  for (let j = 0; j < points.length; j++) {
    const p = points[j];
    if (!(p >= 0 && p <= 100)) {
      fail(
        "points",
        { zh: `应在 0 到 100 之间，实为 ${p}`, en: `must be between 0 and 100, got ${p}` },
        undefined,
        j + 1
      );
    }
    if (p === 100) reference = true;
  }
  if (!reference) {
    fail("points", {
      zh: "最重要的那一项摆幅应为 100 分（作为参照）",
      en: "the most important swing must have 100 points (the reference)",
    });
  }
  return normalizeWeights(points, cols, "points");
}

const ENTROPY: Label = { zh: "熵权法", en: "entropy weighting" };
const CRITIC: Label = { zh: "CRITIC 法", en: "CRITIC" };

function needTwoRows(m: DecisionMatrix, method: Label): void {
  if (m.rows < 2) {
    fail("matrix", {
      zh: `${method.zh}需要至少 2 个方案（行），实为 ${m.rows}`,
      en: `${method.en} needs at least 2 alternatives (rows), got ${m.rows}`,
    });
  }
}

function allConstant(method: Label): never {
  return fail("matrix", {
    zh: `每个指标在各方案间都相同，${method.zh}无法区分指标`,
    en: `every criterion is the same for all alternatives: ${method.en} cannot tell criteria apart`,
  });
}

export interface EntropyOptions {
  /**
   * "sum" (default): p_ij = x_ij / Σ_i x_ij on the values as they are (≥ 0; criterion types do not
   * enter). "minmax": each column first rescaled towards its best, (x − min)/(max − min) or, for a cost
   * criterion, (max − x)/(max − min), then p = r / Σr — the usual way with negative values (growth
   * rates, margins) and the cost-aware variant.
   */
  normalization?: "sum" | "minmax";
  /** Criterion types for "minmax"; default all benefit. */
  types?: readonly CriterionType[];
}

/**
 * Entropy weights (Shannon; Zeleny 1982, Hwang & Yoon 1981): p_ij = x_ij / Σ_i x_ij,
 * E_j = −Σ p ln p / ln m with 0 · ln 0 = 0, w_j ∝ 1 − E_j. A constant column (including an all-zero
 * column) carries no information: E = 1, weight 0. (pymcdm instead gives a column containing a 0 the
 * entropy 0, hence the largest weight.)
 */
export function entropyWeights(m: DecisionMatrix, options: EntropyOptions = {}): Float64Array {
  needTwoRows(m, ENTROPY);
  const { rows, cols } = m;
  // A constant column is all 1 after min–max: no information, as it should be.
  const source =
    options.normalization === "minmax"
      ? normalizeMatrix(m, resolveTypes(options.types, cols), "minmax")
      : m;
  const { data } = source;
  // Column sums, ranges and Σ x ln x in one pass (Σ p ln p = Σ x ln x / S − ln S with p = x / S: no
  // division per cell). A blank cell is refused by its position, and so is the first negative one.
  const { sum: sums, min, max, xlnx } = xLogXColumns(data, cols);
  for (let j = 0; j < cols; j++) if (min[j] !== min[j]) requireComplete(source);
  for (let j = 0; j < cols; j++) if (min[j] < 0) refuseNegative(data, cols);
  // A column of tiny values is summed again scaled by a power of two (exact; p is unchanged), where
  // x ln x would underflow.
  const scale = new Float64Array(cols).fill(1);
  for (let j = 0; j < cols; j++) {
    if (!(sums[j] < TINY)) continue;
    scale[j] = 2 ** 960;
    xlnx[j] = 0;
    for (let k = j; k < data.length; k += cols) {
      const x = data[k] * scale[j];
      if (x > 0) xlnx[j] += x * Math.log(x);
    }
  }
  const lnm = Math.log(rows);
  const diversity = new Float64Array(cols);
  let total = 0;
  for (let j = 0; j < cols; j++) {
    const sum = sums[j] * scale[j];
    const plogp = xlnx[j] / sum - Math.log(sum);
    // A constant column has Σ p ln p = −ln m exactly; rounding would leave a hair either side of 0.
    diversity[j] = sums[j] > 0 && min[j] !== max[j] ? Math.max(0, 1 + plogp / lnm) : 0;
    total += diversity[j];
  }
  if (!(total > 0)) allConstant(ENTROPY);
  for (let j = 0; j < cols; j++) diversity[j] /= total;
  return diversity;
}

/** Column sums below 2⁻⁹⁰⁰: x ln x could underflow, so such a column is scaled up first. */
const TINY = 2 ** -900;

/** Refuses the first negative value, naming its cell. */
function refuseNegative(data: Float64Array, cols: number): never {
  let k = 0;
  while (data[k] >= 0) k++;
  return fail(
    "matrix",
    {
      zh: `熵权法要求数值 ≥ 0，实为 ${data[k]}（有负数时请用 minmax 归一化）`,
      en: `entropy weights need values ≥ 0, got ${data[k]} (use minmax normalisation for negative values)`,
    },
    Math.floor(k / cols) + 1,
    (k % cols) + 1
  );
}

export interface CriticOptions {
  /** Correlation between criteria: "pearson" (default, Diakoulaki et al.), "spearman" or "kendall". */
  correlation?: CriticCorrelation;
  /**
   * "minmax" (default): columns min–max normalised towards their best first, as Diakoulaki et al.
   * "none": the values as they are, so σ carries each criterion's own unit (scale the columns first).
   */
  normalization?: "minmax" | "none";
}

/** σ with CRITIC's rule: a column constant up to rounding has no contrast. */
function contrast(ss: number, rows: number, mean: number): number {
  const sd = Math.sqrt(ss / (rows - 1));
  return ss > 0 && sd > 1e-12 * Math.max(1, Math.abs(mean)) ? sd : 0;
}

/**
 * σ and Pearson's r of the normalised columns from the raw ones, copying nothing: min–max is
 * r = s (x − ref) + fill per column, and σ scales by |s| while r keeps its sign when both scales
 * have the same sign and flips it otherwise.
 */
function criticPearson(m: DecisionMatrix, t: readonly CriterionType[], options: CriticOptions) {
  const { rows, cols } = m;
  const none = options.normalization === "none";
  const maps = none ? null : columnMaps(m, t, "minmax");
  const { mean, cross } = crossProducts(m);
  const sd = new Array<number>(cols);
  const sign = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    const s = maps ? maps.scale[j] : 1;
    sign[j] = Math.sign(s);
    const meanR = maps ? s * (mean[j] - maps.ref[j]) + maps.fill[j] : mean[j];
    sd[j] = contrast(s * s * cross[j * cols + j], rows, meanR);
  }
  const corr = Array.from({ length: cols }, (_, j) => {
    const row = new Float64Array(cols);
    for (let k = 0; k < cols; k++) {
      const c = cross[j * cols + k] / Math.sqrt(cross[j * cols + j] * cross[k * cols + k]);
      row[k] = sign[j] * sign[k] * c;
    }
    return row;
  });
  return { sd, corr };
}

/** σ and the rank correlation (Spearman's ρ or Kendall's τ) of the normalised columns. */
function criticRanks(m: DecisionMatrix, t: readonly CriterionType[], options: CriticOptions) {
  const { rows, cols } = m;
  const r = options.normalization === "none" ? m : normalizeMatrix(m, t, "minmax");
  const columns = Array.from({ length: cols }, (_, j) => {
    const c = new Float64Array(rows);
    for (let i = 0; i < rows; i++) c[i] = r.data[i * cols + j];
    return c;
  });
  const sd = columns.map((c) => {
    let mean = 0;
    for (let i = 0; i < rows; i++) mean += c[i];
    mean /= rows;
    let ss = 0;
    for (let i = 0; i < rows; i++) ss += (c[i] - mean) * (c[i] - mean);
    return contrast(ss, rows, mean);
  });
  return { sd, corr: correlationMatrix(columns, options.correlation ?? "pearson") };
}

/**
 * CRITIC weights (Diakoulaki, Mavrotas & Papayannakis 1995): each criterion min–max normalised towards
 * its best (so a cost criterion is flipped; types default to all benefit), then
 * C_j = σ_j · Σ_k (1 − r_jk) and w_j ∝ C_j, σ the sample standard deviation and r the correlation.
 * A constant column has σ = 0 and weight 0, and is left out of the others' conflict sums (its
 * correlation is undefined). When no conflict is left (one varying criterion, or all varying ones
 * perfectly correlated) the weights are ∝ σ.
 */
export function criticWeights(
  m: DecisionMatrix,
  types?: readonly CriterionType[],
  options: CriticOptions = {}
): Float64Array {
  needTwoRows(m, CRITIC);
  const t = resolveTypes(types, m.cols);
  const { cols } = m;
  // A blank is refused here when no min–max map (which refuses it) is made.
  if (options.normalization === "none") columnRange(m);
  const { sd, corr } =
    (options.correlation ?? "pearson") === "pearson"
      ? criticPearson(m, t, options)
      : criticRanks(m, t, options);
  const info = new Float64Array(cols);
  let total = 0;
  for (let j = 0; j < cols; j++) {
    if (!(sd[j] > 0)) continue;
    let conflict = 0;
    for (let k = 0; k < cols; k++) {
      if (sd[k] > 0 && k !== j) conflict += 1 - corr[j][k];
    }
    info[j] = sd[j] * conflict;
    total += info[j];
  }
  if (!(total > 1e-15)) {
    // No conflict left to measure (a single varying criterion, or varying criteria all perfectly
    // correlated): contrast alone decides, w ∝ σ.
    total = 0;
    for (let j = 0; j < cols; j++) total += info[j] = sd[j];
    if (!(total > 0)) allConstant(CRITIC);
  }
  for (let j = 0; j < cols; j++) info[j] /= total;
  return info;
}

/**
 * MEREC (Keshavarz-Ghorabaee, Amiri, Zavadskas, Turskis & Antucheviciene 2021): n = min/x for a
 * benefit criterion and x/max for a cost one (values > 0), overall performance
 * S_i = ln(1 + Σ_j |ln n_ij| / m), S′_ij the same without criterion j, and w_j ∝ Σ_i |S′_ij − S_i|:
 * the criteria whose removal changes the alternatives' performance most weigh most.
 */
export function merecWeights(m: DecisionMatrix, types?: readonly CriterionType[]): Float64Array {
  const t = resolveTypes(types, m.cols);
  const { rows, cols, data } = m;
  // n is "linear" normalisation with the types reversed, on values > 0; found cell by cell, not copied.
  const { min, max } = columnRange(m);
  for (let j = 0; j < cols; j++) if (!(min[j] > 0)) requireAbove(m, j, 0, true, "linear");
  const e = new Float64Array(cols);
  // A block of rows at a time: n, then |ln n| (each cell's found once), then per row ln(1 + Σ/m) and
  // each cell's ln(1 + (Σ − its own)/m).
  const block = logBlockRows(cols + 1);
  // Multiplied, not divided: V8 divides at every cell (the weights move by an ulp at most).
  const perCriterion = 1 / cols;
  const a = new Float64Array(block * cols);
  const inner = new Float64Array(block * (cols + 1));
  for (let from = 0; from < rows; from += block) {
    const count = Math.min(rows, from + block) - from;
    for (let o = 0, k = from * cols; o < count * cols;)
      for (let j = 0; j < cols; j++, o++, k++)
        a[o] = t[j] === 1 ? min[j] / data[k] : data[k] / max[j];
    logsInto(a, 0, count * cols, a, 0);
    for (let i = 0, o = 0, q = 0; i < count; i++) {
      let total = 0;
      for (let j = 0; j < cols; j++, o++) total += a[o] = Math.abs(a[o]);
      for (let j = 0, p = o - cols; j < cols; j++, p++)
        inner[q++] = 1 + (total - a[p]) * perCriterion;
      inner[q++] = 1 + total * perCriterion;
    }
    logsInto(inner, 0, count * (cols + 1), inner, 0);
    for (let i = 0, q = 0; i < count; i++, q += cols + 1) {
      const s = inner[q + cols];
      for (let j = 0; j < cols; j++) e[j] += Math.abs(inner[q + j] - s);
    }
  }
  let sum = 0;
  for (const x of e) sum += x;
  if (!(sum > 0)) allConstant({ zh: "MEREC 法", en: "MEREC" });
  return e.map((x) => x / sum);
}

/**
 * Weights ∝ each criterion's spread: its standard deviation ("std"; pymcdm's
 * standard_deviation_weights, Jahan & Edwards 2013) or its coefficient of variation σ / |mean|
 * ("cv"). Use "std" on columns already on one scale (e.g. normalised); "cv" is unit-free. A constant
 * column weighs 0.
 */
export function spreadWeights(m: DecisionMatrix, measure: SpreadMeasure = "std"): Float64Array {
  const method: Label =
    measure === "cv"
      ? { zh: "变异系数法", en: "coefficient-of-variation weighting" }
      : { zh: "标准差法", en: "standard-deviation weighting" };
  needTwoRows(m, method);
  const { rows, cols } = m;
  // Column sums (carried by a matrix from toMatrix); a blank is refused by position.
  const sum = columnTotals(m, false);
  const mean = sum.map((x) => x / rows);
  const ss = columnSums(m, mean, true);
  const out = new Float64Array(cols);
  let total = 0;
  for (let j = 0; j < cols; j++) {
    const sd = Math.sqrt(ss[j] / (rows - 1));
    if (measure === "cv" && sd > 0 && sum[j] === 0) {
      // The text names the column: a position as well would name it twice ("matrix item 2: column 2 …").
      fail("matrix", {
        zh: `第 ${j + 1} 列平均值为 0，变异系数无定义`,
        en: `column ${j + 1} has mean 0: its coefficient of variation is undefined`,
      });
    }
    out[j] = measure === "cv" && sd > 0 ? sd / Math.abs(sum[j] / rows) : sd;
    total += out[j];
  }
  if (!(total > 0)) allConstant(method);
  for (let j = 0; j < cols; j++) out[j] /= total;
  return out;
}

/** Consistency index of BWM by a_BW = 1 … 9 (Rezaei 2015, Table 5): the largest ξ* possible. */
export const BWM_CONSISTENCY_INDEX = [0, 0.44, 1.0, 1.63, 2.3, 3.0, 3.73, 4.47, 5.23] as const;

export interface BwmResult {
  weights: Float64Array;
  /** ξ*, the smallest largest deviation |w_B/w_j − a_Bj|, |w_j/w_W − a_jW| any weights can reach. */
  xi: number;
  /** ξ* / CI(a_BW); 0 is fully consistent, near 1 is as inconsistent as the scale allows. */
  cr: number;
  /** 0-based positions of the best and worst criteria. */
  best: number;
  worst: number;
}

function bwmVector(values: ArrayLike<number>, argument: string, cols: number): void {
  checkLength(values.length, cols, argument);
  for (let j = 0; j < cols; j++) {
    const a = values[j];
    if (!(a >= 1 && a <= 9)) {
      fail(
        argument,
        { zh: `应在 1 到 9 之间，实为 ${a}`, en: `must be between 1 and 9, got ${a}` },
        undefined,
        j + 1
      );
    }
  }
}

/**
 * Whether u_x − u_y ≤ c holds for every edge [y, x, c] together: no negative cycle (Bellman–Ford from
 * a virtual source). Returns the potentials, or null when infeasible.
 */
function differenceConstraints(n: number, edges: [number, number, number][]): Float64Array | null {
  const u = new Float64Array(n);
  for (let pass = 0; pass <= n; pass++) {
    let changed = false;
    for (const [y, x, c] of edges) {
      if (u[y] + c < u[x] - 1e-15) {
        u[x] = u[y] + c;
        changed = true;
      }
    }
    if (!changed) return u;
  }
  return null;
}

/**
 * Best–worst method (Rezaei 2015), the original non-linear model: min ξ subject to
 * |w_B / w_j − a_Bj| ≤ ξ and |w_j / w_W − a_jW| ≤ ξ, Σ w = 1, w ≥ 0. In logarithms every constraint is
 * a difference constraint, so ξ* is found by bisection with a negative-cycle test — exact to 1e-12
 * without an LP solver. `bestToOthers[j]`: how much the best criterion is preferred to j (1–9, 1 for
 * itself); `othersToWorst[j]`: how much j is preferred to the worst (1 for itself).
 */
export function bwmWeights(
  bestToOthers: ArrayLike<number>,
  othersToWorst: ArrayLike<number>
): BwmResult {
  const n = bestToOthers.length;
  if (n < 2) fail("best_to_others", { zh: "至少需要 2 个指标", en: "needs at least 2 criteria" });
  bwmVector(bestToOthers, "best_to_others", n);
  bwmVector(othersToWorst, "others_to_worst", n);
  let best = 0;
  let worst = 0;
  for (let j = 1; j < n; j++) {
    if (othersToWorst[j] > othersToWorst[best]) best = j;
    if (bestToOthers[j] > bestToOthers[worst]) worst = j;
  }
  if (bestToOthers[best] !== 1) {
    fail(
      "best_to_others",
      {
        zh: `最优指标（others_to_worst 最大者）对自身应为 1，实为 ${bestToOthers[best]}`,
        en: `the best criterion (largest in others_to_worst) must compare to itself as 1, got ${bestToOthers[best]}`,
      },
      undefined,
      best + 1
    );
  }
  if (othersToWorst[worst] !== 1) {
    fail(
      "others_to_worst",
      {
        zh: `最劣指标（best_to_others 最大者）对自身应为 1，实为 ${othersToWorst[worst]}`,
        en: `the worst criterion (largest in best_to_others) must compare to itself as 1, got ${othersToWorst[worst]}`,
      },
      undefined,
      worst + 1
    );
  }
  if (bestToOthers[worst] !== othersToWorst[best]) {
    fail("others_to_worst", {
      zh: `最优对最劣的判断应一致：best_to_others 为 ${bestToOthers[worst]}，others_to_worst 为 ${othersToWorst[best]}`,
      en: `best over worst must agree: ${bestToOthers[worst]} in best_to_others, ${othersToWorst[best]} in others_to_worst`,
    });
  }
  const feasible = (xi: number): Float64Array | null => {
    const edges: [number, number, number][] = [];
    for (let j = 0; j < n; j++) {
      const a = bestToOthers[j];
      const b = othersToWorst[j];
      edges.push([j, best, Math.log(a + xi)]); // w_B ≤ (a + ξ) w_j
      if (a - xi > 0) edges.push([best, j, -Math.log(a - xi)]); // w_B ≥ (a − ξ) w_j
      edges.push([worst, j, Math.log(b + xi)]); // w_j ≤ (b + ξ) w_W
      if (b - xi > 0) edges.push([j, worst, -Math.log(b - xi)]); // w_j ≥ (b − ξ) w_W
    }
    return differenceConstraints(n, edges);
  };
  // ξ = 9 is always feasible (all weights equal meet every upper bound; no lower bound is left).
  let hi = 0;
  let u = feasible(0);
  if (u === null) {
    let lo = 0;
    hi = 9;
    u = feasible(hi) as Float64Array;
    while (hi - lo > 1e-12) {
      const mid = (lo + hi) / 2;
      const at = feasible(mid);
      if (at) {
        hi = mid;
        u = at;
      } else lo = mid;
    }
  }
  const w = new Float64Array(n);
  let sum = 0;
  for (let j = 0; j < n; j++) sum += w[j] = Math.exp(u[j]);
  for (let j = 0; j < n; j++) w[j] /= sum;
  const ci = BWM_CONSISTENCY_INDEX[Math.round(bestToOthers[worst]) - 1] ?? 0;
  return { weights: w, xi: hi, cr: ci > 0 ? hi / ci : 0, best, worst };
}
