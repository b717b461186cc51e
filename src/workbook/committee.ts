/**
 * A review committee's (评审会) judgements or scores, in either of two shapes, combined by the engine
 * (ahp, ahpGroup, kendallW):
 * - one long table pasted from Excel (one row per line, cells separated by tabs as Excel copies them,
 *   or commas): 专家 · 维度 A · 维度 B · 判断值, or 专家 · 项目 · 评分; a header row is skipped;
 * - one sheet per expert, the sheet's name the expert's: a pairwise matrix with the model's dimensions
 *   as its header row and its first column (one side of the diagonal is enough), or a table with a
 *   项目 column and a 评分 column.
 * Pairwise judgements give the combined dimension weights by group AHP — the geometric mean of the
 * judgements (AIJ) or of each expert's weights (AIP) — with each expert's consistency ratio and their
 * agreement (Kendall's W over the experts' own weights); scores give the agreement on the projects.
 * Errors name the row of the long table, or the sheet and the cell.
 */
import {
  ahp,
  ahpGroup,
  kendallW,
  matrix,
  McdaError,
  pairwiseFromLong,
  scoresFromLong,
} from "../engine/mcda";
import type { AhpGroupMethod, DecisionMatrix, ScoreEntry } from "../engine/mcda";
import type { CellValue, DimensionDef, Label, ScoringModel } from "../engine/types";
import { cellAddress } from "./a1";
import { cellText, isBlank, looseText } from "./text";
import type { SheetData } from "./types";

export type Aggregation = AhpGroupMethod;

export interface ExpertJudgement {
  name: string;
  /** Consistency ratio of the expert's own matrix (≤ 0.1 is acceptable). */
  cr: number;
  /** The expert's own dimension weights, in model order. */
  weights: number[];
}

export type Committee =
  | {
      kind: "pairwise";
      aggregation: Aggregation;
      experts: ExpertJudgement[];
      /** The combined weights by dimension id. */
      weights: Record<string, number>;
      /** CR of the combined matrix (AIJ); NaN for AIP, which combines weights, not judgements. */
      cr: number;
      /** Kendall's W of the experts' weights; NaN with one expert. */
      agreement: number;
    }
  | { kind: "scores"; experts: string[]; projects: number; agreement: number };

export type CommitteeRead = { ok: true; committee: Committee } | { ok: false; message: Label };

const L = (zh: string, en: string): Label => ({ zh, en });

class CommitteeError extends Error {
  constructor(readonly label: Label) {
    super(label.en);
  }
}

/** The committee, or the refusal its reader or the engine raised. */
function attempt(read: () => Committee): CommitteeRead {
  try {
    return { ok: true, committee: read() };
  } catch (e) {
    if (e instanceof McdaError || e instanceof CommitteeError)
      return { ok: false, message: e.label };
    throw e;
  }
}

/** "3", "0.5", "1/3" → a number; NaN for anything else. Never given a blank: callers refuse it first. */
function numberOf(cell: string): number {
  const fraction = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(cell);
  if (fraction) return Number(fraction[1]) / Number(fraction[2]);
  return Number(cell);
}

/** A long table's number cell; a blank or a text is refused with its line in the pasted text. */
function valueAt(cell: string, line: number, what: Label): number {
  if (cell === "")
    throw new CommitteeError(L(`第 ${line} 行没有${what.zh}`, `row ${line} has no ${what.en}`));
  const x = numberOf(cell);
  if (Number.isNaN(x))
    throw new CommitteeError(
      L(`第 ${line} 行：“${cell}”不是${what.zh}`, `row ${line}: "${cell}" is not a ${what.en}`)
    );
  return x;
}

/** The model dimension a cell names: its id, or its Chinese or English label. */
function dimensionOf(name: string, model: ScoringModel): number {
  const key = looseText(name);
  if (key === "") return -1;
  return model.dimensions.findIndex(
    (d) => looseText(d.id) === key || looseText(d.label.zh) === key || looseText(d.label.en) === key
  );
}

const dimensionList = (dims: DimensionDef[]): Label =>
  L(dims.map((d) => d.label.zh).join("、"), dims.map((d) => d.label.en).join(", "));

