import model from "../../src/models/pinghu-2023.json";
import { compileModel, scoreTable } from "../../src/engine";
import { planSummary } from "../../src/workbook/summary";
import type { CandidateScore, CellValue, ScoringModel } from "../../src/engine/types";
import { ExcelHost, PAYLOAD_BUDGET } from "../../src/excel/excel-host";
import type { WorkbookRead } from "../../src/workbook/host";
import {
  locateTable,
  mapColumns,
  findModelSheet,
  MODEL_SHEET_NAME,
  modelFromSheet,
  modelToGrid,
  planResults,
  RESULT_SHEET_NAME,
  toCandidateTable,
} from "../../src/workbook";
import type { PlannedResults } from "../../src/workbook/types";
import { FakeExcel, REQUEST_LIMIT } from "./fake-excel";

const MODEL = model as unknown as ScoringModel;
const HEADERS = ["序号", "项目名称", "总投资", "所属产业链", "项目进度", "投资方国别"];

function candidateRows(n: number): CellValue[][] {
  return Array.from({ length: n }, (_, i) => [
    i + 1,
    `项目${i + 1}`,
    `${(i % 50) + 1}亿元`,
    i % 2 ? "新能源汽车" : "生物医药",
    i % 3 ? "签约" : "洽谈",
    i % 4 ? "中国" : "法国",
  ]);
}

/** A sheet with a title row, a blank row, then the table from row 3 (A3). */
function workbookWith(n: number): FakeExcel {
  const excel = new FakeExcel("重点项目");
  excel.addSheet("其他");
  const rows: CellValue[][] = [["2023年重点招商项目清单"], [], HEADERS, ...candidateRows(n)];
  rows.forEach((row, r) => row.forEach((v, c) => excel.setCell("重点项目", r, c, v)));
  excel.select({ top: 4, left: 1, bottom: 4, right: 1 });
  return excel;
}

/** Scores standing in for the engine's: descending by index, with a long explanation when asked. */
function fakeScores(n: number, summaryLength = 20): CandidateScore[] {
  const text = "总投资规模大，产业链匹配"
    .repeat(Math.ceil(summaryLength / 12))
    .slice(0, summaryLength);
  return Array.from({ length: n }, (_, i) => ({
    index: i,
    score: 100 - (i * 100) / n,
    dimensions: Object.fromEntries(MODEL.dimensions.map((d) => [d.id, 10])),
    grade: "A",
    decision: "prioritise",
    rank: i + 1,
    completeness: 1,
    interval: [0, 100],
    excluded: false,
    gates: [],
    flags: [],
    chain: null,
    explanation: {
      criteria: [],
      gates: [],
      bonuses: [],
      flags: [],
      notes: [],
      unknowns: [],
      summary: { zh: text, en: "big" },
    },
  }));
}

async function plan(host: ExcelHost, summaryLength = 20, target: "columns" | "sheet" = "columns") {
  const read = await host.readWorkbook(RESULT_SHEET_NAME.zh);
  const located = locateTable(read.table, MODEL);
  if (!located.ok) throw new Error(located.message.en);
  const mapping = mapColumns(located.table.headers, MODEL, {}, located.table.hiddenColumns);
  const candidates = toCandidateTable(read.table, located.table, mapping);
  const scores = fakeScores(candidates.count, summaryLength);
  return {
    read,
    result: planResults(read.table, located.table, scores, MODEL, {
      target,
      lang: "zh",
      existingSheet: read.resultSheet,
      mapping,
    }),
  };
}

function expectLanded(excel: FakeExcel, p: PlannedResults): void {
  const blank = (v: CellValue) => (v === "" ? null : v);
  for (const b of p.blocks) {
    const got = b.values.map((row, i) =>
      row.map((_, j) => blank(excel.cell(b.sheet, b.top + i, b.left + j)))
    );
    expect(got).toEqual(b.values.map((row) => row.map(blank)));
  }
}

