/**
 * Rankings and their agreement: ranks with ties as Excel's RANK.EQ, Spearman's ρ and Kendall's τ-b
 * between two rankings (the usual check that a ranking does not hinge on the method chosen), and
 * Kendall's W for several experts.
 */
import { RankOrder, competitionRanks } from "../rank";
import { Correlation, CriticCorrelation } from "./normalize";
import { DecisionMatrix, fail } from "./matrix";

/**
 * Ranks as Excel's RANK.EQ gives them: 1 for the largest ("desc", the default) or smallest ("asc")
 * value, exact ties share the best rank of their group and the next rank is skipped (1, 2, 2, 4).
 */
export function ranksEq(values: ArrayLike<number>, order: RankOrder = "desc"): Int32Array {
  return competitionRanks(values, { order, tolerance: 0 });
}

/** Average ranks (1 = smallest; ties share the mean of their positions), as statistics uses them. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const out = new Float64Array(n);
  for (let s = 0; s < n;) {
    let e = s + 1;
    while (e < n && values[idx[e]] === values[idx[s]]) e++;
    const r = (s + e + 1) / 2;
    for (let k = s; k < e; k++) out[idx[k]] = r;
    s = e;
  }
  return out;
}

/** Pearson's r; NaN when either side is constant. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

/** Spearman's ρ: Pearson's r of the average ranks (scipy's spearmanr). NaN when a side is constant. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return pearson(averageRanks(x), averageRanks(y));
}

/** Σ a·b over the first n in four running sums: one long chain of additions waits on each add, four overlap. */
function dot(a: Float64Array, b: Float64Array, n = a.length): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
  }
  for (; i < n; i++) s0 += a[i] * b[i];
  return s0 + s1 + s2 + s3;
}

/** Rows of a block whose centred columns stay in the first-level cache together. */
const CROSS_BLOCK = 256;

/**
 * Column means and the centred cross products C_jk = Σ_i (x_ij − mean_j)(x_ik − mean_k) (row-major
 * cols × cols, symmetric) of a matrix, without copying it: a block of rows at a time is centred into
 * columns, and each pair's share is a dot product. C_jj / (n − 1) is column j's variance and
 * C_jk / √(C_jj C_kk) Pearson's r, as `pearson` computes it.
 */
export function crossProducts(m: DecisionMatrix): { mean: Float64Array; cross: Float64Array } {
  const { rows, cols, data } = m;
  const mean = new Float64Array(cols);
  for (let i = 0, k = 0; i < rows; i++) for (let j = 0; j < cols; j++, k++) mean[j] += data[k];
  for (let j = 0; j < cols; j++) mean[j] /= rows;
  const cross = new Float64Array(cols * cols);
  const centred = Array.from({ length: cols }, () => new Float64Array(CROSS_BLOCK));
  for (let start = 0; start < rows; start += CROSS_BLOCK) {
    const size = Math.min(CROSS_BLOCK, rows - start);
    for (let b = 0, k = start * cols; b < size; b++) {
      for (let j = 0; j < cols; j++, k++) centred[j][b] = data[k] - mean[j];
    }
    for (let j = 0; j < cols; j++) {
      for (let k = j; k < cols; k++) cross[j * cols + k] += dot(centred[j], centred[k], size);
    }
  }
  for (let j = 0; j < cols; j++)
    for (let k = 0; k < j; k++) cross[j * cols + k] = cross[k * cols + j];
  return { mean, cross };
}

/** Pearson's r of every pair of columns, each column centred once (`pearson`'s formula). */
function pearsonMatrix(columns: readonly ArrayLike<number>[]): Float64Array[] {
  const centred = columns.map((x) => {
    let mean = 0;
    for (let i = 0; i < x.length; i++) mean += x[i];
    mean /= x.length;
    const c = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) c[i] = x[i] - mean;
    return c;
  });
  const ss = centred.map((c) => {
    let s = 0;
    for (let i = 0; i < c.length; i++) s += c[i] * c[i];
    return s;
  });
  const r = columns.map(() => new Float64Array(columns.length));
  for (let j = 0; j < columns.length; j++) {
    r[j][j] = ss[j] > 0 ? 1 : NaN;
    for (let k = j + 1; k < columns.length; k++) {
      r[j][k] = r[k][j] =
        ss[j] > 0 && ss[k] > 0 ? dot(centred[j], centred[k]) / Math.sqrt(ss[j] * ss[k]) : NaN;
    }
  }
  return r;
}

/**
 * The correlation of every pair of columns (r[j][k], symmetric, 1 on the diagonal; NaN where a column
 * is constant), each pair computed once: Pearson's r from columns centred once, Spearman's ρ as Pearson's
 * r of each column's average ranks (ranked once), Kendall's τ-b pair by pair. For CRITIC's m criteria
 * over n alternatives this is m²/2 passes instead of m² pairs each ranking or centring again.
 */
