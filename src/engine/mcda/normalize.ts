/**
 * The one normalisation vocabulary of the MCDA methods, and the argument words shared by the engine and
 * the worksheet functions (every list `as const`, so a word is a type).
 *
 * Every normalisation turns a column into "more is better" (pymcdm's convention): a cost criterion is
 * mapped so that its best value gets the largest r. Each is affine in y, where y = x or, for the two
 * reciprocal ones, y = 1/x:  r = scale · (y − ref) + fill. Methods keep the (scale, ref, fill) maps and
 * work on the raw data, so nothing n × m is allocated unless a method needs the normalised matrix.
 */
import { Label } from "../types";
import { CriterionType, DecisionMatrix, columnRange, fail } from "./matrix";

export const NORMALIZATIONS = ["none", "sum", "max", "linear", "vector", "minmax"] as const;
export type Normalization = (typeof NORMALIZATIONS)[number];

/** TOPSIS distances (scikit-criteria's metric names, plus manhattan for cityblock). */
export const DISTANCES = ["euclidean", "manhattan", "chebyshev"] as const;
export type Distance = (typeof DISTANCES)[number];

/** PROMETHEE's six preference functions (Brans & Vincke 1985, types I–VI). */
export const PREFERENCE_FUNCTIONS = [
  "usual",
  "ushape",
  "vshape",
  "level",
  "linear",
  "gaussian",
] as const;
export type PreferenceFunction = (typeof PREFERENCE_FUNCTIONS)[number];

/** AHP priority methods and random-index tables. */
export const AHP_METHODS = ["eigen", "geometric", "colmean"] as const;
export type AhpMethod = (typeof AHP_METHODS)[number];
export const RANDOM_INDEX_TABLES = ["saaty", "alonso"] as const;
export type RandomIndexTable = (typeof RANDOM_INDEX_TABLES)[number];

/** Group AHP: aggregation of individual judgments (AIJ) or of individual priorities (AIP). */
export const AHP_GROUP_METHODS = ["aij", "aip"] as const;
export type AhpGroupMethod = (typeof AHP_GROUP_METHODS)[number];

export const CORRELATIONS = ["spearman", "kendall"] as const;
export type Correlation = (typeof CORRELATIONS)[number];

/** CRITIC: correlation of criteria, and whether columns are min–max scaled first. */
export const CRITIC_CORRELATIONS = ["pearson", "spearman", "kendall"] as const;
export type CriticCorrelation = (typeof CRITIC_CORRELATIONS)[number];

/** Spread-based weights: standard deviation or coefficient of variation. */
export const SPREAD_MEASURES = ["std", "cv"] as const;
export type SpreadMeasure = (typeof SPREAD_MEASURES)[number];

/** Per column: r = scale · (y − ref) + fill, with y = 1/x where `reciprocal` is set. */
export interface ColumnMaps {
  scale: Float64Array;
  ref: Float64Array;
  fill: Float64Array;
  /** 1 where y = 1/x (cost columns of sum and linear; there ref = fill = 0), else 0. */
  reciprocal: Uint8Array;
  /** Smallest and largest y per column (the worst and best r when scale > 0, else the reverse). */
  yMin: Float64Array;
  yMax: Float64Array;
}

/**
 * r for the raw cell x of column j: the one rule every user of the maps applies. Called with the
 * maps' arrays, not the maps, so that a hot loop's reads of them stay hoisted (three times quicker).
 */
export function mapped(
  scale: Float64Array,
  ref: Float64Array,
  fill: Float64Array,
  reciprocal: Uint8Array,
  x: number,
  j: number
): number {
  return scale[j] * ((reciprocal[j] === 1 ? 1 / x : x) - ref[j]) + fill[j];
}

/**
 * `mapped` over rows [from, to) of the matrix into `out` from offset 0, a column at a time: the
 * column's map is read once into registers instead of four array loads per cell (CoCoSo's values,
 * a block of rows that stays in the first-level cache). The same doubles as `mapped`.
 */
export function mappedRows(
  m: DecisionMatrix,
  maps: ColumnMaps,
  from: number,
  to: number,
  out: Float64Array
): void {
  const { cols, data } = m;
  const { scale, ref, fill, reciprocal } = maps;
  const cells = (to - from) * cols;
  for (let j = 0; j < cols; j++) {
    const s = scale[j];
    const r = ref[j];
    const f = fill[j];
    const k0 = from * cols + j;
    if (reciprocal[j] === 1) {
      for (let o = j, k = k0; o < cells; o += cols, k += cols) out[o] = s * (1 / data[k] - r) + f;
    } else {
      for (let o = j, k = k0; o < cells; o += cols, k += cols) out[o] = s * (data[k] - r) + f;
    }
  }
}

/** The y values the maps apply to: the matrix's own data, or a copy with 1/x in reciprocal columns. */
export function mappedData(m: DecisionMatrix, maps: ColumnMaps): Float64Array {
  const { rows, cols, data } = m;
  if (!maps.reciprocal.includes(1)) return data;
  const copy = new Float64Array(data);
  for (let i = 0, k = 0; i < rows; i++)
    for (let j = 0; j < cols; j++, k++) if (maps.reciprocal[j] === 1) copy[k] = 1 / copy[k];
  return copy;
}

