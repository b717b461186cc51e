/**
 * Review-committee (评审会) input in the shape the pane reads it: one long table of judgments or scores,
 * one row per expert and pair (or alternative), turned into the matrices `ahpGroup` and `kendallW`
 * take. Names keep their first-seen order; errors name the table row (1-based).
 */
import { DecisionMatrix, fail } from "./matrix";

export interface PairwiseEntry {
  expert: string;
  /** The criterion judged more (or less) important … */
  a: string;
  /** … than this one; value = how much a matters more than b (1–9, or a reciprocal). */
  b: string;
  value: number;
}

export interface ScoreEntry {
  expert: string;
  alternative: string;
  score: number;
}

/** Adds a name not seen before (names keep their first-seen order). */
function addName(names: string[], name: string): void {
  if (!names.includes(name)) names.push(name);
}

/**
 * Each expert's pairwise matrix from long rows (expert, a, b, value). A pair an expert did not judge
 * stays blank (its mirror, if given, supplies it; if neither is, `ahp` names the missing pair); the
 * same cell given twice is refused.
 */
export function pairwiseFromLong(entries: readonly PairwiseEntry[]): {
  experts: string[];
  criteria: string[];
  matrices: DecisionMatrix[];
} {
  const experts: string[] = [];
  const criteria: string[] = [];
  for (const e of entries) {
    addName(experts, e.expert);
    addName(criteria, e.a);
    addName(criteria, e.b);
  }
  const n = criteria.length;
  const matrices = experts.map(() => {
    const data = new Float64Array(n * n).fill(NaN);
    for (let i = 0; i < n; i++) data[i * n + i] = 1;
    return { rows: n, cols: n, data };
  });
  entries.forEach((e, row) => {
    const i = criteria.indexOf(e.a);
    const j = criteria.indexOf(e.b);
    if (i === j) {
      fail("judgments", { zh: `${e.a} 与自身比较`, en: `${e.a} is compared with itself` }, row + 1);
    }
    if (!(e.value > 0 && Number.isFinite(e.value))) {
      fail(
        "judgments",
        { zh: `判断值应大于 0，实为 ${e.value}`, en: `a judgment must be > 0, got ${e.value}` },
        row + 1
      );
    }
    const m = matrices[experts.indexOf(e.expert)];
    if (!Number.isNaN(m.data[i * n + j])) {
      fail(
        "judgments",
        {
          zh: `${e.expert} 对 ${e.a}—${e.b} 的判断重复`,
          en: `${e.expert} judged ${e.a} against ${e.b} twice`,
        },
        row + 1
      );
    }
    m.data[i * n + j] = e.value;
  });
  return { experts, criteria, matrices };
}

/** Alternatives × experts scores from long rows (expert, alternative, score), for `kendallW`. */
export function scoresFromLong(entries: readonly ScoreEntry[]): {
  experts: string[];
  alternatives: string[];
  scores: DecisionMatrix;
} {
  const experts: string[] = [];
  const alternatives: string[] = [];
  for (const e of entries) {
    addName(experts, e.expert);
    addName(alternatives, e.alternative);
  }
  const cols = experts.length;
  const data = new Float64Array(alternatives.length * cols).fill(NaN);
  entries.forEach((e, row) => {
    if (!Number.isFinite(e.score)) {
      fail(
        "scores",
        { zh: `应为数字，实为 ${e.score}`, en: `expected a number, got ${e.score}` },
        row + 1
      );
    }
    const k = alternatives.indexOf(e.alternative) * cols + experts.indexOf(e.expert);
    if (!Number.isNaN(data[k])) {
      fail(
        "scores",
        {
          zh: `${e.expert} 对 ${e.alternative} 评分重复`,
          en: `${e.expert} scored ${e.alternative} twice`,
        },
        row + 1
      );
    }
    data[k] = e.score;
  });
  return { experts, alternatives, scores: { rows: alternatives.length, cols, data } };
}
