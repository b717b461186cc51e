import { compileModel, scoreCandidates, scoreTable } from "../../src/engine";
import type { CellValue, ScoringModel } from "../../src/engine/types";
import { toCandidateTable } from "../../src/workbook/candidates";
import { mapColumns } from "../../src/workbook/mapping";
import { cellAddress } from "../../src/workbook/a1";
import { marksOf } from "../../src/workbook/marker";
import { nameField, planResults } from "../../src/workbook/results";
import { locateTable } from "../../src/workbook/table";
import type {
  ColumnMapping,
  Grid,
  PlannedResults,
  ResultPlan,
  SheetData,
  TableLocation,
} from "../../src/workbook/types";
import { smallModel } from "../fixtures/workbooks/model";
import { fakeScore } from "../fixtures/workbooks/scores";
import { model as sample, readSheet } from "../models/sample-helpers";

const model = smallModel();
const scores = [fakeScore(0, 55.555, 2), fakeScore(1, 81.2, 1, "A"), fakeScore(2, 10, null, null)];

function sheetOf(grid: Grid, extra: Partial<SheetData> = {}): SheetData {
  return { name: "清单", grid, ...extra };
}

function tableOf(sheet: SheetData): TableLocation {
  const r = locateTable(sheet, model);
  if (!r.ok) throw new Error(r.message.en);
  return r.table;
}

function planned(p: ResultPlan): PlannedResults {
  if (!p.ok) throw new Error(p.message.en);
  return p;
}

/** The base sheet with one cell set (the row extended as needed). */
function withCell(r: number, c: number, value: CellValue): SheetData {
  const grid = base.map((row) => [...row]) as CellValue[][];
  while (grid[r].length <= c) grid[r].push(null);
  grid[r][c] = value;
  return sheetOf(grid);
}

/** The plan for result columns, in English. */
function columnsPlan(sheet: SheetData, standing = scores): ResultPlan {
  return planResults(sheet, tableOf(sheet), standing, model, { target: "columns", lang: "en" });
}

/** Applies a plan to a grid, as a host would. */
function apply(sheet: SheetData, plan: PlannedResults): Grid {
  const grid = sheet.grid.map((r) => [...r]);
  for (const b of plan.blocks)
    b.values.forEach((vals, i) =>
      vals.forEach((v, j) => {
        const r = b.top + i;
        while (grid.length <= r) grid.push([]);
        grid[r][b.left + j] = v;
      })
    );
  return grid;
}

/** The sheet after a host wrote the plan: its cells, and the marks its hidden names carry. */
function written(sheet: SheetData, plan: PlannedResults): SheetData {
  const names = plan.names.map((n) => ({ name: n.name, ref: `=${n.ref}` }));
  return { ...sheet, grid: apply(sheet, plan), marks: marksOf(names, sheet.name) };
}

const base: Grid = [
  ["重点招商项目", null, null],
  ["项目名称", "总投资", "产业链"],
  ["A", 1000, "汽车"],
  ["B", 5000, "电池"],
  ["合计", 6000, null],
  ["C", 100, "机床"],
  ["备注：示例", null, null],
];

test("new columns after the table with clean headers, marked by names, one block, score range", () => {
  const sheet = sheetOf(base);
  const plan = planned(
    planResults(sheet, tableOf(sheet), scores, model, { target: "columns", lang: "zh" })
  );
  expect(plan.columns.map((c) => [c.key, c.col, c.existed])).toEqual([
    ["score", 3, false],
    ["grade", 4, false],
    ["rank", 5, false],
    ["decision", 6, false],
    ["dim.scale", 7, false],
    ["dim.benefit", 8, false],
    ["explanation", 9, false],
  ]);
  expect(plan.blocks).toHaveLength(1);
  const g = apply(sheet, plan);
  expect(g[1].slice(3)).toEqual(["得分", "等级", "排名", "建议", "规模", "效益", "说明"]);
  expect(plan.names.map((n) => [n.name, n.ref])).toEqual([
    ["_ZS.score", "'清单'!$D$2"],
    ["_ZS.grade", "'清单'!$E$2"],
    ["_ZS.rank", "'清单'!$F$2"],
    ["_ZS.decision", "'清单'!$G$2"],
    ["_ZS.dim.scale", "'清单'!$H$2"],
    ["_ZS.dim.benefit", "'清单'!$I$2"],
    ["_ZS.explanation", "'清单'!$J$2"],
  ]);
  expect(g[2].slice(3, 7)).toEqual([55.56, "B", 2, "保持联系"]);
  expect(g[3].slice(3, 7)).toEqual([81.2, "A", 1, "重点跟进"]);
  expect(g[4].slice(3)).toEqual([null, null, null, null, null, null, null]);
  expect(g[5].slice(3, 6)).toEqual([10, null, null]);
  expect(g[6].slice(3).every((v) => v === undefined)).toBe(true);
  expect(plan.scoreRange).toMatchObject({
    top: 2,
    bottom: 5,
    left: 3,
    right: 3,
    address: "'清单'!D3:D6",
  });
});

