import fc from "fast-check";
import { topsisBaseline, weightedSumBaseline } from "../../../bench/baselines/mcda";
import {
  topsis,
  topsisAggregator,
  vikor,
  vikorAggregator,
  waspas,
  weightedProduct,
  weightedProductAggregator,
  weightedSum,
  weightedSumAggregator,
} from "../../../src/engine/mcda/aggregate";
import { CriterionType, toMatrix, toRows } from "../../../src/engine/mcda/matrix";
import { refusal } from "./refusal";

/** Agreement to the printed digits: |actual − expected| ≤ half a unit in the last printed place. */
function expectDigits(actual: ArrayLike<number>, expected: number[], digits: number): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) =>
    expect(Math.abs(actual[i] - e)).toBeLessThanOrEqual(0.5 * 10 ** -digits + 1e-12)
  );
}

/** Agreement to 1e-6 relative (sources that give full precision). */
function expectRelative(actual: ArrayLike<number>, expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) =>
    expect(Math.abs(actual[i] - e)).toBeLessThanOrEqual(1e-6 * Math.max(Math.abs(e), 1e-300))
  );
}

// Opricovic & Tzeng (2004), "Compromise solution by MCDM methods: A comparative analysis of VIKOR and
// TOPSIS", EJOR 156(2), numerical example: f1 (cost), f2 (benefit), equal weights.
const OPRICOVIC = toMatrix([
  [1, 3000],
  [2, 3750],
  [5, 4500],
]);
const OPRICOVIC_TYPES: CriterionType[] = [-1, 1];

// Triantaphyllou (2000), Multi-criteria Decision Making Methods: A Comparative Study, §2.1–2.2
// example (also the "Weighted sum model" / "Weighted product model" Wikipedia articles).
const TRIANTAPHYLLOU = toMatrix([
  [25, 20, 15, 30],
  [10, 30, 20, 30],
  [30, 10, 30, 10],
]);
const TRIANTAPHYLLOU_WEIGHTS = [0.2, 0.15, 0.4, 0.25];

describe("weighted sum", () => {
  test("Triantaphyllou's WSM example (values used as they are)", () => {
    const s = weightedSum(TRIANTAPHYLLOU, TRIANTAPHYLLOU_WEIGHTS, undefined, {
      normalization: "none",
    });
    expectDigits(s, [21.5, 22.0, 22.0], 2); // Triantaphyllou (2000) §2.1: A1 21.50, A2 22.00, A3 22.00
  });

  test("min–max normalisation with a cost criterion", () => {
    // f1 cost → (5 − x)/4 = 1, 0.75, 0; f2 benefit → (x − 3000)/1500 = 0, 0.5, 1.
    expectRelative(weightedSum(OPRICOVIC, [1, 1], OPRICOVIC_TYPES), [0.5, 0.625, 0.5]);
  });

  test("a constant column adds its full weight to every score", () => {
    const m = toMatrix([
      [1, 7],
      [3, 7],
    ]);
    expectRelative(weightedSum(m, [0.6, 0.4]), [0.4, 1]);
  });

  test("a single alternative scores 1 (every column is constant)", () => {
    expectRelative(weightedSum(toMatrix([[5, 2, 9]]), [1, 2, 3], [1, -1, 1]), [1]);
  });

  test("without normalisation a cost criterion is refused", () => {
    expect(() =>
      weightedSum(OPRICOVIC, [1, 1], OPRICOVIC_TYPES, { normalization: "none" })
    ).toThrow(
      "types item 1: a weighted sum without normalisation takes benefit criteria only; choose a normalisation for cost criteria"
    );
  });

  test("blank cells, weight problems and type length are refused by name", () => {
    const blank = toMatrix(
      [
        [1, NaN],
        [2, 3],
      ],
      { allowBlank: true }
    );
    expect(() => weightedSum(blank, [1, 1])).toThrow("matrix row 1, column 2: blank cell");
    expect(() => weightedSum(OPRICOVIC, [1, 1, 1])).toThrow(
      "weights: has 3 entries but the matrix has 2 criteria"
    );
    expect(() => weightedSum(OPRICOVIC, [1, -1])).toThrow(
      "weights item 2: a weight cannot be negative"
    );
    expect(() => weightedSum(OPRICOVIC, [0, 0])).toThrow("weights: all weights are zero");
    expect(() => weightedSum(OPRICOVIC, [1, 1], [1])).toThrow(
      "types: has 1 entries but the matrix has 2 criteria"
    );
  });

  test("the linear form reproduces the scores", () => {
    const agg = weightedSumAggregator(OPRICOVIC_TYPES);
    expect(toRows(agg.linear!(OPRICOVIC))).toEqual([
      [1, 0],
      [0.75, 0.5],
      [0, 1],
    ]);
  });
});

