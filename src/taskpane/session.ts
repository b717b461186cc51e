/**
 * The pane's working state over one read of the workbook: locate → map → score → (re)weight → plan.
 * DOM-free, so the steps are testable in Node; the mapping and result layout come from workbook/.
 */
import {
  ahp,
  candidateScore,
  compileModel,
  matrix,
  perturbWeights,
  portfolioSummary,
  resolveStage,
  reweight,
  scoreTable,
  summary,
} from "../engine";
import type {
  AhpResult,
  CandidateScore,
  CandidateTable,
  Lang,
  PortfolioSummary,
  ScoredTable,
  ScoringModel,
} from "../engine";
import { locateTable, mapColumns, planResults, standing, toCandidateTable } from "../workbook";
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
}

export interface Table {
  read: WorkbookRead;
  location: TableLocation;
  mapping: ColumnMapping;
}

const FOREIGN_FLAG = "foreign";

export function headerSignature(location: TableLocation): string {
  return location.headers.map((h) => (h === null ? "" : String(h))).join("|");
}

/** Locates and maps the table; throws with a bilingual message when no candidate table is found. */
export function openTable(
  read: WorkbookRead,
  model: ScoringModel,
  override: MappingOverride = {}
): Table {
  const located = locateTable(read.table, model);
  if (!located.ok) throw new LabelledError(located.message.zh, located.message.en);
  const mapping = mapColumns(located.table.headers, model, override, located.table.hiddenColumns);
  return { read, location: located.table, mapping };
}

export class LabelledError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string
  ) {
    super(`${zh} / ${en}`);
  }
}

export class Scoring {
  readonly model: ScoringModel;
  readonly base: ScoredTable;
  readonly candidates: CandidateTable;
  scored: ScoredTable;
  /** One Row per candidate, kept across weight changes: only score, rank, grade and decision move. */
  private readonly list: Row[];

  constructor(
    readonly table: Table,
    model: ScoringModel
  ) {
    this.model = model;
    this.candidates = toCandidateTable(table.read.table, table.location, table.mapping);
    this.base = scoreTable(this.candidates, compileModel(model));
    this.scored = this.base;
    this.list = this.buildRows();
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
      };
      this.fillScore(out[i]);
    }
    return out;
  }

  private fillScore(r: Row): void {
    Object.assign(r, standing(this.scored, r.index));
  }

  /** Counts, targets and the "if the top k sign" projection under the current weights (engine's portfolio). */
  portfolio(topK: number): PortfolioSummary {
    return portfolioSummary(this.candidates, this.list, this.model, { topK });
  }

  /** One candidate with its explanation (built on demand, when its detail opens). */
  detail(index: number): CandidateScore {
    return candidateScore(this.scored, index);
  }

  /** One candidate's one-line summary under the current weights, without its explanation. */
  summary(index: number, lang: Lang): string {
    return summary(this.scored, index, lang);
  }

  /** P(stay in the top k) of each candidate under ±spread random changes of the dimension weights. */
  stability(topK: number, runs = 400, spread = 0.2): number[] {
    const s = this.scored;
    const dims = s.dimensionScores.length;
    const data = new Float64Array(s.count * dims);
    for (let i = 0; i < s.count; i++) {
      for (let d = 0; d < dims; d++) {
        const v = s.dimensionScores[d][i];
        data[i * dims + d] = s.excluded[i] ? -1e9 : v === v ? v : 0;
      }
    }
    if (s.count < 2) return Array.from({ length: s.count }, () => 1);
    return perturbWeights(matrix(s.count, dims, data), s.dimensionWeights, {
      runs,
      spread,
      seed: 7,
      topK: Math.min(topK, s.count),
    }).pTopK;
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

/** AHP weights from a pairwise matrix (upper triangle given, the rest reciprocal). */
export function ahpWeights(judgments: number[][]): AhpResult {
  const n = judgments.length;
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++)
      data[i * n + j] = i === j ? 1 : i < j ? judgments[i][j] : 1 / judgments[j][i];
  }
  return ahp(matrix(n, n, data));
}
