/**
 * The same cells read alike by every host: the worksheet functions (ZS.AMOUNT, ZS.SCORE, ZS.SCORES in
 * the built bundle), the CLI over an .xlsx file, and the workbook path the task pane calls (locate,
 * map with the sheet, score). Functions see only their ranges, so the fixture states units in its
 * headers (a unit row above the table is read by the CLI and the pane only; see docs/reading.md).
 * test/browser/hosts.test.ts reads the same list in the pane's UI.
 */
import * as fs from "fs";
import * as path from "path";
import { parseAmount } from "../../src/engine";
import type { JsonOutput } from "../../src/cli/main";
import { runCli, tempDir } from "../cli/helpers";
import { GRID, HEADERS, listXlsx, ROWS, workbookPath } from "../fixtures/hosts";
import { loadBundle } from "./loadBundle";

const { call } = loadBundle();

/** The pane's and the CLI's path: locate, map with the sheet, score. */
function workbookScores(): number[] {
  return workbookPath().scores;
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
  fs.writeFileSync(file, await listXlsx());
  const run = await runCli([file, "--json", "--out", path.join(dir, "out.xlsx")], dir);
  expect(run.code).toBe(0);
  const results = (JSON.parse(run.stdout) as JsonOutput).results;
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
