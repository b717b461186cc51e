/* global __dirname, __filename, process */
/**
 * Generated candidate workbooks (.xlsx) for the CLI and the pane: a title row, the header row, then
 * one row per candidate. Written with exceljs's streaming writer, and kept in the temp folder under a
 * name that changes with the generator and the model, so a second run does not write them again.
 */
import crypto from "crypto";
import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import type { ScoringModel } from "../../src/engine/types";
import { candidateGrid } from "./generate";

function fingerprint(model: ScoringModel, rows: number): string {
  const hash = crypto.createHash("sha1");
  hash.update(fs.readFileSync(path.join(__dirname, "generate.ts")));
  hash.update(fs.readFileSync(__filename));
  hash.update(JSON.stringify(model));
  hash.update(String(rows));
  return hash.digest("hex").slice(0, 12);
}

/** Path of a workbook of `rows` candidates of `model`, written now unless an identical one exists. */
export async function candidateWorkbook(model: ScoringModel, rows: number): Promise<string> {
  const file = path.join(os.tmpdir(), `zs-bench-${rows}-${fingerprint(model, rows)}.xlsx`);
  if (fs.existsSync(file)) return file;
  const tmp = `${file}.${process.pid}.tmp`;
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: false });
  const sheet = writer.addWorksheet("重点项目");
  sheet.addRow(["2023年重点招商项目清单"]).commit();
  for (const row of candidateGrid(model, rows)) sheet.addRow(row).commit();
  sheet.commit();
  await writer.commit();
  fs.renameSync(tmp, file);
  return file;
}
