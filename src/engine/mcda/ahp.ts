/**
 * AHP weights from a pairwise comparison matrix (Saaty 1977, 1980): the principal eigenvector by Noda
 * iteration (or the row geometric mean, or the normalised column mean), λmax, CI = (λmax − n)/(n − 1),
 * CR = CI/RI, and which judgments disagree most with the weights when CR is too high. Also the
 * synthesis of a hierarchy and group judgments (AIJ / AIP).
 */
import { Label } from "../types";
import { DecisionMatrix, fail, normalizeWeights } from "./matrix";
import {
  AHP_METHODS,
  AhpGroupMethod,
  AhpMethod,
  RANDOM_INDEX_TABLES,
  RandomIndexTable,
} from "./normalize";

export type { RandomIndexTable };

/**
 * Random consistency index RI by n = 1 … 15 (index 0 is n = 1).
 * saaty: Saaty (1980), The Analytic Hierarchy Process, n ≤ 10, with the n = 11–15 extension as it is
 * usually tabulated (1.51, 1.48, 1.56, 1.57, 1.59).
 * alonso: Alonso & Lamata (2006), "Consistency in the analytic hierarchy process: a new approach",
 * IJUFKS 14(4), from 100 000 random matrices per n; above 15 their regression (see `randomIndex`).
 */
export const RANDOM_INDEX: Readonly<Record<RandomIndexTable, readonly number[]>> = {
  saaty: [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59],
  alonso: [
    0, 0, 0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854, 1.5141, 1.5365, 1.5551,
    1.5713, 1.5838,
  ],
};

/**
 * RI for n criteria. Above 15 only Alonso & Lamata's regression λmax ≈ n + 0.1 (1.7699 n − 4.3513)
 * at CR = 0.1 gives one: RI = (1.7699 n − 4.3513)/(n − 1) (1.5978 at n = 16). Saaty's table has
 * nothing above 15: NaN.
 */
export function randomIndex(n: number, table: RandomIndexTable): number {
  if (n <= 15) return RANDOM_INDEX[table][n - 1];
  return table === "alonso" ? (1.7699 * n - 4.3513) / (n - 1) : NaN;
}

/** Saaty's threshold: CR above it calls for revising the judgments. */
export const CR_THRESHOLD = 0.1;

export interface AhpOptions {
  /** Random-index table; default "saaty". */
  randomIndex?: RandomIndexTable;
  /**
   * "eigen" (default): the principal eigenvector. "geometric": normalised row geometric means
   * (Crawford & Williams 1985). "colmean": each column scaled to sum 1, then the row means (Saaty's
   * approximation). With the two approximations λmax is estimated as the mean of (A w)_i / w_i.
   */
  method?: AhpMethod;
  /**
   * Relative tolerance of the reciprocity check a_ij · a_ji = 1 when neither side of a pair is exact
   * (see `reciprocalMatrix`); default 0.02.
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
  /** Eigenvector steps used (Noda iteration; 0 when the row geometric means already are the eigenvector). */
  iterations: number;
}

/**
 * Noda steps allowed. Convergence is quadratic once close: random matrices took at most 6 steps on
 * Saaty's scale, 23 with judgments of 10^±7 and 47 with 10^±15.
 */
const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-12;
/**
 * λmax bracket accepted when rounding stops the iteration first (judgments of 10^±12 and beyond): λmax
 * is then known to 6 significant digits, more than CR is read to.
 */
const SETTLED_TOLERANCE = 1e-6;

/** An integer or the reciprocal of one (1/3 typed as =1/3): a judgment as the scale means it. */
function exact(v: number): boolean {
  const k = v >= 1 ? v : 1 / v;
  return Math.abs(k - Math.round(k)) <= 1e-9 * k;
}

/** Decimals as the number is written (0.33 → 2, 5.5e-7 → 8), capped at 12. */
function decimals(v: number): number {
  const m = /(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(v)) as RegExpExecArray;
  return Math.min(Math.max((m[1]?.length ?? 0) - Number(m[2] ?? 0), 0), 12);
}

