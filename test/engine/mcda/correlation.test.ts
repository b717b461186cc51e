/** RANK.EQ ranks, Spearman and Kendall correlations, Kendall's W. */
import fc from "fast-check";
import {
  averageRanks,
  correlationMatrix,
  crossProducts,
  kendallTau,
  kendallW,
  rankCorrelation,
  pearson,
  ranksEq,
  spearman,
} from "../../../src/engine/mcda/correlation";
import { toMatrix } from "../../../src/engine/mcda/matrix";

describe("ranks as RANK.EQ", () => {
  test("ties share the best rank and the next is skipped, both orders", () => {
    // Excel's RANK.EQ help: for 7, 3.5, 3.5, 1, 2 the ranks (descending) are 1, 2, 2, 5, 4.
    expect(Array.from(ranksEq([7, 3.5, 3.5, 1, 2]))).toEqual([1, 2, 2, 5, 4]);
    expect(Array.from(ranksEq([7, 3.5, 3.5, 1, 2], "asc"))).toEqual([5, 3, 3, 1, 2]);
  });

  test("values a hair apart are not tied (exact comparison, as Excel)", () => {
    expect(Array.from(ranksEq([0.3, 0.1 + 0.2]))).toEqual([2, 1]);
  });

  test("average ranks give ties the mean of their positions", () => {
    expect(Array.from(averageRanks([10, 20, 20, 30]))).toEqual([1, 2.5, 2.5, 4]);
  });
});

describe("rank correlations", () => {
  test("Spearman: scipy.stats.spearmanr documentation example", () => {
    // scipy docs: spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) → 0.8207826816681233.
    expect(rankCorrelation([1, 2, 3, 4, 5], [5, 6, 7, 8, 7], "spearman")).toBeCloseTo(
      0.8207826816681233,
      12
    );
  });

  test("Kendall τ-b: scipy.stats.kendalltau documentation example (ties on both sides)", () => {
    // scipy docs: kendalltau([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]) → -0.47140452079103173.
    expect(rankCorrelation([12, 2, 1, 12, 2], [1, 4, 7, 1, 0], "kendall")).toBeCloseTo(
      -0.47140452079103173,
      12
    );
  });

  test("identical rankings correlate 1, reversed −1", () => {
    expect(rankCorrelation([1, 2], [2, 1])).toBe(-1);
    for (const method of ["spearman", "kendall", "pearson"] as const) {
      expect(rankCorrelation([1, 2, 3, 4], [1, 2, 3, 4], method)).toBeCloseTo(1, 12);
      expect(rankCorrelation([1, 2, 3, 4], [4, 3, 2, 1], method)).toBeCloseTo(-1, 12);
    }
  });

  test("degenerate: different lengths, one entry, a constant side are refused", () => {
    expect(() => rankCorrelation([1, 2], [1, 2, 3])).toThrow(
      "ranking2: has 3 entries, ranking1 has 2"
    );
    expect(() => rankCorrelation([1], [1])).toThrow("ranking1: needs at least 2 entries");
    expect(() => rankCorrelation([1, 2, 3], [2, 2, 2], "kendall")).toThrow(
      "the correlation is undefined"
    );
  });
});

describe("Kendall's W", () => {
  test("three judges, four objects, no ties", () => {
    const scores = toMatrix([
      [1, 1, 2],
      [2, 3, 2.5],
      [3, 2, 3],
      [4, 4, 4],
    ]);
    // Worked by hand (Kendall & Babington Smith 1939): judges rank 1,2,3,4 / 1,3,2,4 / 1,2,3,4, so
    // R = 3, 7, 8, 12, mean 7.5, S = 20.25 + 0.25 + 0.25 + 20.25 = 41, W = 12 · 41 / (9 · 60) = 0.91111.
    expect(kendallW(scores)).toBeCloseTo(492 / 540, 12);
  });

  test("complete agreement gives 1; tied scores are corrected for", () => {
    expect(
      kendallW(
        toMatrix([
          [1, 10],
          [2, 20],
          [3, 30],
        ])
      )
    ).toBeCloseTo(1, 12);
    // Judge 2 ties objects 1 and 2: ranks 1.5, 1.5, 3; R = 2.5, 3.5, 6, mean 4, S = 2.25 + 0.25 + 4 = 6.5;
    // T = 2³ − 2 = 6; W = 12 · 6.5 / (4 · 24 − 2 · 6) = 78 / 84.
    expect(
      kendallW(
        toMatrix([
          [1, 5],
          [2, 5],
          [3, 9],
        ])
      )
    ).toBeCloseTo(78 / 84, 12);
  });

  test("degenerate: one object, every judge indifferent", () => {
    expect(() => kendallW(toMatrix([[1, 2, 3]]))).toThrow("needs at least 2 objects");
    expect(() =>
      kendallW(
        toMatrix([
          [1, 1],
          [1, 1],
        ])
      )
    ).toThrow("W is undefined");
  });
});

describe("correlationMatrix (CRITIC's fast path)", () => {
  test("equals pearson, spearman and kendallTau pair by pair, constant columns and ties included", () => {
    // Small integers give ties and, now and then, a constant column (NaN on both paths).
    const columns = fc.integer({ min: 2, max: 12 }).chain((n) =>
      fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }), {
        minLength: 2,
        maxLength: 5,
      })
    );
    const pairwise = { pearson, spearman, kendall: kendallTau } as const;
    fc.assert(
      fc.property(
        columns,
        fc.constantFrom("pearson", "spearman", "kendall" as const),
        (cs, how) => {
          const xs = cs.map((c) => Float64Array.from(c));
          const r = correlationMatrix(xs, how);
          xs.forEach((a, j) =>
            xs.forEach((b, k) => {
              if (j === k) return;
              const expected = pairwise[how](a, b);
              if (Number.isNaN(expected)) expect(r[j][k]).toBeNaN();
              else expect(Math.abs(r[j][k] - expected)).toBeLessThanOrEqual(1e-12);
            })
          );
        }
      )
    );
  });
});

describe("correlation edges found by mutation testing", () => {
  test("correlationMatrix's diagonal: 1, or NaN for a constant column, by every method", () => {
    const xs = [
      Float64Array.of(1, 2, 3, 5),
      Float64Array.of(7, 7, 7, 7),
      Float64Array.of(4, 1, 3, 2),
    ];
    for (const how of ["pearson", "spearman", "kendall"] as const) {
      const r = correlationMatrix(xs, how);
      expect(r[0][0]).toBe(1);
      expect(r[1][1]).toBeNaN();
      expect(r[2][2]).toBe(1);
      expect(r[0][1]).toBeNaN();
    }
  });

  test("crossProducts over several row blocks and lengths not a multiple of four: the textbook sums", () => {
    for (const rows of [1, 3, 257, 259, 600]) {
      const cols = 3;
      const data = Float64Array.from(
        { length: rows * cols },
        (_, k) => ((k * 7919) % 101) / 7 - (k % 5)
      );
      const { mean, cross } = crossProducts({ rows, cols, data });
      for (let j = 0; j < cols; j++) {
        let s = 0;
        for (let i = 0; i < rows; i++) s += data[i * cols + j];
        expect(mean[j]).toBeCloseTo(s / rows, 10);
      }
      for (let j = 0; j < cols; j++)
        for (let k = 0; k < cols; k++) {
          let c = 0;
          for (let i = 0; i < rows; i++)
            c += (data[i * cols + j] - mean[j]) * (data[i * cols + k] - mean[k]);
          expect(cross[j * cols + k]).toBeCloseTo(c, 8);
        }
    }
  });
});