describe("ExcelHost.readWorkbook", () => {
  test("reads the region around the selection in two syncs, values and number formats only", async () => {
    const excel = workbookWith(5);
    const read = await new ExcelHost({ run: excel.run, isSetSupported: () => false }).readWorkbook(
      "评分结果"
    );
    expect(read.source).toBe("region");
    expect(excel.syncCount).toBe(2);
    // the title above a blank row is not part of the region
    expect(read.table.origin).toEqual({ row: 2, col: 0 });
    expect(read.table.grid[0]).toEqual(expect.arrayContaining(HEADERS));
    expect(read.table.grid).toHaveLength(6);
    // widened to the right so cells beside the table are seen
    expect(read.table.grid[0].length).toBeGreaterThan(HEADERS.length + 8);
    // Every sheet in tab order with column A of its first rows, to find the model sheet by its marker.
    expect(read.sheets).toEqual([
      {
        data: { name: "重点项目", grid: [["2023年重点招商项目清单"], [""], ["序号"], [1], [2]] },
        hidden: false,
      },
      { data: { name: "其他", grid: [[""], [""], [""], [""], [""]] }, hidden: false },
    ]);
    expect(read.resultSheet).toBeNull();
  });

  test("reads merged areas (ExcelApi 1.13) in the same syncs: a merged group over 一期/二期 and a merged section row shape the table as in the CLI", async () => {
    const excel = new FakeExcel("重点项目");
    const rows: CellValue[][] = [
      ["项目名称", "总投资（万元）", null, "所属产业链"],
      [null, "一期", "二期", null],
      ["新能源汽车产业链项目", null, null, null],
      ["甲项目", 3000, 5000, "新能源汽车"],
      ["乙项目", 2000, null, "生物医药"],
    ];
    rows.forEach((row, r) => row.forEach((v, c) => excel.setCell("重点项目", r, c, v)));
    const merges = [
      { top: 0, left: 1, bottom: 0, right: 2 },
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 3, bottom: 1, right: 3 },
      { top: 2, left: 0, bottom: 2, right: 3 },
    ];
    for (const m of merges) excel.merge("重点项目", m);
    excel.select({ top: 3, left: 0, bottom: 3, right: 0 });
    const read = async (version: string) => {
      excel.resetStats();
      const host = new ExcelHost({ run: excel.run, isSetSupported: (_, v) => v <= version });
      return { read: await host.readWorkbook("评分结果"), syncs: excel.syncCount };
    };
    const modern = await read("1.13");
    expect(modern.read.table.merges).toEqual(merges);
    const older = await read("1.12");
    expect(older.read.table.merges).toBeUndefined();
    expect(modern.syncs).toBe(older.syncs);
    const located = locateTable(modern.read.table, MODEL);
    if (!located.ok) throw new Error(located.message.en);
    // The merged row names one chain across the table: a section, not a candidate.
    expect(located.table.dataRows).toEqual([3, 4]);
    expect(located.table.skippedRows).toEqual([{ row: 2, reason: "section" }]);
    // Without the merges it reads as a candidate named 新能源汽车产业链项目.
    const flat = locateTable(older.read.table, MODEL);
    expect(flat.ok && flat.table.dataRows).toEqual([2, 3, 4]);
  });

  test("readSheet reads the merged areas of the used range too", async () => {
    const excel = new FakeExcel("清单");
    excel.setCell("清单", 0, 0, "2024年招商项目");
    excel.setCell("清单", 1, 0, "项目名称");
    excel.merge("清单", { top: 0, left: 0, bottom: 0, right: 5 });
    const sheet = await new ExcelHost({ run: excel.run, isSetSupported: () => true }).readSheet(
      "清单"
    );
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }]);
    const none = new FakeExcel("空");
    expect(
      await new ExcelHost({ run: none.run, isSetSupported: () => true }).readSheet("空")
    ).toEqual({ name: "空", grid: [] });
  });

  test("prefers the Excel table holding the selection, reads date-formatted serials as ISO dates and times as Excel shows them", async () => {
    const excel = workbookWith(3);
    excel.setCell("重点项目", 20, 0, "另一个区域");
    excel.tables.push({
      name: "Projects",
      rect: { sheet: "重点项目", top: 2, left: 0, bottom: 5, right: 5 },
    });
    excel.setCell("重点项目", 3, 6, 44988);
    excel.sheet("重点项目").formats.set("3,6", "yyyy-mm-dd");
    // A duration, a date-time and a time of day (src/workbook/dates.ts, as the CLI and the preview read them).
    excel.setCell("重点项目", 4, 6, 1.5104166666666667);
    excel.sheet("重点项目").formats.set("4,6", "[h]:mm:ss");
    excel.setCell("重点项目", 5, 6, 44988.75);
    excel.sheet("重点项目").formats.set("5,6", "m/d/yy h:mm");
    excel.setCell("重点项目", 5, 7, 0.75);
    excel.sheet("重点项目").formats.set("5,7", "h:mm AM/PM");
    const read = await new ExcelHost({ run: excel.run, isSetSupported: () => false }).readWorkbook(
      "评分结果"
    );
    expect(read.source).toBe("table");
    expect(read.table.origin).toEqual({ row: 2, col: 0 });
    expect(read.table.grid).toHaveLength(4);
    expect(read.table.grid[1][6]).toBe("2023-03-03");
    expect(read.table.grid[2][6]).toBe("36:15:00");
    expect(read.table.grid[3][6]).toBe("2023-03-03");
    expect(read.table.grid[3][7]).toBe("6:00 PM");
  });

  test("reads date serials in the workbook's date system: the 1904 system counts from 1904-01-01", async () => {
    // 44988 is 2023-03-03 counted from 1899-12-30 (1900 system) and 2027-03-04 from 1904-01-01.
    const read = async (date1904: boolean) => {
      const excel = workbookWith(3);
      excel.date1904 = date1904;
      excel.setCell("重点项目", 3, 6, 44988);
      excel.sheet("重点项目").formats.set("3,6", "yyyy-mm-dd");
      const host = new ExcelHost({ run: excel.run, isSetSupported: () => false });
      const syncsBefore = excel.syncs.length;
      const got = await host.readWorkbook("评分结果");
      return { cell: got.table.grid[1][6], syncs: excel.syncs.length - syncsBefore };
    };
    const in1900 = await read(false);
    const in1904 = await read(true);
    expect(in1900.cell).toBe("2023-03-03");
    expect(in1904.cell).toBe("2027-03-04");
    // The date system is asked in the first round trip: no sync more.
    expect(in1904.syncs).toBe(in1900.syncs);
  });

  test("falls back to the used range when the selection sits on an empty cell", async () => {
    const excel = workbookWith(3);
    excel.select({ top: 30, left: 20, bottom: 30, right: 20 });
    const read = await new ExcelHost({ run: excel.run, isSetSupported: () => false }).readWorkbook(
      "评分结果"
    );
    expect(read.source).toBe("used");
    expect(read.table.grid[2][1]).toBe("项目名称");
  });

  test("an empty sheet gives a clear error", async () => {
    const excel = new FakeExcel("空表");
    await expect(
      new ExcelHost({ run: excel.run, isSetSupported: () => false }).readWorkbook("评分结果")
    ).rejects.toThrow(/Sheet 空表 is empty/);
  });
});