/**
 * Fills and checks the pairwise matrix: diagonal 1 (blank allowed), every judgment > 0, each pair given
 * at least once (a blank cell takes the reciprocal of its mirror). When both cells of a pair are given
 * the exact side is kept — an integer or the reciprocal of one — and the other must be its reciprocal
 * rounded to the decimals it shows ("0.33" against "3" keeps 3; "0.25" against "3" is refused). When
 * neither side is exact the upper one is kept and a_ij · a_ji must be 1 within `tolerance`.
 */
function reciprocalMatrix(p: DecisionMatrix, tolerance: number, argument: string): Float64Array {
  const n = p.rows;
  if (n !== p.cols) {
    fail(argument, {
      zh: `判断矩阵应为方阵，实为 ${p.rows} 行 × ${p.cols} 列`,
      en: `must be square, got ${p.rows} × ${p.cols}`,
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
      } else if (Number.isNaN(lower)) {
        value = upper;
      } else {
        value = pairValue(upper, lower, tolerance, () =>
          fail(
            argument,
            {
              zh: `与第 ${j + 1} 行第 ${i + 1} 列不互反（${upper} × ${lower} ≠ 1）`,
              en: `not reciprocal to row ${j + 1}, column ${i + 1} (${upper} × ${lower} ≠ 1)`,
            },
            i + 1,
            j + 1
          )
        );
      }
      a[i * n + j] = value;
      a[j * n + i] = 1 / value;
    }
  }
  return a;
}

/** The upper judgment a pair stands for (see `reciprocalMatrix`); `refuse` when the two disagree. */
function pairValue(upper: number, lower: number, tolerance: number, refuse: () => never): number {
  const exactUpper = exact(upper);
  const exactLower = exact(lower);
  // The inexact side must be the exact side's reciprocal rounded to the decimals it shows.
  const rounds = (shown: number, of: number) =>
    Math.abs(shown - of) <= 0.5 * 10 ** -decimals(shown) + 1e-12 * of;
  if (exactUpper && exactLower) {
    if (Math.abs(upper * lower - 1) > 1e-9) refuse();
    return upper;
  }
  if (exactUpper) return rounds(lower, 1 / upper) ? upper : refuse();
  if (exactLower) return rounds(upper, 1 / lower) ? 1 / lower : refuse();
  return Math.abs(upper * lower - 1) <= tolerance ? upper : refuse();
}

/**
 * Solves (μI − A) z = x in place of z by Gaussian elimination with partial pivoting (n is small: the
 * criteria of one AHP matrix). False when a pivot vanishes or z is not positive and finite: μ is then
 * λmax to the last bits, and x is as good as it gets.
 */
function solveShifted(a: Float64Array, n: number, mu: number, x: Float64Array, z: Float64Array) {
  const m = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) m[k] = -a[k];
  for (let i = 0; i < n; i++) m[i * n + i] += mu;
  z.set(x);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]) > Math.abs(m[p * n + c])) p = r;
    if (m[p * n + c] === 0) return false;
    if (p !== c) {
      for (let k = 0; k < n; k++) [m[c * n + k], m[p * n + k]] = [m[p * n + k], m[c * n + k]];
      [z[c], z[p]] = [z[p], z[c]];
    }
    for (let r = c + 1; r < n; r++) {
      const f = m[r * n + c] / m[c * n + c];
      for (let k = c; k < n; k++) m[r * n + k] -= f * m[c * n + k];
      z[r] -= f * z[c];
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = z[r];
    for (let k = r + 1; k < n; k++) s -= m[r * n + k] * z[k];
    z[r] = s / m[r * n + r];
    if (!(z[r] > 0 && z[r] < Infinity)) return false;
  }
  return true;
}

