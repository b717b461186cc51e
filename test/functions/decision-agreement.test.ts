/**
 * ZS.DECISION (the built bundle, one row at a time), the engine's batch scores (what the CLI's and the
 * pane's result columns show) and the written result column agree on every sample row's decision,
 * 待补充 and the delivery advice included.
 */
import { decisionLabel } from "../../src/workbook";
import { model, readSheet, scoreSample } from "../models/sample-helpers";
import { loadBundle } from "./loadBundle";

const { call } = loadBundle();

test("ZS.DECISION agrees with the batch decision on every row of the sample", async () => {
  const s = await scoreSample();
  const sheet = await readSheet();
  const headerRow = sheet.grid.findIndex((r) => r.includes("项目名称"));
  const headers = [sheet.grid[headerRow].map((c) => (c === null ? "" : c))];
  const decisions = new Set<string>();
  s.scores.forEach((c, i) => {
    const row = sheet.grid[headerRow + 1 + i].map((x) => (x === null ? "" : x));
    const batch = decisionLabel(model, c.decision, "zh");
    expect([row[1], call("DECISION", [row], headers)]).toEqual([row[1], batch]);
    decisions.add(c.decision);
  });
  // The sample exercises every kind of advice.
  for (const d of [
    "prioritise",
    "followUp",
    "watch",
    "needInfo",
    "land",
    "build",
    "producing",
    "defer",
  ])
    expect(decisions).toContain(d);
});
