/**
 * Further ranking methods, as pymcdm and scikit-criteria define them: PROMETHEE II, EDAS, MOORA,
 * COPRAS, MABAC, ARAS, CODAS, MARCOS, SPOTIS and CoCoSo (WSUM, WPM, WASPAS, TOPSIS and VIKOR are in
 * ./aggregate). Each takes (matrix, weights, types, options) like those, and returns one score per
 * alternative; higher is better except SPOTIS (a distance, lower is better) — see `METHOD_ORDER`.
 * Normalised values come from ./normalize, so cost criteria are handled one way throughout.
 */
import { RankOrder } from "../rank";
import { Label } from "../types";
import { WeightOptions, checkUnit, extent, methodWeights } from "./aggregate";
import {
  CriterionType,
  DecisionMatrix,
  checkLength,
  columnRange,
  columnTotals,
  fail,
  resolveTypes,
} from "./matrix";
import { ranksEq } from "./correlation";
import { expsInto, logBlockRows, logsInto } from "./logexp";
import {
  Normalization,
  PreferenceFunction,
  columnMaps,
  mapped,
  mappedRows,
  mappedData,
  normalizeMatrix,
} from "./normalize";

/**
 * Σ_j w_j x_ij per row. Four rows at a time: each row's sum is one chain of dependent additions, and four
 * independent chains overlap (about twice as fast); each row still adds in column order, so every sum is
 * the one-row loop's bit for bit. The last group repeats the last row instead of a separate tail loop.
 */
export function weightedRowSums(m: DecisionMatrix, w: ArrayLike<number>): Float64Array {
  const { rows, cols, data } = m;
  const out = new Float64Array(rows);
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
    for (let j = 0; j < cols; j++) {
      const c = w[j];
      s0 += c * data[k0 + j];
      s1 += c * data[k1 + j];
      s2 += c * data[k2 + j];
      s3 += c * data[k3 + j];
    }
    out[i] = s0;
    out[i1] = s1;
    out[i2] = s2;
    out[i3] = s3;
  }
  return out;
}

/** Whether a quantity a method divides by can be divided by: finite and not 0. */
const usable = (x: number) => x !== 0 && Number.isFinite(x);

/**
 * Refuses when a quantity a method divides by is 0, or not finite (values near the ends of the double
 * range overflow); `what` names it, and the message shows which.
 */
function nonZero(x: number, method: Label, what: Label, row?: number): number {
  if (!usable(x)) {
    fail(
      "matrix",
      {
        zh: `${method.zh}无法计算：${what.zh}为 ${x}`,
        en: `${method.en} cannot be computed: ${what.en} is ${x}`,
      },
      row
    );
  }
  return x;
}

// ---------------------------------------------------------------------------------------------
// PROMETHEE II
// ---------------------------------------------------------------------------------------------

export interface PrometheeOptions {
  /** One function for every criterion, or one per criterion; default "usual". */
  preference?: PreferenceFunction | readonly PreferenceFunction[];
  /** Indifference threshold q per criterion (ushape, level, linear). */
  q?: ArrayLike<number>;
  /** Preference threshold p per criterion (vshape, level, linear). */
  p?: ArrayLike<number>;
  /** Gaussian parameter s per criterion (gaussian). */
  s?: ArrayLike<number>;
}

/** The preference P(d) of a difference d in the criterion's favourable direction. */
function preferenceOf(f: PreferenceFunction, d: number, q: number, p: number, s: number): number {
  if (d <= 0) return 0;
  switch (f) {
    case "usual":
      return 1;
    case "ushape":
      return d > q ? 1 : 0;
    case "vshape":
      return d >= p ? 1 : d / p;
    case "level":
      return d > p ? 1 : d > q ? 0.5 : 0;
    case "linear":
      return d > p ? 1 : d > q ? (d - q) / (p - q) : 0;
    case "gaussian":
      return 1 - Math.exp(-(d * d) / (2 * s * s));
  }
}

/** Which thresholds each function needs. */
const NEEDS: Record<PreferenceFunction, readonly ("q" | "p" | "s")[]> = {
  usual: [],
  ushape: ["q"],
  vshape: ["p"],
  level: ["q", "p"],
  linear: ["q", "p"],
  gaussian: ["s"],
};

