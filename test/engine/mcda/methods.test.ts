/**
 * PROMETHEE II, EDAS, MOORA, COPRAS, WASPAS, WPM/WSM conventions, MABAC, ARAS, CODAS, MARCOS, SPOTIS
 * and CoCoSo against the published worked examples as pymcdm's and JMcDM's own tests print them
 * (test/fixtures/mcda-examples.ts names paper, library test and commit), then degenerate inputs one by
 * one.
 */
import {
  aras,
  cocoso,
  codas,
  copras,
  edas,
  mabac,
  marcos,
  dominanceRanks,
  moora,
  multimoora,
  promethee,
  spotis,
} from "../../../src/engine/mcda/methods";
import { waspas, weightedProduct, weightedSum } from "../../../src/engine/mcda/aggregate";
import { CriterionType, DecisionMatrix, matrix, toMatrix } from "../../../src/engine/mcda/matrix";
import {
  MOORA_REFERENCE_EXAMPLE,
  MULTIMOORA_EXAMPLE,
  RANKING_EXAMPLES,
  SPOTIS_BOUNDS,
  WSM_WPM,
} from "../../fixtures/mcda-examples";
import { refusal } from "./refusal";

/** Agreement to the printed digits: |actual − expected| ≤ half a unit in the last printed place. */
function expectDigits(actual: ArrayLike<number>, expected: number[], digits: number): void {
  expect(Array.from(actual).map((x) => Number(x.toFixed(digits)))).toEqual(expected);
}

const T = (...xs: number[]): CriterionType[] => xs as CriterionType[];