/**
 * Principal eigenvector (sum 1) and λmax of a positive matrix by Noda's iteration (Noda 1971; Elsner
 * 1976): for a positive x the ratios (Ax)_i / x_i bracket λmax (Collatz–Wielandt), and
 * x ← (μI − A)⁻¹ x with μ their maximum stays positive, lowers μ and converges quadratically. Power
 * iteration converges only at the rate |λ₂| / λmax, which judgments far off Saaty's scale (a cycle of
 * 10⁷s) push to 0.9999. The iteration runs on B = G⁻¹AG, G the row geometric means (b_ij = ε_ij, 1
 * throughout for a consistent matrix), so weights spanning many decades are all found to full relative
 * precision. Stops once the bracket is within 10⁻¹² of λmax (or, where rounding stops it first,
 * 10⁻⁶); `maxIterations` is for tests.
 */
export function principalEigen(
  a: Float64Array,
  n: number,
  maxIterations = MAX_ITERATIONS
): { w: Float64Array; lambda: number; iterations: number } {
  const g = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let logs = 0;
    for (let j = 0; j < n; j++) logs += Math.log(a[i * n + j]);
    g[i] = Math.exp(logs / n);
  }
  const b = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) b[i * n + j] = (a[i * n + j] * g[j]) / g[i];
  // Start from the row geometric means (u = 1; exact for a consistent matrix).
  let u = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  // The iterate with the narrowest bracket so far: near λmax rounding makes the bracket wander.
  let best = { u, iterations: 0 };
  let bracket = [0, Infinity];
  let lastHi = Infinity;
  for (let it = 0; ; it++) {
    let hi = 0;
    let lo = Infinity;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += b[i * n + j] * u[j];
      hi = Math.max(hi, s / u[i]);
      lo = Math.min(lo, s / u[i]);
    }
    const gap = hi - lo;
    if (gap <= TOLERANCE * hi) return eigenOf(a, g, u, n, it);
    const narrower = gap < bracket[1] - bracket[0];
    if (narrower) {
      best = { u: new Float64Array(u), iterations: it };
      bracket = [lo, hi];
    }
    // Progress: μ falls (Noda's theorem) or the bracket narrows. Neither, or the solve at rounding
    // level: as close as doubles allow.
    const progress = narrower || hi < lastHi;
    lastHi = hi;
    if (!progress || !solveShifted(b, n, hi, u, next)) {
      if (bracket[1] - bracket[0] <= SETTLED_TOLERANCE * bracket[1])
        return eigenOf(a, g, best.u, n, best.iterations);
      break;
    }
    if (it >= maxIterations) break;
    let total = 0;
    for (let i = 0; i < n; i++) total += next[i];
    for (let i = 0; i < n; i++) next[i] /= total;
    [u, next] = [next, u];
  }
  const [lo, hi] = bracket.map(round);
  return fail("pairwise", {
    zh: `无法求出主特征向量（λmax 仍在 ${lo} 与 ${hi} 之间）：判断值相差过于悬殊，请检查是否有误，或改用 geometric 方法`,
    en: `the principal eigenvector cannot be found (λmax is still between ${lo} and ${hi}): the judgments differ too widely; check them, or use the geometric method`,
  });
}

/** w = G u scaled to sum 1, and λmax = Σ(Aw) (within the bracket, exact for the eigenvector). */
function eigenOf(a: Float64Array, g: Float64Array, u: Float64Array, n: number, iterations: number) {
  const w = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += w[i] = g[i] * u[i];
  for (let i = 0; i < n; i++) w[i] /= sum;
  let lambda = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) lambda += a[i * n + j] * w[j];
  return { w, lambda, iterations };
}

/** Priorities and λmax of a complete reciprocal matrix by the chosen method. */
function priorities(
  a: Float64Array,
  n: number,
  method: AhpMethod
): { w: Float64Array; lambda: number; iterations: number } {
  if (method === "eigen") return principalEigen(a, n);
  const w = new Float64Array(n);
  if (method === "geometric") {
    for (let i = 0; i < n; i++) {
      let logs = 0;
      for (let j = 0; j < n; j++) logs += Math.log(a[i * n + j]);
      w[i] = Math.exp(logs / n);
    }
  } else {
    for (let j = 0; j < n; j++) {
      let col = 0;
      for (let i = 0; i < n; i++) col += a[i * n + j];
      for (let i = 0; i < n; i++) w[i] += a[i * n + j] / col / n;
    }
  }
  let sum = 0;
  for (const x of w) sum += x;
  for (let i = 0; i < n; i++) w[i] /= sum;
  // λmax estimated as the mean of (A w)_i / w_i (exactly λmax for the eigenvector).
  let lambda = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[i * n + j] * w[j];
    lambda += s / w[i] / n;
  }
  return { w, lambda, iterations: 0 };
}

