/**
 * Cells no reader should turn into a value: an Excel error (#N/A, #DIV/0! …), a formula the file
 * stores without its result (hosts pass its text, "=…"), and a date where an amount belongs. Each is
 * unreadable for that cell, never blank and never 0.
 */
import { CellValue, Label } from "./types";

export const EXCEL_ERRORS = [
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
] as const;

const ERRORS = new Set<string>(EXCEL_ERRORS);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why the cell cannot be read as a number, or null when a reader may try. */
export function cellProblem(cell: CellValue, numeric: boolean): Label | null {
  if (typeof cell !== "string") return null;
  const t = cell.trim();
  // Every error value starts with "#": most cells skip the upper-casing.
  if (t.charCodeAt(0) === 35 && ERRORS.has(t.toUpperCase()))
    return { zh: `Excel 错误值 ${t}`, en: `the Excel error value ${t}` };
  if (t.startsWith("="))
    return {
      zh: "公式没有保存计算结果（请在 Excel 中重新计算并保存）",
      en: "a formula saved without its result (recalculate and save in Excel)",
    };
  if (numeric && ISO_DATE.test(t)) return { zh: "日期不是数值", en: "a date is not a number" };
  return null;
}