function threshold(
  values: ArrayLike<number> | undefined,
  name: "q" | "p" | "s",
  j: number,
  cols: number
): number {
  if (values === undefined) {
    return fail(name, {
      zh: `第 ${j + 1} 个指标的偏好函数需要阈值 ${name}`,
      en: `the preference function of criterion ${j + 1} needs the threshold ${name}`,
    });
  }
  checkLength(values.length, cols, name);
  const x = values[j];
  if (Number.isNaN(x)) {
    fail(
      name,
      {
        zh: `第 ${j + 1} 个指标的偏好函数需要阈值 ${name}，此处为空`,
        en: `the preference function of criterion ${j + 1} needs the threshold ${name}, which is blank`,
      },
      undefined,
      j + 1
    );
  }
  if (!(x >= 0) || (name !== "q" && !(x > 0))) {
    fail(
      name,
      {
        zh: `阈值应${name === "q" ? "≥" : "＞"} 0，实为 ${x}`,
        en: `must be ${name === "q" ? "≥" : ">"} 0, got ${x}`,
      },
      undefined,
      j + 1
    );
  }
  return x;
}

export interface PrometheeResult {
  /** Net flow φ = φ⁺ − φ⁻ in [−1, 1]; higher is better (PROMETHEE II's complete ranking). */
  net: Float64Array;
  /** Leaving (positive) flow φ⁺. */
  plus: Float64Array;
  /** Entering (negative) flow φ⁻. */
  minus: Float64Array;
}

/**
 * PROMETHEE II (Brans & Vincke 1985): for each pair and criterion the preference P_j(d) of the
 * difference (a cost criterion reversed), π(a, b) = Σ w_j P_j, flows averaged over the n − 1 others.
 * O(n² m): meant for lists of projects, not for 100 000 rows. A single alternative has flows 0.
 */
export function promethee(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  types?: readonly CriterionType[],
  options: PrometheeOptions = {}
): PrometheeResult {
  const t = resolveTypes(types, m.cols);
  const w = methodWeights(weights, m.cols);
  columnRange(m); // refuses blanks
  const { rows: n, cols, data } = m;
  const fs: PreferenceFunction[] = Array.isArray(options.preference)
    ? [...(options.preference as readonly PreferenceFunction[])]
    : new Array<PreferenceFunction>(cols).fill(
        (options.preference as PreferenceFunction | undefined) ?? "usual"
      );
  checkLength(fs.length, cols, "preference");
  const q = new Float64Array(cols);
  const p = new Float64Array(cols);
  const s = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    const needs = NEEDS[fs[j]];
    if (needs.includes("q")) q[j] = threshold(options.q, "q", j, cols);
    if (needs.includes("p")) p[j] = threshold(options.p, "p", j, cols);
    if (needs.includes("s")) s[j] = threshold(options.s, "s", j, cols);
    if (needs.includes("q") && needs.includes("p") && !(p[j] > q[j])) {
      fail(
        "p",
        {
          zh: `偏好阈值 p 应大于无差异阈值 q（${p[j]} ≤ ${q[j]}）`,
          en: `the preference threshold p must exceed the indifference threshold q (${p[j]} ≤ ${q[j]})`,
        },
        undefined,
        j + 1
      );
    }
  }
  const plus = new Float64Array(n);
  const minus = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      let ab = 0;
      let ba = 0;
      for (let j = 0; j < cols; j++) {
        const d = t[j] * (data[a * cols + j] - data[b * cols + j]);
        ab += w[j] * preferenceOf(fs[j], d, q[j], p[j], s[j]);
        ba += w[j] * preferenceOf(fs[j], -d, q[j], p[j], s[j]);
      }
      plus[a] += ab;
      minus[b] += ab;
      plus[b] += ba;
      minus[a] += ba;
    }
  }
  const net = new Float64Array(n);
  if (n > 1) {
    for (let i = 0; i < n; i++) {
      plus[i] /= n - 1;
      minus[i] /= n - 1;
      net[i] = plus[i] - minus[i];
    }
  }
  return { net, plus, minus };
}

// ---------------------------------------------------------------------------------------------
// EDAS
// ---------------------------------------------------------------------------------------------

const EDAS: Label = { zh: "EDAS", en: "EDAS" };

