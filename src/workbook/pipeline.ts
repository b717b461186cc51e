/**
 * The steps every host takes from a workbook to planned results, with the refusal rules in one
 * place: the model (a model sheet found by its marker), the sheet and table to score, the mapping
 * and whether it can be trusted, and key cells that cannot be read. Hosts only read and write.
 */
import type { CellValue, Label, ScoringModel } from "../engine/types";
import { cellAddress } from "./a1";
import { mapColumns } from "./mapping";
import { isModelGrid, markerKey } from "./marker";
import { Refusal } from "./refusal";
import { SUMMARY_KEY } from "./summary";
import { locateTable } from "./table";
import type {
  ColumnMapping,
  MappingOverride,
  SheetData,
  TableLocation,
  UnitOverride,
} from "./types";

export { Refusal };
// Read lazily by the pane (its own chunk): re-exported here for the CLI.
export { modelFromSheet } from "./modelSheet";

const L = (zh: string, en: string): Label => ({ zh, en });

/** Why a cell's value cannot be used as it stands (hosts that read files report these). */
export interface UnreadableCell {
  /** Sheet coordinates, 0-based. */
  row: number;
  col: number;
  why: "formula" | "error" | "date";
  /** The error value or the date read. */
  text?: string;
}

export interface SheetChoice {
  data: SheetData;
  hidden: boolean;
}

/** Rows read from each sheet to find tables and model sheets (headers sit in the first 50). */
export const DISCOVERY_ROWS = 60;

/**
 * The sheet holding the model (its [ZS:model] marker), wherever it is and whatever it is named; null
 * when none. Two marked sheets are refused, naming both: which one counts would be a guess.
 */
export function findModelSheet(sheets: SheetData[]): SheetData | null {
  const found = sheets.filter((d) => isModelGrid(d.grid));
  if (found.length > 1) {
    const names = found.map((d) => `「${d.name}」`).join("、");
    const en = found.map((d) => `"${d.name}"`).join(", ");
    throw new Refusal(
      L(
        `工作簿中有 ${found.length} 张评分模型表：${names}。请删除多余的表（或清除其 A 列的 [ZS:model] 标记）后再试。`,
        `The workbook holds ${found.length} scoring-model sheets: ${en}. Delete the extra ones (or clear the [ZS:model] marker in their column A) and try again.`
      )
    );
  }
  return found[0] ?? null;
}

/** The refusal for a sheet asked for by name that the workbook does not hold. */
export function noSuchSheet(name: string, names: string[]): Refusal {
  return new Refusal(
    L(
      `没有名为「${name}」的工作表（现有：${names.join("、")}）`,
      `no sheet named "${name}" (sheets: ${names.join(", ")})`
    )
  );
}

/** Our result, summary and model sheets are not candidate tables. */
export function isOurSheet(d: SheetData): boolean {
  return (
    isModelGrid(d.grid) ||
    (d.marks ?? []).some((m) => m.key === "row" || m.key === SUMMARY_KEY) ||
    (d.grid[0] ?? []).some((v) => markerKey(v) === "row")
  );
}

/**
 * The sheet to score: the one named, or the first visible sheet with a table (hidden sheets, model
 * and result sheets are never chosen by themselves).
 */
export function chooseSheet(sheets: SheetChoice[], model: ScoringModel, name?: string): SheetData {
  if (name !== undefined) {
    const s = sheets.find((d) => d.data.name === name);
    if (!s)
      throw noSuchSheet(
        name,
        sheets.map((d) => d.data.name)
      );
    return s.data;
  }
  const visible = sheets.filter((d) => !d.hidden && !isOurSheet(d.data));
  // One sheet to choose from: its table is located once, when it is scored.
  if (visible.length === 1 && !sheets.some((d) => d.hidden)) return visible[0].data;
  let first: Label | null = null;
  for (const s of visible) {
    const r = locateTable(s.data, model);
    if (r.ok) return s.data;
    first ??= r.message;
  }
  const hidden = sheets.filter((d) => d.hidden && locateTable(d.data, model).ok);
  const hint =
    hidden.length > 0
      ? L(
          `\n隐藏的工作表「${hidden[0].data.name}」中有表格；如需评分请用 --sheet 指定。`,
          `\nThe hidden sheet "${hidden[0].data.name}" holds a table; name it with --sheet to score it.`
        )
      : L("", "");
  const base = first ?? L("工作簿中没有可评分的工作表", "the workbook has no sheet to score");
  throw new Refusal(L(base.zh + hint.zh, base.en + hint.en));
}

