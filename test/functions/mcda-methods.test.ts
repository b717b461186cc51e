/**
 * The worksheet functions added for issue #17, through the built bundle: each reproduces a published
 * worked example as a reference library's own test prints it (kotbaton/pymcdm at commit
 * 76e773513ae9a259522e2289b271967f07a1d418, jbytecode/JMcDM at 87bbb34e0dc0468ddb311310f0a7b54d1d374633;
 * the paper is named in each test), with worksheet-shaped arguments; then bad arguments.
 */
import { expectError, loadBundle } from "./loadBundle";

const { call } = loadBundle();

/** Agreement to the printed digits: |actual − expected| ≤ half a unit in the last printed place. */
function expectDigits(actual: unknown, expected: number[][], digits: number): void {
  const got = actual as number[][];
  expect(got.map((r) => r.length)).toEqual(expected.map((r) => r.length));
  expected.forEach((row, i) =>
    row.forEach((e, j) =>
      expect([i, j, Math.abs(got[i][j] - e) <= 0.5 * 10 ** -digits + 1e-12]).toEqual([i, j, true])
    )
  );
}

const col = (xs: number[]): number[][] => xs.map((x) => [x]);
const row = (xs: number[]): number[][] => [xs];

// Zhao, Peng & Li (2013), Procedia Computer Science 17 (pymcdm TestPROMETHEE_II).
const ZHAO = [
  [4, 3, 2],
  [3, 2, 4],
  [5, 1, 3],
];