describe("published examples, as pymcdm's and JMcDM's tests print them", () => {
  const run: Record<
    string,
    (m: DecisionMatrix, w: number[], t: CriterionType[]) => ArrayLike<number>
  > = {
    aras,
    cocoso,
    codas,
    edas,
    mabac,
    marcos,
    moora,
    promethee: (m, w, t) => promethee(m, w, t).net,
    spotis: (m, w, t) => spotis(m, w, t, { bounds: SPOTIS_BOUNDS }),
    waspas: (m, w, t) => waspas(m, w, t, { rescaleWeights: false }),
  };

  test.each(Object.entries(RANKING_EXAMPLES).map(([name, e]) => [name, e.source, e] as const))(
    "%s: %s",
    (name, _source, e) => {
      expectDigits(run[name](toMatrix(e.matrix), e.weights, e.types), e.expected, e.digits);
    }
  );

  test("ARAS with optimal values and cost criteria: Zavadskas & Turskis (2010), TEDE 16(2)", () => {
    const m = toMatrix([
      [7.6, 46, 18, 390, 0.1, 11],
      [5.5, 32, 21, 360, 0.05, 11],
      [5.3, 32, 21, 290, 0.05, 11],
      [5.7, 37, 19, 270, 0.05, 9],
      [4.2, 38, 19, 240, 0.1, 8],
      [4.4, 38, 19, 260, 0.1, 8],
      [3.9, 42, 16, 270, 0.1, 5],
      [7.9, 44, 20, 400, 0.05, 6],
      [8.1, 44, 20, 380, 0.05, 6],
      [4.5, 46, 18, 320, 0.1, 7],
      [5.7, 48, 20, 320, 0.05, 11],
      [5.2, 48, 20, 310, 0.05, 11],
      [7.1, 49, 19, 280, 0.1, 12],
      [6.9, 50, 16, 250, 0.05, 10],
    ]);
    const w = [0.21, 0.16, 0.26, 0.17, 0.12, 0.08];
    // pymcdm notes its values differ slightly from the paper's (rounding in the paper).
    expectDigits(
      aras(m, w, T(1, 1, 1, 1, -1, -1), { optimal: [15, 50, 24.5, 400, 0.05, 5] }),
      [
        0.6706, 0.6564, 0.6269, 0.6315, 0.5464, 0.558, 0.5658, 0.7762, 0.7734, 0.6003, 0.6772,
        0.6628, 0.6334, 0.6511,
      ],
      4
    );
  });
  test("COPRAS: jbytecode/JMcDM test/mcdm/testcopras.jl (commit 87bbb34e0dc0468ddb311310f0a7b54d1d374633)", () => {
    // Q = S⁺ + ΣS⁻ / (S⁻ · Σ 1/S⁻) (Zavadskas, Kaklauskas & Šarka 1994), as JMcDM computes it.
    // pymcdm's COPRAS reduces to Q = S⁺ + S⁻ and disagrees (see docs/functions.md).
    const m = toMatrix([
      [2.5, 240, 57, 45, 1.1, 0.333333],
      [2.5, 285, 60, 75, 4.0, 0.428571],
      [4.5, 320, 100, 65, 7.5, 1.111111],
      [4.5, 365, 100, 90, 7.5, 1.111111],
      [5.0, 400, 100, 90, 11.0, 1.111111],
      [2.5, 225, 60, 45, 1.1, 0.333333],
      [2.5, 270, 57, 60, 4.0, 0.428571],
      [4.5, 330, 100, 70, 7.5, 1.111111],
      [4.5, 365, 100, 80, 7.5, 1.111111],
      [5.0, 380, 110, 65, 8.0, 1.111111],
      [2.5, 285, 65, 80, 4.0, 0.4],
      [4.0, 280, 75, 65, 4.0, 0.4],
      [4.5, 365, 102, 95, 7.5, 1.111111],
      [4.5, 400, 102, 95, 7.5, 1.111111],
      [6.0, 450, 110, 95, 11.0, 1.176471],
      [6.0, 510, 110, 105, 11.0, 1.176471],
      [6.0, 330, 140, 110, 18.5, 1.395349],
      [2.5, 240, 65, 80, 4.0, 0.4],
      [4.0, 280, 75, 75, 4.0, 0.4],
      [4.5, 355, 102, 95, 7.5, 1.111111],
      [4.5, 385, 102, 90, 7.5, 1.111111],
      [5.0, 385, 114, 95, 7.5, 1.0],
      [6.0, 400, 110, 90, 11.0, 1.0],
      [6.0, 480, 110, 95, 15.0, 1.0],
      [6.0, 440, 140, 100, 18.5, 1.2],
      [6.0, 500, 140, 100, 18.5, 1.2],
      [5.0, 450, 125, 100, 15.0, 1.714286],
      [6.0, 500, 150, 125, 18.5, 1.714286],
      [6.0, 515, 180, 140, 22.0, 2.307692],
      [7.0, 550, 200, 150, 30.0, 2.307692],
      [6.0, 500, 180, 140, 15.0, 2.307692],
      [6.0, 500, 180, 140, 18.5, 2.307692],
      [6.0, 500, 180, 140, 22.0, 2.307692],
      [7.0, 500, 180, 140, 30.0, 2.307692],
      [7.0, 500, 200, 140, 37.0, 2.307692],
      [7.0, 500, 200, 140, 45.0, 2.307692],
      [7.0, 500, 200, 140, 55.0, 2.307692],
      [7.0, 500, 200, 140, 75.0, 2.307692],
    ]);
    const expected = [
      0.44194, 0.44395, 0.41042, 0.44403, 0.48177, 0.44074, 0.4243, 0.41737, 0.43474, 0.44382,
      0.46625, 0.48602, 0.45019, 0.45825, 0.51953, 0.54265, 0.56134, 0.45588, 0.49532, 0.44788,
      0.45014, 0.48126, 0.51586, 0.56243, 0.58709, 0.60091, 0.5185, 0.61085, 0.65888, 0.7565,
      0.6143, 0.63486, 0.65542, 0.72065, 0.7768, 0.82379, 0.88253, 1,
    ];
    const got = copras(m, new Array(6).fill(0.1667), T(1, 1, 1, 1, 1, -1));
    expected.forEach((e, i) => expect(Math.abs(got[i] - e)).toBeLessThanOrEqual(1e-4)); // JMcDM's atol
  });
  test("PROMETHEE II, linear and V-shape criteria: jbytecode/JMcDM test/mcdm/testpromethee.jl (commit 87bbb34e)", () => {
    const m = toMatrix([
      [42, 35, 43, 51],
      [89, 72, 92, 85],
      [14, 85, 17, 40],
      [57, 60, 45, 80],
      [48, 32, 43, 40],
      [71, 45, 60, 85],
      [69, 40, 72, 55],
      [64, 35, 70, 60],
    ]);
    const r = promethee(m, [0.25, 0.35, 0.22, 0.18], T(1, 1, 1, 1), {
      preference: ["linear", "vshape", "linear", "linear"],
      q: [49, 0, 45, 30],
      p: [100, 98, 95, 80],
    });
    // JMcDM's scores are φ⁻ − φ⁺ (entering minus leaving flow, its src/promethee.jl), the negative of
    // PROMETHEE II's net flow: its "best" alternative 5 is dominated by alternative 2 on every criterion.
    const jmcdm = [0.07, -0.15, -0.06, -0.05, 0.1, 0.0, 0.03, 0.06];
    jmcdm.forEach((e, i) => expect(Math.abs(-r.net[i] - e)).toBeLessThanOrEqual(0.005)); // JMcDM's atol
  });
  test("SPOTIS with an expected solution point: Dezert et al. (2020), pymcdm TestSPOTIS2", () => {
    const cars = toMatrix([
      [15000, 4.3, 99, 42, 737],
      [15290, 5.0, 116, 42, 892],
      [15350, 5.0, 114, 45, 952],
      [15490, 5.3, 123, 45, 1120],
    ]);
    const carBounds: [number, number][] = [
      [14000, 16000],
      [3, 8],
      [80, 140],
      [35, 60],
      [650, 1300],
    ];
    expectDigits(
      spotis(cars, [0.2941, 0.2353, 0.2353, 0.0588, 0.1765], T(-1, -1, -1, 1, 1), {
        bounds: carBounds,
        esp: [15300, 4, 115, 50, 900],
      }),
      [0.1841, 0.0734, 0.0842, 0.192],
      4
    );
  });

  test("WSM and WPM with sum normalisation and unscaled weights (pymcdm TestWSM, TestWPM)", () => {
    const o = { normalization: "sum", rescaleWeights: false } as const;
    const m = toMatrix(WSM_WPM.matrix);
    expectDigits(weightedSum(m, WSM_WPM.weights, WSM_WPM.types, o), WSM_WPM.wsm, 3);
    expectDigits(weightedProduct(m, WSM_WPM.weights, WSM_WPM.types, o), WSM_WPM.wpm, 3);
  });
});

