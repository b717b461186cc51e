/**
 * AHP's random-index tables pinned entry by entry against their sources, and the CR = 0.1 threshold
 * tested on both sides (issue 20).
 */
import { CR_THRESHOLD, RANDOM_INDEX, ahp, randomIndex } from "../../../src/engine/mcda/ahp";
import { toMatrix } from "../../../src/engine/mcda/matrix";

// Saaty (1980), The Analytic Hierarchy Process, table of RI for n = 1 … 10, with n = 11 … 15 as
// usually tabulated after it (Saaty 1991, Multicriteria decision making).
const SAATY = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];
// Alonso & Lamata (2006), IJUFKS 14(4) 445–459, Table 2 (100 000 random matrices per n).
const ALONSO = [
  0, 0, 0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854, 1.5141, 1.5365, 1.5551,
  1.5713, 1.5838,
];

test.each(SAATY.map((ri, i) => [i + 1, ri]))("Saaty's RI for n = %d is %d", (n, ri) => {
  expect(RANDOM_INDEX.saaty[n - 1]).toBe(ri);
  expect(randomIndex(n, "saaty")).toBe(ri);
});

test.each(ALONSO.map((ri, i) => [i + 1, ri]))("Alonso–Lamata's RI for n = %d is %d", (n, ri) => {
  expect(RANDOM_INDEX.alonso[n - 1]).toBe(ri);
  expect(randomIndex(n, "alonso")).toBe(ri);
});

test("above 15: Alonso–Lamata's regression, nothing from Saaty", () => {
  // RI = (1.7699 n − 4.3513) / (n − 1), Alonso & Lamata (2006) eq. (16).
  expect(randomIndex(20, "alonso")).toBeCloseTo((1.7699 * 20 - 4.3513) / 19, 12);
  expect(randomIndex(16, "saaty")).toBeNaN();
});

/**
 * A 3 × 3 matrix whose only inconsistency is a_23 = c (a_12 = a_13 = 1). Its λmax has a closed form:
 * with t = c^(1/3), λmax = 1 + t + 1/t, so CR = (λmax − 3) / 2 / RI — the expected values below come
 * from it, not from the code. CR = 0.1 with Saaty's RI 0.58 at c ≈ 2.7646.
 */
function oneJudgment(c: number) {
  return toMatrix([
    [1, 1, 1],
    [1, 1, c],
    [1, 1 / c, 1],
  ]);
}
const closedFormCr = (c: number, ri: number) => {
  const t = Math.cbrt(c);
  return (1 + t + 1 / t - 3) / 2 / ri;
};

describe("the consistency threshold CR = 0.1, on both sides", () => {
  test("the threshold is Saaty's 0.1", () => {
    expect(CR_THRESHOLD).toBe(0.1);
  });

  test("c = 2.76: CR ≈ 0.0997, just below: consistent, no warning", () => {
    const r = ahp(oneJudgment(2.76));
    expect(r.cr).toBeCloseTo(closedFormCr(2.76, 0.58), 9);
    expect(r.cr).toBeCloseTo(0.09967, 5);
    expect(r.consistent).toBe(true);
    expect(r.warning).toBeNull();
  });

  test("c = 2.77: CR ≈ 0.1004, just above: inconsistent, the warning names the judgment", () => {
    const r = ahp(oneJudgment(2.77));
    expect(r.cr).toBeCloseTo(closedFormCr(2.77, 0.58), 9);
    expect(r.cr).toBeCloseTo(0.10039, 5);
    expect(r.consistent).toBe(false);
    // In a 3 × 3 matrix every judgment is equally off (|log ε| = log(t)), so all three are listed.
    // The implied ratios are w_i / w_j of the row geometric means (the eigenvector for n = 3).
    // CR shows to three decimals: 0.10039 prints as 0.1.
    expect(r.warning).toEqual({
      zh: "一致性比率 CR = 0.1 > 0.1，判断不够一致，建议先复核：第 1 行第 2 列 1（与权重一致应约为 0.712）；第 1 行第 3 列 1（与权重一致应约为 1.404）；第 2 行第 3 列 2.77（与权重一致应约为 1.972）",
      en: "consistency ratio CR = 0.1 > 0.1: the judgments are not consistent enough; revisit first row 1, column 2: 1 (consistent with the weights: about 0.712); row 1, column 3: 1 (consistent with the weights: about 1.404); row 2, column 3: 2.77 (consistent with the weights: about 1.972)",
    });
  });

  test("the same c = 2.76 is inconsistent by Alonso–Lamata's smaller RI (0.5245): CR ≈ 0.1102", () => {
    const r = ahp(oneJudgment(2.76), { randomIndex: "alonso" });
    expect(r.cr).toBeCloseTo(closedFormCr(2.76, 0.5245), 9);
    expect(r.consistent).toBe(false);
  });
});
