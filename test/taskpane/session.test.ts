/**
 * The pane's Scoring reads the ScoredTable directly (no CandidateScore per row): its plan, targets and
 * summaries must match what the row-object API gives for the same table and weights.
 */
import { portfolioSummary, reweight, scoreCandidates, candidateScore } from "../../src/engine";
import { planResults } from "../../src/workbook";
import { openTable, Scoring } from "../../src/taskpane/session";
import { compare } from "../../src/taskpane/compare";
import type { WorkbookRead } from "../../src/workbook/host";
import fc from "fast-check";
import type { ScoringModel } from "../../src/engine";
import { model, readSheet } from "../models/sample-helpers";

async function sampleRead(): Promise<WorkbookRead> {
  const sheet = await readSheet();
  return {
    table: sheet,
    address: `${sheet.name}!A1`,
    source: "used",
    sheets: [],
    resultSheet: null,
  };
}

async function sampleScoring(): Promise<Scoring> {
  return new Scoring(openTable(await sampleRead(), model), model);
}

test("targets, plan and summaries equal those built from CandidateScore objects, before and after a weight change", async () => {
  const s = await sampleScoring();
  const { read, location, mapping } = s.table;
  const reweighted = { ...s.modelWeights(), [model.dimensions[0].id]: 0.05 };
  for (const weights of [s.modelWeights(), reweighted]) {
    s.setWeights(weights);
    const scored = reweight(s.base, weights);
    const scores = Array.from({ length: scored.count }, (_, i) => candidateScore(scored, i));
    expect(s.portfolio(5)).toEqual(portfolioSummary(s.candidates, scores, model, { topK: 5 }));
    expect(s.plan("sheet", "en")).toEqual(
      planResults(read.table, location, scores, model, { target: "sheet", lang: "en", mapping })
    );
    expect(scores.map((c) => s.summary(c.index, "zh"))).toEqual(
      scores.map((c) => c.explanation.summary.zh)
    );
  }
  // The weight change moved the order, so the comparison above covered two different rankings.
  expect(s.portfolio(5).ifTopSign.candidates).not.toEqual(
    portfolioSummary(s.candidates, scoreCandidates(s.candidates, model), model, { topK: 5 })
      .ifTopSign.candidates
  );
});

/** Ranks the list shows (0: unranked) against P(top k) and the baseline of a run with no perturbation. */
async function expectStabilityMatchesRanking(s: Scoring, k: number): Promise<void> {
  const result = await s.stability(k, 3, 0);
  const rank = s.scored.rank;
  for (let i = 0; i < s.count; i++) {
    expect([i, result.pTopK[i]]).toEqual([i, rank[i] > 0 && rank[i] <= k ? 1 : 0]);
    expect([i, result.baseline[i]]).toEqual([i, rank[i]]);
  }
}

test("stability's unperturbed run is the ranking itself on the sample (bonuses, caps and exclusions included)", async () => {
  const s = await sampleScoring();
  for (const k of [1, 5, 10]) await expectStabilityMatchesRanking(s, k);
  // The weighted dimension scores alone (the old stability input) rank the sample differently, so the
  // check above would catch scoring without the 招大引强 bonus.
  const plain = Array.from({ length: s.count }, (_, i) =>
    s.scored.dimensionScores.reduce(
      (sum, d, k) => sum + s.scored.dimensionWeights[k] * (d[i] || 0),
      0
    )
  );
  const plainTop = [...plain.keys()].sort((a, b) => plain[b] - plain[a]).slice(0, 5);
  const engineTop = [...plain.keys()]
    .filter((i) => s.scored.rank[i] > 0)
    .sort((a, b) => s.scored.rank[a] - s.scored.rank[b])
    .slice(0, 5);
  expect(plainTop).not.toEqual(engineTop);
});

test("stability's unperturbed run equals the ranking for random models and weights", async () => {
  const read = await sampleRead();
  const dims = model.dimensions.length;
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: dims, maxLength: dims }),
      fc.integer({ min: 0, max: 40 }),
      fc.double({ min: 10, max: 100, noNaN: true }),
      fc.integer({ min: 1, max: 12 }),
      async (raw, points, cap, k) => {
        const sum = raw.reduce((a, b) => a + b, 0);
        const variant: ScoringModel = {
          ...model,
          dimensions: model.dimensions.map((d, j) => ({ ...d, weight: raw[j] / sum })),
          bonuses: model.bonuses.map((b) => ({ ...b, points })),
          gates: model.gates.map((g) => (g.effect === "cap" ? { ...g, cap } : g)),
        };
        await expectStabilityMatchesRanking(new Scoring(openTable(read, variant), variant), k);
      }
    ),
    { numRuns: 10 }
  );
});

test("compare: the model's ranking beside TOPSIS, VIKOR and PROMETHEE on the same dimension scores", async () => {
  const s = await sampleScoring();
  const all = compare(s);
  const ranked = s.rows().filter((r) => r.rank !== null);
  expect(all.rows.map((r) => r.rank)).toEqual(ranked.map((r) => r.rank!).sort((a, b) => a - b));
  expect(all.truncated).toBe(false);
  expect(all.methods.map((m) => m.method)).toEqual(["topsis", "vikor", "promethee"]);
  for (const m of all.methods) {
    expect(m.ranks).toHaveLength(all.rows.length);
    // Same scores and weights: the methods agree with the model far more than chance would.
    expect(m.spearman).toBeGreaterThan(0.5);
    expect(m.kendall).toBeGreaterThan(0.3);
  }
  // Only the best ranked candidates take part when the list is longer than the limit.
  const top = compare(s, 5);
  expect(top.rows.map((r) => r.index)).toEqual(all.rows.slice(0, 5).map((r) => r.index));
  expect(top.truncated).toBe(true);
});