describe("degenerate inputs, one by one", () => {
  const W = [0.5, 0.3, 0.2];
  const T3 = T(1, -1, 1);
  // Column 2 constant; rows 1 and 3 identical (a tie).
  const CONSTANT = toMatrix([
    [3, 5, 2],
    [1, 5, 4],
    [3, 5, 2],
    [2, 5, 3],
  ]);
  const WITHOUT = toMatrix([
    [3, 2],
    [1, 4],
    [3, 2],
    [2, 3],
  ]);
  const W2 = [0.5, 0.2];
  const T2 = T(1, 1);

  const methods = {
    promethee: (m: typeof CONSTANT, w: number[], t: CriterionType[]) => promethee(m, w, t).net,
    edas,
    moora,
    mabac,
    aras,
    codas,
    marcos,
    spotis,
    cocoso,
    waspas,
  } as const;

  test.each(Object.keys(methods))("%s: tied alternatives get equal scores", (name) => {
    const s = methods[name as keyof typeof methods](CONSTANT, W, T3);
    expect(s[0]).toBeCloseTo(s[2], 12);
  });

  test.each(["promethee", "moora", "mabac", "spotis", "codas"])(
    "%s: a constant column changes no score difference (it separates nobody)",
    (name) => {
      const f = methods[name as keyof typeof methods];
      const a = f(CONSTANT, W, T3);
      const b = f(WITHOUT, W2, T2);
      // Weights are rescaled (0.5, 0.3, 0.2 → the constant's 0.3 drops out of 0.5 : 0.2 only as a scale),
      // so compare the order and the ratios of differences.
      const ratio = (x: ArrayLike<number>) => (x[1] - x[3]) / (x[0] - x[3]);
      expect(ratio(a)).toBeCloseTo(ratio(b), 9);
    }
  );

  test("a single alternative", () => {
    const one = toMatrix([[3, 5, 2]]);
    expect(Array.from(promethee(one, W, T3).net)).toEqual([0]);
    expect(edas(one, W, T3)[0]).toBe(0.5); // neither above nor below its own average
    expect(aras(one, W, T3)[0]).toBeCloseTo(1, 12); // it is the optimal alternative
    // Ideal = anti-ideal = itself: K⁺ = K⁻ = 1, f(K⁺) = f(K⁻) = 1/2, f(K) = 2 / (1 + 1 + 1).
    expect(marcos(one, W, T3)[0]).toBeCloseTo(2 / 3, 12);
    expect(spotis(one, W, T3)[0]).toBe(0); // bounds collapse to its values: nothing to travel
    expect(copras(one, W, T3)[0]).toBe(1);
    // Every column constant → r = 1: S = 1, P = 3, k_a = 1, k_b = 2, k_c = 1, k = ∛2 + 4/3.
    expect(cocoso(one, W, T3)[0]).toBeCloseTo(Math.cbrt(2) + 4 / 3, 12);
  });

  test("zeros: refused where a method divides by them, by position", () => {
    const zero = toMatrix([
      [3, 0, 2],
      [1, 5, 4],
    ]);
    expect(() => marcos(zero, W, T3)).toThrow(
      "matrix row 1, column 2: linear normalisation needs values > 0, got 0"
    );
    expect(() => codas(zero, W, T3)).toThrow("row 1, column 2");
    expect(() =>
      edas(
        toMatrix([
          [0, 1],
          [0, 2],
        ]),
        [1, 1]
      )
    ).toThrow("EDAS cannot be computed: the average of column 1 is 0");
    expect(() =>
      copras(
        toMatrix([
          [1, 0],
          [2, 0],
        ]),
        [1, 1],
        T(1, -1)
      )
    ).toThrow("row 1");
    // A zero in a benefit column is fine where nothing divides by it.
    expect(
      Array.from(
        moora(
          toMatrix([
            [0, 1],
            [2, 1],
          ]),
          [1, 1]
        )
      ).every(Number.isFinite)
    ).toBe(true);
  });

  test("CoCoSo: an alternative worst on every criterion is refused; PROMETHEE thresholds are checked", () => {
    expect(() =>
      cocoso(
        toMatrix([
          [1, 1],
          [2, 2],
        ]),
        [1, 1]
      )
    ).toThrow("worst on every criterion");
    expect(() =>
      promethee(CONSTANT, W, T3, { preference: "linear", q: [1, 1, 1], p: [1, 2, 2] })
    ).toThrow(
      "p item 1: the preference threshold p must exceed the indifference threshold q (1 ≤ 1)"
    );
    expect(() => promethee(CONSTANT, W, T3, { preference: "gaussian", s: [0, 1, 1] })).toThrow(
      "s item 1: must be > 0"
    );
  });

  test("CODAS: the O(n log n) window gives what the pairwise definition gives", () => {
    // Pairwise definition (Keshavarz Ghorabaee et al. 2016) on a matrix with near-equal distances.
    const m = toMatrix([
      [10, 20],
      [10.1, 20],
      [12, 25],
      [10.05, 20.1],
      [15, 18],
    ]);
    const w = [0.6, 0.4];
    const got = codas(m, w, T(1, 1), { tau: 0.02 });
    const r = [0, 1, 2, 3, 4].map((i) =>
      [m.data[2 * i] / 15, m.data[2 * i + 1] / 25].map((x, j) => x * w[j])
    );
    const nis = [0, 1].map((j) => Math.min(...r.map((x) => x[j])));
    const e = r.map((x) => Math.hypot(x[0] - nis[0], x[1] - nis[1]));
    const t = r.map((x) => Math.abs(x[0] - nis[0]) + Math.abs(x[1] - nis[1]));
    const h = e.map((ei, i) =>
      e.reduce((s, ek, k) => s + (ei - ek) + (Math.abs(ei - ek) >= 0.02 ? t[i] - t[k] : 0), 0)
    );
    h.forEach((x, i) => expect(got[i]).toBeCloseTo(x, 12));
  });

  test("SPOTIS: adding an alternative changes nobody else's score (no rank reversal)", () => {
    const bounds: [number, number][] = [
      [0, 10],
      [0, 10],
      [0, 10],
    ];
    const a = spotis(CONSTANT, W, T3, { bounds });
    const more = toMatrix([
      ...Array.from({ length: 4 }, (_, i) => Array.from(CONSTANT.data.slice(3 * i, 3 * i + 3))),
      [9, 1, 9],
    ]);
    const b = spotis(more, W, T3, { bounds });
    Array.from(a).forEach((x, i) => expect(b[i]).toBe(x));
  });
});

