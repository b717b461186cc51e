/**
 * The engine's shared vocabulary: the shapes that amounts, models, candidate tables and scores take.
 * Pure types only; every host (Office.js, CLI, preview) and every engine module speaks these.
 */

import type { AnswerReader } from "./answers";

/** User-facing text in both product languages (简体中文 first). */
export interface Label {
  zh: string;
  en: string;
}

export type Lang = "zh" | "en";

/**
 * The one shape of an error about data, so every host prints it without guessing: a code, the
 * message in both languages, and where — a cell address (A1, 评分模型!C7) and/or a model JSON path.
 */
export interface EngineError {
  code: string;
  message: Label;
  /** A1 address of the cell, when the error is about a cell. */
  address?: string;
  /** JSON path in the model ("criteria[3].transform.min"), when it is about the model. */
  path?: string;
}

/** ISO 4217 codes the product understands (the list is in vocabulary.ts). */
export type { CurrencyCode } from "./vocabulary";
import type { CurrencyCode } from "./vocabulary";
import type { LandUnit } from "./land";

/** A value as it sits in a worksheet cell. `null` is an empty cell. */
export type CellValue = string | number | boolean | null;

// ---------------------------------------------------------------------------------------------
// Amounts
// ---------------------------------------------------------------------------------------------

/** How the text bounded the amount it wrote. */
export type AmountBound = "exact" | "approximate" | "atLeast" | "atMost" | "range";

/** Which number of a range or one-sided bound to use. */
export type BoundChoice = "mid" | "low" | "high";

/** Unit and currency that apply to bare numbers (from a column header such as 总投资（万美元）). */
export interface AmountContext {
  /** Multiplier of a bare number: 1 for 元, 1e4 for 万, 1e8 for 亿, 1e6 for "m". */
  multiplier: number;
  currency: CurrencyCode;
  /** Where the unit was stated ("表头 C3", "单位行 A2"), shown in explanations. */
  source: Label;
  /** The unit was assumed (the model's default, a percent rule): readings are marked "?". */
  guess: boolean;
  /**
   * The column holds several items' figures (预期效益: 达产后年产值10亿元，税收5000万元), so only a
   * figure labelled with the field's names is read: another item's alone is missing, an unlabelled
   * one (10亿元, a bare number) says which items it could be and is not read.
   */
  labelled: boolean;
  /**
   * The land unit the column's figures are counted per, from its header (亩均税收（万元/亩）, 元/平方米):
   * read, converted to per 亩, only by a field counted per 亩 (FieldDef.per); any other field refuses it.
   */
  perArea?: LandUnit;
}

/**
 * What a column's header says about its cells: the unit and currency of bare numbers (AmountContext),
 * or, for a yes/no column asking after one chain role (是否链主, 龙头企业（是/否）), the role a yes names.
 */
export interface ColumnContext extends AmountContext {
  /** The id of the chain role (ChainModel.roles) a yes in this column reads as. */
  yesRole: string;
}

export interface ParsedAmount {
  ok: true;
  /** The cell text as written. */
  input: string;
  /** The number used, in whole units of `currency` (元, dollars, euros — not 万). */
  value: number;
  currency: CurrencyCode;
  bound: AmountBound;
  /** Lower and upper bound read, in whole units of `currency`; equal to value when exact. */
  low: number;
  high: number;
  /** Which number of the bound was used for `value`. */
  used: BoundChoice | "exact";
  /** Why `value` is what it is, e.g. "约1.5亿元：按约数取 1.5 亿". */
  note: Label;
  /** A second amount written in brackets, e.g. 60.7亿元(8.8亿美元) gives the USD amount here. */
  alternate?: ParsedAmount;
  /** Part of the text was left out (a phase, another item's figure, a remark, a bracket): the note names it. */
  ignored?: true;
  /** Canonical text that parses back to the same amount (idempotence), e.g. "1500万USD". */
  normalized: string;
}