test("a rerun (even in another language) finds our columns by their names and adds none", () => {
  const sheet = sheetOf(base);
  const again = written(
    sheet,
    planned(planResults(sheet, tableOf(sheet), scores, model, { target: "columns", lang: "zh" }))
  );
  const plan = planned(
    planResults(
      again,
      tableOf(again),
      scores.map((s) => ({ ...s, score: s.score + 1 })),
      model,
      { target: "columns", lang: "en" }
    )
  );
  expect(plan.columns.every((c) => c.existed)).toBe(true);
  expect(plan.columns.map((c) => c.col)).toEqual([3, 4, 5, 6, 7, 8, 9]);
  const g = apply(again, plan);
  expect(g[1].length).toBe(10);
  expect(g[1][3]).toBe("Score");
  expect(g[2][3]).toBe(56.56);
});

test("results an earlier version wrote with tagged headers are recognised and written clean", () => {
  const tagged = base.map((r) => [...r]) as CellValue[][];
  tagged[1].push("综合得分 [ZS:score]", "等级 [ZS:grade]", "规模得分 [ZS:dim.scale]");
  tagged[2].push(50, "B", 40);
  const sheet = sheetOf(tagged);
  const table = tableOf(sheet);
  expect(table.ownColumns).toEqual([
    { key: "score", col: 3 },
    { key: "grade", col: 4 },
    { key: "dim.scale", col: 5 },
  ]);
  const plan = planned(planResults(sheet, table, scores, model, { target: "columns", lang: "zh" }));
  expect(plan.columns.slice(0, 2).map((c) => [c.key, c.col, c.existed])).toEqual([
    ["score", 3, true],
    ["grade", 4, true],
  ]);
  expect(plan.columns.find((c) => c.key === "dim.scale")?.col).toBe(5);
  expect(apply(sheet, plan)[1].slice(3, 6)).toEqual(["得分", "等级", "规模"]);
});

test("without their names, clean result headers are the user's cells and are never written over", () => {
  const sheet = sheetOf(base);
  const plan = planned(
    planResults(sheet, tableOf(sheet), scores, model, { target: "columns", lang: "zh" })
  );
  // A tool that drops defined names: our columns read as the user's, so new ones go after them.
  const lost = { ...written(sheet, plan), marks: [] };
  const again = planned(
    planResults(lost, tableOf(lost), scores, model, { target: "columns", lang: "zh" })
  );
  expect(Math.min(...again.columns.map((c) => c.col))).toBe(10);
});

test("formats, colours and widths: one decimal, whole ranks, palette colours, CJK counted double", () => {
  const sheet = sheetOf(base);
  const plan = planned(
    planResults(sheet, tableOf(sheet), scores, model, { target: "columns", lang: "zh" })
  );
  const col = (key: string) => plan.columns.find((c) => c.key === key)!;
  expect(col("score").numberFormat).toBe("0.0");
  expect(col("dim.scale").numberFormat).toBe("0.0");
  expect(col("rank").numberFormat).toBe("0");
  expect(col("explanation").wrap).toBe(true);
  // The palette the pane's badges use: grade A green, B blue.
  expect(col("grade").colours?.A).toEqual({ fill: "#DFF6DD", font: "#107C10" });
  expect(col("grade").colours?.B).toEqual({ fill: "#EBF3FC", font: "#0F6CBD" });
  expect(Object.keys(col("decision").colours ?? {})).toEqual(
    expect.arrayContaining(["重点跟进", "保持联系"])
  );
  // "得分" is 4 wide, "55.6" 4: 4 + 2 padding, at least the minimum 6.
  expect(col("score").width).toBe(6);
  // "保持联系" is four CJK characters: 8 wide, plus 2.
  expect(col("decision").width).toBe(10);
  expect(col("explanation").width).toBeLessThanOrEqual(50);
  expect(plan.headerLook).toEqual({ row: 1, col: 2 });
});

test("print setup: landscape header row repeated, page header with list, model version and date", () => {
  const sheet = sheetOf(base);
  const plan = planned(
    planResults(sheet, tableOf(sheet), scores, model, {
      target: "columns",
      lang: "zh",
      title: "重点招商对象清单",
      date: "2026-12-01",
    })
  );
  expect(plan.print).toEqual({
    sheet: "清单",
    titleRows: [1, 1],
    header: {
      left: "重点招商对象清单",
      right: `${model.name.zh} 版本 ${model.version} · 2026-12-01`,
    },
  });
});

