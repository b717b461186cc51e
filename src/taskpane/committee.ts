/**
 * A review committee's (评审会) judgements, pasted from Excel as one long table (one row per line,
 * cells separated by tabs as Excel copies them, or commas):
 * - four columns, 专家 · 维度 A · 维度 B · 判断值 (how many times A matters more than B, 1–9 or a
 *   reciprocal such as 1/3): combined into dimension weights by group AHP over the geometric mean of
 *   the judgements (AIJ), with each expert's consistency ratio and their agreement (Kendall's W over
 *   the experts' own weights);
 * - three columns, 专家 · 项目 · 评分: the experts' agreement on the projects (Kendall's W).
 * A header row is skipped. Pure: the pane shows what this returns; the engine does the arithmetic
 * (pairwiseFromLong, ahpGroup, scoresFromLong, kendallW).
 */
import { ahpGroup, kendallW, matrix, McdaError, pairwiseFromLong, scoresFromLong } from "../engine";
import type { Label, ScoringModel } from "../engine";

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
      experts: ExpertJudgement[];
      /** The combined weights by dimension id. */
      weights: Record<string, number>;
      /** CR of the combined matrix. */
      cr: number;
      /** Kendall's W of the experts' weights; NaN with one expert. */
      agreement: number;
    }
  | { kind: "scores"; experts: string[]; projects: number; agreement: number };

export type CommitteeRead = { ok: true; committee: Committee } | { ok: false; message: Label };

const L = (zh: string, en: string): Label => ({ zh, en });
const refuse = (message: Label): CommitteeRead => ({ ok: false, message });

/** "3", "0.5", "1/3" → a number; NaN otherwise. */
function numberOf(cell: string): number {
  const fraction = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(cell);
  if (fraction) return Number(fraction[1]) / Number(fraction[2]);
  return cell === "" ? NaN : Number(cell);
}

export function readCommittee(text: string, model: ScoringModel): CommitteeRead {
  const rows = text
    .split(/\r?\n/)
    .map((line) => line.split(/\t|,|，/).map((c) => c.trim()))
    .filter((cells) => cells.some((c) => c !== ""));
  // A header names its columns: its last cell is not a number.
  if (rows.length > 0 && Number.isNaN(numberOf(rows[0][rows[0].length - 1]))) rows.shift();
  if (rows.length === 0)
    return refuse(
      L(
        "没有数据：请粘贴“专家、维度 A、维度 B、判断值”或“专家、项目、评分”的长表",
        'No data: paste a long table of "expert, dimension A, dimension B, judgement" or "expert, project, score"'
      )
    );
  const width = rows[0].length;
  const bad = rows.findIndex((r) => r.length !== width || (width !== 3 && width !== 4));
  if (bad >= 0)
    return refuse(
      L(
        `第 ${bad + 1} 行有 ${rows[bad].length} 列：每行应为 4 列（专家、维度 A、维度 B、判断值）或 3 列（专家、项目、评分），各行相同`,
        `row ${bad + 1} has ${rows[bad].length} columns: every row needs 4 (expert, dimension A, dimension B, judgement) or 3 (expert, project, score), the same in each row`
      )
    );
  try {
    return { ok: true, committee: width === 4 ? pairwise(rows, model) : scores(rows) };
  } catch (e) {
    if (e instanceof McdaError) return refuse(e.label);
    if (e instanceof CommitteeError) return refuse(e.label);
    throw e;
  }
}

class CommitteeError extends Error {
  constructor(readonly label: Label) {
    super(label.en);
  }
}

function pairwise(rows: string[][], model: ScoringModel): Committee {
  const dims = model.dimensions;
  const idOf = (name: string, row: number): string => {
    const key = name.toLowerCase();
    const d = dims.find(
      (x) => x.id.toLowerCase() === key || x.label.zh === name || x.label.en.toLowerCase() === key
    );
    if (!d) {
      const names = dims.map((x) => x.label.zh).join("、");
      throw new CommitteeError(
        L(
          `第 ${row + 1} 行：“${name}”不是模型的维度（${names}）`,
          `row ${row + 1}: "${name}" is not a dimension of the model (${dims.map((x) => x.label.en).join(", ")})`
        )
      );
    }
    return d.id;
  };
  const entries = rows.map((r, k) => ({
    expert: r[0],
    a: idOf(r[1], k),
    b: idOf(r[2], k),
    value: numberOf(r[3]),
  }));
  const long = pairwiseFromLong(entries);
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
  const result = ahpGroup(matrices);
  const experts = long.experts.map((name, e) => ({
    name,
    cr: result.experts[e].cr,
    weights: Array.from(result.experts[e].weights),
  }));
  // Agreement: the dimensions as objects, each expert's weights as their ranking of them.
  const agreement =
    experts.length < 2
      ? NaN
      : kendallW(
          matrix(
            n,
            experts.length,
            Float64Array.from(
              { length: n * experts.length },
              (_, c) => experts[c % experts.length].weights[Math.floor(c / experts.length)]
            )
          )
        );
  const weights: Record<string, number> = {};
  dims.forEach((d, i) => (weights[d.id] = result.weights[i]));
  return { kind: "pairwise", experts, weights, cr: result.group?.cr ?? NaN, agreement };
}

function scores(rows: string[][]): Committee {
  const long = scoresFromLong(
    rows.map((r) => ({ expert: r[0], alternative: r[1], score: numberOf(r[2]) }))
  );
  const { scores: m, experts, alternatives } = long;
  for (let a = 0; a < m.rows; a++)
    for (let e = 0; e < m.cols; e++)
      if (Number.isNaN(m.data[a * m.cols + e]))
        throw new CommitteeError(
          L(
            `${experts[e]} 没有给“${alternatives[a]}”评分`,
            `${experts[e]} gave no score for "${alternatives[a]}"`
          )
        );
  if (experts.length < 2)
    throw new CommitteeError(L("一致性需要至少 2 位专家", "agreement needs at least 2 experts"));
  return { kind: "scores", experts, projects: alternatives.length, agreement: kendallW(m) };
}