describe("weighted product", () => {
  test("Triantaphyllou's WPM example: the pairwise ratios", () => {
    const s = weightedProduct(TRIANTAPHYLLOU, TRIANTAPHYLLOU_WEIGHTS);
    // Triantaphyllou (2000) §2.2: R(A1/A2) = 1.007, R(A1/A3) = 1.067, R(A2/A3) = 1.059.
    expectDigits([s[0] / s[1], s[0] / s[2], s[1] / s[2]], [1.007, 1.067, 1.059], 3);
    expect(Math.max(...s)).toBeLessThanOrEqual(1);
  });

  test("a cost criterion inverts the ratio", () => {
    const s = weightedProduct(toMatrix([[2], [4]]), [1], [-1]);
    expectRelative(s, [1, 0.5]);
  });

  test("zero or negative values are refused by position", () => {
    expect(() =>
      weightedProduct(
        toMatrix([
          [1, 2],
          [0, 3],
        ]),
        [1, 1]
      )
    ).toThrow("matrix row 2, column 1: linear normalisation needs values > 0, got 0");
  });
});

describe("TOPSIS", () => {
  test("Papathanasiou & Ploskas (2018) example, vector normalisation", () => {
    const m = toMatrix([
      [8, 7, 2, 1],
      [5, 3, 7, 5],
      [7, 5, 6, 4],
      [9, 9, 7, 3],
      [11, 10, 3, 7],
      [6, 9, 5, 4],
    ]);
    // Papathanasiou & Ploskas (2018), "TOPSIS", in Multiple Criteria Decision Aid, Springer, pp. 1–30;
    // as tested in energyinpython/distance-metrics-mcda tests/test_mcda_methods.py.
    expectDigits(
      topsis(m, [0.4, 0.3, 0.1, 0.2]).closeness,
      [0.387, 0.327, 0.391, 0.615, 0.868, 0.493],
      3
    );
  });

  test("JMcDM reference example, vector normalisation, unnormalised weights", () => {
    const m = toMatrix([
      [9, 7, 6, 7],
      [8, 7, 9, 6],
      [7, 8, 6, 6],
    ]);
    // jbytecode/JMcDM test/testtopsis.jl: scores [0.3876870, 0.6503238, 0.0834767].
    expectDigits(topsis(m, [4, 2, 6, 8]).closeness, [0.387687, 0.6503238, 0.0834767], 7);
  });

  test("Opricovic & Tzeng (2004) example, min–max normalisation", () => {
    // 0.500, 0.617, 0.500 as reproduced by kotbaton/pymcdm tests/test_methods.py (TestTOPSIS, whose
    // TOPSIS normalises min–max by default).
    const r = topsis(OPRICOVIC, [0.5, 0.5], OPRICOVIC_TYPES, { normalization: "minmax" });
    expectDigits(r.closeness, [0.5, 0.617, 0.5], 3);
    expectRelative(r.dPlus, [0.5, Math.sqrt(0.125 ** 2 + 0.25 ** 2), 0.5]);
  });

  test("cost criteria: the ideal takes the column minimum", () => {
    // One cost criterion: the smallest value is the ideal (closeness 1), the largest the anti-ideal.
    expectRelative(topsis(toMatrix([[1], [3], [2]]), [1], [-1]).closeness, [1, 0, 0.5]);
  });

  test("a zero column (vector) or constant column (min–max) changes nothing", () => {
    const base = toMatrix([
      [1, 4],
      [2, 3],
      [5, 1],
    ]);
    const withZero = toMatrix([
      [1, 0, 4],
      [2, 0, 3],
      [5, 0, 1],
    ]);
    const withConstant = toMatrix([
      [1, 7, 4],
      [2, 7, 3],
      [5, 7, 1],
    ]);
    const expected = Array.from(topsis(base, [0.5, 0.5]).closeness);
    expectRelative(topsis(withZero, [0.5, 0.2, 0.5]).closeness, expected);
    const expectedMinmax = Array.from(
      topsis(base, [0.5, 0.5], undefined, { normalization: "minmax" }).closeness
    );
    expectRelative(
      topsis(withConstant, [0.5, 0.2, 0.5], undefined, { normalization: "minmax" }).closeness,
      expectedMinmax
    );
  });

  test("a single alternative, or identical alternatives, get closeness 0.5", () => {
    expect(Array.from(topsis(toMatrix([[3, 4]]), [1, 1]).closeness)).toEqual([0.5]);
    expect(
      Array.from(
        topsis(
          toMatrix([
            [3, 4],
            [3, 4],
          ]),
          [1, 1]
        ).closeness
      )
    ).toEqual([0.5, 0.5]);
  });

  test("blank cells are refused by position", () => {
    const blank = toMatrix(
      [
        [1, 2],
        [3, null],
      ],
      { allowBlank: true }
    );
    expect(() => topsis(blank, [1, 1])).toThrow("matrix row 2, column 2: blank cell");
  });

  test("the aggregator gives the same closeness", () => {
    const agg = topsisAggregator(OPRICOVIC_TYPES, { normalization: "minmax" });
    expect(agg.order).toBe("desc");
    expect(agg.prepare(OPRICOVIC)(new Float64Array([0.5, 0.5]))).toEqual(
      topsis(OPRICOVIC, [1, 1], OPRICOVIC_TYPES, { normalization: "minmax" }).closeness
    );
  });
});

