/**
 * ZS.DECISION (the built bundle, one row at a time), the engine's batch scores, the CLI's written
 * result column, the pane's list and the column the pane writes agree on every sample row's decision,
 * 待补充 and the delivery advice included.
 */
import * as path from "path";
import { decisionLabel } from "../../src/workbook";
import type { ResultMark } from "../../src/workbook/types";
import { PreviewHost } from "../../src/preview/preview-host";
import type { XlsxSheet } from "../../src/preview/xlsx-reader";
import { Store } from "../../src/taskpane/store";
import { SAMPLE_FILE, SAMPLE_SHEET } from "../../scripts/make-sample";
import { cellOf, model, readSheet, scoreSample } from "../models/sample-helpers";
import { marksIn, readBook, runCli, tempDir } from "../cli/helpers";
import type { CellValue } from "../../src/engine/types";
import { loadBundle } from "./loadBundle";

const { call } = loadBundle();

/** The decision column a host wrote (found by the hidden name marking it): the labels, row by row. */
function writtenDecisions(
  grid: CellValue[][],
  marks: ResultMark[] | undefined,
  headerRow: number,
  rows: number
): CellValue[] {
  const mark = (marks ?? []).find((m) => m.key === "decision");
  expect(mark).toMatchObject({ row: headerRow });
  return grid.slice(headerRow + 1, headerRow + 1 + rows).map((r) => r[mark!.col]);
}

test("ZS.DECISION, the batch, the CLI's written column, the pane's list and its written column agree on every row", async () => {
  const s = await scoreSample();
  const sheet = await readSheet();
  const headerRow = sheet.grid.findIndex((r) => r.includes("项目名称"));
  const headers = [sheet.grid[headerRow].map((c) => (c === null ? "" : c))];
  const batch = s.scores.map((c) => decisionLabel(model, c.decision, "zh"));

  // ZS.DECISION, one row at a time.
  const fn = s.scores.map((_, i) => {
    const row = sheet.grid[headerRow + 1 + i].map((x) => (x === null ? "" : x));
    return call("DECISION", [row], headers);
  });
  expect(fn).toEqual(batch);

  // The CLI's written result column.
  const dir = tempDir();
  const out = path.join(dir, "scored.xlsx");
  const run = await runCli([SAMPLE_FILE, "--out", out], dir);
  expect(run.code).toBe(0);
  const ws = (await readBook(out)).getWorksheet(SAMPLE_SHEET)!;
  const cliGrid: CellValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    cliGrid[n - 1] = Array.from({ length: ws.columnCount }, (_, c) =>
      cellOf(r.getCell(c + 1).value)
    );
  });
  const cliMarks = await marksIn(out, SAMPLE_SHEET);
  expect(writtenDecisions(cliGrid, cliMarks, headerRow, batch.length)).toEqual(batch);

  // The pane: its list, then the column it writes.
  const host = new PreviewHost("pinghu-candidates.xlsx", [
    { ...sheet, hidden: false, hiddenColumns: [], merges: [] } as XlsxSheet,
  ]);
  const store = new Store(host, model, "zh");
  await store.start();
  await store.score();
  const rows = [...store.state.scoring!.rows()].sort((a, b) => a.index - b.index);
  expect(rows.map((r) => decisionLabel(model, r.decision, "zh"))).toEqual(batch);
  const written = await host.readWorkbook("y");
  const paneRow = store.state.table!.location.headerRow;
  expect(writtenDecisions(written.table.grid, written.table.marks, paneRow, batch.length)).toEqual(
    batch
  );

  // The sample exercises every kind of advice.
  for (const d of [
    "prioritise",
    "followUp",
    "watch",
    "needInfo",
    "land",
    "build",
    "producing",
    "defer",
  ])
    expect(s.scores.map((c) => c.decision)).toContain(d);
});
