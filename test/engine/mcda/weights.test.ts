import fc from "fast-check";
import { toMatrix } from "../../../src/engine/mcda/matrix";
import { MEREC_EXAMPLE, STD_EXAMPLE } from "../../fixtures/mcda-examples";
import {
  bwmWeights,
  criticWeights,
  directWeights,
  entropyWeights,
  merecWeights,
  spreadWeights,
  swingWeights,
} from "../../../src/engine/mcda/weights";
import { pearson } from "../../../src/engine/mcda/correlation";
import { normalizeMatrix } from "../../../src/engine/mcda/normalize";
import type { CriterionType } from "../../../src/engine/mcda/matrix";

function expectDigits(actual: ArrayLike<number>, expected: number[], digits: number): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) =>
    expect(Math.abs(actual[i] - e)).toBeLessThanOrEqual(0.5 * 10 ** -digits + 1e-12)
  );
}

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x, 0);

describe("direct and swing weights", () => {
  test("direct weights are scaled to sum to 1", () => {
    expect(Array.from(directWeights([30, 20, 50], 3))).toEqual([0.3, 0.2, 0.5]);
    expect(() => directWeights([1, 2], 3)).toThrow(
      "weights: has 2 entries but the matrix has 3 criteria"
    );
  });

  test("swing points: 100 for the reference swing, the rest relative to it", () => {
    expect(Array.from(swingWeights([100, 50, 50]))).toEqual([0.5, 0.25, 0.25]);
    expect(() => swingWeights([80, 40])).toThrow(
      "points: the most important swing must have 100 points"
    );
    expect(() => swingWeights([100, 120])).toThrow(
      "points item 2: must be between 0 and 100, got 120"
    );
  });
});

describe("entropy weights", () => {
  test("Xu (2004) example", () => {
    const m = toMatrix([
      [30, 30, 38, 29],
      [19, 54, 86, 29],
      [19, 15, 85, 28.9],
      [68, 70, 60, 29],
    ]);
    // Xu (2004), "A note on the subjective and objective integrated approach to determine attribute
    // weights", EJOR 156(2); as tested in energyinpython/pyrepo-mcda tests (Test_Entropy):
    // 0.4630, 0.3992, 0.1378, 0.0000.
    expectDigits(entropyWeights(m), [0.463, 0.3992, 0.1378, 0], 4);
  });

  test("Zavadskas & Podvezko (2016) example", () => {
    const m = toMatrix([
      [3.0, 100, 10, 7],
      [2.5, 80, 8, 5],
      [1.8, 50, 20, 11],
      [2.2, 70, 12, 9],
    ]);
    // Zavadskas & Podvezko (2016), IJITDM 15(2), 267–283; as tested in energyinpython/pyrepo-mcda
    // tests (Test_Entropy2): 0.1146, 0.1981, 0.4185, 0.2689.
    expectDigits(entropyWeights(m), [0.1146, 0.1981, 0.4185, 0.2689], 4);
  });

  test("a constant or all-zero column gets weight 0", () => {
    const w = entropyWeights(
      toMatrix([
        [1, 5, 0],
        [3, 5, 0],
      ])
    );
    expect(Array.from(w)).toEqual([1, 0, 0]);
  });

  test("degenerate inputs: one alternative, all constant, negative, blank", () => {
    expect(() => entropyWeights(toMatrix([[1, 2]]))).toThrow(
      "matrix: entropy weighting needs at least 2 alternatives (rows), got 1"
    );
    expect(() =>
      entropyWeights(
        toMatrix([
          [1, 2],
          [1, 2],
        ])
      )
    ).toThrow("matrix: every criterion is the same for all alternatives");
    expect(() =>
      entropyWeights(
        toMatrix([
          [1, 2],
          [1, -2],
        ])
      )
    ).toThrow("matrix row 2, column 2: entropy weights need values ≥ 0, got -2");
    expect(() =>
      entropyWeights(
        toMatrix(
          [
            [1, 2],
            [null, 3],
          ],
          { allowBlank: true }
        )
      )
    ).toThrow("matrix row 2, column 1: blank cell");
  });
});

