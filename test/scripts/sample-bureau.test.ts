/**
 * The sample workbook's second sheet, written as many bureaus write lists (unit row 单位：万元、亩,
 * bare numbers, land in 平方米): read through the CLI's sheet reader and the workbook layer, its
 * amounts take the unit row's 万元, its land is converted to 亩, and nothing is read with a guess.
 */
import fs from "fs";
import os from "os";
import path from "path";
import pinghu from "../../src/models/pinghu-2023.json";
import { compileModel, loadModel, scoreTable, type ScoredTable } from "../../src/engine";
import { openWorkbook, sheetOf } from "../../src/cli/xlsx";
import { locateTable } from "../../src/workbook/table";
import { mapColumns } from "../../src/workbook/mapping";
import { toCandidateTable } from "../../src/workbook/candidates";
import type { ColumnMapping, TableLocation } from "../../src/workbook/types";
import { BUREAU_ROWS, BUREAU_SHEET, buildSampleWorkbook } from "../../scripts/make-sample";

const model = loadModel(pinghu);
let table: TableLocation;
let mapping: ColumnMapping;
let scored: ScoredTable;

// Written to a file and read back the way zs-score reads it.
beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-bureau-"));
  const file = path.join(dir, "sample.xlsx");
  await buildSampleWorkbook().xlsx.writeFile(file);
  const wb = await openWorkbook(file);
  const sheet = await sheetOf(
    wb,
    wb.worksheets.find((e) => e.name === BUREAU_SHEET)!
  );
  fs.rmSync(dir, { recursive: true, force: true });
  const located = locateTable(sheet, model);
  if (!located.ok) throw new Error(located.message.en);
  table = located.table;
  mapping = mapColumns(table.headers, model, {}, table.hiddenColumns, { sheet, table });
  scored = scoreTable(toCandidateTable(sheet, table, mapping), compileModel(model));
});
const column = (field: string) => Array.from(scored.columns[field] as Float64Array);
const report = (field: string) => mapping.report!.find((r) => r.field === field)!;

test("the table is found under its title and unit row, with every row a candidate", () => {
  expect([table.headerRow, table.dataRows.length]).toEqual([2, BUREAU_ROWS.length]);
});

test.each(["totalInvestment", "registeredCapital", "tax"])(
  "%s takes 万元 from the unit row A2, read without a guess",
  (field) => {
    expect(report(field)).toMatchObject({
      unit: { label: { zh: "万元" }, source: "note", address: "A2" },
      guessed: 0,
      unreadable: 0,
    });
  }
);

test("bare amounts are in 万元 (the model's unit): 40000 stays 40000, not 4", () => {
  // Model unit 万元; the sheet's 总投资 column E holds 40000, 18000, 65000, 8000 (万元).
  expect(column("totalInvestment")).toEqual([40000, 18000, 65000, 8000]);
});

test("land in 平方米 is converted to 亩 (1 平方米 = 0.0015 亩)", () => {
  expect(report("landArea")).toMatchObject({
    letter: "H",
    unit: { label: { zh: "平方米" }, source: "header", address: "H3" },
  });
  const mu = column("landArea");
  // 53360, 26680, 100050, 13340 平方米 → 80.04, 40.02, 150.075, 20.01 亩.
  [80.04, 40.02, 150.075, 20.01].forEach((v, i) => expect(mu[i]).toBeCloseTo(v, 10));
});

test("a blank 年税收 is missing, not 0", () => {
  expect(report("tax").missing).toBe(1);
  expect(column("tax")[3]).toBeNaN();
});
