/**
 * How stable is a ranking? Three answers, generic over any `Aggregator` (default: weighted sum of an
 * already-normalised matrix, e.g. candidates × 0–1 dimension scores):
 * 1. `perturbWeights`: seeded Monte Carlo over the weights → each alternative's rank distribution.
 * 2. `leaderWeightIntervals`: per criterion, the range of its weight over which the leader stays first.
 * 3. `rankReversal`: remove each alternative in turn; whose relative order changes?
 */
import { RankOrder, rank, rankOrder } from "../rank";
import { createRng } from "../random";
import { Aggregator, weightedSumAggregator } from "./aggregate";
import { DecisionMatrix, fail, normalizeWeights, removeRow } from "./matrix";

/** Weighted sum of a matrix whose columns are already 0–1 scores (more is better). */
export const preNormalizedSum: Aggregator = weightedSumAggregator(undefined, {
  normalization: "none",
});

interface CommonOptions {
  /** The method whose ranking is examined; default `preNormalizedSum`. */
  aggregator?: Aggregator;
  /** Relative tie tolerance of the ranking (see engine/rank); default 1e-9. */
  tolerance?: number;
}

function ranksOf(scores: Float64Array, order: RankOrder, tolerance?: number): number[] {
  return rank(scores, { order, tolerance }) as number[];
}

function checkScores(scores: Float64Array): Float64Array {
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i]))
      throw new Error(`stability: the aggregator gave a non-finite score for alternative ${i + 1}`);
  }
  return scores;
}

// ---------------------------------------------------------------------------------------------
// 1. Monte Carlo weight perturbation
// ---------------------------------------------------------------------------------------------

export interface PerturbationOptions extends CommonOptions {
  /** Number of weight draws; default 1000. */
  runs?: number;
  /** Seed of the generator; the same seed gives the same result. Default 1. */
  seed?: number;
  /**
   * "uniform" (default): each weight × (1 + spread · U(−1, 1)), then rescaled to sum 1.
   * "dirichlet": weights ~ Dirichlet(concentration · w), centred on the set weights.
   */
  mode?: "uniform" | "dirichlet";
  /** Uniform mode: the relative spread, 0.1 = ±10 % (0 ≤ spread ≤ 1); default 0.1. */
  spread?: number;
  /** Dirichlet mode: larger is tighter around the set weights; default 100. */
  concentration?: number;
  /** k of P(top k); default 3 (at most the number of alternatives). */
  topK?: number;
}

export interface PerturbationResult {
  runs: number;
  topK: number;
  /** Scores and ranks at the set weights. */
  baseline: { scores: Float64Array; ranks: number[] };
  /** rankCounts[i][r − 1]: runs in which alternative i had rank r (ties share the better rank). */
  rankCounts: number[][];
  /** Share of runs in which alternative i ranked first (shared first place counts). */
  pFirst: number[];
  /** Share of runs in which alternative i ranked within the top k. */
  pTopK: number[];
  meanRank: number[];
}

/**
 * The weight draws of `perturbWeights` (uniform or Dirichlet around `w0`, seeded): each call fills
 * `into` with the next draw, summing to 1. Exported for analyses that score each draw themselves
 * (the pane re-scores every draw with the engine's totals).
 */
export function weightDraws(
  w0: Float64Array,
  options: Pick<PerturbationOptions, "mode" | "spread" | "concentration" | "seed"> = {}
): (into: Float64Array) => void {
  const mode = options.mode ?? "uniform";
  const spread = options.spread ?? 0.1;
  const concentration = options.concentration ?? 100;
  if (mode === "uniform" && !(spread >= 0 && spread <= 1)) {
    fail("spread", {
      zh: `应在 0 到 1 之间（0.1 = ±10%），实为 ${spread}`,
      en: `must be between 0 and 1 (0.1 = ±10 %), got ${spread}`,
    });
  }
  if (mode === "dirichlet" && !(concentration > 0 && Number.isFinite(concentration))) {
    fail("concentration", {
      zh: `应为正数，实为 ${concentration}`,
      en: `must be a positive number, got ${concentration}`,
    });
  }
  if (mode !== "uniform" && mode !== "dirichlet") {
    fail("mode", { zh: `应为 "uniform" 或 "dirichlet"`, en: `must be "uniform" or "dirichlet"` });
  }
  const rng = createRng(options.seed ?? 1);
  const alpha = w0.map((x) => x * concentration);
  return (w) => {
    if (mode === "dirichlet") {
      rng.dirichlet(alpha, w);
      return;
    }
    let sum = 0;
    for (let j = 0; j < w.length; j++) sum += w[j] = w0[j] * (1 + spread * (2 * rng.next() - 1));
    // spread = 1 can zero every weight only with probability 0; keep the draw valid regardless.
    if (!(sum > 0)) w.set(w0);
    else for (let j = 0; j < w.length; j++) w[j] /= sum;
  };
}