describe("CRITIC weights", () => {
  test("Tuş & Aytaç Adalı (2019) example (all criteria normalised as benefit)", () => {
    const m = toMatrix([
      [5000, 3, 3, 4, 3, 2],
      [680, 5, 3, 2, 2, 1],
      [2000, 3, 2, 3, 4, 3],
      [600, 4, 3, 1, 2, 2],
      [800, 2, 4, 3, 3, 4],
    ]);
    // Tuş & Aytaç Adalı (2019), "The new combination with CRITIC and WASPAS methods for the time and
    // attendance software selection problem", Opsearch 56(2); as tested in energyinpython/pyrepo-mcda
    // tests (Test_CRITIC), which call CRITIC without types: 0.157, 0.249, 0.168, 0.121, 0.154, 0.151.
    expectDigits(criticWeights(m), [0.157, 0.249, 0.168, 0.121, 0.154, 0.151], 3);
  });

  test("JMcDM reference example with a cost criterion (Diakoulaki's flip towards the best)", () => {
    const m = toMatrix([
      [12.9918, 0.7264, -1.1009, 1.598139592],
      [4.1201, 5.8824, 3.4483, 1.021563567],
      [4.1039, 0.0, -0.5076, 0.984469444],
    ]);
    // jbytecode/JMcDM test/testcritic.jl (fns max, max, min, max), checked there to 1e-4:
    // 0.16883925, 0.418444976, 0.249124763, 0.163591012.
    expectDigits(
      criticWeights(m, [1, 1, -1, 1]),
      [0.16883925, 0.418444976, 0.249124763, 0.163591012],
      4
    );
  });

  test("a constant column gets weight 0 and does not disturb the others", () => {
    const base = criticWeights(
      toMatrix([
        [1, 4, 2],
        [2, 1, 5],
        [4, 3, 3],
      ])
    );
    const withConstant = criticWeights(
      toMatrix([
        [1, 9, 4, 2],
        [2, 9, 1, 5],
        [4, 9, 3, 3],
      ])
    );
    expect(withConstant[1]).toBe(0);
    expectDigits([withConstant[0], withConstant[2], withConstant[3]], Array.from(base), 12);
  });

  test("one varying criterion takes all the weight", () => {
    expect(
      Array.from(
        criticWeights(
          toMatrix([
            [1, 5],
            [2, 5],
          ])
        )
      )
    ).toEqual([1, 0]);
  });

  test("degenerate inputs: one alternative, all constant, types length", () => {
    expect(() => criticWeights(toMatrix([[1, 2]]))).toThrow(
      "matrix: CRITIC needs at least 2 alternatives (rows), got 1"
    );
    expect(() =>
      criticWeights(
        toMatrix([
          [1, 2],
          [1, 2],
        ])
      )
    ).toThrow("matrix: every criterion is the same for all alternatives");
    expect(() =>
      criticWeights(
        toMatrix([
          [1, 2],
          [2, 1],
        ]),
        [1]
      )
    ).toThrow("types: has 1 entries but the matrix has 2 criteria");
  });
});

test("property: entropy and CRITIC weights are ≥ 0 and sum to 1", () => {
  const varied = fc
    .tuple(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 5 }))
    .chain(([rows, cols]) =>
      fc.array(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      })
    )
    // At least one column must vary, or both methods rightly refuse the matrix.
    .filter((rows) => rows[0].some((_, j) => rows.some((r) => r[j] !== rows[0][j])));
  fc.assert(
    fc.property(varied, (rows) => {
      for (const w of [entropyWeights(toMatrix(rows)), criticWeights(toMatrix(rows))]) {
        expect(Math.abs(sum(w) - 1)).toBeLessThan(1e-12);
        for (const x of w) expect(x).toBeGreaterThanOrEqual(0);
      }
    })
  );
});

/** Entropy weights step by step as the textbook writes them (p = x / Σx, Math.log per cell). */
function textbookEntropy(rows: number[][]): number[] {
  const m = rows.length;
  const d = rows[0].map((_, j) => {
    const total = rows.reduce((s, r) => s + r[j], 0);
    if (total === 0) return 0;
    const plogp = rows.reduce((s, r) => {
      const p = r[j] / total;
      return p > 0 ? s + p * Math.log(p) : s;
    }, 0);
    return Math.max(0, 1 + plogp / Math.log(m));
  });
  const sumD = d.reduce((a, b) => a + b, 0);
  return d.map((x) => x / sumD);
}

