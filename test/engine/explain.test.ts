import { compileModel, loadModel } from "../../src/engine/model";
import fc from "fast-check";
import { explain, scoreCandidates, summary } from "../../src/engine/explain";
import { scoreTable, tableFromRows } from "../../src/engine/score";
import { CellValue } from "../../src/engine/types";
import full from "../fixtures/models/full.json";
import base from "../fixtures/models/base.json";

const m = loadModel(full);
const row: Record<string, CellValue> = {
  name: "法国诺瓦瑞斯汽车零部件项目",
  investment: "1500万美元",
  tax: "1000万元",
  landArea: 50,
  highTech: "是",
  blacklist: "否",
  stage: "签约",
  country: "法国",
  description: "汽车内外饰件",
  rdShare: null,
};

describe("explanations", () => {
  const [c] = scoreCandidates([row], m);
  const byId = (id: string) => c.explanation.criteria.find((x) => x.criterion === id)!;

  test("contributions add up to the weighted total; weights to 1", () => {
    const scored = scoreTable(tableFromRows([row], m), compileModel(m));
    const sum = c.explanation.criteria.reduce((a, x) => a + x.contribution, 0);
    expect(sum).toBeCloseTo(scored.base[0], 9);
    expect(c.explanation.criteria.reduce((a, x) => a + x.weight, 0)).toBeCloseTo(1, 12);
  });

  test("an amount shows the cell as written and the converted value with its rate", () => {
    const inv = byId("investment");
    expect(inv.raw).toBe("1500万美元");
    // 1500万美元 × 7.05 = 10 575 万元
    expect(inv.used.zh).toBe("1500万美元 → 10 575 万元 @ 7.05");
    expect(inv.used.en).toBe("1500万美元 → CNY 10,575 (×10k) @ 7.05");
    // log transform between 1 000 and 100 000 万元: ln(10.575)/ln(100) = 0.51216…
    expect(inv.normalized).toBeCloseTo(Math.log(10.575) / Math.log(100), 12);
  });

  test("an amount read with part of its text left out names that part in the note", () => {
    const [d] = scoreCandidates([{ ...row, investment: "1500万美元，注册资本1000万美元" }], m);
    const inv = d.explanation.criteria.find((x) => x.criterion === "investment")!;
    expect(inv.used.zh).toBe("1500万美元，注册资本1000万美元 → 10 575 万元 @ 7.05");
    expect(inv.note?.zh).toContain("忽略另一项的金额“注册资本1000万美元”");
    expect(inv.note?.en).toContain('ignored the figure of another item "注册资本1000万美元"');
  });

  test('"not yet" in a yes/no column reads no, and the note says it is no missing data', () => {
    const [d] = scoreCandidates([{ ...row, highTech: "暂无" }], m);
    const ht = d.explanation.criteria.find((x) => x.criterion === "highTech")!;
    expect(ht.used.zh).toBe("暂无 → 0");
    expect(ht.note?.zh).toContain("“暂无”读作“否”：尚未具备，不是缺数据");
    expect(ht.note?.en).toContain('"暂无" read as no: not yet, not missing data');
  });

  test("a leased plant in a land column is a blank, and the explanation says why", () => {
    const landCriterion = {
      id: "land",
      label: { zh: "用地", en: "Land" },
      dimension: "fit",
      field: "landArea",
      transform: { type: "expression", expression: "min(x / 100, 1)" },
      direction: "more",
      weight: 0.5,
      missing: "zero",
    };
    const withLand = loadModel({ ...full, criteria: [...full.criteria, landCriterion] });
    const land = (cell: CellValue) =>
      scoreCandidates([{ ...row, landArea: cell }], withLand)[0].explanation.criteria.find(
        (x) => x.criterion === "land"
      )!;
    expect(land("租赁标准厂房2万平方米").used).toEqual({
      zh: "（空）“租赁标准厂房”：项目没有自有用地，按未填",
      en: '(blank) "租赁标准厂房": no land of the project\'s own, read as blank',
    });
    expect(land("无新增用地").used.zh).toBe("（空）“无新增用地”：项目没有自有用地，按未填");
    expect(land("租赁标准厂房2万平方米").normalized).toBe(0);
    // A plain blank says only that; land read from the cell is used.
    expect(land(null).used.zh).toBe("（空）");
    expect(land("新增用地50亩，利用现有厂房").normalized).toBeCloseTo(0.5, 12);
  });

  test("a derived field shows its formula and value; a missing value says how it was treated", () => {
    // 亩均税收 = 1000 / 50 = 20 万元/亩
    expect(byId("taxPerMu").used.en).toBe("tax / landArea = 20");
    const rd = byId("rdShare");
    expect(rd.raw).toBeNull();
    expect(rd.normalized).toBe(0);
    expect(rd.note?.zh).toBe("缺失，按 0 计");
    expect(rd.note?.en).toBe("missing, counted as 0");
  });

  test("chain fit explains the classification", () => {
    expect(c.chain).toBe("nev");
    expect(byId("chainFit").used.zh).toMatch(/新能源汽车/);
  });

  test("gates, flags and the summary", () => {
    // 10 575 / 50 = 211.5 万元/亩 < 300: capped; 20 万元/亩 < 25: flagged
    expect(c.gates.filter((g) => !g.passed).map((g) => g.gate)).toEqual([
      "intensity",
      "taxIntensity",
    ]);
    expect(c.flags).toEqual(["foreign"]);
    expect(c.explanation.summary.zh).toMatch(
      /^主要得分：.+ \d+\.\d 分、.+；未通过“投资强度”（投资强度：211\.5）：投资强度低于 300 万元\/亩（分数封顶）；未通过“亩均税收”（亩均税收：20）：亩均税收低于 25 万元（仅提示）。$/
    );
    expect(c.explanation.summary.en).toMatch(
      /^Most points from .+ \(\d+\.\d\), .+ and .+ \(\d+\.\d\); failed "Investment intensity" \(Investment per mu: 211\.5\): .+ \(score capped\); failed "Tax per mu" \(Tax per mu: 20\): .+ \(flagged only\)\.$/
    );
  });

  test("unreadable and unconvertible cells are explained, not thrown", () => {
    const s = scoreTable(
      tableFromRows([{ ...row, investment: "一大笔钱", tax: "500万英镑" }], m),
      compileModel(m)
    );
    const e = explain(s, 0);
    const inv = e.criteria.find((x) => x.criterion === "investment")!;
    expect(inv.note?.en).toMatch(/^"一大笔钱" could not be read, counted as 0$/);
    const tax = e.criteria.find((x) => x.criterion === "tax")!;
    // the full model has no GBP rate: the tax is treated as missing (neutral policy)
    expect(tax.used.en).toBe("500万英镑: no GBP exchange rate");
    expect(tax.normalized).toBe(0.5);
  });

  test("renormalised criteria have no weight, the mean policy names the mean", () => {
    const mm = loadModel({
      ...base,
      criteria: base.criteria.map((k, i) => ({ ...k, missing: i === 1 ? "mean" : "renormalize" })),
    });
    const s = scoreTable(
      tableFromRows(
        [
          { x1: null, x2: null, x3: 5 },
          { x1: 10, x2: 4, x3: 5 },
        ],
        mm
      ),
      compileModel(mm)
    );
    const e = explain(s, 0);
    expect(e.criteria[0]).toMatchObject({ normalized: null, weight: 0, contribution: 0 });
    expect(e.criteria[0].note?.en).toBe(
      "missing, left out; the other criteria of its dimension weigh more"
    );
    expect(e.criteria[1].note?.en).toBe("missing, counted as the column mean 0.4");
    // d1 = 100 × 0.4 = 40 (c2 alone); total = 0.5 × 40 + 0.5 × 50 = 45
    expect(s.total[0]).toBeCloseTo(45, 12);
    expect(e.criteria[1].weight).toBeCloseTo(0.5, 12);
  });

  test("an excluded candidate says so", () => {
    const [x] = scoreCandidates([{ ...row, blacklist: "是" }], m);
    expect(x.explanation.notes.map((n) => n.zh)).toContain("未通过门槛，不参与排名和分级");
    expect(x.explanation.summary.en).toMatch(
      /failed "Credit veto" \(Credit blacklist: 是\): on the credit blacklist \(excluded from ranking\)/
    );
  });
});

