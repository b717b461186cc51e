/** In-process runs of the CLI over workbooks generated into a fresh temporary folder. */
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