function isHeaderRow(row: CellValue[] | undefined, sheet: SheetData, model: ScoringModel): boolean {
  if (!row) return false;
  const r = locateTable({ name: sheet.name, grid: [row] }, model);
  return r.ok && r.table.headerRow === 0;
}

/** The table's rows moved down by `by` grid rows. */
function shifted(t: TableLocation, by: number): TableLocation {
  if (by === 0) return t;
  return {
    ...t,
    headerRow: t.headerRow + by,
    dataRows: t.dataRows.map((r) => r + by),
    skippedRows: t.skippedRows.map((s) => ({ row: s.row + by, reason: s.reason })),
  };
}

/** The first row after a blank row that is a header row again, or -1. */
function nextHeader(sheet: SheetData, t: TableLocation, model: ScoringModel): number {
  const blank = new Set(t.skippedRows.filter((s) => s.reason === "blank").map((s) => s.row));
  const header = new Set(t.skippedRows.filter((s) => s.reason === "header").map((s) => s.row));
  const rows = [...t.dataRows, ...header].sort((a, b) => a - b);
  for (const r of rows)
    if (blank.has(r - 1) && (header.has(r) || isHeaderRow(sheet.grid[r], sheet, model))) return r;
  return -1;
}

/**
 * The tables of a sheet, top to bottom: a blank row followed by another header row starts a new
 * table (two tables one under the other are two tables, not one).
 */
export function tablesOf(sheet: SheetData, model: ScoringModel): TableLocation[] {
  const tables: TableLocation[] = [];
  const o = sheet.origin ?? { row: 0, col: 0 };
  for (let start = 0; ;) {
    const sub =
      start === 0
        ? sheet
        : { ...sheet, grid: sheet.grid.slice(start), origin: { row: o.row + start, col: o.col } };
    const r = locateTable(sub, model);
    if (!r.ok) {
      if (start === 0) throw new Refusal(r.message);
      break;
    }
    const t = shifted(r.table, start);
    const split = nextHeader(sheet, t, model);
    if (split < 0) {
      tables.push(t);
      break;
    }
    tables.push({
      ...t,
      dataRows: t.dataRows.filter((x) => x < split),
      skippedRows: t.skippedRows.filter((x) => x.row < split - 1),
    });
    start = split;
  }
  return tables;
}

/** Table `index` (1-based) of a sheet's tables, or a refusal naming how many there are. */
export function chooseTable(sheet: SheetData, tables: TableLocation[], index = 1): TableLocation {
  const t = tables[index - 1];
  if (!t)
    throw new Refusal(
      L(
        `工作表「${sheet.name}」只有 ${tables.length} 个表格，没有第 ${index} 个。`,
        `sheet "${sheet.name}" holds ${tables.length} table(s), not a table ${index}.`
      )
    );
  return t;
}

/**
 * Why a mapping cannot be trusted for scoring, or null: a table whose headers only resemble the
 * model's fields (every match a guess), or key amount fields without a column. `sheet` names where
 * the headers are (empty for a range given to a worksheet function), `headerRow` their 0-based row.
 */
