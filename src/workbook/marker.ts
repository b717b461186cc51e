/**
 * How our own cells are recognised on the next run. Result headers read like the user's own
 * (得分, 等级 …); each result column is marked out of sight by a hidden defined name scoped to its
 * sheet, "_ZS.<key>", referring to the column's header cell. Excel moves a name's reference with
 * the cell when the user inserts or deletes columns, and both Office.js (ExcelApi 1.4 names) and
 * the CLI's package writer read and write names. The key does not depend on the language, so an
 * English rerun finds the columns a Chinese run wrote.
 *
 * Earlier versions put the marker in the header text, "得分 [ZS:score]": such headers are still
 * recognised (and rewritten clean on the next run). The model sheet keeps its visible markers.
 */
import type { CellValue, Label } from "../engine/types";
import { parseCellAddress } from "./a1";
import type { Grid, ResultMark, SheetName } from "./types";

const MARKER = /\s*\[ZS:([A-Za-z0-9_.-]+)\]\s*$/;

/** Prefix of our defined names; Excel reserves "_xlnm." only, and a leading "_" sorts them apart. */
export const NAME_PREFIX = "_ZS.";

export function markedHeader(label: string, key: string): string {
  return `${label} [ZS:${key}]`;
}

/** The result key of a tagged header ("… [ZS:key]", written by earlier versions), or null. */
export function markerKey(v: CellValue | undefined): string | null {
  if (typeof v !== "string") return null;
  const m = MARKER.exec(v);
  return m ? safeKey(m[1]) : null;
}

/** Keys carry only characters a defined name may hold: model ids may hold anything. */
export function safeKey(id: string): string {
  return id.replace(/[^A-Za-z0-9_.]/g, "_");
}

/** The defined name marking result column `key`. */
export function markName(key: string): string {
  return NAME_PREFIX + key;
}

/**
 * A sheet holding two tables marks each table's columns: names are unique within a sheet, so the
 * second table's copy of a name gets a suffix, "_ZS.score.__2" (model ids hold no period, so only a
 * dimension named "__2" would give a key ending so).
 */
const COPY = /\.__\d+$/;

/** Name `name` (a mark) made distinct for another table of the same sheet: copy number n ≥ 2. */
export function copyName(name: string, n: number): string {
  return `${name.replace(COPY, "")}.__${n}`;
}

/**
 * How one table's new marks replace a sheet's earlier ones (every host follows it): an earlier mark
 * goes when it marks the new marks' header row or nothing any more (#REF!), another table's stays;
 * a new mark whose name a kept one holds takes the next copy name. `ours`: our names on the sheet.
 */
export function replaceMarks<N extends { name: string; ref: string }>(
  ours: readonly N[],
  names: readonly SheetName[]
): { drop: N[]; names: SheetName[] } {
  const rows = new Set(names.map((n) => cellReference(n.ref)?.row));
  const drop: N[] = [];
  const kept = new Set<string>();
  for (const n of ours) {
    const at = cellReference(n.ref);
    if (at === null || rows.has(at.row)) drop.push(n);
    else kept.add(n.name.toUpperCase());
  }
  return {
    drop,
    names: names.map((n) => {
      let name = n.name;
      for (let k = 2; kept.has(name.toUpperCase()); k++) name = copyName(n.name, k);
      return name === n.name ? n : { ...n, name };
    }),
  };
}

/** The result key a defined name marks, or null for names that are not ours (names ignore case). */
export function keyOfName(name: string): string | null {
  return name.slice(0, NAME_PREFIX.length).toUpperCase() === NAME_PREFIX.toUpperCase() &&
    name.length > NAME_PREFIX.length
    ? name.slice(NAME_PREFIX.length).replace(COPY, "")
    : null;
}

/**
 * The marks among a sheet's defined names: `names` as hosts read them, each with its reference
 * text ("=Sheet1!$H$4", "'候选 项目'!$H$4", or without "="). Names that are not ours, or whose
 * reference is not one cell of `sheet` (#REF! after the user deleted the column), are left out.
 */
export function marksOf(names: { name: string; ref: string }[], sheet: string): ResultMark[] {
  const marks: ResultMark[] = [];
  for (const n of names) {
    const key = keyOfName(n.name);
    const at = key === null ? null : cellReference(n.ref);
    if (key !== null && at !== null && at.sheet === sheet)
      marks.push({ key, row: at.row, col: at.col });
  }
  return marks;
}

/** "=Sheet1!$H$4" or "='My ''x'''!H4" → sheet and cell; null for anything else. */
export function cellReference(ref: string): { sheet: string; row: number; col: number } | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d+)$/.exec(ref.trim());
  if (!m) return null;
  const at = parseCellAddress(m[3]);
  return at ? { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], ...at } : null;
}

/** The model sheet's name and the marker in its first rows (the sheet itself: modelSheet.ts, read lazily by the pane). */
export const MODEL_SHEET_NAME: Label = { zh: "评分模型", en: "Scoring model" };
export const MODEL_MARKER = "model";
/** The model sheet's marker sits in column A of one of its first rows (rows inserted above it move it). */
export const MARKER_ROWS = 5;

/** Whether a grid is one of our model sheets. */
export function isModelGrid(grid: Grid): boolean {
  return grid.slice(0, MARKER_ROWS).some((row) => markerKey(row?.[0]) === MODEL_MARKER);
}