export type AmountErrorCode = "missing" | "unreadable" | "negative" | "ambiguous";

export interface AmountError extends EngineError {
  ok: false;
  input: string;
  /** "missing": blank, "-", "待定" … (not zero); the others: text that could not be read. */
  code: AmountErrorCode;
}

export type AmountResult = ParsedAmount | AmountError;

export interface ParseAmountOptions {
  /** Unit and currency of bare numbers; default 1 × CNY. */
  context?: Partial<AmountContext>;
  /** Number to use for ranges and one-sided bounds; default "mid" (the bound itself for one-sided). */
  bound?: BoundChoice;
  /** false where the criterion cannot be negative (investment, tax): a negative is then an error. */
  allowNegative?: boolean;
  /**
   * The column's own names (its field's label and aliases, folded): of figures a cell labels
   * (总投资10亿元，注册资本1亿元) the one labelled with these is read, the others named in the note.
   */
  names?: readonly string[];
  /**
   * The figure is counted per 亩 of land (FieldDef.per): 35万元/亩, 亩均35万元 and 500元/平方米 (as
   * 33.3万元/亩) are read; a figure per person or per unit of energy is refused.
   */
  perMu?: boolean;
}

/** Exchange rates: `rates[c]` is units of `base` per one unit of c. Lives in the model, editable. */
export interface FxTable {
  base: CurrencyCode;
  rates: Partial<Record<CurrencyCode, number>>;
  /** ISO date the rates hold for, and where they come from. */
  date: string;
  source: string;
}

// ---------------------------------------------------------------------------------------------
// The scoring model (a versioned JSON document; validated by engine/model)
// ---------------------------------------------------------------------------------------------

export type { FieldType, MissingPolicy, GateEffect, TargetMeasure } from "./vocabulary";
import type { FieldType, MissingPolicy, GateEffect, TargetMeasure } from "./vocabulary";

export interface FieldDef {
  id: string;
  label: Label;
  type: FieldType;
  /** Header variants this field is recognised by (zh and en), matched loosely by workbook/mapping. */
  aliases: string[];
  /**
   * Headers of a column several amount fields share (预期效益: 达产后年产值10亿元，税收5000万元). With no
   * column of its own, the field reads from such a column the figure its cells label with its names.
   */
  sharedHeaders?: string[];
  /**
   * For yes/no fields: words naming another kind than the one asked about (央企: 地方国企, 民营企业,
   * 外资企业), so that a 企业性质 column answers it. A cell naming one reads as no, noted.
   */
  otherKinds?: string[];
  /**
   * For amount fields: the figure is per this unit of land (亩均税收, 投资强度 in 万元/亩), not a total;
   * cells and headers per 平方米 or 公顷 are converted. Only "亩".
   */
  per?: "亩";
  /**
   * For yes/no fields: text fields whose cells may answer it when its own cell is blank — an investor
   * written as 德国巴斯夫集团（世界500强） is on the list, noted; a firm served (世界500强配套商) or an
   * intention is no answer.
   */
  inferFrom?: string[];
  /** For number fields: the unit label shown (e.g. "亩"). */
  unit?: string;
  /** Whether the product needs it to score at all (mapping reports these first). */
  key?: boolean;
  /** How its words are read (engine/answers): a veto column, an origin, a stage, a land use. */
  reader?: AnswerReader;
  /**
   * Values a number or percent field may take, as read (a percent as a fraction: 1 = 100%); a cell
   * outside is unreadable, with the range in its message. Percent fields without one: 0–100%.
   */
  range?: { min?: number; max?: number };
  description?: Label;
}

export interface DerivedFieldDef {
  id: string;
  label: Label;
  /** mathjs expression over field ids (amounts arrive in the model's amountUnit of model currency). */
  expression: string;
  unit?: string;
  description?: Label;
  /** Said beside the value where `when` holds: "无固定资产投资，以总投资代替". */
  notes?: { when: string; text: Label }[];
}

