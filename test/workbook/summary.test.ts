import { compileModel, scoreCandidates, scoreTable, summary } from "../../src/engine";
import type { ScoredTable } from "../../src/engine";
import { portfolioSummary } from "../../src/engine/portfolio";
import type { CandidateTable } from "../../src/engine/types";
import type { CellValue } from "../../src/engine/types";
import { toCandidateTable } from "../../src/workbook/candidates";
import { columnOf, mapColumns } from "../../src/workbook/mapping";
import { boxRef, planSummary } from "../../src/workbook/summary";
import type { SummaryPlan, SummaryTable } from "../../src/workbook/summary";
import { locateTable } from "../../src/workbook/table";
import { cellColour, decisionTone, gradeTone } from "../../src/workbook/palette";
import { model, readSheet } from "../models/sample-helpers";

let plan: SummaryPlan;
let count: number;
let scoredRanks: number[];
let scored: ScoredTable;
let names: string[];
let candidates: CandidateTable;

beforeAll(async () => {
  const sheet = await readSheet();
  const located = locateTable(sheet, model);
  if (!located.ok) throw new Error(located.message.en);
  const mapping = mapColumns(located.table.headers, model);
  candidates = toCandidateTable(sheet, located.table, mapping);
  scored = scoreTable(candidates, compileModel(model));
  const nameCol = columnOf(mapping, "name")!.column;
  names = located.table.dataRows.map((r) => String(sheet.grid[r][nameCol]));
  count = scored.count;
  scoredRanks = Array.from(scored.rank).filter((r) => r > 0);
});

