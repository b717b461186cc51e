/**
 * The default model's constants pinned entry by entry against docs/model-pinghu-2023.md (its
 * "Criteria", "Grades and decisions" and "Exchange rates" sections, which give each figure's source),
 * and the grade cut-offs tested on both sides (issue 20). Amounts are in 万元 (amountMultiplier 1e4).
 */
import { assignGrades } from "../../src/engine/grades";
import type { Transform } from "../../src/engine/types";
import { model } from "./default-model";

const transformOf = (id: string): Transform | undefined =>
  model.criteria.find((c) => c.id === id)?.transform;

test("amounts are in 万元 of CNY", () => {
  expect([model.currency, model.amountMultiplier]).toEqual(["CNY", 1e4]);
});

test("exchange rates: 2023 annual averages, CNY per unit (USD: NBS 2023 communiqué 7.0467, rounded)", () => {
  expect(model.fx).toMatchObject({
    base: "CNY",
    rates: { CNY: 1, USD: 7.05, EUR: 7.66, JPY: 0.05, HKD: 0.9, GBP: 8.76 },
    date: "2023-12-31",
  });
  expect(Object.keys(model.fx.rates).sort()).toEqual(["CNY", "EUR", "GBP", "HKD", "JPY", "USD"]);
});

test.each<[string, [number, number][]]>([
  // Total investment: 1000万 0.1, 5000万 0.3, 1亿 0.4, 5亿 0.6, 10亿 0.8 (招大引强), 50亿 0.95, 100亿 1.
  [
    "investment",
    [
      [0, 0],
      [1000, 0.1],
      [5000, 0.3],
      [10000, 0.4],
      [50000, 0.6],
      [100000, 0.8],
      [500000, 0.95],
      [1000000, 1],
    ],
  ],
  // Registered capital: 5000万 0.5, 1亿 0.7, 5亿 1 (and 1000万 0.2).
  [
    "registeredCapital",
    [
      [0, 0],
      [1000, 0.2],
      [5000, 0.5],
      [10000, 0.7],
      [50000, 1],
    ],
  ],
  // Registered / total: 1/3 0.6 (the 1987 ratio rule), 1/2 0.9, 0.7 and up 1.
  [
    "capitalRatio",
    [
      [0, 0],
      [0.3333, 0.6],
      [0.5, 0.9],
      [0.7, 1],
    ],
  ],
  // Revenue: 5000万 0.3, 2亿 0.6, 10亿 0.9, 50亿 1.
  [
    "revenue",
    [
      [0, 0],
      [5000, 0.3],
      [20000, 0.6],
      [100000, 0.9],
      [500000, 1],
    ],
  ],
  // Annual tax: 500万 0.4, 1000万 0.6, 5000万 0.9, 1亿 1.
  [
    "tax",
    [
      [0, 0],
      [500, 0.4],
      [1000, 0.6],
      [5000, 0.9],
      [10000, 1],
    ],
  ],
  // Invention patents: 1 → 0.3, 5 → 0.6, 20 → 0.9, 50 → 1.
  [
    "patents",
    [
      [0, 0],
      [1, 0.3],
      [5, 0.6],
      [20, 0.9],
      [50, 1],
    ],
  ],
  // Company revenue: 1亿 0.3, 5亿 0.7, 10亿 1.
  [
    "companyRevenue",
    [
      [0, 0],
      [10000, 0.3],
      [50000, 0.7],
      [100000, 1],
    ],
  ],
])("%s: piecewise breakpoints as documented", (id, points) => {
  expect(transformOf(id)).toEqual({ type: "piecewise", points });
});

test.each<[string, number, number]>([
  ["rdShare", 0.05, 0], // full at 5%, the top bar of high-tech certification
  ["revenueGrowth", 0.3, 0], // full at 30%
])("%s: full marks at %d, zero at %d", (id, full, zero) => {
  expect(transformOf(id)).toEqual({ type: "threshold", full, zero });
});

// 标准地 lines by chain (docs/model-pinghu-2023.md, table "标准地控制指标"): plot ratio from
// 国土资发〔2008〕24号 table 2 by industry; 300万元/亩 and 25万元/亩 the admission tool's hard lines
// (浙政办发〔2018〕73号), 35 a Pinghu land deal, 600 and 2 this model's lines.
test("标准地 table: every row's values as documented", () => {
  const table = model.tables!.find((t) => t.id === "landStandard")!;
  expect(table.default).toBe("general");
  expect(Object.fromEntries(table.rows.map((r) => [r.id, r.values]))).toEqual({
    nev: { plotRatio: 0.7 },
    cnc: { plotRatio: 0.7 },
    opto: { plotRatio: 1.0 },
    c3film: { plotRatio: 0.6 },
    bio: { plotRatio: 0.7 },
    general: {
      investmentIntensity: 300,
      taxPerMu: 25,
      taxPerMuFull: 35,
      plotRatio: 1.0,
      outputPerMu: 600,
      outputPerEnergy: 2,
    },
  });
  // The per-亩 criteria read their lines from the table, never a number of their own.
  expect(transformOf("outputPerMu")).toEqual({
    type: "expression",
    expression: "x / landStandard_outputPerMu",
  });
  expect(transformOf("taxPerMu")).toEqual({
    type: "expression",
    expression:
      "x >= landStandard_taxPerMuFull ? 1 : (x < landStandard_taxPerMu ? 0 : (x - landStandard_taxPerMu) / (landStandard_taxPerMuFull - landStandard_taxPerMu))",
  });
});

describe("grade cut-offs: A ≥ 70, B ≥ 50, C ≥ 30, D below (absolute)", () => {
  test("the bands", () => {
    expect(model.grades.method).toBe("absolute");
    expect(model.grades.bands.map((b) => [b.grade, b.min])).toEqual([
      ["A", 70],
      ["B", 50],
      ["C", 30],
      ["D", 0],
    ]);
  });

  test.each<[number, string]>([
    [70, "A"],
    [69.99, "B"],
    [50, "B"],
    [49.99, "C"],
    [30, "C"],
    [29.99, "D"],
    [0, "D"],
  ])("a score of %d is %s", (score, grade) => {
    const [band] = assignGrades(model.grades, [score], [1]);
    expect(model.grades.bands[band].grade).toBe(grade);
  });
});