/**
 * EDAS (Keshavarz Ghorabaee et al. 2015): positive and negative distances from the column average,
 * PDA = max(0, ±(x − AV))/AV, weighted sums SP and SN, normalised NSP = SP / max SP and
 * NSN = 1 − SN / max SN, score (NSP + NSN)/2 in [0, 1]. A column average of 0 is refused. When no
 * alternative is above (below) average anywhere, NSP = 0 (NSN = 1) for all: identical alternatives
 * all score 0.5.
 */
export function edas(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  types?: readonly CriterionType[],
  options: WeightOptions = {}
): Float64Array {
  const t = resolveTypes(types, m.cols);
  const w = methodWeights(weights, m.cols, options);
  const { rows, cols, data } = m;
  const avg = columnTotals(m, false);
  for (let j = 0; j < cols; j++) {
    avg[j] /= rows;
    nonZero(avg[j], EDAS, { zh: `第 ${j + 1} 列的平均值`, en: `the average of column ${j + 1}` });
  }
  // w_j · (±1) / |AV_j| per column: the distance terms without a division per cell.
  const c = avg.map((a, j) => (w[j] * t[j]) / Math.abs(a));
  const sp = new Float64Array(rows);
  const sn = new Float64Array(rows);
  for (let i = 0, k = 0; i < rows; i++) {
    let plus = 0;
    let minus = 0;
    for (let j = 0; j < cols; j++, k++) {
      const d = c[j] * (data[k] - avg[j]);
      if (d > 0) plus += d;
      else minus -= d;
    }
    sp[i] = plus;
    sn[i] = minus;
  }
  const [, spMax] = extent(sp);
  const [, snMax] = extent(sn);
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const nsp = spMax > 0 ? sp[i] / spMax : 0;
    const nsn = snMax > 0 ? 1 - sn[i] / snMax : 1;
    out[i] = (nsp + nsn) / 2;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// MOORA (ratio system)
// ---------------------------------------------------------------------------------------------

/**
 * MOORA ratio system (Brauers & Zavadskas 2006): vector-normalised values, weighted, benefit sum
 * minus cost sum. pymcdm refuses a matrix with only benefit criteria; here it is simply the weighted
 * sum of vector-normalised values. An all-zero column adds nothing.
 */
export function moora(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  types?: readonly CriterionType[],
  options: WeightOptions = {}
): Float64Array {
  const t = resolveTypes(types, m.cols);
  const w = methodWeights(weights, m.cols, options);
  const sumSq = columnTotals(m, true);
  const c = new Float64Array(m.cols);
  for (let j = 0; j < m.cols; j++) c[j] = sumSq[j] > 0 ? (t[j] * w[j]) / Math.sqrt(sumSq[j]) : 0;
  return weightedRowSums(m, c);
}

// ---------------------------------------------------------------------------------------------
// MULTIMOORA
// ---------------------------------------------------------------------------------------------

export interface MultimooraResult {
  /** Ratio system (= `moora`): higher is better. */
  ratio: Float64Array;
  /** Reference point: Tchebycheff distance max_j w_j |r*_j − r_ij| to the best weighted value; lower is better. */
  reference: Float64Array;
  /** Full multiplicative form Π_benefit (w r) / Π_cost (w r): higher is better. */
  product: Float64Array;
  /** Final ranks by dominance over the three (1 = best; ties share the best rank). */
  rank: Int32Array;
}

const MULTIMOORA: Label = {
  zh: "MULTIMOORA 全乘形式",
  en: "MULTIMOORA's full multiplicative form",
};

/**
 * MULTIMOORA (Brauers & Zavadskas 2010, 2011): three scores on vector-normalised values r = x / √Σx² —
 * the ratio system (MOORA), the reference point (distance to the best weighted value of each
 * criterion) and the full multiplicative form U = Π_benefit (w r) / Π_cost (w r), as Karabasevic et al.
 * (2015) and pyrepo-mcda compute it (a constant multiple of Brauers & Zavadskas's unweighted Π x / Π x,
 * so the same ranking; a zero weight leaves its criterion out). Values must be ≥ 0, and > 0 in cost
 * criteria. The final ranking is by dominance (Brauers & Zavadskas 2011): a dominates b when it ranks
 * better in at least two of the three; ranked by Copeland score (dominated − dominating), so a circle
 * of dominance ends in a tie. O(n²) for that last step: meant for lists of projects.
 */
export function multimoora(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  types?: readonly CriterionType[],
  options: WeightOptions = {}
): MultimooraResult {
  const t = resolveTypes(types, m.cols);
  const w = methodWeights(weights, m.cols, options);
  const ratio = moora(m, w, t, { rescaleWeights: false });
  const { rows, cols, data } = m;
  const { min, max, sumSq } = columnRange(m, "matrix", { sumSq: true });
  // w r per cell is c_j · x; the reference point's best is the column max (benefit) or min (cost).
  const c = new Float64Array(cols);
  const logC = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    c[j] = sumSq[j] > 0 ? w[j] / Math.sqrt(sumSq[j]) : 0;
    logC[j] = Math.log(c[j]);
  }
  const reference = new Float64Array(rows);
  const product = new Float64Array(rows);
  for (let i = 0, k = 0; i < rows; i++) {
    let far = 0;
    let logU = 0;
    for (let j = 0; j < cols; j++, k++) {
      const x = data[k];
      const d = c[j] * Math.abs((t[j] === 1 ? max[j] : min[j]) - x);
      if (d > far) far = d;
      if (w[j] === 0) continue;
      if (!(x > 0) && (t[j] === -1 || x < 0)) {
        fail(
          "matrix",
          {
            zh: `${MULTIMOORA.zh}要求数值 ${t[j] === -1 ? "> 0（成本型）" : "≥ 0"}，实为 ${x}`,
            en: `${MULTIMOORA.en} needs values ${t[j] === -1 ? "> 0 (cost criterion)" : "≥ 0"}, got ${x}`,
          },
          i + 1,
          j + 1
        );
      }
      logU += t[j] * (logC[j] + Math.log(x));
    }
    reference[i] = far;
    product[i] = Math.exp(logU);
  }
  return {
    ratio,
    reference,
    product,
    rank: dominanceRanks([
      ranksEq(ratio, "desc"),
      ranksEq(reference, "asc"),
      ranksEq(product, "desc"),
    ]),
  };
}

