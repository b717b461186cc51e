/**
 * ZS.TOPSIS, VIKOR, WSUM, AHP, AHPCR, ENTROPY, CRITIC and STABILITY through the built bundle: published
 * worked examples (the same sources test/engine/mcda cites) with worksheet-shaped arguments, then bad ones.
 */
import { col, expectDigits } from "./digits";
import { expectError, loadBundle } from "./loadBundle";

const { call } = loadBundle();

// Opricovic & Tzeng (2004), "Compromise solution by MCDM methods: A comparative analysis of VIKOR and
// TOPSIS", EJOR 156(2), numerical example: f1 (cost), f2 (benefit), equal weights.
const OPRICOVIC = [
  [1, 3000],
  [2, 3750],
  [5, 4500],
];

describe("ZS.TOPSIS", () => {
  test("Papathanasiou & Ploskas (2018) example, vector normalisation", () => {
    const m = [
      [8, 7, 2, 1],
      [5, 3, 7, 5],
      [7, 5, 6, 4],
      [9, 9, 7, 3],
      [11, 10, 3, 7],
      [6, 9, 5, 4],
    ];
    // Papathanasiou & Ploskas (2018), "TOPSIS", in Multiple Criteria Decision Aid, Springer, pp. 1–30:
    // 0.387, 0.327, 0.391, 0.615, 0.868, 0.493.
    const r = call("TOPSIS", m, [[0.4, 0.3, 0.1, 0.2]], [["+", "+", "+", "+"]]);
    expectDigits(r, col([0.387, 0.327, 0.391, 0.615, 0.868, 0.493]), 3);
  });

  test("JMcDM reference example: weights as a column, types as 1, unnormalised weights", () => {
    // jbytecode/JMcDM test/testtopsis.jl: 0.3876870, 0.6503238, 0.0834767.
    const m = [
      [9, 7, 6, 7],
      [8, 7, 9, 6],
      [7, 8, 6, 6],
    ];
    expectDigits(
      call("TOPSIS", m, col([4, 2, 6, 8]), [[1, 1, 1, 1]]),
      col([0.387687, 0.6503238, 0.0834767]),
      7
    );
  });

  test("Opricovic & Tzeng (2004) example, min–max normalisation", () => {
    // 0.500, 0.617, 0.500 as reproduced by kotbaton/pymcdm tests/test_methods.py (TestTOPSIS).
    expectDigits(
      call("TOPSIS", OPRICOVIC, [[0.5, 0.5]], [["min", "max"]], "minmax"),
      col([0.5, 0.617, 0.5]),
      3
    );
  });

  test("bad arguments give #VALUE! naming the argument", () => {
    expectError(
      call("TOPSIS", OPRICOVIC, [[1, 1, 1]], [["-", "+"]]),
      "#VALUE!",
      "weights",
      "3",
      "2"
    );
    expectError(call("TOPSIS", OPRICOVIC, [[1, 1]], [["-"]]), "#VALUE!", "types");
    expectError(
      call("TOPSIS", OPRICOVIC, [[1, 1]], [["-", "better"]]),
      "#VALUE!",
      "types",
      "better"
    );
    expectError(
      call(
        "TOPSIS",
        [
          [1, "abc"],
          [2, 3],
        ],
        [[1, 1]],
        [["+", "+"]]
      ),
      "#VALUE!",
      "matrix",
      "row 1, column 2"
    );
    expectError(
      call(
        "TOPSIS",
        [
          [1, ""],
          [2, 3],
        ],
        [[1, 1]],
        [["+", "+"]]
      ),
      "#VALUE!",
      "matrix",
      "blank"
    );
    expectError(
      call("TOPSIS", OPRICOVIC, [[1, -1]], [["+", "+"]]),
      "#VALUE!",
      "weights",
      "negative"
    );
    expectError(
      call("TOPSIS", OPRICOVIC, [[1, 1]], [["+", "+"]], "cosine"),
      "#VALUE!",
      "normalization",
      "cosine"
    );
    expectError(
      call(
        "TOPSIS",
        OPRICOVIC,
        [
          [1, 1],
          [1, 1],
        ],
        [["+", "+"]]
      ),
      "#VALUE!",
      "weights",
      "row or"
    );
  });
});