describe("VIKOR", () => {
  test("Opricovic & Tzeng (2004) example: S, R, Q and the compromise", () => {
    const r = vikor(OPRICOVIC, [0.5, 0.5], OPRICOVIC_TYPES);
    // Opricovic & Tzeng (2004) example: S = 0.5, 0.375, 0.5; R = 0.5, 0.25, 0.5; Q = 1, 0, 1 (v = 0.5);
    // A2 is the compromise solution with both conditions met.
    expectRelative(r.S, [0.5, 0.375, 0.5]);
    expectRelative(r.R, [0.5, 0.25, 0.5]);
    expect(Array.from(r.Q)).toEqual([1, 0, 1]);
    expect(r.dq).toBe(0.5);
    expect([r.advantage, r.stability]).toEqual([true, true]);
    expect(r.compromise).toEqual([1]);
  });

  test("Yang & Wu (2020) example: Q", () => {
    const m = toMatrix([
      [78, 56, 34, 6],
      [4, 45, 3, 97],
      [18, 2, 50, 63],
      [9, 14, 11, 92],
      [85, 9, 100, 29],
    ]);
    // Yang & Wu (2020), "A new improvement method to avoid rank reversal in VIKOR", IEEE Access 8;
    // as tested in kotbaton/pymcdm tests/test_methods.py (TestVIKOR.test_output_yang).
    const r = vikor(m, [0.25, 0.25, 0.25, 0.25]);
    expectDigits(r.Q, [0.5679, 0.7667, 1, 0.7493, 0], 4);
    expect(r.order).toEqual([4, 0, 3, 1, 2]);
    expect(r.compromise).toEqual([4]);
  });

  test("C1 fails: every alternative closer than DQ to the best joins the compromise", () => {
    const r = vikor(
      toMatrix([
        [1, 0],
        [0, 1],
        [0.45, 0.45],
      ]),
      [1, 1]
    );
    expect(r.advantage).toBe(false);
    expect(r.compromise).toEqual([0, 1, 2]);
  });

  test("C2 fails: the best and the runner-up form the compromise", () => {
    // Worked by hand: A4 has the best Q (0.127) but A3 has the best S and A1 the best R;
    // Q(A1) − Q(A4) = 0.374 ≥ DQ = 1/3.
    const r = vikor(
      toMatrix([
        [5, 3, 2],
        [8, 1, 1],
        [2, 6, 6],
        [3, 9, 3],
      ]),
      [1, 1, 1]
    );
    expectRelative(
      r.S,
      [0.683333333333333, 0.666666666666667, 0.458333333333333, 0.477777777777778]
    );
    expect([r.advantage, r.stability]).toEqual([true, false]);
    expect(r.compromise).toEqual([3, 0]);
  });

  test("a single alternative is the compromise; constant columns add no regret", () => {
    const one = vikor(toMatrix([[1, 2]]), [1, 1]);
    expect([Array.from(one.S), Array.from(one.Q), one.compromise]).toEqual([[0], [0], [0]]);
    const constant = vikor(
      toMatrix([
        [1, 5],
        [2, 5],
      ]),
      [0.5, 0.5]
    );
    expectRelative(constant.S, [0.5, 0]);
  });

  test("v outside [0, 1] is refused; the aggregator ranks ascending", () => {
    expect(() => vikor(OPRICOVIC, [1, 1], OPRICOVIC_TYPES, { v: 1.5 })).toThrow(
      "v: must be between 0 and 1, got 1.5"
    );
    const agg = vikorAggregator(OPRICOVIC_TYPES);
    expect(agg.order).toBe("asc");
    expect(Array.from(agg.prepare(OPRICOVIC)(new Float64Array([0.5, 0.5])))).toEqual([1, 0, 1]);
  });
});

