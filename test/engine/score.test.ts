import fc from "fast-check";
import { compileModel, loadModel } from "../../src/engine/model";
import { reweight, scoreTable, ScoredTable, tableFromRows } from "../../src/engine/score";
import { scoreCandidates } from "../../src/engine/explain";
import { CellValue, ScoringModel } from "../../src/engine/types";
import base from "../fixtures/models/base.json";
import full from "../fixtures/models/full.json";
import worked from "../fixtures/models/worked-example.json";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The base model (d1: c1, c2 on x1, x2; d2: c3 on x3; each linear 0–10; d1 and d2 weigh 0.5) edited. */
function model(edit: (m: Json) => void = () => undefined, start: Json = base): ScoringModel {
  const m = JSON.parse(JSON.stringify(start)) as Json;
  edit(m);
  return loadModel(m);
}

function score(m: ScoringModel, rows: Record<string, CellValue>[]): ScoredTable {
  return scoreTable(tableFromRows(rows, m), compileModel(m));
}

const rows = (x1: CellValue[], x2: CellValue[], x3: CellValue[]) =>
  x1.map((_, i) => ({ x1: x1[i], x2: x2[i], x3: x3[i] }));
const list = (a: ArrayLike<number>) => Array.from(a, (v) => Math.round(v * 1e9) / 1e9);

describe("weighted total, ranks, grades, decisions", () => {
  test("a small table by hand", () => {
    // total = 0.5 × 100 × (c1 + c2)/2 + 0.5 × 100 × c3, with c = x/10
    // row 0: 0.5×100×1 + 0.5×100×1 = 100; row 1: 0.5×100×(0.5+0.3)/2 + 0.5×100×0.6 = 20 + 30 = 50;
    // row 2: 0.5×100×(0.2+0)/2 + 0 = 5
    const s = score(model(), rows([10, 5, 2], [10, 3, 0], [10, 6, 0]));
    expect(list(s.total)).toEqual([100, 50, 5]);
    expect(list(s.dimensionScores[0])).toEqual([100, 40, 10]);
    expect(Array.from(s.rank)).toEqual([1, 2, 3]);
    expect(Array.from(s.grade)).toEqual([0, 1, 2]); // A ≥ 80, B ≥ 50, C
    expect(Array.from(s.decision)).toEqual([0, 1, 2]);
  });

  test("ties share a rank (1, 2, 2, 4) and a grade, in input order", () => {
    // totals: 80, 50, 50, 20 (x1 = x2 = x3 = total/10)
    const s = score(model(), rows([8, 5, 5, 2], [8, 5, 5, 2], [8, 5, 5, 2]));
    expect(list(s.total)).toEqual([80, 50, 50, 20]);
    expect(Array.from(s.rank)).toEqual([1, 2, 2, 4]);
    expect(Array.from(s.grade)).toEqual([0, 1, 1, 2]);
  });

  test("values beyond the bounds are clamped, and 'less' flips", () => {
    const m = model((j) => (j.criteria[2].direction = "less"));
    // row 0: c1 = 1 (x1=20 clamps), c2 = 0 (x2=-5 clamps), c3 = 1 − 0.2 = 0.8 → 25 + 40 = 65
    const s = score(m, rows([20], [-5], [2]));
    expect(list(s.total)).toEqual([65]);
  });

  test("constant columns: no division by zero, everyone ties", () => {
    const s = score(model(), rows([7, 7, 7], [7, 7, 7], [7, 7, 7]));
    expect(list(s.total)).toEqual([70, 70, 70]);
    expect(Array.from(s.rank)).toEqual([1, 1, 1]);
  });

  test("an empty table scores to empty columns", () => {
    const s = score(model(), []);
    expect(s.count).toBe(0);
    expect(s.total.length).toBe(0);
  });
});