export type Transform =
  | { type: "linear"; min: number; max: number }
  | { type: "log"; min: number; max: number }
  | { type: "piecewise"; points: [number, number][] }
  /** Full marks at or beyond `full`; linear deduction down to 0 at `zero`. */
  | { type: "threshold"; full: number; zero: number }
  | { type: "category"; table: Record<string, number>; default?: number }
  /**
   * Best rule with a word found in the text. A negated word (非上市, 无研发中心) never counts; a word in
   * an intention (拟申报省级, 筹建研发中心) earns `intended` × its rule's score (default 0.5).
   */
  | {
      type: "keywords";
      rules: { words: string[]; score: number }[];
      default?: number;
      intended?: number;
    }
  | { type: "boolean" }
  /** Chain fit of the candidate: classification, role in chain and synergy (see engine/chain). */
  | { type: "chain" }
  /** mathjs expression over `x` (the input) and the row's fields; result clamped to 0..1. */
  | { type: "expression"; expression: string };

export interface CriterionDef {
  id: string;
  label: Label;
  dimension: string;
  /** Field or derived field read. For type "chain", the text fields to classify. */
  field: string;
  transform: Transform;
  direction: "more" | "less";
  /** Weight within its dimension (the dimension's criteria weights need not sum to 1; they are normalised). */
  weight: number;
  missing: MissingPolicy;
  description?: Label;
}

export interface DimensionDef {
  id: string;
  label: Label;
  /** Share of the total score; the dimensions' weights sum to 1 (±1e-6). */
  weight: number;
  description?: Label;
}

export interface GateDef {
  id: string;
  label: Label;
  /** mathjs boolean expression; the candidate passes when true. */
  pass: string;
  /** mathjs boolean expression; the gate is only checked when true (e.g. land area known). */
  appliesWhen?: string;
  effect: GateEffect;
  /** Score ceiling for effect "cap". */
  cap?: number;
  reason: Label;
}

export interface BonusDef {
  id: string;
  label: Label;
  when: string;
  /** Points added to the 0–100 total (the total is clamped to 100). */
  points: number;
  description?: Label;
  /**
   * A strong known signal: the total is lifted to at least this (a failed gate's cap still wins),
   * so the signal carries the candidate to its advice even when other cells are blank.
   */
  floor?: number;
}

export interface FlagDef {
  id: string;
  label: Label;
  when: string;
  /** Optional tier label expression result, e.g. 招大引强 50亿 tier. */
  description?: Label;
}

/**
 * Thresholds that depend on the candidate (标准地 lines by industry): a table of numbers whose row is
 * chosen by the candidate's chain ("chain") or by the value of a text field as read. Expressions read
 * the chosen row's value of column c as `<table id>_<c>`; a row gives only what differs from the
 * default row, which gives every column (so every candidate gets a value).
 */
export interface LookupTableDef {
  id: string;
  label: Label;
  /** "chain": the main chain the chain criterion found; else a text or category field's id. */
  by: string;
  columns: { id: string; label: Label; unit?: string }[];
  rows: {
    id: string;
    label: Label;
    /** Key values that choose this row (chain ids, or field values as read); first row wins. */
    match: string[];
    values: Record<string, number>;
    source?: Label;
  }[];
  /** Id of the row used when no row matches (key blank, no chain, not listed). */
  default: string;
  source: Label;
}

export interface GradeBand {
  grade: string;
  label: Label;
  /** absolute: minimum score; percentile: share of graded candidates from the top, cumulative, 0–1. */
  min?: number;
  topShare?: number;
}

export interface GradeScheme {
  method: "absolute" | "percentile";
  bands: GradeBand[];
}

export interface DecisionRule {
  id: string;
  label: Label;
  /** Grades that lead to this decision; first match wins. Candidates excluded by a gate get the last. */
  grades: string[];
}