describe("properties", () => {
  const matrixArb = fc
    .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 5 }))
    .chain(([rows, cols]) =>
      fc.record({
        rows: fc.array(
          // Values to the cent, as decision matrices are written: two cells are either equal or 0.01
          // apart, so min-max denominators stay well above rounding noise (near-equal doubles made the
          // engine-vs-baseline comparison flaky at 1e-9).
          fc.array(
            fc.integer({ min: 1, max: 100000 }).map((v) => v / 100),
            {
              minLength: cols,
              maxLength: cols,
            }
          ),
          {
            minLength: rows,
            maxLength: rows,
          }
        ),
        weights: fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), {
          minLength: cols,
          maxLength: cols,
        }),
        types: fc.array(fc.constantFrom<CriterionType>(1, -1), {
          minLength: cols,
          maxLength: cols,
        }),
      })
    );

  test("TOPSIS closeness lies in [0, 1] under both normalisations", () => {
    fc.assert(
      fc.property(
        matrixArb,
        fc.constantFrom<"vector" | "minmax">("vector", "minmax"),
        ({ rows, weights, types }, normalization) => {
          for (const c of topsis(toMatrix(rows), weights, types, { normalization }).closeness) {
            expect(c).toBeGreaterThanOrEqual(0);
            expect(c).toBeLessThanOrEqual(1);
          }
        }
      )
    );
  });

  test("vector-normalised TOPSIS is invariant to positive scaling of a column", () => {
    fc.assert(
      fc.property(
        matrixArb,
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        fc.nat(),
        ({ rows, weights, types }, factor, pick) => {
          const j = pick % weights.length;
          const scaled = rows.map((row) => row.map((x, k) => (k === j ? x * factor : x)));
          const a = topsis(toMatrix(rows), weights, types).closeness;
          const b = topsis(toMatrix(scaled), weights, types).closeness;
          a.forEach((x, i) => expect(Math.abs(x - b[i])).toBeLessThanOrEqual(1e-9));
        }
      )
    );
  });

  test("the engine agrees with the straightforward implementations (bench baselines)", () => {
    fc.assert(
      fc.property(matrixArb, ({ rows, weights, types }) => {
        const m = toMatrix(rows);
        const close = (a: ArrayLike<number>, b: number[]) =>
          b.forEach((x, i) => expect(Math.abs(a[i] - x)).toBeLessThanOrEqual(1e-9));
        close(weightedSum(m, weights, types), weightedSumBaseline(rows, weights, types));
        close(topsis(m, weights, types).closeness, topsisBaseline(rows, weights, types));
      })
    );
  });
});