function checkOptions(options: AhpOptions): { table: RandomIndexTable; method: AhpMethod } {
  const table = options.randomIndex ?? "saaty";
  if (!(RANDOM_INDEX_TABLES as readonly string[]).includes(table)) {
    fail("ri", {
      zh: `应为 ${RANDOM_INDEX_TABLES.join("、")}，实为 ${JSON.stringify(table)}`,
      en: `must be one of ${RANDOM_INDEX_TABLES.join(", ")}, got ${JSON.stringify(table)}`,
    });
  }
  const method = options.method ?? "eigen";
  if (!(AHP_METHODS as readonly string[]).includes(method)) {
    fail("method", {
      zh: `应为 ${AHP_METHODS.join("、")}，实为 ${JSON.stringify(method)}`,
      en: `must be one of ${AHP_METHODS.join(", ")}, got ${JSON.stringify(method)}`,
    });
  }
  return { table, method };
}

/** AHP weights and consistency of a pairwise comparison matrix (a_ij: how much i matters more than j). */
export function ahp(pairwise: DecisionMatrix, options: AhpOptions = {}): AhpResult {
  checkOptions(options);
  const a = reciprocalMatrix(
    pairwise,
    options.reciprocalTolerance ?? 0.02,
    options.argument ?? "pairwise"
  );
  return ahpOfReciprocal(a, pairwise.rows, options);
}

