import fc from "fast-check";
import { lookupChooser, lookupDetail, lookupValue } from "../../src/engine/lookup";
import { scoreCandidates } from "../../src/engine";
import { validateModel } from "../../src/engine/model";
import { CellValue, LookupTableDef, ScoringModel } from "../../src/engine/types";
import pinghu from "../../src/models/pinghu-2023.json";

const model = pinghu as unknown as ScoringModel;
const score = (rows: Record<string, CellValue>[], m: ScoringModel = model) =>
  scoreCandidates(rows, m);
type Scored = ReturnType<typeof score>[number];
const gate = (c: Scored, id: string) => c.gates.find((g) => g.gate === id)!;

const table: LookupTableDef = {
  id: "t",
  label: { zh: "表", en: "Table" },
  by: "chain",
  columns: [
    { id: "a", label: { zh: "甲", en: "A" } },
    { id: "b", label: { zh: "乙", en: "B" }, unit: "万元/亩" },
  ],
  rows: [
    { id: "x", label: { zh: "X行", en: "row X" }, match: ["nev", "cnc"], values: { a: 1 } },
    { id: "y", label: { zh: "Y行", en: "row Y" }, match: ["cnc"], values: { a: 2, b: 20 } },
    { id: "d", label: { zh: "默认", en: "default" }, match: [], values: { a: 0, b: 10 } },
  ],
  default: "d",
  source: { zh: "示例", en: "example" },
};

describe("lookup tables", () => {
  test("the first row whose match holds the key wins; no key or an unlisted key takes the default row", () => {
    expect(["nev", "cnc", "bio", null].map(lookupChooser(table))).toEqual([0, 0, 2, 2]);
  });

  test("a row gives only what differs: a column it leaves out comes from the default row", () => {
    expect([lookupValue(table, 0, "a"), lookupValue(table, 0, "b")]).toEqual([1, 10]);
    expect(lookupDetail(table, 0, "a").zh).toBe("表·甲（X行）：1");
    // The value came from the default row, so the detail names that row.
    expect(lookupDetail(table, 0, "b").en).toBe("Table · B (default): 10 万元/亩");
    expect(lookupDetail(table, 0, "a").en).toBe("Table · A (row X): 1");
  });

  test("a row index past the table reads the default row", () => {
    expect(lookupValue(table, 9, "a")).toBe(0);
    expect(lookupDetail(table, 9, "b")).toEqual({
      zh: "表·乙（默认）：10万元/亩",
      en: "Table · B (default): 10 万元/亩",
    });
  });

  test("the validator names each problem of a table by its path", () => {
    const bad = {
      ...model,
      tables: [
        ...(model.tables ?? []),
        {
          ...table,
          by: "nosuch",
          columns: [...table.columns, { id: "c", label: { zh: "丙", en: "C" } }],
          rows: [
            { ...table.rows[0], match: ["mars"], values: { a: 1, z: 3 } },
            { ...table.rows[2], values: { a: "x", b: 10 } },
          ],
        },
      ],
    };
    const r = validateModel(bad);
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "tables[1].by",
        "tables[1].rows[0].values.z",
        "tables[1].rows[1].values.a",
        // The default row must give every column, so every candidate gets a value.
        "tables[1].rows[1].values.c",
      ])
    );
    const tables = model.tables ?? [];
    const byChain = validateModel({
      ...model,
      tables: [
        ...tables,
        { ...table, rows: [{ ...table.rows[0], match: ["mars"] }, table.rows[2]] },
      ],
    });
    expect(byChain.ok ? [] : byChain.errors.map((e) => [e.path, e.message.en])).toEqual([
      ["tables[1].rows[0].match[0]", 'chain "mars" does not exist'],
    ]);
    // A table name may not shadow a field: landStandard_x must stay a table value.
    const shadow = validateModel({
      ...model,
      tables: [
        ...tables,
        {
          ...table,
          id: "chainFit",
          columns: [{ id: "x", label: table.label }],
          rows: [{ ...table.rows[2], values: { x: 1 } }],
        },
      ],
      derived: [...model.derived, { id: "chainFit_x", label: table.label, expression: "1" }],
    });
    expect(shadow.ok ? [] : shadow.errors.map((e) => e.path)).toContain("tables[1].columns[0].id");
  });
});