describe("ExcelHost.writeResults", () => {
  test("scores a table that fits one payload in three syncs, with a colour scale", async () => {
    const excel = workbookWith(100);
    const host = new ExcelHost({ run: excel.run, isSetSupported: () => false });
    const { result } = await plan(host);
    if (!result.ok) throw new Error(result.message.en);
    const report = await host.writeResults(result);
    expect(excel.syncCount).toBeLessThanOrEqual(3);
    expect(report.syncs).toBe(1);
    expectLanded(excel, result);
    const scale = excel.sheet("重点项目").conditionalFormats.filter((f) => f.type === "ColorScale");
    expect(scale).toHaveLength(1);
    expect(scale[0].type).toBe("ColorScale");
    expect(scale[0].rect).toMatchObject({
      top: result.scoreRange!.top,
      bottom: result.scoreRange!.bottom,
    });
    expect(
      excel.sheet("重点项目").formats.get(`${result.scoreRange!.top},${result.scoreRange!.left}`)
    ).toBe("0.0");
  });

  test("formulas that depend on the score column show the new scores once written", async () => {
    const excel = workbookWith(100);
    const host = new ExcelHost({ run: excel.run, isSetSupported: () => false });
    const { result } = await plan(host);
    if (!result.ok) throw new Error(result.message.en);
    const s = result.scoreRange!;
    // =SUM(score column) in a cell of another sheet, like a user's summary
    const sum = (x: FakeExcel) =>
      x
        .values({ sheet: "重点项目", top: s.top, left: s.left, bottom: s.bottom, right: s.left })
        .flat()
        .reduce<number>((n, v) => n + (typeof v === "number" ? v : 0), 0);
    excel.addFormula({ sheet: "其他", row: 0, col: 0, compute: sum });
    expect(excel.cell("其他", 0, 0)).toBe(0);
    await host.writeResults(result);
    // fakeScores: 100 - i for i in 0..99
    expect(excel.cell("其他", 0, 0)).toBe(5050);
  });

  test("a rerun reuses our columns and keeps one colour scale", async () => {
    const excel = workbookWith(20);
    const host = new ExcelHost({ run: excel.run, isSetSupported: () => false });
    const first = (await plan(host)).result as PlannedResults;
    await host.writeResults(first);
    const second = (await plan(host)).result;
    if (!second.ok) throw new Error(second.message.en);
    expect(second.columns.every((c) => c.existed)).toBe(true);
    await host.writeResults(second);
    const formats = excel.sheet("重点项目").conditionalFormats;
    expect(formats.filter((f) => f.type === "ColorScale")).toHaveLength(1);
    // Grade and advice colours are replaced too, not stacked: one rule per colour and column.
    const rules = formats.filter((f) => f.type === "CellValue");
    expect(new Set(rules.map((f) => `${f.rect.left}|${JSON.stringify(f.rule)}`)).size).toBe(
      rules.length
    );
  });

  test("writes a payload over 5 MB in chunks under the limit, and every value lands", async () => {
    const excel = workbookWith(12_000);
    let yields = 0;
    const host = new ExcelHost({
      run: excel.run,
      isSetSupported: () => false,
      yieldToUi: async () => void yields++,
    });
    const { result } = await plan(host, 200);
    if (!result.ok) throw new Error(result.message.en);
    excel.resetStats();
    const report = await host.writeResults(result);
    const total = excel.requestBytes;
    expect(total).toBeGreaterThan(REQUEST_LIMIT);
    expect(report.syncs).toBe(excel.syncCount);
    expect(report.syncs).toBeGreaterThan(1);
    expect(report.syncs).toBeLessThanOrEqual(Math.ceil(total / (3 * 1024 * 1024)));
    expect(excel.syncs.every((s) => s.requestBytes <= REQUEST_LIMIT)).toBe(true);
    expect(yields).toBe(report.syncs - 1);
    expectLanded(excel, result);
  });

  test("refuses to write over a user's cell beside the table, and the result sheet works instead", async () => {
    const excel = workbookWith(10);
    excel.setCell("重点项目", 7, HEADERS.length + 2, "张三的备注");
    const host = new ExcelHost({ run: excel.run, isSetSupported: () => false });
    const { result } = await plan(host);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.conflicts.map((c) => c.address)).toEqual(["I8"]);
    expect(result.message.zh).toContain("I8");

    const { result: sheetPlan } = await plan(host, 20, "sheet");
    if (!sheetPlan.ok) throw new Error(sheetPlan.message.en);
    expect(sheetPlan.createSheet).toBe(true);
    await host.writeResults(sheetPlan);
    expect(excel.sheets.has(RESULT_SHEET_NAME.zh)).toBe(true);
    expectLanded(excel, sheetPlan);
    expect(excel.cell("重点项目", 7, HEADERS.length + 2)).toBe("张三的备注");
  });

  test("with ExcelApi 1.16, cards go in the explanation column and the scores stay numbers", async () => {
    const excel = workbookWith(3);
    const host = new ExcelHost({ run: excel.run, isSetSupported: (_, v) => v <= "1.16" });
    expect(host.supportsCards).toBe(true);
    const { result } = await plan(host);
    if (!result.ok) throw new Error(result.message.en);
    const s = result.scoreRange!;
    const explanation = result.columns.find((c) => c.key === "explanation")!.col;
    const card = (row: number, text: string) => ({
      row,
      text,
      title: `项目${row - s.top + 1}`,
      properties: [
        { name: "等级", value: "A" },
        { name: "得分", value: 91.5 },
      ],
    });
    excel.resetStats();
    const report = await host.writeResults(result, [
      card(s.top + 2, "第三"),
      card(s.top, "第一"),
      card(s.top + 1, "第二"),
    ]);
    // Consecutive rows go as one range, in the same single sync as the values.
    expect(report.syncs).toBe(1);
    const sheet = excel.sheet("重点项目");
    const entity = sheet.entities.get(`${s.top},${explanation}`) as {
      type: string;
      text: string;
      properties: object;
    };
    expect(entity).toMatchObject({ type: "Entity", text: "第一" });
    expect(entity.properties).toEqual({
      等级: { type: "String", basicValue: "A" },
      得分: { type: "Double", basicValue: 91.5 },
    });
    expect(sheet.entities.get(`${s.top + 2},${explanation}`)).toMatchObject({ text: "第三" });
    // The score column keeps its numbers (formulas and the colour scale use them).
    for (let r = s.top; r <= s.bottom; r++) {
      expect(sheet.entities.has(`${r},${s.left}`)).toBe(false);
      expect(typeof excel.cell("重点项目", r, s.left)).toBe("number");
    }
    expect(excel.cell("重点项目", s.top, explanation)).toBe("#VALUE!");
  });

  test("without cards (the default) or without ExcelApi 1.16, no entity is written", async () => {
    const excel = workbookWith(3);
    const old = new ExcelHost({ run: excel.run, isSetSupported: () => false });
    const { result } = await plan(old);
    if (!result.ok) throw new Error(result.message.en);
    await old.writeResults(result, [
      { row: result.scoreRange!.top, text: "x", title: "x", properties: [] },
    ]);
    // A host writes what it planned from its own read (it replaces the names that read found).
    const modern = new ExcelHost({ run: excel.run, isSetSupported: () => true });
    const again = (await plan(modern)).result;
    if (!again.ok) throw new Error(again.message.en);
    await modern.writeResults(again);
    expect(excel.sheet("重点项目").entities.size).toBe(0);
    expectLanded(excel, result);
  });
});

