/** Laying out results: our own marked columns after the user's table, or a separate result sheet. */
import { summary } from "../engine/explain";
import type { ScoredTable } from "../engine/score";
import type { CandidateScore, CellValue, Label, Lang, ScoringModel } from "../engine/types";
import { cellAddress, columnLetters, rangeAddress, sheetPrefix } from "./a1";
import { columnOf } from "./mapping";
import { markerKey, markName, safeKey } from "./marker";
import { cellColour, decisionTone, gradeTone } from "./palette";
import { isBlank } from "./text";
import type {
  CellColour,
  Grid,
  MergeArea,
  PlanOptions,
  PrintSetup,
  ResultColumn,
  ResultPlan,
  SheetData,
  SheetName,
  TableLocation,
  WriteBlock,
} from "./types";
import { fittedWidth, MAX_WIDTH } from "./width";

/** Column XFD, the last a sheet has (0-based). */
const LAST_COLUMN = 16383;
/** Conflicts listed in a refusal message. */
const MAX_LISTED = 8;

export const RESULT_SHEET_NAME: Label = { zh: "评分结果", en: "ZS results" };

/**
 * The scores to lay out: the engine's ScoredTable (the fast path: the 说明 column from its one-line
 * summary, no explanation built), or CandidateScore objects (those given are the candidates written).
 */
export type ResultScores = ScoredTable | readonly CandidateScore[];

/** Where a candidate stands, as in its CandidateScore: score, grade, rank and decision id. */
export type Standing = Pick<CandidateScore, "score" | "grade" | "rank" | "decision">;

/** Candidate i's standing read from the ScoredTable, without building its CandidateScore. */
export function standing(s: ScoredTable, i: number): Standing {
  const { model } = s.compiled;
  return {
    score: s.total[i],
    grade: s.grade[i] >= 0 ? model.grades.bands[s.grade[i]].grade : null,
    rank: s.rank[i] > 0 ? s.rank[i] : null,
    decision: s.decision[i] >= 0 ? model.decisions[s.decision[i]].id : "",
  };
}

/** The scores as the layout reads them: entry j is the table's candidate index(j). */
interface ScoreView {
  count: number;
  index(j: number): number;
  standing(j: number): Standing;
  /** The dimension's 0–100 score, null when the candidate has none. */
  dimension(j: number, id: string): number | null;
  summary(j: number, lang: Lang): string;
}

function viewOf(scores: ResultScores): ScoreView {
  if (isScoredTable(scores)) {
    const s = scores;
    const dims = new Map(s.compiled.model.dimensions.map((d, k) => [d.id, s.dimensionScores[k]]));
    return {
      count: s.count,
      index: (j) => j,
      standing: (j) => standing(s, j),
      dimension: (j, id) => {
        const v = dims.get(id)?.[j];
        return v === undefined || v !== v ? null : v;
      },
      summary: (j, lang) => summary(s, j, lang),
    };
  }
  return {
    count: scores.length,
    index: (j) => scores[j].index,
    standing: (j) => scores[j],
    dimension: (j, id) => scores[j].dimensions[id] ?? null,
    summary: (j, lang) => scores[j].explanation.summary[lang],
  };
}

function isScoredTable(scores: ResultScores): scores is ScoredTable {
  return !Array.isArray(scores);
}

interface ColumnSpec {
  key: string;
  label: Label;
  numberFormat?: string;
  wrap?: boolean;
  colours?: Record<string, CellColour>;
  /** The cell of entry j. */
  value: (v: ScoreView, j: number) => CellValue;
}

/** The explanation wraps within this width; other columns fit their widest cell. */
const EXPLANATION_WIDTH = 50;

