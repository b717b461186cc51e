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
import { CriterionType, DecisionMatrix, toMatrix } from "../../../src/engine/mcda/matrix";
import {
  MOORA_REFERENCE_EXAMPLE,
  MULTIMOORA_EXAMPLE,
  RANKING_EXAMPLES,
  SPOTIS_BOUNDS,
  WSM_WPM,
} from "../../fixtures/mcda-examples";

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
