import { compileModel, scoreTable } from "../../src/engine";
import type { CellValue } from "../../src/engine/types";
import { toCandidateTable } from "../../src/workbook/candidates";
import { columnOf, mapColumns } from "../../src/workbook/mapping";
import { boxRef, planSummary } from "../../src/workbook/summary";
import type { SummaryPlan, SummaryTable } from "../../src/workbook/summary";
import { locateTable } from "../../src/workbook/table";
import { model, readSheet } from "../models/sample-helpers";

let plan: SummaryPlan;
let count: number;
let scoredRanks: number[];

beforeAll(async () => {
  const sheet = await readSheet();
  const located = locateTable(sheet, model);
  if (!located.ok) throw new Error(located.message.en);
  const mapping = mapColumns(located.table.headers, model);
  const scored = scoreTable(toCandidateTable(sheet, located.table, mapping), compileModel(model));
  const nameCol = columnOf(mapping, "name")!.column;
  const names = located.table.dataRows.map((r) => String(sheet.grid[r][nameCol]));
  count = scored.count;
  scoredRanks = Array.from(scored.rank).filter((r) => r > 0);
  const r = planSummary(scored, {
    lang: "zh",
    names,
    title: "重点招商对象清单",
    date: "2026-12-01",
  });
  if (!r.ok) throw new Error(r.message.en);
  plan = r;
});

const rows = (t: SummaryTable): CellValue[][] => plan.grid.slice(t.top + 2, t.bottom + 1);
const tableOf = (key: SummaryTable["key"]) => plan.tables.find((t) => t.key === key)!;

test("every table has its title and header row; grade, stage and chain counts cover every candidate", () => {
  expect(plan.tables.map((t) => t.key)).toEqual([
    "grade",
    "decision",
    "chain",
    "stage",
    "zdyq",
    "targets",
    "top",
  ]);
  expect(plan.grid[tableOf("grade").top][0]).toBe("按等级");
  expect(plan.grid[tableOf("grade").top + 1].slice(0, 2)).toEqual(["等级", "项目数"]);
  const sum = (t: SummaryTable, col: number) => rows(t).reduce((n, r) => n + Number(r[col]), 0);
  expect(sum(tableOf("grade"), 1)).toBe(count);
  expect(sum(tableOf("decision"), 1)).toBe(count);
  expect(sum(tableOf("stage"), 1)).toBe(count);
  const chain = tableOf("chain");
  // Grades A–D, then the candidates without a grade (excluded), then the total.
  expect(plan.grid[chain.top + 1]).toEqual(
    expect.arrayContaining(["产业链", "A", "B", "C", "D", "未评级", "合计"])
  );
  expect(sum(chain, 6)).toBe(count);
  for (const r of rows(chain))
    expect(Number(r[6])).toBe([1, 2, 3, 4, 5].reduce((n, c) => n + Number(r[c]), 0));
  expect(rows(chain).map((r) => r[0])).toEqual([
    ...model.chain!.chains.map((c) => c.name.zh),
    "未匹配产业链",
  ]);
});

test("top 10: ranks 1 up, scores falling, with grade, advice and the main reason", () => {
  const top = rows(tableOf("top"));
  const expected = [...scoredRanks].sort((a, b) => a - b).slice(0, 10);
  expect(top.map((r) => r[0])).toEqual(expected);
  const scores = top.map((r) => Number(r[2]));
  expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  for (const r of top) {
    expect(typeof r[1]).toBe("string");
    expect(r[3]).toMatch(/^[A-D]$/);
    expect(String(r[5])).toMatch(/^主要得分/);
  }
  expect(tableOf("top").colours?.map((c) => c.col)).toEqual([3, 4]);
});

test("targets: one row per model target with goal, done, gap (never negative) and share", () => {
  const t = rows(tableOf("targets"));
  expect(t.map((r) => r[0])).toEqual(model.targets!.items.map((x) => x.label.zh));
  // Pinghu 2023: ≥ 100 signed projects, 350亿元, 10 and 4.8亿美元 of foreign capital, 18 招大引强.
  expect(t.map((r) => r[1])).toEqual([100, 350, 10, 4.8, 18]);
  for (const r of t) {
    expect(Number(r[3])).toBeGreaterThanOrEqual(0);
    expect(Number(r[2]) + Number(r[3])).toBeCloseTo(Math.max(Number(r[1]), Number(r[2])), 1);
  }
});

test("charts read the tables' cells and sit right of them", () => {
  const chain = tableOf("chain");
  const [bars, progress] = plan.charts;
  expect(bars.categories).toEqual({ top: chain.top + 2, left: 0, bottom: chain.bottom, right: 0 });
  expect(bars.series.map((s) => plan.grid[s.name.row][s.name.col])).toEqual([
    "A",
    "B",
    "C",
    "D",
    "未评级",
  ]);
  // The palette the pane's grade badges use; grey for no grade.
  expect(bars.series.map((s) => s.colour)).toEqual([
    "#107C10",
    "#0F6CBD",
    "#BC4B09",
    "#C50F1F",
    "#616161",
  ]);
  expect(progress.grouping).toBe("percentStacked");
  expect(progress.series.map((s) => plan.grid[s.name.row][s.name.col])).toEqual(["已完成", "差距"]);
  const right = Math.max(...plan.tables.map((t) => t.right));
  for (const c of plan.charts) expect(c.anchor.left).toBeGreaterThan(right);
  expect(bars.anchor.bottom).toBeLessThan(progress.anchor.top);
});

test("a user's sheet named 汇总 is refused; ours (marked) is rewritten and what it held is cleared", async () => {
  const sheet = await readSheet();
  const located = locateTable(sheet, model);
  if (!located.ok) throw new Error(located.message.en);
  const mapping = mapColumns(located.table.headers, model);
  const scored = scoreTable(toCandidateTable(sheet, located.table, mapping), compileModel(model));
  const names = located.table.dataRows.map(() => null);
  const refused = planSummary(scored, {
    lang: "en",
    names,
    title: "x",
    existingSheet: { name: "Summary", grid: [["my notes"]] },
  });
  expect(refused.ok ? "" : refused.message.en).toContain('a sheet named "Summary" already exists');
  const old: CellValue[][] = [];
  old[120] = ["left over", null, null, null, null, null, null, "far right"];
  const ours = planSummary(scored, {
    lang: "en",
    names,
    title: "x",
    existingSheet: { name: "Summary", grid: old, marks: [{ key: "summary", row: 0, col: 0 }] },
  });
  if (!ours.ok) throw new Error(ours.message.en);
  expect(ours.createSheet).toBe(false);
  expect(ours.grid.length).toBe(121);
  expect(ours.grid[120]).toEqual([null, null, null, null, null, null, null, null]);
});

test("a chart's ranges in absolute A1 with the sheet, one cell without a colon", () => {
  expect(boxRef("汇总", { top: 3, left: 1, bottom: 8, right: 2 })).toBe("'汇总'!$B$4:$C$9");
  expect(boxRef("Summary 1", { top: 0, left: 0, bottom: 0, right: 0 })).toBe("'Summary 1'!$A$1");
  expect(boxRef("Sheet1", { top: 0, left: 27, bottom: 0, right: 27 })).toBe("Sheet1!$AB$1");
});