describe("ExcelHost on large tables", () => {
  /** Cells of the sheet the read did not return as they are (date-formatted serials as ISO dates). */
  function misread(excel: FakeExcel, read: WorkbookRead, dates: Map<string, string>): string[] {
    const { row: top, col: left } = read.table.origin!;
    const bad: string[] = [];
    read.table.grid.forEach((line, r) =>
      line.forEach((v, c) => {
        const key = `${top + r},${left + c}`;
        const want = dates.get(key) ?? excel.cell("重点项目", top + r, left + c) ?? "";
        if (v !== want) bad.push(`${key}: ${String(v)} ≠ ${String(want)}`);
      })
    );
    return bad;
  }

  async function scoreThrough(rows: number) {
    const excel = workbookWith(rows);
    // a date in the last row, so formats are read with every slice
    const last = 2 + rows;
    excel.setCell("重点项目", last, 0, 45000);
    excel.sheet("重点项目").formats.set(`${last},0`, "yyyy/m/d");
    const host = new ExcelHost({
      run: excel.run,
      isSetSupported: () => false,
      yieldToUi: async () => {},
    });
    const { read, result } = await plan(host);
    if (!result.ok) throw new Error(result.message.en);
    const readSyncs = excel.syncCount;
    expect(read.table.grid).toHaveLength(rows + 1);
    expect(misread(excel, read, new Map([[`${last},0`, "2023-03-15"]]))).toEqual([]);
    const report = await host.writeResults(result);
    expectLanded(excel, result);
    expect(
      excel.syncs.every((s) => s.requestBytes <= REQUEST_LIMIT && s.responseBytes <= REQUEST_LIMIT)
    ).toBe(true);
    return { excel, readSyncs, report };
  }

  test("10 000 rows that fit one payload are read, scored and written in three syncs", async () => {
    const { excel, readSyncs, report } = await scoreThrough(10_000);
    expect(readSyncs).toBe(2);
    expect(report.syncs).toBe(1);
    expect(excel.syncCount).toBe(3);
  });

  test("60 000 rows are read in slices as large as the budget allows, every value landing", async () => {
    const { excel, readSyncs } = await scoreThrough(60_000);
    const responses = excel.syncs.slice(1, readSyncs).map((s) => s.responseBytes);
    const total = responses.reduce((n, b) => n + b, 0);
    expect(total).toBeGreaterThan(REQUEST_LIMIT);
    // every slice but the last is filled to over half the 4 MB budget: no more syncs than needed
    expect(responses.slice(0, -1).every((b) => b > PAYLOAD_BUDGET / 2)).toBe(true);
    expect(readSyncs - 1).toBeLessThanOrEqual(Math.ceil(total / (PAYLOAD_BUDGET / 2)));
    expect(readSyncs).toBeGreaterThan(2);
  });
});

