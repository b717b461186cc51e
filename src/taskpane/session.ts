/**
 * The pane's working state over one read of the workbook: locate → map → score → (re)weight → plan.
 * DOM-free, so the steps are testable in Node; the mapping and result layout come from workbook/.
 */
import {
  breakTies,
  candidateScore,
  compileModel,
  competitionRanks,
  portfolioSummary,
  resolveStage,
  reweight,
  scoreTable,
  summary,
  totalsAt,
} from "../engine";
import type {
  AhpResult,
  CandidateScore,
  CandidateTable,
  Label,
  Lang,
  PortfolioSummary,
  ScoredTable,
  ScoringModel,
} from "../engine";
import { planResults, prepareTable, Refusal, standing, toCandidateTable } from "../workbook";
import type { ColumnMapping, MappingOverride, ResultPlan, TableLocation } from "../workbook/types";
import type { WorkbookRead } from "../workbook/host";

/** One row of the ranked list: what the list, filters and detail view show. */
export interface Row {
  index: number;
  name: string;
  score: number;
  rank: number | null;
  grade: string | null;
  decision: string;
  /** Failed an "exclude" gate: not ranked or graded. */
  excluded: boolean;
  chain: string | null;
  /** The model stage the cell names (engine's resolveStage), null when blank or unknown. */
  stage: string | null;
  /** The stage cell as written. */
  stageText: string | null;
  foreign: boolean;
  flags: string[];
  gateFailed: boolean;
  /** Sheet row (0-based), for "go to". */
  sheetRow: number;
  /** Total investment and annual tax in model units (e.g. 万元), NaN when not given or unreadable. */
  investment: number;
  tax: number;
  /** Criteria with no usable cell (scored by their missing-value policy): 待补充. */
  missing: number;
  /** Share of the model's criterion weight backed by the row's own data, 0–1. */
  completeness: number;
}

/** Top-k stability under random weight draws (Scoring.stability). */
export interface Stability {
  runs: number;
  topK: number;
  /** Share of draws in which each candidate ranked within the top k (0 when excluded). */
  pTopK: Float64Array;
  /** Ranks at the set weights, 0 for excluded candidates: the list's ranks. */
  baseline: Int32Array;
}

export interface Table {
  read: WorkbookRead;
  location: TableLocation;
  mapping: ColumnMapping;
  /** Why scoring is refused as mapped (the workbook layer's rules, as the CLI applies them), or null. */
  problem: Label | null;
}

const FOREIGN_FLAG = "foreign";

export function headerSignature(location: TableLocation): string {
  return location.headers.map((h) => (h === null ? "" : String(h))).join("|");
}

/**
 * Locates and maps the first table as every host does (workbook/pipeline); throws with a bilingual
 * message when no candidate table is found. A mapping that cannot be trusted is kept with its
 * problem, so the mapping step can still fix it.
 */
export function openTable(
  read: WorkbookRead,
  model: ScoringModel,
  override: MappingOverride = {}
): Table {
  try {
    const p = prepareTable(read.table, model, { override });
    return { read, location: p.table, mapping: p.mapping, problem: p.problem?.label ?? null };
  } catch (e) {
    if (e instanceof Refusal) throw new LabelledError(e.label.zh, e.label.en);
    throw e;
  }
}

export class LabelledError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string
  ) {
    super(`${zh} / ${en}`);
  }
}

/** Field ids of the key amounts the list shows. */
const INVESTMENT = "totalInvestment";
const TAX = "tax";

export class Scoring {
  readonly model: ScoringModel;
  readonly base: ScoredTable;
  readonly candidates: CandidateTable;
  scored: ScoredTable;
  /** Ranks under the weights last written to the workbook: the list marks moves from them ▲▼. */
  writtenRanks: Int32Array;
  /** One Row per candidate, kept across weight changes: only score, rank, grade and decision move. */
  private readonly list: Row[];

  constructor(
    /** The table scored; replaced by a fresh read of the same rows after each write. */
    public table: Table,
    model: ScoringModel
  ) {
    this.model = model;
    this.candidates = toCandidateTable(table.read.table, table.location, table.mapping);
    this.base = scoreTable(this.candidates, compileModel(model));
    this.scored = this.base;
    this.writtenRanks = this.base.rank;
    this.list = this.buildRows();
  }

  /** The current ranks become the reference of the ▲▼ marks (after they are written). */
  markWritten(): void {
    this.writtenRanks = this.scored.rank;
  }

  /** Places moved up (> 0) or down (< 0) since the last write; 0 when unranked then or now. */
  rankChange(index: number): number {
    const was = this.writtenRanks[index];
    const now = this.scored.rank[index];
    return was > 0 && now > 0 ? was - now : 0;
  }

  get count(): number {
    return this.scored.count;
  }

  /** The model's dimension weights, by id. */
  modelWeights(): Record<string, number> {
    return Object.fromEntries(this.model.dimensions.map((d) => [d.id, d.weight]));
  }

  weights(): Record<string, number> {
    return Object.fromEntries(
      this.model.dimensions.map((d, k) => [d.id, this.scored.dimensionWeights[k]])
    );
  }

  /** Live re-ranking: totals, ranks and grades under new dimension weights; nothing is written. */
  setWeights(weights: Record<string, number>): void {
    this.scored = reweight(this.base, weights);
    for (const r of this.list) this.fillScore(r);
  }

  /** The rows in table order (shared: callers copy before sorting). */
  rows(): readonly Row[] {
    return this.list;
  }