describe("MULTIMOORA", () => {
  test("Karabasevic et al. (2015), as pyrepo-mcda's Test_MULTIMOORA prints it: all three scores and the final ranking", () => {
    const e = MULTIMOORA_EXAMPLE;
    // Weights as given (they sum to 0.999), as pyrepo-mcda passes them.
    const r = multimoora(toMatrix(e.matrix), e.weights, e.types, { rescaleWeights: false });
    expectDigits(r.ratio, e.ratio, 3);
    expectDigits(r.reference, e.reference, 3);
    // To 9 decimals, as pyrepo-mcda checks it: the paper multiplies w·r rounded to 3 decimals, so its
    // products sit 0.67 % above the exact ones (3.876e-9 against 3.850e-9), the same factor for all three.
    expectDigits(
      r.product,
      e.product.map((x) => Number(x.toFixed(9))),
      9
    );
    expect(r.product[0] / r.product[2]).toBeCloseTo(e.product[0] / e.product[2], 3);
    expect(Array.from(r.rank)).toEqual(e.rank);
  });

  test("the reference point is JMcDM's MOORA reference method (Celikbilek 2018), full precision", () => {
    const e = MOORA_REFERENCE_EXAMPLE;
    const r = multimoora(toMatrix(e.matrix), e.weights, e.types).reference;
    e.expected.forEach((x, i) => expect(r[i]).toBeCloseTo(x, 14));
  });

  test("cost criteria: divided out of the product, measured from the column minimum", () => {
    // Two criteria, the second a cost. Vector norms √(1+4) and √(4+1): r = (1, 2)/√5 and (2, 1)/√5.
    const r = multimoora(
      toMatrix([
        [1, 2],
        [2, 1],
      ]),
      [0.5, 0.5],
      T(1, -1)
    );
    // Alternative 2 is better on both: more benefit, less cost.
    expect(r.ratio[1]).toBeCloseTo((0.5 * (2 - 1)) / Math.sqrt(5), 14);
    expect(r.reference[0]).toBeCloseTo(0.5 / Math.sqrt(5), 14);
    expect(r.reference[1]).toBe(0);
    expect(r.product[1] / r.product[0]).toBeCloseTo(4, 12); // (2/1) / (1/2)
    expect(Array.from(r.rank)).toEqual([2, 1]);
  });

  test("degenerate inputs: identical alternatives tie; a single alternative ranks 1; a zero weight leaves its criterion out; zero costs are refused by position", () => {
    const same = multimoora(
      toMatrix([
        [2, 3],
        [2, 3],
      ]),
      [1, 1],
      T(1, -1)
    );
    expect(Array.from(same.rank)).toEqual([1, 1]);
    expect(same.product[0]).toBe(same.product[1]);
    expect(Array.from(multimoora(toMatrix([[4, 9]]), [1, 1], T(1, -1)).rank)).toEqual([1]);
    const zeroWeight = multimoora(
      toMatrix([
        [1, 5],
        [2, 0],
      ]),
      [1, 0]
    );
    expect(zeroWeight.product[1] / zeroWeight.product[0]).toBeCloseTo(2, 12);
    expect(() =>
      multimoora(
        toMatrix([
          [1, 5],
          [2, 0],
        ]),
        [1, 1],
        T(1, -1)
      )
    ).toThrow(
      "matrix row 2, column 2: MULTIMOORA's full multiplicative form needs values > 0 (cost criterion), got 0"
    );
    expect(() =>
      multimoora(
        toMatrix([
          [-1, 5],
          [2, 1],
        ]),
        [1, 1]
      )
    ).toThrow("row 1, column 1");
  });

  test("dominance: a circle of majorities ends in a tie; a dominator of all ranks first", () => {
    // Three rankings in a Condorcet circle: a > b > c > a by 2 of 3 each.
    expect(
      Array.from(
        dominanceRanks([
          [1, 2, 3],
          [2, 3, 1],
          [3, 1, 2],
        ])
      )
    ).toEqual([1, 1, 1]);
    expect(
      Array.from(
        dominanceRanks([
          [1, 2, 3],
          [1, 3, 2],
          [2, 1, 3],
        ])
      )
    ).toEqual([1, 2, 3]);
  });
});

