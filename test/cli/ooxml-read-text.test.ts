/** The CLI's reader on the texts real writers put in cells (test/fixtures/cell-texts.ts). */
import * as fs from "fs";
import * as path from "path";
import { openWorkbook, sheetOf } from "../../src/cli/xlsx";
import { CELL_TEXTS, cellTextsPackage } from "../fixtures/cell-texts";
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
