/** In-process runs of the CLI over workbooks generated into a fresh temporary folder. */
import type { ResultMark } from "../../src/workbook/types";
import { openWorkbook, sheetOf } from "../../src/cli/xlsx";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "zs-cli-"));
}

export async function runCli(argv: string[], cwd: string): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
  });
  return { code, stdout, stderr };
}

export async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Our result columns in a written file, as its hidden names mark them (0-based sheet coordinates). */
export async function marksIn(file: string, sheet: string): Promise<ResultMark[]> {
  const wb = await openWorkbook(file);
  try {
    const entry = wb.worksheets.find((e) => e.name === sheet)!;
    return (await sheetOf(wb, entry, 1)).marks ?? [];
  } finally {
    wb.pkg.close();
  }
}