describe("PROMETHEE's preference functions and thresholds, by hand", () => {
  /** P(d) for one criterion: the leaving flow of [d] over [0] (two alternatives, weight 1). */
  const P = (d: number, options: Parameters<typeof promethee>[3]) =>
    promethee(toMatrix([[d], [0]]), [1], T(1), options).plus[0];

  test.each<[string, Parameters<typeof promethee>[3], [number, number][]]>([
    [
      "usual",
      {},
      [
        [0, 0],
        [0.5, 1],
      ],
    ],
    [
      "ushape",
      { preference: "ushape", q: [1] },
      [
        [0.5, 0],
        [1, 0],
        [1.5, 1],
      ],
    ],
    [
      "vshape",
      { preference: "vshape", p: [2] },
      [
        [1, 0.5],
        [2, 1],
        [3, 1],
      ],
    ],
    [
      "level",
      { preference: "level", q: [1], p: [3] },
      [
        [1, 0],
        [1.5, 0.5],
        [3, 0.5],
        [3.5, 1],
      ],
    ],
    [
      "linear",
      { preference: "linear", q: [1], p: [3] },
      [
        [1, 0],
        [2, 0.5],
        [3, 1],
        [4, 1],
      ],
    ],
    [
      "linear with q = 0",
      { preference: "linear", q: [0], p: [2] },
      [
        [1, 0.5],
        [2, 1],
      ],
    ],
    [
      "gaussian",
      { preference: "gaussian", s: [2] },
      [
        [2, 1 - Math.exp(-0.5)],
        [4, 1 - Math.exp(-2)],
      ],
    ],
  ])("%s", (_, options, points) => {
    for (const [d, want] of points) expect([d, P(d, options)]).toEqual([d, want]);
  });

  test.each<[string, Parameters<typeof promethee>[3], string, string, string]>([
    [
      "a threshold not given",
      { preference: ["usual", "ushape"] },
      "q",
      "q：第 2 个指标的偏好函数需要阈值 q",
      "q: the preference function of criterion 2 needs the threshold q",
    ],
    [
      "a blank threshold",
      { preference: ["usual", "vshape"], p: [1, NaN] },
      "p",
      "p 第 2 项：第 2 个指标的偏好函数需要阈值 p，此处为空",
      "p item 2: the preference function of criterion 2 needs the threshold p, which is blank",
    ],
    [
      "q below 0",
      { preference: "ushape", q: [1, -1] },
      "q",
      "q 第 2 项：阈值应≥ 0，实为 -1",
      "q item 2: must be ≥ 0, got -1",
    ],
    [
      "p of 0",
      { preference: "vshape", p: [1, 0] },
      "p",
      "p 第 2 项：阈值应＞ 0，实为 0",
      "p item 2: must be > 0, got 0",
    ],
    [
      "p not above q",
      { preference: ["usual", "level"], q: [0, 2], p: [1, 2] },
      "p",
      "p 第 2 项：偏好阈值 p 应大于无差异阈值 q（2 ≤ 2）",
      "p item 2: the preference threshold p must exceed the indifference threshold q (2 ≤ 2)",
    ],
    [
      "one function per criterion",
      { preference: ["usual"] },
      "preference",
      "preference：有 1 项，但矩阵有 2 个指标（列）",
      "preference: has 1 entries but the matrix has 2 criteria (columns)",
    ],
  ])("refused: %s", (_, options, argument, zh, en) => {
    const m = toMatrix([
      [1, 2],
      [3, 4],
    ]);
    expect(refusal(() => promethee(m, [1, 1], T(1, 1), options))).toEqual({ argument, zh, en });
  });
});

