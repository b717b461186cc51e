/** The CLI's reader on the texts real writers put in cells (te../fixtures/reader-cases.ts). */
import * as fs from "fs";
import * as path from "path";
import { openWorkbook, sheetOf } from "../../src/cli/xlsx";
import { CELL_TEXTS, cellTextsPackage, LAYOUT_GRID, layoutPackage } from "../fixtures/reader-cases";
import { tempDir } from "./helpers";

test("line ends are normalized, _xHHHH_ decoded, in shared and inline strings and text results", async () => {
  const file = path.join(tempDir(), "texts.xlsx");
  fs.writeFileSync(file, await cellTextsPackage());
  const wb = await openWorkbook(file);
  try {
    const grid = (await sheetOf(wb, wb.worksheets[0])).grid;
    expect({
      A1: grid[0][0],
      A2: grid[1][0],
      A3: grid[2][0],
      A4: grid[3][0],
      B1: grid[0][1],
      C1: grid[0][2],
    }).toEqual(CELL_TEXTS);
  } finally {
    wb.pkg.close();
  }
});

test("parts found by their relationships, in any letter case, UTF-16, rows and cells without r, CDATA", async () => {
  const file = path.join(tempDir(), "layout.xlsx");
  fs.writeFileSync(file, await layoutPackage());
  const wb = await openWorkbook(file);
  try {
    const grid = (await sheetOf(wb, wb.worksheets[0])).grid;
    // An empty <v/> reads as an empty text, blank to the workbook layer.
    expect(grid.map((row) => Array.from(row, (v) => (v === "" ? null : v)))).toEqual(LAYOUT_GRID);
  } finally {
    wb.pkg.close();
  }
});
