/**
 * Grades and decisions. Two methods, as in Zhejiang's 亩均 evaluation:
 * - absolute: the first band (highest `min` first) whose minimum the score reaches, else the lowest;
 * - percentile: by rank among the graded candidates, bands cumulative from the top (A 0.2, B 0.6,
 *   C 0.95, D 1 gives A to the top 20 %, B to the next 40 %, …). A candidate at rank r of N gets
 *   the first band with r − 1 < topShare × N, so ties (which share a rank) share a grade.
 * Candidates excluded by a gate get no grade and the last decision.
 */
import { DecisionRule, GradeScheme } from "./types";

/** Absorbs float noise in topShare × N (0.07 × 100 = 7.000000000000001). */
const SHARE_EPSILON = 1e-9;

/**
 * Band index (into scheme.bands) per candidate, −1 when not graded. `ranks` are 1-based
 * competition ranks (0 = unranked); a candidate is graded when it has a rank.
 */
export function assignGrades(
  scheme: GradeScheme,
  totals: ArrayLike<number>,
  ranks: ArrayLike<number>
): Int16Array {
  const n = totals.length;
  const out = new Int16Array(n).fill(-1);
  const bands = scheme.bands;
  if (scheme.method === "absolute") {
    for (let i = 0; i < n; i++) {
      if (ranks[i] === 0) continue;
      let b = 0;
      while (b < bands.length - 1 && !(totals[i] >= (bands[b].min ?? 0))) b++;
      out[i] = b;
    }
    return out;
  }
  let graded = 0;
  for (let i = 0; i < n; i++) if (ranks[i] > 0) graded++;
  const limits = bands.map((b) => (b.topShare ?? 1) * graded - SHARE_EPSILON);
  for (let i = 0; i < n; i++) {
    const r = ranks[i];
    if (r === 0) continue;
    let b = 0;
    while (b < limits.length - 1 && !(r - 1 < limits[b])) b++;
    out[i] = b;
  }
  return out;
}

/**
 * Decision index per candidate: the first rule listing its grade; the last rule for candidates
 * without a grade (excluded) or whose grade no rule lists; −1 when the model has no rules.
 */
export function assignDecisions(
  scheme: GradeScheme,
  rules: DecisionRule[],
  grades: Int16Array
): Int16Array {
  const byBand = scheme.bands.map((band) => {
    const k = rules.findIndex((r) => r.grades.includes(band.grade));
    return k >= 0 ? k : rules.length - 1;
  });
  const out = new Int16Array(grades.length);
  for (let i = 0; i < grades.length; i++)
    out[i] = grades[i] < 0 ? rules.length - 1 : byBand[grades[i]];
  return out;
}