describe("missing values, by policy", () => {
  const withPolicy = (policy: string) => model((j) => (j.criteria[1].missing = policy));
  // x2 is missing in row 1 and blank-marked in row 2; row 0 has x2 = 10, row 3 has x2 = 4.
  const data = rows([10, 10, 4, 6], [10, null, "—", 4], [0, 0, 0, 0]);

  test("zero: the missing criterion counts 0", () => {
    // row 1: d1 = 100 × (1 + 0)/2 = 50 → total 25; row 2: d1 = 100 × (0.4 + 0)/2 = 20 → 10
    expect(list(score(withPolicy("zero"), data).total)).toEqual([50, 25, 10, 25]);
  });

  test("neutral: the missing criterion counts 0.5", () => {
    // row 1: d1 = 100 × (1 + 0.5)/2 = 75 → 37.5; row 2: 100 × (0.4 + 0.5)/2 = 45 → 22.5
    expect(list(score(withPolicy("neutral"), data).total)).toEqual([50, 37.5, 22.5, 25]);
  });

  test("mean: the column mean of the known values", () => {
    // mean of c2 over rows 0 and 3 = (1 + 0.4)/2 = 0.7; row 1: d1 = 100 × (1 + 0.7)/2 = 85 → 42.5;
    // row 2: 100 × (0.4 + 0.7)/2 = 55 → 27.5
    const s = score(withPolicy("mean"), data);
    expect(s.criterionMeans[1]).toBeCloseTo(0.7, 12);
    expect(list(s.total)).toEqual([50, 42.5, 27.5, 25]);
  });

  test("renormalize: the other criteria of the dimension take its weight", () => {
    // row 1: d1 = c1 alone = 100 → 50; row 2: d1 = 40 → 20
    expect(list(score(withPolicy("renormalize"), data).total)).toEqual([50, 50, 20, 25]);
  });

  test("renormalize across dimensions: a dimension with nothing known gives its weight to the others", () => {
    const m = model((j) => j.criteria.forEach((c: Json) => (c.missing = "renormalize")));
    // row 0: d2 unknown → total = d1 = 100 × (0.6 + 0.8)/2 = 70; row 1: nothing known → 0
    const s = score(m, rows([6, null], [8, null], [null, null]));
    expect(list(s.total)).toEqual([70, 0]);
    expect(Number.isNaN(s.dimensionScores[1][0])).toBe(true);
  });

  test("all-missing columns under each policy", () => {
    const allMissing = rows([10, 4], [null, null], [10, 4]);
    // c2 missing everywhere. zero: d1 = 50×c1 → totals 25+50 = 75, 10+20 = 30
    expect(list(score(withPolicy("zero"), allMissing).total)).toEqual([75, 30]);
    // neutral and mean (no known value: falls back to neutral): d1 = 100 × (c1 + 0.5)/2
    // row 0: 75/2 + 50 = 87.5; row 1: 45/2 + 20 = 42.5
    expect(list(score(withPolicy("neutral"), allMissing).total)).toEqual([87.5, 42.5]);
    expect(list(score(withPolicy("mean"), allMissing).total)).toEqual([87.5, 42.5]);
    // renormalize: d1 = 100 × c1 → 50 + 50 = 100, 20 + 20 = 40
    expect(list(score(withPolicy("renormalize"), allMissing).total)).toEqual([100, 40]);
  });

  test("unreadable text counts as missing, never throws", () => {
    const s = score(model(), rows(["about ten", "10家", "1,0"], [10, 10, 10], [0, 0, 0]));
    // "about ten" unreadable → 0; "10家" reads 10; "1,0" unreadable → 0
    expect(list(s.total)).toEqual([25, 50, 25]);
    // An area unit in a field whose unit is no area (here none) is unread too: "10亩" → 0.
    expect(list(score(model(), rows(["10亩"], [10], [0])).total)).toEqual([25]);
  });
});

