import { RANDOM_INDEX, RandomIndexTable, ahp } from "../../../src/engine/mcda/ahp";
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
    const big = toMatrix(consistent(new Array(16).fill(1)));
    expect(() => ahp(big)).toThrow(
      "pairwise: at most 15 criteria (the random-index tables end at 15), got 16"
    );
    expect(() => ahp(DRINKS, { randomIndex: "dd" as RandomIndexTable })).toThrow(
      'ri: must be "saaty" or "alonso", got "dd"'
    );
  });
});
