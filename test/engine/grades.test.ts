import { assignDecisions, assignGrades } from "../../src/engine/grades";
import { DecisionRule, GradeScheme } from "../../src/engine/types";

const band = (grade: string, k: "min" | "topShare", v: number) => ({
  grade,
  label: { zh: grade, en: grade },
  [k]: v,
});

// Zhejiang 亩均 classes by rank percentile: A top 20 %, B 20–60 %, C 60–95 %, D bottom 5 %.
const zhejiang: GradeScheme = {
  method: "percentile",
  bands: [
    band("A", "topShare", 0.2),
    band("B", "topShare", 0.6),
    band("C", "topShare", 0.95),
    band("D", "topShare", 1),
  ],
};
const absolute: GradeScheme = {
  method: "absolute",
  bands: [band("A", "min", 80), band("B", "min", 60), band("C", "min", 40)],
};
const letters = (scheme: GradeScheme, g: Int16Array) =>
  Array.from(g, (b) => (b < 0 ? null : scheme.bands[b].grade));

describe("percentile grades", () => {
  test("20 distinct ranks: A 1–4, B 5–12, C 13–19, D 20", () => {
    // 20 × 0.2 = 4, 20 × 0.6 = 12, 20 × 0.95 = 19
    const ranks = Int32Array.from({ length: 20 }, (_, i) => i + 1);
    const g = letters(zhejiang, assignGrades(zhejiang, new Float64Array(20), ranks));
    expect(g.join("")).toBe("AAAABBBBBBBBCCCCCCCD");
  });

  test("100 candidates: D is exactly the bottom 5", () => {
    const ranks = Int32Array.from({ length: 100 }, (_, i) => i + 1);
    const g = letters(zhejiang, assignGrades(zhejiang, new Float64Array(100), ranks));
    expect(g.filter((x) => x === "A").length).toBe(20);
    expect(g.filter((x) => x === "D").length).toBe(5);
  });

  test("ties at a boundary share the better grade; unranked candidates are not graded nor counted", () => {
    // 10 graded: A limit 2. Ranks 1, 2, 2, 2 → all A (the tie straddles the boundary).
    const ranks = Int32Array.from([1, 2, 2, 2, 5, 6, 7, 8, 9, 10, 0]);
    const g = letters(zhejiang, assignGrades(zhejiang, new Float64Array(11), ranks));
    expect(g).toEqual(["A", "A", "A", "A", "B", "B", "C", "C", "C", "C", null]);
  });

  test("a single candidate is A", () => {
    expect(
      letters(zhejiang, assignGrades(zhejiang, new Float64Array(1), Int32Array.from([1])))
    ).toEqual(["A"]);
  });
});

describe("absolute grades", () => {
  test("first band reached; below every minimum the lowest band; unranked not graded", () => {
    const totals = Float64Array.from([95, 80, 79.99, 60, 45, 10, 90]);
    const ranks = Int32Array.from([1, 2, 3, 4, 5, 6, 0]);
    expect(letters(absolute, assignGrades(absolute, totals, ranks))).toEqual([
      "A",
      "A",
      "B",
      "B",
      "C",
      "C",
      null,
    ]);
  });
});

describe("decisions", () => {
  const rules: DecisionRule[] = [
    { id: "push", label: { zh: "优先推进", en: "Prioritise" }, grades: ["A"] },
    { id: "follow", label: { zh: "积极跟进", en: "Follow up" }, grades: ["B", "C"] },
    { id: "hold", label: { zh: "暂缓", en: "Hold" }, grades: [] },
  ];
  test("first rule listing the grade; ungraded and unlisted grades get the last rule", () => {
    const grades = Int16Array.from([0, 1, 2, 3, -1]); // A, B, C, D, excluded
    const scheme = { ...zhejiang };
    expect(Array.from(assignDecisions(scheme, rules, grades), (k) => rules[k].id)).toEqual([
      "push",
      "follow",
      "follow",
      "hold",
      "hold",
    ]);
  });
});