/** Matrices (2–30 rows, 1–6 columns) with at least one varying column, cells drawn by `cell`. */
const matrices = (cell: fc.Arbitrary<number>) =>
  fc
    .tuple(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 6 }))
    .chain(([rows, cols]) =>
      fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      })
    )
    .filter((rows) => rows[0].some((_, j) => rows.some((r) => r[j] !== rows[0][j])));

test("property: entropy weights (blocked logs) equal the textbook steps", () => {
  fc.assert(
    fc.property(matrices(fc.double({ min: 0, max: 1e6, noNaN: true })), (rows) => {
      const fast = entropyWeights(toMatrix(rows));
      textbookEntropy(rows).forEach((w, j) => expect(Math.abs(fast[j] - w)).toBeLessThan(1e-9));
    }),
    { numRuns: 300, seed: 3 }
  );
});

/**
 * CRITIC step by step as Diakoulaki et al. write it: normalise (min–max towards the best), σ and Pearson's
 * r of the normalised columns, C_j = σ_j Σ_k (1 − r_jk), w ∝ C (w ∝ σ when no conflict is left).
 */
function textbookCritic(rows: number[][], types: CriterionType[], none: boolean): number[] {
  const m = toMatrix(rows);
  const r = none ? m : normalizeMatrix(m, types, "minmax");
  const cols = rows[0].length;
  const col = (j: number) => Array.from({ length: rows.length }, (_, i) => r.data[i * cols + j]);
  const sd = Array.from({ length: cols }, (_, j) => {
    const c = col(j);
    const mean = c.reduce((a, b) => a + b, 0) / c.length;
    const ss = c.reduce((a, x) => a + (x - mean) ** 2, 0);
    const s = Math.sqrt(ss / (c.length - 1));
    return ss > 0 && s > 1e-12 * Math.max(1, Math.abs(mean)) ? s : 0;
  });
  let info = sd.map((s, j) =>
    s > 0
      ? s * sd.reduce((a, t, k) => (t > 0 && k !== j ? a + 1 - pearson(col(j), col(k)) : a), 0)
      : 0
  );
  if (!(info.reduce((a, b) => a + b, 0) > 1e-15)) info = sd;
  const total = info.reduce((a, b) => a + b, 0);
  return info.map((x) => x / total);
}

test("property: CRITIC with Pearson's r from the raw columns' cross products equals the textbook steps", () => {
  const withTypes = matrices(fc.integer({ min: -50, max: 1000 })).chain((rows) =>
    fc.tuple(
      fc.constant(rows),
      fc.array(fc.constantFrom<CriterionType>(1, -1), {
        minLength: rows[0].length,
        maxLength: rows[0].length,
      }),
      fc.boolean()
    )
  );
  fc.assert(
    fc.property(withTypes, ([rows, types, none]) => {
      const fast = criticWeights(toMatrix(rows), types, {
        normalization: none ? "none" : "minmax",
      });
      textbookCritic(rows, types, none).forEach((w, j) =>
        expect(Math.abs(fast[j] - w)).toBeLessThan(1e-9)
      );
    }),
    { numRuns: 300, seed: 9 }
  );
});

/** MEREC as Keshavarz-Ghorabaee et al. (2021) write it: the normalised matrix first, then S and S′. */
function textbookMerec(rows: number[][], types: CriterionType[]): number[] {
  const cols = rows[0].length;
  const lo = rows[0].map((_, j) => Math.min(...rows.map((r) => r[j])));
  const hi = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j])));
  const n = rows.map((r) => r.map((x, j) => (types[j] === 1 ? lo[j] / x : x / hi[j])));
  const lnAbs = n.map((r) => r.map((x) => Math.abs(Math.log(x))));
  const e = rows[0].map((_, j) =>
    lnAbs.reduce((acc, r) => {
      const total = r.reduce((a, b) => a + b, 0);
      const without = total - r[j];
      return acc + Math.abs(Math.log(1 + without / cols) - Math.log(1 + total / cols));
    }, 0)
  );
  const sumE = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sumE);
}

test("property: MEREC cell by cell (no normalised copy) equals the textbook steps", () => {
  const withTypes = matrices(fc.double({ min: 0.01, max: 1e4, noNaN: true })).chain((rows) =>
    fc.tuple(
      fc.constant(rows),
      fc.array(fc.constantFrom<CriterionType>(1, -1), {
        minLength: rows[0].length,
        maxLength: rows[0].length,
      })
    )
  );
  fc.assert(
    fc.property(withTypes, ([rows, types]) => {
      const fast = merecWeights(toMatrix(rows), types);
      textbookMerec(rows, types).forEach((w, j) =>
        expect(Math.abs(fast[j] - w)).toBeLessThan(1e-9)
      );
    }),
    { numRuns: 300, seed: 13 }
  );
});