describe("ExcelHost read budget with a result sheet and a model sheet", () => {
  /**
   * Scores `rows` candidates onto a result sheet (long explanations), writes the pinghu model sheet, then
   * reads the workbook again the way the pane does on its next start: every response stays under the cap.
   */
  async function rereadWithSheets(rows: number) {
    const excel = workbookWith(rows);
    const host = new ExcelHost({
      run: excel.run,
      isSetSupported: () => false,
      yieldToUi: async () => {},
    });
    await host.writeModelSheet("评分模型", modelToGrid(MODEL, "zh"));
    const first = await plan(host, 200, "sheet");
    if (!first.result.ok) throw new Error(first.result.message.en);
    await host.writeResults(first.result);
    excel.resetStats();
    const read = await host.readWorkbook(RESULT_SHEET_NAME.zh);
    const modelSheet = await host.readSheet("评分模型");
    return { excel, read, modelSheet };
  }

  test.each([10_000, 60_000])(
    "%i rows: table, result sheet and model sheet are read with every response under 5 MB",
    async (rows) => {
      const { excel, read, modelSheet } = await rereadWithSheets(rows);
      const responses = excel.syncs.map((s) => s.responseBytes);
      // What the read brings back in all is well over one response's cap, yet no response exceeds it.
      expect(responses.reduce((n, b) => n + b, 0)).toBeGreaterThan(REQUEST_LIMIT);
      expect(Math.max(...responses)).toBeLessThanOrEqual(REQUEST_LIMIT);
      expect(read.table.grid).toHaveLength(rows + 1);
      // The result sheet and the model sheet arrive whole, cell for cell.
      const resultRect = excel.usedRect(RESULT_SHEET_NAME.zh, false)!;
      expect(read.resultSheet?.grid).toEqual(excel.values(resultRect));
      expect(read.resultSheet?.grid.length).toBeGreaterThanOrEqual(rows);
      expect(modelSheet.grid).toEqual(excel.values(excel.usedRect("评分模型", true)!));
    },
    120_000
  );
});

