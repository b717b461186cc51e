/**
 * Straightforward TOPSIS and weighted sum over arrays of arrays: the textbook steps one after another,
 * each building a new matrix. The benchmark compares the engine (src/engine/mcda) against these in the
 * same run, and the tests check that both give the same numbers.
 */

// reduce, not Math.min(...col): spreading 100 000 arguments can overflow the stack.
const minOf = (xs: number[]) => xs.reduce((a, b) => Math.min(a, b));
const maxOf = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b));

/** Weighted sum with min–max normalisation; a constant column counts as 1 (as in the engine). */
export function weightedSumBaseline(
  matrix: number[][],
  weights: number[],
  types: number[]
): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const w = weights.map((x) => x / total);
  const columns = w.map((_, j) => matrix.map((row) => row[j]));
  const mins = columns.map(minOf);
  const maxs = columns.map(maxOf);
  const normalized = matrix.map((row) =>
    row.map((x, j) => {
      const range = maxs[j] - mins[j];
      if (range === 0) return 1;
      return types[j] === 1 ? (x - mins[j]) / range : (maxs[j] - x) / range;
    })
  );
  return normalized.map((row) => row.reduce((s, r, j) => s + w[j] * r, 0));
}

/** TOPSIS with vector normalisation (Hwang & Yoon 1981); returns the closeness coefficients. */
export function topsisBaseline(matrix: number[][], weights: number[], types: number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const w = weights.map((x) => x / total);
  const norms = w.map((_, j) => Math.sqrt(matrix.reduce((s, row) => s + row[j] * row[j], 0)));
  const weighted = matrix.map((row) =>
    row.map((x, j) => (norms[j] === 0 ? 0 : (w[j] * x) / norms[j]))
  );
  const columns = w.map((_, j) => weighted.map((row) => row[j]));
  const ideal = columns.map((col, j) => (types[j] === 1 ? maxOf(col) : minOf(col)));
  const antiIdeal = columns.map((col, j) => (types[j] === 1 ? minOf(col) : maxOf(col)));
  return weighted.map((row) => {
    const dPlus = Math.sqrt(row.reduce((s, v, j) => s + (v - ideal[j]) ** 2, 0));
    const dMinus = Math.sqrt(row.reduce((s, v, j) => s + (v - antiIdeal[j]) ** 2, 0));
    return dPlus + dMinus === 0 ? 0.5 : dMinus / (dPlus + dMinus);
  });
}