/** Combined weights, each expert's CR and their agreement, from matrices in model order. */
function combine(
  names: string[],
  matrices: DecisionMatrix[],
  model: ScoringModel,
  aggregation: Aggregation
): Committee {
  const dims = model.dimensions;
  const n = dims.length;
  const result = ahpGroup(matrices, { aggregation });
  const experts = names.map((name, e) => ({
    name,
    cr: result.experts[e].cr,
    weights: Array.from(result.experts[e].weights),
  }));
  // Agreement: the dimensions as objects, each expert's weights as their ranking of them.
  const k = experts.length;
  const agreement =
    k < 2
      ? NaN
      : kendallW(
          matrix(
            n,
            k,
            Float64Array.from(
              { length: n * k },
              (_, c) => experts[c % k].weights[Math.floor(c / k)]
            )
          )
        );
  const weights: Record<string, number> = {};
  dims.forEach((d, i) => (weights[d.id] = result.weights[i]));
  return {
    kind: "pairwise",
    aggregation,
    experts,
    weights,
    cr: result.group?.cr ?? NaN,
    agreement,
  };
}

/** Kendall's W of the experts' scores; every expert must score every project. */
function agree(
  entries: ScoreEntry[],
  missing: (expert: string, project: string) => Label
): Committee {
  const { scores: m, experts, alternatives } = scoresFromLong(entries);
  for (let a = 0; a < m.rows; a++)
    for (let e = 0; e < m.cols; e++)
      if (Number.isNaN(m.data[a * m.cols + e]))
        throw new CommitteeError(missing(experts[e], alternatives[a]));
  if (experts.length < 2)
    throw new CommitteeError(L("一致性需要至少 2 位专家", "agreement needs at least 2 experts"));
  return { kind: "scores", experts, projects: alternatives.length, agreement: kendallW(m) };
}

// --- One long table ---------------------------------------------------------------------------------

export function readCommittee(
  text: string,
  model: ScoringModel,
  aggregation: Aggregation = "aij"
): CommitteeRead {
  const split = text.split(/\r?\n/).map((line) => line.split(/\t|,|，/).map((c) => c.trim()));
  // Each row keeps its line in the pasted text (1-based), which messages name: a header and blank
  // lines are not data rows, but the user counts them.
  const lines = split.map((_, k) => k + 1).filter((_, k) => split[k].some((c) => c !== ""));
  const rows = lines.map((line) => split[line - 1]);
  // A header names its columns: its last cell is not a number.
  if (rows.length > 0 && Number.isNaN(numberOf(rows[0][rows[0].length - 1]))) {
    rows.shift();
    lines.shift();
  }
  if (rows.length === 0)
    return {
      ok: false,
      message: L(
        "没有数据：请粘贴“专家、维度 A、维度 B、判断值”或“专家、项目、评分”的长表",
        'No data: paste a long table of "expert, dimension A, dimension B, judgement" or "expert, project, score"'
      ),
    };
  const width = rows[0].length;
  const bad = rows.findIndex((r) => r.length !== width || (width !== 3 && width !== 4));
  if (bad >= 0)
    return {
      ok: false,
      message: L(
        `第 ${lines[bad]} 行有 ${rows[bad].length} 列：每行应为 4 列（专家、维度 A、维度 B、判断值）或 3 列（专家、项目、评分），各行相同`,
        `row ${lines[bad]} has ${rows[bad].length} columns: every row needs 4 (expert, dimension A, dimension B, judgement) or 3 (expert, project, score), the same in each row`
      ),
    };
  return attempt(() =>
    width === 4
      ? longPairwise(rows, lines, model, aggregation)
      : agree(
          rows.map((r, k) => ({
            expert: r[0],
            alternative: r[1],
            score: valueAt(r[2], lines[k], L("评分", "score")),
          })),
          (expert, project) =>
            L(`${expert} 没有给“${project}”评分`, `${expert} gave no score for "${project}"`)
        )
  );
}

