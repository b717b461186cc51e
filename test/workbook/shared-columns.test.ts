/**
 * A column several amount fields share (FieldDef.sharedHeaders): bureau lists often give the project's
 * expected output and tax in one 预期效益 cell (达产后年产值10亿元，税收5000万元). Each field without a
 * column of its own reads from it the figure labelled as its own; the others are named, an unlabelled
 * figure is refused (it could be either), and a cell giving only another item's figure is missing.
 */
import { columnOf } from "../../src/workbook/mapping";
import { formatReadingReport } from "../../src/workbook/reading";
import type { Grid } from "../../src/workbook/types";
import { openList as open } from "./open-list";

const LIST: Grid = [
  ["项目名称", "总投资（亿元）", "预期效益"],
  ["甲", 5, "达产后年产值10亿元，税收5000万元"],
  ["乙", 5, "年销售收入约8亿元；年纳税3000万元"],
  ["丙", 5, "预计新增产值10亿元，利税1亿元"],
  ["丁", 5, "10亿元"],
  ["戊", 5, null],
];

test("预期效益 feeds 达产营业额 and 年税收, each reading the figure labelled as its own (model unit 万元)", () => {
  const { mapping, column } = open(LIST);
  for (const field of ["revenue", "tax"])
    expect(columnOf(mapping, field)).toMatchObject({
      column: 2,
      header: "预期效益",
      how: "alias",
      confidence: 0.95,
      context: { labelled: true },
    });
  expect(mapping.unused).toEqual([]);
  expect(column("revenue")).toEqual([100000, 80000, 100000, NaN, NaN]);
  // 利税 is profit and tax together, not tax: 丙 has no tax figure.
  expect(column("tax")).toEqual([5000, 3000, NaN, NaN, NaN]);
});

test("the reading report names the field of each shared line; an unlabelled figure is unreadable for both", () => {
  const { mapping } = open(LIST);
  const report = mapping.report!.filter((c) => c.column === 2);
  expect(report.map((c) => [c.field, c.shared?.zh, c.noted, c.missing, c.unreadable])).toEqual([
    ["revenue", "达产营业额", 3, 1, 1],
    ["tax", "年税收", 2, 2, 1],
  ]);
  const tax = report[1];
  expect(tax.firstNoted[0].note.zh).toBe(
    "读作 5 000 万元；忽略“达产后年产值10亿元”（不是本列的项目）"
  );
  expect(tax.firstUnreadable).toEqual([
    {
      address: "C5",
      reason: {
        zh: "无法读取金额“10亿元”：本列有多项金额，这个数没有标明是哪一项（如“年税收5000万元”）",
        en: `cannot read the amount "10亿元": the column holds several items and this figure does not say which (as "年税收 50 million")`,
      },
    },
  ]);
  const text = formatReadingReport(mapping.report!, "zh");
  expect(text).toContain(
    "  C 预期效益 → 达产营业额: 单位 万元（模型默认，假定）; 例 达产后年产值10亿元，税收5000万元;"
  );
  expect(text).toContain("  C 预期效益 → 年税收: 单位 万元（模型默认，假定）;");
  expect(mapping.warnings!.map((w) => w.zh)).toEqual([
    "C 列「预期效益」（达产营业额）有 1 个单元格无法读取（C5…）",
    "C 列「预期效益」（年税收）有 1 个单元格无法读取（C5…）",
  ]);
});

test("a bare number in a shared column is refused too, even with a unit in the header", () => {
  const { mapping, column } = open([
    ["项目名称", "经济效益（万元）"],
    ["甲", 5000],
    ["乙", "产值0.8亿，税收300万"],
  ]);
  expect(columnOf(mapping, "tax")?.context).toMatchObject({ multiplier: 1e4, labelled: true });
  expect(column("revenue")).toEqual([NaN, 8000]);
  expect(column("tax")).toEqual([NaN, 300]);
  expect(mapping.report!.find((c) => c.field === "tax")!.firstUnreadable[0].reason.zh).toBe(
    "无法读取金额“5000”：本列有多项金额，这个数没有标明是哪一项（如“年税收5000万元”）"
  );
});

test("a field with a column of its own keeps it; the shared column feeds only the other", () => {
  const { mapping, column } = open([
    ["项目名称", "年税收（万元）", "预期效益"],
    ["甲", 800, "达产后年产值10亿元，税收5000万元"],
  ]);
  expect(columnOf(mapping, "tax")).toMatchObject({ column: 1, how: "exact" });
  expect(columnOf(mapping, "tax")?.context?.labelled).toBeUndefined();
  expect(columnOf(mapping, "revenue")).toMatchObject({ column: 2, context: { labelled: true } });
  expect([column("revenue"), column("tax")]).toEqual([[100000], [800]]);
});

test("the analyst's mapping: a field set to the shared column reads by label, one left out stays out", () => {
  const grid: Grid = [
    ["项目名称", "备注", "预期效益"],
    ["甲", "税收5000万元", "达产后年产值10亿元，税收5000万元"],
  ];
  const { mapping, column } = open(grid, { tax: null });
  expect(columnOf(mapping, "tax")).toBeNull();
  expect(columnOf(mapping, "revenue")?.context?.labelled).toBe(true);
  const given = open(grid, { tax: 2, revenue: 2 });
  expect(columnOf(given.mapping, "tax")).toMatchObject({
    how: "user",
    context: { labelled: true },
  });
  expect([given.column("revenue"), given.column("tax")]).toEqual([[100000], [5000]]);
  expect(column("revenue")).toEqual([100000]);
});

test("a shared header is no fuzzy match of another field, and only headers the model lists share", () => {
  // 效益 alone is listed; 社会效益 is not, and is left unused rather than guessed.
  const { mapping } = open([
    ["项目名称", "效益", "社会效益"],
    ["甲", "年产值1亿元", "带动就业200人"],
  ]);
  expect(mapping.mapped.filter((m) => m.column === 1).map((m) => m.field)).toEqual([
    "revenue",
    "tax",
  ]);
  expect(mapping.mapped.some((m) => m.column === 2)).toBe(false);
});
