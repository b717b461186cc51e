/**
 * The 汇总 / Summary sheet for the leaders' report, laid out once here (pure) and written by each
 * host: counts by grade, advice, chain × grade, stage and 招大引强 kind; progress against the
 * year's targets with the gap; the top 10 with score, grade, advice and the main reason. Two native
 * charts are described by the cells they read (chain × grade bars, target progress bars), so the
 * Excel API and the CLI's DrawingML parts draw the same charts and they stay live on edit.
 */
import { summary as summaryLine } from "../engine/explain";
import { portfolioSummary } from "../engine/portfolio";
import type { PortfolioScore } from "../engine/portfolio";
import type { ScoredTable } from "../engine/score";
import type { CellValue, Label, Lang } from "../engine/types";
import { columnLetters, sheetPrefix } from "./a1";
import { markName } from "./marker";
import { cellColour, decisionTone, gradeTone, TONES } from "./palette";
import { decisionLabel, paddedOver, printSetup, roundScore } from "./results";
import { isBlank } from "./text";
import type { CellColour, Grid, PrintSetup, SheetData, SheetName } from "./types";
import { fittedWidth } from "./width";

export const SUMMARY_SHEET_NAME: Label = { zh: "汇总", en: "Summary" };
/** The key of the name that marks a summary sheet as ours. */
export const SUMMARY_KEY = "summary";
/** Candidates listed in the top table. */
const TOP = 10;

/** A rectangle of cells, sheet coordinates (0-based, inclusive). */
export interface CellBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One table of the summary: a title row, a header row, data rows. */
export interface SummaryTable {
  key: "grade" | "decision" | "chain" | "stage" | "zdyq" | "targets" | "top";
  /** Row of its title; the header row follows, then the data rows down to `bottom`. */
  top: number;
  left: number;
  right: number;
  bottom: number;
  /** Number format per column (from `left`), undefined for General. */
  numberFormats: (string | undefined)[];
  /** Cell colours by text in one column (grades, advice). */
  colours?: { col: number; byText: Record<string, CellColour> }[];
  /** Columns whose text wraps. */
  wrap?: number[];
}

export interface ChartSeries {
  /** The cell holding the series' name. */
  name: { row: number; col: number };
  values: CellBox;
  colour: string;
}

export interface SummaryChart {
  key: "chainGrade" | "targets";
  title: string;
  /** Bars left to right ("column") or bottom to top ("bar"); stacked, or stacked to 100%. */
  direction: "column" | "bar";
  grouping: "stacked" | "percentStacked";
  categories: CellBox;
  series: ChartSeries[];
  /** The cells the chart covers. */
  anchor: CellBox;
}

export interface SummaryPlan {
  ok: true;
  sheet: string;
  createSheet: boolean;
  /** The sheet's cells from A1, padded to clear what an earlier, larger summary left. */
  grid: Grid;
  /** The summary's title cell (bold, larger). */
  titleCell: { row: number; col: number };
  tables: SummaryTable[];
  charts: SummaryChart[];
  widths: { col: number; width: number }[];
  names: SheetName[];
  print: PrintSetup;
}

export type SummaryResult = SummaryPlan | { ok: false; message: Label };

export interface SummaryOptions {
  lang: Lang;
  /** Project names by candidate index (from the mapped name column). */
  names: (string | null)[];
  /** The list's title (file or workbook name) and today's date, for the title and the page header. */
  title: string;
  date?: string;
  /** What a sheet of the summary's name holds now, when it exists. */
  existingSheet?: SheetData | null;
}