export function perturbWeights(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  options: PerturbationOptions = {}
): PerturbationResult {
  const aggregator = options.aggregator ?? preNormalizedSum;
  const runs = options.runs ?? 1000;
  if (!(Number.isInteger(runs) && runs >= 1 && runs <= 1e6)) {
    fail("runs", {
      zh: `应为 1 到 1 000 000 的整数，实为 ${runs}`,
      en: `must be an integer from 1 to 1 000 000, got ${runs}`,
    });
  }
  const w0 = normalizeWeights(weights, m.cols);
  const n = m.rows;
  const topK = Math.min(options.topK ?? 3, n);
  if (!(Number.isInteger(topK) && topK >= 1))
    fail("topK", { zh: "应为正整数", en: "must be a positive integer" });

  const score = aggregator.prepare(m);
  const baselineScores = checkScores(score(w0));
  const rankCounts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const draw = weightDraws(w0, options);
  const w = new Float64Array(m.cols);
  for (let run = 0; run < runs; run++) {
    draw(w);
    const ranks = ranksOf(checkScores(score(w)), aggregator.order, options.tolerance);
    for (let i = 0; i < n; i++) rankCounts[i][ranks[i] - 1]++;
  }
  const share = (i: number, upTo: number) =>
    rankCounts[i].slice(0, upTo).reduce((s, c) => s + c, 0) / runs;
  return {
    runs,
    topK,
    baseline: {
      scores: baselineScores,
      ranks: ranksOf(baselineScores, aggregator.order, options.tolerance),
    },
    rankCounts,
    pFirst: rankCounts.map((_, i) => share(i, 1)),
    pTopK: rankCounts.map((_, i) => share(i, topK)),
    meanRank: rankCounts.map((counts) => counts.reduce((s, c, r) => s + c * (r + 1), 0) / runs),
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Weight intervals that keep the leader first
// ---------------------------------------------------------------------------------------------

export interface IntervalOptions extends CommonOptions {
  /** Non-linear methods: grid steps over [0, 1] before bisection; default 200. */
  steps?: number;
}

export interface WeightInterval {
  criterion: number;
  /** The criterion's set weight (normalised). */
  weight: number;
  /** The leader stays first (ties allowed) while this criterion's weight is in [low, high]. */
  low: number;
  high: number;
  /** Who takes first place just below `low` / above `high`; null when the bound is 0 or 1. */
  lowRival: number | null;
  highRival: number | null;
  /** true: solved exactly (linear method); false: grid search and bisection to 1e-9. */
  exact: boolean;
}

export interface IntervalResult {
  /** First at the set weights (the lowest index among tied leaders). */
  leader: number;
  intervals: WeightInterval[];
}

/**
 * Weights with criterion j at t and the others rescaled proportionally to fill 1 − t (equally when
 * they are all zero).
 */
function weightsAt(w0: Float64Array, j: number, t: number, out: Float64Array): Float64Array {
  const rest = 1 - w0[j];
  for (let k = 0; k < w0.length; k++) {
    if (k === j) out[k] = t;
    else out[k] = rest > 1e-15 ? (w0[k] * (1 - t)) / rest : (1 - t) / (w0.length - 1);
  }
  return out;
}

function exactInterval(
  a: DecisionMatrix,
  w0: Float64Array,
  j: number,
  leader: number
): WeightInterval {
  // score_i(t) = t·a_ij + (1 − t)·b_i with b_i the others' rescaled contribution; the leader stays
  // first while every difference c + s·t stays ≥ 0.
  const { rows, cols, data } = a;
  const others = weightsAt(w0, j, 0, new Float64Array(cols));
  const b = new Float64Array(rows);
  for (let i = 0; i < rows; i++)
    for (let k = 0; k < cols; k++) if (k !== j) b[i] += others[k] * data[i * cols + k];
  let low = 0;
  let high = 1;
  let lowRival: number | null = null;
  let highRival: number | null = null;
  for (let i = 0; i < rows; i++) {
    if (i === leader) continue;
    const c = b[leader] - b[i];
    const s = data[leader * cols + j] - data[i * cols + j] - c;
    if (s > 0) {
      const t = -c / s;
      if (t > low) [low, lowRival] = [t, i];
    } else if (s < 0) {
      const t = -c / s;
      if (t < high) [high, highRival] = [t, i];
    }
  }
  return { criterion: j, weight: w0[j], low, high, lowRival, highRival, exact: true };
}

function numericInterval(
  score: (w: Float64Array) => Float64Array,
  order: RankOrder,
  w0: Float64Array,
  j: number,
  leader: number,
  steps: number,
  tolerance: number | undefined
): WeightInterval {
  const w = new Float64Array(w0.length);
  /** null while the leader is (possibly jointly) first at weight t; else who is first. */
  const firstAt = (t: number): number | null => {
    const scores = checkScores(score(weightsAt(w0, j, t, w)));
    return ranksOf(scores, order, tolerance)[leader] === 1
      ? null
      : rankOrder(scores, { order, tolerance })[0];
  };
  const edge = (direction: 1 | -1): { bound: number; rival: number | null } => {
    const limit = direction === 1 ? 1 : 0;
    let good = w0[j];
    for (let k = 1; k <= steps; k++) {
      const t = w0[j] + (direction * k) / steps;
      const probe = direction === 1 ? Math.min(t, 1) : Math.max(t, 0);
      const rival = firstAt(probe);
      if (rival !== null) {
        let bad = probe;
        let badRival = rival;
        for (let it = 0; it < 60 && Math.abs(bad - good) > 1e-9; it++) {
          const mid = (good + bad) / 2;
          const r = firstAt(mid);
          if (r === null) good = mid;
          else [bad, badRival] = [mid, r];
        }
        return { bound: good, rival: badRival };
      }
      good = probe;
      if (probe === limit) break;
    }
    return { bound: limit, rival: null };
  };
  const lo = edge(-1);
  const hi = edge(1);
  return {
    criterion: j,
    weight: w0[j],
    low: lo.bound,
    high: hi.bound,
    lowRival: lo.rival,
    highRival: hi.rival,
    exact: false,
  };
}

export function leaderWeightIntervals(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  options: IntervalOptions = {}
): IntervalResult {
  const aggregator = options.aggregator ?? preNormalizedSum;
  const w0 = normalizeWeights(weights, m.cols);
  const score = aggregator.prepare(m);
  const leader = rankOrder(checkScores(score(w0)), {
    order: aggregator.order,
    tolerance: options.tolerance,
  })[0];
  const steps = options.steps ?? 200;
  if (!(Number.isInteger(steps) && steps >= 1))
    fail("steps", { zh: "应为正整数", en: "must be a positive integer" });
  const a = aggregator.linear?.(m);
  const intervals: WeightInterval[] = [];
  for (let j = 0; j < m.cols; j++) {
    intervals.push(
      a
        ? exactInterval(a, w0, j, leader)
        : numericInterval(score, aggregator.order, w0, j, leader, steps, options.tolerance)
    );
  }
  return { leader, intervals };
}

// ---------------------------------------------------------------------------------------------
// 3. Rank reversal
// ---------------------------------------------------------------------------------------------

export interface RankReversal {
  /** The alternative removed (0-based index in the full matrix). */
  removed: number;
  /** Ranks of the remaining alternatives after removal, by their index in the full matrix; null for the removed one. */
  ranks: (number | null)[];
  /** Pairs [a, b] (a < b, full-matrix indices) whose relative order changed (including to or from a tie). */
  pairs: [number, number][];
  /** Alternatives in at least one changed pair, ascending. */
  changed: number[];
}

export interface RankReversalResult {
  baseline: number[];
  removals: RankReversal[];
  /** Whether any removal changed any relative order. */
  reversal: boolean;
}

/**
 * Removes each alternative in turn, re-runs the method on the rest and compares every remaining pair's
 * order with the full ranking. O(n³) comparisons in all: meant for candidate lists, not 100 000 rows.
 */
export function rankReversal(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  options: CommonOptions = {}
): RankReversalResult {
  const aggregator = options.aggregator ?? preNormalizedSum;
  const w = normalizeWeights(weights, m.cols);
  const baseline = ranksOf(
    checkScores(aggregator.prepare(m)(w)),
    aggregator.order,
    options.tolerance
  );
  const removals: RankReversal[] = [];
  for (let r = 0; r < m.rows; r++) {
    const reduced = removeRow(m, r);
    const sub =
      reduced.rows > 0
        ? ranksOf(checkScores(aggregator.prepare(reduced)(w)), aggregator.order, options.tolerance)
        : [];
    const ranks: (number | null)[] = [];
    for (let i = 0; i < m.rows; i++) ranks.push(i === r ? null : sub[i < r ? i : i - 1]);
    const pairs: [number, number][] = [];
    const changed = new Set<number>();
    for (let a = 0; a < m.rows; a++) {
      if (a === r) continue;
      for (let b = a + 1; b < m.rows; b++) {
        if (b === r) continue;
        if (
          Math.sign(baseline[a] - baseline[b]) !==
          Math.sign((ranks[a] as number) - (ranks[b] as number))
        ) {
          pairs.push([a, b]);
          changed.add(a);
          changed.add(b);
        }
      }
    }
    removals.push({ removed: r, ranks, pairs, changed: [...changed].sort((x, y) => x - y) });
  }
  return { baseline, removals, reversal: removals.some((x) => x.pairs.length > 0) };
}