export interface ChainDef {
  id: string;
  name: Label;
  /** Words that point to the chain with a weight (0–1] each, zh and en. */
  keywords: { word: string; weight: number }[];
  /** Other names an explicit chain cell may use (e.g. "数控机床", "NEV"); matched with name.zh/en and id. */
  aliases?: string[];
  description?: Label;
}

export interface ChainRoleDef {
  id: string;
  label: Label;
  score: number;
  aliases: string[];
}

export interface ChainModel {
  chains: ChainDef[];
  roles: ChainRoleDef[];
  /** Role assumed when none is given. */
  defaultRole: string;
  /** Multiplier applied when a candidate serves two priority chains, keyed "a+b" (ids sorted) or "*". */
  synergy: Record<string, number>;
  /** Field holding an explicit chain (wins over classification), and fields classified from text. */
  chainField: string;
  roleField: string;
  textFields: string[];
  /** Confidence below which classification gives "none". */
  minConfidence: number;
  /** Phrases that count for no chain but hide the shorter keywords inside them ("种子轮" hides "种子"). */
  stopPhrases?: string[];
  /**
   * Words shared across sectors, settled by the other words of the same text: where one of `cues`
   * stands beside `word`, the word (and keywords containing it) count for no chain — 储能 beside 电站
   * or 电网 is a power-station project, not the battery supply chain. The note names the cue.
   */
  contexts?: { word: string; cues: string[] }[];
  /**
   * Sectors that are no target chain (4S stores, pharmacies, hotels, real estate …): a text naming one
   * as a fact is "none — not a target chain", with the word that decided it. An explicit chain cell wins.
   */
  nonTarget?: string[];
  /**
   * A self-declared role (链主) earns its full credit only at a plausible scale: `field` (model units)
   * at least `min`; below it or unknown, the role counts `score` ("role as claimed").
   */
  roleScale?: { role: string; field: string; min: number; score: number };
  /** Share of the best chain's keyword evidence a second chain needs to count as secondary (default 0.5). */
  secondaryShare?: number;
  description?: Label;
}

export interface StageDef {
  id: string;
  label: Label;
  aliases: string[];
  /**
   * Advice once a candidate reaches this stage (after signing the question is how to land it, not
   * whether to pursue it): a decision id that replaces the score's decision. None before signing.
   */
  decision?: string;
  /**
   * Not a step of the pipeline: the project is dropped or on hold (停滞, 暂停, 终止, 放弃 …). Its words
   * win over any step named beside them (已签约，后停滞), and it never counts as signed or as a step
   * reached. A gate on the stage (`stage == "halted"`) says how it is scored.
   */
  halted?: boolean;
}

/** Land uses and how a candidate's is found; gates read the use id as the field's value. */
export interface LandUseModel {
  /** Field holding the land use (a category field with reader "landUse"). */
  field: string;
  /** Text fields the use is inferred from when the column is blank, in order. */
  inferFrom: string[];
  /** Use assumed when nothing is written or inferred. */
  default: string;
  /** In order of precedence: the first use with a word found decides. */
  uses: { id: string; label: Label; words: string[] }[];
}

/** How unknown criteria are judged: the decision for candidates that need information first. */
export interface UnknownsPolicy {
  /** Decision id given when the score interval spans more grades than allowed or data is too thin. */
  decision: string;
  /** Below this share of the model's weight backed by data, a candidate needs information. */
  minCompleteness: number;
  /** Most grade bands the interval [min, max] may span beyond the point score's own. */
  maxGradeSpan: number;
  /** Decisions (by id) that stand whatever the unknowns: strong known signals carry a candidate. */
  keep: string[];
  /** The principle the point score treats unknowns by, with its reason. */
  principle: Label;
}