/** The result for a complete reciprocal matrix (row-major n × n). */
function ahpOfReciprocal(a: Float64Array, n: number, options: AhpOptions): AhpResult {
  const { table, method } = checkOptions(options);
  const { w, lambda, iterations } = priorities(a, n, method);
  const ci = n > 2 ? Math.max(0, (lambda - n) / (n - 1)) : 0;
  const ri = randomIndex(n, table);
  const cr = Number.isNaN(ri) ? NaN : ri > 0 ? ci / ri : 0;
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
  if (Number.isNaN(cr)) {
    warning = {
      zh: `Saaty 的随机一致性指标表只到 15 个指标（此处 ${n} 个），请用 alonso`,
      en: `Saaty's random-index table ends at 15 criteria (here ${n}): use alonso`,
    };
  } else if (!consistent) {
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

// ---------------------------------------------------------------------------------------------
// Hierarchy synthesis and group judgments
// ---------------------------------------------------------------------------------------------

/**
 * Synthesis of one level of a hierarchy (Saaty 1980): `local` holds the priorities of the children
 * (alternatives, or sub-criteria) under each parent, one column per parent, each column summing to 1;
 * the global priority of child i is Σ_j parentWeights_j · local_ij. Applied level by level from the
 * top, it gives the alternatives' overall priorities.
 */
export function synthesize(local: DecisionMatrix, parentWeights: ArrayLike<number>): Float64Array {
  const w = normalizeWeights(parentWeights, local.cols, "weights");
  const { rows, cols, data } = local;
  const sums = new Float64Array(cols);
  for (let k = 0; k < data.length; k++) {
    if (!(data[k] >= 0))
      fail(
        "local",
        {
          zh: `局部权重应 ≥ 0，实为 ${data[k]}`,
          en: `a local priority must be ≥ 0, got ${data[k]}`,
        },
        Math.floor(k / cols) + 1,
        (k % cols) + 1
      );
    sums[k % cols] += data[k];
  }
  for (let j = 0; j < cols; j++) {
    if (Math.abs(sums[j] - 1) > 1e-6) {
      fail(
        "local",
        {
          zh: `第 ${j + 1} 列（一个上层节点下的局部权重）之和应为 1，实为 ${round(sums[j])}`,
          en: `column ${j + 1} (the local priorities under one parent) must sum to 1, got ${round(sums[j])}`,
        },
        undefined,
        j + 1
      );
    }
  }
  const out = new Float64Array(rows);
  for (let i = 0, k = 0; i < rows; i++)
    for (let j = 0; j < cols; j++, k++) out[i] += w[j] * data[k];
  return out;
}

/** Several experts' n × n matrices stacked vertically (kn × n) as k matrices. */
export function splitStacked(m: DecisionMatrix, argument = "pairwise"): DecisionMatrix[] {
  const n = m.cols;
  if (m.rows % n !== 0) {
    fail(argument, {
      zh: `应为若干个 ${n} × ${n} 判断矩阵上下相接，实为 ${m.rows} 行`,
      en: `must be ${n} × ${n} matrices stacked vertically, got ${m.rows} rows`,
    });
  }
  return Array.from({ length: m.rows / n }, (_, e) => ({
    rows: n,
    cols: n,
    data: m.data.slice(e * n * n, (e + 1) * n * n),
  }));
}

export interface AhpGroupOptions extends AhpOptions {
  /**
   * "aij" (default): the weighted geometric mean of the judgments, cell by cell, then one AHP —
   * for a committee acting as one (Forman & Peniwati 1998). "aip": each expert's priorities, then
   * their weighted geometric mean, normalised — for individuals each acting alone.
   */
  aggregation?: AhpGroupMethod;
  /** Each expert's weight (≥ 0); default equal. */
  expertWeights?: ArrayLike<number>;
}

export interface AhpGroupResult {
  weights: Float64Array;
  /** Each expert's own AHP result (weights, CR …), in input order. */
  experts: AhpResult[];
  /** AIJ: the AHP of the aggregated matrix (its CR is the group's); null for AIP. */
  group: AhpResult | null;
}

/** Group AHP over several experts' pairwise matrices (all n × n, same criteria order). */
export function ahpGroup(
  matrices: readonly DecisionMatrix[],
  options: AhpGroupOptions = {}
): AhpGroupResult {
  if (matrices.length === 0) fail("pairwise", { zh: "为空", en: "is empty" });
  const n = matrices[0].rows;
  const k = matrices.length;
  const given = options.expertWeights;
  // One weight per expert (matrix): normalizeWeights' count check would call them criteria.
  if (given !== undefined && given.length !== k)
    fail("expert_weights", {
      zh: `有 ${given.length} 项，但有 ${k} 位专家（判断矩阵）`,
      en: `has ${given.length} entries but there are ${k} experts (matrices)`,
    });
  const ew = normalizeWeights(given ?? new Array<number>(k).fill(1), undefined, "expert_weights");
  const tolerance = options.reciprocalTolerance ?? 0.02;
  const complete = matrices.map((m, e) => {
    if (m.rows !== n || m.cols !== n) {
      fail("pairwise", {
        zh: `第 ${e + 1} 位专家的矩阵为 ${m.rows} × ${m.cols}，第 1 位为 ${n} × ${n}`,
        en: `expert ${e + 1}'s matrix is ${m.rows} × ${m.cols}, expert 1's is ${n} × ${n}`,
      });
    }
    return reciprocalMatrix(m, tolerance, k > 1 ? `pairwise (expert ${e + 1})` : "pairwise");
  });
  const experts = complete.map((a) => ahpOfReciprocal(a, n, options));
  if ((options.aggregation ?? "aij") === "aip") {
    const w = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let logs = 0;
      for (let e = 0; e < k; e++) logs += ew[e] * Math.log(experts[e].weights[i]);
      sum += w[i] = Math.exp(logs);
    }
    for (let i = 0; i < n; i++) w[i] /= sum;
    return { weights: w, experts, group: null };
  }
  const g = new Float64Array(n * n);
  for (let c = 0; c < n * n; c++) {
    let logs = 0;
    for (let e = 0; e < k; e++) logs += ew[e] * Math.log(complete[e][c]);
    g[c] = Math.exp(logs);
  }
  const group = ahpOfReciprocal(g, n, options);
  return { weights: group.weights, experts, group };
}

function round(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}