function longPairwise(
  rows: string[][],
  lines: number[],
  model: ScoringModel,
  aggregation: Aggregation
): Committee {
  const dims = model.dimensions;
  const idOf = (name: string, row: number): string => {
    const d = dimensionOf(name, model);
    if (d < 0) {
      const list = dimensionList(dims);
      throw new CommitteeError(
        L(
          `第 ${row} 行：“${name}”不是模型的维度（${list.zh}）`,
          `row ${row}: "${name}" is not a dimension of the model (${list.en})`
        )
      );
    }
    return dims[d].id;
  };
  const long = pairwiseFromLong(
    rows.map((r, k) => ({
      expert: r[0],
      a: idOf(r[1], lines[k]),
      b: idOf(r[2], lines[k]),
      value: valueAt(r[3], lines[k], L("判断值", "judgement")),
    }))
  );
  const missing = dims.filter((d) => !long.criteria.includes(d.id));
  if (missing.length > 0)
    throw new CommitteeError(
      L(
        `没有对维度${missing.map((d) => `“${d.label.zh}”`).join("、")}的判断`,
        `no judgement on ${missing.map((d) => `"${d.label.en}"`).join(", ")}`
      )
    );
  // Each expert's matrix in the model's dimension order.
  const n = dims.length;
  const at = dims.map((d) => long.criteria.indexOf(d.id));
  const matrices = long.matrices.map((m) => {
    const data = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) data[i * n + j] = m.data[at[i] * n + at[j]];
    return matrix(n, n, data);
  });
  return combine(long.experts, matrices, model, aggregation);
}

// --- One sheet per expert ---------------------------------------------------------------------------

/** Headers of a scores table's two columns. */
const SCORE_HEADER = /^(评分|得分|分数|打分|分值|score|rating|points)/i;
const PROJECT_HEADER = /^(项目|名称|项目名称|对象|方案|project|name|alternative)/i;

/** A grid cell's A1 address in its sheet. */
function addressOf(sheet: SheetData, row: number, col: number): string {
  const o = sheet.origin ?? { row: 0, col: 0 };
  return cellAddress(row + o.row, col + o.col);
}

/** Where a sheet's cell is, for messages: 工作表「专家A」的 D4 / sheet "Expert A", cell D4. */
function at(sheet: SheetData, row: number, col: number): Label {
  const cell = addressOf(sheet, row, col);
  return L(`工作表「${sheet.name}」的 ${cell}`, `sheet "${sheet.name}", cell ${cell}`);
}

function refuseAt(sheet: SheetData, row: number, col: number, why: Label): never {
  const where = at(sheet, row, col);
  throw new CommitteeError(L(`${where.zh}：${why.zh}`, `${where.en}: ${why.en}`));
}

interface MatrixLayout {
  /** Grid row of each dimension (model order). */
  rows: number[];
  /** Grid column of each dimension (model order). */
  cols: number[];
}

interface ScoresLayout {
  header: number;
  project: number;
  score: number;
}

type PairwiseShape = { kind: "pairwise"; layout: MatrixLayout };
type ScoresShape = { kind: "scores"; layout: ScoresLayout };
type Shape = PairwiseShape | ScoresShape;

const KIND: Record<Shape["kind"], Label> = {
  pairwise: L("判断矩阵", "a pairwise matrix"),
  scores: L("评分表", "a scores table"),
};

/** The first row in which at least two cells name model dimensions: a matrix's header row. */
function matrixHeader(sheet: SheetData, model: ScoringModel): number {
  return sheet.grid.findIndex(
    (row) =>
      (row ?? []).filter((v) => !isBlank(v) && dimensionOf(cellText(v), model) >= 0).length >= 2
  );
}