describe("summary", () => {
  const cell = (...xs: CellValue[]) => fc.option(fc.constantFrom(...xs), { nil: null });
  const candidate = fc.record({
    name: cell("法国诺瓦瑞斯汽车零部件项目", "Acme Biotech"),
    description: cell("汽车内外饰件", "光模块及光器件", "住宅开发", "用于新能源汽车的机床"),
    investment: cell("1500万美元", "2亿元", "待定", "约3000万", "abc", 50000),
    tax: cell("1000万元", "50万元", "-", 800),
    landArea: cell(50, 0, 120, "83.6亩", "?"),
    highTech: cell("是", "否", true),
    blacklist: cell("否", "是"),
    stage: cell("签约", "洽谈", "开工"),
    country: cell("法国", "中国", "德国"),
    rdShare: cell(0.05, "12%", null),
  });

  test("is the explanation's summary, in either language, for every candidate of a list", () => {
    fc.assert(
      fc.property(fc.array(candidate, { minLength: 1, maxLength: 12 }), (rows) => {
        const scored = scoreTable(tableFromRows(rows, m), compileModel(m));
        for (let i = 0; i < rows.length; i++) {
          const whole = explain(scored, i).summary;
          expect(summary(scored, i, "zh")).toBe(whole.zh);
          expect(summary(scored, i, "en")).toBe(whole.en);
        }
      }),
      { numRuns: 200 }
    );
  });

  test("names the gate a candidate failed and its consequence", () => {
    const scored = scoreTable(tableFromRows([{ ...row, blacklist: "是" }], m), compileModel(m));
    expect(summary(scored, 0, "zh")).toContain(
      "；未通过“失信否决”（失信名单：是）：列入失信名单（不参与排名）"
    );
    expect(summary(scored, 0, "en")).toMatch(
      /; failed "[^"]+" \([^)]+\): [^;]+ \(excluded from ranking\)/
    );
  });
});
