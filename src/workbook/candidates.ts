/** The located table as the engine's CandidateTable. */
import type { CandidateTable, ColumnContext } from "../engine/types";
import type { ColumnMapping, SheetData, TableLocation } from "./types";

/** Candidates by mapped field; rowIds are 1-based sheet row numbers. */
export function toCandidateTable(
  sheet: SheetData,
  table: TableLocation,
  mapping: ColumnMapping
): CandidateTable {
  const originRow = sheet.origin?.row ?? 0;
  const columns: CandidateTable["columns"] = {};
  const contexts: Record<string, Partial<ColumnContext>> = {};
  for (const m of mapping.mapped) {
    columns[m.field] = table.dataRows.map((r) => sheet.grid[r]?.[m.column] ?? null);
    if (m.context) contexts[m.field] = m.context;
  }
  return {
    count: table.dataRows.length,
    columns,
    contexts,
    rowIds: table.dataRows.map((r) => originRow + r + 1),
  };
}
