import {
  topsisAggregator,
  vikorAggregator,
  weightedSumAggregator,
} from "../../../src/engine/mcda/aggregate";
import { toMatrix } from "../../../src/engine/mcda/matrix";
import {
  leaderWeightIntervals,
  perturbWeights,
  rankReversal,
} from "../../../src/engine/mcda/stability";

// Candidates × 0–1 dimension scores (already normalised), as the scoring engine produces them.
const DOMINANT = toMatrix([
  [0.9, 0.95, 0.9],
  [0.5, 0.6, 0.4],
  [0.7, 0.3, 0.6],
  [0.2, 0.8, 0.5],
]);

// A and B are mirror images: under symmetric weights they swap about half the time; C trails.
const NEAR_EQUAL = toMatrix([
  [0.8, 0.4],
  [0.4, 0.8],
  [0.3, 0.3],
]);

describe("perturbWeights", () => {
  test("a dominant alternative stays first in every run", () => {
    for (const mode of ["uniform", "dirichlet"] as const) {
      const r = perturbWeights(DOMINANT, [0.5, 0.3, 0.2], {
        runs: 2000,
        seed: 7,
        mode,
        spread: 0.5,
        concentration: 5,
      });
      expect(r.pFirst[0]).toBe(1);
      expect(r.rankCounts[0]).toEqual([2000, 0, 0, 0]);
      expect(r.baseline.ranks[0]).toBe(1);
    }
  });

  test("two near-equal alternatives swap about half the time", () => {
    const r = perturbWeights(NEAR_EQUAL, [0.5, 0.5], { runs: 4000, seed: 42, spread: 0.2 });
    expect(r.pFirst[0]).toBeGreaterThan(0.35);
    expect(r.pFirst[0]).toBeLessThan(0.65);
    expect(r.pFirst[0] + r.pFirst[1]).toBeCloseTo(1, 12);
    expect(r.pFirst[2]).toBe(0);
    expect(r.pTopK[2]).toBe(1); // three alternatives, top 3
  });

  test("Dirichlet perturbation also splits the near-equal pair", () => {
    const r = perturbWeights(NEAR_EQUAL, [0.5, 0.5], {
      runs: 4000,
      seed: 3,
      mode: "dirichlet",
      concentration: 50,
    });
    expect(r.pFirst[0]).toBeGreaterThan(0.35);
    expect(r.pFirst[0]).toBeLessThan(0.65);
  });

  test("the same seed gives identical results; another seed differs", () => {
    const opts = { runs: 500, seed: 11, spread: 0.3, topK: 2 };
    const a = perturbWeights(DOMINANT, [0.2, 0.4, 0.4], opts);
    const b = perturbWeights(DOMINANT, [0.2, 0.4, 0.4], opts);
    expect(b).toEqual(a);
    const c = perturbWeights(NEAR_EQUAL, [0.5, 0.5], { ...opts, seed: 12 });
    expect(c.rankCounts).not.toEqual(perturbWeights(NEAR_EQUAL, [0.5, 0.5], opts).rankCounts);
  });

  test("rank counts add up; P(top k) and mean rank follow from them", () => {
    const r = perturbWeights(DOMINANT, [0.3, 0.3, 0.4], { runs: 300, seed: 5, spread: 1, topK: 2 });
    for (let i = 0; i < 4; i++) {
      expect(r.rankCounts[i].reduce((s, c) => s + c, 0)).toBe(300);
      expect(r.pTopK[i]).toBeCloseTo((r.rankCounts[i][0] + r.rankCounts[i][1]) / 300, 12);
    }
    expect(r.topK).toBe(2);
    expect(r.meanRank[0]).toBe(1);
  });

  test("works over any aggregator, e.g. VIKOR (lower Q first)", () => {
    const m = toMatrix([
      [9, 9],
      [1, 2],
      [2, 1],
    ]);
    const r = perturbWeights(m, [1, 1], {
      aggregator: vikorAggregator([1, 1]),
      runs: 200,
      seed: 1,
    });
    expect(r.pFirst[0]).toBe(1);
  });

  test("bad options are refused by name", () => {
    expect(() => perturbWeights(DOMINANT, [1, 1, 1], { runs: 0 })).toThrow(
      "runs: must be an integer from 1 to 1 000 000, got 0"
    );
    expect(() => perturbWeights(DOMINANT, [1, 1, 1], { spread: 2 })).toThrow(
      "spread: must be between 0 and 1"
    );
    expect(() =>
      perturbWeights(DOMINANT, [1, 1, 1], { mode: "dirichlet", concentration: 0 })
    ).toThrow("concentration: must be a positive number, got 0");
    expect(() => perturbWeights(DOMINANT, [1, 1])).toThrow(
      "weights: has 2 entries but the matrix has 3 criteria"
    );
  });
});