describe("SPOTIS' bounds", () => {
  const m = toMatrix([
    [2, 10],
    [5, 4],
  ]);
  const run = (bounds: [number, number][], esp?: number[]) =>
    refusal(() => spotis(m, [1, 1], T(1, -1), { bounds, esp }));

  test.each<[string, [number, number][], string, string, string]>([
    [
      "min above max",
      [
        [0, 10],
        [5, 1],
      ],
      "bounds",
      "bounds 第 2 项：下界应不大于上界（5, 1）",
      "bounds item 2: min must not exceed max (5, 1)",
    ],
    [
      "an infinite min",
      [
        [-Infinity, 10],
        [0, 10],
      ],
      "bounds",
      "bounds 第 1 项：下界应不大于上界（-Infinity, 10）",
      "bounds item 1: min must not exceed max (-Infinity, 10)",
    ],
    [
      "an infinite max",
      [
        [0, 10],
        [0, Infinity],
      ],
      "bounds",
      "bounds 第 2 项：下界应不大于上界（0, Infinity）",
      "bounds item 2: min must not exceed max (0, Infinity)",
    ],
    [
      "a value below its min, after one on it",
      [
        [3, 10],
        [0, 10],
      ],
      "matrix",
      "matrix 第 1 行第 1 列：2 超出该指标的界限 [3, 10]",
      "matrix row 1, column 1: 2 is outside the criterion's bounds [3, 10]",
    ],
    [
      "a value above its max, after one on it",
      [
        [0, 10],
        [0, 9],
      ],
      "matrix",
      "matrix 第 1 行第 2 列：10 超出该指标的界限 [0, 9]",
      "matrix row 1, column 2: 10 is outside the criterion's bounds [0, 9]",
    ],
    [
      "a value below its min in a later row",
      [
        [2, 10],
        [5, 10],
      ],
      "matrix",
      "matrix 第 2 行第 2 列：4 超出该指标的界限 [5, 10]",
      "matrix row 2, column 2: 4 is outside the criterion's bounds [5, 10]",
    ],
    [
      "a value above its max in a later row",
      [
        [2, 4],
        [4, 10],
      ],
      "matrix",
      "matrix 第 2 行第 1 列：5 超出该指标的界限 [2, 4]",
      "matrix row 2, column 1: 5 is outside the criterion's bounds [2, 4]",
    ],
    [
      "one pair per criterion",
      [[0, 10]],
      "bounds",
      "bounds：有 1 项，但矩阵有 2 个指标（列）",
      "bounds: has 1 entries but the matrix has 2 criteria (columns)",
    ],
  ])("refused: %s", (_, bounds, argument, zh, en) => {
    expect(run(bounds)).toEqual({ argument, zh, en });
  });

  test("values on their bounds, and bounds that coincide, are taken", () => {
    // Column 1 from 2 to 5 on bounds [2, 5]; column 2 on [4, 10]. d = |x − s*| / range, s* the ideal.
    expect(
      Array.from(
        spotis(m, [1, 1], T(1, -1), {
          bounds: [
            [2, 5],
            [4, 10],
          ],
        })
      )
    ).toEqual([0.5 * (3 / 3) + 0.5 * (6 / 6), 0]);
    const flat = toMatrix([
      [3, 1],
      [3, 2],
    ]);
    expect(
      Array.from(
        spotis(flat, [1, 1], T(1, 1), {
          bounds: [
            [3, 3],
            [0, 2],
          ],
        })
      )
    ).toEqual([0.25, 0]);
    expect(
      run(
        [
          [0, 10],
          [0, 10],
        ],
        [1]
      )
    ).toEqual({
      argument: "esp",
      zh: "esp：有 1 项，但矩阵有 2 个指标（列）",
      en: "esp: has 1 entries but the matrix has 2 criteria (columns)",
    });
  });
});

