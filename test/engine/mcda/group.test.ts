/** Long-table committee input → the matrices the group methods take. */
import { ahp, ahpGroup } from "../../../src/engine/mcda/ahp";
import { kendallW } from "../../../src/engine/mcda/correlation";
import { pairwiseFromLong, scoresFromLong } from "../../../src/engine/mcda/group";
import { toMatrix } from "../../../src/engine/mcda/matrix";

describe("pairwiseFromLong", () => {
  const rows = [
    { expert: "张", a: "投资", b: "税收", value: 3 },
    { expert: "张", a: "投资", b: "产业链", value: 5 },
    { expert: "张", a: "税收", b: "产业链", value: 2 },
    { expert: "李", a: "税收", b: "投资", value: 2 }, // the mirror: 投资 over 税收 = 1/2
    { expert: "李", a: "投资", b: "产业链", value: 4 },
    { expert: "李", a: "税收", b: "产业链", value: 6 },
  ];

  test("one matrix per expert, in first-seen order; mirrors fill the other triangle", () => {
    const { experts, criteria, matrices } = pairwiseFromLong(rows);
    expect(experts).toEqual(["张", "李"]);
    expect(criteria).toEqual(["投资", "税收", "产业链"]);
    const zhang = ahp(matrices[0]).weights;
    const expected = ahp(
      toMatrix([
        [1, 3, 5],
        [1 / 3, 1, 2],
        [1 / 5, 1 / 2, 1],
      ])
    ).weights;
    zhang.forEach((w, i) => expect(w).toBeCloseTo(expected[i], 12));
    const li = ahp(matrices[1]).weights;
    const liExpected = ahp(
      toMatrix([
        [1, 1 / 2, 4],
        [2, 1, 6],
        [1 / 4, 1 / 6, 1],
      ])
    ).weights;
    li.forEach((w, i) => expect(w).toBeCloseTo(liExpected[i], 12));
    expect(ahpGroup(matrices).experts).toHaveLength(2);
  });

  test("each matrix holds 1 on the diagonal, the judgments given and blanks (NaN) elsewhere", () => {
    const { matrices } = pairwiseFromLong(rows.slice(0, 4));
    expect(matrices.map((m) => [m.rows, m.cols, Array.from(m.data)])).toEqual([
      [3, 3, [1, 3, 5, NaN, 1, 2, NaN, NaN, 1]],
      [3, 3, [1, NaN, NaN, 2, 1, NaN, NaN, NaN, 1]],
    ]);
  });

  test("a missing pair is named by ahp; duplicates, self-comparisons and bad values by table row", () => {
    const { matrices } = pairwiseFromLong(rows.slice(0, 2));
    expect(() => ahp(matrices[0])).toThrow("this comparison is missing");
    expect(() => pairwiseFromLong([...rows, rows[0]])).toThrow(
      "judgments row 7: 张 judged 投资 against 税收 twice"
    );
    expect(() => pairwiseFromLong([{ expert: "张", a: "x", b: "x", value: 1 }])).toThrow(
      "x is compared with itself"
    );
    expect(() => pairwiseFromLong([{ expert: "张", a: "x", b: "y", value: 0 }])).toThrow(
      "judgments row 1: a judgment must be > 0, got 0"
    );
  });
});

describe("scoresFromLong", () => {
  test("alternatives × experts, ready for Kendall's W", () => {
    const { experts, alternatives, scores } = scoresFromLong([
      { expert: "张", alternative: "甲", score: 90 },
      { expert: "李", alternative: "甲", score: 80 },
      { expert: "张", alternative: "乙", score: 70 },
      { expert: "李", alternative: "乙", score: 60 },
      { expert: "张", alternative: "丙", score: 50 },
      { expert: "李", alternative: "丙", score: 65 },
    ]);
    expect(experts).toEqual(["张", "李"]);
    expect(alternatives).toEqual(["甲", "乙", "丙"]);
    expect(Array.from(scores.data)).toEqual([90, 80, 70, 60, 50, 65]);
    // 张 ranks 甲 > 乙 > 丙, 李 甲 > 丙 > 乙: R = 6, 3, 3 (ranks ascending 3+3, 2+1, 1+2), mean 4,
    // S = 4 + 1 + 1 = 6, W = 12 · 6 / (4 · 24) = 0.75.
    expect(kendallW(scores)).toBeCloseTo(0.75, 12);
  });

  test("a missing score is left blank and then named; a duplicate is refused", () => {
    const { scores } = scoresFromLong([
      { expert: "张", alternative: "甲", score: 1 },
      { expert: "李", alternative: "乙", score: 2 },
    ]);
    expect(() => kendallW(scores)).toThrow("blank cell");
    expect(() =>
      scoresFromLong([
        { expert: "张", alternative: "甲", score: 1 },
        { expert: "张", alternative: "甲", score: 2 },
      ])
    ).toThrow("scores row 2: 张 scored 甲 twice");
  });
});
