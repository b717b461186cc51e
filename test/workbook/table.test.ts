import type { CellValue } from "../../src/engine/types";
import fc from "fast-check";
import { headerScore, locateTable } from "../../src/workbook/table";
import { modelToGrid } from "../../src/workbook/modelSheet";
import type { SheetData, TableLocation } from "../../src/workbook/types";
import { smallModel } from "../fixtures/workbooks/model";
import { loadModel } from "../../src/engine";
import pinghu from "../../src/models/pinghu-2023.json";

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

describe("two-level headers: a group header over sub-headers", () => {
  // The usual government layout: 投资情况 merged across two columns over 总投资 / 注册资本, every other
  // header merged down over both rows. The top row names more fields, so it is the header row.
  const grid = [
    row("项目名称", "投资情况", null, "所属产业链", "备注"),
    row(null, "总投资", "注册资本", null, null),
    row("A公司", 1000, 500, "汽车", null),
    row("B公司", 2000, 800, "光电", "x"),
  ];
  const downMerged = [0, 3, 4].map((c) => ({ top: 0, left: c, bottom: 1, right: c }));

  test("the group's columns take their sub-headers; data start under the lower row", () => {
    const t = locate({
      name: "S",
      grid,
      merges: [{ top: 0, left: 1, bottom: 0, right: 2 }, ...downMerged],
    });
    expect(t.headerRow).toBe(0);
    expect(t.headers).toEqual(["项目名称", "总投资", "注册资本", "所属产业链", "备注"]);
    expect(t.headerRowOf).toEqual([0, 1, 1, 0, 0]);
    expect(t.dataRows).toEqual([2, 3]);
  });

  test("without merges (a tool that writes none): a top text followed by blank top cells over sub-header texts is a group", () => {
    const t = locate({ name: "S", grid });
    expect(t.headers).toEqual(["项目名称", "总投资", "注册资本", "所属产业链", "备注"]);
    expect(t.dataRows).toEqual([2, 3]);
  });

  test("a unit the group states reaches sub-headers that state none; a sub-header's own unit wins", () => {
    const withUnits = [
      row("项目名称", "投资情况（亿元）", null, "所属产业链"),
      row(null, "总投资", "注册资本（万美元）", null),
      row("A公司", 10, 500, "汽车"),
    ];
    const t = locate({ name: "S", grid: withUnits });
    expect(t.headers.slice(0, 4)).toEqual([
      "项目名称",
      "总投资（亿元）",
      "注册资本（万美元）",
      "所属产业链",
    ]);
    // Where each column's unit is written: the group's row for 总投资, the sub-header's for 注册资本.
    expect(t.headerRowOf?.slice(0, 3)).toEqual([0, 0, 1]);
  });

  test("a sparse first data row is not a sub-header row: it holds a value under a header that is no group", () => {
    const sparse = [
      row("项目名称", "投资情况", null, "所属产业链"),
      row("A公司", "1000万", null, null),
      row("B公司", "2000万", "800万", "光电"),
    ];
    const t = locate({
      name: "S",
      grid: sparse,
      merges: [{ top: 0, left: 1, bottom: 0, right: 2 }],
    });
    expect(t.headers.slice(0, 4)).toEqual(["项目名称", "投资情况", null, "所属产业链"]);
    expect(t.headerRowOf).toBeUndefined();
    expect(t.dataRows).toEqual([1, 2]);
  });

  test("under a merged group, sub-headers that name no field are joined to the group; unmerged, such a row stays data", () => {
    const phases = [
      row("项目名称", "投资情况", null, "所属产业链"),
      row(null, "一期", "二期", null),
      row("A公司", 1000, 500, "汽车"),
    ];
    const t = locate({
      name: "S",
      grid: phases,
      merges: [{ top: 0, left: 1, bottom: 0, right: 2 }],
    });
    expect(t.headers.slice(0, 3)).toEqual(["项目名称", "投资情况一期", "投资情况二期"]);
    expect(t.dataRows).toEqual([2]);
    const unmerged = locate({ name: "S", grid: phases });
    expect(unmerged.headers.slice(0, 3)).toEqual(["项目名称", "投资情况", null]);
    expect(unmerged.dataRows).toEqual([1, 2]);
  });

  test("a title row above a one-row header is no group (fewer than two texts)", () => {
    const titled = [
      row("2026年重点项目表"),
      row("项目名称", "总投资", "注册资本", "所属产业链"),
      row("A公司", 1000, 500, "汽车"),
    ];
    const t = locate({
      name: "S",
      grid: titled,
      merges: [{ top: 0, left: 0, bottom: 0, right: 4 }],
    });
    expect(t.headerRow).toBe(1);
    expect(t.headers.slice(0, 4)).toEqual(["项目名称", "总投资", "注册资本", "所属产业链"]);
    expect(t.headerRowOf).toBeUndefined();
  });
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
  // Hosts may give sparse grids: a blank row as a hole.
  const sparse: CellValue[][] = [row("项目名称", "总投资", "产业链")];
  sparse[2] = row("A", 1, "x");
  expect(locate({ name: "S", grid: sparse }).dataRows).toEqual([2]);
});