describe("degenerate inputs, one by one (VIKOR and weighted product)", () => {
  test("VIKOR: every alternative identical — S, R and Q are 0, nobody has an advantage, all are in the compromise set", () => {
    const r = vikor(
      toMatrix([
        [5, 3],
        [5, 3],
        [5, 3],
      ]),
      [0.5, 0.5],
      [1, -1]
    );
    expect(Array.from(r.S)).toEqual([0, 0, 0]);
    expect(Array.from(r.R)).toEqual([0, 0, 0]);
    expect(Array.from(r.Q)).toEqual([0, 0, 0]);
    expect(r.advantage).toBe(false);
    expect(r.compromise).toEqual([0, 1, 2]);
  });

  test("VIKOR: a constant column and a zero column contribute no regret; the other column decides", () => {
    const r = vikor(
      toMatrix([
        [7, 0, 1],
        [7, 0, 3],
        [7, 0, 2],
      ]),
      [0.2, 0.3, 0.5],
      [1, 1, 1]
    );
    // Only column 3 varies: regrets 0.5 × (3 − x)/2 → S = R = 0.5, 0, 0.25 for rows 1..3.
    expectRelative(r.S, [0.5, 0, 0.25]);
    expectRelative(r.R, [0.5, 0, 0.25]);
    expectRelative(r.Q, [1, 0, 0.5]);
    expect(r.order).toEqual([1, 2, 0]);
    expect(Number.isFinite(r.Q[0])).toBe(true);
  });

  test("VIKOR: the compromise found by scans equals Opricovic & Tzeng's definition over the full Q order (ties included)", () => {
    // Small integers make ties in Q, S and R common; the reference sorts every alternative by Q
    // (ties by position) and applies §3 of Opricovic & Tzeng (2004) to that order.
    const grid = fc.integer({ min: 1, max: 8 }).chain((rows) =>
      fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }), {
        minLength: rows,
        maxLength: rows,
      })
    );
    fc.assert(
      fc.property(grid, fc.double({ min: 0, max: 1, noNaN: true }), (rows, v) => {
        const r = vikor(toMatrix(rows), [0.5, 0.3, 0.2], [1, -1, 1], { v });
        const order = Array.from(r.Q.keys()).sort((a, b) => r.Q[a] - r.Q[b] || a - b);
        expect(r.order).toEqual(order);
        const n = rows.length;
        if (n === 1) return expect(r.compromise).toEqual([0]);
        const dq = 1 / (n - 1);
        const [a1, a2] = order;
        const c1 = r.Q[a2] - r.Q[a1] >= dq - 1e-12;
        const c2 = r.S[a1] <= Math.min(...r.S) + 1e-12 || r.R[a1] <= Math.min(...r.R) + 1e-12;
        expect([r.advantage, r.stability]).toEqual([c1, c2]);
        const expected = !c1
          ? order.filter((i) => r.Q[i] - r.Q[a1] < dq - 1e-12)
          : c2
            ? [a1]
            : [a1, a2];
        expect(r.compromise).toEqual(expected);
      })
    );
  });

  test("VIKOR: a single alternative is the compromise on its own", () => {
    const r = vikor(toMatrix([[4, 9]]), [0.5, 0.5], [1, -1]);
    expect(Array.from(r.Q)).toEqual([0]);
    expect(r.compromise).toEqual([0]);
  });

  test("VIKOR: a blank cell is refused with its position", () => {
    expect(() =>
      vikor(
        toMatrix([
          [1, 2],
          [3, null as unknown as number],
        ]),
        [0.5, 0.5]
      )
    ).toThrow(/row 2, column 2/);
  });

  test("weighted product: a single alternative scores 1 (it is the best on every criterion)", () => {
    expect(Array.from(weightedProduct(toMatrix([[4, 9]]), [0.5, 0.5], [1, -1]))).toEqual([1]);
  });

  test("weighted product: a constant column leaves the order to the others; zero or negative values are refused", () => {
    const scores = weightedProduct(
      toMatrix([
        [5, 1],
        [5, 4],
        [5, 2],
      ]),
      [0.5, 0.5],
      [1, 1]
    );
    // Constant column: (5/5)^0.5 = 1 for all; column 2: (x/4)^0.5.
    expectRelative(scores, [0.5, 1, Math.SQRT1_2]);
    expect(() =>
      weightedProduct(
        toMatrix([
          [1, 0],
          [2, 3],
        ]),
        [0.5, 0.5]
      )
    ).toThrow(/row 1, column 2/);
  });
});

