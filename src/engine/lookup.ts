/**
 * Lookup tables: thresholds that depend on the candidate (标准地 lines by industry). A table's row is
 * chosen per candidate by its chain or by a text field as read, and each column becomes a number
 * column expressions read as `<table>_<column>`, like a derived field. Rows hold only what differs
 * from the default row; the default row gives every column.
 */
import { Label, LookupTableDef, ScoringModel } from "./types";

/** Expression name of a table column's value for the candidate: `landStandard_taxPerMu`. */
export const lookupVariable = (table: string, column: string): string => `${table}_${column}`;

/** Every lookup name of the model, with its table and column. */
export function lookupNames(
  model: Pick<ScoringModel, "tables">
): Map<string, { table: LookupTableDef; column: string }> {
  const out = new Map<string, { table: LookupTableDef; column: string }>();
  for (const table of model.tables ?? [])
    for (const c of table.columns) out.set(lookupVariable(table.id, c.id), { table, column: c.id });
  return out;
}

/** The row index a key chooses: the first row matching it, else the default row. */
export function lookupChooser(table: LookupTableDef): (key: string | null) => number {
  const fallback = table.rows.findIndex((r) => r.id === table.default);
  const byKey = new Map<string, number>();
  table.rows.forEach((r, k) => {
    for (const m of r.match) if (!byKey.has(m)) byKey.set(m, k);
  });
  return (key) => (key === null ? undefined : byKey.get(key)) ?? fallback;
}

/** Column `column` of row `row`, or the default row's when the row does not give it. */
export function lookupValue(table: LookupTableDef, row: number, column: string): number {
  const own = table.rows[row]?.values[column];
  if (own !== undefined) return own;
  return table.rows.find((r) => r.id === table.default)?.values[column] ?? NaN;
}

/**
 * How a value came from the table, for explanations: "标准地控制指标·投资强度下限（新能源汽车 行）：300",
 * naming the default row when the chosen one does not give the column.
 */
export function lookupDetail(table: LookupTableDef, row: number, column: string): Label {
  const col = table.columns.find((c) => c.id === column);
  const own = table.rows[row]?.values[column] !== undefined;
  const r = own ? table.rows[row] : table.rows.find((x) => x.id === table.default);
  const v = lookupValue(table, row, column);
  const name = col?.label ?? { zh: column, en: column };
  const rowName = r?.label ?? { zh: "", en: "" };
  return {
    zh: `${table.label.zh}·${name.zh}（${rowName.zh}）：${v}${col?.unit ?? ""}`,
    en: `${table.label.en} · ${name.en} (${rowName.en}): ${v}${col?.unit ? ` ${col.unit}` : ""}`,
  };
}