export function mappingProblem(
  mapping: ColumnMapping,
  model: ScoringModel,
  sheet: string,
  headerRow?: number
): Refusal | null {
  const at =
    headerRow === undefined
      ? L("", "")
      : L(`（表头在第 ${headerRow + 1} 行）`, ` (header on row ${headerRow + 1})`);
  const where = sheet
    ? L(`工作表「${sheet}」的表头`, `The headers of sheet "${sheet}"`)
    : L("表头", "The headers");
  if (mapping.mapped.length > 0 && mapping.mapped.every((m) => m.how === "fuzzy")) {
    const list = mapping.mapped.map((m) => `${m.header}→${m.field}`).join(", ");
    return new Refusal(
      L(
        `${where.zh}只是与模型字段相似，没有一个确切匹配${at.zh}：${list}。为免误评，未评分；请把表头改为模型中的字段名。`,
        `${where.en} only resemble the model's fields, none matches exactly${at.en}: ${list}. Not scored, to avoid a wrong result; rename the headers to the model's field names.`
      )
    );
  }
  const missing = model.fields.filter(
    (f) => f.key && f.type === "amount" && !mapping.mapped.some((m) => m.field === f.id)
  );
  if (missing.length === 0) return null;
  const names = (lang: "zh" | "en") =>
    missing.map((f) => f.label[lang]).join(lang === "zh" ? "、" : ", ");
  const of = sheet ? L(`工作表「${sheet}」中`, ` of sheet "${sheet}"`) : L("", "");
  return new Refusal(
    L(
      `${of.zh}没有一列能对应到「${names("zh")}」${at.zh}。请把该列表头改为如“总投资（万元）”后再试。`,
      `No column${of.en} maps to ${names("en")}${at.en}. Name that column e.g. "Total investment (CNY 10k)" and try again.`
    )
  );
}

/** A sheet's candidate table located and mapped, with why it cannot be scored as it stands. */
export interface PreparedTable {
  /** Every table of the sheet, top to bottom. */
  tables: TableLocation[];
  table: TableLocation;
  mapping: ColumnMapping;
  /** The refusal scoring would meet (hosts with a mapping step show it there), null if none. */
  problem: Refusal | null;
}

/**
 * Locates the sheet's tables, chooses one (`index`, 1-based) and maps its columns with the user's
 * mapping edits and units. Refuses a sheet without a table or a missing table index.
 */
export function prepareTable(
  sheet: SheetData,
  model: ScoringModel,
  o: { index?: number; override?: MappingOverride; units?: UnitOverride } = {}
): PreparedTable {
  const tables = tablesOf(sheet, model);
  const table = chooseTable(sheet, tables, o.index ?? 1);
  const mapping = mapColumns(table.headers, model, o.override ?? {}, table.hiddenColumns, {
    sheet,
    table,
    units: o.units ?? {},
  });
  return {
    tables,
    table,
    mapping,
    problem: mappingProblem(mapping, model, sheet.name, table.headerRow),
  };
}

const WHY: Record<UnreadableCell["why"], Label> = {
  formula: L("公式没有保存计算结果", "formula without a saved result"),
  error: L("错误值", "error value"),
  date: L("日期（不是金额）", "a date (not an amount)"),
};

/**
 * Stops the run when key columns hold cells that cannot be read (formulas without a saved result,
 * error values, dates in amount columns), naming their addresses; never scored silently as 0.
 */
export function checkReadable(
  sheet: SheetData,
  table: TableLocation,
  mapping: ColumnMapping,
  model: ScoringModel,
  unreadable: UnreadableCell[]
): void {
  const o = sheet.origin ?? { row: 0, col: 0 };
  const rows = new Set(table.dataRows.map((r) => r + o.row));
  const keyCols = new Map<number, string>();
  for (const m of mapping.mapped) {
    const f = model.fields.find((x) => x.id === m.field);
    if (f?.key) keyCols.set(m.column + o.col, f.type);
  }
  const bad = unreadable.filter(
    (u) =>
      rows.has(u.row) && keyCols.has(u.col) && (u.why !== "date" || keyCols.get(u.col) === "amount")
  );
  if (bad.length === 0) return;
  const list = (lang: "zh" | "en") =>
    bad
      .slice(0, 8)
      .map((u) => `${cellAddress(u.row, u.col)} ${WHY[u.why][lang]}${u.text ? ` ${u.text}` : ""}`)
      .join(lang === "zh" ? "；" : "; ") + (bad.length > 8 ? ` … (${bad.length})` : "");
  throw new Refusal(
    L(
      `工作表「${sheet.name}」的关键列有无法读取的单元格：${list("zh")}。请在 Excel 中打开并重新计算、改正后保存，再试。`,
      `Key columns of sheet "${sheet.name}" hold cells that cannot be read: ${list("en")}. Open the file in Excel, recalculate or correct them, save, and try again.`
    )
  );
}
