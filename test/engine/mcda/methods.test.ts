/**
 * PROMETHEE II, EDAS, MOORA, COPRAS, WASPAS, WPM/WSM conventions, MABAC, ARAS, CODAS, MARCOS, SPOTIS
 * and CoCoSo against the published worked examples that pymcdm's own tests reproduce
 * (kotbaton/pymcdm test/test_mcdm.py at commit 76e773513ae9a259522e2289b271967f07a1d418; each test
 * cites the paper as pymcdm does), then degenerate inputs one by one.
 */
import {
  aras,
  cocoso,
  codas,
  copras,
  edas,
  mabac,
  marcos,
  moora,
  promethee,
  spotis,
} from "../../../src/engine/mcda/methods";
import { waspas, weightedProduct, weightedSum } from "../../../src/engine/mcda/aggregate";
import { CriterionType, toMatrix } from "../../../src/engine/mcda/matrix";

/** Agreement to the printed digits: |actual − expected| ≤ half a unit in the last printed place. */
function expectDigits(actual: ArrayLike<number>, expected: number[], digits: number): void {
  expect(Array.from(actual).map((x) => Number(x.toFixed(digits)))).toEqual(expected);
}

const T = (...xs: number[]): CriterionType[] => xs as CriterionType[];

describe("published examples, as pymcdm's tests reproduce them", () => {
  test("ARAS: Stanujkic, Djordjevic & Karabasevic (2015), Quaestus 7", () => {
    const m = toMatrix([
      [4.64, 3.0, 3.0, 3.0, 2.88, 3.63],
      [4.0, 4.0, 4.64, 3.56, 3.63, 5.0],
      [3.3, 4.31, 3.3, 4.0, 3.3, 4.0],
      [2.62, 5.0, 4.22, 4.31, 5.0, 5.0],
    ]);
    const w = [0.28, 0.25, 0.19, 0.15, 0.08, 0.04];
    expectDigits(aras(m, w, T(1, 1, 1, 1, 1, 1)), [0.74, 0.86, 0.78, 0.86], 2);
  });

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

  test("CoCoSo: Yazdani, Zarate, Zavadskas & Turskis (2019), Management Decision", () => {
    const m = toMatrix([
      [60, 0.4, 2540, 500, 990],
      [6.35, 0.15, 1016, 3000, 1041],
      [6.8, 0.1, 1727.2, 1500, 1676],
      [10, 0.2, 1000, 2000, 965],
      [2.5, 0.1, 560, 500, 915],
      [4.5, 0.08, 1016, 350, 508],
      [3, 0.1, 1778, 1000, 920],
    ]);
    const w = [0.036, 0.192, 0.326, 0.326, 0.12];
    expectDigits(
      cocoso(m, w, T(1, -1, 1, 1, 1)),
      [2.041, 2.788, 2.882, 2.416, 1.299, 1.443, 2.519],
      3
    );
  });

  test("CODAS: Badi, Shetwan & Abdulshahed (2017), ICMNEE", () => {
    const m = toMatrix([
      [45, 3600, 45, 0.9],
      [25, 3800, 60, 0.8],
      [23, 3100, 35, 0.9],
      [14, 3400, 50, 0.7],
      [15, 3300, 40, 0.8],
      [28, 3000, 30, 0.6],
    ]);
    const w = [0.2857, 0.3036, 0.2321, 0.1786];
    expectDigits(
      codas(m, w, T(1, -1, 1, 1)),
      [1.3914, 0.3411, -0.217, -0.5381, -0.7292, -0.2481],
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

  test("EDAS: Yazdani, Torkayesh, Santibanez-Gonzalez & Otaghsara (2020), Sustainable Operations and Computers 1", () => {
    const m = toMatrix([
      [3873, 39.55, 0.27, 0.87, 150, 0.07, 12, 2130],
      [5067, 67.26, 0.23, 0.23, 40, 0.02, 21, 2200],
      [2213, 24.69, 0.08, 0.17, 200, 0.04, 35, 570],
      [6243, 132, 0.07, 0.25, 100, 0.04, 16, 100],
      [8312, 460.47, 0.05, 0.21, 25, 0.1, 25, 200],
    ]);
    const w = [0.131, 0.113, 0.126, 0.125, 0.126, 0.129, 0.132, 0.117];
    expectDigits(edas(m, w, T(-1, -1, -1, 1, 1, -1, 1, 1)), [0.841, 0.632, 0.883, 0.457, 0.104], 3);
  });

  test("MABAC: Pamučar & Ćirović (2015), Expert Systems with Applications 42(6)", () => {
    const m = toMatrix([
      [22600, 3800, 2, 5, 1.06, 3.0, 3.5, 2.8, 24.5, 6.5],
      [19500, 4200, 3, 2, 0.95, 3.0, 3.4, 2.2, 24, 7.0],
      [21700, 4000, 1, 3, 1.25, 3.2, 3.3, 2.5, 24.5, 7.3],
      [20600, 3800, 2, 5, 1.05, 3.25, 3.2, 2.0, 22.5, 11.0],
      [22500, 3800, 4, 3, 1.35, 3.2, 3.7, 2.1, 23, 6.3],
      [23250, 4210, 3, 5, 1.45, 3.6, 3.5, 2.8, 23.5, 7.0],
      [20300, 3850, 2, 5, 0.9, 3.25, 3.0, 2.6, 21.5, 6.0],
    ]);
    const w = [0.146, 0.144, 0.119, 0.121, 0.115, 0.101, 0.088, 0.068, 0.05, 0.048];
    expectDigits(
      mabac(m, w, T(-1, 1, 1, 1, -1, -1, 1, 1, 1, 1)),
      [0.0826, 0.2183, -0.0488, 0.0246, -0.0704, 0.0465, 0.0464],
      4
    );
  });

  test("MARCOS: Ulutaş et al. (2020), Mathematics 8(10), stackers", () => {
    const m = toMatrix([
      [660, 1000, 1600, 18, 1200],
      [800, 1000, 1600, 24, 900],
      [980, 1000, 2500, 24, 900],
      [920, 1500, 1600, 24, 900],
      [1380, 1500, 1500, 24, 1150],
      [1230, 1000, 1600, 24, 1150],
      [680, 1500, 1600, 18, 1100],
      [960, 2000, 1600, 12, 1150],
    ]);
    const w = [0.1061, 0.3476, 0.333, 0.1185, 0.0949];
    expectDigits(
      marcos(m, w, T(-1, 1, 1, 1, 1)),
      [0.5649, 0.5543, 0.641, 0.6174, 0.6016, 0.5453, 0.6282, 0.6543],
      4
    );
  });

  test("MOORA: Siregar et al. (2021), IOP Conf. Ser. Mater. Sci. Eng. 1088", () => {
    const m = toMatrix([
      [1.5, 3, 5, 3.3],
      [2, 7, 5, 3.35],
      [3, 1, 5, 3.07],
      [2.2, 4, 5, 3.5],
      [2, 5, 3, 3.09],
      [3.2, 2, 3, 3.48],
      [2.775, 3, 5, 3.27],
    ]);
    expectDigits(
      moora(m, [0.3, 0.2, 0.1, 0.4], T(-1, 1, 1, 1)),
      [0.1801, 0.2345, 0.0625, 0.1757, 0.1683, 0.0742, 0.1197],
      4
    );
  });

  test("PROMETHEE II, usual criterion: Zhao, Peng & Li (2013), Procedia Computer Science 17", () => {
    const m = toMatrix([
      [4, 3, 2],
      [3, 2, 4],
      [5, 1, 3],
    ]);
    expectDigits(promethee(m, [0.5, 0.3, 0.2], T(1, 1, 1)).net, [0.1, -0.3, 0.2], 2);
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

  test("SPOTIS: Dezert, Tchamova, Han & Tacnet (2020), FUSION — both examples", () => {
    const m = toMatrix([
      [10.5, -3.1, 1.7],
      [-4.7, 0, 3.4],
      [8.1, 0.3, 1.3],
      [3.2, 7.3, -5.3],
    ]);
    const bounds: [number, number][] = [
      [-5, 12],
      [-6, 10],
      [-8, 5],
    ];
    expectDigits(
      spotis(m, [0.2, 0.3, 0.5], T(1, -1, 1), { bounds }),
      [0.1989, 0.3705, 0.3063, 0.7491],
      4
    );
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

  test("WASPAS: Chakraborty, Zavadskas & Antucheviciene (2015), weights as given", () => {
    const m = toMatrix([
      [30, 23, 5, 0.745, 0.745, 1500, 5000],
      [18, 13, 15, 0.745, 0.745, 1300, 6000],
      [15, 12, 10, 0.5, 0.5, 950, 7000],
      [25, 20, 13, 0.745, 0.745, 1200, 4000],
      [14, 18, 14, 0.255, 0.745, 950, 3500],
      [17, 15, 9, 0.745, 0.5, 1250, 5250],
      [23, 18, 20, 0.5, 0.745, 1100, 3000],
      [16, 8, 14, 0.255, 0.5, 1500, 3000],
    ]);
    const w = [0.1181, 0.1181, 0.0445, 0.1181, 0.2861, 0.2861, 0.0445];
    expectDigits(
      waspas(m, w, T(1, 1, 1, 1, 1, -1, -1), { rescaleWeights: false }),
      [0.8329, 0.7884, 0.6987, 0.8831, 0.7971, 0.7036, 0.8728, 0.5749],
      4
    );
  });

  // pymcdm TestWSM / TestWPM: sum normalisation, weights 8/13 … used as given (they sum to 2).
  const WSM = toMatrix([
    [96, 83, 75, 7],
    [63, 5, 56, 9],
    [72, 30, 32, 48],
    [11, 4, 27, 9],
    [77, 21, 17, 11],
  ]);
  const WSM_W = [8 / 13, 5 / 13, 6 / 13, 7 / 13];
  test("WSM and WPM with sum normalisation and unscaled weights (pymcdm TestWSM, TestWPM)", () => {
    const o = { normalization: "sum", rescaleWeights: false } as const;
    expectDigits(
      weightedSum(WSM, WSM_W, T(1, 1, -1, -1), o),
      [0.609, 0.313, 0.334, 0.265, 0.479],
      3
    );
    expectDigits(
      weightedProduct(WSM, WSM_W, T(1, 1, -1, -1), o),
      [0.065, 0.017, 0.019, 0.007, 0.052],
      3
    );
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