describe("MEREC, spread and BWM weights; entropy and CRITIC conventions", () => {
  test("MEREC: Keshavarz-Ghorabaee et al. (2021), Symmetry 13(4), as JMcDM's testmerec.jl", () => {
    // Full precision from JMcDM; pymcdm and pyrepo-mcda print 0.5752, 0.0141, 0.4016, 0.0091.
    const w = merecWeights(toMatrix(MEREC_EXAMPLE.matrix), MEREC_EXAMPLE.types);
    MEREC_EXAMPLE.expected.forEach((e, j) => expect(w[j]).toBeCloseTo(e, 12));
  });

  test("standard deviation: Jahan & Edwards (2013), as pymcdm's TestSTDWeights", () => {
    expectDigits(spreadWeights(toMatrix(STD_EXAMPLE.matrix), "std"), STD_EXAMPLE.expected, 2);
  });

  test("coefficient of variation is unit-free: σ / |mean| per column", () => {
    // Column 1: 1, 2, 3 (σ = 1, mean 2 → 0.5); column 2: 100, 200, 300 (the same, in other units);
    // column 3: 10, 10, 40 (σ = √300, mean 20 → 0.8660).
    const w = spreadWeights(
      toMatrix([
        [1, 100, 10],
        [2, 200, 10],
        [3, 300, 40],
      ]),
      "cv"
    );
    const cv = [0.5, 0.5, Math.sqrt(300) / 20];
    const total = cv[0] + cv[1] + cv[2];
    cv.forEach((c, j) => expect(w[j]).toBeCloseTo(c / total, 12));
    expect(() =>
      spreadWeights(
        toMatrix([
          [-1, 1],
          [1, 2],
        ]),
        "cv"
      )
    ).toThrow("column 1 has mean 0");
  });

  test("BWM: Rezaei (2015), Omega 53, basic example, as JMcDM's test/mcdm/testbestworst.jl", () => {
    // JMcDM (commit 87bbb34e): ξ* = 0.26 and weights 0.071, 0.338, 0.589, each ± 0.01.
    const r = bwmWeights([8, 2, 1], [1, 5, 8]);
    expect(Math.abs(r.xi - 0.26)).toBeLessThanOrEqual(0.01);
    [0.071, 0.338, 0.589].forEach((e, j) =>
      expect(Math.abs(r.weights[j] - e)).toBeLessThanOrEqual(0.01)
    );
    // CR = ξ* / CI with CI(a_BW = 8) = 4.47 (Rezaei 2015, Table 5).
    expect(r.cr).toBeCloseTo(r.xi / 4.47, 12);
    expect([r.best, r.worst]).toEqual([2, 0]);
  });

  test("BWM: fully consistent judgements give ξ* = 0 and the implied weights", () => {
    // w ∝ 4, 2, 1: best-to-others 1, 2, 4; others-to-worst 4, 2, 1.
    const r = bwmWeights([1, 2, 4], [4, 2, 1]);
    expect(r.xi).toBe(0);
    expect(r.cr).toBe(0);
    [4 / 7, 2 / 7, 1 / 7].forEach((e, j) => expect(r.weights[j]).toBeCloseTo(e, 9));
  });

  test("BWM: bad judgements are refused naming the vector", () => {
    expect(() => bwmWeights([1, 10], [10, 1])).toThrow(
      "best_to_others item 2: must be between 1 and 9"
    );
    expect(() => bwmWeights([1, 3, 5], [5, 2, 2])).toThrow("others_to_worst");
    expect(() => bwmWeights([1, 3, 5], [4, 2, 1])).toThrow("best over worst must agree");
  });

  test("entropy with min–max scaling takes negative values and cost criteria", () => {
    // A growth-rate column with negatives; min–max gives 0, 0.5, 1 → p = 0, 1/3, 2/3.
    const m = toMatrix([
      [-1, 5],
      [0, 7],
      [1, 6],
    ]);
    expect(() => entropyWeights(m)).toThrow("use minmax normalisation for negative values");
    const w = entropyWeights(m, { normalization: "minmax" });
    // Column 2 the same after min–max (0, 1, 0.5 is a permutation): equal weights.
    expect(w[0]).toBeCloseTo(0.5, 12);
    // A cost criterion counts from the other end: (max − x) gives 1, 0.5, 0 for column 1.
    const cost = entropyWeights(m, { normalization: "minmax", types: [-1, 1] });
    expect(cost[0]).toBeCloseTo(0.5, 12);
  });

  test("CRITIC with rank correlations: monotone but non-linear columns do not conflict", () => {
    const m = toMatrix([
      [1, 1, 3],
      [2, 8, 1],
      [3, 27, 2],
      [4, 64, 5],
    ]);
    const spearmanW = criticWeights(m, undefined, { correlation: "spearman" });
    const kendallWt = criticWeights(m, undefined, { correlation: "kendall" });
    const pearsonW = criticWeights(m, undefined, { correlation: "pearson" });
    // Columns 1 and 2 rank identically, so under Spearman and Kendall they have the same conflict
    // (none with each other, the same with column 3): their weights are in the ratio of their σ.
    const sd = (xs: number[]) => {
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      return Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
    };
    const ratio = sd([0, 1 / 3, 2 / 3, 1]) / sd([0, 7 / 63, 26 / 63, 1]); // min–max normalised columns
    for (const w of [spearmanW, kendallWt]) expect(w[0] / w[1]).toBeCloseTo(ratio, 12);
    expect(Math.abs(pearsonW[0] / pearsonW[1] - ratio)).toBeGreaterThan(1e-3);
    // Without scaling, σ carries the unit: a column in larger units weighs more.
    const raw = criticWeights(m, undefined, { normalization: "none" });
    expect(raw[1]).toBeGreaterThan(raw[0]);
  });
});