/** Scores are written and printed with two decimals, so every host shows the same numbers. */
export function roundScore(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The field holding the project's name: id "name", else the first key text field. */
export function nameField(model: ScoringModel): string | null {
  const f =
    model.fields.find((x) => x.id === "name") ??
    model.fields.find((x) => x.type === "text" && x.key) ??
    null;
  return f ? f.id : null;
}

export function decisionLabel(model: ScoringModel, decision: string, lang: Lang): string {
  return model.decisions.find((d) => d.id === decision)?.label[lang] ?? decision;
}

/**
 * Our result columns, in order: score, grade, rank, advice, one per dimension (named as the model
 * names it), explanation. Headers read like the user's own; scores show one decimal.
 */
function resultSpecs(model: ScoringModel, lang: Lang): ColumnSpec[] {
  const gradeColours: Record<string, CellColour> = {};
  for (const b of model.grades.bands) gradeColours[b.grade] = cellColour(gradeTone(b.grade));
  const decisionColours: Record<string, CellColour> = {};
  for (const d of model.decisions) decisionColours[d.label[lang]] = cellColour(decisionTone(d.id));
  return [
    {
      key: "score",
      label: { zh: "得分", en: "Score" },
      numberFormat: "0.0",
      value: (v, j) => roundScore(v.standing(j).score),
    },
    {
      key: "grade",
      label: { zh: "等级", en: "Grade" },
      colours: gradeColours,
      value: (v, j) => v.standing(j).grade,
    },
    {
      key: "rank",
      label: { zh: "排名", en: "Rank" },
      numberFormat: "0",
      value: (v, j) => v.standing(j).rank,
    },
    {
      key: "decision",
      label: { zh: "建议", en: "Advice" },
      colours: decisionColours,
      value: (v, j) => decisionLabel(model, v.standing(j).decision, lang),
    },
    ...model.dimensions.map((d): ColumnSpec => ({
      key: `dim.${safeKey(d.id)}`,
      label: d.label,
      numberFormat: "0.0",
      value: (v, j) => {
        const x = v.dimension(j, d.id);
        return x === null ? null : roundScore(x);
      },
    })),
    {
      key: "explanation",
      label: { zh: "说明", en: "Explanation" },
      wrap: true,
      value: (v, j) => v.summary(j, lang),
    },
  ];
}

/**
 * `values` padded with empty cells over what `existing` (our own sheet from an earlier, larger run)
 * holds, so writing it clears what that run left. Hosts may give sparse grids (blank rows as holes).
 */
export function paddedOver(values: Grid, width: number, existing: SheetData | null): Grid {
  let cols = width;
  let rows = values.length;
  if (existing) {
    rows = Math.max(rows, existing.grid.length);
    for (let r = 0; r < existing.grid.length; r++)
      cols = Math.max(cols, existing.grid[r]?.length ?? 0);
  }
  const padded: Grid = [];
  for (let r = 0; r < rows; r++)
    padded.push(Array.from({ length: cols }, (_, c) => values[r]?.[c] ?? null));
  return padded;
}

/** The decimals a number format shows (-1: no format, numbers as they are). */
const decimalsOf = (numberFormat: string | undefined): number =>
  numberFormat === undefined ? -1 : (/\.(0+)$/.exec(numberFormat)?.[1].length ?? 0);

/** A cell as a format showing `decimals` shows it, for fitting widths. */
function shown(v: CellValue, decimals: number): string {
  if (v === null) return "";
  if (typeof v !== "number") return String(v);
  return decimals < 0 ? String(v) : v.toFixed(decimals);
}

/** The columns as written: header, formats, colours, and widths fitted to what the blocks hold. */
function writtenColumns(
  placed: { spec: ColumnSpec; col: number; existed: boolean }[],
  blocks: WriteBlock[],
  lang: Lang
): ResultColumn[] {
  return placed.map(({ spec, col, existed }) => {
    const block = blocks.find((b) => col >= b.left && col < b.left + (b.values[0]?.length ?? 0));
    const decimals = decimalsOf(spec.numberFormat);
    const texts = (function* () {
      yield spec.label[lang];
      if (block) for (const row of block.values) yield shown(row[col - block.left], decimals);
    })();
    return {
      key: spec.key,
      col,
      header: spec.label[lang],
      existed,
      numberFormat: spec.numberFormat,
      width: fittedWidth(texts, spec.wrap ? EXPLANATION_WIDTH : MAX_WIDTH),
      ...(spec.wrap ? { wrap: true } : {}),
      ...(spec.colours ? { colours: spec.colours } : {}),
    };
  });
}

/** The hidden names marking each column's header cell. */
function markNames(sheet: string, headerRow: number, columns: ResultColumn[]): SheetName[] {
  return columns.map((c) => ({
    sheet,
    name: markName(c.key),
    ref: `${sheetPrefix(sheet)}$${columnLetters(c.col)}$${headerRow + 1}`,
  }));
}

/** Landscape, one page wide, the header row repeated, and a page header naming list, model and date. */
export function printSetup(
  sheet: string,
  headerRow: number,
  model: ScoringModel,
  options: Pick<PlanOptions, "lang" | "title" | "date">
): PrintSetup {
  const { lang } = options;
  const version = `${model.name[lang]} ${lang === "zh" ? "版本" : "version"} ${model.version}`;
  return {
    sheet,
    titleRows: [headerRow, headerRow],
    header: {
      left: options.title ?? sheet,
      right: options.date ? `${version} · ${options.date}` : version,
    },
  };
}

function cellAt(sheet: SheetData, row: number, col: number): CellValue {
  const o = sheet.origin ?? { row: 0, col: 0 };
  return sheet.grid[row - o.row]?.[col - o.col] ?? null;
}

function refusal(
  sheet: string,
  conflicts: { address: string; value: CellValue }[],
  alternative: string
): ResultPlan {
  const listed = conflicts.slice(0, MAX_LISTED).map((c) => c.address);
  const more = conflicts.length > MAX_LISTED ? ` …（共 ${conflicts.length} 个）` : "";
  const moreEn = conflicts.length > MAX_LISTED ? ` … (${conflicts.length} in all)` : "";
  return {
    ok: false,
    conflicts,
    alternative: "sheet",
    message: {
      zh: `不能写入结果：工作表「${sheet}」的 ${listed.join("、")}${more} 已有内容，且不是本工具写入的。为保护您的数据，未做任何修改。可改为把结果写入单独的工作表「${alternative}」。`,
      en: `Cannot write results: ${listed.join(", ")}${moreEn} in sheet "${sheet}" already hold content this tool did not write. Nothing was changed, to protect your data. Write the results to a separate sheet ("${alternative}") instead.`,
    },
  };
}

/** Splits columns into runs of adjacent ones, so each run is one rectangular write. */
function adjacentRuns(cols: number[]): number[][] {
  const sorted = [...cols].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const c of sorted) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === c - 1) run.push(c);
    else runs.push([c]);
  }
  return runs;
}