test("a column we no longer need is cleared; values left below a shrunken table too", () => {
  const grid: Grid = [
    ["项目名称", "总投资", "产业链", "综合得分 [ZS:score]", "旧维度得分 [ZS:dim.old]"],
    ["A", 1000, "汽车", 50, 40],
    [null, null, null, 20, 30],
  ];
  const sheet = sheetOf(grid);
  const plan = planned(
    planResults(sheet, tableOf(sheet), [fakeScore(0, 70, 1)], model, {
      target: "columns",
      lang: "zh",
    })
  );
  const g = apply(sheet, plan);
  expect(g[0][4]).toBe("等级");
  expect(plan.columns.find((c) => c.key === "grade")?.existed).toBe(false);
  expect(g[2][3]).toBeNull();
  expect(g[0].filter((h) => typeof h === "string" && h.includes("[ZS:dim.old]"))).toEqual([]);
});

test("refuses to write over a user's cell, and names it in A1", () => {
  const grid = base.map((r) => [...r]) as CellValue[][];
  grid[3][5] = "张三的备注";
  const sheet = sheetOf(grid);
  const plan = planResults(sheet, tableOf(sheet), scores, model, { target: "columns", lang: "zh" });
  expect(plan.ok).toBe(false);
  if (!plan.ok) {
    expect(plan.conflicts).toEqual([{ address: "F4", value: "张三的备注" }]);
    expect(plan.message.zh).toContain("F4");
    expect(plan.message.zh).toContain("评分结果");
    expect(plan.message.en).toContain("F4");
    expect(plan.alternative).toBe("sheet");
  }
});