describe("ExcelHost model sheet, settings and go-to", () => {
  test("the model sheet is written and read back", async () => {
    const excel = workbookWith(3);
    const host = new ExcelHost({ run: excel.run, isSetSupported: () => false });
    const grid: CellValue[][] = [
      ["评分模型", "平湖 2023"],
      ["维度", "权重"],
      ["scale", 0.25],
      ["chain", 0.2, "备注"],
    ];
    await host.writeModelSheet("评分模型", grid);
    const read = await host.readSheet("评分模型");
    expect(read.grid).toEqual(grid.map((row) => [...row, ...Array(3 - row.length).fill("")]));
    expect(read.origin).toEqual({ row: 0, col: 0 });
    // rewriting a shorter model leaves nothing of the old one
    await host.writeModelSheet("评分模型", [["评分模型"]]);
    expect((await host.readSheet("评分模型")).grid).toEqual([["评分模型"]]);
  });

  test("the model sheet is found by its marker whatever its name and place (hidden too), as the CLI finds it", async () => {
    const excel = workbookWith(3);
    const grid = modelToGrid(MODEL, "zh");
    // Two rows inserted above the model: its marker moves to A3.
    const sheet = excel.addSheet("2024 模型", [[], [], ...grid]);
    sheet.visibility = "Hidden";
    excel.addSheet(MODEL_SHEET_NAME.zh, [["我的笔记"]]);
    const host = new ExcelHost({ run: excel.run, isSetSupported: () => false });
    const read = await host.readWorkbook(RESULT_SHEET_NAME.zh);
    expect(read.sheets.map((s) => [s.data.name, s.hidden])).toEqual([
      ["重点项目", false],
      ["其他", false],
      ["2024 模型", true],
      [MODEL_SHEET_NAME.zh, false],
    ]);
    const found = findModelSheet(read.sheets.map((s) => s.data));
    expect(found?.name).toBe("2024 模型");
    const full = await host.readSheet(found!.name);
    expect(full.origin).toEqual({ row: 2, col: 0 });
    expect(modelFromSheet(full, MODEL)).toEqual(MODEL);
    // A second marked sheet is refused, naming both.
    excel.addSheet("副本", grid);
    const again = await host.readWorkbook(RESULT_SHEET_NAME.zh);
    expect(() => findModelSheet(again.sheets.map((s) => s.data))).toThrow(
      'The workbook holds 2 scoring-model sheets: "2024 模型", "副本".'
    );
  });

  test("reading a sheet that is not there names the sheets there are", async () => {
    const excel = workbookWith(1);
    const host = new ExcelHost({ run: excel.run, isSetSupported: () => false });
    await expect(host.readSheet("专家A")).rejects.toThrow(
      'no sheet named "专家A" (sheets: 重点项目, 其他)'
    );
    expect((await host.readSheet("其他")).grid).toEqual([]);
  });

  test("settings round-trip through workbook settings; unknown versions are ignored", async () => {
    const excel = workbookWith(1);
    const host = new ExcelHost({ run: excel.run, isSetSupported: () => false });
    expect(await host.loadSettings()).toBeNull();
    await host.saveSettings({
      version: 1,
      model: "sheet",
      target: "sheet",
      mapping: { headers: "a|b", override: { name: 1 } },
    });
    expect(await host.loadSettings()).toEqual({
      version: 1,
      model: "sheet",
      target: "sheet",
      mapping: { headers: "a|b", override: { name: 1 } },
    });
    excel.settings.set("zs-scorer", JSON.stringify({ version: 99 }));
    expect(await host.loadSettings()).toBeNull();
  });

  test("go to selects the candidate's row on its sheet", async () => {
    const excel = workbookWith(5);
    excel.activeSheet = "其他";
    await new ExcelHost({ run: excel.run, isSetSupported: () => false }).selectRow(
      "重点项目",
      6,
      0,
      5
    );
    expect(excel.activeSheet).toBe("重点项目");
    expect(excel.selection).toEqual({ sheet: "重点项目", top: 6, left: 0, bottom: 6, right: 5 });
  });
});