describe("标准地 lines by industry in the default model (tables.landStandard, by chain)", () => {
  // Industrial land, figures that pass every other line: 5亿元 on 100亩 (500万元/亩), tax 4000万元 (40万元/亩).
  const on = (chain: string | null, plotRatio: number) => ({
    chain,
    description: "生产基地",
    totalInvestment: "5亿元",
    landArea: 100,
    tax: "4000万元",
    plotRatio,
  });

  test("plot ratio 0.8 passes the NEV line (0.7) and fails the electronics line (1.0); the failure names the row", () => {
    const [nev, opto, none] = score([on("新能源汽车", 0.8), on("光电通信", 0.8), on(null, 0.8)]);
    expect(gate(nev, "plotRatio").status).toBe("passed");
    expect(gate(opto, "plotRatio").status).toBe("failed");
    // Source: 国土资发〔2008〕24号 表2 — 交通运输设备制造业 ≥ 0.7; 通信设备、计算机及其他电子设备制造业 ≥ 1.0.
    expect(gate(opto, "plotRatio").detail!.zh).toBe(
      "容积率：0.8；标准地控制指标·容积率下限（光电通信（通信设备、计算机及其他电子设备制造业））：1"
    );
    // No chain found: the default row (其他工业项目) applies, and the detail says so.
    expect(gate(none, "plotRatio").detail!.zh).toContain("（其他工业项目（默认））：1");
    expect(opto.score).toBeLessThanOrEqual(69.9);
    expect(opto.explanation.summary.zh).toContain("未通过“容积率准入”");
  });

  test("a row without its own intensity or tax line takes the default row's, and says which row gave it", () => {
    const [c] = score([{ ...on("生物医药", 0.8), totalInvestment: "2亿元" }]);
    // 2亿元 / 100亩 = 200万元/亩 < 300 (the default row's line; the 生物医药 row gives only its plot ratio).
    expect(gate(c, "investmentIntensity").status).toBe("failed");
    expect(gate(c, "investmentIntensity").detail!.zh).toBe(
      "投资强度：200（未填固定资产投资，以总投资代替，偏高估计）；标准地控制指标·固定资产投资强度下限（其他工业项目（默认））：300万元/亩"
    );
    expect(gate(c, "plotRatio").status).toBe("passed");
  });

  test("the per-亩 tax criterion never raises a candidate that fails the tax gate on the same figures", () => {
    const k = model.criteria.findIndex((c) => c.id === "taxPerMu");
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4000 }),
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom("新能源汽车", "生物医药", null),
        (tax, land, chain) => {
          const [c] = score([{ chain, tax: `${tax}万元`, landArea: land }]);
          const failed = gate(c, "taxPerMu").status === "failed";
          const points = c.explanation.criteria[k].contribution;
          return !failed || points === 0;
        }
      ),
      { numRuns: 200 }
    );
  });

  test("tax per 亩 scores linearly from the line (25) to full marks (35), as the threshold did before", () => {
    const k = model.criteria.findIndex((c) => c.id === "taxPerMu");
    const values = score(
      [24, 25, 30, 35, 50].map((t) => ({ tax: `${t * 10}万元`, landArea: 10 }))
    ).map((c) => c.explanation.criteria[k].normalized);
    expect(values).toEqual([0, 0, 0.5, 1, 1]);
  });
});

describe("environment: a key polluter with a full EIA report waits for its emission quota", () => {
  test("报告书 + 重点排污单位 caps at 69.9; 报告表, or no key-polluter flag, passes; blank is not applicable", () => {
    const big = {
      totalInvestment: "20亿元",
      chain: "碳三和膜材料",
      chainRole: "链主",
      revenue: "30亿元",
      tax: "2亿元",
      highTech: "是",
      rdCentre: "国家级企业技术中心",
      listing: "科创板上市",
      fortune500: "是",
      registeredCapital: "10亿元",
      patents: 60,
      specialised: "国家级专精特新小巨人",
      companyRevenue: "50亿元",
      revenueGrowth: "40%",
    };
    const [heavy, light, notKey, blank] = score([
      { ...big, eia: "报告书", keyPolluter: "是" },
      { ...big, eia: "报告表", keyPolluter: "是" },
      { ...big, eia: "报告书", keyPolluter: "否" },
      big,
    ]);
    expect(gate(heavy, "emissionQuota").status).toBe("failed");
    expect(heavy.score).toBeLessThanOrEqual(69.9);
    expect(gate(light, "emissionQuota").status).toBe("passed");
    expect(gate(notKey, "emissionQuota").status).toBe("notApplicable");
    expect(gate(blank, "emissionQuota").status).toBe("notApplicable");
    expect(light.score).toBeGreaterThan(69.9);
    expect(heavy.flags).toEqual(expect.arrayContaining(["eiaReport", "keyPolluter"]));
  });
});