describe("degenerate inputs of the new weights, one by one", () => {
  test("a constant column weighs 0 (MEREC, std, cv)", () => {
    const m = toMatrix([
      [2, 7, 1],
      [4, 7, 3],
      [3, 7, 9],
    ]);
    expect(merecWeights(m, [1, 1, -1])[1]).toBe(0);
    expect(spreadWeights(m, "std")[1]).toBe(0);
    expect(spreadWeights(m, "cv")[1]).toBe(0);
  });

  test("a single alternative, or every column constant, is refused with the reason", () => {
    expect(() => spreadWeights(toMatrix([[1, 2]]))).toThrow("needs at least 2 alternatives");
    expect(() => merecWeights(toMatrix([[1, 2]]))).toThrow("MEREC cannot tell criteria apart");
    expect(() =>
      spreadWeights(
        toMatrix([
          [1, 2],
          [1, 2],
        ])
      )
    ).toThrow("cannot tell criteria apart");
    expect(() =>
      merecWeights(
        toMatrix([
          [1, 0],
          [2, 3],
        ])
      )
    ).toThrow("matrix row 1, column 2: linear normalisation needs values > 0, got 0");
  });

  test("BWM with two criteria and with every judgement 1", () => {
    // Two criteria: a_BW = 3 alone decides, w = 3/4, 1/4, ξ* = 0.
    const two = bwmWeights([1, 3], [3, 1]);
    expect(two.xi).toBe(0);
    expect(two.weights[0]).toBeCloseTo(0.75, 9);
    // All equal: CI(1) = 0, so CR is 0 rather than 0/0.
    const equal = bwmWeights([1, 1, 1], [1, 1, 1]);
    expect(equal.cr).toBe(0);
    Array.from(equal.weights).forEach((w) => expect(w).toBeCloseTo(1 / 3, 9));
  });
});

describe("weights: edges found by mutation testing", () => {
  test("a swing of 0 points is allowed and earns no weight", () => {
    expect(Array.from(swingWeights([100, 0, 50]))).toEqual([100 / 150, 0, 50 / 150]);
  });

  test("CRITIC without normalisation: a column constant up to rounding has no contrast, whatever its size", () => {
    // σ of [0.3, 0.1 + 0.2, 0.3] is ~3e-17 and of [1e6, 1e6 + 1e-7, 1e6] ~6e-8: both below the rule
    // 1e-12 · max(1, |mean|), so each weighs exactly 0.
    const m = toMatrix([
      [0.3, 1e6, 1, 4],
      [0.1 + 0.2, 1e6 + 1e-7, 2, 1],
      [0.3, 1e6, 3, 2],
    ]);
    const w = criticWeights(m, [1, 1, 1, 1], { normalization: "none" });
    expect([w[0], w[1]]).toEqual([0, 0]);
    expect(w[2] + w[3]).toBeCloseTo(1, 12);
  });
});