describe("gates, bonuses, flags (full-feature model)", () => {
  const m = loadModel(full);
  const row = (r: Record<string, CellValue>): Record<string, CellValue> => ({
    investment: "5亿元",
    tax: "1000万元",
    landArea: 100,
    highTech: "是",
    blacklist: "否",
    stage: "签约",
    country: "中国",
    description: "汽车电驱总部",
    rdShare: "6%",
    ...r,
  });

  test("exclude: not ranked, not graded, the last decision", () => {
    const out = scoreCandidates([row({}), row({ blacklist: "是" })], m);
    expect(out[1]).toMatchObject({ excluded: true, rank: null, grade: null, decision: "hold" });
    expect(out[1].gates.find((g) => g.gate === "blacklist")).toMatchObject({
      passed: false,
      status: "failed",
    });
    expect(out[0]).toMatchObject({ excluded: false, rank: 1, grade: "A" });
  });

  test("cap: the score is held at the cap when the gate applies and fails", () => {
    // 5亿元 on 200 亩 = 250 万元/亩 < 300 → capped at 60; without land the gate does not apply
    const s = score(m, [row({ landArea: 200 }), row({ landArea: null })]);
    expect(s.base[0]).toBeGreaterThan(60);
    expect(s.total[0]).toBe(60);
    expect(s.total[1]).toBeGreaterThan(60);
    const out = scoreCandidates([row({ landArea: 200 }), row({ landArea: null })], m);
    expect(out[0].gates.find((g) => g.gate === "intensity")).toMatchObject({
      passed: false,
      effect: "cap",
    });
    expect(out[0].explanation.notes.map((n) => n.en)).toContain("failed a gate, capped at 60");
    expect(out[1].gates.find((g) => g.gate === "intensity")).toMatchObject({
      passed: true,
      status: "notApplicable",
    });
  });

  test("flag: reported, score unchanged", () => {
    // tax 1000万元 on 100 亩 = 10 万元/亩 < 25: flagged only
    const [a] = scoreCandidates([row({})], m);
    const [b] = scoreCandidates([row({ tax: "1亿元" })], m); // 100 万元/亩 passes
    expect(a.gates.find((g) => g.gate === "taxIntensity")).toMatchObject({
      passed: false,
      effect: "flag",
    });
    expect(a.excluded).toBe(false);
    expect(b.gates.find((g) => g.gate === "taxIntensity")).toMatchObject({ passed: true });
  });

  test("a gate that cannot be decided (missing input) does not count against the candidate", () => {
    const [a] = scoreCandidates([row({ blacklist: null })], m);
    expect(a.gates.find((g) => g.gate === "blacklist")).toMatchObject({
      passed: true,
      status: "unknown",
    });
    expect(a.excluded).toBe(false);
  });

  test("bonus adds points; flags by expression; total clamped to 100", () => {
    const s = score(m, [row({ investment: "1亿美元", country: "法国" }), row({})]);
    // 1亿美元 = 70 500 万元 ≥ 70 500 → +5; 5亿元 = 50 000 万元 < 70 500 → none
    expect(Array.from(s.bonus)).toEqual([5, 0]);
    expect(Array.from(s.flagHits[0])).toEqual([1, 0]);
    const top = model(
      (j) =>
        (j.bonuses = [{ id: "b", label: { zh: "加", en: "plus" }, when: "x1 > 5", points: 30 }])
    );
    // base 90 + 30 → 100
    expect(list(score(top, rows([9], [9], [9])).total)).toEqual([100]);
  });
});

describe("amounts, derived fields", () => {
  test("amount columns are converted once to the model's currency and unit", () => {
    const m = loadModel(full);
    const s = score(m, [
      { investment: "1500万美元", tax: "2亿元", landArea: "50亩" },
      { investment: 15000000, tax: null, landArea: 0 },
    ]);
    // 1500万美元 × 7.05 = 10 575 万元; a bare number with no header context is 元: 15 000 000 元 = 1 500 万元
    expect(list(s.columns.investment as Float64Array)).toEqual([10575, 1500]);
    // investPerMu = 10 575 / 50 = 211.5; division by land 0 is Infinity, not an error
    expect(list(s.columns.investPerMu as Float64Array)).toEqual([211.5, Infinity]);
  });

  test("a header context gives bare numbers their unit and currency", () => {
    const m = loadModel(full);
    const table = tableFromRows([{ investment: 1500 }], m);
    table.contexts = { investment: { multiplier: 1e4, currency: "USD" } };
    const s = scoreTable(table, compileModel(m));
    expect(list(s.columns.investment as Float64Array)).toEqual([10575]);
  });
});