/**
 * Ranks from several rankings by majority dominance: a dominates b when it ranks better in more than
 * half of them; Copeland score = how many it dominates − how many dominate it; ranked as RANK.EQ.
 */
export function dominanceRanks(rankings: readonly ArrayLike<number>[]): Int32Array {
  const n = rankings[0].length;
  const majority = Math.floor(rankings.length / 2) + 1;
  const score = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      let aBetter = 0;
      let bBetter = 0;
      for (const r of rankings) {
        if (r[a] < r[b]) aBetter++;
        else if (r[b] < r[a]) bBetter++;
      }
      if (aBetter >= majority) {
        score[a]++;
        score[b]--;
      } else if (bBetter >= majority) {
        score[b]++;
        score[a]--;
      }
    }
  }
  return ranksEq(score, "desc");
}

// ---------------------------------------------------------------------------------------------
// COPRAS
// ---------------------------------------------------------------------------------------------

const COPRAS: Label = { zh: "COPRAS", en: "COPRAS" };

/**
 * COPRAS (Zavadskas, Kaklauskas & Šarka 1994): d = w · x / Σx per column (values ≥ 0), S⁺ and S⁻ the
 * row sums over benefit and cost criteria, Q = S⁺ + Σ S⁻ / (S⁻ · Σ 1/S⁻), and the utility degree
 * N = Q / max Q in (0, 1] (what pymcdm returns). Without cost criteria Q = S⁺ (pymcdm refuses that
 * case). An alternative with S⁻ = 0 (all its cost values 0) is refused.
 */
