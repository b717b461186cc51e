/**
 * The detail's plain-language score: grouped by the model's dimensions, points adding up to the
 * engine's total, figures in 万元/亿元, derived figures in words, and never expression syntax.
 */
import { describe as describeScore } from "../../src/taskpane/describe";
import { openTable, Scoring } from "../../src/taskpane/session";
import { model, readSheet } from "../models/sample-helpers";

async function sample(): Promise<Scoring> {
  const sheet = await readSheet();
  const read = {
    table: sheet,
    address: "A1",
    source: "used" as const,
    sheets: [],
    resultSheet: null,
  };
  return new Scoring(openTable(read, model), model);
}

test("诺瓦瑞斯 (sample row 5): 1500万美元 at 7.05 is 10 575万元 → 6.0 of 15 points, read from H5", async () => {
  const s = await sample();
  const i = s.rows().findIndex((r) => r.name.includes("诺瓦瑞斯"));
  const d = describeScore(s.scored, i, s.table, "zh");
  const scale = d.dimensions.find((x) => x.id === "scale")!;
  const inv = scale.criteria.find((c) => c.id === "investment")!;
  // Piecewise 10 000万 → 0.4, 50 000万 → 0.6: 10 575万 → 0.4 + 0.2 × 575/40 000 = 0.402875;
  // weight 0.25 × 0.6 (investment's share of 投资规模) = 0.15 → 6.04 points of 15.
  expect(inv.points).toBeCloseTo(100 * 0.15 * 0.402875, 9);
  expect(inv.max).toBeCloseTo(15, 9);
  expect(inv.text).toBe("总投资 1.06亿元 → 6.0 分（100亿元及以上得满分）");
  expect(inv.reading).toBe("H5：“1500万美元” → 1.06亿元");
  const ratio = scale.criteria.find((c) => c.id === "capitalRatio")!;
  expect(ratio.derived).toBe("注册资本占比 = 注册资本 ÷ 总投资 = 0.67");
  const en = describeScore(s.scored, i, s.table, "en");
  expect(en.dimensions[0].criteria[0].text).toBe(
    "Total investment CNY 105.75m → 6.0 pts (full marks from CNY 10bn)"
  );
});

test("every candidate: dimension points add up to the engine's score, grouped as the model's dimensions, no expression syntax", async () => {
  const s = await sample();
  for (let i = 0; i < s.count; i++) {
    for (const lang of ["zh", "en"] as const) {
      const d = describeScore(s.scored, i, s.table, lang);
      expect(d.dimensions.map((x) => x.id)).toEqual(model.dimensions.map((x) => x.id));
      const base = d.dimensions.reduce((a, x) => a + x.points, 0);
      expect(base).toBeCloseTo(s.scored.base[i], 6);
      // Every criterion appears once, known or unknown.
      const ids = d.dimensions.flatMap((x) => [...x.criteria, ...x.unknown].map((c) => c.id));
      expect(ids.sort()).toEqual(model.criteria.map((c) => c.id).sort());
      expect(d.unknownCount).toBe(s.rows()[i].missing);
      const text = JSON.stringify(
        d.dimensions.map((x) => x.criteria.map((c) => [c.text, c.derived]))
      );
      // No camelCase field ids, operators of expressions or function calls.
      expect(text).not.toMatch(/isNaN|\?|max\(|\b[a-z]+[A-Z][A-Za-z]*\b|==/);
    }
  }
});

test("unknown criteria say how they count now and what supplying them could add", async () => {
  const s = await sample();
  const i = s.rows().findIndex((r) => r.missing > 0);
  const d = describeScore(s.scored, i, s.table, "zh");
  const unknown = d.dimensions.flatMap((x) => x.unknown);
  expect(unknown.length).toBe(d.unknownCount);
  for (const u of unknown) {
    expect(u.now).toMatch(/^缺失|无法识别/);
    expect(u.couldAdd).toBeGreaterThanOrEqual(0);
  }
  expect(d.couldAdd).toBeCloseTo(
    unknown.reduce((a, u) => a + u.couldAdd, 0),
    9
  );
});