const NAMES: Record<Normalization, Label> = {
  none: { zh: "不归一化", en: "no normalisation" },
  sum: { zh: "求和归一化", en: "sum normalisation" },
  max: { zh: "最大值归一化", en: "max normalisation" },
  linear: { zh: "线性归一化", en: "linear normalisation" },
  vector: { zh: "向量归一化", en: "vector normalisation" },
  minmax: { zh: "极差归一化", en: "min–max normalisation" },
};

/** Refuses the first cell of column j that is not above `floor` (or not ≥ when `strict` is false). */
export function requireAbove(
  m: DecisionMatrix,
  j: number,
  floor: number,
  strict: boolean,
  how: Normalization
): true {
  for (let i = 0; i < m.rows; i++) {
    const x = m.data[i * m.cols + j];
    if (strict ? !(x > floor) : !(x >= floor)) {
      fail(
        "matrix",
        {
          zh: `${NAMES[how].zh}要求数值${strict ? "大于" : "不小于"} ${floor}，实为 ${x}`,
          en: `${NAMES[how].en} needs values ${strict ? ">" : "≥"} ${floor}, got ${x}`,
        },
        i + 1,
        j + 1
      );
    }
  }
  return true;
}

/**
 * The maps of one normalisation (pymcdm's definitions; r oriented so that more is better):
 * - none: r = x (benefit) or −x (cost, scikit-criteria's negation of minimised criteria).
 * - sum: x / Σx; cost (1/x) / Σ(1/x). Values ≥ 0 (cost: > 0) and a positive column sum.
 * - max: x / max; cost 1 − x / max. The column maximum must be > 0.
 * - linear: x / max; cost min / x. Values > 0.
 * - vector: x / √Σx²; cost 1 − x / √Σx². An all-zero column gives r = 0 (cost: 1) throughout.
 * - minmax: (x − min)/(max − min); cost (max − x)/(max − min). A constant column gives r = 1.
 */
export function columnMaps(
  m: DecisionMatrix,
  types: readonly CriterionType[],
  how: Normalization
): ColumnMaps {
  const { rows, cols } = m;
  const { min, max, sumSq, sum } = columnRange(m, "matrix", {
    sumSq: how === "vector",
    sum: how === "sum",
  });
  const scale = new Float64Array(cols);
  const ref = new Float64Array(cols);
  const fill = new Float64Array(cols);
  const yMin = new Float64Array(min);
  const yMax = new Float64Array(max);
  // The column minimum tells whether a check passes; only a failing column is scanned for its cell.
  const positive = (j: number) => min[j] > 0 || requireAbove(m, j, 0, true, how);
  const reciprocal: number[] = [];
  for (let j = 0; j < cols; j++) {
    const cost = types[j] === -1;
    switch (how) {
      case "none":
        scale[j] = cost ? -1 : 1;
        break;
      case "sum":
        if (cost) {
          positive(j);
          reciprocal.push(j);
        } else {
          if (!(min[j] >= 0)) requireAbove(m, j, 0, false, how);
          if (!(sum[j] > 0)) requireAbove(m, j, 0, true, how);
          scale[j] = 1 / sum[j];
        }
        break;
      case "max":
        if (!(max[j] > 0)) requireAbove(m, j, 0, true, how);
        scale[j] = (cost ? -1 : 1) / max[j];
        fill[j] = cost ? 1 : 0;
        break;
      case "linear":
        // Ratios to the best value: only meaningful for positive values (pymcdm refuses zeros too).
        positive(j);
        if (cost) {
          reciprocal.push(j);
          scale[j] = min[j];
        } else {
          scale[j] = 1 / max[j];
        }
        break;
      case "vector": {
        const norm = Math.sqrt(sumSq[j]);
        if (norm > 0) scale[j] = (cost ? -1 : 1) / norm;
        fill[j] = cost ? 1 : 0;
        break;
      }
      case "minmax": {
        const range = max[j] - min[j];
        if (range > 0) {
          scale[j] = (cost ? -1 : 1) / range;
          ref[j] = cost ? max[j] : min[j];
        } else {
          fill[j] = 1;
        }
        break;
      }
    }
  }
  const recip = new Uint8Array(cols);
  if (reciprocal.length > 0) {
    for (const j of reciprocal) {
      recip[j] = 1;
      yMin[j] = 1 / max[j];
      yMax[j] = 1 / min[j];
    }
    if (how === "sum") {
      // Σ 1/x per reciprocal column, summed in row order (as a copy's column would be).
      const sumInv = new Float64Array(cols);
      for (let i = 0; i < rows; i++) {
        const at = i * cols;
        for (const j of reciprocal) sumInv[j] += 1 / m.data[at + j];
      }
      for (const j of reciprocal) scale[j] = 1 / sumInv[j];
    }
  }
  return { scale, ref, fill, reciprocal: recip, yMin, yMax };
}

/** The normalised matrix itself (every column "more is better"), for methods that need every r. */
export function normalizeMatrix(
  m: DecisionMatrix,
  types: readonly CriterionType[],
  how: Normalization
): DecisionMatrix {
  const { scale, ref, fill, reciprocal } = columnMaps(m, types, how);
  const out = new Float64Array(m.data.length);
  const { rows, cols, data } = m;
  for (let i = 0, k = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++, k++) out[k] = mapped(scale, ref, fill, reciprocal, data[k], j);
  }
  return { rows, cols, data: out };
}
