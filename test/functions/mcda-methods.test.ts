/**
 * The worksheet functions added for issue #17, through the built bundle: each reproduces a published
 * worked example as a reference library's own test prints it (kotbaton/pymcdm at commit
 * 76e773513ae9a259522e2289b271967f07a1d418, jbytecode/JMcDM at 87bbb34e0dc0468ddb311310f0a7b54d1d374633;
 * the paper is named in each test), with worksheet-shaped arguments; then bad arguments.
 */
import {
  MEREC_EXAMPLE,
  MOORA_REFERENCE_EXAMPLE,
  MULTIMOORA_EXAMPLE,
  RANKING_EXAMPLES,
  SPOTIS_BOUNDS,
  STD_EXAMPLE,
  WSM_WPM,
} from "../fixtures/mcda-examples";
import { col, expectDigits } from "./digits";
import { expectError, loadBundle } from "./loadBundle";

const { call } = loadBundle();

const row = (xs: number[]): number[][] => [xs];

// Zhao, Peng & Li (2013), Procedia Computer Science 17 (pymcdm TestPROMETHEE_II).
const ZHAO = [
  [4, 3, 2],
  [3, 2, 4],
  [5, 1, 3],
];

describe("ranking methods", () => {
  test("MULTIMOORA: Karabasevic et al. (2015) as pyrepo-mcda's Test_MULTIMOORA prints it, and JMcDM's reference point", () => {
    const e = MULTIMOORA_EXAMPLE;
    // Weights scaled to sum 1 (theirs sum to 0.999): the ratio system and reference point scale by 1/0.999.
    const got = call("MULTIMOORA", e.matrix, row(e.weights), row(e.types)) as number[][];
    const scaled = (xs: number[]) => xs.map((x) => x / 0.999);
    expectDigits(
      got.map((r) => [r[0], r[1]]),
      scaled(e.ratio).map((x, i) => [x, scaled(e.reference)[i]]),
      3
    );
    expect(got.map((r) => r[3])).toEqual(e.rank);
    // The paper's products, from w·r rounded to 3 decimals, within 0.1 % of the exact ones.
    got.forEach((r, i) => expect(Math.abs(r[2] / e.product[i] - 1)).toBeLessThan(1e-3));
    const ref = MOORA_REFERENCE_EXAMPLE;
    const reference = (
      call("MULTIMOORA", ref.matrix, row(ref.weights), row(ref.types)) as number[][]
    ).map((r) => [r[1]]);
    expectDigits(reference, col(ref.expected), 11);
    expectError(
      call(
        "MULTIMOORA",
        [
          [1, 0],
          [2, 1],
        ],
        row([1, 1]),
        row([1, -1])
      ),
      "#VALUE!",
      "matrix",
      "row 1, column 2"
    );
  });

  test("PROMETHEE II: usual criterion; thresholds per criterion; a single function word for all", () => {
    expectDigits(call("PROMETHEE", ZHAO, [[0.5, 0.3, 0.2]], [[1, 1, 1]]), col([0.1, -0.3, 0.2]), 2);
    // V-shape with p = 1 on every criterion equals the usual criterion on these integer data.
    expectDigits(
      call("PROMETHEE", ZHAO, [[0.5, 0.3, 0.2]], [[1, 1, 1]], "vshape", null, 1),
      col([0.1, -0.3, 0.2]),
      12
    );
    // A blank threshold where the criterion's function needs none (JMcDM's `nothing`); needed, it is named.
    const both = call(
      "PROMETHEE",
      ZHAO,
      [[0.5, 0.3, 0.2]],
      [[1, 1, 1]],
      [["usual", "ushape", "usual"]],
      [["", 0, ""]]
    );
    expectDigits(both, col([0.1, -0.3, 0.2]), 12);
    expectError(
      call(
        "PROMETHEE",
        ZHAO,
        [[0.5, 0.3, 0.2]],
        [[1, 1, 1]],
        [["usual", "ushape", "usual"]],
        [[0, "", 0]]
      ),
      "#VALUE!",
      "q",
      "criterion 2 needs the threshold q, which is blank"
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

  // Worksheet-shaped: weights as a row, types as words; the pymcdm examples' extra arguments.
  const extra: Record<string, unknown[]> = {
    spotis: [[SPOTIS_BOUNDS.map((b) => b[0]), SPOTIS_BOUNDS.map((b) => b[1])]],
    waspas: [null, null, false],
  };
  test.each(Object.entries(RANKING_EXAMPLES).map(([name, e]) => [name, e.source, e] as const))(
    "%s: %s",
    (name, _source, e) => {
      const types = [e.types.map((t) => (t === 1 ? "max" : "min"))];
      const got = call(name.toUpperCase(), e.matrix, [e.weights], types, ...(extra[name] ?? []));
      expectDigits(got, col(e.expected), e.digits);
    }
  );

  test("COPRAS worked by hand (Zavadskas, Kaklauskas & Šarka 1994)", () => {
    // d = 0.5·x/6 per column, S⁺ = 1/12, 2/12, 3/12; S⁻ = 2/12, 1/12, 3/12;
    // Q = S⁺ + 0.5/(S⁻ · 22) = 0.2197, 0.4394, 0.3409; N = Q / max Q.
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
    const { matrix: m, types, wsm, wpm } = WSM_WPM;
    const w = [WSM_WPM.weights];
    const t = [types];
    expectDigits(call("WSUM", m, w, t, "sum", false), col(wsm), 3);
    expectDigits(call("WPM", m, w, t, "sum", false), col(wpm), 3);
    // Rescaled weights (the default) halve the weighted sum here: the weights sum to 2.
    expectDigits(call("WSUM", m, w, t, "sum"), col(wsm.map((x) => x / 2)), 3);
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

  test("ENTROPY: types mean min–max; with sum normalisation they are refused", () => {
    // Column 1 (−1, 0, 1) and column 2 as a cost (5, 7, 6.5 → 1, 0, 0.25): worked in docs/functions.md.
    const m = [
      [-1, 5],
      [0, 7],
      [1, 6.5],
    ];
    expect(call("ENTROPY", m, null, [["+", "-"]])).toEqual(
      call("ENTROPY", m, "minmax", [["+", "-"]])
    );
    expectError(call("ENTROPY", m, "sum", [["+", "-"]]), "#VALUE!", "types", "use minmax");
    expectError(
      call("ENTROPY", m),
      "#VALUE!",
      "matrix",
      "use minmax normalisation for negative values"
    );
  });

  test("MEREC (Keshavarz-Ghorabaee et al. 2021) and STDWEIGHTS (Jahan & Edwards 2013)", () => {
    const merecTypes = [MEREC_EXAMPLE.types.map((t) => (t === 1 ? "max" : "min"))];
    const merecW = (call("MEREC", MEREC_EXAMPLE.matrix, merecTypes) as number[][])[0];
    MEREC_EXAMPLE.expected.forEach((e, j) => expect(merecW[j]).toBeCloseTo(e, 11));
    expectDigits(call("STDWEIGHTS", STD_EXAMPLE.matrix), row(STD_EXAMPLE.expected), 2);
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