describe("exchange rates and currencies in expressions", () => {
  const flagged = (edit: (m: Json) => void, rows: Record<string, CellValue>[]): number[] => {
    const m = model(edit, full);
    return Array.from(score(m, rows).flagHits[0]);
  };

  test("fx_USD is the model's USD rate: editing the rate moves a line drawn in dollars", () => {
    // 1亿美元 in 万元 is 10 000 × fx_USD: 70 500 at 7.05, 72 000 at 7.2. 71 000万元 is between.
    const line = (j: Json) => (j.flags[0].when = "investment >= 10000 * fx_USD");
    const rows = [{ investment: "7.1亿元" }, { investment: "1亿美元" }, { investment: null }];
    expect(flagged(line, rows)).toEqual([1, 1, 0]);
    expect(flagged((j) => (line(j), (j.fx.rates.USD = 7.2)), rows)).toEqual([0, 1, 0]);
  });

  test("<field>_currency is the currency a cell was written in, from the cell or its header", () => {
    const foreign = (j: Json) => (j.flags[0].when = 'investment_currency != "CNY"');
    const rows = [
      { investment: "1500万美元" },
      { investment: "1.8亿元" },
      { investment: 5000 },
      { investment: "待定" },
      { investment: "1350万欧元" },
    ];
    expect(flagged(foreign, rows)).toEqual([1, 0, 0, 0, 1]);
    const m = model(foreign, full);
    const table = tableFromRows(rows, m);
    table.contexts = { investment: { multiplier: 1e4, currency: "USD" } };
    const s = scoreTable(table, compileModel(m));
    // Under 总投资（万美元） a bare 5000 is 5000万美元; text with its own currency keeps it.
    expect(s.columns.investment_currency).toEqual(["USD", "CNY", "USD", null, "EUR"]);
    expect(Array.from(s.flagHits[0])).toEqual([1, 0, 1, 0, 1]);
  });

  test("the currency column is read only when an expression uses it", () => {
    const s = score(loadModel(full), [{ investment: "1500万美元" }]);
    expect(s.columns.investment_currency).toBeUndefined();
  });
});

describe("reweight", () => {
  test("re-aggregates from stored values under new dimension weights", () => {
    const m = model();
    const s = score(m, rows([10, 0], [10, 0], [0, 10]));
    expect(list(s.total)).toEqual([50, 50]);
    // d1 0.8, d2 0.2 → row 0: 80; row 1: 20
    const r = reweight(s, { d1: 4, d2: 1 });
    expect(list(r.total)).toEqual([80, 20]);
    expect(Array.from(r.rank)).toEqual([1, 2]);
    expect(Array.from(r.grade)).toEqual([0, 2]);
    expect(r.criterionValues).toBe(s.criterionValues); // nothing recomputed
    expect(list(s.total)).toEqual([50, 50]); // the original is untouched
  });

  test("weights not given keep their value; zero and negative weights count 0", () => {
    const s = score(model(), rows([10], [10], [0]));
    expect(list(reweight(s, { d2: 0 }).total)).toEqual([100]);
    expect(list(reweight(s, { d1: -3 }).total)).toEqual([0]);
  });
});

describe("row order", () => {
  test("the same rows in any order get the same scores, ranks and grades (property)", () => {
    const m = loadModel(full);
    const compiled = compileModel(m);
    const amount = fc.oneof(
      fc.constantFrom("1500万美元", "5亿元", "待定", "-", null, "约1.8亿元", "1-2亿", "1350万欧元"),
      fc.integer({ min: 0, max: 2e9 })
    );
    const rowArb = fc.record({
      investment: amount,
      tax: amount,
      landArea: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 500 })),
      highTech: fc.constantFrom("是", "否", null, "√"),
      blacklist: fc.constantFrom("否", "是", null),
      stage: fc.constantFrom("签约", "洽谈", null, "对接"),
      description: fc.constantFrom("汽车电驱", "数控机床", "食品", null),
      rdShare: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 0.2, noNaN: true })),
    });
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 25 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        (data, rnd) => {
          const perm = data.map((_, i) => i);
          for (let i = perm.length - 1; i > 0; i--) {
            const j = Math.floor((rnd.next().value as number) * (i + 1)) % (i + 1);
            [perm[i], perm[j]] = [perm[j], perm[i]];
          }
          const a = scoreTable(tableFromRows(data as Record<string, CellValue>[], m), compiled);
          const b = scoreTable(
            tableFromRows(perm.map((k) => data[k]) as Record<string, CellValue>[], m),
            compiled
          );
          perm.forEach((k, i) => {
            expect(b.total[i]).toBe(a.total[k]);
            expect(b.rank[i]).toBe(a.rank[k]);
            expect(b.grade[i]).toBe(a.grade[k]);
          });
        }
      ),
      { numRuns: 60 }
    );
  });
});