describe("every edge of the result area is guarded (issue 20)", () => {
  const clean = planned(
    planResults(sheetOf(base), tableOf(sheetOf(base)), scores, model, {
      target: "columns",
      lang: "zh",
    })
  );
  const left = Math.min(...clean.blocks.map((b) => b.left));
  const right = Math.max(...clean.blocks.map((b) => b.left + b.values[0].length - 1));
  const top = Math.min(...clean.blocks.map((b) => b.top));
  const bottom = Math.max(...clean.blocks.map((b) => b.top + b.values.length - 1));
  const corners: [string, number, number][] = [
    ["first data row, first result column", top + 1, left],
    ["first data row, last result column", top + 1, right],
    ["last row, first result column", bottom, left],
    ["last row, last result column", bottom, right],
  ];
  const covers = (p: PlannedResults, r: number, c: number) =>
    p.blocks.some(
      (b) =>
        r >= b.top && r < b.top + b.values.length && c >= b.left && c < b.left + b.values[0].length
    );

  test.each(corners)("a user's value at the %s is refused by its address", (_, r, c) => {
    const sheet = withCell(r, c, "用户备注");
    const plan = columnsPlan(sheet);
    expect(plan.ok ? [] : plan.conflicts).toEqual([
      { address: cellAddress(r, c), value: "用户备注" },
    ]);
  });

  test.each([
    ["first", left],
    ["last", right],
  ])("a user's header above the %s result column joins the table and is never written", (_, c) => {
    const sheet = withCell(top, c, "用户备注");
    const plan = planned(columnsPlan(sheet));
    expect(covers(plan, top, c)).toBe(false);
    expect(apply(sheet, plan)[top][c]).toBe("用户备注");
  });

  // A header the table does not take in (a space, a comment, a merge) must still stop the write:
  // text there would join the table, so only these reach the header row's own check.
  test.each([
    ["first", left],
    ["last", right],
  ])("a space in the header row above the %s result column is refused", (_, c) => {
    const sheet = withCell(top, c, " ");
    const plan = columnsPlan(sheet);
    expect(plan.ok ? [] : plan.conflicts).toEqual([{ address: cellAddress(top, c), value: " " }]);
  });

  test("a comment or validation in the header row only is refused", () => {
    const sheet = sheetOf(base, { occupied: [{ top, left: right, bottom: top, right }] });
    const plan = columnsPlan(sheet);
    expect(plan.ok ? [] : plan.conflicts).toEqual([
      { address: cellAddress(top, right), value: "(formula, comment or validation)" },
    ]);
  });

  test("a blank merge over the first result column only is refused", () => {
    const sheet = sheetOf(base, { merges: [{ top: top + 1, left, bottom: top + 2, right: left }] });
    const plan = columnsPlan(sheet);
    expect(plan.ok ? [] : plan.conflicts).toEqual([
      { address: cellAddress(top + 1, left), value: "(merged)" },
      { address: cellAddress(top + 2, left), value: "(merged)" },
    ]);
  });

  test("a blank merge in the header row over result columns only is refused", () => {
    const sheet = sheetOf(base, {
      merges: [{ top, left: left + 1, bottom: top, right: left + 2 }],
    });
    const plan = columnsPlan(sheet);
    expect(plan.ok ? [] : plan.conflicts).toEqual([
      { address: cellAddress(top, left + 1), value: "(merged)" },
      { address: cellAddress(top, left + 2), value: "(merged)" },
    ]);
  });

  test("the refusal names the cells in both languages and offers the result sheet", () => {
    const grid = base.map((row) => [...row]) as CellValue[][];
    grid[top + 1][left] = "x";
    const sheet = sheetOf(grid);
    const plan = columnsPlan(sheet);
    expect(plan.ok ? null : plan.message).toEqual({
      zh: `不能写入结果：工作表「清单」的 ${cellAddress(top + 1, left)} 已有内容，且不是本工具写入的。为保护您的数据，未做任何修改。可改为把结果写入单独的工作表「ZS results」。`,
      en: `Cannot write results: ${cellAddress(top + 1, left)} in sheet "清单" already hold content this tool did not write. Nothing was changed, to protect your data. Write the results to a separate sheet ("ZS results") instead.`,
    });
  });

  test("more than eight conflicts: the first eight listed, then the count", () => {
    const grid = base.map((row) => [...row]) as CellValue[][];
    for (let r = top + 1; r <= bottom; r++)
      for (let c = left; c <= right; c++) {
        while (grid[r].length <= c) grid[r].push(null);
        grid[r][c] = "x";
      }
    const sheet = sheetOf(grid);
    const plan = columnsPlan(sheet);
    const total = (bottom - top) * (right - left + 1);
    const first8 = plan.ok ? [] : plan.conflicts.slice(0, 8).map((c) => c.address);
    expect(plan.ok ? "" : plan.message.en).toContain(`${first8.join(", ")} … (${total} in all) in`);
    expect(plan.ok ? "" : plan.message.zh).toContain(`${first8.join("、")} …（共 ${total} 个）`);
    expect(plan.ok ? [] : plan.conflicts).toHaveLength(total);
  });

  test("a space is the user's; an empty string (Office.js's empty cell) is not", () => {
    const withSpace = base.map((row) => [...row]) as CellValue[][];
    withSpace[bottom][right] = " ";
    const sheet = sheetOf(withSpace);
    const refused = columnsPlan(sheet);
    expect(refused.ok ? [] : refused.conflicts.map((c) => c.address)).toEqual([
      cellAddress(bottom, right),
    ]);
    const withEmpty = base.map((row) => [...row, "", "", "", "", "", "", "", "", "", "", ""]);
    const empty = sheetOf(withEmpty as CellValue[][]);
    expect(columnsPlan(empty).ok).toBe(true);
  });

  test("a merge touching only the result area's last column is refused", () => {
    const sheet = sheetOf(base, {
      merges: [{ top: bottom, left: right, bottom: bottom + 1, right: right + 1 }],
    });
    const plan = columnsPlan(sheet);
    expect(plan.ok ? [] : plan.conflicts).toEqual([
      { address: cellAddress(bottom, right), value: "(merged)" },
    ]);
  });
});

test("a merged area in the way is a conflict too", () => {
  const sheet = sheetOf(base, { merges: [{ top: 2, left: 4, bottom: 3, right: 5 }] });
  const plan = columnsPlan(sheet);
  expect(plan.ok ? [] : plan.conflicts.map((c) => c.address)).toEqual(["E3", "E4", "F3", "F4"]);
});

test("the result sheet: rank order, sheet row numbers and names; rerun clears leftovers", () => {
  const sheet = sheetOf(base);
  const table = tableOf(sheet);
  const mapping = mapColumns(table.headers, model);
  const plan = planned(
    planResults(sheet, table, scores, model, { target: "sheet", lang: "zh", mapping })
  );
  expect(plan).toMatchObject({ sheet: "评分结果", createSheet: true, headerRow: 0 });
  const g = plan.blocks[0].values;
  expect(g[0].slice(0, 4)).toEqual(["行号", "项目名称", "得分", "等级"]);
  expect(plan.names[0]).toEqual({ sheet: "评分结果", name: "_ZS.row", ref: "'评分结果'!$A$1" });
  expect(g.slice(1).map((r) => r.slice(0, 3))).toEqual([
    [4, "B", 81.2],
    [3, "A", 55.56],
    [6, "C", 10],
  ]);
  expect(plan.scoreRange?.address).toBe("'评分结果'!C2:C4");

  const existing = sheetOf(
    g.concat([
      [1, "old", 1],
      [2, "old", 2],
    ]),
    { name: "评分结果", marks: [{ key: "row", row: 0, col: 0 }] }
  );
  const rerun = planned(
    planResults(sheet, table, scores.slice(0, 1), model, {
      target: "sheet",
      lang: "zh",
      mapping,
      existingSheet: existing,
    })
  );
  expect(rerun.createSheet).toBe(false);
  expect(rerun.blocks[0].values.length).toBe(existing.grid.length);
  expect(
    rerun.blocks[0].values
      .slice(2)
      .flat()
      .every((v) => v === null)
  ).toBe(true);
});

