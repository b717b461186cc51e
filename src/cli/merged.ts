/**
 * The combined ranking of --merge: a new workbook (exceljs's streaming writer: nothing of a user's
 * file to keep here), every candidate with its source workbook, sheet and row, duplicates marked.
 */
import type { Lang } from "../engine/types";
import type { MergeItem } from "../workbook/merge";
import { encodeXstring } from "../workbook/ooxml-text";

export interface MergedRow extends MergeItem {
  file: string;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  score: number;
  grade: string | null;
  decision: string;
  /** "file sheet!row" of the candidate this one repeats, or null. */
  duplicateOf: string | null;
}

const HEADERS: Record<Lang, string[]> = {
  zh: [
    "排名",
    "综合得分",
    "等级",
    "建议",
    "项目名称",
    "投资方",
    "来源工作簿",
    "工作表",
    "行号",
    "疑似重复（与）",
  ],
  en: [
    "Rank",
    "Score",
    "Grade",
    "Recommendation",
    "Project",
    "Investor",
    "Workbook",
    "Sheet",
    "Row",
    "Likely duplicate of",
  ],
};

/** exceljs writes text as it is: a literal _xHHHH_ would read as an escape, and controls are dropped. */
const text = (v: string | null): string | null => (v === null ? null : encodeXstring(v));

/** Ranked by score; a duplicate takes no rank of its own (it is counted once, at its first listing). */
export async function writeMerged(file: string, rows: MergedRow[], lang: Lang): Promise<void> {
  // Loaded only here: exceljs takes a quarter of a second to load, and only --merge needs it.
  const { default: ExcelJS } = await import("exceljs");
  const w = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  const ws = w.addWorksheet(lang === "zh" ? "汇总排名" : "Combined ranking");
  ws.columns = HEADERS[lang].map((h, i) => ({
    header: h,
    width: [6, 10, 6, 12, 36, 24, 24, 14, 6, 36][i],
  }));
  ws.getRow(1).font = { bold: true };
  const ordered = [...rows].sort(
    (a, b) => b.score - a.score || a.file.localeCompare(b.file) || a.row - b.row
  );
  let rank = 0;
  let last = NaN;
  let counted = 0;
  for (const r of ordered) {
    let shown: number | null = null;
    if (r.duplicateOf === null) {
      counted++;
      if (r.score !== last) rank = counted;
      last = r.score;
      shown = rank;
    }
    ws.addRow([
      shown,
      r.score,
      r.grade,
      r.decision,
      text(r.name),
      text(r.investor),
      text(r.file),
      text(r.sheet),
      r.row,
      text(r.duplicateOf),
    ]).commit();
  }
  ws.commit();
  await w.commit();
}