export function correlationMatrix(
  columns: readonly ArrayLike<number>[],
  method: CriticCorrelation
): Float64Array[] {
  if (method === "pearson") return pearsonMatrix(columns);
  if (method === "spearman") return pearsonMatrix(columns.map(averageRanks));
  const r = columns.map(() => new Float64Array(columns.length));
  for (let j = 0; j < columns.length; j++) {
    r[j][j] = kendallTau(columns[j], columns[j]);
    for (let k = j + 1; k < columns.length; k++) {
      r[j][k] = r[k][j] = kendallTau(columns[j], columns[k]);
    }
  }
  return r;
}

/**
 * Kendall's τ-b (scipy's kendalltau default): (concordant − discordant) / √((n₀ − n₁)(n₀ − n₂)),
 * n₁ and n₂ the pairs tied in x and in y. O(n²): meant for rankings of projects, not of 100 000 rows.
 * NaN when a side is constant.
 */
export function kendallTau(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let s = 0;
  let tx = 0;
  let ty = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = Math.sign(x[i] - x[j]);
      const b = Math.sign(y[i] - y[j]);
      s += a * b;
      if (a === 0) tx++;
      if (b === 0) ty++;
    }
  }
  const n0 = (n * (n - 1)) / 2;
  const d = Math.sqrt((n0 - tx) * (n0 - ty));
  return d > 0 ? s / d : NaN;
}

function isConstant(v: ArrayLike<number>): boolean {
  for (let i = 1; i < v.length; i++) if (v[i] !== v[0]) return false;
  return true;
}

/** The correlation of two equally long lists (rankings or scores), checked. */
export function rankCorrelation(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  method: Correlation | CriticCorrelation = "spearman"
): number {
  if (x.length !== y.length) {
    fail("ranking2", {
      zh: `有 ${y.length} 项，ranking1 有 ${x.length} 项`,
      en: `has ${y.length} entries, ranking1 has ${x.length}`,
    });
  }
  if (x.length < 2) {
    fail("ranking1", { zh: "至少需要 2 项", en: "needs at least 2 entries" });
  }
  for (const [v, arg] of [
    [x, "ranking1"],
    [y, "ranking2"],
  ] as const) {
    for (let i = 0; i < v.length; i++) {
      if (!Number.isFinite(v[i]))
        fail(
          arg,
          { zh: `应为数字，实为 ${v[i]}`, en: `expected a number, got ${v[i]}` },
          undefined,
          i + 1
        );
    }
  }
  const r =
    method === "kendall" ? kendallTau(x, y) : method === "pearson" ? pearson(x, y) : spearman(x, y);
  if (Number.isNaN(r)) {
    // Every method is undefined exactly when a side is constant: name that side.
    fail(isConstant(x) ? "ranking1" : "ranking2", {
      zh: "所有项都相同，相关系数无定义",
      en: "every entry is the same: the correlation is undefined",
    });
  }
  return r;
}

/**
 * Kendall's coefficient of concordance W (Kendall & Babington Smith 1939) of m judges ranking n
 * objects: objects in rows, one column per judge, scores or ranks (higher = better, ties as average
 * ranks), W = 12 S / (m²(n³ − n) − m Σ T), T = Σ (t³ − t) over each judge's tie groups. 0 = no
 * agreement, 1 = complete agreement.
 */
export function kendallW(m: DecisionMatrix): number {
  const { rows: n, cols: judges, data } = m;
  if (n < 2)
    fail("scores", { zh: "至少需要 2 个对象（行）", en: "needs at least 2 objects (rows)" });
  const sums = new Float64Array(n);
  let ties = 0;
  const column = new Float64Array(n);
  for (let j = 0; j < judges; j++) {
    for (let i = 0; i < n; i++) {
      column[i] = data[i * judges + j];
      if (Number.isNaN(column[i]))
        fail("scores", { zh: "空单元格", en: "blank cell" }, i + 1, j + 1);
    }
    const r = averageRanks(column);
    for (let i = 0; i < n; i++) sums[i] += r[i];
    // Tie groups: t values sharing a rank.
    const counts = new Map<number, number>();
    for (const x of r) counts.set(x, (counts.get(x) ?? 0) + 1);
    for (const t of counts.values()) ties += t ** 3 - t;
  }
  const mean = (judges * (n + 1)) / 2;
  let s = 0;
  for (const x of sums) s += (x - mean) ** 2;
  const denominator = judges * judges * (n ** 3 - n) - judges * ties;
  if (!(denominator > 0)) {
    fail("scores", {
      zh: "每位专家都给出全部相同的评分，W 无定义",
      en: "every judge gave all objects the same score: W is undefined",
    });
  }
  return (12 * s) / denominator;
}
