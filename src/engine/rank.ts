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

/** Sorting by key bits (radix) beats a comparator sort from about this many values. */
const RADIX_FROM = 512;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Positions 0…m−1 of `keys` in ascending key order, equal keys in position order (stable). Large
 * inputs are radix-sorted on the keys' bits (four 16-bit passes, skipping a pass when every key has
 * the same digit), so no comparator runs per pair.
 */
function sortPositions(keys: Float64Array): Uint32Array {
  const m = keys.length;
  let perm = new Uint32Array(m);
  for (let k = 0; k < m; k++) perm[k] = k;
  // A row scored alone (ZS.SCORE) has one key: nothing to order.
  if (m < 2) return perm;
  if (m < RADIX_FROM) return perm.sort((a, b) => keys[a] - keys[b] || a - b);
  // Doubles as unsigned 64-bit integers in the same order: flip every bit of negatives, the sign bit of the rest.
  const bits = new Uint32Array(keys.buffer, keys.byteOffset, 2 * m);
  const hi = new Uint32Array(m);
  const lo = new Uint32Array(m);
  const [hiAt, loAt] = LITTLE_ENDIAN ? [1, 0] : [0, 1];
  for (let k = 0; k < m; k++) {
    const h = bits[2 * k + hiAt];
    const l = bits[2 * k + loAt];
    const negative = h >>> 31 === 1;
    hi[k] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    lo[k] = negative ? ~l >>> 0 : l;
  }
  let next = new Uint32Array(m);
  const count = new Uint32Array(0x10000);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    count.fill(0);
    for (let k = 0; k < m; k++) count[(word[k] >>> shift) & 0xffff]++;
    if (count[(word[0] >>> shift) & 0xffff] === m) continue;
    for (let d = 0, at = 0; d < 0x10000; d++) {
      const c = count[d];
      count[d] = at;
      at += c;
    }
    for (let k = 0; k < m; k++) {
      const p = perm[k];
      next[count[(word[p] >>> shift) & 0xffff]++] = p;
    }
    [perm, next] = [next, perm];
  }
  return perm;
}

interface Ranking {
  /** Indices from first to last place; unrankable values last. */
  order: Uint32Array;
  /** Competition rank per index (1-based); 0 when the value cannot be ranked. */
  ranks: Int32Array;
}

function ranking(values: ArrayLike<number | null>, options: RankOptions): Ranking {
  const sign = options.order === "asc" ? 1 : -1;
  const tolerance = options.tolerance ?? DEFAULT_TIE_TOLERANCE;
  checkTolerance(tolerance);
  const n = values.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (isRankable(values[i])) m++;
  const index = new Uint32Array(m);
  // Sort keys: first place smallest.
  const keys = new Float64Array(m);
  const order = new Uint32Array(n);
  for (let i = 0, k = 0, u = m; i < n; i++) {
    const v = values[i];
    if (isRankable(v)) {
      index[k] = i;
      keys[k++] = sign * v;
    } else order[u++] = i;
  }
  const sorted = sortPositions(keys);
  for (let k = 0; k < m; k++) order[k] = index[sorted[k]];
  const ranks = new Int32Array(n);
  const v = (k: number) => values[order[k]] as number;
  for (let start = 0; start < m;) {
    let end = start + 1;
    while (end < m && tied(v(start), v(end), tolerance)) end++;
    // Values within tolerance but not exactly equal were sorted by value: restore input order in the group.
    let inOrder = true;
    for (let k = start + 1; k < end; k++) if (order[k] < order[k - 1]) inOrder = false;
    if (!inOrder) order.subarray(start, end).sort();
    for (let k = start; k < end; k++) ranks[order[k]] = start + 1;
    start = end;
  }
  return { order, ranks };
}

/**
 * Indices of `values` from first to last place. Tied values keep their input order (stable), and
 * values that cannot be ranked (null, NaN, ±Infinity) come last, in input order.
 */
export function rankOrder(values: ArrayLike<number | null>, options: RankOptions = {}): number[] {
  return Array.from(ranking(values, options).order);
}

/**
 * Competition ranks (1-based) of `values`: ties share a rank (1, 2, 2, 4). Values that cannot be
 * ranked (null, NaN, ±Infinity) get rank null.
 */
export function rank(
  values: ArrayLike<number | null>,
  options: RankOptions = {}
): (number | null)[] {
  return Array.from(ranking(values, options).ranks, (r) => (r === 0 ? null : r));
}

/** Competition ranks as `rank` gives them, in an Int32Array with 0 for "no rank" (the batch path). */
export function competitionRanks(
  values: ArrayLike<number | null>,
  options: RankOptions = {}
): Int32Array {
  return ranking(values, options).ranks;
}

/**
 * Ranks with ties broken by a second key, larger first: within a group sharing a rank, members are
 * re-ranked by `by` (still tied when `by` ties too). Ranks of 0 (unranked) stay 0. Groups are found
 * in one pass, so a table without ties costs no sort.
 */
export function breakTies(ranks: Int32Array, by: ArrayLike<number>): Int32Array {
  const seen = new Uint8Array(ranks.length + 1);
  let tiesFound = false;
  for (let i = 0; i < ranks.length; i++) {
    const r = ranks[i];
    if (r === 0) continue;
    if (seen[r]) tiesFound = true;
    seen[r] = 1;
  }
  if (!tiesFound) return ranks;
  const groups = new Map<number, number[]>();
  for (let i = 0; i < ranks.length; i++) {
    const r = ranks[i];
    if (r === 0) continue;
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  const out = Int32Array.from(ranks);
  groups.forEach((members, r) => {
    if (members.length < 2) return;
    const inner = competitionRanks(members.map((i) => by[i]));
    members.forEach((i, k) => (out[i] = r + (inner[k] > 0 ? inner[k] : members.length) - 1));
  });
  return out;
}