function planColumns(
  sheet: SheetData,
  table: TableLocation,
  scores: ScoreView,
  model: ScoringModel,
  specs: ColumnSpec[],
  options: PlanOptions
): ResultPlan {
  const { lang } = options;
  const o = sheet.origin ?? { row: 0, col: 0 };
  const headerRow = o.row + table.headerRow;
  const lastRow =
    o.row +
    (table.dataRows.length > 0 ? table.dataRows[table.dataRows.length - 1] : table.headerRow);
  const own = new Map(table.ownColumns.map((x) => [x.key, o.col + x.col]));
  let next = Math.max(o.col + table.lastCol, ...own.values()) + 1;
  const wanted = new Set(specs.map((s) => s.key));
  // Our old columns no longer in the model are reused first, then cleared if still spare.
  const spare = [...own.entries()].filter(([key]) => !wanted.has(key)).map(([, col]) => col);
  spare.sort((a, b) => a - b);

  const columns = specs.map((spec) => {
    const existing = own.get(spec.key);
    const col = existing ?? spare.shift() ?? next++;
    return { spec, key: spec.key, col, existed: existing !== undefined };
  });

  // Excel's last column is XFD: a table reaching it leaves no room to its right.
  const beyond = columns.find((c) => c.col > LAST_COLUMN);
  if (beyond)
    return {
      ok: false,
      conflicts: [],
      alternative: "sheet",
      message: {
        zh: `不能写入结果：工作表「${sheet.name}」的表格右侧没有空余的列（Excel 最多到 XFD 列）。请改为把结果写入单独的工作表「${RESULT_SHEET_NAME[lang]}」。`,
        en: `Cannot write results: sheet "${sheet.name}" has no free columns right of the table (Excel stops at column XFD). Write the results to a separate sheet ("${RESULT_SHEET_NAME[lang]}") instead.`,
      },
    };

  // New columns may only go where every cell is truly empty: no value (not even spaces), not part
  // of a merged area, no formula, comment or data validation.
  const ownCols = new Set(own.values());
  const conflicts: { address: string; value: CellValue }[] = [];
  const inside = (areas: MergeArea[], r: number, col: number) =>
    areas.some((m) => r >= m.top && r <= m.bottom && col >= m.left && col <= m.right);
  const fresh = columns.filter((x) => !ownCols.has(x.col));
  // Only areas reaching the new columns are looked at per cell.
  const reach = (areas: MergeArea[] | undefined) =>
    (areas ?? []).filter((m) => fresh.some((c) => c.col >= m.left && c.col <= m.right));
  const merges = reach(sheet.merges);
  const occupied = reach(sheet.occupied);
  for (const c of fresh) {
    for (let r = headerRow; r <= lastRow; r++) {
      const v = cellAt(sheet, r, c.col);
      // Hosts read empty cells as null or "" (Office.js); a space is content. Formulas returning ""
      // come as occupied areas from hosts that can tell.
      const filled = v !== null && v !== undefined && v !== "";
      const merged = !filled && inside(merges, r, c.col);
      if (filled || merged || inside(occupied, r, c.col))
        conflicts.push({
          address: cellAddress(r, c.col),
          value: filled ? v : merged ? "(merged)" : "(formula, comment or validation)",
        });
    }
  }
  if (conflicts.length > 0) return refusal(sheet.name, conflicts, RESULT_SHEET_NAME[lang]);

  const byRow = new Map<number, number>();
  for (let j = 0; j < scores.count; j++) byRow.set(o.row + table.dataRows[scores.index(j)], j);
  const specOf = new Map(specs.map((s) => [s.key, s]));
  // Values an earlier run left below a shrunken table are cleared too.
  const bottomOf = new Map<number, number>();
  for (const col of [...own.values()]) {
    let r = lastRow + 1;
    while (!isBlank(cellAt(sheet, r, col))) r++;
    bottomOf.set(col, r - 1);
  }
  const keyAt = new Map(columns.map((c) => [c.col, c.key]));
  const blocks: WriteBlock[] = adjacentRuns([...columns.map((c) => c.col), ...spare]).map((run) => {
    const bottom = Math.max(lastRow, ...run.map((c) => bottomOf.get(c) ?? lastRow));
    const values: Grid = [];
    for (let r = headerRow; r <= bottom; r++) {
      values.push(
        run.map((col) => {
          const spec = specOf.get(keyAt.get(col) ?? "");
          if (!spec) return null;
          if (r === headerRow) return spec.label[lang];
          const j = byRow.get(r);
          return j === undefined ? null : spec.value(scores, j);
        })
      );
    }
    return { sheet: sheet.name, top: headerRow, left: run[0], values };
  });

  const written = writtenColumns(columns, blocks, lang);
  const scoreCol = columns[0].col;
  const firstData = o.row + (table.dataRows[0] ?? table.headerRow);
  return {
    ok: true,
    target: "columns",
    sheet: sheet.name,
    createSheet: false,
    headerRow,
    columns: written,
    blocks,
    scoreRange:
      scores.count === 0
        ? null
        : {
            sheet: sheet.name,
            top: firstData,
            left: scoreCol,
            bottom: lastRow,
            right: scoreCol,
            address: rangeAddress(
              { top: firstData, left: scoreCol, bottom: lastRow, right: scoreCol },
              sheet.name
            ),
          },
    names: markNames(sheet.name, headerRow, written),
    headerLook: { row: headerRow, col: o.col + table.lastCol },
    print: printSetup(sheet.name, headerRow, model, options),
  };
}

