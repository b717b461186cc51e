/**
 * The ranking methods at the ends of the double range and with a τ far below the distances: what the
 * worked examples in methods.test.ts never reach (issue 20, methods.ts's survivors). A quantity a
 * method divides by that underflows to 0 or overflows is refused saying which; CODAS keeps ties
 * inside its window however small τ is.
 */
import { codas, copras, edas, marcos } from "../../../src/engine/mcda/methods";
import { CriterionType, toMatrix } from "../../../src/engine/mcda/matrix";
import { refusal } from "./refusal";

const T = (...xs: number[]): CriterionType[] => xs as CriterionType[];

describe("a quantity a method divides by, refused as what it is", () => {
  test("EDAS and COPRAS: a quantity that overflows is refused as what it is, not as 0", () => {
    // Σx = 2e308 overflows: the average is ∞.
    expect(
      refusal(() =>
        edas(
          toMatrix([
            [1e308, 1],
            [1e308, 2],
          ]),
          [1, 1]
        )
      )
    ).toMatchObject({ en: "matrix: EDAS cannot be computed: the average of column 1 is Infinity" });
    // A subnormal column total: 1 / Σx overflows, so does every Q.
    expect(
      refusal(() =>
        copras(
          toMatrix([
            [1e-320, 1],
            [2e-320, 1],
          ]),
          [1, 1]
        )
      )
    ).toEqual({
      argument: "matrix",
      zh: "matrix：COPRAS无法计算：最大相对重要度 Q为 Infinity",
      en: "matrix: COPRAS cannot be computed: the largest relative significance Q is Infinity",
    });
  });

  test("MARCOS: an anti-ideal whose utility underflows to 0", () => {
    // n = x / AI: the anti-ideal's 1e-300 / 1e300 is below the smallest double.
    expect(refusal(() => marcos(toMatrix([[1e-300], [1e300]]), [1]))).toEqual({
      argument: "matrix",
      zh: "matrix：MARCOS无法计算：反理想解的效用为 0",
      en: "matrix: MARCOS cannot be computed: the anti-ideal's utility is 0",
    });
  });
});

describe("CODAS: ψ = 1 when |E_i − E_k| ≥ τ, computed as the definition does", () => {
  test("a tie in E stays inside the window however small τ is", () => {
    // w x / max = x / 16: E − E_min are (3, 4)/16 and (5, 0)/16, both 5/16 exactly, T 7/16 and 5/16.
    const rows = [
      [4, 5],
      [6, 1],
      [1, 1],
      [8, 8],
    ];
    const e = [5, 5, 0, Math.hypot(7, 7)].map((x) => x / 16);
    const t = [7, 5, 0, 14].map((x) => x / 16);
    for (const tau of [0.02, 1e-300]) {
      const got = codas(toMatrix(rows), [1, 1], T(1, 1), { tau });
      e.forEach((ei, i) => {
        const h = e.reduce(
          (s, ek, k) => s + (ei - ek) + (Math.abs(ei - ek) >= tau ? t[i] - t[k] : 0),
          0
        );
        expect(got[i]).toBeCloseTo(h, 14);
      });
    }
  });
});