export function copras(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  types?: readonly CriterionType[],
  options: WeightOptions = {}
): Float64Array {
  const t = resolveTypes(types, m.cols);
  const w = methodWeights(weights, m.cols, options);
  // d = w · x / Σx: the "sum" maps of an all-benefit matrix, folded into one coefficient per column.
  const { scale } = columnMaps(m, new Array<CriterionType>(m.cols).fill(1), "sum");
  const { rows, cols, data } = m;
  const sPlus = new Float64Array(rows);
  const sMinus = new Float64Array(rows);
  const c = scale.map((x, j) => x * w[j]);
  for (let i = 0, k = 0; i < rows; i++) {
    let plus = 0;
    let minus = 0;
    for (let j = 0; j < cols; j++, k++) {
      if (t[j] === 1) plus += c[j] * data[k];
      else minus += c[j] * data[k];
    }
    sPlus[i] = plus;
    sMinus[i] = minus;
  }
  const q = new Float64Array(rows);
  if (t.includes(-1)) {
    let total = 0;
    let inverse = 0;
    for (let i = 0; i < rows; i++) {
      // The check in line, its message built only for a zero: not one label object per row.
      if (!usable(sMinus[i])) {
        nonZero(
          sMinus[i],
          COPRAS,
          { zh: "该方案的成本项之和", en: "this alternative's cost sum" },
          i + 1
        );
      }
      total += sMinus[i];
      inverse += 1 / sMinus[i];
    }
    for (let i = 0; i < rows; i++) q[i] = sPlus[i] + total / (sMinus[i] * inverse);
  } else {
    q.set(sPlus);
  }
  const [, qMax] = extent(q);
  nonZero(qMax, COPRAS, { zh: "最大相对重要度 Q", en: "the largest relative significance Q" });
  for (let i = 0; i < rows; i++) q[i] /= qMax;
  return q;
}

// ---------------------------------------------------------------------------------------------
// MABAC
// ---------------------------------------------------------------------------------------------

/**
 * MABAC (Pamučar & Ćirović 2015): min–max normalised r, v = w (r + 1), border approximation area
 * g_j = (Π_i v_ij)^(1/n), score Σ_j (v_ij − g_j). A constant column has r = 1 and adds 0.
 */
export function mabac(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  types?: readonly CriterionType[],
  options: WeightOptions = {}
): Float64Array {
  const t = resolveTypes(types, m.cols);
  const w = methodWeights(weights, m.cols, options);
  const r = normalizeMatrix(m, t, "minmax");
  const { rows, cols } = m;
  const logG = new Float64Array(cols);
  // v = w (r + 1) in place and each column's Σ ln v, a block of rows at a time.
  const block = logBlockRows(cols);
  const logs = new Float64Array(block * cols);
  for (let from = 0; from < rows; from += block) {
    const start = from * cols;
    const end = Math.min(rows, from + block) * cols;
    for (let k = start; k < end;)
      for (let j = 0; j < cols; j++, k++) r.data[k] = w[j] * (r.data[k] + 1);
    logsInto(r.data, start, end, logs, 0);
    for (let o = 0; o < end - start;) for (let j = 0; j < cols; j++, o++) logG[j] += logs[o];
  }
  let gSum = 0;
  // A zero weight makes v = 0 and g = 0 in that column: it adds nothing.
  for (let j = 0; j < cols; j++) gSum += w[j] > 0 ? Math.exp(logG[j] / rows) : 0;
  const out = weightedRowSums(r, new Float64Array(cols).fill(1));
  for (let i = 0; i < rows; i++) out[i] -= gSum;
  return out;
}

// ---------------------------------------------------------------------------------------------
// ARAS
// ---------------------------------------------------------------------------------------------

export interface ArasOptions extends WeightOptions {
  /** The optimal value per criterion; default the best observed (max for benefit, min for cost). */
  optimal?: ArrayLike<number>;
}

/**
 * ARAS (Zavadskas & Turskis 2010): the optimal alternative added as row 0, sum normalisation of the
 * extended matrix (cost through 1/x), S = Σ w r, utility degree K = S_i / S_0. Values > 0 for cost
 * criteria, ≥ 0 otherwise.
 */