const L = (zh: string, en: string): Label => ({ zh, en });
const T = {
  title: L("招商项目评分汇总", "Candidate projects: summary"),
  count: L("项目数", "Projects"),
  total: L("合计", "Total"),
  none: L("未评级", "Not graded"),
  noChain: L("未匹配产业链", "No target chain"),
  noStage: L("进度未填", "Stage not given"),
  grade: L("按等级", "By grade"),
  gradeCol: L("等级", "Grade"),
  decision: L("按建议", "By advice"),
  decisionCol: L("建议", "Advice"),
  chain: L("按产业链与等级", "By chain and grade"),
  chainCol: L("产业链", "Chain"),
  stage: L("按进度", "By stage"),
  stageCol: L("进度", "Stage"),
  zdyq: L("招大引强（按类别）", "招大引强 by kind"),
  zdyqCol: L("类别", "Kind"),
  targets: L("年度目标进度", "Progress against the year's targets"),
  targetCols: [
    L("目标", "Target"),
    L("目标值", "Goal"),
    L("已完成", "Done"),
    L("差距", "Gap"),
    L("完成率", "Share done"),
    L("单位", "Unit"),
  ],
  top: L(`前 ${TOP} 名项目`, `Top ${TOP} candidates`),
  topCols: [
    L("排名", "Rank"),
    L("项目名称", "Project"),
    L("得分", "Score"),
    L("等级", "Grade"),
    L("建议", "Advice"),
    L("主要理由", "Main reason"),
  ],
  chainChart: L("各产业链项目数（按等级）", "Candidates per chain, by grade"),
  targetChart: L("年度目标完成进度", "Progress against the year's targets"),
  done: L("已完成", "Done"),
  gap: L("差距", "Gap"),
};

/** Candidate i's flags as the portfolio summary reads them. */
function portfolioScores(s: ScoredTable): PortfolioScore[] {
  const flags = s.compiled.flags;
  return Array.from({ length: s.count }, (_, i) => ({
    index: i,
    score: s.total[i],
    rank: s.rank[i] > 0 ? s.rank[i] : null,
    excluded: s.excluded[i] === 1,
    flags: flags.filter((_, k) => s.flagHits[k][i] === 1).map((f) => f.def.id),
    chain: s.chains[i],
  }));
}

/**
 * Lays out the summary sheet, or refuses when a sheet of its name holds the user's content (one
 * that an earlier summary wrote, found by its name mark, or an empty one, is rewritten).
 */
