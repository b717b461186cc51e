import type { CellValue } from "../../src/engine/types";
import { locateTable } from "../../src/workbook/table";
import type { SheetData, TableLocation } from "../../src/workbook/types";
import { smallModel } from "../fixtures/workbooks/model";

const model = smallModel();

function locate(sheet: SheetData): TableLocation {
  const r = locateTable(sheet, model);
  if (!r.ok) throw new Error(r.message.en);
  return r.table;
}

const W = 5;
const row = (...cells: CellValue[]): CellValue[] =>
  Array.from({ length: W }, (_, i) => cells[i] ?? null);

test("header under a merged title row and blank rows; totals, notes and sections are not candidates", () => {
  const grid = [
    row("2023年平湖市重点招商项目清单"),
    row(null, null, null, null, "单位：万元"),
    row(),
    row("序号", "项目名称", "计划总投资", "所属产业链", "备注"),
    row("一、新能源汽车"),
    row(1, "诺瓦瑞斯汽车零部件", "1500万美元", "新能源汽车"),
    row(2, "尼得科机床", "4400万美元", "高档数控机床"),
    row(null, "小计", 5900),
    row(),
    row(3, "凯阳新材料", "1.8亿元", "膜材料"),
    row(null, "合  计", 18000),
    row("备注：投资额为计划数。"),
    row(4, "这一行在备注下面，不属于表格", 100),
  ];
  const t = locate({
    name: "清单",
    grid,
    merges: [
      { top: 0, left: 0, bottom: 0, right: 4 },
      { top: 4, left: 0, bottom: 4, right: 4 },
    ],
  });
  expect(t.headerRow).toBe(3);
  expect(t.dataRows).toEqual([5, 6, 9]);
  expect(t.skippedRows).toEqual([
    { row: 4, reason: "section" },
    { row: 7, reason: "total" },
    { row: 8, reason: "blank" },
  ]);
  expect([t.firstCol, t.lastCol]).toEqual([0, 4]);
});

test("English headers and a Total row", () => {
  const grid = [
    row("Project", "Total investment (USD m)", "Industrial chain"),
    row("A", 15, "EV"),
    row("B", 44, "CNC"),
    row("Total", 59),
  ];
  const t = locate({ name: "S", grid });
  expect(t.headerRow).toBe(0);
  expect(t.dataRows).toEqual([1, 2]);
});

test("two-level header: a cell merged down from the row above names its column", () => {
  const grid = [
    row("项目名称", "投资情况", null, "所属行业"),
    row(null, "总投资", "注册资本", null),
    row("A公司", 1000, 500, "汽车"),
  ];
  const merges = [
    { top: 0, left: 0, bottom: 1, right: 0 },
    { top: 0, left: 1, bottom: 0, right: 2 },
    { top: 0, left: 3, bottom: 1, right: 3 },
  ];
  const t = locate({ name: "S", grid, merges });
  expect(t.headerRow).toBe(1);
  expect(t.headers.slice(0, 4)).toEqual(["项目名称", "总投资", "注册资本", "所属行业"]);
  expect(t.dataRows).toEqual([2]);
});

test("grid offset by origin: merges and hidden columns in sheet coordinates", () => {
  const grid = [
    row("标题"),
    row("项目名称", "总投资", "辅助", "产业链"),
    row("A", 100, "x", "汽车"),
  ];
  const t = locate({
    name: "S",
    grid,
    origin: { row: 4, col: 2 },
    hiddenColumns: [4],
    merges: [{ top: 4, left: 2, bottom: 4, right: 6 }],
  });
  expect(t.headerRow).toBe(1);
  expect(t.hiddenColumns).toEqual([2]);
});

test("a repeated header row (page break) is skipped; our own marked columns are found and not part of the table", () => {
  const grid = [
    row("项目名称", "总投资", "产业链", "综合得分 [ZS:score]", "等级 [ZS:grade]"),
    row("A", 100, "汽车", 50, "B"),
    row("项目名称", "总投资", "产业链"),
    row("B", 200, "机床", 60, "B"),
  ];
  const t = locate({ name: "S", grid });
  expect(t.lastCol).toBe(2);
  expect(t.ownColumns).toEqual([
    { key: "score", col: 3 },
    { key: "grade", col: 4 },
  ]);
  expect(t.dataRows).toEqual([1, 3]);
  expect(t.skippedRows).toEqual([{ row: 2, reason: "header" }]);
});

test("no table: a message in both languages naming the sheet", () => {
  const r = locateTable(
    { name: "说明页", grid: [row("本工作簿用于记录会议纪要"), row("2023-03-01", "会议")] },
    model
  );
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.message.zh).toContain("说明页");
    expect(r.message.en).toContain("No candidate table");
  }
});

test("cells of any type never throw", () => {
  const grid: CellValue[][] = [
    [true, 1, null],
    ["项目名称", "总投资", false],
    [null, Number.NaN, "x"],
    [],
  ];
  expect(() => locateTable({ name: "S", grid }, model)).not.toThrow();
});