describe("leaderWeightIntervals", () => {
  test("weighted sum: the crossing points solved exactly", () => {
    // A = (0.8, 0.4), B = (0.4, 0.8) at weights (0.6, 0.4): A leads (0.64 vs 0.56). With w1 = t,
    // A − B = 0.8t + 0.4(1 − t) − 0.4t − 0.8(1 − t) = 0.8t − 0.4 ≥ 0 ⇔ t ≥ 0.5.
    const r = leaderWeightIntervals(NEAR_EQUAL, [0.6, 0.4]);
    expect(r.leader).toBe(0);
    const [c1, c2] = r.intervals;
    expect([c1.low, c1.high, c1.lowRival, c1.highRival, c1.exact]).toEqual([0.5, 1, 1, null, true]);
    expect(c1.weight).toBeCloseTo(0.6, 15);
    // w2 = t, w1 = 1 − t: A leads while t ≤ 0.5.
    expect(c2.low).toBe(0);
    expect(c2.high).toBeCloseTo(0.5, 15);
    expect(c2.highRival).toBe(1);
  });

  test("a dominant leader keeps first place over the whole range", () => {
    const r = leaderWeightIntervals(DOMINANT, [0.5, 0.3, 0.2]);
    for (const iv of r.intervals) expect([iv.low, iv.high]).toEqual([0, 1]);
  });

  test("other methods: numeric search agrees with the exact answer", () => {
    // Min–max weighted sum has a linear form too; force the numeric path with an aggregator without it.
    const exact = leaderWeightIntervals(NEAR_EQUAL, [0.6, 0.4]);
    const { prepare, order } = weightedSumAggregator(undefined, { normalization: "none" });
    const numeric = leaderWeightIntervals(NEAR_EQUAL, [0.6, 0.4], {
      aggregator: { prepare, order },
    });
    expect(numeric.intervals[0].exact).toBe(false);
    expect(numeric.intervals[0].low).toBeCloseTo(exact.intervals[0].low, 8);
    expect(numeric.intervals[0].high).toBe(1);
    expect(numeric.intervals[0].lowRival).toBe(1);
  });

  test("TOPSIS leader interval brackets the set weight", () => {
    const r = leaderWeightIntervals(NEAR_EQUAL, [0.6, 0.4], {
      aggregator: topsisAggregator([1, 1]),
    });
    expect(r.leader).toBe(0);
    const iv = r.intervals[0];
    expect(iv.low).toBeLessThanOrEqual(0.6);
    expect(iv.high).toBeGreaterThanOrEqual(0.6);
    // By symmetry the two alternatives tie exactly at equal weights.
    expect(iv.low).toBeCloseTo(0.5, 6);
  });
});

describe("rankReversal", () => {
  test("a weighted sum of fixed scores never reverses", () => {
    const r = rankReversal(DOMINANT, [0.5, 0.3, 0.2]);
    expect(r.reversal).toBe(false);
    expect(r.removals).toHaveLength(4);
    expect(r.removals[1].ranks[1]).toBeNull();
  });

  test("min–max normalisation can reverse the order of two others", () => {
    // With C: A = 0.55·1 + 0.45·6/9 = 0.85 < B = 0.55·7/9 + 0.45·1 = 0.878. Without C both columns
    // shrink to A vs B alone: A = 0.55 > B = 0.45.
    const m = toMatrix([
      [10, 6],
      [8, 9],
      [1, 0],
    ]);
    const agg = weightedSumAggregator([1, 1]);
    const r = rankReversal(m, [0.55, 0.45], { aggregator: agg });
    expect(r.baseline).toEqual([2, 1, 3]);
    const removeC = r.removals[2];
    expect(removeC.pairs).toEqual([[0, 1]]);
    expect(removeC.changed).toEqual([0, 1]);
    expect(removeC.ranks).toEqual([1, 2, null]);
    expect(r.reversal).toBe(true);
  });

  test("a single alternative has nothing left to compare", () => {
    const r = rankReversal(toMatrix([[0.5, 0.5]]), [1, 1]);
    expect(r.removals).toEqual([{ removed: 0, ranks: [null], pairs: [], changed: [] }]);
  });
});