describe("the bounds of table location (issue 20)", () => {
  const header = row("项目名称", "总投资", "产业链");
  const blanks = (n: number) => Array.from({ length: n }, () => row());

  test("a header is searched in the first 50 rows: row 50 is found, row 51 is not", () => {
    expect(locate({ name: "S", grid: [...blanks(49), header, row("A", 1, "x")] }).headerRow).toBe(
      49
    );
    const r = locateTable({ name: "S", grid: [...blanks(50), header, row("A", 1, "x")] }, model);
    expect(r.ok ? "" : r.message.en).toBe(
      'No candidate table found in sheet "S": no row among the first 50 has headers matching two or more model fields (such as project name, total investment).'
    );
  });

  test("header cells of 40 characters are matched, longer ones are not", () => {
    // 总投资 inside a 40-character cell still names investment; in 41 characters it is a description.
    const at = (n: number) => [row("项目名称", `总投资${"甲".repeat(n - 3)}`), row("A", 1)];
    expect(locate({ name: "S", grid: at(40) }).headerRow).toBe(0);
    expect(locateTable({ name: "S", grid: at(41) }, model).ok).toBe(false);
  });

  test("two header cells naming two fields are enough; one field named twice is not", () => {
    expect(locate({ name: "S", grid: [row("项目名称", "总投资"), row("A", 1)] }).headerRow).toBe(0);
    expect(locateTable({ name: "S", grid: [row("总投资", "投资总额"), row(1, 2)] }, model).ok).toBe(
      false
    );
    expect(
      locateTable({ name: "S", grid: [row("项目名称", "联系人"), row("A", "张")] }, model).ok
    ).toBe(false);
  });

  test("a field named twice in a row counts once toward that row's score", () => {
    // Both rows name two fields with three texts; the first is taken unless 投资总额 counted again.
    const grid = [row("项目名称", "总投资", "联系人"), row("总投资", "投资总额", "项目名称")];
    expect(locate({ name: "S", grid: [...grid, row("A", 1, "张")] }).headerRow).toBe(0);
  });

  test("of two header rows the one with more text cells wins; of equal ones the first", () => {
    const grid = [
      row("项目名称", "总投资"),
      row("项目名称", "总投资", "联系人"),
      row("A", 1, "张"),
    ];
    expect(locate({ name: "S", grid }).headerRow).toBe(1);
    const same = locate({ name: "S", grid: [header, header, row("A", 1, "x")] });
    expect(same.headerRow).toBe(0);
    expect(same.skippedRows).toEqual([{ row: 1, reason: "header" }]);
  });

  test("numbers and blank texts add nothing to a row's header score", () => {
    const third = row("项目名称", "总投资", "联系人");
    const numbers = [row("项目名称", "总投资", 2023, 2024), third, row("A", 1, "张")];
    expect(locate({ name: "S", grid: numbers }).headerRow).toBe(1);
    const spaces = [row("项目名称", "总投资", " ", "\u3000"), third, row("A", 1, "张")];
    expect(locate({ name: "S", grid: spaces }).headerRow).toBe(1);
  });

  test("a wide row of texts naming no field never wins over the header", () => {
    const weeks = Array.from({ length: 30 }, (_, i) => `第${i + 1}周`);
    const t = locate({ name: "S", grid: [weeks, row("项目名称", "总投资"), row("A", 1)] });
    expect(t.headerRow).toBe(1);
  });

  test("from an offset, merges and marks in sheet coordinates decide sections and our columns", () => {
    // Grid cell [0][0] is sheet cell C4.
    const grid = [
      row("项目名称", "总投资", "产业链", "得分"),
      row("新能源汽车"),
      row("只有名称的项目"),
      row(null, null, "合并格右边的项目"),
      row("A", 1, "x", 50),
    ];
    const t = locate({
      name: "S",
      grid,
      origin: { row: 3, col: 2 },
      merges: [
        { top: 4, left: 2, bottom: 4, right: 4 },
        { top: 6, left: 2, bottom: 6, right: 3 },
      ],
      marks: [{ key: "score", row: 3, col: 5 }],
    });
    expect(t.dataRows).toEqual([2, 3, 4]);
    expect(t.skippedRows).toEqual([{ row: 1, reason: "section" }]);
    expect(t.ownColumns).toEqual([{ key: "score", col: 3 }]);
    expect(t.lastCol).toBe(2);
  });

  test("hidden, marked and tagged header cells do not count toward the header", () => {
    const grid = [row("项目名称", "总投资"), row("A", 1)];
    expect(locateTable({ name: "S", grid, hiddenColumns: [1] }, model).ok).toBe(false);
    expect(
      locateTable({ name: "S", grid, marks: [{ key: "score", row: 0, col: 1 }] }, model).ok
    ).toBe(false);
    expect(locateTable({ name: "S", grid: [row("项目名称", "总投资 [ZS:score]")] }, model).ok).toBe(
      false
    );
  });

  test("header cells merged down push the first data row below the merge, up to three rows", () => {
    // Row 1 holds a unit under 总投资: a lone text, a candidate unless the merge covers it.
    const grid = [
      header,
      row(null, "万元"),
      row("A", 1, "x"),
      row("B", 2, "y"),
      row("C", 3, "z"),
      row("D", 4, "w"),
    ];
    const down = (rows: number) => [{ top: 0, left: 0, bottom: rows, right: 0 }];
    expect(locate({ name: "S", grid, merges: down(1) }).dataRows).toEqual([2, 3, 4, 5]);
    expect(locate({ name: "S", grid, merges: down(3) }).dataRows).toEqual([4, 5]);
    // A merge reaching four rows down is a merged column of data, not a header cell.
    expect(locate({ name: "S", grid, merges: down(4) }).dataRows).toEqual([1, 2, 3, 4, 5]);
  });

  test("two blank rows do not end the table, three do; blanks after the last row are not listed", () => {
    const grid = [header, row("A", 1, "x"), row(), row(), row("B", 2, "y"), row(), row(), row()];
    const t = locate({ name: "S", grid: [...grid, row("C", 3, "z")] });
    expect(t.dataRows).toEqual([1, 4]);
    expect(t.skippedRows).toEqual([
      { row: 2, reason: "blank" },
      { row: 3, reason: "blank" },
    ]);
    // A row with content starts the count again.
    const apart = [
      header,
      row("A", 1, "x"),
      row(),
      row(),
      row("B", 2, "y"),
      row(),
      row("C", 3, "z"),
    ];
    expect(locate({ name: "S", grid: apart }).dataRows).toEqual([1, 4, 6]);
  });

  test("a note ends the table only as a row of at most two cells", () => {
    const grid = [
      header,
      row("A", 1, "x"),
      row("说明：备用地块", 2, "y"),
      row(5, "注：以下为储备项目"),
      row("B", 3, "z"),
    ];
    expect(locate({ name: "S", grid }).dataRows).toEqual([1, 2]);
    // The note is the first text of the row, whatever follows it.
    const first = [header, row("A", 1, "x"), row("注：以下为储备项目", "见附表"), row("B", 3, "z")];
    expect(locate({ name: "S", grid: first }).dataRows).toEqual([1]);
  });

  test("a total word counts in the first three text cells of a row only", () => {
    const grid = [
      row("项目名称", "产业链", "地区", "类别", "总投资"),
      row("A", "汽车", "合计", null, 1),
      row("B", "汽车", "江苏", "合计", 2),
    ];
    const t = locate({ name: "S", grid });
    expect(t.dataRows).toEqual([2]);
    expect(t.skippedRows).toEqual([{ row: 1, reason: "total" }]);
  });

  test("a row is a repeated header when at least half its cells are header texts", () => {
    const grid = [
      row("项目名称", "总投资", "产业链", "地区", "联系人"),
      row("项目名称", "总投资", null, "江苏"),
      row("项目名称", "总投资", "汽车", "江苏"),
      row("项目名称", "总投资", "汽车", "江苏", "张"),
      row("项目名称", "总投资"),
      row("A", 1, "汽车", "江苏", "张"),
    ];
    // 2 of 3, 2 of 4 and 2 of 2 cells are header texts: skipped; 2 of 5: a candidate.
    const t = locate({ name: "S", grid });
    expect(t.dataRows).toEqual([3, 5]);
    expect(t.skippedRows).toEqual([
      { row: 1, reason: "header" },
      { row: 2, reason: "header" },
      { row: 4, reason: "header" },
    ]);
  });

  test("a repeated header takes two header texts: a row whose only text repeats one header is a candidate", () => {
    const grid = [
      row("项目名称", "总投资", "产业链", "地区", "联系人"),
      row("地区", 5),
      row("A", 1, "汽车", "江苏", "张"),
    ];
    // Row 1: one text and one number, the text a header's: 1 of 2 cells, but one text alone is no header.
    const t = locate({ name: "S", grid });
    expect(t.dataRows).toEqual([1, 2]);
    expect(t.skippedRows).toEqual([]);
  });

  test("a lone cell is a section when it is no text, spans columns or is numbered; else a candidate", () => {
    const grid = [
      header,
      row(2023),
      row("新能源汽车"),
      row("二、机床"),
      row(null, "只有名称的项目"),
      row("纵向合并"),
      row("A", 1, "x"),
      row(null, null, "合并格右边的项目"),
      row("合并格左边的项目"),
    ];
    // Rows 7 and 8 hold a blank merge beside their one cell.
    const merges = [
      { top: 2, left: 0, bottom: 2, right: 2 },
      { top: 5, left: 0, bottom: 6, right: 0 },
      { top: 7, left: 0, bottom: 7, right: 1 },
      { top: 8, left: 1, bottom: 8, right: 2 },
    ];
    const t = locate({ name: "S", grid, merges });
    expect(t.dataRows).toEqual([4, 5, 6, 7, 8]);
    expect(t.skippedRows).toEqual([
      { row: 1, reason: "section" },
      { row: 2, reason: "section" },
      { row: 3, reason: "section" },
    ]);
  });

  test("cells left of the first header and right of the last are not read; hidden columns kept inside only", () => {
    const grid = [
      row(null, "项目名称", "总投资", "产业链", "地区"),
      ["左边的备注", null, null, null, null, "右边的备注"],
      row(null, "A", 1, "x", "江苏"),
      row(null, null, null, null, "只在最后一列"),
    ];
    const t = locate({ name: "S", grid, hiddenColumns: [4, 0, 5, 1] });
    expect([t.firstCol, t.lastCol]).toEqual([1, 4]);
    expect(t.dataRows).toEqual([2, 3]);
    expect(t.skippedRows).toEqual([{ row: 1, reason: "blank" }]);
    expect(t.hiddenColumns).toEqual([1, 4]);
  });
});

