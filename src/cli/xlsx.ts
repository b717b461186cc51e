/** exceljs as a workbook host: worksheet → SheetData, and a result plan written into the loaded workbook. */
import type { Cell, CellValue as ExcelValue, Workbook, Worksheet } from "exceljs";
import type { CellValue } from "../engine/types";
import { parseCellAddress } from "../workbook/a1";
import type { Grid, MergeArea, PlannedResults, SheetData } from "../workbook/types";

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * A cell as the workbook layer sees it: formulas by their cached result, rich text as plain text.
 * An Excel error is its text (#N/A), as Office.js gives it; a formula saved without a result is its
 * "=…" text: both read as unreadable, never as blank (engine/cells.ts).
 */
export function plainValue(v: ExcelValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return isoDate(v);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v && v.result !== undefined) return plainValue(v.result as ExcelValue);
    if ("formula" in v && typeof v.formula === "string") return `=${v.formula}`;
    if ("sharedFormula" in v && typeof v.sharedFormula === "string") return `=${v.sharedFormula}`;
    if ("text" in v) return plainValue(v.text as ExcelValue);
    if ("error" in v) return String(v.error);
  }
  return null;
}

function mergeArea(range: string): MergeArea | null {
  const [a, b = a] = range.split(":");
  const p = parseCellAddress(a);
  const q = parseCellAddress(b);
  return p && q ? { top: p.row, left: p.col, bottom: q.row, right: q.col } : null;
}

export function sheetData(ws: Worksheet): SheetData {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const grid: Grid = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const out: CellValue[] = new Array(cols).fill(null);
    row.eachCell({ includeEmpty: false }, (cell: Cell, c: number) => {
      if (c <= cols) out[c - 1] = plainValue(cell.value);
    });
    grid.push(out);
  }
  const hiddenColumns: number[] = [];
  for (let c = 1; c <= cols; c++) if (ws.getColumn(c).hidden) hiddenColumns.push(c - 1);
  const merges = (ws.model.merges ?? []).map(mergeArea).filter((m): m is MergeArea => m !== null);
  return { name: ws.name, grid, hiddenColumns, merges };
}

const OUR_WIDTH: Record<string, number> = { explanation: 60, decision: 12, name: 30 };

/** Writes our cells into the loaded workbook; every other cell, style and sheet stays as read. */
export function applyPlan(wb: Workbook, plan: PlannedResults): void {
  const ws = wb.getWorksheet(plan.sheet) ?? wb.addWorksheet(plan.sheet);
  const formats = new Map(plan.columns.map((c) => [c.col, c]));
  for (const b of plan.blocks) {
    b.values.forEach((vals, i) =>
      vals.forEach((v, j) => {
        const r = b.top + i;
        const c = b.left + j;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v;
        const spec = formats.get(c);
        if (!spec || v === null) return;
        if (r === plan.headerRow) cell.font = { bold: true };
        else if (spec.numberFormat) cell.numFmt = spec.numberFormat;
      })
    );
  }
  // Widths only for columns we add; the user's own widths stay as they are.
  for (const c of plan.columns.filter((x) => !x.existed))
    ws.getColumn(c.col + 1).width ??= OUR_WIDTH[c.key] ?? 14;
}
