import {
  topsisAggregator,
  vikorAggregator,
  weightedSumAggregator,
} from "../../../src/engine/mcda/aggregate";
import { toMatrix } from "../../../src/engine/mcda/matrix";
import type { Aggregator } from "../../../src/engine/mcda/aggregate";
import { createRng } from "../../../src/engine/random";
import { refusal } from "./refusal";
import {
  leaderWeightIntervals,
  perturbWeights,
  rankReversal,
  weightDraws,
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

describe("stability: edges found by mutation testing", () => {
  test("uniform draws: w0 · (1 + spread · (2u − 1)) rescaled, u from the seeded generator", () => {
    const w0 = Float64Array.of(0.5, 0.3, 0.2);
    const draw = weightDraws(w0, { spread: 0.4, seed: 9 });
    const rng = createRng(9);
    const w = new Float64Array(3);
    for (let run = 0; run < 5; run++) {
      draw(w);
      const raw = Array.from(w0, (x) => x * (1 + 0.4 * (2 * rng.next() - 1)));
      const total = raw.reduce((a, b) => a + b, 0);
      raw.forEach((x, j) => expect(w[j]).toBeCloseTo(x / total, 15));
    }
    // spread 0 leaves the weights as set; a Dirichlet draw ignores spread, a uniform one concentration.
    const still = new Float64Array(3);
    weightDraws(w0, { spread: 0 })(still);
    expect(Array.from(still)).toEqual(Array.from(w0));
    expect(() => weightDraws(w0, { mode: "dirichlet", spread: 2 })).not.toThrow();
    expect(() => weightDraws(w0, { mode: "uniform", concentration: 0 })).not.toThrow();
  });

  test("Dirichlet draws centre on the set weights, tighter as the concentration grows", () => {
    const w0 = Float64Array.of(0.5, 0.3, 0.2);
    const w = new Float64Array(3);
    const largestMove = (concentration: number) => {
      const draw = weightDraws(w0, { mode: "dirichlet", concentration, seed: 4 });
      let most = 0;
      for (let run = 0; run < 200; run++) {
        draw(w);
        expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        for (let j = 0; j < 3; j++) most = Math.max(most, Math.abs(w[j] - w0[j]));
      }
      return most;
    };
    // Dirichlet(c · w0) has sd √(w(1 − w)/(c + 1)): about 5e-4 at c = 1e6, so 200 draws stay within 0.01.
    expect(largestMove(1e6)).toBeLessThan(0.01);
    expect(largestMove(5)).toBeGreaterThan(0.1);
  });

  test.each<[string, () => unknown, string, string, string]>([
    [
      "a negative spread",
      () => weightDraws(Float64Array.of(1), { spread: -0.1 }),
      "spread",
      "spread：应在 0 到 1 之间（0.1 = ±10%），实为 -0.1",
      "spread: must be between 0 and 1 (0.1 = ±10 %), got -0.1",
    ],
    [
      "an infinite concentration",
      () => weightDraws(Float64Array.of(1), { mode: "dirichlet", concentration: Infinity }),
      "concentration",
      "concentration：应为正数，实为 Infinity",
      "concentration: must be a positive number, got Infinity",
    ],
    [
      "more than a million runs",
      () => perturbWeights(DOMINANT, [1, 1, 1], { runs: 1e6 + 1 }),
      "runs",
      "runs：应为 1 到 1 000 000 的整数，实为 1000001",
      "runs: must be an integer from 1 to 1 000 000, got 1000001",
    ],
  ])("%s is refused", (_, run, argument, zh, en) => {
    expect(refusal(run)).toEqual({ argument, zh, en });
  });

  test("the bounds themselves are allowed: spread 1, 1 run, 10^6 runs, top 1, 1 step", () => {
    expect(() => weightDraws(Float64Array.of(0.5, 0.5), { spread: 1 })).not.toThrow();
    const one = perturbWeights(DOMINANT, [1, 1, 1], { runs: 1, topK: 1 });
    expect([one.runs, one.topK, one.pFirst[0], one.pTopK[0]]).toEqual([1, 1, 1, 1]);
    // 10^6 runs pass the check: the aggregator is reached (and stops the run there).
    const stop: Aggregator = {
      order: "desc",
      prepare: () => {
        throw new Error("checks passed");
      },
    };
    expect(() => perturbWeights(NEAR_EQUAL, [1, 1], { aggregator: stop, runs: 1e6 })).toThrow(
      "checks passed"
    );
  });

  test("mean rank weighs each rank by its count", () => {
    const r = perturbWeights(NEAR_EQUAL, [0.5, 0.5], { runs: 400, seed: 2, spread: 0.3 });
    expect(r.rankCounts[0][1]).toBeGreaterThan(0); // A is second in some runs
    r.rankCounts.forEach((counts, i) =>
      expect(r.meanRank[i]).toBeCloseTo((counts[0] + 2 * counts[1] + 3 * counts[2]) / 400, 12)
    );
  });

  // A = (1, 0, 0), B = (0, 1, 0), C = (0, 0, 1) at weights 0.5, 0.3, 0.2, listed B, A, C so that the
  // leader is not the first row. With w_j = t and the others rescaled to fill 1 − t:
  // criterion 1: A = t, B = 0.6(1 − t), C = 0.4(1 − t): A leads while t ≥ 0.375 (B) and t ≥ 2/7 (C);
  // criterion 2: A = (5/7)(1 − t), B = t: A leads while t ≤ 5/12; C = (2/7)(1 − t) never passes A;
  // criterion 3: A = (5/8)(1 − t), C = t: A leads while t ≤ 5/13.
  const UNIT = toMatrix([
    [0, 1, 0],
    [1, 0, 0],
    [0, 0, 1],
  ]);
  const UNIT_INTERVALS = [
    [0.375, 1, 0, null],
    [0, 5 / 12, null, 0],
    [0, 5 / 13, null, 2],
  ];
  /** The same weighted sum with no linear form (forces the grid search and bisection). */
  const numericSum: Aggregator = { order: "desc", prepare: preNormalizedPrepare };
  function preNormalizedPrepare(m: Parameters<Aggregator["prepare"]>[0]) {
    return weightedSumAggregator(undefined, { normalization: "none" }).prepare(m);
  }
  /** Lower is better: the negated weighted sum. */
  const negatedSum: Aggregator = {
    order: "asc",
    prepare: (m) => {
      const score = preNormalizedPrepare(m);
      return (w) => score(w).map((x) => -x);
    },
  };

  test("leader intervals with three criteria: the others keep their proportions", () => {
    for (const [aggregator, digits] of [
      [undefined, 15],
      [numericSum, 8],
      [negatedSum, 8],
    ] as const) {
      const r = leaderWeightIntervals(UNIT, [0.5, 0.3, 0.2], { aggregator, steps: 7 });
      expect(r.leader).toBe(1);
      r.intervals.forEach((iv, j) => {
        const [low, high, lowRival, highRival] = UNIT_INTERVALS[j];
        expect(iv.low).toBeCloseTo(low as number, digits);
        expect(iv.high).toBeCloseTo(high as number, digits);
        expect([iv.lowRival, iv.highRival]).toEqual([lowRival, highRival]);
      });
    }
  });

  test("one grid step still finds the crossing", () => {
    const r = leaderWeightIntervals(UNIT, [0.5, 0.3, 0.2], { aggregator: numericSum, steps: 1 });
    expect(r.intervals[0].low).toBeCloseTo(0.375, 8);
    expect(r.intervals[1].high).toBeCloseTo(5 / 12, 8);
  });

  test("a criterion holding all the weight: the others share 1 − t equally", () => {
    // Weights 0, 1, 0: UNIT's first row leads. At w_2 = t the other two criteria get (1 − t)/2 each,
    // so the rows score t, (1 − t)/2, (1 − t)/2: the leader stays first while t ≥ 1/3, and the first
    // of the two tied rivals is named.
    for (const [aggregator, digits] of [
      [undefined, 15],
      [numericSum, 8],
    ] as const) {
      const r = leaderWeightIntervals(UNIT, [0, 1, 0], { aggregator });
      expect(r.leader).toBe(0);
      const iv = r.intervals[1];
      expect(iv.low).toBeCloseTo(1 / 3, digits);
      expect([iv.high, iv.lowRival, iv.highRival]).toEqual([1, 1, null]);
    }
  });

  test("a leader tied with a rival at weight 0 or 1: the bound is 0 or 1 and no rival is named", () => {
    // A = (1, 0.5), B = (0, 0.5): at w_1 = 0 both score 0.5, and below 0 (outside the range) B would
    // lead; at w_2 = 1 both score 0.5, and above 1 B would lead.
    const m = toMatrix([
      [1, 0.5],
      [0, 0.5],
    ]);
    // 7 grid steps: the probes 0.3 − 3/7 and 0.7 + 3/7 fall outside [0, 1] and are clamped to it.
    for (const aggregator of [undefined, numericSum]) {
      const r = leaderWeightIntervals(m, [0.3, 0.7], { aggregator, steps: 7 });
      expect(r.leader).toBe(0);
      for (const iv of r.intervals) {
        expect([iv.low, iv.high, iv.lowRival, iv.highRival]).toEqual([0, 1, null, null]);
      }
    }
  });

  test("an alternative the same distance behind at every weight never bounds the interval", () => {
    // B = A − 0.5 on both criteria: the gap is 0.5 whatever the weights.
    const r = leaderWeightIntervals(
      toMatrix([
        [1, 1],
        [0.5, 0.5],
      ]),
      [0.4, 0.6]
    );
    for (const iv of r.intervals) expect([iv.low, iv.high]).toEqual([0, 1]);
  });

  test("a rival ahead by less than the tie tolerance at every weight does not bound the interval", () => {
    // B − A is the same 1e-12 on both criteria: a tie within the ranking's tolerance, the leader the
    // first of the tied rows.
    const r = leaderWeightIntervals(
      toMatrix([
        [1 - 1e-12, 1 - 1e-12],
        [1, 1],
      ]),
      [0.4, 0.6]
    );
    expect(r.leader).toBe(0);
    for (const iv of r.intervals) expect([iv.low, iv.high]).toEqual([0, 1]);
  });

  test("the grid search finds a leader losing in a window only, bisected to 1e-9", () => {
    // B overtakes A only while w_1 is in (0.7023, 0.75) or (0.25, 0.2977): both edges come from the
    // grid's first failing probe, then bisection.
    const window: Aggregator = {
      order: "desc",
      prepare: () => (w) => {
        const t = w[0];
        return Float64Array.of(1, (t > 0.7023 && t < 0.75) || (t > 0.25 && t < 0.2977) ? 2 : 0);
      },
    };
    const r = leaderWeightIntervals(NEAR_EQUAL, [0.5, 0.5], { aggregator: window });
    const [first] = r.intervals;
    expect(first.high).toBeLessThanOrEqual(0.7023);
    expect(first.high).toBeGreaterThan(0.7023 - 1e-9);
    expect(first.low).toBeGreaterThanOrEqual(0.2977);
    expect(first.low).toBeLessThan(0.2977 + 1e-9);
    expect([first.lowRival, first.highRival]).toEqual([1, 1]);
  });

  test("rank reversal never asks the method to score an empty matrix", () => {
    const needsRows: Aggregator = {
      order: "desc",
      prepare: (m) => {
        if (m.rows === 0) throw new Error("no alternatives");
        return () => new Float64Array(m.rows);
      },
    };
    const r = rankReversal(toMatrix([[0.5, 0.5]]), [1, 1], { aggregator: needsRows });
    expect(r.removals).toEqual([{ removed: 0, ranks: [null], pairs: [], changed: [] }]);
  });

  test("rank reversal: the changed alternatives are listed in ascending order", () => {
    // Min–max weighted sum, equal weights: A = (1, 7), B = (1, 9), C = (3, 2), D = (7, 4) score
    // 5/14, 1/2, 1/6, 9/14 (ranks 3, 2, 4, 1). Without D, column 1 becomes 0, 0, 1 and column 2
    // 5/7, 1, 0: A = 5/14, B = C = 1/2, so the pairs (A, C) and (B, C) change: found in the order
    // A, C, B.
    const r = rankReversal(
      toMatrix([
        [1, 7],
        [1, 9],
        [3, 2],
        [7, 4],
      ]),
      [0.5, 0.5],
      { aggregator: weightedSumAggregator([1, 1]) }
    );
    expect(r.baseline).toEqual([3, 2, 4, 1]);
    expect(r.removals[3]).toStrictEqual({
      removed: 3,
      ranks: [3, 1, 1, null],
      pairs: [
        [0, 2],
        [1, 2],
      ],
      changed: [0, 1, 2],
    });
  });
});