describe("ExcelHost: every edge of the result area is guarded (issue 20)", () => {
  const host = (excel: FakeExcel) => new ExcelHost({ run: excel.run, isSetSupported: () => false });

  /** The result area of a clean 10-row table: header row, last row, first and last result column. */
  async function area() {
    const { result } = await plan(host(workbookWith(10)));
    if (!result.ok) throw new Error(result.message.en);
    const b = result.blocks[0];
    return {
      top: b.top,
      bottom: b.top + b.values.length - 1,
      left: b.left,
      right: b.left + b.values[0].length - 1,
    };
  }

  test.each<[string, "top" | "first" | "bottom", "left" | "right", CellValue]>([
    ["a space in the header row, first result column", "top", "left", " "],
    ["a space in the header row, last result column", "top", "right", " "],
    ["a note in the first data row, first result column", "first", "left", "备注"],
    ["a note in the first data row, last result column", "first", "right", "备注"],
    ["a note in the last row, first result column", "bottom", "left", "备注"],
    ["a note in the last row, last result column", "bottom", "right", "备注"],
  ])("%s is refused by its address, and nothing is written", async (_, row, col, value) => {
    const a = await area();
    const r = row === "first" ? a.top + 1 : a[row];
    const c = a[col];
    const excel = workbookWith(10);
    excel.setCell("重点项目", r, c, value);
    const before = excel.syncs.length;
    const { result } = await plan(host(excel));
    const address = `${String.fromCharCode(65 + c)}${r + 1}`;
    expect(result.ok ? [] : result.conflicts).toEqual([{ address, value }]);
    expect(result.ok ? "" : result.message.zh).toContain(
      `工作表「重点项目」的 ${address} 已有内容`
    );
    // Only reads happened: the refusal comes before any write.
    expect(excel.syncs.slice(before).every((s) => s.writes === 0)).toBe(true);
  });

  test("a user's sheet already named 评分结果 is refused, and kept", async () => {
    const excel = workbookWith(10);
    excel.addSheet(RESULT_SHEET_NAME.zh, [["我的笔记"]]);
    const { result } = await plan(host(excel), 20, "sheet");
    expect(result.ok ? null : result.message.zh).toBe(
      "不能写入结果：已有名为「评分结果」的工作表，且内容不是本工具写入的。为保护您的数据，未做任何修改。请为结果表另取一个名字。"
    );
    expect(excel.cell(RESULT_SHEET_NAME.zh, 0, 0)).toBe("我的笔记");
  });

  test("an empty sheet and an empty model grid are refused by their exact messages", async () => {
    const excel = new FakeExcel("空表");
    await expect(host(excel).readWorkbook("评分结果")).rejects.toThrow(
      new Error("工作表 空表 是空的 / Sheet 空表 is empty: select your candidate list")
    );
    await expect(host(excel).writeModelSheet("评分模型", [])).rejects.toThrow(
      new Error("model grid is empty")
    );
  });
});