export function aras(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  types?: readonly CriterionType[],
  options: ArasOptions = {}
): Float64Array {
  const t = resolveTypes(types, m.cols);
  const w = methodWeights(weights, m.cols, options);
  const { rows, cols } = m;
  const { min, max } = columnRange(m);
  const optimal = new Float64Array(cols);
  if (options.optimal !== undefined) {
    checkLength(options.optimal.length, cols, "optimal");
    for (let j = 0; j < cols; j++) optimal[j] = options.optimal[j];
  } else {
    for (let j = 0; j < cols; j++) optimal[j] = t[j] === 1 ? max[j] : min[j];
  }
  // Sum normalisation of the matrix extended by the optimal row, without building it: benefit
  // x / (Σx + x₀), cost (1/x) / (Σ 1/x + 1/x₀), so S_i = Σ_j c_j y_ij with y = x or 1/x.
  const extended: DecisionMatrix = { rows: 1, cols, data: optimal };
  const maps = columnMaps(m, t, "sum");
  const optimalMaps = columnMaps(extended, t, "sum");
  // r = y / Σy of the matrix alone; over the extended one it is r · Σy / (Σy + y₀), so S_i = Σ c_j r_ij.
  const y0 = mappedData(extended, optimalMaps);
  const c = new Float64Array(cols);
  let s0 = 0;
  for (let j = 0; j < cols; j++) {
    // Each map's scale is 1 / (its own column total of y); the extended total is the sum of both.
    const total = 1 / maps.scale[j] + 1 / optimalMaps.scale[j];
    c[j] = w[j] / (maps.scale[j] * total);
    s0 += (w[j] / total) * y0[j];
  }
  const { data } = m;
  const { scale, ref, fill, reciprocal } = maps;
  const out = new Float64Array(rows);
  for (let i = 0, k = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++, k++)
      s += c[j] * mapped(scale, ref, fill, reciprocal, data[k], j);
    out[i] = s / s0;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// CODAS
// ---------------------------------------------------------------------------------------------

export interface CodasOptions extends WeightOptions {
  /** Threshold τ of the Euclidean difference below which taxicab distances also count; default 0.02. */
  tau?: number;
  /** Default "linear" (Keshavarz Ghorabaee et al. 2016). */
  normalization?: Normalization;
}

/**
 * CODAS (Keshavarz Ghorabaee, Zavadskas, Turskis & Antucheviciene 2016): weighted normalised values,
 * negative-ideal = column minimum, Euclidean E and taxicab T distances from it,
 * H_i = Σ_k (E_i − E_k) + ψ(E_i − E_k)(T_i − T_k) with ψ = 1 when |E_i − E_k| ≥ τ. Computed in
 * O(n log n) by sorting E, so large lists stay fast.
 */
export function codas(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  types?: readonly CriterionType[],
  options: CodasOptions = {}
): Float64Array {
  const t = resolveTypes(types, m.cols);
  const w = methodWeights(weights, m.cols, options);
  const tau = options.tau ?? 0.02;
  if (!(tau > 0 && Number.isFinite(tau)))
    fail("tau", { zh: `应为大于 0 的数，实为 ${tau}`, en: `must be a number > 0, got ${tau}` });
  const r = normalizeMatrix(m, t, options.normalization ?? "linear");
  const { rows, cols } = m;
  const nis = new Float64Array(cols).fill(Infinity);
  for (let i = 0, k = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++, k++) {
      r.data[k] *= w[j];
      if (r.data[k] < nis[j]) nis[j] = r.data[k];
    }
  }
  const e = new Float64Array(rows);
  const tx = new Float64Array(rows);
  for (let i = 0, k = 0; i < rows; i++) {
    let sq = 0;
    let abs = 0;
    for (let j = 0; j < cols; j++, k++) {
      const d = r.data[k] - nis[j];
      sq += d * d;
      abs += Math.abs(d);
    }
    e[i] = Math.sqrt(sq);
    tx[i] = abs;
  }
  // Sorted by E, the k with |E_i − E_k| < τ form a window; prefix sums of T give the rest. The window
  // compares differences, as the definition does: E_i ± τ would round to E_i for a τ far below E_i,
  // and ties (always inside, |E_i − E_k| = 0 < τ) would fall out.
  const order = Array.from(e.keys()).sort((a, b) => e[a] - e[b]);
  const prefix = new Float64Array(rows + 1);
  for (let x = 0; x < rows; x++) prefix[x + 1] = prefix[x] + tx[order[x]];
  let eSum = 0;
  for (const x of e) eSum += x;
  const out = new Float64Array(rows);
  let lo = 0;
  let hi = 0;
  for (let x = 0; x < rows; x++) {
    const i = order[x];
    // lo stops at x at the latest and hi reaches x (E_i − E_i = 0 < τ): the window holds i itself.
    while (e[i] - e[order[lo]] >= tau) lo++;
    while (hi + 1 < rows && e[order[hi + 1]] - e[i] < tau) hi++;
    const inside = hi - lo + 1;
    const outsideT = prefix[rows] - (prefix[hi + 1] - prefix[lo]);
    out[i] = rows * e[i] - eSum + (rows - inside) * tx[i] - outsideT;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// MARCOS
// ---------------------------------------------------------------------------------------------

const MARCOS: Label = { zh: "MARCOS", en: "MARCOS" };

/**
 * MARCOS (Stević, Pamučar, Puška & Chatterjee 2020): ideal AI (best per column) and anti-ideal AAI
 * (worst) added, n = x / AI for benefit and AI / x for cost (values > 0), S = Σ w n,
 * K⁻ = S / S_AAI, K⁺ = S / S_AI, f(K⁺) = K⁻/(K⁺ + K⁻), f(K⁻) = K⁺/(K⁺ + K⁻),
 * f(K) = (K⁺ + K⁻)/(1 + (1 − f(K⁺))/f(K⁺) + (1 − f(K⁻))/f(K⁻)). Higher is better.
 */
export function marcos(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  types?: readonly CriterionType[],
  options: WeightOptions = {}
): Float64Array {
  const t = resolveTypes(types, m.cols);
  const w = methodWeights(weights, m.cols, options);
  // "linear" is exactly x / AI and AI / x, and refuses values ≤ 0.
  const { scale, ref, fill, reciprocal, yMin } = columnMaps(m, t, "linear");
  const { rows, cols, data } = m;
  const s = new Float64Array(rows);
  let sAi = 0;
  let sAai = 0;
  for (let j = 0; j < cols; j++) {
    sAi += w[j];
    sAai += w[j] * (scale[j] * (yMin[j] - ref[j]) + fill[j]);
  }
  for (let i = 0, k = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++, k++)
      s[i] += w[j] * mapped(scale, ref, fill, reciprocal, data[k], j);
  }
  nonZero(sAai, MARCOS, { zh: "反理想解的效用", en: "the anti-ideal's utility" });
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const kMinus = s[i] / sAai;
    const kPlus = s[i] / sAi;
    const fPlus = kMinus / (kPlus + kMinus);
    const fMinus = kPlus / (kPlus + kMinus);
    out[i] = (kPlus + kMinus) / (1 + (1 - fPlus) / fPlus + (1 - fMinus) / fMinus);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// SPOTIS
// ---------------------------------------------------------------------------------------------

export interface SpotisOptions extends WeightOptions {
  /** Per criterion [min, max] bounds of the problem; default the observed column range. */
  bounds?: readonly (readonly [number, number])[];
  /** Expected solution point per criterion; default the ideal (the bound at the best end). */
  esp?: ArrayLike<number>;
}

/**
 * SPOTIS (Dezert, Tchamova, Han & Tacnet 2020): with bounds fixed in advance, d_ij = |x_ij − s*_j| /
 * |max_j − min_j| and score Σ w d, a distance to the ideal: lower is better, and adding or removing an
 * alternative changes no one else's score (no rank reversal). A value outside its bounds is refused; a
 * column whose bounds coincide adds nothing.
 */
export function spotis(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  types?: readonly CriterionType[],
  options: SpotisOptions = {}
): Float64Array {
  const t = resolveTypes(types, m.cols);
  const w = methodWeights(weights, m.cols, options);
  const { rows, cols, data } = m;
  const { min, max } = columnRange(m);
  const lo = new Float64Array(min);
  const hi = new Float64Array(max);
  if (options.bounds !== undefined) {
    checkLength(options.bounds.length, cols, "bounds");
    options.bounds.forEach(([a, b], j) => {
      if (!(Number.isFinite(a) && Number.isFinite(b) && a <= b)) {
        fail(
          "bounds",
          { zh: `下界应不大于上界（${a}, ${b}）`, en: `min must not exceed max (${a}, ${b})` },
          undefined,
          j + 1
        );
      }
      lo[j] = a;
      hi[j] = b;
    });
  }
  const esp = new Float64Array(cols);
  for (let j = 0; j < cols; j++) esp[j] = t[j] === 1 ? hi[j] : lo[j];
  if (options.esp !== undefined) {
    checkLength(options.esp.length, cols, "esp");
    for (let j = 0; j < cols; j++) esp[j] = options.esp[j];
  }
  // The column's range tells whether any value lies outside; only then is it scanned for the cell.
  for (let j = 0; j < cols; j++) {
    if (!(min[j] < lo[j] || max[j] > hi[j])) continue;
    for (let k = j; k < data.length; k += cols) {
      if (!(data[k] < lo[j] || data[k] > hi[j])) continue;
      fail(
        "matrix",
        {
          zh: `${data[k]} 超出该指标的界限 [${lo[j]}, ${hi[j]}]`,
          en: `${data[k]} is outside the criterion's bounds [${lo[j]}, ${hi[j]}]`,
        },
        Math.floor(k / cols) + 1,
        j + 1
      );
    }
  }
  const c = new Float64Array(cols);
  for (let j = 0; j < cols; j++) c[j] = hi[j] > lo[j] ? w[j] / (hi[j] - lo[j]) : 0;
  const out = new Float64Array(rows);
  for (let i = 0, k = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++, k++) s += c[j] * Math.abs(data[k] - esp[j]);
    out[i] = s;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// CoCoSo
// ---------------------------------------------------------------------------------------------

export interface CocosoOptions extends WeightOptions {
  /** λ of the third appraisal score, 0–1; default 0.5. */
  lambda?: number;
}

const COCOSO: Label = { zh: "CoCoSo", en: "CoCoSo" };

/**
 * CoCoSo (Yazdani, Zarate, Zavadskas & Turskis 2019): min–max normalised r, S = Σ w r, P = Σ r^w,
 * k_a = (P + S)/Σ(P + S), k_b = S / min S + P / min P, k_c = (λS + (1 − λ)P)/(λ max S + (1 − λ) max P),
 * k = (k_a k_b k_c)^(1/3) + (k_a + k_b + k_c)/3. Higher is better. When an alternative is worst on
 * every criterion min S = 0 and k_b is undefined: refused.
 */
export function cocoso(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  types?: readonly CriterionType[],
  options: CocosoOptions = {}
): Float64Array {
  const t = resolveTypes(types, m.cols);
  const w = methodWeights(weights, m.cols, options);
  const lambda = checkUnit(options.lambda ?? 0.5, "lambda");
  const maps = columnMaps(m, t, "minmax");
  const { rows, cols } = m;
  const S = new Float64Array(rows);
  const P = new Float64Array(rows);
  // r^w as e^(w ln r), a block of rows at a time: the values, their powers, then each row's sums.
  const block = logBlockRows(cols);
  const values = new Float64Array(block * cols);
  const powers = new Float64Array(block * cols);
  for (let from = 0; from < rows; from += block) {
    const to = Math.min(rows, from + block);
    const cells = (to - from) * cols;
    mappedRows(m, maps, from, to, values);
    logsInto(values, 0, cells, powers, 0);
    for (let o = 0; o < cells;) for (let j = 0; j < cols; j++, o++) powers[o] *= w[j];
    expsInto(powers, 0, cells, powers, 0);
    for (let i = from, o = 0; o < cells; i++) {
      let s = 0;
      let p = 0;
      for (let j = 0; j < cols; j++, o++) {
        const r = values[o];
        s += w[j] * r;
        // 0^w is 0 (w > 0) or 1 (w = 0), where w ln 0 is −∞ or NaN.
        p += r > 0 ? powers[o] : w[j] === 0 ? 1 : 0;
      }
      S[i] = s;
      P[i] = p;
    }
  }
  const [sMin, sMax] = extent(S);
  const [pMin, pMax] = extent(P);
  nonZero(sMin * pMin, COCOSO, {
    zh: "某方案在每个指标上都最差，S 的最小值",
    en: "an alternative is worst on every criterion, so min S",
  });
  let total = 0;
  for (let i = 0; i < rows; i++) total += S[i] + P[i];
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const ka = (P[i] + S[i]) / total;
    const kb = S[i] / sMin + P[i] / pMin;
    const kc = (lambda * S[i] + (1 - lambda) * P[i]) / (lambda * sMax + (1 - lambda) * pMax);
    out[i] = Math.cbrt(ka * kb * kc) + (ka + kb + kc) / 3;
  }
  return out;
}

/** Which way each method's scores rank: "desc" higher first, "asc" lower first. */
export const METHOD_ORDER = {
  wsum: "desc",
  wpm: "desc",
  waspas: "desc",
  topsis: "desc",
  vikor: "asc",
  promethee: "desc",
  edas: "desc",
  moora: "desc",
  multimoora: "asc",
  copras: "desc",
  mabac: "desc",
  aras: "desc",
  codas: "desc",
  marcos: "desc",
  spotis: "asc",
  cocoso: "desc",
} as const satisfies Record<string, RankOrder>;
