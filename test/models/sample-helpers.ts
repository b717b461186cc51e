/** Reads the sample workbook the way a host does (cells → grid → table → scores), for the model tests. */
import ExcelJS from "exceljs";
import { CandidateScore, CandidateTable, CellValue } from "../../src/engine/types";
import { scoreCandidates } from "../../src/engine";
import { locateTable, mapColumns, toCandidateTable } from "../../src/workbook";
import type { ColumnMapping, SheetData } from "../../src/workbook";
import { SAMPLE_FILE, SAMPLE_SHEET } from "../../scripts/make-sample";
import { model } from "./default-model";

export { model };

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A cell as Excel hands it to an add-in: dates as serial days, formulas as their result. */
export function cellOf(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / 86400000;
  if (typeof v === "object") {
    if ("result" in v) return cellOf(v.result as ExcelJS.CellValue);
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("text" in v) return String(v.text);
    return null;
  }
  return v as CellValue;
}

export async function readSheet(file = SAMPLE_FILE, name = SAMPLE_SHEET): Promise<SheetData> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name} in ${file}`);
  const grid: CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: CellValue[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = ws.getCell(r, c);
      // Merged cells other than the master read as blank, as in Excel.
      row.push(cell.isMerged && cell.master !== cell ? null : cellOf(cell.value));
    }
    grid.push(row);
  }
  return { name, grid };
}

export interface ScoredSample {
  sheet: SheetData;
  mapping: ColumnMapping;
  table: CandidateTable;
  scores: CandidateScore[];
  /** Row index of a candidate by (part of) its name. */
  at(name: string): number;
}

export async function scoreSample(): Promise<ScoredSample> {
  const sheet = await readSheet();
  const located = locateTable(sheet, model);
  if (!located.ok) throw new Error(located.message.en);
  const mapping = mapColumns(located.table.headers, model);
  const table = toCandidateTable(sheet, located.table, mapping);
  const scores = scoreCandidates(table, model);
  const names = table.columns.name.map((n) => String(n));
  const at = (name: string): number => {
    const i = names.findIndex((n) => n.includes(name));
    if (i < 0) throw new Error(`no candidate named ${name}`);
    return i;
  };
  return { sheet, mapping, table, scores, at };
}