describe("COPRAS, EDAS, MOORA, MULTIMOORA, MARCOS, ARAS, CODAS: the cases each handles itself", () => {
  test("COPRAS: an alternative whose costs are all 0 is refused by row; without costs Q = S⁺", () => {
    const m = toMatrix([
      [1, 0],
      [2, 3],
    ]);
    expect(refusal(() => copras(m, [1, 1], T(1, -1)))).toEqual({
      argument: "matrix",
      zh: "matrix 第 1 行：COPRAS无法计算：该方案的成本项之和为 0",
      en: "matrix row 1: COPRAS cannot be computed: this alternative's cost sum is 0",
    });
    // d = w · x / Σx: S⁺ = 0.25·(1/3) + 0.75·(0/3), 0.25·(2/3) + 0.75·(3/3); N = S⁺ / max S⁺.
    const s = [0.25 / 3, 0.5 / 3 + 0.75];
    expect(Array.from(copras(m, [0.25, 0.75], T(1, 1)))).toEqual([s[0] / s[1], 1]);
  });

  test("COPRAS: unequal weights weigh each column's share", () => {
    // S⁺ = 0.8·x₁/Σx₁, S⁻ = 0.2·x₂/Σx₂; Q = S⁺ + ΣS⁻ / (S⁻ · Σ 1/S⁻).
    const m = toMatrix([
      [1, 1],
      [3, 4],
    ]);
    const sp = [0.8 / 4, 2.4 / 4];
    const sm = [0.2 / 5, 0.8 / 5];
    const q = sp.map((x, i) => x + (sm[0] + sm[1]) / (sm[i] * (1 / sm[0] + 1 / sm[1])));
    const got = copras(m, [0.8, 0.2], T(1, -1));
    [q[0] / Math.max(...q), q[1] / Math.max(...q)].forEach((x, i) =>
      expect(got[i]).toBeCloseTo(x, 14)
    );
  });

  test("EDAS refuses a column averaging 0 in both languages", () => {
    expect(
      refusal(() =>
        edas(
          toMatrix([
            [1, 0],
            [3, 0],
          ]),
          [1, 1]
        )
      )
    ).toEqual({
      argument: "matrix",
      zh: "matrix：EDAS无法计算：第 2 列的平均值为 0",
      en: "matrix: EDAS cannot be computed: the average of column 2 is 0",
    });
  });

  test("MOORA and MULTIMOORA: an all-zero benefit column adds nothing", () => {
    const m = toMatrix([
      [3, 0],
      [4, 0],
    ]);
    const ratio = moora(m, [0.5, 0.5]);
    [0.5 * 0.6, 0.5 * 0.8].forEach((x, i) => expect(ratio[i]).toBeCloseTo(x, 15));
    const r = multimoora(m, [0.5, 0.5]);
    expect(Array.from(r.reference)).toEqual([0.5 * (1 / 5), 0]);
    expect(Array.from(r.product)).toEqual([0, 0]);
  });

  test("MULTIMOORA: the same scores from a bare matrix as from toMatrix's, which carries its sums", () => {
    const rows = [
      [3, 2, 5],
      [1, 4, 2],
      [2, 3, 4],
    ];
    const bare = matrix(3, 3, Float64Array.from(rows.flat()));
    const a = multimoora(bare, [0.5, 0.3, 0.2], T(1, -1, 1));
    const b = multimoora(toMatrix(rows), [0.5, 0.3, 0.2], T(1, -1, 1));
    expect([a.ratio, a.reference, a.product].map((x) => Array.from(x))).toEqual(
      [b.ratio, b.reference, b.product].map((x) => Array.from(x))
    );
  });

  test.each<[string, number[][], CriterionType[], string, string]>([
    [
      "a cost value of 0",
      [
        [1, 0],
        [2, 3],
      ],
      T(1, -1),
      "matrix 第 1 行第 2 列：MULTIMOORA 全乘形式要求数值 > 0（成本型），实为 0",
      "matrix row 1, column 2: MULTIMOORA's full multiplicative form needs values > 0 (cost criterion), got 0",
    ],
    [
      "a negative benefit value",
      [
        [1, 1],
        [-2, 3],
      ],
      T(1, 1),
      "matrix 第 2 行第 1 列：MULTIMOORA 全乘形式要求数值 ≥ 0，实为 -2",
      "matrix row 2, column 1: MULTIMOORA's full multiplicative form needs values ≥ 0, got -2",
    ],
  ])("MULTIMOORA refuses %s", (_, rows, t, zh, en) => {
    expect(refusal(() => multimoora(toMatrix(rows), [1, 1], t))).toEqual({
      argument: "matrix",
      zh,
      en,
    });
  });

  test("MARCOS depends on the weights' ratios only, also when they are not rescaled", () => {
    const m = toMatrix([
      [3, 2],
      [1, 4],
      [2, 3],
    ]);
    const scaled = marcos(m, [2, 6], T(1, -1), { rescaleWeights: false });
    const unit = marcos(m, [0.25, 0.75], T(1, -1));
    Array.from(unit).forEach((x, i) => expect(scaled[i]).toBeCloseTo(x, 14));
  });

  test("ARAS: one optimal value per criterion", () => {
    expect(refusal(() => aras(toMatrix([[1, 2]]), [1, 1], T(1, 1), { optimal: [1] }))).toEqual({
      argument: "optimal",
      zh: "optimal：有 1 项，但矩阵有 2 个指标（列）",
      en: "optimal: has 1 entries but the matrix has 2 criteria (columns)",
    });
  });

  test("CODAS: a difference of exactly τ counts the taxicab distance too (ψ = 1 when |E_i − E_k| ≥ τ)", () => {
    // One column, linear: r = 0.25, 0.5, 1, so E = T = 0, 0.25, 0.75, each pair at least τ = 0.25 apart.
    const got = codas(toMatrix([[1], [2], [4]]), [1], T(1), { tau: 0.25 });
    expect(Array.from(got)).toEqual([-2, -0.5, 2.5]);
  });
});

