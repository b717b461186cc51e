/** Host-neutral shapes of the workbook layer: plain values only, so Office.js, exceljs and the preview share them. */
import type { CellValue, ColumnContext, Label, Lang } from "../engine/types";

export type Grid = CellValue[][];

/** A merged area, in sheet coordinates (0-based, inclusive). */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetData {
  name: string;
  grid: Grid;
  /** Sheet coordinates (0-based) of grid[0][0]; default A1. */
  origin?: { row: number; col: number };
  /** Hidden columns, in sheet coordinates. */
  hiddenColumns?: number[];
  merges?: MergeArea[];
  /**
   * Areas holding the user's content without a value in the grid (formulas without a result, error
   * values, comments and notes, data validation), in sheet coordinates: never written over.
   */
  occupied?: MergeArea[];
  /** Our result columns as the workbook's hidden names mark them (see marker.ts), sheet coordinates. */
  marks?: ResultMark[];
}

/** A result column's header cell marked by a defined name "_ZS.<key>", in sheet coordinates. */
export interface ResultMark {
  key: string;
  row: number;
  col: number;
}

export type SkipReason = "blank" | "total" | "note" | "section" | "header";

/** Where the candidate table sits. Rows and columns are grid indices (add `origin` for sheet coordinates). */
export interface TableLocation {
  headerRow: number;
  /** Header cells of the whole grid row (index = grid column); a two-level header's composed texts. */
  headers: CellValue[];
  /** Two-level headers: the grid row whose cell states each column's header unit (index = grid column). */
  headerRowOf?: number[];
  /** Grid columns of the user's table (our own result columns excluded). */
  firstCol: number;
  lastCol: number;
  /** Rows holding candidates, in order. */
  dataRows: number[];
  /** Rows between the header and the last candidate that are not candidates, and why. */
  skippedRows: { row: number; reason: SkipReason }[];
  /** Our own result columns found in the header row (from an earlier run), by result key. */
  ownColumns: { key: string; col: number }[];
  /** Hidden columns inside the table, in grid coordinates. */
  hiddenColumns: number[];
}

export type LocateResult = { ok: true; table: TableLocation } | { ok: false; message: Label };

export type MatchHow = "exact" | "alias" | "fuzzy" | "user";

export interface MappedColumn {
  field: string;
  /** Grid column. */
  column: number;
  header: string;
  /** 0–1; 1 for exact and user mappings. */
  confidence: number;
  how: MatchHow;
  /**
   * Unit and currency bare numbers are read in, e.g. 总投资（万美元） → ×1e4 USD; for a yes/no role
   * column (是否链主 mapped to the role field), the role a yes reads as.
   */
  context?: Partial<ColumnContext>;
  /** Column letter in the sheet (A, B …) and the first value that is not blank. */
  letter?: string;
  sample?: CellValue;
  /** The column's unit and where it came from (when the sheet was read with the mapping). */
  unit?: ColumnUnit;
}

/** Where a column's unit came from: its header, a unit row (单位：万元), the analyst, a rule, the model. */
export const UNIT_SOURCES = ["header", "note", "user", "rule", "default"] as const;
export type UnitSource = (typeof UNIT_SOURCES)[number];

export interface ColumnUnit {
  label: Label;
  source: UnitSource;
  /** The cell that states it (header or unit row). */
  address?: string;
}

/** The analyst's units: field id, label or header → unit text ("万元", "亿美元", "平方米", "%"). */
export type UnitOverride = Record<string, string>;

/** How the cells of one mapped column read. */
export interface ColumnReport {
  field: string;
  column: number;
  letter: string;
  header: string;
  /** The field's label when the column is one several fields share (预期效益 → 年税收). */
  shared?: Label;
  sample: CellValue;
  unit?: ColumnUnit;
  /** Read as written, nothing assumed. */
  read: number;
  /**
   * Read with a note, the guess said in the explanation (说明): a bound (不低于3%), an approximation,
   * a range's midpoint (10-15%, 50余亩), a part left out, "not yet", a resumed halt (engine readingNote).
   */
  noted: number;
  /** Read with a guess (a bare number in an assumed unit, a percent rule). */
  guessed: number;
  missing: number;
  unreadable: number;
  /** The first cells read with a note, with the note. */
  firstNoted: { address: string; note: Label }[];
  firstGuessed: string[];
  firstUnreadable: { address: string; reason: Label }[];
}

