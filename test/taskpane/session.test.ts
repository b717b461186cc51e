/**
 * The pane's Scoring reads the ScoredTable directly (no CandidateScore per row): its plan, targets and
 * summaries must match what the row-object API gives for the same table and weights.
 */
import { portfolioSummary, reweight, scoreCandidates, candidateScore } from "../../src/engine";
import { planResults } from "../../src/workbook";
import { openTable, Scoring } from "../../src/taskpane/session";
import type { WorkbookRead } from "../../src/workbook/host";
import { model, readSheet } from "../models/sample-helpers";

async function sampleScoring(): Promise<Scoring> {
  const sheet = await readSheet();
  const read: WorkbookRead = {
    table: sheet,
    address: `${sheet.name}!A1`,
    source: "used",
    modelGrid: null,
    resultSheet: null,
  };
  return new Scoring(openTable(read, model), model);
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