test("the result sheet is refused when a user's sheet already has its name", () => {
  const sheet = sheetOf(base);
  const plan = planResults(sheet, tableOf(sheet), scores, model, {
    target: "sheet",
    lang: "en",
    existingSheet: sheetOf([["my own notes"]], { name: "ZS results" }),
  });
  expect(plan.ok ? "" : plan.message.en).toBe(
    'Cannot write results: a sheet named "ZS results" already exists and holds content this tool did not write. Nothing was changed, to protect your data. Choose another name for the result sheet.'
  );
});

describe("the plan from a ScoredTable (no explanations built)", () => {
  const opts = (target: "columns" | "sheet", lang: "zh" | "en", mapping?: ColumnMapping) => ({
    target,
    lang,
    mapping,
  });

  // The sample read and scored once: planResults is what the test is about (in mutation runs, a test
  // reading the sample in its body would be one every mutant of the reading code runs).
  let sheet: SheetData;
  let located: { table: TableLocation };
  let mapping: ColumnMapping;
  let scored: ReturnType<typeof scoreTable>;
  let scores: ReturnType<typeof scoreCandidates>;
  beforeAll(async () => {
    sheet = await readSheet();
    const found = locateTable(sheet, sample);
    if (!found.ok) throw new Error(found.message.en);
    located = found;
    mapping = mapColumns(found.table.headers, sample);
    const table = toCandidateTable(sheet, found.table, mapping);
    scored = scoreTable(table, compileModel(sample));
    scores = scoreCandidates(table, sample);
  });

  test("equals the plan from CandidateScore objects on the sample workbook, cell for cell", () => {
    // Not a trivial sample: some candidates are unranked, and the 说明 column is filled.
    expect(scores.some((s) => s.rank === null)).toBe(true);
    for (const [target, lang] of [
      ["columns", "zh"],
      ["columns", "en"],
      ["sheet", "zh"],
      ["sheet", "en"],
    ] as const) {
      const fast = planned(
        planResults(sheet, located.table, scored, sample, opts(target, lang, mapping))
      );
      const old = planned(
        planResults(sheet, located.table, scores, sample, opts(target, lang, mapping))
      );
      expect(fast).toEqual(old);
      const col = fast.columns.find((c) => c.key === "explanation")!.col - fast.blocks[0].left;
      expect(
        fast.blocks[0].values.filter((r) => typeof r[col] === "string" && r[col] !== "")
      ).toHaveLength(scores.length + 1);
    }
  });
});

describe("the bounds of the result area (issue 20)", () => {
  const grid: Grid = [
    ["项目名称", "总投资", "产业链"],
    ["A", 1000, "汽车"],
    ["B", 5000, "电池"],
  ];
  const two = [fakeScore(0, 50, 1), fakeScore(1, 40, 2)];

  test("results may end exactly at column XFD, not one column beyond", () => {
    // 3 table columns and 7 result columns: origin column 16374 puts the last one at 16383 (XFD).
    const fits = sheetOf(grid, { origin: { row: 0, col: 16374 } });
    const plan = columnsPlan(fits, two);
    expect(plan.ok ? plan.columns.map((c) => c.col) : []).toEqual([
      16377, 16378, 16379, 16380, 16381, 16382, 16383,
    ]);
    const over = sheetOf(grid, { origin: { row: 0, col: 16375 } });
    expect(columnsPlan(over, two)).toEqual({
      ok: false,
      conflicts: [],
      alternative: "sheet",
      message: {
        zh: "不能写入结果：工作表「清单」的表格右侧没有空余的列（Excel 最多到 XFD 列）。请改为把结果写入单独的工作表「ZS results」。",
        en: 'Cannot write results: sheet "清单" has no free columns right of the table (Excel stops at column XFD). Write the results to a separate sheet ("ZS results") instead.',
      },
    });
  });

  test("exactly eight conflicts are all listed, with no count", () => {
    const g = grid.map((row) => [...row]) as CellValue[][];
    for (let c = 3; c < 7; c++) for (const r of [1, 2]) g[r][c] = "x";
    const sheet = sheetOf(g);
    const plan = columnsPlan(sheet, two);
    expect(plan.ok ? "" : plan.message.en).toContain(
      "Cannot write results: D2, D3, E2, E3, F2, F3, G2, G3 in sheet"
    );
    expect(plan.ok ? "" : plan.message.zh).toContain("的 D2、D3、E2、E3、F2、F3、G2、G3 已有内容");
  });

  test("our spare columns are reused left to right before new ones are added", () => {
    const g: Grid = [
      ["项目名称", "总投资", "产业链", "得分 [ZS:score]", "旧 [ZS:dim.old1]", "旧 [ZS:dim.old2]"],
      ["A", 1000, "汽车", 1, 2, 3],
    ];
    const sheet = sheetOf(g);
    const plan = planned(
      planResults(sheet, tableOf(sheet), [fakeScore(0, 50, 1)], model, {
        target: "columns",
        lang: "en",
      })
    );
    expect(plan.columns.map((c) => [c.key, c.col, c.existed])).toEqual([
      ["score", 3, true],
      ["grade", 4, false],
      ["rank", 5, false],
      ["decision", 6, false],
      ["dim.scale", 7, false],
      ["dim.benefit", 8, false],
      ["explanation", 9, false],
    ]);
  });
});

