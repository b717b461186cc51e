/**
 * The public API of the engine (pure: no Office, DOM or Node imports). Hosts — the task pane, the
 * worksheet functions, the CLI — import from here only.
 */
export * from "./types";

// Amounts and exchange rates.
export { parseAmount, parseHeaderContext } from "./amount";
export { fxRate, convertAmount, formatAmount, parseCurrency, CURRENCY_CODES } from "./fx";

// The scoring model.
export * from "./model";

// Expressions, transforms, chain fit.
export {
  compileExpression,
  evaluateRow,
  ExpressionError,
  EXPRESSION_FUNCTIONS,
  EXPRESSION_LIMITS,
} from "./expression";
export type { CompiledExpression, ExpressionEnv, ValueKind } from "./expression";
export { linear, logarithmic, piecewise, threshold, keywords } from "./transforms";
export { chainFit, classifyChain } from "./chain";
export type { ChainFit, ChainFitInput, ChainClassification } from "./chain";

// Scoring, grades, explanations.
export {
  scoreTable,
  prepareScoring,
  reweight,
  totalsAt,
  tableFromRows,
  GATE_PASSED,
  GATE_FAILED,
  GATE_NOT_APPLICABLE,
  GATE_UNKNOWN,
} from "./score";
export type { ScoredTable, Column, Scoring } from "./score";
export { assignGrades, assignDecisions } from "./grades";
export { explain, summary, candidateScore, scoreCandidates } from "./explain";
export { breakTies, competitionRanks } from "./rank";

// The bureau's view of a list: counts, targets, the "if the top k sign" projection.
export { portfolioSummary } from "./portfolio";
export {
  readYesNo,
  readOrigin,
  readLandUse,
  resolveStage,
  stageNote,
  ANSWER_READERS,
  INTENDED,
} from "./answers";
export type { AnswerReader, Origin, LandUseReading, YesNo } from "./answers";
export type {
  GroupRow,
  IfTopSign,
  PortfolioOptions,
  PortfolioScore,
  PortfolioSummary,
  TargetProgress,
} from "./portfolio";

// Decision analysis (TOPSIS, VIKOR, AHP, objective weights, stability) and ranking.
export * from "./mcda";
