import fc from "fast-check";
import {
  RANDOM_INDEX,
  RandomIndexTable,
  ahp,
  ahpGroup,
  principalEigen,
  randomIndex,
  splitStacked,
  synthesize,
} from "../../../src/engine/mcda/ahp";
import { toMatrix } from "../../../src/engine/mcda/matrix";

function expectDigits(actual: ArrayLike<number>, expected: number[], digits: number): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) =>
    expect(Math.abs(actual[i] - e)).toBeLessThanOrEqual(0.5 * 10 ** -digits + 1e-12)
  );
}

// Saaty (2008), "Decision making with the analytic hierarchy process", Int. J. Services Sciences 1(1),
// drink consumption in the US. Order: coffee, wine, tea, beer, soda, milk, water.
const DRINKS = toMatrix([
  [1, 9, 5, 2, 1, 1, 1 / 2],
  [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
  [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
  [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [1, 9, 4, 2, 1, 2, 1 / 2],
  [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [2, 9, 9, 3, 2, 3, 1],
]);

/** A perfectly consistent matrix a_ij = w_i / w_j. */
function consistent(w: number[]): number[][] {
  return w.map((wi) => w.map((wj) => wi / wj));
}

describe("AHP", () => {
  test("Saaty's drinks example: weights and CR", () => {
    const r = ahp(DRINKS);
    // PhilipGriffith/AHPy tests/test_ahp.py (Saaty 2008 drinks): weights to 4 decimals
    // coffee 0.1775, wine 0.0191, tea 0.0418, beer 0.1164, soda 0.1896, milk 0.1288, water 0.3268;
    // CR with Saaty's RI = 0.022.
    expectDigits(r.weights, [0.1775, 0.0191, 0.0418, 0.1164, 0.1896, 0.1288, 0.3268], 4);
    expectDigits([r.cr], [0.022], 3);
    expect(r.ri).toBe(1.32);
    expect(r.consistent).toBe(true);
    expect(r.warning).toBeNull();
  });

  test("the eigen-equation holds to 1e-12 and the numbers fit together", () => {
    const r = ahp(DRINKS);
    const n = 7;
    for (let i = 0; i < n; i++) {
      let aw = 0;
      for (let j = 0; j < n; j++) aw += DRINKS.data[i * n + j] * r.weights[j];
      expect(Math.abs(aw - r.lambdaMax * r.weights[i])).toBeLessThan(1e-12);
    }
    expect(r.weights.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 14);
    expect(r.ci).toBeCloseTo((r.lambdaMax - n) / (n - 1), 14);
    expect(r.cr).toBeCloseTo(r.ci / 1.32, 14);
  });

  test("Alonso–Lamata's table gives CR = CI / RI_AL", () => {
    const saaty = ahp(DRINKS);
    const alonso = ahp(DRINKS, { randomIndex: "alonso" });
    expect(alonso.ri).toBe(1.3417); // Alonso & Lamata (2006), n = 7
    expect(alonso.cr).toBeCloseTo(saaty.ci / 1.3417, 14);
  });

  test("both random-index tables run to n = 15 and start 0, 0", () => {
    for (const t of ["saaty", "alonso"] as RandomIndexTable[]) {
      expect(RANDOM_INDEX[t]).toHaveLength(15);
      expect(RANDOM_INDEX[t].slice(0, 2)).toEqual([0, 0]);
    }
    expect(RANDOM_INDEX.alonso[14]).toBe(1.5838);
    expect(RANDOM_INDEX.saaty[14]).toBe(1.59);
  });

  test("a consistent matrix: exact weights, λmax = n, CR = 0", () => {
    const r = ahp(toMatrix(consistent([4, 2, 1, 1])));
    expectDigits(r.weights, [0.5, 0.25, 0.125, 0.125], 12);
    expect(r.lambdaMax).toBeCloseTo(4, 12);
    expect(r.cr).toBeCloseTo(0, 12);
  });

  test("n = 1 and n = 2 are always consistent", () => {
    expect(Array.from(ahp(toMatrix([[1]])).weights)).toEqual([1]);
    const two = ahp(
      toMatrix([
        [1, 3],
        [1 / 3, 1],
      ])
    );
    expectDigits(two.weights, [0.75, 0.25], 12);
    expect(two.cr).toBe(0);
  });

  test("CR > 0.1: a warning naming the most inconsistent judgment", () => {
    const a = consistent([8, 4, 2, 1]);
    a[0][3] = 1 / 8; // reversed: says 4 matters 8× more than 1
    a[3][0] = 8;
    const r = ahp(toMatrix(a));
    expect(r.cr).toBeGreaterThan(0.1);
    expect(r.consistent).toBe(false);
    expect([r.inconsistent[0].row, r.inconsistent[0].col]).toEqual([0, 3]);
    expect(r.inconsistent[0].value).toBe(0.125);
    expect(r.inconsistent[0].epsilon).toBeCloseTo((0.125 * r.weights[3]) / r.weights[0], 12);
    expect(r.inconsistent).toHaveLength(3);
    expect(r.warning?.en).toMatch(
      /^consistency ratio CR = [\d.]+ > 0\.1: .* revisit first row 1, column 4: 0\.125/
    );
    expect(r.warning?.zh).toMatch(/第 1 行第 4 列 0\.125/);
  });

  test("judgments typed with two decimals pass; blank mirror cells take the reciprocal", () => {
    const typed = ahp(
      toMatrix([
        [1, 3],
        [0.33, 1],
      ])
    );
    expectDigits(typed.weights, [0.75, 0.25], 12);
    const upperOnly = ahp(
      toMatrix(
        [
          [1, 3, 5],
          [null, 1, 2],
          [null, null, ""],
        ],
        { allowBlank: true }
      )
    );
    const full = ahp(
      toMatrix([
        [1, 3, 5],
        [1 / 3, 1, 2],
        [1 / 5, 1 / 2, 1],
      ])
    );
    expect(upperOnly.weights).toEqual(full.weights);
  });

  test("bad pairwise matrices are refused by position", () => {
    expect(() =>
      ahp(
        toMatrix([
          [1, 2, 3],
          [0.5, 1, 2],
        ])
      )
    ).toThrow("pairwise: must be square, got 2 × 3");
    expect(() =>
      ahp(
        toMatrix([
          [1, 3],
          [0.5, 1],
        ])
      )
    ).toThrow("pairwise row 1, column 2: not reciprocal to row 2, column 1 (3 × 0.5 ≠ 1)");
    expect(() =>
      ahp(
        toMatrix([
          [1, -3],
          [-1 / 3, 1],
        ])
      )
    ).toThrow("pairwise row 1, column 2: a judgment must be > 0, got -3");
    expect(() =>
      ahp(
        toMatrix([
          [1, 0],
          [1, 1],
        ])
      )
    ).toThrow("pairwise row 1, column 2: a judgment must be > 0, got 0");
    expect(() =>
      ahp(
        toMatrix([
          [2, 1],
          [1, 1],
        ])
      )
    ).toThrow("pairwise row 1, column 1: the diagonal must be 1, got 2");
    expect(() =>
      ahp(
        toMatrix(
          [
            [1, null],
            [null, 1],
          ],
          { allowBlank: true }
        )
      )
    ).toThrow("pairwise row 1, column 2: row 2, column 1 is blank too: this comparison is missing");
    expect(() => ahp(DRINKS, { randomIndex: "dd" as RandomIndexTable })).toThrow(
      'ri: must be one of saaty, alonso, got "dd"'
    );
  });

  test("rounded reciprocals keep the exact side; pairs that disagree beyond rounding are refused", () => {
    // "0.33" against 3 in either triangle: 3 is kept (weights exactly 3 : 1), not 1/0.33 = 3.03.
    for (const m of [
      [
        [1, 3],
        [0.33, 1],
      ],
      [
        [1, 0.33],
        [3, 1],
      ],
    ]) {
      const w = ahp(toMatrix(m)).weights;
      expect(Math.max(w[0], w[1]) / Math.min(w[0], w[1])).toBe(3);
    }
    // 0.3 is 1/3 rounded to one decimal: accepted, 3 kept.
    expect(
      ahp(
        toMatrix([
          [1, 0.3],
          [3, 1],
        ])
      ).weights[1]
    ).toBe(0.75);
    // 0.25 is not 1/3 at any rounding: refused, naming the cell.
    expect(() =>
      ahp(
        toMatrix([
          [1, 3],
          [0.25, 1],
        ])
      )
    ).toThrow("pairwise row 1, column 2: not reciprocal to row 2, column 1 (3 × 0.25 ≠ 1)");
    // Two exact sides must be exact reciprocals: 3 against 1/2 is refused.
    expect(() =>
      ahp(
        toMatrix([
          [1, 3],
          [0.5, 1],
        ])
      )
    ).toThrow("not reciprocal");
  });

  /** The judgment a 2 × 2 matrix keeps for row 1, column 2, or the refusal's message. */
  const kept = (upper: number, lower: number): number | string => {
    try {
      return ahp(
        toMatrix([
          [1, upper],
          [lower, 1],
        ])
      ).inconsistent[0].value;
    } catch (e) {
      return (e as Error).message;
    }
  };
  const notReciprocal = (upper: number, lower: number) =>
    `pairwise row 1, column 2: not reciprocal to row 2, column 1 (${upper} × ${lower} ≠ 1)`;

  test("the reciprocal of an integer (=1/3) is an exact side: the other side must round to its inverse", () => {
    // 2.99 is within the 2 % tolerance of 3 but is not 3 written with two decimals.
    expect(kept(1 / 3, 2.99)).toBe(notReciprocal(1 / 3, 2.99));
    expect(kept(2.99, 1 / 3)).toBe(notReciprocal(2.99, 1 / 3));
    // Exact means within 1e-9 relative: 1/7 typed to 10 digits is exact, and is kept as typed.
    expect(kept(0.1428571429, 7)).toBe(0.1428571429);
    // Two exact sides are checked by their product (within 1e-9), not by the decimals shown.
    expect(kept(3, 0.3333333335)).toBe(3);
  });

  test("the inexact side must be the exact side's inverse rounded to the decimals it shows", () => {
    // 0.35 and 0.335 are within 2 % of 1/3 (and 0.35 would be 1/3 at one decimal), but not at theirs.
    expect(kept(3, 0.35)).toBe(notReciprocal(3, 0.35));
    expect(kept(3, 0.335)).toBe(notReciprocal(3, 0.335));
    // 0.13 is 1/8 = 0.125 rounded half up; 0.13 − 0.125 is 0.0050000000000000044 in doubles.
    expect(kept(8, 0.13)).toBe(8);
    // 1/1000 written to ten decimals is 0.0010000000.
    expect(kept(1000, 0.0010000001)).toBe(notReciprocal(1000, 0.0010000001));
    // A number JavaScript writes with an exponent counts its exponent's decimals: 5.5e-7 has 8.
    expect(kept(3, 5.5e-7)).toBe(notReciprocal(3, 5.5e-7));
  });

  test("when neither side is exact the upper one is kept, if the product is 1 within the tolerance", () => {
    expect(kept(2.44, 0.41)).toBe(2.44);
    expect(kept(2.5, 0.45)).toBe(notReciprocal(2.5, 0.45));
  });

  test("a product or a diagonal off 1 by exactly the tolerance is accepted", () => {
    const loose = { reciprocalTolerance: 0.5 };
    // 2.5 × 0.6 and the diagonal 1.5 are both 1 + 0.5 in doubles.
    expect(
      ahp(
        toMatrix([
          [1, 2.5],
          [0.6, 1],
        ]),
        loose
      ).inconsistent[0].value
    ).toBe(2.5);
    expect(
      ahp(
        toMatrix([
          [1.5, 2],
          [0.5, 1],
        ]),
        loose
      ).weights[0]
    ).toBeCloseTo(2 / 3, 12);
  });

  test("pymcdm's AHP test: Wang & Chin (2011), Information Sciences 181(23)", () => {
    // kotbaton/pymcdm test/test_weights.py TestAHPWeights (commit 76e773513ae9a259522e2289b271967f07a1d418).
    const m = toMatrix([
      [1, 4, 3, 1, 3, 4],
      [1 / 4, 1, 7, 3, 1 / 5, 1],
      [1 / 3, 1 / 7, 1, 1 / 5, 1 / 5, 1 / 6],
      [1, 1 / 3, 5, 1, 1, 1 / 3],
      [1 / 3, 5, 5, 1, 1, 3],
      [1 / 4, 1, 6, 3, 1 / 3, 1],
    ]);
    expectDigits(ahp(m).weights, [0.3208, 0.1395, 0.0348, 0.1285, 0.2374, 0.1391], 4);
  });

  test("geometric-mean and column-mean priorities", () => {
    // By hand for [[1, 2, 6], [1/2, 1, 4], [1/6, 1/4, 1]]: row geometric means ∛12, ∛2, ∛(1/24);
    // column sums 5/3, 13/4, 11 → normalised row means.
    const m = toMatrix([
      [1, 2, 6],
      [1 / 2, 1, 4],
      [1 / 6, 1 / 4, 1],
    ]);
    const g = [Math.cbrt(12), Math.cbrt(2), Math.cbrt(1 / 24)];
    const gs = g[0] + g[1] + g[2];
    const geo = ahp(m, { method: "geometric" }).weights;
    g.forEach((x, i) => expect(geo[i]).toBeCloseTo(x / gs, 12));
    const cols = [5 / 3, 13 / 4, 11];
    const rows = [
      [1, 2, 6],
      [1 / 2, 1, 4],
      [1 / 6, 1 / 4, 1],
    ].map((r) => r.reduce((s, x, j) => s + x / cols[j], 0) / 3);
    const cm = ahp(m, { method: "colmean" }).weights;
    rows.forEach((x, i) => expect(cm[i]).toBeCloseTo(x, 12));
    // λmax estimated as the mean of (A w)_i / w_i, computed by hand (Python) from the weights above.
    expect(ahp(m, { method: "geometric" }).lambdaMax).toBeCloseTo(3.009202712714279, 12);
    expect(ahp(m, { method: "colmean" }).lambdaMax).toBeCloseTo(3.009212753441092, 12);
    // On a consistent matrix all three methods give the exact weights.
    for (const method of ["eigen", "geometric", "colmean"] as const) {
      expectDigits(
        ahp(toMatrix(consistent([4, 2, 1, 1])), { method }).weights,
        [0.5, 0.25, 0.125, 0.125],
        12
      );
    }
  });

  test("above 15 criteria: Alonso–Lamata's regression; Saaty's table has no RI", () => {
    const big = toMatrix(consistent(new Array(16).fill(1)));
    const alonso = ahp(big, { randomIndex: "alonso" });
    expect(alonso.ri).toBeCloseTo(1.5978, 4); // (1.7699 · 16 − 4.3513) / 15
    expect(alonso.cr).toBeCloseTo(0, 12);
    const saaty = ahp(big);
    expect(saaty.cr).toBeNaN();
    expect(saaty.warning?.en).toBe(
      "Saaty's random-index table ends at 15 criteria (here 16): use alonso"
    );
    // Up to 15 the table itself; the regression differs from it there by under 0.002 (n = 15).
    expect(randomIndex(15, "alonso")).toBe(1.5838);
    expect(Math.abs((1.7699 * 15 - 4.3513) / 14 - 1.5838)).toBeLessThan(0.002);
  });
});

/** The reciprocal matrix of an upper triangle (row i, columns i+1 … n−1). */
function fromUpper(upper: number[][]): number[][] {
  return upper.map((row, i) => row.map((v, j) => (i === j ? 1 : i < j ? v : 1 / upper[j][i])));
}

/**
 * Collatz–Wielandt: for a positive w, λmax lies between the smallest and largest (Aw)_i / w_i, so a
 * narrow bracket certifies w as the principal eigenvector, whatever computed it.
 */
function bracket(a: number[][], w: ArrayLike<number>): [number, number] {
  const ratios = a.map((row, i) => row.reduce((s, x, j) => s + x * w[j], 0) / w[i]);
  return [Math.min(...ratios), Math.max(...ratios)];
}

describe("AHP eigenvector with judgments far off Saaty's scale", () => {
  const CYCLE = fromUpper([
    [1, 9, 1e7, 5],
    [0, 1, 1e-7, 3],
    [0, 0, 1, 1e7],
    [0, 0, 0, 1],
  ]);

  // Reference: numpy 2.4.6, numpy.linalg.eig, principal eigenvector scaled to sum 1 (computed for this
  // test). Power iteration needed 400 000 steps here: |λ₂| / λmax = 0.99992.
  test("a cycle of 10^7 judgments", () => {
    const a = CYCLE;
    const r = ahp(toMatrix(a), { randomIndex: "alonso" });
    const numpy = [9.96854833e-1, 3.52221641e-6, 3.1353054e-3, 6.33893853e-6];
    numpy.forEach((x, i) => expect(Math.abs(r.weights[i] / x - 1)).toBeLessThan(1e-8));
    expect(r.lambdaMax / 31452.9757757 - 1).toBeLessThan(1e-10);
  });

  test("the matrix that power iteration gave up on (10^-8 … 10^7)", () => {
    const a = fromUpper([
      [1, 1e7, 0.01, 1, 1e5],
      [0, 1, 1e-7, 1e-7, 1],
      [0, 0, 1, 1000, 1e-8],
      [0, 0, 0, 1, 0.01],
      [0, 0, 0, 0, 1],
    ]);
    const r = ahp(toMatrix(a), { randomIndex: "alonso" });
    const numpy = [
      0.4418585701425598, 4.4150868912717573e-6, 7.0290512324609907e-4, 3.5345932314102715e-4,
      0.55708065032416176,
    ];
    numpy.forEach((x, i) => expect(Math.abs(r.weights[i] / x - 1)).toBeLessThan(1e-10));
    expect(Math.abs(r.lambdaMax / 126177.60950613573 - 1)).toBeLessThan(1e-12);
  });

  test("a consistent matrix with weights over 15 decades: every weight to full relative precision", () => {
    // a_ij = w_i / w_j with w = 1, 10^-5, 10^-10, 10^-15: the weights are exactly proportional to w.
    const w = [1, 1e-5, 1e-10, 1e-15];
    const r = ahp(toMatrix(w.map((wi) => w.map((wj) => wi / wj))), { randomIndex: "alonso" });
    const total = w.reduce((s, x) => s + x, 0);
    w.forEach((x, i) => expect(Math.abs(r.weights[i] / (x / total) - 1)).toBeLessThan(1e-13));
    expect(r.iterations).toBe(0);
  });

  test("maxIterations counts the solves: a matrix that converges at iteration k needs k, and fails with k − 1", () => {
    const a = CYCLE.flat();
    const k = principalEigen(Float64Array.from(a), 4).iterations;
    expect(k).toBeGreaterThan(1);
    expect(principalEigen(Float64Array.from(a), 4, k).iterations).toBe(k);
    expect(() => principalEigen(Float64Array.from(a), 4, k - 1)).toThrow(
      "the principal eigenvector cannot be found"
    );
  });

  /** Random reciprocal n × n matrices (n = 2 … 12), judgments 10^e with |e| ≤ `decades`. */
  const reciprocal = (decades: number) =>
    fc.integer({ min: 2, max: 12 }).chain((n) =>
      fc
        .array(fc.double({ min: -decades, max: decades, noNaN: true }), {
          minLength: (n * (n - 1)) / 2,
          maxLength: (n * (n - 1)) / 2,
        })
        .map((exponents) => {
          const upper = Array.from({ length: n }, () => new Array<number>(n).fill(1));
          let k = 0;
          for (let i = 0; i < n; i++)
            for (let j = i + 1; j < n; j++) upper[i][j] = 10 ** exponents[k++];
          return fromUpper(upper);
        })
    );

  test.each([
    // Saaty's scale (1/9 … 9): the bracket closes to 10⁻¹² (plus this test's own rounding).
    [Math.log10(9), 1e-11],
    // 10^±12: where rounding stops the iteration first, the documented 10⁻⁶.
    [12, 1e-6],
  ])("random judgments within 10^±%d: certified eigenvectors (bracket < %d)", (decades, gap) => {
    fc.assert(
      fc.property(reciprocal(decades), (a) => {
        const r = ahp(toMatrix(a), { randomIndex: "alonso" });
        let sum = 0;
        r.weights.forEach((w) => {
          expect(w).toBeGreaterThan(0);
          sum += w;
        });
        expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
        const [lo, hi] = bracket(a, r.weights);
        expect((hi - lo) / hi).toBeLessThan(gap);
        expect(r.lambdaMax).toBeGreaterThanOrEqual(lo * (1 - 1e-12));
        expect(r.lambdaMax).toBeLessThanOrEqual(hi * (1 + 1e-12));
      }),
      { numRuns: 300, seed: 17 }
    );
  });
});

describe("hierarchy synthesis and group judgments", () => {
  test("synthesis: global priority = Σ parent weight × local priority", () => {
    // Two criteria weighted 0.6 / 0.4; alternatives' local priorities 0.5/0.3/0.2 and 0.1/0.2/0.7:
    // 0.6·0.5 + 0.4·0.1 = 0.34, 0.6·0.3 + 0.4·0.2 = 0.26, 0.6·0.2 + 0.4·0.7 = 0.40.
    const local = toMatrix([
      [0.5, 0.1],
      [0.3, 0.2],
      [0.2, 0.7],
    ]);
    expectDigits(synthesize(local, [0.6, 0.4]), [0.34, 0.26, 0.4], 12);
    expect(() => synthesize(toMatrix([[0.5], [0.4]]), [1])).toThrow(
      "column 1 (the local priorities under one parent) must sum to 1"
    );
    // A local priority of 0 is allowed: 0.6·0.5 + 0.4·0 = 0.3, 0.6·0.5 + 0.4·1 = 0.7.
    const zero = toMatrix([
      [0.5, 0],
      [0.5, 1],
    ]);
    expectDigits(synthesize(zero, [0.6, 0.4]), [0.3, 0.7], 12);
  });

  const E1 = toMatrix([
    [1, 3, 5],
    [1 / 3, 1, 2],
    [1 / 5, 1 / 2, 1],
  ]);
  const E2 = toMatrix([
    [1, 1 / 2, 4],
    [2, 1, 6],
    [1 / 4, 1 / 6, 1],
  ]);

  test("AIJ and AIP agree under geometric-mean priorities (Forman & Peniwati 1998)", () => {
    const aij = ahpGroup([E1, E2], { aggregation: "aij", method: "geometric" });
    const aip = ahpGroup([E1, E2], { aggregation: "aip", method: "geometric" });
    aij.weights.forEach((w, i) => expect(w).toBeCloseTo(aip.weights[i], 12));
    // AIJ's group matrix is the cell-wise geometric mean: a_12 = √(3 · 1/2).
    expect(aij.group?.inconsistent.find((c) => c.row === 0 && c.col === 1)?.value).toBeCloseTo(
      Math.sqrt(1.5),
      12
    );
  });

  test("AIP with eigenvector priorities: the experts' weights' weighted geometric mean, no group matrix", () => {
    const [w1, w2] = [ahp(E1).weights, ahp(E2).weights];
    const mean = Array.from(w1, (x, i) => Math.pow(x, 0.75) * Math.pow(w2[i], 0.25));
    const total = mean.reduce((a, b) => a + b, 0);
    const aip = ahpGroup([E1, E2], { aggregation: "aip", expertWeights: [3, 1] });
    expect(aip.group).toBeNull();
    mean.forEach((x, i) => expect(aip.weights[i]).toBeCloseTo(x / total, 12));
    expect(ahpGroup([E1, E2], { expertWeights: [3, 1] }).group).not.toBeNull();
  });

  test("each expert's CR is reported; identical experts give the expert's own result", () => {
    const g = ahpGroup([E1, E2]);
    expect(g.experts.map((e) => e.cr)).toEqual([ahp(E1).cr, ahp(E2).cr]);
    const same = ahpGroup([E1, E1, E1], { aggregation: "aip" });
    same.weights.forEach((w, i) => expect(w).toBeCloseTo(ahp(E1).weights[i], 12));
  });

  test("expert weights tilt the aggregate; stacked input is split; mismatches are refused", () => {
    const tilted = ahpGroup([E1, E2], { expertWeights: [1, 0] });
    tilted.weights.forEach((w, i) => expect(w).toBeCloseTo(ahp(E1).weights[i], 12));
    const stacked = toMatrix([
      ...[0, 1, 2].map((i) => Array.from(E1.data.slice(i * 3, i * 3 + 3))),
      ...[0, 1, 2].map((i) => Array.from(E2.data.slice(i * 3, i * 3 + 3))),
    ]);
    expect(splitStacked(stacked).map((m) => Array.from(m.data))).toEqual([
      Array.from(E1.data),
      Array.from(E2.data),
    ]);
    expect(() =>
      splitStacked(
        toMatrix([
          [1, 2],
          [0.5, 1],
          [1, 1],
        ])
      )
    ).toThrow("must be 2 × 2 matrices stacked vertically, got 3 rows");
    expect(() =>
      ahpGroup([
        E1,
        toMatrix([
          [1, 2],
          [0.5, 1],
        ]),
      ])
    ).toThrow("expert 2's matrix is 2 × 2");
    expect(() =>
      ahpGroup([
        E1,
        toMatrix([
          [1, 3, 5],
          [0.25, 1, 2],
          [0.2, 0.5, 1],
        ]),
      ])
    ).toThrow("pairwise (expert 2) row 1, column 2: not reciprocal");
  });
});

describe("AHP's judgment report (edges found by mutation testing)", () => {
  /** consistent([8, 4, 2, 1]) with a_14 reversed: says criterion 4 matters 8× more than criterion 1. */
  function reversed() {
    const a = consistent([8, 4, 2, 1]);
    a[0][3] = 1 / 8;
    a[3][0] = 8;
    return toMatrix(a);
  }

  test("each upper judgment once, ties (equal weights: every ε = 1) in row then column order", () => {
    const ones = (n: number) => toMatrix(consistent(new Array(n).fill(1)));
    const pairs = (n: number, report: number) =>
      ahp(ones(n), { report }).inconsistent.map((c) => [c.row, c.col]);
    expect(pairs(3, 10)).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    expect(pairs(4, 6)).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
    expect(pairs(4, 1)).toEqual([[0, 1]]);
    expect(pairs(4, 0)).toEqual([]);
  });

  test("each check holds the judgment, w_i / w_j, their ratio and their distance", () => {
    const r = ahp(reversed(), { report: 6 });
    expect(r.inconsistent).toHaveLength(6);
    for (const c of r.inconsistent) {
      expect(c.value).toBe(reversed().data[c.row * 4 + c.col]);
      expect(c.implied).toBeCloseTo(r.weights[c.row] / r.weights[c.col], 12);
      expect(c.epsilon).toBeCloseTo(c.value / c.implied, 12);
      expect(c.deviation).toBeCloseTo(Math.abs(c.value - c.implied), 12);
    }
    const logs = r.inconsistent.map((c) => Math.abs(Math.log(c.epsilon)));
    expect(logs).toEqual([...logs].sort((x, y) => y - x));
  });

  test("the warning lists the three judgments to revisit, in full, in both languages", () => {
    const r = ahp(reversed());
    const num = "\\d+(?:\\.\\d+)?";
    expect(r.warning?.en).toMatch(
      new RegExp(
        `^consistency ratio CR = ${num} > 0\\.1: the judgments are not consistent enough; revisit first ` +
          `row 1, column 4: 0\\.125 \\(consistent with the weights: about ${num}\\)` +
          `(; row \\d, column \\d: ${num} \\(consistent with the weights: about ${num}\\)){2}$`
      )
    );
    expect(r.warning?.zh).toMatch(
      new RegExp(
        `^一致性比率 CR = ${num} > 0\\.1，判断不够一致，建议先复核：` +
          `第 1 行第 4 列 0\\.125（与权重一致应约为 ${num}）` +
          `(；第 \\d 行第 \\d 列 ${num}（与权重一致应约为 ${num}）){2}$`
      )
    );
  });

  test("n = 1 and n = 2: CI and CR are 0", () => {
    for (const m of [
      [[1]],
      [
        [1, 3],
        [1 / 3, 1],
      ],
      [
        [1, 7],
        [1 / 7, 1],
      ],
      [
        [1, 0.3],
        [1 / 0.3, 1],
      ],
    ]) {
      const r = ahp(toMatrix(m));
      expect([r.ci, r.cr]).toEqual([0, 0]);
    }
  });

  test("above 15 criteria with Saaty's table: the warning in Chinese too", () => {
    const big = toMatrix(consistent(new Array(16).fill(1)));
    expect(ahp(big).warning?.zh).toBe(
      "Saaty 的随机一致性指标表只到 15 个指标（此处 16 个），请用 alonso"
    );
  });
});