/** The dimensions of a matrix: its header row across, its first column down; all of the model's. */
function matrixLayout(sheet: SheetData, model: ScoringModel, header: number): MatrixLayout {
  const dims = model.dimensions;
  const headerRow = sheet.grid[header];
  const first = headerRow.findIndex((v) => !isBlank(v) && dimensionOf(cellText(v), model) >= 0);
  const cols = new Array<number>(dims.length).fill(-1);
  for (let c = first; c < headerRow.length && !isBlank(headerRow[c]); c++)
    place(cols, c, header, c);
  const rows = new Array<number>(dims.length).fill(-1);
  const label = first - 1;
  if (label < 0)
    refuseAt(
      sheet,
      header,
      first,
      L(
        "矩阵左侧应有一列维度名（每行比较的是哪个维度）",
        "the matrix needs a column of dimension names on its left (which dimension each row compares)"
      )
    );
  for (let r = header + 1; r < sheet.grid.length && !isBlank(sheet.grid[r]?.[label]); r++)
    place(rows, r, r, label);
  const lacking = (found: number[], where: Label) => {
    const missing = dims.filter((_, i) => found[i] < 0);
    if (missing.length === 0) return;
    const list = dimensionList(missing);
    throw new CommitteeError(
      L(
        `工作表「${sheet.name}」${where.zh}缺少维度：${list.zh}`,
        `sheet "${sheet.name}": ${where.en} lacks ${list.en}`
      )
    );
  };
  const headerAt = header + 1 + (sheet.origin?.row ?? 0);
  lacking(cols, L(`第 ${headerAt} 行的表头`, `the header row (row ${headerAt})`));
  lacking(rows, L("矩阵的首列", "the matrix's first column"));
  return { rows, cols };

  /** Records dimension cell (r, c) at `index` in `found`; refuses unknown names and repeats. */
  function place(found: number[], index: number, r: number, c: number): void {
    const name = cellText(sheet.grid[r][c]);
    const d = dimensionOf(name, model);
    const list = dimensionList(dims);
    if (d < 0)
      refuseAt(
        sheet,
        r,
        c,
        L(
          `“${name}”不是模型的维度（${list.zh}）`,
          `"${name}" is not a dimension of the model (${list.en})`
        )
      );
    if (found[d] >= 0)
      refuseAt(sheet, r, c, L(`维度“${name}”出现了两次`, `dimension "${name}" appears twice`));
    found[d] = index;
  }
}

/** The header row holding a 评分 column, with the 项目 column (named so, else the first other one). */
function scoresLayout(sheet: SheetData): ScoresLayout | null {
  for (let r = 0; r < sheet.grid.length; r++) {
    const row = (sheet.grid[r] ?? []).map(cellText);
    const score = row.findIndex((v) => SCORE_HEADER.test(v));
    if (score < 0) continue;
    const named = row.findIndex((v, c) => c !== score && PROJECT_HEADER.test(v));
    const project = named >= 0 ? named : row.findIndex((v, c) => c !== score && v !== "");
    if (project >= 0) return { header: r, project, score };
  }
  return null;
}

function shapeOf(sheet: SheetData, model: ScoringModel): Shape {
  const header = matrixHeader(sheet, model);
  if (header >= 0) return { kind: "pairwise", layout: matrixLayout(sheet, model, header) };
  const scores = scoresLayout(sheet);
  if (scores) return { kind: "scores", layout: scores };
  throw new CommitteeError(
    L(
      `工作表「${sheet.name}」既不是判断矩阵（表头和首列为模型的维度），也不是评分表（含“项目”和“评分”列）`,
      `sheet "${sheet.name}" is neither a pairwise matrix (the model's dimensions across its header row and down its first column) nor a scores table (a "project" and a "score" column)`
    )
  );
}

/** A judgement cell: a number or a fraction such as 1/3; NaN when blank. */
function judgement(sheet: SheetData, r: number, c: number): number {
  const v: CellValue | undefined = sheet.grid[r]?.[c];
  if (isBlank(v)) return NaN;
  const x = typeof v === "number" ? v : numberOf(cellText(v));
  if (!Number.isFinite(x))
    refuseAt(
      sheet,
      r,
      c,
      L(
        `“${cellText(v)}”不是判断值（应为 1–9，或 1/3 这样的倒数）`,
        `"${cellText(v)}" is not a judgement (1–9, or a reciprocal such as 1/3)`
      )
    );
  if (!(x > 0))
    refuseAt(sheet, r, c, L(`判断值应大于 0，实为 ${x}`, `a judgement must be > 0, got ${x}`));
  return x;
}