// The summary is planned in each test (beforeEach), not once in beforeAll: a mutation run takes as
// covering a mutant only the tests that run it themselves, and runs only those (README › Mutation testing).
beforeEach(() => {
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

test("a user's sheet named 汇总 is refused; ours (marked) is rewritten and what it held is cleared", () => {
  // The sample as scored once in beforeAll: reading it again here would make this test one that every
  // mutant of the reading and mapping code runs.
  const names = Array.from({ length: scored.count }, () => null);
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

/** How many candidates of the scored table pass `pred` (counted here, apart from the summary's own count). */
const howMany = (pred: (i: number) => boolean) =>
  Array.from({ length: scored.count }, (_, i) => i).filter(pred).length;
/** A table's rows, only the cells inside it. */
const cells = (t: SummaryTable) => rows(t).map((r) => r.slice(0, t.right + 1));
const heading = (t: SummaryTable) => [
  plan.grid[t.top][0],
  plan.grid[t.top + 1].slice(0, t.right + 1),
];

describe("the summary of the sample, cell by cell (model, scores and flags read from the scored table)", () => {
  test("a title line, the model's line, a blank row; tables from row 4, one blank row apart", () => {
    expect(plan.sheet).toBe("汇总");
    expect(plan.createSheet).toBe(true);
    expect(plan.titleCell).toEqual({ row: 0, col: 0 });
    expect(plan.grid[0][0]).toBe("招商项目评分汇总 · 重点招商对象清单");
    expect(plan.grid[1][0]).toBe(
      `${model.name.zh} 版本 ${model.version} · 2026-12-01 · 共 ${count} 个项目`
    );
    expect(plan.tables[0].top).toBe(3);
    plan.tables.forEach((t, k) => {
      if (k > 0) expect(t.top).toBe(plan.tables[k - 1].bottom + 2);
      expect(plan.grid[t.top - 1].every((v) => v === null)).toBe(true);
      expect(t.left).toBe(0);
      // Nothing right of a table: its title in column A, its rows as wide as its header.
      expect(plan.grid[t.top].slice(1).every((v) => v === null)).toBe(true);
      for (const r of plan.grid.slice(t.top + 1, t.bottom + 1))
        expect(r.slice(t.right + 1).every((v) => v === null)).toBe(true);
    });
    expect(plan.tables.map((t) => t.right)).toEqual([1, 1, 6, 1, 1, 5, 5]);
    // Every line padded to the widest table (chain × grade: 7 columns), no row after the last table.
    expect(plan.grid.length).toBe(plan.tables[plan.tables.length - 1].bottom + 1);
    for (const r of plan.grid) expect(r.length).toBe(7);
    expect(plan.names).toEqual([{ sheet: "汇总", name: "_ZS.summary", ref: "'汇总'!$A$1" }]);
    expect(plan.print).toEqual({
      sheet: "汇总",
      titleRows: [0, 0],
      header: {
        left: "重点招商对象清单",
        right: `${model.name.zh} 版本 ${model.version} · 2026-12-01`,
      },
    });
  });

  test("by grade: one row per band, then the ungraded (excluded) ones", () => {
    const t = tableOf("grade");
    expect(heading(t)).toEqual(["按等级", ["等级", "项目数"]]);
    const ungraded = howMany((i) => scored.grade[i] < 0);
    expect(ungraded).toBeGreaterThan(0);
    expect(cells(t)).toEqual([
      ...model.grades.bands.map((b, k) => [b.grade, howMany((i) => scored.grade[i] === k)]),
      ["未评级", ungraded],
    ]);
    expect(t.numberFormats).toEqual([undefined, "0"]);
    const colours = Object.fromEntries(
      model.grades.bands.map((b) => [b.grade, cellColour(gradeTone(b.grade))])
    );
    expect(t.colours).toEqual([{ col: 0, byText: colours }]);
  });

  test("by advice: each advice given, by its label, coloured by its tone", () => {
    const t = tableOf("decision");
    expect(heading(t)).toEqual(["按建议", ["建议", "项目数"]]);
    expect(cells(t)).toEqual(
      model.decisions
        .map((d, k) => [d.label.zh, howMany((i) => scored.decision[i] === k)])
        .filter((r) => r[1] !== 0)
    );
    expect(t.numberFormats).toEqual([undefined, "0"]);
    const colours = Object.fromEntries(
      model.decisions.map((d) => [d.label.zh, cellColour(decisionTone(d.id))])
    );
    expect(t.colours).toEqual([{ col: 0, byText: colours }]);
  });

  test("by chain and grade: every chain of the model, then none; a column per grade, the ungraded, the total", () => {
    const t = tableOf("chain");
    const keys = [0, 1, 2, 3, -1];
    expect(heading(t)).toEqual([
      "按产业链与等级",
      ["产业链", "A", "B", "C", "D", "未评级", "合计"],
    ]);
    const row = (label: string, id: string | null) => [
      label,
      ...keys.map((k) => howMany((i) => scored.chains[i] === id && scored.grade[i] === k)),
      howMany((i) => scored.chains[i] === id),
    ];
    expect(cells(t)).toEqual([
      ...model.chain!.chains.map((c) => row(c.name.zh, c.id)),
      row("未匹配产业链", null),
    ]);
    expect(t.numberFormats).toEqual([undefined, "0", "0", "0", "0", "0", "0"]);
    expect(t.colours).toBeUndefined();
  });

  test("by stage: one row per stage of the model (no row for stages not given when every one is)", () => {
    const t = tableOf("stage");
    expect(heading(t)).toEqual(["按进度", ["进度", "项目数"]]);
    expect(howMany((i) => scored.stage[i] < 0)).toBe(0);
    expect(cells(t)).toEqual(
      model.stages!.map((st, k) => [st.label.zh, howMany((i) => scored.stage[i] === k)])
    );
    expect(t.numberFormats).toEqual([undefined, "0"]);
  });

  test("招大引强 by kind: the model's flags named so, each counted", () => {
    const t = tableOf("zdyq");
    expect(heading(t)).toEqual(["招大引强（按类别）", ["类别", "项目数"]]);
    const flags = scored.compiled.flags
      .map((f, k) => ({ f, k }))
      .filter(({ f }) => f.def.label.zh.startsWith("招大引强"));
    // Some of the model's flags are other kinds (外资, 环评报告书, …) and stay out.
    expect(flags.length).toBeLessThan(scored.compiled.flags.length);
    expect(cells(t)).toEqual(
      flags.map(({ f, k }) => [f.def.label.zh, howMany((i) => scored.flagHits[k][i] === 1)])
    );
    expect(t.numberFormats).toEqual([undefined, "0"]);
  });

  test("targets: the portfolio's progress from the candidates' own scores, rounded to 2 decimals", () => {
    const t = tableOf("targets");
    expect(heading(t)).toEqual([
      "年度目标进度",
      ["目标", "目标值", "已完成", "差距", "完成率", "单位"],
    ]);
    const progress = portfolioSummary(
      candidates,
      scoreCandidates(candidates, model),
      model
    ).targets;
    const round = (x: number) => Math.round(x * 100) / 100;
    expect(cells(t)).toEqual(
      progress.map((p) => [p.label.zh, p.target, round(p.actual), round(p.gap), p.share, p.unit.zh])
    );
    expect(t.numberFormats).toEqual([
      undefined,
      "#,##0.##",
      "#,##0.##",
      "#,##0.##",
      "0%",
      undefined,
    ]);
  });

  test("top 10: rank, name, score to 2 decimals, grade, advice, the main reason; wrapped, coloured", () => {
    const t = tableOf("top");
    expect(heading(t)).toEqual([
      "前 10 名项目",
      ["排名", "项目名称", "得分", "等级", "建议", "主要理由"],
    ]);
    const byRank = Array.from({ length: scored.count }, (_, i) => i)
      .filter((i) => scored.rank[i] > 0)
      .sort((a, b) => scored.rank[a] - scored.rank[b])
      .slice(0, 10);
    expect(cells(t)).toEqual(
      byRank.map((i) => [
        scored.rank[i],
        names[i],
        Math.round(scored.total[i] * 100) / 100,
        model.grades.bands[scored.grade[i]].grade,
        model.decisions[scored.decision[i]].label.zh,
        summary(scored, i, "zh"),
      ])
    );
    expect(t.numberFormats).toEqual(["0", undefined, "0.0", undefined, undefined, undefined]);
    expect(t.wrap).toEqual([5]);
    expect(t.colours).toEqual([
      { col: 3, byText: tableOf("grade").colours![0].byText },
      { col: 4, byText: tableOf("decision").colours![0].byText },
    ]);
  });

  test("the two charts: what they read, how they draw, where they sit", () => {
    const chain = tableOf("chain");
    const targets = tableOf("targets");
    const column = (top: number, bottom: number, col: number) => ({
      top,
      left: col,
      bottom,
      right: col,
    });
    expect(plan.charts).toEqual([
      {
        key: "chainGrade",
        title: "各产业链项目数（按等级）",
        direction: "bar",
        grouping: "stacked",
        categories: column(chain.top + 2, chain.bottom, 0),
        series: ["#107C10", "#0F6CBD", "#BC4B09", "#C50F1F", "#616161"].map((colour, k) => ({
          name: { row: chain.top + 1, col: 1 + k },
          values: column(chain.top + 2, chain.bottom, 1 + k),
          colour,
        })),
        anchor: { top: 1, left: 8, bottom: 20, right: 16 },
      },
      {
        key: "targets",
        title: "年度目标完成进度",
        direction: "bar",
        grouping: "percentStacked",
        categories: column(targets.top + 2, targets.bottom, 0),
        series: [
          {
            name: { row: targets.top + 1, col: 2 },
            values: column(targets.top + 2, targets.bottom, 2),
            colour: "#107C10",
          },
          {
            name: { row: targets.top + 1, col: 3 },
            values: column(targets.top + 2, targets.bottom, 3),
            colour: "#F5F5F5",
          },
        ],
        anchor: { top: 22, left: 8, bottom: 38, right: 16 },
      },
    ]);
  });
});

describe("a short list in English: rows and columns that only appear when needed", () => {
  // Three candidates with a name and an amount only: no stage, no chain, none excluded.
  const grid: CellValue[][] = [
    ["项目名称", "总投资（万元）"],
    ["甲项目", 500000],
    ["乙项目", 30000],
    ["丙项目", 800],
  ];
  let small: SummaryPlan;
  let s: ScoredTable;
  beforeAll(() => {
    const sheet = { name: "清单", grid };
    const located = locateTable(sheet, model);
    if (!located.ok) throw new Error(located.message.en);
    const mapping = mapColumns(located.table.headers, model);
    s = scoreTable(toCandidateTable(sheet, located.table, mapping), compileModel(model));
  });
  beforeEach(() => {
    const r = planSummary(s, {
      lang: "en",
      names: ["甲项目", "乙项目", "丙项目"],
      title: "List",
      existingSheet: { name: "Summary", grid: [[null, " "], []] },
    });
    if (!r.ok) throw new Error(r.message.en);
    small = r;
  });
  const at = (key: SummaryTable["key"]) => small.tables.find((t) => t.key === key)!;
  const inside = (t: SummaryTable) =>
    small.grid.slice(t.top + 2, t.bottom + 1).map((r) => r.slice(0, t.right + 1));

  test("the model's line without a date; an empty sheet of the name is written over", () => {
    expect(Array.from(s.grade).every((g) => g >= 0)).toBe(true);
    expect(small.grid[0][0]).toBe("Candidate projects: summary · List");
    expect(small.grid[1][0]).toBe(`${model.name.en} version ${model.version} · 3 candidates`);
    expect(small.createSheet).toBe(false);
    expect(small.sheet).toBe("Summary");
    expect(small.names).toEqual([{ sheet: "Summary", name: "_ZS.summary", ref: "Summary!$A$1" }]);
    expect(small.print.header).toEqual({
      left: "List",
      right: `${model.name.en} version ${model.version}`,
    });
  });

  test("every table's title and headers in English, and the charts' titles", () => {
    expect(
      small.tables.map((t) => [
        t.key,
        small.grid[t.top][0],
        small.grid[t.top + 1].slice(0, t.right + 1),
      ])
    ).toEqual([
      ["grade", "By grade", ["Grade", "Projects"]],
      ["decision", "By advice", ["Advice", "Projects"]],
      ["chain", "By chain and grade", ["Chain", "A", "B", "C", "D", "Total"]],
      ["stage", "By stage", ["Stage", "Projects"]],
      ["zdyq", "招大引强 by kind", ["Kind", "Projects"]],
      [
        "targets",
        "Progress against the year's targets",
        ["Target", "Goal", "Done", "Gap", "Share done", "Unit"],
      ],
      ["top", "Top 10 candidates", ["Rank", "Project", "Score", "Grade", "Advice", "Main reason"]],
    ]);
    expect(small.charts.map((c) => c.title)).toEqual([
      "Candidates per chain, by grade",
      "Progress against the year's targets",
    ]);
    expect(small.charts[1].series.map((x) => small.grid[x.name.row][x.name.col])).toEqual([
      "Done",
      "Gap",
    ]);
  });

  test("a model without advice rules (the validator allows none): no advice rows, blank advice in the top 10", () => {
    const bare = { ...model, decisions: [] };
    const sheet = { name: "清单", grid };
    const located = locateTable(sheet, bare);
    if (!located.ok) throw new Error(located.message.en);
    const mapping = mapColumns(located.table.headers, bare);
    const r = planSummary(
      scoreTable(toCandidateTable(sheet, located.table, mapping), compileModel(bare)),
      { lang: "en", names: ["甲项目", "乙项目", "丙项目"], title: "List" }
    );
    if (!r.ok) throw new Error(r.message.en);
    const table = (key: SummaryTable["key"]) => r.tables.find((t) => t.key === key)!;
    expect(table("decision").bottom).toBe(table("decision").top + 1);
    const top = table("top");
    expect(r.grid.slice(top.top + 2, top.bottom + 1).map((row) => row[4])).toEqual(["", "", ""]);
  });

  test("no ungraded row or column when every candidate has a grade; stages not given get their row", () => {
    expect(inside(at("grade"))).toEqual(
      model.grades.bands.map((b, k) => [b.grade, Array.from(s.grade).filter((g) => g === k).length])
    );
    const chain = at("chain");
    expect(small.grid[chain.top + 1].slice(0, chain.right + 1)).toEqual([
      "Chain",
      "A",
      "B",
      "C",
      "D",
      "Total",
    ]);
    expect(inside(chain)).toEqual([
      ...model.chain!.chains.map((c) => [c.name.en, 0, 0, 0, 0, 0]),
      [
        "No target chain",
        ...[0, 1, 2, 3].map((k) => Array.from(s.grade).filter((g) => g === k).length),
        3,
      ],
    ]);
    expect(small.charts[0].series.map((x) => x.colour)).toEqual([
      "#107C10",
      "#0F6CBD",
      "#BC4B09",
      "#C50F1F",
    ]);
    expect(inside(at("stage"))).toEqual([
      ...model.stages!.map((st) => [st.label.en, 0]),
      ["Stage not given", 3],
    ]);
    // Only the advice given is listed.
    const given = model.decisions.filter((_, k) => Array.from(s.decision).includes(k));
    expect(given.length).toBeLessThan(model.decisions.length);
    expect(inside(at("decision"))).toEqual(
      given.map((d) => [
        d.label.en,
        Array.from(s.decision).filter((x) => x === model.decisions.indexOf(d)).length,
      ])
    );
    expect(inside(at("top")).map((r) => [r[0], r[1]])).toEqual(
      [0, 1, 2]
        .sort((a, b) => s.rank[a] - s.rank[b])
        .map((i) => [s.rank[i], ["甲项目", "乙项目", "丙项目"][i]])
    );
  });
});

test("column widths fit the tables' texts, numbers as shown (one decimal), within 40 (50 for the reasons)", () => {
  // Chinese: column A is as wide as its widest table text, 招大引强·非目标产业（不保底） (29); the title
  // and model lines above the tables are wider and do not count.
  expect(plan.widths[0]).toEqual({ col: 0, width: 31 });
  const en = planSummary(scored, { lang: "en", names, title: "重点招商对象清单" });
  if (!en.ok) throw new Error(en.message.en);
  expect(en.widths).toEqual([
    { col: 0, width: 40 }, // chain and flag names over 40 ("C3 chemicals, membrane materials and related")
    { col: 1, width: 22 }, // 丙烷脱氢及聚丙烯项目, 10 wide characters
    { col: 2, width: 7 }, // "Score"; 161.28 done shows as 161.3
    { col: 3, width: 7 }, // "Grade"; gap 188.72 shows as 188.7
    { col: 4, width: 34 }, // "Speed construction to production"; shares such as 0.460798 show as 0.5
    { col: 5, width: 50 }, // the main reasons, over 50
    { col: 6, width: 7 }, // "Total"
  ]);
});

test("a user's sheet of the summary's name is refused in both languages, also when it holds other names of ours", () => {
  const existingSheet = {
    name: "汇总",
    grid: [[null, "我的备注"], [null]],
    marks: [{ key: "score", row: 0, col: 0 }],
  };
  const refused = planSummary(scored, { lang: "zh", names, title: "x", existingSheet });
  expect(refused).toEqual({
    ok: false,
    message: {
      zh: "不能写入汇总：已有名为「汇总」的工作表，且内容不是本工具写入的。为保护您的数据，未做任何修改。请把该表改名后再试。",
      en: 'Cannot write the summary: a sheet named "汇总" already exists and holds content this tool did not write. Nothing was changed, to protect your data. Rename that sheet and try again.',
    },
  });
});