describe("ranking methods", () => {
  test("PROMETHEE II: usual criterion; thresholds per criterion; a single function word for all", () => {
    expectDigits(call("PROMETHEE", ZHAO, [[0.5, 0.3, 0.2]], [[1, 1, 1]]), col([0.1, -0.3, 0.2]), 2);
    // V-shape with p = 1 on every criterion equals the usual criterion on these integer data.
    expectDigits(
      call("PROMETHEE", ZHAO, [[0.5, 0.3, 0.2]], [[1, 1, 1]], "vshape", null, 1),
      col([0.1, -0.3, 0.2]),
      12
    );
    expectError(
      call("PROMETHEE", ZHAO, [[0.5, 0.3, 0.2]], [[1, 1, 1]], "level"),
      "#VALUE!",
      "q",
      "needs the threshold q"
    );
    expectError(
      call("PROMETHEE", ZHAO, [[0.5, 0.3, 0.2]], [[1, 1, 1]], "sigmoid"),
      "#VALUE!",
      "preference",
      "sigmoid"
    );
  });

  test("EDAS: Yazdani et al. (2020), pymcdm TestEDAS", () => {
    const m = [
      [3873, 39.55, 0.27, 0.87, 150, 0.07, 12, 2130],
      [5067, 67.26, 0.23, 0.23, 40, 0.02, 21, 2200],
      [2213, 24.69, 0.08, 0.17, 200, 0.04, 35, 570],
      [6243, 132, 0.07, 0.25, 100, 0.04, 16, 100],
      [8312, 460.47, 0.05, 0.21, 25, 0.1, 25, 200],
    ];
    const w = [[0.131, 0.113, 0.126, 0.125, 0.126, 0.129, 0.132, 0.117]];
    const t = [["-", "-", "-", "+", "+", "-", "+", "+"]];
    expectDigits(call("EDAS", m, w, t), col([0.841, 0.632, 0.883, 0.457, 0.104]), 3);
  });

  test("MOORA: Siregar et al. (2021), pymcdm TestMOORA; weights as a column", () => {
    const m = [
      [1.5, 3, 5, 3.3],
      [2, 7, 5, 3.35],
      [3, 1, 5, 3.07],
      [2.2, 4, 5, 3.5],
      [2, 5, 3, 3.09],
      [3.2, 2, 3, 3.48],
      [2.775, 3, 5, 3.27],
    ];
    expectDigits(
      call("MOORA", m, col([0.3, 0.2, 0.1, 0.4]), [["min", "max", "max", "max"]]),
      col([0.1801, 0.2345, 0.0625, 0.1757, 0.1683, 0.0742, 0.1197]),
      4
    );
  });

  test("COPRAS, MABAC, ARAS, CODAS, MARCOS, CoCoSo: the papers' examples as pymcdm / JMcDM test them", () => {
    // CODAS: Badi, Shetwan & Abdulshahed (2017), pymcdm TestCODAS.
    expectDigits(
      call(
        "CODAS",
        [
          [45, 3600, 45, 0.9],
          [25, 3800, 60, 0.8],
          [23, 3100, 35, 0.9],
          [14, 3400, 50, 0.7],
          [15, 3300, 40, 0.8],
          [28, 3000, 30, 0.6],
        ],
        [[0.2857, 0.3036, 0.2321, 0.1786]],
        [[1, -1, 1, 1]]
      ),
      col([1.3914, 0.3411, -0.217, -0.5381, -0.7292, -0.2481]),
      4
    );
    // ARAS: Stanujkic, Djordjevic & Karabasevic (2015), pymcdm TestARAS.
    expectDigits(
      call(
        "ARAS",
        [
          [4.64, 3.0, 3.0, 3.0, 2.88, 3.63],
          [4.0, 4.0, 4.64, 3.56, 3.63, 5.0],
          [3.3, 4.31, 3.3, 4.0, 3.3, 4.0],
          [2.62, 5.0, 4.22, 4.31, 5.0, 5.0],
        ],
        [[0.28, 0.25, 0.19, 0.15, 0.08, 0.04]],
        [[1, 1, 1, 1, 1, 1]]
      ),
      col([0.74, 0.86, 0.78, 0.86]),
      2
    );
    // CoCoSo: Yazdani, Zarate, Zavadskas & Turskis (2019), pymcdm TestCOCOSO.
    expectDigits(
      call(
        "COCOSO",
        [
          [60, 0.4, 2540, 500, 990],
          [6.35, 0.15, 1016, 3000, 1041],
          [6.8, 0.1, 1727.2, 1500, 1676],
          [10, 0.2, 1000, 2000, 965],
          [2.5, 0.1, 560, 500, 915],
          [4.5, 0.08, 1016, 350, 508],
          [3, 0.1, 1778, 1000, 920],
        ],
        [[0.036, 0.192, 0.326, 0.326, 0.12]],
        [[1, -1, 1, 1, 1]]
      ),
      col([2.041, 2.788, 2.882, 2.416, 1.299, 1.443, 2.519]),
      3
    );
    // MARCOS: Ulutaş et al. (2020), pymcdm TestMARCOS.
    expectDigits(
      call(
        "MARCOS",
        [
          [660, 1000, 1600, 18, 1200],
          [800, 1000, 1600, 24, 900],
          [980, 1000, 2500, 24, 900],
          [920, 1500, 1600, 24, 900],
          [1380, 1500, 1500, 24, 1150],
          [1230, 1000, 1600, 24, 1150],
          [680, 1500, 1600, 18, 1100],
          [960, 2000, 1600, 12, 1150],
        ],
        [[0.1061, 0.3476, 0.333, 0.1185, 0.0949]],
        [[-1, 1, 1, 1, 1]]
      ),
      col([0.5649, 0.5543, 0.641, 0.6174, 0.6016, 0.5453, 0.6282, 0.6543]),
      4
    );
    // MABAC: Pamučar & Ćirović (2015), pymcdm TestMABAC.
    expectDigits(
      call(
        "MABAC",
        [
          [22600, 3800, 2, 5, 1.06, 3.0, 3.5, 2.8, 24.5, 6.5],
          [19500, 4200, 3, 2, 0.95, 3.0, 3.4, 2.2, 24, 7.0],
          [21700, 4000, 1, 3, 1.25, 3.2, 3.3, 2.5, 24.5, 7.3],
          [20600, 3800, 2, 5, 1.05, 3.25, 3.2, 2.0, 22.5, 11.0],
          [22500, 3800, 4, 3, 1.35, 3.2, 3.7, 2.1, 23, 6.3],
          [23250, 4210, 3, 5, 1.45, 3.6, 3.5, 2.8, 23.5, 7.0],
          [20300, 3850, 2, 5, 0.9, 3.25, 3.0, 2.6, 21.5, 6.0],
        ],
        [[0.146, 0.144, 0.119, 0.121, 0.115, 0.101, 0.088, 0.068, 0.05, 0.048]],
        [[-1, 1, 1, 1, -1, -1, 1, 1, 1, 1]]
      ),
      col([0.0826, 0.2183, -0.0488, 0.0246, -0.0704, 0.0465, 0.0464]),
      4
    );
    // COPRAS worked by hand (Zavadskas, Kaklauskas & Šarka 1994): d = 0.5·x/6 per column, S⁺ = 1/12,
    // 2/12, 3/12; S⁻ = 2/12, 1/12, 3/12; Q = S⁺ + 0.5/(S⁻ · 22) = 0.2197, 0.4394, 0.3409; N = Q / max Q.
    // (JMcDM's 38-alternative test is checked in test/engine/mcda/methods.test.ts.)
    expectDigits(
      call(
        "COPRAS",
        [
          [1, 2],
          [2, 1],
          [3, 3],
        ],
        [[0.5, 0.5]],
        [["+", "-"]]
      ),
      col([0.5, 1, 0.34091 / 0.43939]),
      4
    );
  });

  test("SPOTIS with bounds as two rows and an expected solution point (Dezert et al. 2020)", () => {
    const cars = [
      [15000, 4.3, 99, 42, 737],
      [15290, 5.0, 116, 42, 892],
      [15350, 5.0, 114, 45, 952],
      [15490, 5.3, 123, 45, 1120],
    ];
    const bounds = [
      [14000, 3, 80, 35, 650],
      [16000, 8, 140, 60, 1300],
    ];
    expectDigits(
      call(
        "SPOTIS",
        cars,
        [[0.2941, 0.2353, 0.2353, 0.0588, 0.1765]],
        [[-1, -1, -1, 1, 1]],
        bounds,
        [[15300, 4, 115, 50, 900]]
      ),
      col([0.1841, 0.0734, 0.0842, 0.192]),
      4
    );
    expectError(
      call("SPOTIS", cars, [[1, 1, 1, 1, 1]], [[1, 1, 1, 1, 1]], [[0, 0, 0, 0, 0]]),
      "#VALUE!",
      "bounds",
      "2 rows"
    );
    expectError(
      call(
        "SPOTIS",
        cars,
        [[1, 1, 1, 1, 1]],
        [[1, 1, 1, 1, 1]],
        [
          [14000, 3, 80, 35, 650],
          [15000, 8, 140, 60, 1300],
        ]
      ),
      "#VALUE!",
      "matrix",
      "outside the criterion's bounds"
    );
  });

  test("WPM, WASPAS and WSUM: normalisations and weights as given (pymcdm TestWSM, TestWPM, TestWASPAS)", () => {
    const m = [
      [96, 83, 75, 7],
      [63, 5, 56, 9],
      [72, 30, 32, 48],
      [11, 4, 27, 9],
      [77, 21, 17, 11],
    ];
    const w = [[8 / 13, 5 / 13, 6 / 13, 7 / 13]];
    const t = [[1, 1, -1, -1]];
    expectDigits(call("WSUM", m, w, t, "sum", false), col([0.609, 0.313, 0.334, 0.265, 0.479]), 3);
    expectDigits(call("WPM", m, w, t, "sum", false), col([0.065, 0.017, 0.019, 0.007, 0.052]), 3);
    // Rescaled weights (the default) halve the weighted sum here: the weights sum to 2.
    expectDigits(
      call("WSUM", m, w, t, "sum"),
      col([0.609, 0.313, 0.334, 0.265, 0.479].map((x) => x / 2)),
      3
    );
    expectError(call("WPM", m, w, t, "sum", "maybe"), "#VALUE!", "rescale");
  });

  test("TOPSIS distances and normalisations; VIKOR's compromise set", () => {
    const m = [
      [1, 3000],
      [2, 3750],
      [5, 4500],
    ];
    // Manhattan, min–max: f1 → 1, 0.75, 0; f2 → 0, 0.5, 1; D⁺ = 0.5·(0 + 1), 0.5·(0.25 + 0.5), 0.5·(1 + 0).
    expectDigits(
      call("TOPSIS", m, [[0.5, 0.5]], [["min", "max"]], "minmax", "manhattan"),
      col([0.5, 0.625, 0.5]),
      12
    );
    // Chebyshev: D⁺ = max(0, 0.5), max(0.125, 0.25), max(0.5, 0); D⁻ likewise.
    expectDigits(
      call("TOPSIS", m, [[0.5, 0.5]], [["min", "max"]], "minmax", "chebyshev"),
      col([0.5, 0.6, 0.5]),
      12
    );
    expectError(
      call("TOPSIS", m, [[1, 1]], [["-", "+"]], "vector", "cosine"),
      "#VALUE!",
      "distance"
    );
    // Opricovic & Tzeng (2004): A2 alone is the compromise solution, C1 and C2 both hold.
    expect(call("VIKOR", m, [[0.5, 0.5]], [["-", "+"]], null, true)).toEqual([
      [0.5, 0.5, 1, false, true, true],
      [0.375, 0.25, 0, true, true, true],
      [0.5, 0.5, 1, false, true, true],
    ]);
  });
});