describe("aggregation: edges found by mutation testing", () => {
  const NEGATIVE = toMatrix([
    [1, 2],
    [-1, 3],
  ]);

  test.each<[string, () => unknown, string, string, string]>([
    [
      "a cost criterion in a weighted sum without normalisation",
      () => weightedSumAggregator([1, -1], { normalization: "none" }).prepare(NEGATIVE),
      "types",
      "types 第 2 项：未归一化的加权和只接受效益型指标；成本型请选一种归一化",
      "types item 2: a weighted sum without normalisation takes benefit criteria only; choose a normalisation for cost criteria",
    ],
    [
      "a negative value in a weighted product without normalisation (the aggregator)",
      () => weightedProductAggregator(undefined, { normalization: "none" }).prepare(NEGATIVE),
      "matrix",
      "matrix 第 2 行第 1 列：加权积要求归一化后的值 ≥ 0，实为 -1",
      "matrix row 2, column 1: a weighted product needs normalised values ≥ 0, got -1",
    ],
    [
      "a negative value in WASPAS without normalisation",
      () => waspas(NEGATIVE, [1, 1], undefined, { normalization: "none" }),
      "matrix",
      "matrix 第 2 行第 1 列：加权积要求归一化后的值 ≥ 0，实为 -1",
      "matrix row 2, column 1: a weighted product needs normalised values ≥ 0, got -1",
    ],
    [
      "WASPAS with λ above 1",
      () => waspas(OPRICOVIC, [1, 1], OPRICOVIC_TYPES, { lambda: 2 }),
      "lambda",
      "lambda：应在 0 到 1 之间，实为 2",
      "lambda: must be between 0 and 1, got 2",
    ],
    [
      "a VIKOR aggregator with a negative v",
      () => vikorAggregator(OPRICOVIC_TYPES, { v: -0.1 }),
      "v",
      "v：应在 0 到 1 之间，实为 -0.1",
      "v: must be between 0 and 1, got -0.1",
    ],
  ])("%s is refused", (_, run, argument, zh, en) => {
    expect(refusal(run)).toEqual({ argument, zh, en });
  });

  test("weighted product: a weighted sum that overflows does not spoil the product", () => {
    // Unscaled weights 2 and 2 on 1e308 and 1e-308: the sum overflows to ∞, the product
    // (1e308 · 1e-308)² is 1 up to rounding.
    const [score] = weightedProduct(toMatrix([[1e308, 1e-308]]), [2, 2], undefined, {
      normalization: "none",
      rescaleWeights: false,
    });
    expect(score).toBeCloseTo(1, 9);
  });

  test("TOPSIS with Manhattan and Chebyshev distances", () => {
    // Values as they are, weights 0.6 and 0.4: ideal (3, 4), anti-ideal (1, 2). Weighted gaps to the
    // ideal and the anti-ideal: A (1, 4): (1.2, 0) and (0, 0.8); B (3, 2): (0, 0.8) and (1.2, 0);
    // C (2, 3.5): (0.6, 0.2) and (0.6, 0.6). Manhattan: A 0.8 / 2, B 1.2 / 2, C 1.2 / 2;
    // Chebyshev: A 0.8 / 2, B 1.2 / 2, C 0.6 / 1.2.
    const m = toMatrix([
      [1, 4],
      [3, 2],
      [2, 3.5],
    ]);
    for (const [distance, closeness, dPlus, dMinus] of [
      ["manhattan", [0.4, 0.6, 0.6], [1.2, 0.8, 0.8], [0.8, 1.2, 1.2]],
      ["chebyshev", [0.4, 0.6, 0.5], [1.2, 0.8, 0.6], [0.8, 1.2, 0.6]],
    ] as const) {
      const r = topsis(m, [0.6, 0.4], undefined, { normalization: "none", distance });
      expectRelative(r.closeness, [...closeness]);
      expectRelative(r.dPlus, [...dPlus]);
      expectRelative(r.dMinus, [...dMinus]);
    }
  });

  test("VIKOR: one alternative has the advantage and the stability, with DQ = 1", () => {
    const r = vikor(toMatrix([[4, 9]]), [0.5, 0.5]);
    expect([r.dq, r.advantage, r.stability]).toEqual([1, true, true]);
  });

  test("VIKOR: C2 holds when the best by Q is best by S alone", () => {
    // v = 1, so Q orders by S. Regrets (max − x)/range per column, weights 0.5 each:
    // A (10, 2): 0, 0.8 → S 0.4, R 0.4; B (5, 5): 0.5, 0.5 → S 0.5, R 0.25; C (0, 10): 1, 0 → S 0.5,
    // R 0.5; five times D (0, 0): 1, 1 → S 1, R 0.5. Q = (S − 0.4)/0.6: A 0, B 1/6; DQ = 1/7, so C1
    // holds; A is best by S, not by R (B's 0.25), and C2 still holds: A alone is the compromise.
    const rows = [[10, 2], [5, 5], [0, 10], ...Array.from({ length: 5 }, () => [0, 0])];
    const r = vikor(toMatrix(rows), [0.5, 0.5], undefined, { v: 1 });
    expect(r.R[1]).toBeLessThan(r.R[0]);
    expect([r.advantage, r.stability, r.compromise]).toEqual([true, true, [0]]);
  });
});