describe("ExcelHost: how results look, and how they are found again (issue 19)", () => {
  test("headers copy the user's header look; widths, wrap, colours, hidden names, print setup", async () => {
    const excel = workbookWith(10);
    const host = new ExcelHost({ run: excel.run, isSetSupported: () => false });
    const { result } = await plan(host);
    if (!result.ok) throw new Error(result.message.en);
    const report = await host.writeResults(result);
    expect(report.syncs).toBe(1);
    const sheet = excel.sheet("重点项目");
    const score = result.columns[0].col;
    expect(excel.cell("重点项目", 2, score)).toBe("得分");
    // Every header cell copies the formats of the user's last header cell (F3).
    expect(sheet.copies).toHaveLength(result.columns.length);
    for (const c of sheet.copies) {
      expect(c.from).toMatchObject({ top: 2, left: 5, bottom: 2, right: 5 });
      expect(c.type).toBe("Formats");
    }
    const widths = sheet.looks.filter((l) => l.prop === "columnWidth");
    expect(widths.map((l) => l.rect.left)).toEqual(result.columns.map((c) => c.col));
    expect(widths.every((l) => l.rect.top === 0 && l.rect.bottom === 1048575)).toBe(true);
    const explanation = result.columns.find((c) => c.key === "explanation")!;
    expect(
      sheet.looks.find((l) => l.prop === "wrapText" && l.rect.left === explanation.col)?.value
    ).toBe(true);
    // Grade A in the palette's green, on the grade column's data cells only.
    const grade = result.columns.find((c) => c.key === "grade")!;
    expect(
      sheet.conditionalFormats.find(
        (f) =>
          f.rect.left === grade.col &&
          JSON.stringify(f.rule) === '{"formula1":"=\\"A\\"","operator":"EqualTo"}'
      )
    ).toMatchObject({ fill: "#DFF6DD", font: "#107C10", rect: { top: 3, bottom: 12 } });
    expect(excel.names.find((n) => n.name === "_ZS.score")).toEqual({
      name: "_ZS.score",
      sheet: "重点项目",
      formula: `='重点项目'!$${String.fromCharCode(65 + score)}$3`,
      visible: false,
    });
    expect(sheet.pageLayout).toMatchObject({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$3:$3",
    });
    expect(String(sheet.pageLayout.rightHeader)).toContain(MODEL.version);
  });

  test("a rerun finds the clean headers by their names and replaces them; old tagged headers are cleaned", async () => {
    const excel = workbookWith(5);
    // Results an earlier version wrote: tagged headers right of the table.
    excel.setCell("重点项目", 2, 6, "综合得分 [ZS:score]");
    excel.setCell("重点项目", 3, 6, 12);
    const host = new ExcelHost({ run: excel.run, isSetSupported: () => false });
    const first = (await plan(host)).result;
    if (!first.ok) throw new Error(first.message.en);
    expect(first.columns[0]).toMatchObject({ key: "score", col: 6, existed: true });
    await host.writeResults(first);
    expect(excel.cell("重点项目", 2, 6)).toBe("得分");
    const names = excel.names.length;
    const again = await plan(host);
    expect(again.read.table.marks?.find((m) => m.key === "score")).toEqual({
      key: "score",
      row: 2,
      col: 6,
    });
    if (!again.result.ok) throw new Error(again.result.message.en);
    expect(again.result.columns.every((c) => c.existed)).toBe(true);
    await host.writeResults(again.result);
    expect(excel.names).toHaveLength(names);
  });

  test("another table's marks on the same sheet stay; ours take a copy name", async () => {
    const excel = workbookWith(5);
    // A second table further down, scored earlier (by the CLI with --table 2): its names stay.
    const other = {
      name: "_ZS.score",
      sheet: "重点项目",
      formula: "='重点项目'!$G$21",
      visible: false,
    };
    excel.names.push({ ...other });
    const host = new ExcelHost({ run: excel.run, isSetSupported: () => false });
    const { result } = await plan(host);
    if (!result.ok) throw new Error(result.message.en);
    await host.writeResults(result);
    expect(excel.names).toContainEqual(other);
    const col = String.fromCharCode(65 + result.columns[0].col);
    expect(excel.names.find((n) => n.name === "_ZS.score.__2")).toEqual({
      name: "_ZS.score.__2",
      sheet: "重点项目",
      formula: `='重点项目'!$${col}$3`,
      visible: false,
    });
    // A rerun replaces exactly its own names.
    const count = excel.names.length;
    const again = await plan(host);
    if (!again.result.ok) throw new Error(again.result.message.en);
    await host.writeResults(again.result);
    expect(excel.names).toHaveLength(count);
    expect(excel.names).toContainEqual(other);
  });

  test("the summary: cells, two native charts from its cells with the palette, name and print setup", async () => {
    const excel = workbookWith(30);
    const host = new ExcelHost({ run: excel.run, isSetSupported: () => false });
    const read = await host.readWorkbook(RESULT_SHEET_NAME.zh, "汇总");
    expect(read.summarySheet).toBeNull();
    const located = locateTable(read.table, MODEL);
    if (!located.ok) throw new Error(located.message.en);
    const mapping = mapColumns(located.table.headers, MODEL);
    const scored = scoreTable(
      toCandidateTable(read.table, located.table, mapping),
      compileModel(MODEL)
    );
    const summary = planSummary(scored, {
      lang: "zh",
      names: located.table.dataRows.map((r) => String(read.table.grid[r][1])),
      title: "清单",
      existingSheet: read.summarySheet,
    });
    if (!summary.ok) throw new Error(summary.message.en);
    await host.writeSummary(summary);
    const sheet = excel.sheet("汇总");
    expect(excel.cell("汇总", 0, 0)).toBe("招商项目评分汇总 · 清单");
    expect(sheet.charts.map((c) => [c.type, c.title])).toEqual([
      ["BarStacked", "各产业链项目数（按等级）"],
      ["BarStacked100", "年度目标完成进度"],
    ]);
    const [bars, progress] = sheet.charts;
    const chain = summary.tables.find((t) => t.key === "chain")!;
    expect(bars.source).toMatchObject({ top: chain.top + 1, left: 0, bottom: chain.bottom });
    expect(bars.series.map((s) => s.colour)).toEqual(summary.charts[0].series.map((s) => s.colour));
    // The goal column between the labels and done/gap is dropped: done and gap are the series.
    expect(progress.series.map((s) => s.col)).toEqual([2, 3]);
    expect(bars.position).toEqual(["I2", "Q21"]);
    expect(excel.names.find((n) => n.name === "_ZS.summary")).toMatchObject({
      sheet: "汇总",
      visible: false,
    });
    expect(sheet.pageLayout.orientation).toBe("Landscape");
    // A rerun finds it as ours, and its charts are replaced, not added.
    const again = await host.readWorkbook(RESULT_SHEET_NAME.zh, "汇总");
    const next = planSummary(scored, {
      lang: "zh",
      names: [],
      title: "清单",
      existingSheet: again.summarySheet,
    });
    if (!next.ok) throw new Error(next.message.en);
    expect(next.createSheet).toBe(false);
    await host.writeSummary(next);
    expect(excel.sheet("汇总").charts).toHaveLength(2);
  });
});