test("spare columns are reused left to right also when a marker is written twice (a copied column)", () => {
  // The later dim.old1 wins its key, at the first one's place in the list: spare columns come 6, 5.
  const g: Grid = [
    [
      "项目名称",
      "总投资",
      "产业链",
      "得分 [ZS:score]",
      "旧 [ZS:dim.old1]",
      "旧 [ZS:dim.old2]",
      "旧 [ZS:dim.old1]",
    ],
    ["A", 1000, "汽车", 1, 2, 3, 4],
  ];
  const sheet = sheetOf(g);
  const plan = planned(
    planResults(sheet, tableOf(sheet), [fakeScore(0, 50, 1)], model, {
      target: "columns",
      lang: "en",
    })
  );
  expect(plan.columns.slice(0, 3).map((c) => [c.key, c.col])).toEqual([
    ["score", 3],
    ["grade", 5],
    ["rank", 6],
  ]);
});

describe("a sheet read from an offset (origin) keeps sheet coordinates (issue 20)", () => {
  // As hosts pass a used range that starts at C4: grid cell [0][0] is sheet cell C4.
  const origin = { row: 3, col: 2 };
  const grid: Grid = [
    ["清单", null, null],
    ["项目名称", "总投资", "产业链"],
    ["A", 1000, "汽车"],
    ["B", 5000, "电池"],
  ];

  test("conflicts, blocks and the score range are in sheet coordinates", () => {
    const g = grid.map((row) => [...row, null]) as CellValue[][];
    g[1][3] = " "; // header row, first result column: sheet F5
    g[3][3] = "备注"; // last row: sheet F7
    const sheet = sheetOf(g, { origin });
    const plan = planResults(sheet, tableOf(sheet), scores.slice(0, 2), model, {
      target: "columns",
      lang: "en",
    });
    expect(plan.ok ? [] : plan.conflicts).toEqual([
      { address: "F5", value: " " },
      { address: "F7", value: "备注" },
    ]);
    const clean = sheetOf(grid, { origin });
    const ok = planned(
      planResults(clean, tableOf(clean), scores.slice(0, 2), model, {
        target: "columns",
        lang: "en",
      })
    );
    expect(ok.headerRow).toBe(4);
    expect(ok.columns[0].col).toBe(5);
    expect(ok.blocks.map((b) => [b.top, b.left, b.values.length])).toEqual([[4, 5, 3]]);
    expect(ok.scoreRange?.address).toBe("'清单'!F6:F7");
  });

  test("a rerun finds our columns at their sheet columns and adds none", () => {
    const first = planned(
      planResults(
        sheetOf(grid, { origin }),
        tableOf(sheetOf(grid, { origin })),
        scores.slice(0, 2),
        model,
        {
          target: "columns",
          lang: "en",
        }
      )
    );
    // The grid as the host reads it again: our headers and values after the table.
    const again = grid.map((row, i) => [
      ...row,
      ...first.blocks[0].values[i - 1 >= 0 ? i - 1 : 0].map((v) => (i === 0 ? null : v)),
    ]) as CellValue[][];
    // …and the marks its hidden names carry, in sheet coordinates.
    const marks = marksOf(
      first.names.map((n) => ({ name: n.name, ref: `=${n.ref}` })),
      "清单"
    );
    const sheet = sheetOf(again, { origin, marks });
    const plan = planned(
      planResults(sheet, tableOf(sheet), scores.slice(0, 2), model, {
        target: "columns",
        lang: "en",
      })
    );
    expect(plan.columns.every((c) => c.existed)).toBe(true);
    expect(plan.columns.map((c) => c.col)).toEqual(first.columns.map((c) => c.col));
  });
});