/** One expert's matrix in model order, each cell checked where it stands in the sheet. */
function sheetMatrix(
  sheet: SheetData,
  model: ScoringModel,
  { rows, cols }: MatrixLayout
): DecisionMatrix {
  const dims = model.dimensions;
  const n = dims.length;
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) data[i * n + j] = judgement(sheet, rows[i], cols[j]);
  for (let i = 0; i < n; i++) {
    const d = data[i * n + i];
    if (!Number.isNaN(d) && d !== 1)
      refuseAt(
        sheet,
        rows[i],
        cols[i],
        L(`对角线应为 1，实为 ${d}`, `the diagonal must be 1, got ${d}`)
      );
    for (let j = i + 1; j < n; j++)
      if (Number.isNaN(data[i * n + j]) && Number.isNaN(data[j * n + i])) {
        const mirror = addressOf(sheet, rows[j], cols[i]);
        refuseAt(
          sheet,
          rows[i],
          cols[j],
          L(
            `与 ${mirror} 都为空：缺少“${dims[i].label.zh}”与“${dims[j].label.zh}”的比较`,
            `blank, and so is ${mirror}: "${dims[i].label.en}" is not compared with "${dims[j].label.en}"`
          )
        );
      }
  }
  // The engine checks that the pairs given on both sides agree (rounded reciprocals accepted).
  try {
    ahp(matrix(n, n, data));
  } catch (e) {
    if (!(e instanceof McdaError) || e.row === undefined || e.col === undefined) throw e;
    const [i, j] = [e.row - 1, e.col - 1];
    const mirror = addressOf(sheet, rows[j], cols[i]);
    refuseAt(
      sheet,
      rows[i],
      cols[j],
      L(
        `${data[i * n + j]} 与 ${mirror} 的 ${data[j * n + i]} 不互为倒数`,
        `${data[i * n + j]} is not the reciprocal of ${data[j * n + i]} in ${mirror}`
      )
    );
  }
  return matrix(n, n, data);
}

/** One expert's (project, score) rows below the header; blank rows end nothing, blank names are skipped. */
function sheetScores(sheet: SheetData, { header, project, score }: ScoresLayout): ScoreEntry[] {
  const entries: ScoreEntry[] = [];
  const seen = new Set<string>();
  for (let r = header + 1; r < sheet.grid.length; r++) {
    const name = cellText(sheet.grid[r]?.[project]);
    if (name === "") continue;
    const v = sheet.grid[r]?.[score];
    const x = typeof v === "number" ? v : isBlank(v) ? NaN : Number(cellText(v));
    if (!Number.isFinite(x))
      refuseAt(
        sheet,
        r,
        score,
        isBlank(v)
          ? L(`“${name}”没有评分`, `"${name}" has no score`)
          : L(`“${cellText(v)}”不是数字`, `"${cellText(v)}" is not a number`)
      );
    if (seen.has(name))
      refuseAt(sheet, r, project, L(`项目“${name}”出现了两次`, `project "${name}" appears twice`));
    seen.add(name);
    entries.push({ expert: sheet.name, alternative: name, score: x });
  }
  return entries;
}

/**
 * The committee from one sheet per expert (the sheet's name is the expert's). Every sheet must have
 * the first one's shape: all pairwise matrices over the model's dimensions, or all scores tables
 * over the same projects.
 */
export function committeeFromSheets(
  sheets: SheetData[],
  model: ScoringModel,
  aggregation: Aggregation = "aij"
): CommitteeRead {
  return attempt(() => {
    if (sheets.length === 0)
      throw new CommitteeError(
        L("请选择工作表：每位专家一张", "Choose the sheets: one per expert")
      );
    const shapes = sheets.map((s) => shapeOf(s, model));
    const other = shapes.findIndex((s) => s.kind !== shapes[0].kind);
    if (other >= 0) {
      const [a, b] = [KIND[shapes[other].kind], KIND[shapes[0].kind]];
      throw new CommitteeError(
        L(
          `工作表「${sheets[other].name}」是${a.zh}，而「${sheets[0].name}」是${b.zh}：各位专家的表应为同一种`,
          `sheet "${sheets[other].name}" is ${a.en} but "${sheets[0].name}" is ${b.en}: every expert's sheet must be of one kind`
        )
      );
    }
    // All of one kind (checked above): one list of layouts holds every sheet.
    const matrices = shapes.filter((s): s is PairwiseShape => s.kind === "pairwise");
    const tables = shapes.filter((s): s is ScoresShape => s.kind === "scores");
    if (matrices.length > 0)
      return combine(
        sheets.map((s) => s.name),
        sheets.map((s, k) => sheetMatrix(s, model, matrices[k].layout)),
        model,
        aggregation
      );
    return agree(
      sheets.reduce<ScoreEntry[]>((all, s, k) => all.concat(sheetScores(s, tables[k].layout)), []),
      (expert, project) =>
        L(
          `工作表「${expert}」没有项目“${project}”（其他专家的表中有）`,
          `sheet "${expert}" lacks project "${project}" (other experts' sheets have it)`
        )
    );
  });
}
