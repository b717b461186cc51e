/**
 * What the task pane needs from the spreadsheet it runs beside. Excel (Office.js) and the browser
 * preview implement it; it lives in the workbook layer so hosts depend downward, never on the pane.
 */
import type { Lang } from "../engine/types";
import type { SheetChoice } from "./pipeline";
import type { SummaryPlan } from "./summary";
import type { Grid, MappingOverride, PlannedResults, SheetData } from "./types";

/** Where the candidate grid came from. */
export type TableSource = "table" | "region" | "used";

export interface WorkbookRead {
  /** The candidate rows, widened to the right so earlier result columns and cells in the way are seen. */
  table: SheetData;
  /** A1 address of the range read, with its sheet. */
  address: string;
  source: TableSource;
  /**
   * Every sheet in tab order with its first MARKER_ROWS rows from A1 (at least column A): enough to
   * find the model sheet by its marker (workbook/pipeline's findModelSheet) and to offer the sheets
   * by name. A sheet's cells are read in full with readSheet.
   */
  sheets: SheetChoice[];
  /** The result sheet's cells when it exists (for the "sheet" target). */
  resultSheet: SheetData | null;
  /** When a summary sheet name was asked for: its first rows and marks, null when it does not exist. */
  summarySheet?: SheetData | null;
}

/**
 * A candidate's breakdown card (Excel entity value, ExcelApi 1.16). It goes in the explanation column,
 * showing the explanation as its text: an entity cell reads as #VALUE! in formulas, so the score
 * column keeps plain numbers (and its colour scale).
 */
export interface ScoreCard {
  /** Sheet row (0-based) of the candidate in the plan's sheet. */
  row: number;
  /** Shown in the cell: the explanation text the plan writes there. */
  text: string;
  title: string;
  properties: { name: string; value: string | number }[];
}

export interface WriteReport {
  address: string;
  cells: number;
  /** How many round trips the write took. */
  syncs: number;
}

/** Small per-workbook state (workbook.settings in Excel), versioned so later releases can migrate. */
export interface PaneSettings {
  version: 1;
  /** Model chosen: "sheet" (the workbook's marked model sheet) or a bundled model id. */
  model?: string;
  /** The user's mapping edits, for the header row they were made on. */
  mapping?: { headers: string; override: MappingOverride };
  target?: "columns" | "sheet";
  lang?: Lang;
  /** Breakdown cards in the explanation column (opt-in). */
  cards?: boolean;
  /** The 汇总 sheet written with the results (opt-in). */
  summary?: boolean;
}

export interface Host {
  readonly kind: "excel" | "preview";
  /** Names shown in step 1 (workbook or file name). */
  readonly title: string;
  /** Finds the candidate table and reads it (with the result sheet) in as few round trips as possible. */
  readWorkbook(resultSheet: string, summarySheet?: string): Promise<WorkbookRead>;
  /** A sheet's used cells (its origin set); refuses a sheet that does not exist. */
  readSheet(name: string): Promise<SheetData>;
  /** Writes a result plan; applies the colour scale on its score range and, when given, breakdown cards. */
  writeResults(plan: PlannedResults, cards?: ScoreCard[]): Promise<WriteReport>;
  writeModelSheet(name: string, grid: Grid): Promise<void>;
  /** Writes the 汇总 sheet with its native charts (hosts that can draw charts). */
  writeSummary?(plan: SummaryPlan): Promise<void>;
  /** Selects a sheet row (0-based), columns left..right. */
  selectRow(sheet: string, row: number, left: number, right: number): Promise<void>;
  loadSettings(): Promise<PaneSettings | null>;
  saveSettings(settings: PaneSettings): Promise<void>;
  /** Whether cells can carry cards (ExcelApi 1.16 entity values). */
  readonly supportsCards: boolean;
}

export const SETTINGS_KEY = "zs-scorer";

/** Settings from stored JSON; null when missing, unreadable or of an unknown version. */
export function parseSettings(json: unknown): PaneSettings | null {
  if (typeof json !== "string" || json === "") return null;
  try {
    const value = JSON.parse(json) as Partial<PaneSettings>;
    return value && value.version === 1 ? (value as PaneSettings) : null;
  } catch {
    return null;
  }
}