describe("MABAC and CoCoSo over several blocks of rows, against their definitions", () => {
  // 5 rows × 700 columns: blocks of 2 rows (logBlockRows), so three blocks, the last one short.
  const rows = 5;
  const cols = 700;
  const cells = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => 1 + ((i * 7 + j * 13) % 11))
  );
  const types = Array.from({ length: cols }, (_, j) => (j % 3 === 0 ? -1 : 1)) as CriterionType[];
  const raw = Array.from({ length: cols }, (_, j) => (j % 5 === 4 ? 0 : 1 + (j % 4)));
  const total = raw.reduce((a, x) => a + x, 0);
  const w = raw.map((x) => x / total);
  /** Min–max r per cell (cost reversed). */
  const r = cells.map((row) =>
    row.map((x, j) => {
      const col = cells.map((c) => c[j]);
      const lo = Math.min(...col);
      const hi = Math.max(...col);
      return hi === lo ? 1 : types[j] === 1 ? (x - lo) / (hi - lo) : (hi - x) / (hi - lo);
    })
  );

  test("MABAC: Σ_j (v_ij − g_j), v = w (r + 1), g_j the geometric mean of v over the rows", () => {
    const v = r.map((row) => row.map((x, j) => w[j] * (x + 1)));
    const g = w.map((_, j) =>
      Math.pow(
        v.reduce((p, row) => p * row[j], 1),
        1 / rows
      )
    );
    const want = v.map((row) => row.reduce((s, x, j) => s + x - g[j], 0));
    const got = mabac(toMatrix(cells), w, types);
    want.forEach((x, i) => expect(got[i]).toBeCloseTo(x, 10));
  });

  test("CoCoSo: k from S = Σ w r and P = Σ r^w (0^0 = 1)", () => {
    const S = r.map((row) => row.reduce((s, x, j) => s + w[j] * x, 0));
    const P = r.map((row) => row.reduce((s, x, j) => s + Math.pow(x, w[j]), 0));
    const sum = S.reduce((a, s, i) => a + s + P[i], 0);
    const [sMin, sMax, pMin, pMax] = [
      Math.min(...S),
      Math.max(...S),
      Math.min(...P),
      Math.max(...P),
    ];
    const want = S.map((s, i) => {
      const ka = (P[i] + s) / sum;
      const kb = s / sMin + P[i] / pMin;
      const kc = (0.5 * s + 0.5 * P[i]) / (0.5 * sMax + 0.5 * pMax);
      return Math.cbrt(ka * kb * kc) + (ka + kb + kc) / 3;
    });
    const got = cocoso(toMatrix(cells), w, types);
    want.forEach((x, i) => expect(got[i]).toBeCloseTo(x, 9));
  });

  test("CoCoSo refuses an alternative worst everywhere, and a λ outside [0, 1], in both languages", () => {
    expect(
      refusal(() =>
        cocoso(
          toMatrix([
            [1, 1],
            [2, 2],
          ]),
          [1, 1]
        )
      )
    ).toEqual({
      argument: "matrix",
      zh: "matrix：CoCoSo无法计算：某方案在每个指标上都最差，S 的最小值为 0",
      en: "matrix: CoCoSo cannot be computed: an alternative is worst on every criterion, so min S is 0",
    });
    expect(refusal(() => cocoso(toMatrix([[1], [2]]), [1], T(1), { lambda: 2 }))).toEqual({
      argument: "lambda",
      zh: "lambda：应在 0 到 1 之间，实为 2",
      en: "lambda: must be between 0 and 1, got 2",
    });
  });
});