test("only merges from above reaching the header row fill a blank header cell", () => {
  // The title merged over row 0 and a section merged over row 2 both start in the blank column A.
  const grid = [
    row("重点项目清单"),
    row(null, "项目名称", "总投资", "产业链"),
    row("一、汽车"),
    row(null, "A", 1, "x"),
  ];
  const merges = [
    { top: 0, left: 0, bottom: 0, right: 4 },
    { top: 2, left: 0, bottom: 2, right: 3 },
  ];
  const t = locate({ name: "S", grid, merges });
  expect(t.headers[0]).toBeNull();
  expect([t.firstCol, t.lastCol]).toEqual([1, 3]);
});

describe("the header search skips rows that cannot beat the best so far", () => {
  // A skipped row must be one whose full score could not have won: otherwise the header found changes.
  const labels = model.fields.flatMap((f) => [f.label.zh, f.label.en, ...(f.aliases ?? [])]);
  const cell = fc.oneof(
    { arbitrary: fc.constantFrom(...labels), weight: 6 },
    fc.constantFrom(
      "序号",
      "备注",
      "合计",
      "单位：万元",
      "",
      "  ",
      "诺瓦瑞斯汽车零部件",
      "1.8亿元"
    ),
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.constant(null)
  );
  test("a row is scored as in full whenever its full score beats the bound", () => {
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 12 }),
        fc.integer({ min: 0, max: 120 }),
        (cells, percent) => {
          const full = headerScore(cells, model, new Set(), undefined, -1);
          // Bounds near the row's own score are where a wrong bound would show.
          const beat = (percent / 100) * full.score;
          const pruned = headerScore(cells, model, new Set(), undefined, beat);
          if (full.score > beat) expect(pruned).toEqual(full);
          else expect(pruned.score).toBeLessThanOrEqual(beat);
        }
      ),
      { numRuns: 2000 }
    );
  });
});

