/**
 * Criterion weights: stated directly, by swing, or derived from the data (entropy, CRITIC).
 * AHP lives in ./ahp. Every function returns weights that sum to 1.
 */
import { Label } from "../types";
import {
  CriterionType,
  DecisionMatrix,
  checkLength,
  columnRange,
  fail,
  normalizeWeights,
  resolveTypes,
} from "./matrix";

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

/**
 * Entropy weights (Shannon; Zeleny 1982, Hwang & Yoon 1981): p_ij = x_ij / Σ_i x_ij,
 * E_j = −Σ p ln p / ln m, w_j ∝ 1 − E_j. Values must be ≥ 0. A constant column (including an
 * all-zero column) carries no information: E = 1, weight 0. Criterion types do not enter.
 */
export function entropyWeights(m: DecisionMatrix): Float64Array {
  needTwoRows(m, ENTROPY);
  const { rows, cols, data } = m;
  const { min } = columnRange(m);
  for (let j = 0; j < cols; j++) {
    if (min[j] < 0) {
      let i = 0;
      while (data[i * cols + j] >= 0) i++;
      fail(
        "matrix",
        {
          zh: `熵权法要求数值 ≥ 0，实为 ${data[i * cols + j]}`,
          en: `entropy weights need values ≥ 0, got ${data[i * cols + j]}`,
        },
        i + 1,
        j + 1
      );
    }
  }
  const sums = new Float64Array(cols);
  for (let k = 0; k < data.length; k++) sums[k % cols] += data[k];
  const plogp = new Float64Array(cols);
  for (let k = 0; k < data.length; k++) {
    const j = k % cols;
    if (sums[j] > 0 && data[k] > 0) {
      const p = data[k] / sums[j];
      plogp[j] += p * Math.log(p);
    }
  }
  const lnm = Math.log(rows);
  const diversity = new Float64Array(cols);
  let total = 0;
  for (let j = 0; j < cols; j++) {
    // Rounding can leave a hair below 0 for a constant column.
    diversity[j] = sums[j] > 0 ? Math.max(0, 1 + plogp[j] / lnm) : 0;
    total += diversity[j];
  }
  if (!(total > 0)) allConstant(ENTROPY);
  for (let j = 0; j < cols; j++) diversity[j] /= total;
  return diversity;
}

/**
 * CRITIC weights (Diakoulaki, Mavrotas & Papayannakis 1995): each criterion min–max normalised towards
 * its best (so a cost criterion is flipped; types default to all benefit), then
 * C_j = σ_j · Σ_k (1 − r_jk) and w_j ∝ C_j, σ the standard deviation and r Pearson's correlation.
 * A constant column has σ = 0 and weight 0, and is left out of the others' conflict sums (its
 * correlation is undefined). When no conflict is left (one varying criterion, or all varying ones
 * perfectly correlated) the weights are ∝ σ.
 */
export function criticWeights(m: DecisionMatrix, types?: readonly CriterionType[]): Float64Array {
  needTwoRows(m, CRITIC);
  const t = resolveTypes(types, m.cols);
  const { rows, cols, data } = m;
  const { min, max } = columnRange(m);
  // Centred normalised columns, column-major for the correlation loops.
  const z = new Float64Array(rows * cols);
  const sd = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    const range = max[j] - min[j];
    if (!(range > 0)) continue;
    let mean = 0;
    for (let i = 0; i < rows; i++) {
      const x = data[i * cols + j];
      const r = t[j] === 1 ? (x - min[j]) / range : (max[j] - x) / range;
      z[j * rows + i] = r;
      mean += r;
    }
    mean /= rows;
    let ss = 0;
    for (let i = 0; i < rows; i++) {
      z[j * rows + i] -= mean;
      ss += z[j * rows + i] ** 2;
    }
    sd[j] = Math.sqrt(ss / (rows - 1));
  }
  const info = new Float64Array(cols);
  let total = 0;
  for (let j = 0; j < cols; j++) {
    if (!(sd[j] > 0)) continue;
    let conflict = 0;
    for (let k = 0; k < cols; k++) {
      if (!(sd[k] > 0)) continue;
      let cov = 0;
      for (let i = 0; i < rows; i++) cov += z[j * rows + i] * z[k * rows + i];
      const r = cov / (rows - 1) / (sd[j] * sd[k]);
      conflict += 1 - r;
    }
    info[j] = sd[j] * conflict;
    total += info[j];
  }
  if (!(total > 0)) {
    // No conflict left to measure (a single varying criterion, or varying criteria all perfectly
    // correlated): contrast alone decides, w ∝ σ.
    for (let j = 0; j < cols; j++) total += info[j] = sd[j];
    if (!(total > 0)) allConstant(CRITIC);
  }
  for (let j = 0; j < cols; j++) info[j] /= total;
  return info;
}
