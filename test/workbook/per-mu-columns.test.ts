/**
 * Columns of figures per 亩 (标准地 lists: 亩均税收（万元/亩）, 投资强度, 亩均产值 in 元/平方米) read from a
 * sheet: mapped to the model's fields counted per 亩 (FieldDef.per), never to a total; the header's land
 * unit converts bare numbers; a per-亩 column the analyst maps to a total reads none of its cells.
 */
import { columnOf } from "../../src/workbook/mapping";
import { formatReadingReport } from "../../src/workbook/reading";
import type { Grid } from "../../src/workbook/types";
import { openList as open } from "./open-list";

const LIST: Grid = [
  ["项目名称", "总投资（万元）", "用地（亩）", "亩均税收（万元/亩）", "亩均产值（元/平方米）"],
  ["甲", 50000, 80, 40, 1200],
  ["乙", 20000, 50, "≥35", "900元/平方米"],
  ["丙", 20000, null, "30万元/亩", null],
  ["丁", 20000, 50, "人均5万元", "待定"],
];

test("亩均税收 and 亩均产值 columns map to the fields counted per 亩, in the model's 万元 per 亩", () => {
  const { mapping, column } = open(LIST);
  expect(columnOf(mapping, "statedTaxPerMu")).toMatchObject({
    column: 3,
    how: "alias",
    context: { multiplier: 1e4, currency: "CNY", perArea: "亩" },
  });
  expect(columnOf(mapping, "statedOutputPerMu")).toMatchObject({
    column: 4,
    context: { multiplier: 1, perArea: "平方米" },
  });
  expect(columnOf(mapping, "tax")).toBeNull();
  expect(columnOf(mapping, "revenue")).toBeNull();
  expect(column("statedTaxPerMu")).toEqual([40, 35, 30, NaN]);
  // 1200 元/m² × 666.67 m²/亩 = 80万元/亩; 900 元/m² = 60万元/亩.
  expect(column("statedOutputPerMu").map((v) => Math.round(v * 1e6) / 1e6)).toEqual([
    80,
    60,
    NaN,
    NaN,
  ]);
  // The derived intensities the criteria and gates use.
  expect(column("taxPerMu")).toEqual([40, 35, 30, NaN]);
});

test("the reading report gives each column's unit per 亩 and says why a cell was refused", () => {
  const { mapping } = open(LIST);
  const text = formatReadingReport(mapping.report!, "zh");
  expect(text).toContain("  D 亩均税收（万元/亩）: 单位 万元/亩（表头 D1）;");
  expect(text).toContain("  E 亩均产值（元/平方米）: 单位 元/平方米（表头 E1）;");
  const tax = mapping.report!.find((c) => c.field === "statedTaxPerMu")!;
  expect(tax.firstUnreadable).toEqual([
    {
      address: "D5",
      reason: {
        zh: "无法读取金额“人均5万元”：“人均”：写的是人均、单位能耗或每吨等的数，不是每亩的数",
        en: 'cannot read the amount "人均5万元": "人均": a figure per person, per unit of energy or per tonne, not per 亩',
      },
    },
  ]);
  // A conversion per 平方米 is exact arithmetic, not a reading with a note: the unit line says it.
  const output = mapping.report!.find((c) => c.field === "statedOutputPerMu")!;
  expect([output.read, output.noted, output.missing]).toEqual([2, 0, 2]);
});

test("a per-亩 column the analyst maps to a total reads none of its cells, each saying why", () => {
  const { mapping, column } = open(LIST, { tax: 3 });
  expect(columnOf(mapping, "tax")).toMatchObject({ column: 3, how: "user" });
  expect(column("tax")).toEqual([NaN, NaN, NaN, NaN]);
  const tax = mapping.report!.find((c) => c.field === "tax")!;
  expect(tax.unreadable).toBe(4);
  expect(tax.firstUnreadable[0].reason.zh).toBe("无法读取金额“40”：表头写的是每亩的数，不是总额");
});