function planSheet(
  sheet: SheetData,
  table: TableLocation,
  scores: ScoreView,
  model: ScoringModel,
  specs: ColumnSpec[],
  options: PlanOptions
): ResultPlan {
  const { lang } = options;
  const name = options.sheetName ?? RESULT_SHEET_NAME[lang];
  const existing = options.existingSheet ?? null;
  if (existing) {
    const ours =
      (existing.marks ?? []).length > 0 ||
      (existing.grid[0] ?? []).some((v) => markerKey(v) !== null);
    const empty = existing.grid.every((row) => row.every((v) => isBlank(v)));
    if (!ours && !empty) {
      return {
        ok: false,
        conflicts: [],
        alternative: "sheet",
        message: {
          zh: `不能写入结果：已有名为「${name}」的工作表，且内容不是本工具写入的。为保护您的数据，未做任何修改。请为结果表另取一个名字。`,
          en: `Cannot write results: a sheet named "${name}" already exists and holds content this tool did not write. Nothing was changed, to protect your data. Choose another name for the result sheet.`,
        },
      };
    }
  }
  const o = sheet.origin ?? { row: 0, col: 0 };
  const nameCol = options.mapping ? columnOf(options.mapping, nameField(model) ?? "") : null;
  const lead: ColumnSpec[] = [
    {
      key: "row",
      label: { zh: "行号", en: "Row" },
      numberFormat: "0",
      value: (v, j) => o.row + table.dataRows[v.index(j)] + 1,
    },
    {
      key: "name",
      label: { zh: "项目名称", en: "Project" },
      value: (v, j) =>
        nameCol ? (sheet.grid[table.dataRows[v.index(j)]]?.[nameCol.column] ?? null) : null,
    },
  ];
  const all = [...lead, ...specs];
  const rank = Array.from({ length: scores.count }, (_, j) => scores.standing(j).rank ?? Infinity);
  const ordered = Array.from({ length: scores.count }, (_, j) => j).sort(
    (a, b) => rank[a] - rank[b] || scores.index(a) - scores.index(b)
  );
  const values: Grid = [
    all.map((s) => s.label[lang]),
    ...ordered.map((j) => all.map((c) => c.value(scores, j))),
  ];
  const padded = paddedOver(values, all.length, existing);
  const scoreCol = all.findIndex((s) => s.key === "score");
  const blocks = [{ sheet: name, top: 0, left: 0, values: padded }];
  const columns = writtenColumns(
    all.map((spec, col) => ({ spec, col, existed: existing !== null })),
    blocks,
    lang
  );
  return {
    ok: true,
    target: "sheet",
    sheet: name,
    createSheet: existing === null,
    headerRow: 0,
    columns,
    blocks,
    scoreRange:
      scores.count === 0
        ? null
        : {
            sheet: name,
            top: 1,
            left: scoreCol,
            bottom: scores.count,
            right: scoreCol,
            address: rangeAddress(
              { top: 1, left: scoreCol, bottom: scores.count, right: scoreCol },
              name
            ),
          },
    names: markNames(name, 0, columns),
    headerLook: null,
    print: printSetup(name, 0, model, { ...options, title: options.title ?? sheet.name }),
  };
}

/**
 * Plans where results go. Columns: our marked columns after the table, reused on a rerun; refused
 * (with the cells in the way) when a new column would cover anything we did not write.
 * Sheet: a separate result sheet in rank order. Pass the ScoredTable: only the written cells are
 * built (a summary line per candidate, no explanation).
 */
export function planResults(
  sheet: SheetData,
  table: TableLocation,
  scores: ResultScores,
  model: ScoringModel,
  options: PlanOptions
): ResultPlan {
  const specs = resultSpecs(model, options.lang);
  const view = viewOf(scores);
  return options.target === "columns"
    ? planColumns(sheet, table, view, model, specs, options)
    : planSheet(sheet, table, view, model, specs, options);
}