describe("ZS.VIKOR", () => {
  test("Opricovic & Tzeng (2004) example: S, R, Q", () => {
    // Opricovic & Tzeng (2004): S = 0.5, 0.375, 0.5; R = 0.5, 0.25, 0.5; Q = 1, 0, 1 (v = 0.5).
    expect(call("VIKOR", OPRICOVIC, [[0.5, 0.5]], [["-", "+"]])).toEqual([
      [0.5, 0.5, 1],
      [0.375, 0.25, 0],
      [0.5, 0.5, 1],
    ]);
  });

  test("Yang & Wu (2020) example: Q", () => {
    const m = [
      [78, 56, 34, 6],
      [4, 45, 3, 97],
      [18, 2, 50, 63],
      [9, 14, 11, 92],
      [85, 9, 100, 29],
    ];
    // Yang & Wu (2020), "A new improvement method to avoid rank reversal in VIKOR", IEEE Access 8:
    // Q = 0.5679, 0.7667, 1, 0.7493, 0.
    const r = call("VIKOR", m, [[1, 1, 1, 1]], [["+", "+", "+", "+"]]) as number[][];
    expectDigits(
      r.map((row) => [row[2]]),
      col([0.5679, 0.7667, 1, 0.7493, 0]),
      4
    );
  });

  test("v is checked", () => {
    expectError(call("VIKOR", OPRICOVIC, [[1, 1]], [["-", "+"]], 1.5), "#VALUE!", "v");
    expectError(call("VIKOR", OPRICOVIC, [[1, 1]], [["-", "+"]], "half"), "#VALUE!", "v", "half");
    expect((call("VIKOR", OPRICOVIC, [[1, 1]], [["-", "+"]], null) as number[][])[1][2]).toBe(0);
  });
});

describe("ZS.WSUM", () => {
  test("min–max normalisation with a cost criterion (Opricovic & Tzeng data)", () => {
    // f1 cost → (5 − x)/4 = 1, 0.75, 0; f2 benefit → (x − 3000)/1500 = 0, 0.5, 1; equal weights.
    expect(call("WSUM", OPRICOVIC, [[1, 1]], [[-1, 1]])).toEqual(col([0.5, 0.625, 0.5]));
  });

  test("Triantaphyllou (2000) §2.1 data, min–max normalised (worked by hand)", () => {
    // Triantaphyllou (2000), Multi-criteria Decision Making Methods, §2.1: weights 0.2, 0.15, 0.4, 0.25.
    // Normalised by hand: A1 = 0.2·0.75 + 0.15·0.5 + 0 + 0.25 = 0.475; A2 = 0 + 0.15 + 0.4·1/3 + 0.25 = 0.5333;
    // A3 = 0.2 + 0 + 0.4 + 0 = 0.6.
    const m = [
      [25, 20, 15, 30],
      [10, 30, 20, 30],
      [30, 10, 30, 10],
    ];
    expectDigits(
      call("WSUM", m, [[0.2, 0.15, 0.4, 0.25]], [["+", "+", "+", "+"]]),
      col([0.475, 0.5333, 0.6]),
      4
    );
  });

  test('Triantaphyllou (2000) §2.1 WSM example with normalization "none": the published scores', () => {
    // Triantaphyllou (2000), Multi-criteria Decision Making Methods: A Comparative Study, §2.1:
    // A1 21.50, A2 22.00, A3 22.00 (the values are used as they are).
    const m = [
      [25, 20, 15, 30],
      [10, 30, 20, 30],
      [30, 10, 30, 10],
    ];
    expectDigits(
      call("WSUM", m, [[0.2, 0.15, 0.4, 0.25]], [[1, 1, 1, 1]], "none"),
      col([21.5, 22, 22]),
      2
    );
    expectError(
      call("WSUM", m, [[1, 1, 1, 1]], [[1, 1, 1, 1]], "zscore"),
      "#VALUE!",
      "normalization"
    );
  });

  test("a weight that is text is refused by position", () => {
    expectError(call("WSUM", OPRICOVIC, [[1, "x"]], [[-1, 1]]), "#VALUE!", "weights", "item 2");
  });
});