describe("weights, rankings and group judgments", () => {
  test("BWM: Rezaei (2015) basic example as JMcDM's testbestworst.jl (ξ* 0.26 ± 0.01)", () => {
    const w = call("BWM", [[8, 2, 1]], col([1, 5, 8])) as number[][];
    [0.071, 0.338, 0.589].forEach((e, j) =>
      expect(Math.abs(w[j][0] - e)).toBeLessThanOrEqual(0.01)
    );
    const xi = (call("BWM", [[8, 2, 1]], [[1, 5, 8]], "xi") as number[][])[0][0];
    expect(Math.abs(xi - 0.26)).toBeLessThanOrEqual(0.01);
    expect((call("BWM", [[8, 2, 1]], [[1, 5, 8]], "cr") as number[][])[0][0]).toBeCloseTo(
      xi / 4.47,
      10
    );
    expectError(call("BWM", [[8, 2]], [[1, 5, 8]]), "#VALUE!", "others_to_worst", "3", "2");
  });

  test("MEREC (Keshavarz-Ghorabaee et al. 2021) and STDWEIGHTS (Jahan & Edwards 2013)", () => {
    expectDigits(
      call(
        "MEREC",
        [
          [450, 8000, 54, 145],
          [10, 9100, 2, 160],
          [100, 8200, 31, 153],
          [220, 9300, 1, 162],
          [5, 8400, 23, 158],
        ],
        [["max", "max", "min", "min"]]
      ),
      row([0.5752, 0.0141, 0.4016, 0.0091]),
      4
    );
    expectDigits(
      call("STDWEIGHTS", [
        [0, 0, 0],
        [0.39, 0.3, 0.77],
        [0.17, 0.36, 0.8],
        [0.35, 0.29, 0.93],
        [0.3, 0.4, 0.94],
        [0.84, 0.71, 1],
        [1, 1, 0.99],
      ]),
      row([0.35, 0.31, 0.34]),
      2
    );
    expectError(
      call(
        "MEREC",
        [
          [1, 0],
          [2, 3],
        ],
        [[1, 1]]
      ),
      "#VALUE!",
      "matrix",
      "row 1, column 2"
    );
  });

  test("RANKS as RANK.EQ in the input's shape; RANKCORR as scipy's documentation examples", () => {
    expect(call("RANKS", col([7, 3.5, 3.5, 1, 2]))).toEqual(col([1, 2, 2, 5, 4]));
    expect(call("RANKS", [[7, 3.5, 3.5, 1, 2]], 1)).toEqual([[5, 3, 3, 1, 2]]);
    expect(call("RANKS", [[7, 3.5, 3.5, 1, 2]], "asc")).toEqual([[5, 3, 3, 1, 2]]);
    expect(call("RANKCORR", [[1, 2, 3, 4, 5]], col([5, 6, 7, 8, 7]))).toBeCloseTo(
      0.8207826816681233,
      11
    );
    expect(call("RANKCORR", [[12, 2, 1, 12, 2]], [[1, 4, 7, 1, 0]], "kendall")).toBeCloseTo(
      -0.47140452079103173,
      11
    );
    expectError(call("RANKCORR", [[1, 2, 3]], [[1, 2]]), "#VALUE!", "ranking2");
    expectError(call("RANKS", [[1, "x"]]), "#VALUE!", "scores", "item 2");
  });

  test("AHPGROUP: stacked experts, AIJ and AIP, each expert's CR; KENDALLW", () => {
    const e1 = [
      [1, 3, 5],
      [1 / 3, 1, 2],
      [1 / 5, 1 / 2, 1],
    ];
    const e2 = [
      [1, 1 / 2, 4],
      [2, 1, 6],
      [1 / 4, 1 / 6, 1],
    ];
    const stacked = [...e1, ...e2];
    const crs = call("AHPGROUP", stacked, null, "cr") as number[][];
    expect(crs.map((r) => r[0])).toEqual([call("AHPCR", e1), call("AHPCR", e2)]);
    // Under geometric-mean priorities AIJ and AIP coincide (Forman & Peniwati 1998).
    const aij = call("AHPGROUP", stacked, "aij", null, "geometric") as number[][];
    const aip = call("AHPGROUP", stacked, "aip", null, "geometric") as number[][];
    aij.forEach((r, i) => expect(r[0]).toBeCloseTo(aip[i][0], 10));
    // One expert alone is that expert's AHP.
    expect(call("AHPGROUP", e1)).toEqual(call("AHP", e1));
    expectError(call("AHPGROUP", stacked, "aip", "groupcr"), "#N/A", "output");
    expectError(call("AHPGROUP", [...e1, [1, 2, 3]]), "#VALUE!", "pairwise", "stacked");
    expect(
      call("KENDALLW", [
        [1, 10],
        [2, 20],
        [3, 30],
      ])
    ).toBe(1);
    expectError(
      call("KENDALLW", [
        [1, 1],
        [1, 1],
      ]),
      "#VALUE!",
      "W is undefined"
    );
  });

  test("AHP methods, rounded reciprocals, Alonso above 15 and Saaty's #N/A there", () => {
    expect(
      call("AHP", [
        [1, 3],
        [0.33, 1],
      ])
    ).toEqual(col([0.75, 0.25]));
    expectError(
      call("AHP", [
        [1, 3],
        [0.25, 1],
      ]),
      "#VALUE!",
      "pairwise",
      "not reciprocal"
    );
    const ones = Array.from({ length: 16 }, () => new Array(16).fill(1));
    expect(call("AHPCR", ones, "alonso")).toBe(0);
    expectError(call("AHPCR", ones), "#N/A", "ri", "use alonso");
    expectError(
      call(
        "AHP",
        [
          [1, 2],
          [0.5, 1],
        ],
        "power"
      ),
      "#VALUE!",
      "method",
      "power"
    );
  });
});
