/**
 * The same decision under several methods, side by side: what the task pane's stability tab shows
 * (the model's ranking beside TOPSIS, VIKOR and PROMETHEE with the rank correlations) and what
 * ZS.RANKCORR computes one pair at a time.
 */
import { RankOrder } from "../rank";
import { topsis, vikor, waspas, weightedProduct, weightedSum } from "./aggregate";
import { kendallTau, ranksEq, spearman } from "./correlation";
import { CriterionType, DecisionMatrix, checkLength, fail } from "./matrix";
import {
  aras,
  cocoso,
  codas,
  copras,
  edas,
  mabac,
  marcos,
  METHOD_ORDER,
  moora,
  multimoora,
  promethee,
  spotis,
} from "./methods";

export type RankingMethod = keyof typeof METHOD_ORDER;
export const RANKING_METHODS = Object.keys(METHOD_ORDER) as RankingMethod[];

type Scores = (
  m: DecisionMatrix,
  w: ArrayLike<number>,
  t: readonly CriterionType[]
) => Float64Array;

/** Every ranking method with its default options, as one signature. */
const SCORERS: Record<RankingMethod, Scores> = {
  wsum: weightedSum,
  wpm: weightedProduct,
  waspas,
  topsis: (m, w, t) => topsis(m, w, t).closeness,
  vikor: (m, w, t) => vikor(m, w, t).Q,
  promethee: (m, w, t) => promethee(m, w, t).net,
  edas,
  moora,
  // Its final ranking is ordinal (dominance over three rankings): the rank serves as the score.
  multimoora: (m, w, t) => Float64Array.from(multimoora(m, w, t).rank),
  copras,
  mabac,
  aras,
  codas,
  marcos,
  spotis,
  cocoso,
};

export interface MethodRanking {
  method: RankingMethod;
  scores: Float64Array;
  /** RANK.EQ ranks, 1 = best, in the method's own direction. */
  ranks: Int32Array;
  /** Against the reference ranking; NaN when either ranking is all ties. */
  spearman: number;
  kendall: number;
}

/**
 * Each method's scores ranked in its own direction (VIKOR's Q: lower is better) and correlated with
 * the reference ranking. `compareMethods` scores by name; a caller that runs the methods itself (the
 * task pane, which ships only the three it shows) passes their scores here.
 */
export function correlateRankings(
  reference: ArrayLike<number>,
  scored: readonly { method: RankingMethod; scores: Float64Array }[],
  referenceOrder: RankOrder = "desc"
): MethodRanking[] {
  const referenceRanks = ranksEq(reference, referenceOrder);
  return scored.map(({ method, scores }) => {
    const ranks = ranksEq(scores, METHOD_ORDER[method]);
    return {
      method,
      scores,
      ranks,
      spearman: spearman(referenceRanks, ranks),
      kendall: kendallTau(referenceRanks, ranks),
    };
  });
}

/**
 * Ranks the matrix by each method and correlates every ranking with the reference scores (e.g. the
 * scoring model's totals, higher better, or a method's own scores with `referenceOrder`). Defaults to
 * TOPSIS, VIKOR and PROMETHEE II.
 */
export function compareMethods(
  m: DecisionMatrix,
  weights: ArrayLike<number>,
  types: readonly CriterionType[],
  reference: ArrayLike<number>,
  methods: readonly RankingMethod[] = ["topsis", "vikor", "promethee"],
  referenceOrder: RankOrder = "desc"
): MethodRanking[] {
  checkLength(reference.length, m.rows, "reference");
  const scored = methods.map((method) => {
    const score = SCORERS[method];
    if (score === undefined) {
      fail("method", {
        zh: `未知方法 ${JSON.stringify(method)}，可选：${RANKING_METHODS.join("、")}`,
        en: `unknown method ${JSON.stringify(method)}; one of ${RANKING_METHODS.join(", ")}`,
      });
    }
    return { method, scores: score(m, weights, types) };
  });
  return correlateRankings(reference, scored, referenceOrder);
}
