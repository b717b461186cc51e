/**
 * Competition ranking ("1224"): tied values share the best rank of their group and the next group
 * skips the ranks they used. Used by the scoring engine, the MCDA methods and the stability analysis.
 */

export type RankOrder = "desc" | "asc";

export interface RankOptions {
  /** "desc" (default): the largest value ranks 1. "asc": the smallest value ranks 1. */
  order?: RankOrder;
  /**
   * Relative tie tolerance (default 1e-9): a value ties with the first value of the current tie group
   * when |a − b| ≤ tolerance · max(|a|, |b|). Comparing with the group's first value (not the previous
   * value) keeps a long run of tiny steps from chaining into one tie. Use 0 for exact ties only.
   */
  tolerance?: number;
}

/** Relative tie tolerance used when none is given. */
export const DEFAULT_TIE_TOLERANCE = 1e-9;

/** Whether a and b tie under the relative tolerance. */
export function tied(a: number, b: number, tolerance: number = DEFAULT_TIE_TOLERANCE): boolean {
  return a === b || Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

function isRankable(v: number | null | undefined): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function checkTolerance(tolerance: number): void {
  if (!(tolerance >= 0 && Number.isFinite(tolerance))) {
    throw new RangeError(`rank: tolerance must be a finite number ≥ 0, got ${tolerance}`);
  }
}

interface Ranking {
  /** Indices from first to last place; unrankable values last. */
  order: number[];
  /** rankOf[k]: competition rank of order[k], or null when unrankable. */
  rankOf: (number | null)[];
}

function ranking(values: ArrayLike<number | null>, options: RankOptions): Ranking {
  const sign = options.order === "asc" ? 1 : -1;
  const tolerance = options.tolerance ?? DEFAULT_TIE_TOLERANCE;
  checkTolerance(tolerance);
  const ranked: number[] = [];
  const unranked: number[] = [];
  for (let i = 0; i < values.length; i++) (isRankable(values[i]) ? ranked : unranked).push(i);
  const v = (i: number) => values[i] as number;
  ranked.sort((a, b) => sign * (v(a) - v(b)) || a - b);
  const rankOf: (number | null)[] = new Array(values.length).fill(null);
  for (let start = 0; start < ranked.length;) {
    let end = start + 1;
    while (end < ranked.length && tied(v(ranked[start]), v(ranked[end]), tolerance)) end++;
    // Values within tolerance but not exactly equal were sorted by value: restore input order in the group.
    if (end - start > 1) {
      const group = ranked.slice(start, end).sort((a, b) => a - b);
      for (let k = 0; k < group.length; k++) ranked[start + k] = group[k];
    }
    rankOf.fill(start + 1, start, end);
    start = end;
  }
  return { order: ranked.concat(unranked), rankOf };
}

/**
 * Indices of `values` from first to last place. Tied values keep their input order (stable), and
 * values that cannot be ranked (null, NaN, ±Infinity) come last, in input order.
 */
export function rankOrder(values: ArrayLike<number | null>, options: RankOptions = {}): number[] {
  return ranking(values, options).order;
}

/**
 * Competition ranks (1-based) of `values`: ties share a rank (1, 2, 2, 4). Values that cannot be
 * ranked (null, NaN, ±Infinity) get rank null.
 */
export function rank(
  values: ArrayLike<number | null>,
  options: RankOptions = {}
): (number | null)[] {
  const { order, rankOf } = ranking(values, options);
  const ranks: (number | null)[] = new Array(values.length).fill(null);
  for (let k = 0; k < order.length; k++) ranks[order[k]] = rankOf[k];
  return ranks;
}
