/**
 * AHP weights from a pairwise comparison matrix (Saaty 1977, 1980): the principal eigenvector by power
 * iteration, λmax, CI = (λmax − n)/(n − 1), CR = CI/RI, and which judgments disagree most with the
 * weights when CR is too high.
 */
import { Label } from "../types";
import { DecisionMatrix, fail } from "./matrix";
import { RandomIndexTable } from "./normalize";

export type { RandomIndexTable };

/**
 * Random consistency index RI by n = 1 … 15 (index 0 is n = 1).
 * saaty: Saaty (1980), The Analytic Hierarchy Process, n ≤ 10, with the n = 11–15 extension as it is
 * usually tabulated (1.51, 1.48, 1.56, 1.57, 1.59).
 * alonso: Alonso & Lamata (2006), "Consistency in the analytic hierarchy process: a new approach",
 * IJUFKS 14(4), from 100 000 random matrices per n.
 */
export const RANDOM_INDEX: Readonly<Record<RandomIndexTable, readonly number[]>> = {
  saaty: [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59],
  alonso: [
    0, 0, 0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854, 1.5141, 1.5365, 1.5551,
    1.5713, 1.5838,
  ],
};

/** Saaty's threshold: CR above it calls for revising the judgments. */
export const CR_THRESHOLD = 0.1;

export interface AhpOptions {
  /** Random-index table; default "saaty". */
  randomIndex?: RandomIndexTable;
  /**
   * Relative tolerance of the reciprocity check a_ij · a_ji = 1; default 0.02, so that judgments typed
   * with two decimals (0.33 for 1/3) pass. The upper triangle is then taken as the judgments and the
   * lower replaced by exact reciprocals.
   */
  reciprocalTolerance?: number;
  /** How many of the most inconsistent judgments to report; default 3. */
  report?: number;
  /** Name used in error messages; default "pairwise". */
  argument?: string;
}

/** One judgment a_ij (i < j, 0-based) against what the weights imply. */
export interface JudgmentCheck {
  row: number;
  col: number;
  /** a_ij as given. */
  value: number;
  /** w_i / w_j, the judgment that would be perfectly consistent with the weights. */
  implied: number;
  /** Saaty's ε_ij = a_ij · w_j / w_i (1 when consistent). */
  epsilon: number;
  /** |a_ij − w_i / w_j|. */
  deviation: number;
}

export interface AhpResult {
  weights: Float64Array;
  lambdaMax: number;
  ci: number;
  ri: number;
  /** CI / RI; 0 for n ≤ 2 (always consistent). */
  cr: number;
  consistent: boolean;
  /** Set when CR > 0.1: what is wrong and which judgments to revisit first. */
  warning: Label | null;
  /** Judgments sorted by |ln ε_ij| (largest first), at most `report` of them. */
  inconsistent: JudgmentCheck[];
  /** Power iterations used. */
  iterations: number;
}

const MAX_ITERATIONS = 10000;
const TOLERANCE = 1e-12;

/**
 * Fills and checks the pairwise matrix: diagonal 1 (blank allowed), every judgment > 0, each pair given
 * at least once (a blank cell takes the reciprocal of its mirror) and reciprocal within the tolerance.
 * Returns the upper triangle's judgments with exact reciprocals below.
 */
function reciprocalMatrix(p: DecisionMatrix, tolerance: number, argument: string): Float64Array {
  const n = p.rows;
  if (n !== p.cols) {
    fail(argument, {
      zh: `判断矩阵应为方阵，实为 ${p.rows} 行 × ${p.cols} 列`,
      en: `must be square, got ${p.rows} × ${p.cols}`,
    });
  }
  if (n > 15) {
    fail(argument, {
      zh: `最多 15 个指标（随机一致性指标表到 15 为止），实为 ${n}`,
      en: `at most 15 criteria (the random-index tables end at 15), got ${n}`,
    });
  }
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const d = p.data[i * n + i];
    if (!Number.isNaN(d) && Math.abs(d - 1) > tolerance) {
      fail(
        argument,
        { zh: `对角线应为 1，实为 ${d}`, en: `the diagonal must be 1, got ${d}` },
        i + 1,
        i + 1
      );
    }
    a[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      const upper = p.data[i * n + j];
      const lower = p.data[j * n + i];
      for (const [v, r, c] of [
        [upper, i, j],
        [lower, j, i],
      ]) {
        if (!Number.isNaN(v) && !(v > 0)) {
          fail(
            argument,
            { zh: `判断值应大于 0，实为 ${v}`, en: `a judgment must be > 0, got ${v}` },
            r + 1,
            c + 1
          );
        }
      }
      let value: number;
      if (Number.isNaN(upper) && Number.isNaN(lower)) {
        return fail(
          argument,
          {
            zh: `第 ${j + 1} 行第 ${i + 1} 列也为空：这一对比较缺失`,
            en: `row ${j + 1}, column ${i + 1} is blank too: this comparison is missing`,
          },
          i + 1,
          j + 1
        );
      } else if (Number.isNaN(upper)) {
        value = 1 / lower;
      } else {
        value = upper;
        if (!Number.isNaN(lower) && Math.abs(upper * lower - 1) > tolerance) {
          fail(
            argument,
            {
              zh: `与第 ${j + 1} 行第 ${i + 1} 列不互反（${upper} × ${lower} ≠ 1）`,
              en: `not reciprocal to row ${j + 1}, column ${i + 1} (${upper} × ${lower} ≠ 1)`,
            },
            i + 1,
            j + 1
          );
        }
      }
      a[i * n + j] = value;
      a[j * n + i] = 1 / value;
    }
  }
  return a;
}

