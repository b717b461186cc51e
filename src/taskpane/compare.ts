/**
 * The stability tab's method comparison, loaded as its own chunk when the tab first shows it (with
 * TOPSIS, VIKOR and PROMETHEE it is about 5 KB gzip that most sessions never need).
 */
import { correlateRankings, matrix, promethee, topsis, vikor } from "../engine";
import type { MethodRanking } from "../engine";
import type { Row, Scoring } from "./session";

/** The model's ranking beside other decision methods on the same dimension scores (compare). */
export interface Comparison {
  /** The candidates compared, in the model's rank order (the best `limit` ranked ones). */
  rows: Row[];
  /** Each method's ranks among `rows` (same order) and its correlation with the model's ranking. */
  methods: MethodRanking[];
  /** Whether the list had more ranked candidates than were compared. */
  truncated: boolean;
}

/**
 * TOPSIS, VIKOR and PROMETHEE II on the same dimension scores and weights as the model (a dimension
 * with nothing known counts 0), correlated with the model's totals by Spearman's ρ and Kendall's τ.
 * PROMETHEE compares every pair, so only the best `limit` ranked candidates take part.
 */
export function compare(scoring: Scoring, limit = 100): Comparison {
  const s = scoring.scored;
  const ranked = [...scoring.rows()]
    .filter((r) => r.rank !== null)
    .sort((a, b) => a.rank! - b.rank! || a.index - b.index);
  const rows = ranked.slice(0, limit);
  const dims = s.dimensionScores.length;
  const data = new Float64Array(rows.length * dims);
  rows.forEach((r, i) => {
    for (let k = 0; k < dims; k++) {
      const v = s.dimensionScores[k][r.index];
      data[i * dims + k] = v === v ? v : 0;
    }
  });
  // The three methods are called directly (not compareMethods by name), so the chunk holds only them.
  const m = matrix(rows.length, dims, data);
  const w = s.dimensionWeights;
  const types = new Array<1>(dims).fill(1);
  const methods =
    rows.length < 2
      ? []
      : correlateRankings(
          rows.map((r) => s.total[r.index]),
          [
            { method: "topsis", scores: topsis(m, w, types).closeness },
            { method: "vikor", scores: vikor(m, w, types).Q },
            { method: "promethee", scores: promethee(m, w, types).net },
          ]
        );
  return { rows, methods, truncated: ranked.length > rows.length };
}