test("a table with no candidates yet still guards its header row", () => {
  const header: Grid = [["项目名称", "总投资", "产业链", null, " "]];
  const plan = columnsPlan(sheetOf(header), []);
  expect(plan.ok ? [] : plan.conflicts).toEqual([{ address: "E1", value: " " }]);
});

test("our columns split by a gap are written as two blocks, each column fitted to its own block", () => {
  // score at D and explanation at F from an earlier run, E left blank: the new columns go after F.
  const g: Grid = [
    ["项目名称", "总投资", "产业链", "得分 [ZS:score]", null, "说明 [ZS:explanation]"],
    ["A", 1000, "汽车", 1, null, "x"],
    ["B", 5000, "电池", 2, null, "y"],
  ];
  const sheet = sheetOf(g);
  const plan = planned(columnsPlan(sheet, scores.slice(0, 2)));
  expect(plan.blocks.map((b) => [b.left, b.values[0].length])).toEqual([
    [3, 1],
    [5, 6],
  ]);
  const width = (key: string) => plan.columns.find((c) => c.key === key)?.width;
  // "Score" is 5 wide, more than "55.6": 5 + 2.
  expect(width("score")).toBe(7);
  // The explanation leads the second block: "score 55.555" is 12 wide, more than "Explanation" (11).
  expect(width("explanation")).toBe(14);
  // "Grade" (5) over "A" and "B", read from the second block where grade sits.
  expect(width("grade")).toBe(7);
});

test("print setup in English: the model's name, the word version, and the sheet as the title", () => {
  const sheet = sheetOf(base);
  const plan = planned(columnsPlan(sheet));
  expect(plan.print.header).toEqual({
    left: "清单",
    right: `${model.name.en} version ${model.version}`,
  });
});

test("the result sheet shows a name typed as a number as Excel does, and fits its width to it", () => {
  const grid = base.map((r) => [...r]) as CellValue[][];
  grid[2][0] = 2026000123; // a project code in the name column
  const sheet = sheetOf(grid);
  const table = tableOf(sheet);
  const mapping = mapColumns(table.headers, model);
  const plan = planned(
    planResults(sheet, table, scores, model, { target: "sheet", lang: "zh", mapping })
  );
  expect(plan.blocks[0].values[2][1]).toBe(2026000123);
  // "2026000123" is 10 wide, more than 项目名称 (8): 10 + 2.
  expect(plan.columns.find((c) => c.key === "name")?.width).toBe(12);
});

test("from a ScoredTable, blanks stay blank: a dimension with nothing known, advice without decisions", () => {
  // Every criterion left out when missing, and no decision rules (the validator allows none).
  const m: ScoringModel = {
    ...model,
    decisions: [],
    criteria: model.criteria.map((c) => ({ ...c, missing: "renormalize" as const })),
  };
  const sheet = sheetOf([
    ["项目名称", "总投资", "产业链", "年税收"],
    ["A", 1000, null, null],
    ["B", 2000, "汽车", 50],
  ]);
  const table = tableOf(sheet);
  const scored = scoreTable(
    toCandidateTable(sheet, table, mapColumns(table.headers, m)),
    compileModel(m)
  );
  const plan = planned(planResults(sheet, table, scored, m, { target: "columns", lang: "en" }));
  const g = apply(sheet, plan);
  expect(g[0].slice(4)).toEqual([
    "Score",
    "Grade",
    "Rank",
    "Advice",
    "Scale",
    "Benefit",
    "Explanation",
  ]);
  const at = (key: string) => plan.columns.find((c) => c.key === key)!.col;
  // The engine gives NaN for A's benefit (nothing known) and a number for B's.
  expect(Number.isNaN(scored.dimensionScores[1][0])).toBe(true);
  expect([g[1][at("dim.benefit")], g[2][at("dim.benefit")]]).toEqual([
    null,
    Math.round(scored.dimensionScores[1][1] * 100) / 100,
  ]);
  expect([g[1][at("decision")], g[2][at("decision")]]).toEqual(["", ""]);
});

test("the name field: id name wherever it stands, else the first key text field, else none", () => {
  const [name, investment, , , chainText] = model.fields;
  const company = { ...chainText, id: "company", key: true };
  const withFields = (fields: ScoringModel["fields"]) => nameField({ ...model, fields });
  expect(withFields([company, investment, name])).toBe("name");
  expect(withFields([investment, chainText, company])).toBe("company");
  expect(withFields([investment, chainText])).toBeNull();
});

