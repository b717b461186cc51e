/**
 * The scored sample (examples/pinghu-candidates.xlsx) opens in LibreOffice: converted to CSV headless, its result columns read back
 * equal to what the CLI printed with --json.
 */
import * as fs from "fs";
import * as path from "path";
import type { JsonOutput } from "../../src/cli/main";
import { convert, parseCsv, soffice } from "./libreoffice-tools";
import { runCli, tempDir } from "./helpers";

const bin = soffice();
const allowMissing = process.env.ZS_ALLOW_NO_SOFFICE === "1";

test("LibreOffice reads the result columns back as the CLI printed them", async () => {
  if (bin === null) {
    if (allowMissing) return;
    throw new Error(
      "soffice not found on PATH: install LibreOffice Calc (apt-get install -y --no-install-recommends libreoffice-calc), or set ZS_ALLOW_NO_SOFFICE=1 to skip this check."
    );
  }
  const dir = tempDir();
  fs.copyFileSync(
    path.join(__dirname, "../../examples/pinghu-candidates.xlsx"),
    path.join(dir, "sample.xlsx")
  );
  const r = await runCli(["sample.xlsx", "--json"], dir);
  expect(r.code).toBe(0);
  const printed = (JSON.parse(r.stdout) as JsonOutput).results;

  convert(bin, dir, "csv:Text - txt - csv (StarCalc):44,34,76,1", path.join(dir, "csv"), [
    path.join(dir, "sample-scored.xlsx"),
  ]);
  const rows = parseCsv(fs.readFileSync(path.join(dir, "csv", "sample-scored.csv"), "utf8"));
  const header = rows.find((row) => row.includes("得分"))!;
  const labels: Record<string, string> = {
    score: "得分",
    grade: "等级",
    rank: "排名",
    decision: "建议",
    explanation: "说明",
  };
  const at = (key: string) => header.indexOf(labels[key]);
  const read = printed.map((p) => {
    const line = rows[p.row - 1];
    return {
      name: line[header.indexOf("项目名称")],
      score: Number(line[at("score")]),
      grade: line[at("grade")] || null,
      rank: line[at("rank")] === "" ? null : Number(line[at("rank")]),
      decision: line[at("decision")],
      summary: line[at("explanation")],
    };
  });
  expect(read).toEqual(
    printed.map((p) => ({
      name: p.name,
      score: expect.any(Number),
      grade: p.grade,
      rank: p.rank,
      decision: p.decisionLabel,
      summary: p.summary,
    }))
  );
  // The workbook shows scores with one decimal (format 0.0); CSV carries what is shown.
  read.forEach((x, i) =>
    expect(Math.abs(x.score - printed[i].score)).toBeLessThanOrEqual(0.05 + 1e-9)
  );
}, 120000);
