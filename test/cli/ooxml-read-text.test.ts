/** The CLI's reader on what real writers put in packages and cells (test/fixtures/reader-cases.ts). */
import * as fs from "fs";
import * as path from "path";
import type { Grid } from "../../src/workbook/types";
import { openWorkbook, sheetOf } from "../../src/cli/xlsx";
import {
  CELL_TEXTS,
  cellTextsPackage,
  LAYOUT_GRID,
  layoutPackage,
  TIME_DATE_COLUMNS,
  TIMES_GRID,
  timesPackage,
} from "../fixtures/reader-cases";
import { tempDir } from "./helpers";

/** The first sheet of a package, as the CLI reads it from a file. */
async function sheetOfPackage(bytes: Uint8Array) {
  const file = path.join(tempDir(), "case.xlsx");
  fs.writeFileSync(file, bytes);
  const wb = await openWorkbook(file);
  try {
    return await sheetOf(wb, wb.worksheets[0]);
  } finally {
    wb.pkg.close();
  }
}

/** The first sheet's grid of a package, as the CLI reads it from a file. */
async function gridOf(bytes: Uint8Array): Promise<Grid> {
  return (await sheetOfPackage(bytes)).grid;
}

test("line ends are normalized, _xHHHH_ decoded, in shared and inline strings and text results", async () => {
  const grid = await gridOf(await cellTextsPackage());
  expect({
    A1: grid[0][0],
    A2: grid[1][0],
    A3: grid[2][0],
    A4: grid[3][0],
    B1: grid[0][1],
    C1: grid[0][2],
  }).toEqual(CELL_TEXTS);
});

test("parts found by their relationships, in any letter case, UTF-16, rows and cells without r, CDATA", async () => {
  const grid = await gridOf(await layoutPackage());
  // An empty <v/> reads as an empty text, blank to the workbook layer.
  expect(grid.map((row) => Array.from(row, (v) => (v === "" ? null : v)))).toEqual(LAYOUT_GRID);
});

test("a time or duration reads as the text Excel shows and is no date; a date-time is a date", async () => {
  const sheet = await sheetOfPackage(await timesPackage());
  expect(sheet.grid).toEqual(TIMES_GRID);
  // Only the date cells are reported as dates (unreadable where an amount is expected).
  expect(sheet.unreadable.map((u) => [u.col, u.why])).toEqual(
    TIME_DATE_COLUMNS.map((c) => [c, "date"])
  );
});
