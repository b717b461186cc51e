/**
 * A one-sheet list as hosts read it with the default model: located, mapped (with the analyst's
 * override), turned into candidates and scored; `column` gives a scored numeric column as an array.
 */
import pinghu from "../../src/models/pinghu-2023.json";
import { compileModel, loadModel, scoreTable } from "../../src/engine";
import { locateTable } from "../../src/workbook/table";
import { mapColumns } from "../../src/workbook/mapping";
import { toCandidateTable } from "../../src/workbook/candidates";
import type { Grid, MappingOverride, SheetData } from "../../src/workbook/types";

const model = loadModel(pinghu);
const compiled = compileModel(model);

export function openList(grid: Grid, override: MappingOverride = {}) {
  const sheet: SheetData = { name: "清单", grid };
  const located = locateTable(sheet, model);
  if (!located.ok) throw new Error(located.message.en);
  const mapping = mapColumns(located.table.headers, model, override, located.table.hiddenColumns, {
    sheet,
    table: located.table,
  });
  const scored = scoreTable(toCandidateTable(sheet, located.table, mapping), compiled);
  const column = (field: string) => Array.from(scored.columns[field] as Float64Array);
  return { mapping, column };
}