  private buildRows(): Row[] {
    const s = this.scored;
    const origin = this.table.read.table.origin ?? { row: 0, col: 0 };
    const flagIds = this.model.flags.map((f) => f.id);
    const col = (id: string) => this.candidates.columns[id] ?? [];
    const names = col("name");
    const stages = col("stage");
    const amount = (id: string) => {
      const c = s.columns[id];
      return c instanceof Float64Array ? c : null;
    };
    const investment = amount(INVESTMENT);
    const tax = amount(TAX);
    const nominal = nominalWeights(this.model);
    const out: Row[] = new Array(s.count);
    for (let i = 0; i < s.count; i++) {
      const flags = flagIds.filter((_, f) => s.flagHits[f][i] === 1);
      const name = names[i];
      const stage = stages[i];
      out[i] = {
        index: i,
        name: name === null || name === undefined || name === "" ? `#${i + 1}` : String(name),
        score: 0,
        rank: null,
        grade: null,
        decision: "",
        excluded: s.excluded[i] === 1,
        chain: s.chains[i],
        stage: resolveStage(stage, this.model),
        stageText: stage === null || stage === undefined || stage === "" ? null : String(stage),
        foreign: flags.includes(FOREIGN_FLAG),
        flags,
        gateFailed: s.gateStatus.some((g) => g[i] === 1),
        sheetRow: origin.row + this.table.location.dataRows[i],
        investment: investment ? investment[i] : NaN,
        tax: tax ? tax[i] : NaN,
        missing: 0,
        completeness: 0,
      };
      for (let k = 0; k < s.criterionValues.length; k++) {
        const v = s.criterionValues[k][i];
        if (v === v) out[i].completeness += nominal[k];
        else out[i].missing++;
      }
      this.fillScore(out[i]);
    }
    return out;
  }

  private fillScore(r: Row): void {
    Object.assign(r, standing(this.scored, r.index));
  }

  /** Counts, targets and the "if the top k sign" projection under the current weights (engine's portfolio). */
  portfolio(topK: number, model: ScoringModel = this.model): PortfolioSummary {
    return portfolioSummary(this.candidates, this.list, model, { topK });
  }

  /** One candidate with its explanation (built on demand, when its detail opens). */
  detail(index: number): CandidateScore {
    return candidateScore(this.scored, index);
  }

  /** One candidate's one-line summary under the current weights, without its explanation. */
  summary(index: number, lang: Lang): string {
    return summary(this.scored, index, lang);
  }

  /**
   * How often each candidate stays in the top k when the dimension weights vary randomly by ±spread.
   * Every draw is scored by the engine itself (its totals with gates, bonuses and caps, ranked by its
   * competition ranking), so the draw at the set weights is exactly the ranking the list shows. Only
   * totals and ranks are computed per draw, so 400 draws over 10 000 candidates stay well under a second.
   */
  async stability(topK: number, runs = 400, spread = 0.2): Promise<Stability> {
    // The weight draws are their own chunk, fetched the first time the stability tab asks.
    const { weightDraws } = await import(
      /* webpackChunkName: "stability" */ "../engine/mcda/stability"
    );
    const s = this.scored;
    const k = Math.max(1, Math.min(topK, s.count));
    const totals = new Float64Array(s.count);
    const merit = new Float64Array(s.count);
    const ranksAt = (w: Float64Array) => {
      totalsAt(s, w, totals, merit);
      // Excluded candidates are not ranked, as in the list; ties at a floor or cap go by merit.
      for (let i = 0; i < s.count; i++) if (s.excluded[i]) totals[i] = NaN;
      return breakTies(competitionRanks(totals), merit);
    };
    const baseline = ranksAt(s.dimensionWeights);
    const pTopK = new Float64Array(s.count);
    const draw = weightDraws(s.dimensionWeights, { spread, seed: 7 });
    const w = new Float64Array(s.dimensionWeights.length);
    for (let run = 0; run < runs; run++) {
      draw(w);
      const ranks = ranksAt(w);
      for (let i = 0; i < s.count; i++) if (ranks[i] > 0 && ranks[i] <= k) pTopK[i]++;
    }
    for (let i = 0; i < s.count; i++) pTopK[i] /= runs;
    return { runs, topK: k, pTopK, baseline };
  }

  plan(target: "columns" | "sheet", lang: Lang): ResultPlan {
    return planResults(this.table.read.table, this.table.location, this.scored, this.model, {
      target,
      lang,
      existingSheet: this.table.read.resultSheet,
      mapping: this.table.mapping,
    });
  }
}

/** Each criterion's share of the total at the model's weights (dimension weight × its share in the dimension). */
export function nominalWeights(model: ScoringModel): number[] {
  const sums = new Map<string, number>();
  for (const c of model.criteria) sums.set(c.dimension, (sums.get(c.dimension) ?? 0) + c.weight);
  const dimWeight = new Map(model.dimensions.map((d) => [d.id, d.weight]));
  return model.criteria.map(
    (c) => ((dimWeight.get(c.dimension) ?? 0) * c.weight) / (sums.get(c.dimension) || 1)
  );
}

/**
 * AHP weights from a pairwise matrix (upper triangle given, the rest reciprocal). The AHP code is its
 * own chunk, fetched the first time the weights tab's AHP helper asks.
 */
export async function ahpWeights(judgments: number[][]): Promise<AhpResult> {
  // The matrix code goes with it: nothing else the pane runs at start needs it.
  const [{ ahp }, { matrix }] = await Promise.all([
    import(/* webpackChunkName: "ahp" */ "../engine/mcda/ahp"),
    import(/* webpackChunkName: "ahp" */ "../engine/mcda/matrix"),
  ]);
  const n = judgments.length;
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++)
      data[i * n + j] = i === j ? 1 : i < j ? judgments[i][j] : 1 / judgments[j][i];
  }
  return ahp(matrix(n, n, data));
}