test("a yes/no role header (是否链主) names the role field when the header row is sought", () => {
  const pinghuModel = loadModel(pinghu);
  const grid: CellValue[][] = [
    ["2023年项目清单", null],
    ["项目名称", "是否链主"],
    ["甲", "是"],
  ];
  const found = locateTable({ name: "s", grid }, pinghuModel);
  expect(found.ok && found.table.headerRow).toBe(1);
  expect(headerScore(grid[1], pinghuModel, new Set(), undefined, 0)).toEqual({
    score: 1 + 0.95 + 0.2,
    fields: 2,
  });
  // 是否签约 names no field: one field is no header row.
  expect(headerScore(["项目名称", "是否签约"], pinghuModel, new Set(), undefined, 0).fields).toBe(
    1
  );
});

test("a scoring-model sheet is never a candidate list, whatever field names its rows hold", () => {
  const defaults = loadModel(pinghu);
  const r = locateTable({ name: "评分模型", grid: modelToGrid(defaults, "zh") }, defaults);
  expect(r).toEqual({
    ok: false,
    message: {
      zh: "工作表「评分模型」是评分模型表（A 列有 [ZS:model] 标记），不是候选项目表。",
      en: 'Sheet "评分模型" is a scoring-model sheet ([ZS:model] in column A), not a candidate table.',
    },
  });
});
