/**
 * The same cells read alike by every host: the worksheet functions (ZS.AMOUNT, ZS.SCORE, ZS.SCORES in
 * the built bundle), the CLI over an .xlsx file, and the workbook path the task pane calls (locate,
 * map with the sheet, score). Functions see only their ranges, so the fixture states units in its
 * headers (a unit row above the table is read by the CLI and the pane only; see docs/reading.md).
 */
import * as path from "path";
import ExcelJS from "exceljs";
import pinghu from "../../src/models/pinghu-2023.json";
import { compileModel, loadModel, parseAmount, scoreTable } from "../../src/engine";
import { locateTable } from "../../src/workbook/table";
import { mapColumns } from "../../src/workbook/mapping";
import { toCandidateTable } from "../../src/workbook/candidates";
import { roundScore } from "../../src/workbook/results";
import type { CellValue } from "../../src/engine/types";
import type { JsonResult } from "../../src/cli/main";
import { runCli, tempDir } from "../cli/helpers";
import { loadBundle } from "./loadBundle";

const { call } = loadBundle();
const model = loadModel(pinghu);

const HEADERS = [
  "项目名称",
  "总投资",
  "注册资本（万美元）",
  "用地面积（平方米）",
  "研发投入占比",
  "所属产业链",
];
const ROWS: CellValue[][] = [
  ["甲", 40000, 1000, 53360, 3.5, "新能源汽车"],
  ["乙", "1.5亿元", "约500", "80亩", "4.2%", "高档数控机床"],
  ["丙", "3000多万", "#N/A", 26680, 12, "生物医药"],
  ["丁", "壹亿伍仟万元整", "负100", "2公顷", 8, "光电通信"],
];
const GRID: CellValue[][] = [HEADERS, ...ROWS];

/** The pane's and the CLI's path: locate, map with the sheet, score. */
function workbookScores(): number[] {
  const sheet = { name: "清单", grid: GRID };
  const located = locateTable(sheet, model);
  if (!located.ok) throw new Error(located.message.en);
  const mapping = mapColumns(located.table.headers, model, {}, [], { sheet, table: located.table });
  const s = scoreTable(toCandidateTable(sheet, located.table, mapping), compileModel(model));
  return Array.from(s.total, roundScore);
}

test("ZS.SCORES, ZS.SCORE and the workbook path give the same scores", () => {
  const expected = workbookScores();
  const table = call("SCORES", GRID) as unknown[][];
  expect(table.slice(1).map((r) => r[0])).toEqual(expected);
  ROWS.forEach((row, i) => expect(call("SCORE", [row], [HEADERS])).toBe(expected[i]));
});

test("the CLI gives the same scores from an .xlsx file", async () => {
  const dir = tempDir();
  const file = path.join(dir, "list.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("清单");
  for (const r of GRID) ws.addRow(r);
  // Excel stores an error cell as an error value, not as text.
  ws.getCell("C4").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  await wb.xlsx.writeFile(file);
  const run = await runCli([file, "--json", "--out", path.join(dir, "out.xlsx")], dir);
  expect(run.code).toBe(0);
  const results = JSON.parse(run.stdout) as JsonResult[];
  const byRow = [...results].sort((a, b) => a.row - b.row).map((r) => r.score);
  expect(byRow).toEqual(workbookScores());
  expect(run.stderr).toContain("C4: Excel 错误值 #N/A");
});

test.each(ROWS.map((r) => [r[1]] as const))("ZS.AMOUNT reads %p as the engine does", (cell) => {
  const r = parseAmount(cell, { context: { multiplier: 1e4, currency: "CNY" } });
  expect(r.ok).toBe(true);
  // In 万 (the model's unit, and ZS.AMOUNT's default): a bare number is already in it.
  if (r.ok) expect(call("AMOUNT", cell, "CNY", "万")).toBeCloseTo(r.value / 1e4, 9);
});
