/** LibreOffice for tests: where soffice is, and the CSV it writes. */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export function soffice(): string | null {
  // npm test (scripts/test.js) says which LibreOffice it found or installed.
  if (process.env.SOFFICE_PATH && fs.existsSync(process.env.SOFFICE_PATH))
    return process.env.SOFFICE_PATH;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const f = path.join(dir, "soffice");
    if (fs.existsSync(f)) return f;
  }
  return null;
}

/** RFC 4180 CSV as LibreOffice writes it. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") (row.push(cell), (cell = ""));
    else if (ch === "\n")
      (row.push(cell.replace(/\r$/, "")), rows.push(row), (row = []), (cell = ""));
    else cell += ch;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** Converts files headless with a profile of their own in `dir` (to: "pdf", "csv:…"), into `outdir`. */
export function convert(
  bin: string,
  dir: string,
  to: string,
  outdir: string,
  files: string[]
): void {
  execFileSync(
    bin,
    [
      `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
      "--headless",
      "--norestore",
      "--convert-to",
      to,
      "--outdir",
      outdir,
      ...files,
    ],
    { timeout: 170_000, stdio: "pipe" }
  );
}