describe("cell data never throws", () => {
  test("any cells give totals within 0–100 and explanations (property)", () => {
    const m = loadModel(full);
    const compiled = compileModel(m);
    const cell = fc.oneof(
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(
        "constructor",
        "__proto__",
        "toString",
        "1e400万美元",
        "-5亿元",
        "NaN",
        "Infinity"
      )
    );
    const ids = m.fields.map((f) => f.id);
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.constantFrom(...ids), cell), { minLength: 1, maxLength: 8 }),
        (data) => {
          const s = scoreTable(tableFromRows(data, m), compiled);
          for (let i = 0; i < s.count; i++) {
            expect(s.total[i]).toBeGreaterThanOrEqual(0);
            expect(s.total[i]).toBeLessThanOrEqual(100);
          }
          expect(scoreCandidates(data, m)).toHaveLength(data.length);
        }
      ),
      { numRuns: 100 }
    );
  });
});

describe("docs/engine.md worked example", () => {
  test("gives exactly the numbers the document shows", () => {
    const m = loadModel(worked);
    const out = scoreCandidates(
      [
        { name: "甲 A", investment: "1500万美元", tax: "1000万元", highTech: "是" },
        { name: "乙 B", investment: "10亿元", tax: "500万元", highTech: "否" },
        { name: "丙 C", investment: "待定", tax: null, highTech: "√" },
      ],
      m
    );
    // A: investment 1500万美元 × 7.05 = 10 575 万元 → 10 575 / 100 000 = 0.10575; tax 1000万元 → full marks 1;
    //    scale = 100 × (0.10575 + 1)/2 = 55.2875; innovation = 100; total = 0.6 × 55.2875 + 0.4 × 100 = 73.1725
    // B: investment 1 → scale = 100 × (1 + 0.5)/2 = 75; innovation 0; 0.6 × 75 = 45; +5 bonus (≥ 10亿元) = 50
    // C: investment 待定 and tax blank count 0; innovation 100; total = 0.4 × 100 = 40
    expect(out.map((c) => Math.round(c.score * 1e4) / 1e4)).toEqual([73.1725, 50, 40]);
    expect(out.map((c) => c.dimensions.scale)).toEqual([55.2875, 75, 0]);
    expect(out.map((c) => c.rank)).toEqual([1, 2, 3]);
    expect(out.map((c) => c.grade)).toEqual(["A", "B", "C"]);
    expect(out.map((c) => c.decision)).toEqual(["push", "follow", "watch"]);
    const a = out[0].explanation.criteria[0];
    expect(a.used.zh).toBe("1500万美元 → 10 575 万元 @ 7.05");
    expect(a.weight).toBeCloseTo(0.3, 12);
    expect(a.contribution).toBeCloseTo(3.1725, 10);
    expect(out[0].explanation.summary.zh).toBe(
      "主要得分：高新技术企业 40.0 分、年税收 30.0 分、总投资 3.2 分。"
    );
    expect(out[0].explanation.summary.en).toBe(
      "Most points from High-tech (40.0), Annual tax (30.0) and Total investment (3.2)."
    );
    expect(out[1].explanation.bonuses).toEqual([
      {
        bonus: "big",
        label: { zh: "招大引强（10亿元以上）", en: "Big project (≥ 1 bn CNY)" },
        points: 5,
      },
    ]);
  });
});