/** Principal eigenvector (sum 1) and λmax of a positive matrix, by power iteration. */
function principalEigen(
  a: Float64Array,
  n: number
): { w: Float64Array; lambda: number; iterations: number } {
  // Start from the normalised row geometric means (exact for a consistent matrix).
  let w = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let logs = 0;
    for (let j = 0; j < n; j++) logs += Math.log(a[i * n + j]);
    sum += w[i] = Math.exp(logs / n);
  }
  for (let i = 0; i < n; i++) w[i] /= sum;
  let next = new Float64Array(n);
  for (let it = 1; it <= MAX_ITERATIONS; it++) {
    let lambda = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += a[i * n + j] * w[j];
      next[i] = s;
      lambda += s;
    }
    // With Σw = 1, Σ(Aw) → λmax Σw = λmax.
    let change = 0;
    for (let i = 0; i < n; i++) {
      next[i] /= lambda;
      change = Math.max(change, Math.abs(next[i] - w[i]));
    }
    [w, next] = [next, w];
    if (change < TOLERANCE) return { w, lambda, iterations: it };
  }
  // A positive matrix always converges; reaching this means the input was not what was checked.
  throw new Error("ahp: power iteration did not converge");
}

/** AHP weights and consistency of a pairwise comparison matrix (a_ij: how much i matters more than j). */
export function ahp(pairwise: DecisionMatrix, options: AhpOptions = {}): AhpResult {
  const argument = options.argument ?? "pairwise";
  const table = options.randomIndex ?? "saaty";
  if (!(table in RANDOM_INDEX)) {
    fail("ri", {
      zh: `应为 "saaty" 或 "alonso"，实为 ${JSON.stringify(table)}`,
      en: `must be "saaty" or "alonso", got ${JSON.stringify(table)}`,
    });
  }
  const n = pairwise.rows;
  const a = reciprocalMatrix(pairwise, options.reciprocalTolerance ?? 0.02, argument);
  const { w, lambda, iterations } = principalEigen(a, n);
  const ci = n > 2 ? Math.max(0, (lambda - n) / (n - 1)) : 0;
  const ri = RANDOM_INDEX[table][n - 1];
  const cr = ri > 0 ? ci / ri : 0;
  const checks: JudgmentCheck[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const value = a[i * n + j];
      const implied = w[i] / w[j];
      checks.push({
        row: i,
        col: j,
        value,
        implied,
        epsilon: value / implied,
        deviation: Math.abs(value - implied),
      });
    }
  }
  checks.sort(
    (x, y) =>
      Math.abs(Math.log(y.epsilon)) - Math.abs(Math.log(x.epsilon)) ||
      x.row - y.row ||
      x.col - y.col
  );
  const inconsistent = checks.slice(0, options.report ?? 3);
  const consistent = cr <= CR_THRESHOLD;
  let warning: Label | null = null;
  if (!consistent) {
    const fmt = (c: JudgmentCheck, lang: "zh" | "en") =>
      lang === "zh"
        ? `第 ${c.row + 1} 行第 ${c.col + 1} 列 ${round(c.value)}（与权重一致应约为 ${round(c.implied)}）`
        : `row ${c.row + 1}, column ${c.col + 1}: ${round(c.value)} (consistent with the weights: about ${round(c.implied)})`;
    warning = {
      zh: `一致性比率 CR = ${round(cr)} > 0.1，判断不够一致，建议先复核：${inconsistent.map((c) => fmt(c, "zh")).join("；")}`,
      en: `consistency ratio CR = ${round(cr)} > 0.1: the judgments are not consistent enough; revisit first ${inconsistent.map((c) => fmt(c, "en")).join("; ")}`,
    };
  }
  return {
    weights: w,
    lambdaMax: lambda,
    ci,
    ri,
    cr,
    consistent,
    warning,
    inconsistent,
    iterations,
  };
}

function round(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}