test("values our column left below the table are cleared to the last one, also when the last candidate has none yet", () => {
  const grid: Grid = [
    ["项目名称", "总投资", "产业链", "综合得分 [ZS:score]"],
    ["A", 1000, "汽车", 50],
    ["B", 5000, "电池", null], // new since the last run: no score yet
    [null, null, null, 20], // left by an earlier, longer table
  ];
  const sheet = sheetOf(grid);
  const plan = planned(columnsPlan(sheet, [fakeScore(0, 70, 1), fakeScore(1, 60, 2)]));
  expect(plan.createSheet).toBe(false);
  // One block from the header row down to row 4 (the leftover), not one row further.
  expect(plan.blocks.map((b) => [b.top, b.left, b.values.length])).toEqual([[0, 3, 4]]);
  const g = apply(sheet, plan);
  expect(g[3].slice(3).every((v) => v === null)).toBe(true);
  expect(g[2][3]).toBe(60);
});

test("a table with no candidates yet: headers written, no score range to colour", () => {
  const plan = planned(columnsPlan(sheetOf([["项目名称", "总投资", "产业链"]]), []));
  expect(plan.blocks.map((b) => [b.top, b.left, b.values.length])).toEqual([[0, 3, 1]]);
  expect(plan.scoreRange).toBeNull();
  expect(plan.createSheet).toBe(false);
});

describe("the result sheet (issue 20)", () => {
  const sheet = sheetOf(base);
  const table = tableOf(sheet);
  const mapping = mapColumns(table.headers, model);
  const sheetPlan = (
    standing: ReturnType<typeof fakeScore>[],
    extra: { existingSheet?: SheetData; title?: string } = {}
  ) =>
    planResults(sheet, table, standing, model, { target: "sheet", lang: "en", mapping, ...extra });

  test("in English: headers Row and Project, whole row numbers, the list's sheet as the print title", () => {
    const plan = planned(sheetPlan(scores));
    expect(plan.blocks[0].values[0].slice(0, 3)).toEqual(["Row", "Project", "Score"]);
    expect(plan.columns.slice(0, 2).map((c) => [c.key, c.header, c.numberFormat])).toEqual([
      ["row", "Row", "0"],
      ["name", "Project", undefined],
    ]);
    expect(plan.createSheet).toBe(true);
    expect(plan.columns.every((c) => !c.existed)).toBe(true);
    expect(plan.print.header.left).toBe("清单");
    expect(planned(sheetPlan(scores, { title: "2023 list" })).print.header.left).toBe("2023 list");
  });

  test("candidates without a rank follow the ranked ones in list order, whatever the scores' order", () => {
    // Sheet rows: B (row 4) ranked first, then A (row 3) and C (row 6), unranked, as listed,
    // whatever order the scores come in.
    const listed = [
      fakeScore(0, 30, null, null),
      fakeScore(1, 81.2, 1, "A"),
      fakeScore(2, 10, null, null),
    ];
    for (const standing of [listed, [listed[2], listed[1], listed[0]]])
      expect(
        planned(sheetPlan(standing))
          .blocks[0].values.slice(1)
          .map((r) => r.slice(0, 2))
      ).toEqual([
        [4, "B"],
        [3, "A"],
        [6, "C"],
      ]);
  });

  test("no candidates: the header row only, no score range", () => {
    const plan = planned(sheetPlan([]));
    expect(plan.blocks[0].values.length).toBe(1);
    expect(plan.scoreRange).toBeNull();
  });

  test("a result sheet an earlier version wrote (tagged headers, no names) is ours: written over", () => {
    const existingSheet = sheetOf(
      [
        ["行号 [ZS:row]", "项目名称 [ZS:name]", "综合得分 [ZS:score]", null],
        [4, "B", 81.2, null],
      ],
      { name: "ZS results" }
    );
    const plan = planned(sheetPlan(scores, { existingSheet }));
    expect(plan.createSheet).toBe(false);
    expect(plan.columns.every((c) => c.existed)).toBe(true);
  });

  test("an empty sheet of the name is written over; one with the user's text beside blanks is refused", () => {
    const empty = sheetOf([[null, " "], [""]], { name: "ZS results" });
    expect(planned(sheetPlan(scores, { existingSheet: empty })).createSheet).toBe(false);
    const notes = sheetOf([[null, "my notes"], [null]], { name: "ZS results" });
    // The same refusal, word for word, as for a sheet full of the user's text (refusals.test pins the words).
    const full = sheetOf([["my own notes"]], { name: "ZS results" });
    expect(sheetPlan(scores, { existingSheet: notes })).toEqual(
      sheetPlan(scores, { existingSheet: full })
    );
    expect(sheetPlan(scores, { existingSheet: notes }).ok).toBe(false);
  });
});