export function planSummary(s: ScoredTable, options: SummaryOptions): SummaryResult {
  const { lang } = options;
  const model = s.compiled.model;
  const sheet = SUMMARY_SHEET_NAME[lang];
  const existing = options.existingSheet ?? null;
  if (existing) {
    const ours = (existing.marks ?? []).some((m) => m.key === SUMMARY_KEY);
    const empty = existing.grid.every((row) => row.every((v) => isBlank(v)));
    if (!ours && !empty)
      return {
        ok: false,
        message: L(
          `不能写入汇总：已有名为「${sheet}」的工作表，且内容不是本工具写入的。为保护您的数据，未做任何修改。请把该表改名后再试。`,
          `Cannot write the summary: a sheet named "${sheet}" already exists and holds content this tool did not write. Nothing was changed, to protect your data. Rename that sheet and try again.`
        ),
      };
  }

  const grid: Grid = [];
  const put = (row: number, col: number, v: CellValue) => {
    while (grid.length <= row) grid.push([]);
    grid[row][col] = v;
  };
  const tables: SummaryTable[] = [];
  let row = 0;
  put(row, 0, `${T.title[lang]} · ${options.title}`);
  const titleCell = { row, col: 0 };
  row++;
  put(
    row++,
    0,
    `${model.name[lang]} ${lang === "zh" ? "版本" : "version"} ${model.version}${options.date ? ` · ${options.date}` : ""} · ${lang === "zh" ? `共 ${s.count} 个项目` : `${s.count} candidates`}`
  );
  row++;

  /** Writes a table; returns it (rows are cells from column A). */
  const table = (
    key: SummaryTable["key"],
    title: Label,
    header: Label[],
    rows: CellValue[][],
    numberFormats: (string | undefined)[],
    extra: Partial<SummaryTable> = {}
  ): SummaryTable => {
    const top = row;
    put(row++, 0, title[lang]);
    header.forEach((h, c) => put(row, c, h[lang]));
    row++;
    for (const r of rows) {
      r.forEach((v, c) => put(row, c, v));
      row++;
    }
    const t: SummaryTable = {
      key,
      top,
      left: 0,
      right: header.length - 1,
      bottom: row - 1,
      numberFormats,
      ...extra,
    };
    tables.push(t);
    row++;
    return t;
  };

  const bands = model.grades.bands;
  const gradeOf = (i: number) => (s.grade[i] >= 0 ? bands[s.grade[i]].grade : null);
  const count = (pred: (i: number) => boolean) => {
    let n = 0;
    for (let i = 0; i < s.count; i++) if (pred(i)) n++;
    return n;
  };
  const gradeColours: Record<string, CellColour> = {};
  for (const b of bands) gradeColours[b.grade] = cellColour(gradeTone(b.grade));

  const ungraded = count((i) => s.grade[i] < 0);
  table(
    "grade",
    T.grade,
    [T.gradeCol, T.count],
    [
      ...bands.map((b, k) => [b.grade, count((i) => s.grade[i] === k)]),
      ...(ungraded > 0 ? [[T.none[lang], ungraded]] : []),
    ],
    [undefined, "0"],
    { colours: [{ col: 0, byText: gradeColours }] }
  );

  const decisionColours: Record<string, CellColour> = {};
  for (const d of model.decisions) decisionColours[d.label[lang]] = cellColour(decisionTone(d.id));
  table(
    "decision",
    T.decision,
    [T.decisionCol, T.count],
    model.decisions
      .map((d, k) => [decisionLabel(model, d.id, lang), count((i) => s.decision[i] === k)])
      .filter((r) => (r[1] as number) > 0),
    [undefined, "0"],
    { colours: [{ col: 0, byText: decisionColours }] }
  );

  // Chain × grade: the chart's data. Every chain of the model, then candidates with none.
  const chains = model.chain?.chains ?? [];
  // Excluded candidates have no grade: their own column, so each row adds up to its total.
  const gradeKeys = [...bands.map((_, k) => k), ...(ungraded > 0 ? [-1] : [])];
  const chainRows: CellValue[][] = [...chains.map((c) => c.id), null].map((id) => {
    const inChain = (i: number) => s.chains[i] === id;
    const byGrade = gradeKeys.map((k) => count((i) => inChain(i) && s.grade[i] === k));
    const label = id === null ? T.noChain[lang] : chains.find((c) => c.id === id)!.name[lang];
    return [label, ...byGrade, count(inChain)];
  });
  const chainTable = table(
    "chain",
    T.chain,
    [
      T.chainCol,
      ...gradeKeys.map((k) => (k < 0 ? T.none : L(bands[k].grade, bands[k].grade))),
      T.total,
    ],
    chainRows,
    [undefined, ...gradeKeys.map(() => "0"), "0"]
  );

  const stages = model.stages ?? [];
  const noStage = count((i) => s.stage[i] < 0);
  table(
    "stage",
    T.stage,
    [T.stageCol, T.count],
    [
      ...stages.map((st, k) => [st.label[lang], count((i) => s.stage[i] === k)]),
      ...(noStage > 0 ? [[T.noStage[lang], noStage]] : []),
    ],
    [undefined, "0"]
  );

  // 招大引强 kinds are the model's flags named so (the umbrella flag last, as the total).
  const zdyq = s.compiled.flags
    .map((f, k) => ({ f, k }))
    .filter(({ f }) => f.def.label.zh.startsWith("招大引强"));
  table(
    "zdyq",
    T.zdyq,
    [T.zdyqCol, T.count],
    zdyq.map(({ f, k }) => [f.def.label[lang], count((i) => s.flagHits[k][i] === 1)]),
    [undefined, "0"]
  );

  const progress = portfolioSummary(s.table, portfolioScores(s), model).targets;
  const targetTable = table(
    "targets",
    T.targets,
    T.targetCols,
    progress.map((t) => [
      t.label[lang],
      t.target,
      roundScore(t.actual),
      roundScore(t.gap),
      t.share,
      t.unit[lang],
    ]),
    [undefined, "#,##0.##", "#,##0.##", "#,##0.##", "0%", undefined]
  );

  const ranked = Array.from({ length: s.count }, (_, i) => i)
    .filter((i) => s.rank[i] > 0)
    .sort((a, b) => s.rank[a] - s.rank[b] || a - b)
    .slice(0, TOP);
  table(
    "top",
    T.top,
    T.topCols,
    ranked.map((i) => [
      s.rank[i],
      options.names[i] ?? null,
      roundScore(s.total[i]),
      gradeOf(i),
      decisionLabel(model, s.decision[i] >= 0 ? model.decisions[s.decision[i]].id : "", lang),
      summaryLine(s, i, lang),
    ]),
    ["0", undefined, "0.0", undefined, undefined, undefined],
    {
      colours: [
        { col: 3, byText: gradeColours },
        { col: 4, byText: decisionColours },
      ],
      wrap: [5],
    }
  );

  // Charts to the right of the tables, beside the data they draw.
  const chartLeft = 8;
  const firstData = (t: SummaryTable) => t.top + 2;
  const charts: SummaryChart[] = [
    {
      key: "chainGrade",
      title: T.chainChart[lang],
      direction: "bar",
      grouping: "stacked",
      categories: { top: firstData(chainTable), left: 0, bottom: chainTable.bottom, right: 0 },
      series: gradeKeys.map((g, k) => ({
        name: { row: chainTable.top + 1, col: 1 + k },
        values: {
          top: firstData(chainTable),
          left: 1 + k,
          bottom: chainTable.bottom,
          right: 1 + k,
        },
        colour: gradeTone(g < 0 ? null : bands[g].grade).strong,
      })),
      anchor: { top: 1, left: chartLeft, bottom: 20, right: chartLeft + 8 },
    },
    {
      key: "targets",
      title: T.targetChart[lang],
      direction: "bar",
      grouping: "percentStacked",
      categories: { top: firstData(targetTable), left: 0, bottom: targetTable.bottom, right: 0 },
      // Done and gap stacked to 100%: each bar is one target, filled as far as it is met.
      series: [2, 3].map((col) => ({
        name: { row: targetTable.top + 1, col },
        values: { top: firstData(targetTable), left: col, bottom: targetTable.bottom, right: col },
        colour: col === 2 ? TONES.good.strong : TONES.neutral.fill,
      })),
      anchor: { top: 22, left: chartLeft, bottom: 38, right: chartLeft + 8 },
    },
  ];

  const cols = grid.reduce((w, line) => Math.max(w, line.length), 0);
  const padded = paddedOver(grid, cols, existing);

  const widths = Array.from({ length: cols }, (_, col) => ({
    col,
    width: fittedWidth(
      grid
        .filter((_, r) => r > 1)
        .map((line) => line[col])
        .filter((v) => v !== null && v !== undefined)
        .map((v) => (typeof v === "number" && !Number.isInteger(v) ? v.toFixed(1) : String(v))),
      col === 5 ? 50 : 40
    ),
  }));
  return {
    ok: true,
    sheet,
    createSheet: existing === null,
    grid: padded,
    titleCell,
    tables,
    charts,
    widths,
    names: [{ sheet, name: markName(SUMMARY_KEY), ref: `${sheetPrefix(sheet)}$A$1` }],
    print: printSetup(sheet, 0, model, options),
  };
}

/** A box as A1 with its sheet: 'Sheet'!$A$1:$A$9. */
export function boxRef(sheet: string, b: CellBox): string {
  const cell = (r: number, c: number) => `$${columnLetters(c)}$${r + 1}`;
  const a = cell(b.top, b.left);
  const z = cell(b.bottom, b.right);
  return `${sheetPrefix(sheet)}${a === z ? a : `${a}:${z}`}`;
}