// Saaty (2008), "Decision making with the analytic hierarchy process", Int. J. Services Sciences 1(1),
// drink consumption in the US. Order: coffee, wine, tea, beer, soda, milk, water.
const DRINKS = [
  [1, 9, 5, 2, 1, 1, 1 / 2],
  [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
  [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
  [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [1, 9, 4, 2, 1, 2, 1 / 2],
  [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [2, 9, 9, 3, 2, 3, 1],
];

describe("ZS.AHP and ZS.AHPCR", () => {
  test("Saaty's drinks example: weights and CR", () => {
    // Saaty (2008) drinks, as tested in PhilipGriffith/AHPy: coffee 0.1775, wine 0.0191, tea 0.0418,
    // beer 0.1164, soda 0.1896, milk 0.1288, water 0.3268; CR (Saaty's RI) = 0.022.
    expectDigits(
      call("AHP", DRINKS),
      col([0.1775, 0.0191, 0.0418, 0.1164, 0.1896, 0.1288, 0.3268]),
      4
    );
    expectDigits([[call("AHPCR", DRINKS) as number]], [[0.022]], 3);
  });

  test("Alonso & Lamata's RI (n = 7: 1.3417) gives CI / 1.3417", () => {
    const saaty = call("AHPCR", DRINKS, "saaty") as number;
    const alonso = call("AHPCR", DRINKS, "alonso") as number;
    expect(alonso).toBeCloseTo((saaty * 1.32) / 1.3417, 10);
  });

  test("only the upper triangle typed: blanks take reciprocals", () => {
    const upper = [
      [1, 2, 4],
      ["", 1, 2],
      [null, "", 1],
    ];
    expect(call("AHP", upper)).toEqual(
      col([4 / 7, 2 / 7, 1 / 7].map((x) => Number(x.toPrecision(12))))
    );
    expect(call("AHPCR", upper)).toBe(0);
  });

  test("a non-square or non-reciprocal matrix, and an unknown RI table, are refused", () => {
    expectError(
      call("AHP", [
        [1, 2, 3],
        [0.5, 1, 2],
      ]),
      "#VALUE!",
      "pairwise"
    );
    expectError(
      call("AHP", [
        [1, 2],
        [2, 1],
      ]),
      "#VALUE!",
      "pairwise"
    );
    expectError(
      call("AHP", [
        [1, "x"],
        [null, 1],
      ]),
      "#VALUE!",
      "pairwise",
      "row 1, column 2"
    );
    expectError(call("AHPCR", DRINKS, "random"), "#VALUE!", "ri", "saaty");
  });

  test("judgments far off the 1–9 scale (a cycle of 10^7s) give numpy's eigenvector", () => {
    // numpy 2.4.6 numpy.linalg.eig, principal eigenvector scaled to sum 1 (computed for this test);
    // power iteration used to give up here.
    const upper = [
      [1, 9, 1e7, 5],
      ["", 1, 1e-7, 3],
      ["", "", 1, 1e7],
      ["", "", "", 1],
    ];
    const w = (call("AHP", upper) as number[][]).map((r) => r[0]);
    [9.96854833e-1, 3.52221641e-6, 3.1353054e-3, 6.33893853e-6].forEach((x, i) =>
      expect(Math.abs(w[i] / x - 1)).toBeLessThan(1e-8)
    );
  });
});

describe("ZS.ENTROPY and ZS.CRITIC", () => {
  test("Xu (2004) entropy example", () => {
    // Xu (2004), EJOR 156(2), as tested in energyinpython/pyrepo-mcda: 0.4630, 0.3992, 0.1378, 0.0000.
    const m = [
      [30, 30, 38, 29],
      [19, 54, 86, 29],
      [19, 15, 85, 28.9],
      [68, 70, 60, 29],
    ];
    expectDigits(call("ENTROPY", m), [[0.463, 0.3992, 0.1378, 0]], 4);
  });

  test("Tuş & Aytaç Adalı (2019) CRITIC example", () => {
    // Tuş & Aytaç Adalı (2019), Opsearch 56(2), as tested in energyinpython/pyrepo-mcda (no types):
    // 0.157, 0.249, 0.168, 0.121, 0.154, 0.151.
    const m = [
      [5000, 3, 3, 4, 3, 2],
      [680, 5, 3, 2, 2, 1],
      [2000, 3, 2, 3, 4, 3],
      [600, 4, 3, 1, 2, 2],
      [800, 2, 4, 3, 3, 4],
    ];
    expectDigits(call("CRITIC", m), [[0.157, 0.249, 0.168, 0.121, 0.154, 0.151]], 3);
  });

  test("JMcDM CRITIC example with a cost criterion", () => {
    // jbytecode/JMcDM test/testcritic.jl (max, max, min, max): 0.16883925, 0.418444976, 0.249124763, 0.163591012.
    const m = [
      [12.9918, 0.7264, -1.1009, 1.598139592],
      [4.1201, 5.8824, 3.4483, 1.021563567],
      [4.1039, 0.0, -0.5076, 0.984469444],
    ];
    expectDigits(
      call("CRITIC", m, [["+", "+", "-", "+"]]),
      [[0.16883925, 0.418444976, 0.249124763, 0.163591012]],
      4
    );
  });

  test("one alternative is not enough", () => {
    expectError(call("ENTROPY", [[1, 2]]), "#VALUE!", "matrix", "2");
    expectError(call("CRITIC", [[1, 2]]), "#VALUE!", "matrix");
    expectError(call("CRITIC", OPRICOVIC, [["+"]]), "#VALUE!", "types");
  });
});

describe("ZS.STABILITY", () => {
  test("a dominating alternative ranks first in every draw; probabilities sum to 1", () => {
    const m = [
      [9, 9, 9],
      [5, 6, 4],
      [4, 5, 6],
    ];
    for (const method of ["topsis", "vikor", "wsum", null]) {
      expect(call("STABILITY", m, [[1, 1, 1]], [["+", "+", "+"]], method, 200, 0.3, 7)).toEqual(
        col([1, 0, 0])
      );
    }
  });

  test("a close call splits the draws, reproducibly for a seed", () => {
    // A1 leads on criterion 1, A2 on criterion 2: with equal weights ± 50 % either can come first.
    const m = [
      [10, 1],
      [1, 10],
    ];
    const r = call("STABILITY", m, [[1, 1]], [["+", "+"]], "wsum", 2000, 0.5, 42) as number[][];
    expect(r[0][0]).toBeGreaterThan(0.3);
    expect(r[1][0]).toBeGreaterThan(0.3);
    expect(call("STABILITY", m, [[1, 1]], [["+", "+"]], "wsum", 2000, 0.5, 42)).toEqual(r);
  });

  test("method, runs, spread and seed are checked", () => {
    const args = [OPRICOVIC, [[1, 1]], [["-", "+"]]];
    expectError(call("STABILITY", ...args, "electre"), "#VALUE!", "method", "electre");
    expectError(call("STABILITY", ...args, "wsum", 0), "#VALUE!", "runs");
    expectError(call("STABILITY", ...args, "wsum", 10.5), "#VALUE!", "runs", "whole");
    expectError(call("STABILITY", ...args, "wsum", 100, 2), "#VALUE!", "spread");
    expectError(call("STABILITY", ...args, "wsum", 100, 0.1, "abc"), "#VALUE!", "seed");
  });
});