export interface TargetDef {
  id: string;
  label: Label;
  /** What is counted: signed projects, their total investment, contracted or used FDI, 招大引强. */
  measure: TargetMeasure;
  /** For flagCount: the flag id counted. */
  flag?: string;
  value: number;
  currency?: CurrencyCode;
  /** Unit multiplier of value (1e8 for 亿). */
  multiplier?: number;
}

export interface ScoringModel {
  schema: "zs-scorer/model";
  /** Format version of this document. */
  formatVersion: 1;
  id: string;
  name: Label;
  /** The model's own edition, e.g. "2023.1". */
  version: string;
  description?: Label;
  /** Currency and multiplier amounts are converted to before transforms see them (CNY, 1e4 = 万元). */
  currency: CurrencyCode;
  amountMultiplier: number;
  fx: FxTable;
  fields: FieldDef[];
  derived: DerivedFieldDef[];
  dimensions: DimensionDef[];
  criteria: CriterionDef[];
  gates: GateDef[];
  bonuses: BonusDef[];
  flags: FlagDef[];
  grades: GradeScheme;
  decisions: DecisionRule[];
  chain?: ChainModel;
  stages?: StageDef[];
  landUse?: LandUseModel;
  tables?: LookupTableDef[];
  unknowns?: UnknownsPolicy;
  targets?: { year: number; items: TargetDef[] };
}

// ---------------------------------------------------------------------------------------------
// Candidates and scores
// ---------------------------------------------------------------------------------------------

/**
 * Candidates by column: `columns[fieldId][i]` is candidate i's cell for that field, as written.
 * `contexts[fieldId]` carries what the column header says: unit/currency, or the role a yes names.
 */
export interface CandidateTable {
  count: number;
  columns: Record<string, CellValue[]>;
  contexts?: Record<string, Partial<ColumnContext>>;
  /** Sheet row numbers (1-based) or other stable ids, for explanations and "go to". */
  rowIds?: number[];
}

export interface GateOutcome {
  gate: string;
  /** For a failed gate: the inputs it read, as written (a veto's text is its reason). */
  detail?: Label;
  /** True unless the gate was checked and failed (not applicable or undecidable gates pass). */
  passed: boolean;
  /** "notApplicable": appliesWhen was false or unknown; "unknown": the pass test lacked data. */
  status?: "passed" | "failed" | "notApplicable" | "unknown";
  effect: GateDef["effect"];
  reason: Label;
}

export interface CriterionExplanation {
  criterion: string;
  label: Label;
  /** The cell as written ("1500万美元") or null when missing. */
  raw: CellValue;
  /** The value used, described ("1500万美元 → 10 575 万元 @ 7.05"). */
  used: Label;
  /** 0–1 after transform and direction; null when missing and not imputed. */
  normalized: number | null;
  /** Effective weight in the total (dimension weight × criterion share, after renormalisation). */
  weight: number;
  /** Points contributed to the 0–100 total. */
  contribution: number;
  note?: Label;
}

export interface Explanation {
  criteria: CriterionExplanation[];
  gates: GateOutcome[];
  bonuses: { bonus: string; label: Label; points: number }[];
  flags: { flag: string; label: Label }[];
  notes: Label[];
  /** Unknown criteria, most points first: "补充 年税收 最多 +9 分" — the figure to ask for first. */
  unknowns: { criterion: string; gain: number; label: Label }[];
  /** One line: the main reasons. */
  summary: Label;
}

export interface CandidateScore {
  index: number;
  rowId?: number;
  /** 0–100. */
  score: number;
  dimensions: Record<string, number>;
  /** null when not graded (excluded by a gate). */
  grade: string | null;
  decision: string;
  /** Share of the model's weight backed by data (0–1). */
  completeness: number;
  /** Lowest and highest score the unknown criteria allow. */
  interval: [number, number];
  /** 1-based; ties share a rank (1, 2, 2, 4); excluded candidates have rank null. */
  rank: number | null;
  excluded: boolean;
  gates: GateOutcome[];
  flags: string[];
  chain: string | null;
  explanation: Explanation;
}