export interface ColumnMapping {
  /** Mapped columns in column order. */
  mapped: MappedColumn[];
  /** The mapped columns that were guesses (fuzzy), for the user to confirm. */
  guessed: MappedColumn[];
  /** Model fields without a column, key fields first. */
  unmapped: { field: string; label: Label; key: boolean }[];
  /**
   * Header columns no field uses; `why` when the header names a field but is no column of it (a
   * ratio such as 亩均税收, a yes/no role column beside the role's own column).
   */
  unused: { column: number; header: string; hidden: boolean; why?: Label }[];
  /** How each mapped column reads, when the sheet was given (mapColumns' `sheet` option). */
  report?: ColumnReport[];
  /** Units assumed and unreadable cells, for the analyst to see before scoring. */
  warnings?: Label[];
}

/** A user's mapping: field id → grid column, or null to leave the field unmapped. */
export type MappingOverride = Record<string, number | null>;

/** Rectangular values to write, in sheet coordinates (0-based). */
export interface WriteBlock {
  sheet: string;
  top: number;
  left: number;
  values: Grid;
}

export type ResultKey = string;

export interface ResultColumn {
  key: ResultKey;
  /** Sheet column. */
  col: number;
  header: string;
  /** Whether an earlier run already wrote it. */
  existed: boolean;
  /** Excel number format of the column's data cells. */
  numberFormat?: string;
  /** Width in Excel's units (characters of "0"), fitted to the content with CJK counted double. */
  width: number;
  /** Wrap text in the data cells (the explanation). */
  wrap?: boolean;
  /** Fill and font colour of a data cell by its text (grades, advice), from the shared palette. */
  colours?: Record<string, CellColour>;
}

/** Colours of a cell, "#RRGGBB". */
export interface CellColour {
  fill: string;
  font: string;
}

/** A defined name to write, scoped to its sheet, hidden: marks a result column or sets print titles. */
export interface SheetName {
  sheet: string;
  name: string;
  /** What it refers to, with the sheet: 'Sheet 1'!$H$4. */
  ref: string;
}

/** How the sheet prints: landscape, fit to page width, header rows repeated, a page header. */
export interface PrintSetup {
  sheet: string;
  /** Sheet rows (0-based, inclusive) repeated at the top of each page. */
  titleRows: [number, number];
  /** The page header: the list's title on the left; the model's name, version and the date on the right. */
  header: { left: string; right: string };
}

export interface ResultRange {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** A1 reference with sheet, e.g. 'Sheet 1'!I4:I20. */
  address: string;
}

export interface PlannedResults {
  ok: true;
  target: "columns" | "sheet";
  sheet: string;
  /** The host creates this sheet first (target "sheet" and it does not exist yet). */
  createSheet: boolean;
  /** Sheet row (0-based) of our header cells. */
  headerRow: number;
  columns: ResultColumn[];
  blocks: WriteBlock[];
  /** The data cells of the score column, for a colour scale; null when there are no candidates. */
  scoreRange: ResultRange | null;
  /** The names marking our columns: a host replaces the sheet's "_ZS." names with these. */
  names: SheetName[];
  /** The user's header cell whose look our headers copy (columns target); null: our own header look. */
  headerLook: { row: number; col: number } | null;
  print: PrintSetup;
}

export interface RefusedResults {
  ok: false;
  /** Cells holding something we did not write, in A1 (first few). */
  conflicts: { address: string; value: CellValue }[];
  message: Label;
  /** What would work instead. */
  alternative: "sheet";
}

export type ResultPlan = PlannedResults | RefusedResults;

export interface PlanOptions {
  target: "columns" | "sheet";
  lang: Lang;
  /** For target "sheet": name of the result sheet (default 评分结果 / ZS results). */
  sheetName?: string;
  /** For target "sheet": what that sheet holds now, when it exists. */
  existingSheet?: SheetData | null;
  /** Candidate names for the result sheet come from the mapped name field. */
  mapping?: ColumnMapping;
  /** The list's title for the printed page header (the file or workbook name); default the sheet's name. */
  title?: string;
  /** Today, for the printed page header (hosts pass it: the layout stays pure). */
  date?: string;
}
