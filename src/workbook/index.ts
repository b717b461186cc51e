/**
 * The workbook layer (pure): find the candidate table in a grid, map its columns to model fields,
 * lay out result columns or a result sheet, and show a model as an editable sheet.
 * Hosts (Office.js, the CLI over exceljs, the preview) read a SheetData, call these, and write the plan.
 */
export * from "./types";
export {
  columnLetters,
  columnIndex,
  cellAddress,
  parseCellAddress,
  rangeAddress,
  sheetPrefix,
} from "./a1";
export { locateTable } from "./table";
export { mapColumns, matchHeader, columnOf } from "./mapping";
export type { MappingSheet } from "./mapping";
export { findUnitNotes, readColumns, formatReadingReport, readingJson } from "./reading";
export type { ReadingJson, UnitNote } from "./reading";
export { toCandidateTable } from "./candidates";
export {
  planResults,
  standing,
  roundScore,
  nameField,
  decisionLabel,
  RESULT_SHEET_NAME,
} from "./results";
export type { ResultScores, Standing } from "./results";
export { markerKey, markedHeader, marksOf } from "./marker";
export { planSummary, SUMMARY_SHEET_NAME } from "./summary";
export type { SummaryPlan, SummaryResult, SummaryChart, SummaryTable } from "./summary";
export { modelToGrid, gridToModel, isModelGrid, MODEL_SHEET_NAME } from "./modelSheet";
export type { GridModelResult, ModelSheetError } from "./modelSheet";
export {
  Refusal,
  DISCOVERY_ROWS,
  findModelSheet,
  modelFromSheet,
  isOurSheet,
  chooseSheet,
  tablesOf,
  chooseTable,
  mappingProblem,
  prepareTable,
  checkReadable,
} from "./pipeline";
export type { UnreadableCell, SheetChoice } from "./pipeline";