describe("weights: edges found by mutation testing of lines 181–482", () => {
  test("CRITIC with min–max: a column shifted by 2^40 or scaled by 2^-30 weighs the same", () => {
    // Min–max normalisation undoes any increasing affine map of a column, so the weights cannot move.
    // Both maps are exact in doubles; the shifted column's mean (~1.1e12) and the scaled column's
    // scale (~1e9) must not enter the no-contrast rule, which compares σ with the normalised mean.
    const base = [
      [1, 4, 2],
      [2, 1, 5],
      [4, 3, 3],
      [3, 2, 2],
    ];
    const moved = base.map(([a, b, c]) => [a + 2 ** 40, b * 2 ** -30, c]);
    expectDigits(criticWeights(toMatrix(moved)), Array.from(criticWeights(toMatrix(base))), 12);
  });

  test("CRITIC with rank correlations: without normalisation σ keeps the unit, also far from 0", () => {
    // Column 2 is column 1 in units 100 times smaller: the same ranks, σ 100 times larger.
    const rows = [
      [1, 100, 3],
      [2, 200, 1],
      [3, 300, 2],
      [5, 500, 5],
    ];
    const raw = criticWeights(toMatrix(rows), undefined, {
      correlation: "spearman",
      normalization: "none",
    });
    expect(raw[1] / raw[0]).toBeCloseTo(100, 9);
    const scaled = criticWeights(toMatrix(rows), undefined, { correlation: "spearman" });
    expect(scaled[1] / scaled[0]).toBeCloseTo(1, 12);
    // σ and ranks ignore a shift: column 1 moved by 1e8. Its mean 1e8 + 2/3 is inexact, so a sum of
    // squares taken as Σ (x + mean)(x − mean) would lose σ to rounding.
    const three = [
      [0, 2, 1],
      [1, 0, 3],
      [1, 1, 0],
    ];
    const shifted = three.map(([a, b, c]) => [a + 1e8, b, c]);
    for (const correlation of ["spearman", "kendall"] as const) {
      expectDigits(
        criticWeights(toMatrix(shifted), undefined, { correlation, normalization: "none" }),
        Array.from(
          criticWeights(toMatrix(three), undefined, { correlation, normalization: "none" })
        ),
        6
      );
    }
  });

  test("standard deviation takes a column of mean 0; coefficient of variation gives a zero column 0", () => {
    // σ = √2 and √0.5 (sample, n − 1): weights √2 / (√2 + √0.5) = 2/3 and 1/3.
    expectDigits(
      spreadWeights(
        toMatrix([
          [-1, 1],
          [1, 2],
        ]),
        "std"
      ),
      [2 / 3, 1 / 3],
      12
    );
    // A column of zeros is constant (σ = 0): weight 0, not "mean 0, undefined".
    expect(
      Array.from(
        spreadWeights(
          toMatrix([
            [0, 1],
            [0, 2],
          ]),
          "cv"
        )
      )
    ).toEqual([0, 1]);
  });

  test("BWM: the judgement 9 is allowed (a_BW = 9 alone gives 0.9 and 0.1)", () => {
    const r = bwmWeights([1, 9], [9, 1]);
    expect(r.xi).toBe(0);
    expect(r.cr).toBe(0);
    expectDigits(r.weights, [0.9, 0.1], 9);
  });

  test("BWM: of criteria tied as best or as worst, the first is named", () => {
    // Consistent judgements with a tie: w ∝ 8, 8, 1 (two best) and 8, 1, 1 (two worst).
    const twoBest = bwmWeights([1, 1, 8], [8, 8, 1]);
    expect([twoBest.best, twoBest.worst, twoBest.xi]).toEqual([0, 2, 0]);
    expectDigits(twoBest.weights, [8 / 17, 8 / 17, 1 / 17], 9);
    const twoWorst = bwmWeights([1, 8, 8], [8, 1, 1]);
    expect([twoWorst.best, twoWorst.worst, twoWorst.xi]).toEqual([0, 1, 0]);
    expectDigits(twoWorst.weights, [0.8, 0.1, 0.1], 9);
  });
});
