/**
 * Scoring. The batch path (scoreTable) works column by column on typed arrays: each input column is
 * parsed once (amounts converted to the model's currency and unit), derived fields and criterion
 * values are whole columns, and only the final per-row aggregation loops over candidates.
 * Explanations are not built here: explain(scored, i) builds one on demand.
 *
 * Every step is a function of the candidate's own row, except the column mean of the "mean" missing
 * policy, which is summed in sorted order so that the same rows in another order give the same bits.
 */
import { ExpressionEnv } from "./expression";
import { assignDecisions, assignGrades } from "./grades";
import { CompiledModel } from "./model/compile";
import {
  AnswerReader,
  LandUseReader,
  readOrigin,
  resolveStage,
  stageIndex,
  vetoValue,
} from "./answers";
import { ColumnReader, TextMemo } from "./memo";
import {
  criterionVariable,
  currencyVariable,
  isMissingFor,
  AmountReader,
  answeringText,
  inferredAnswer,
  readFieldNumber,
  readText,
} from "./model/fields";
import { ChainFitter } from "./chain";
import { breakTies, competitionRanks } from "./rank";
import { lookupChooser, lookupValue, lookupVariable } from "./lookup";
import { chainFitColumn, clampScore } from "./transforms";
import {
  AmountContext,
  CandidateTable,
  CellValue,
  CurrencyCode,
  FieldDef,
  ScoringModel,
} from "./types";

/** Gate status per candidate. */
export const GATE_PASSED = 0;
export const GATE_FAILED = 1;
/** appliesWhen was false (or unknown): the gate was not checked. */
export const GATE_NOT_APPLICABLE = 2;
/** The pass test could not be decided (missing input): not held against the candidate. */
export const GATE_UNKNOWN = 3;

export type Column = Float64Array | (string | null)[];

export interface ScoredTable {
  compiled: CompiledModel;
  table: CandidateTable;
  count: number;
  /** Input fields as read (numbers in model units; text trimmed, null when missing) and derived fields. */
  columns: Record<string, Column>;
  /** Per criterion: 0–1 after transform and direction, NaN when missing (before the missing policy). */
  criterionValues: Float64Array[];
  /** Per criterion with the "mean" policy: mean of its known values; NaN when none is known or another policy. */
  criterionMeans: Float64Array;
  /** Chain per candidate from the chain criterion (null: none or no chain criterion). */
  chains: (string | null)[];
  /** Per lookup table (model.tables): the row index chosen for each candidate. */
  lookupRows: Int16Array[];
  /** Per dimension: 0–100, NaN when every criterion of it was missing under "renormalize". */
  dimensionScores: Float64Array[];
  /** Dimension weights the totals use (the model's, or those given to reweight), summing to 1. */
  dimensionWeights: Float64Array;
  /** Per dimension: 0–100 with every unknown criterion at 0, and at 1 (the score interval's ends). */
  dimensionLow: Float64Array[];
  dimensionHigh: Float64Array[];
  /** Per dimension: share of its criterion weight backed by data (0–1). */
  dimensionKnown: Float64Array[];
  /** Weighted total before bonuses and caps. */
  base: Float64Array;
  bonus: Float64Array;
  /** Highest floor of the bonuses hit (strong known signals carry the total that far); 0 when none. */
  floor: Float64Array;
  /** Share of the model's weight backed by data (0–1). */
  completeness: Float64Array;
  /** Lowest and highest total the unknown criteria allow (same bonuses, floors and caps). */
  low: Float64Array;
  high: Float64Array;
  /** Index into model.stages of the stage each candidate has reached; −1 when blank or unknown. */
  stage: Int16Array;
  /** Lowest cap of a failed "cap" gate; Infinity when none. */
  cap: Float64Array;
  gateStatus: Uint8Array[];
  bonusHits: Uint8Array[];
  flagHits: Uint8Array[];
  excluded: Uint8Array;
  /** 0–100 final score. */
  total: Float64Array;
  /** 1-based competition rank; 0 when unranked (excluded). */
  rank: Int32Array;
  /** Index into model.grades.bands; −1 when not graded. */
  grade: Int16Array;
  /** Index into model.decisions; −1 when the model has none. */
  decision: Int16Array;
}

/** Order-independent mean of the finite values (sorted before summing), NaN when there are none. */
function stableMean(values: Float64Array): number {
  const known = values.filter((v) => v === v).sort();
  if (known.length === 0) return NaN;
  let sum = 0;
  for (let k = 0; k < known.length; k++) sum += known[k];
  return sum / known.length;
}

/** How a text field's cells are read: as written, or normalised by its answer reader. */
function readerOf(
  reader: AnswerReader | undefined,
  model: ScoringModel
): (c: CellValue) => string | null {
  // An origin not recognised is unknown: a Chinese city missing from the list must never read as foreign.
  if (reader === "origin") return (c) => readOrigin(c)?.country ?? null;
  if (reader === "stage") return (c) => resolveStage(c, model);
  return readText;
}

/**
 * The input columns a scoring run fills, allocated into `columns`, and the readers that fill them
 * from a table. A reader remembers what each distinct text gave for as long as the scoring lives.
 * The model's stage field, when it is a text input, is read once for both its column and `stage`.
 */
function inputReaders(
  compiled: CompiledModel,
  n: number,
  contexts: CandidateTable["contexts"],
  columns: Record<string, Column>,
  stage: { field: FieldDef | undefined; index: Int16Array; read: boolean }
): ((table: CandidateTable) => void)[] {
  const { model } = compiled;
  return compiled.inputs.map((id) => {
    const field = compiled.fields.get(id) as FieldDef;
    const context = contexts?.[id];
    const cells = (table: CandidateTable) => table.columns[id];
    if (field.reader === "landUse") {
      const col = (columns[id] = new Array<string | null>(n));
      const reader = new LandUseReader(model);
      return (table) => reader.into(table.columns, n, col);
    }
    if (field.reader === "veto") {
      const col = (columns[id] = new Float64Array(n));
      const reader = new ColumnReader((c) => vetoValue(c, (x) => isMissingFor(x, field)));
      return (table) => reader.into(cells(table), n, col);
    }
    if (compiled.kinds[id] === "str") {
      const col = (columns[id] = new Array<string | null>(n));
      // Text as written costs a trim, less than looking it up: only answer readers remember.
      if (field.reader === undefined) {
        return (table) => readTexts(cells(table), n, col);
      }
      if (field === stage.field) {
        stage.read = true;
        const ids = (model.stages ?? []).map((st) => st.id);
        const reader = new ColumnReader((c) => stageIndex(c, model));
        return (table) => {
          reader.into(cells(table), n, stage.index);
          stageIds(stage.index, ids, n, col);
        };
      }
      const reader = new ColumnReader(readerOf(field.reader, model));
      return (table) => reader.into(cells(table), n, col);
    }
    if (field.type === "amount") {
      const col = (columns[id] = new Float64Array(n));
      const currencies = compiled.currencyInputs.includes(id)
        ? (columns[currencyVariable(id)] = new Array<CurrencyCode | null>(n))
        : undefined;
      const reader = new AmountReader(context, model, field);
      return (table) => reader.into(cells(table), n, col, currencies);
    }
    const col = (columns[id] = new Float64Array(n));
    const reader = new ColumnReader((c) => readFieldNumber(c, field, context, model));
    if (field.inferFrom !== undefined)
      return (table) => {
        readNumbers(cells(table), n, col, reader, field, context, model);
        inferAnswers(table.columns, n, col, field);
      };
    return (table) => readNumbers(cells(table), n, col, reader, field, context, model);
  });
}

/** A yes/no column's blanks answered by the texts the field infers from (FieldDef.inferFrom). */
function inferAnswers(
  cells: CandidateTable["columns"],
  n: number,
  out: Float64Array,
  field: FieldDef
): void {
  const own = cells[field.id];
  const sources = (field.inferFrom ?? []).map((id) => cells[id]);
  for (let i = 0; i < n; i++) {
    if (out[i] === out[i] || (own !== undefined && !isMissingFor(own[i] ?? null, field))) continue;
    const k = answeringText(sources, i, field);
    if (k >= 0) out[i] = inferredAnswer(sources[k]![i], field);
  }
}

/** The scored columns as expressions read them (`x`: an expression transform's input). */
export function envOf(columns: Record<string, Column>, x?: Column): ExpressionEnv {
  const get = (name: string): Column | undefined =>
    name === "x"
      ? x
      : Object.prototype.hasOwnProperty.call(columns, name)
        ? columns[name]
        : undefined;
  return {
    num: (name) => {
      const c = get(name);
      return c instanceof Float64Array ? c : undefined;
    },
    str: (name) => {
      const c = get(name);
      return Array.isArray(c) ? c : undefined;
    },
  };
}

/** The scale column a chain role is checked against (model.chain.roleScale), when the model has one. */
export function roleScale(
  columns: Record<string, Column>,
  model: ScoringModel
): Float64Array | undefined {
  const field = model.chain?.roleScale?.field;
  const col = field === undefined ? undefined : columns[field];
  return col instanceof Float64Array ? col : undefined;
}

/** Effective contribution of a missing value under its criterion's policy; NaN drops it (renormalize). */
export function imputed(policy: string, mean: number): number {
  switch (policy) {
    case "zero":
      return 0;
    case "neutral":
      return 0.5;
    case "mean":
      return mean === mean ? mean : 0.5;
    default:
      return NaN;
  }
}

/** Scores a candidate table with a compiled model (the batch path; no explanations). */
export function scoreTable(table: CandidateTable, compiled: CompiledModel): ScoredTable {
  return prepareScoring(compiled, table.count, table.contexts).run(table);
}

/** Scoring prepared once for tables of a given size; each run overwrites the last one's results. */
export interface Scoring {
  run(table: CandidateTable): ScoredTable;
}

/**
 * Scoring prepared for tables of `n` candidates whose columns have `contexts`: every column and
 * result array allocated, every expression bound to them and every reader built, once. The batch
 * path prepares for its table and runs once; the one-row path (ZS.SCORE) prepares for one row per
 * model and header mapping and runs on every call, so both take exactly the same steps.
 */
export function prepareScoring(
  compiled: CompiledModel,
  n: number,
  contexts?: CandidateTable["contexts"]
): Scoring {
  const { model } = compiled;
  const columns: Record<string, Column> = {};
  const stage = {
    field: model.fields.find((f) => f.reader === "stage"),
    index: new Int16Array(n),
    read: false,
  };
  const readers = inputReaders(compiled, n, contexts, columns, stage);
  for (const d of compiled.derived) columns[d.def.id] = new Float64Array(n);
  const criterionValues = compiled.criteria.map(() => new Float64Array(n));

  // The chain fit comes first: lookup tables keyed by chain feed derived fields and criteria.
  const chains: (string | null)[] = new Array(n).fill(null);
  const chainModel = model.chain;
  const chainFit =
    chainModel && compiled.criteria.some((c) => c.transform.input === "chain")
      ? new Float64Array(n)
      : null;
  const fitChains = ((): ((table: CandidateTable) => void) | null => {
    if (!chainModel || !chainFit) return null;
    const scale = roleScale(columns, model);
    const yesRole = contexts?.[chainModel.roleField]?.yesRole;
    const fitter = new ChainFitter(chainModel, chainModel.textFields.length, yesRole);
    return (table) => chainFitColumn(table.columns, n, chainModel, chainFit, chains, scale, fitter);
  })();
  const lookups = (model.tables ?? []).map((t) => {
    const rows = new Int16Array(n);
    const choose = lookupChooser(t);
    const keys =
      t.by === "chain"
        ? chains
        : ((columns[t.by] as (string | null)[] | undefined) ?? new Array<null>(n).fill(null));
    const cols = t.columns.map((c) => ({
      out: (columns[lookupVariable(t.id, c.id)] = new Float64Array(n)),
      values: t.rows.map((_, r) => lookupValue(t, r, c.id)),
    }));
    return {
      rows,
      fill: () => {
        for (let i = 0; i < n; i++) rows[i] = choose(keys[i]);
        for (const c of cols) pick(rows, c.values, n, c.out);
      },
    };
  });
  const tableRows = lookups.map((l) => l.rows);
  // Gates, bonuses and flags may read criterion values (chainFit_score ≥ 0.95: a credible leader).
  compiled.criteria.forEach((c, k) => (columns[criterionVariable(c.def.id)] = criterionValues[k]));
  const env = envOf(columns);
  const derived = compiled.derived.map((d) => ({
    out: columns[d.def.id] as Float64Array,
    f: d.expr.column(env),
  }));
  // Expressions fill whole columns; gates, bonuses, flags and criteria read their results from these.
  const scratch = new Float64Array(n);
  const applied = new Float64Array(n);

  // How each criterion's value column is filled from its input column.
  const criteria = compiled.criteria.map((c, k): ((table: CandidateTable) => void) => {
    const out = criterionValues[k];
    const t = c.transform;
    const input = columns[c.def.field];
    if (t.input === "num") return () => t.column(input as Float64Array, out);
    if (t.input === "str") {
      // Category and keyword columns hold few distinct texts: transform each once.
      const s = input as (string | null)[];
      const memo = new TextMemo(t.apply);
      return () => textValues(s, memo, n, out);
    }
    if (t.input === "expression") {
      const f = t.expr.column(envOf(columns, input));
      return () => {
        f(out, n);
        clampScores(out, n);
      };
    }
    return chainFit ? () => out.set(chainFit) : () => undefined;
  });
  const criterionMeans = new Float64Array(compiled.criteria.length);
  const fills = new Float64Array(compiled.criteria.length);

  // Dimension scores: weighted mean of criterion values, missing ones imputed or dropped.
  const dimensionScores = compiled.dimensions.map(() => new Float64Array(n));
  const dimensionLow = compiled.dimensions.map(() => new Float64Array(n));
  const dimensionHigh = compiled.dimensions.map(() => new Float64Array(n));
  const dimensionKnown = compiled.dimensions.map(() => new Float64Array(n));
  const dimensions = compiled.dimensions.map((d, e) => {
    const out = dimensionScores[e];
    const low = dimensionLow[e];
    const high = dimensionHigh[e];
    const known = dimensionKnown[e];
    const values = d.criteria.map((k) => criterionValues[k]);
    const shares = d.criteria.map((k) => compiled.criteria[k].share);
    // Each run's fill values, gathered into one array kept with the dimension (none allocated per run).
    const fill = new Float64Array(values.length);
    return () => {
      for (let j = 0; j < fill.length; j++) fill[j] = fills[d.criteria[j]];
      dimensionRows(values, shares, fill, n, out, low, high, known);
    };
  });

  // Gates, bonuses, flags.
  const excluded = new Uint8Array(n);
  const cap = new Float64Array(n);
  const gateStatus = compiled.gates.map(() => new Uint8Array(n));
  const gates = compiled.gates.map((g, k) => {
    const status = gateStatus[k];
    const pass = g.pass.column(env);
    const applies = g.appliesWhen ? g.appliesWhen.column(env) : null;
    const effect = g.def.effect === "exclude" ? excluded : g.def.effect === "cap" ? cap : null;
    const capAt = g.def.cap ?? 100;
    return () => {
      pass(scratch, n);
      if (applies) applies(applied, n);
      gateRows(scratch, applies ? applied : null, n, status);
      if (effect) failedRows(status, n, effect, capAt);
    };
  });
  const bonus = new Float64Array(n);
  const floor = new Float64Array(n);
  const bonusHits = compiled.bonuses.map(() => new Uint8Array(n));
  const bonuses = compiled.bonuses.map((b, k) => {
    const when = b.when.column(env);
    const hits = bonusHits[k];
    const { points } = b.def;
    const lift = b.def.floor ?? 0;
    return () => {
      when(scratch, n);
      hitRows(scratch, n, hits);
      bonusRows(hits, n, points, lift, bonus, floor);
    };
  });
  const flagHits = compiled.flags.map(() => new Uint8Array(n));
  const flags = compiled.flags.map((f, k) => {
    const when = f.when.column(env);
    const hits = flagHits[k];
    return () => {
      when(scratch, n);
      hitRows(scratch, n, hits);
    };
  });
  // Stage index per candidate from the model's stage field (engine/answers), −1 when unknown: read
  // here unless the inputs read it.
  const stageField = stage.read ? undefined : stage.field;
  const stageReader = new ColumnReader((c) => stageIndex(c, model));

  const scored: ScoredTable = {
    compiled,
    table: { count: n, columns: {} },
    count: n,
    columns,
    criterionValues,
    criterionMeans,
    chains,
    lookupRows: tableRows,
    dimensionScores,
    dimensionWeights: Float64Array.from(model.dimensions, (d) => d.weight),
    dimensionLow,
    dimensionHigh,
    dimensionKnown,
    base: new Float64Array(n),
    bonus,
    floor,
    completeness: new Float64Array(n),
    low: new Float64Array(n),
    high: new Float64Array(n),
    stage: stage.index,
    cap,
    gateStatus,
    bonusHits,
    flagHits,
    excluded,
    total: new Float64Array(n),
    rank: new Int32Array(n),
    grade: new Int16Array(n),
    decision: new Int16Array(n),
  };

  return {
    run(table) {
      for (const read of readers) read(table);
      fitChains?.(table);
      for (const l of lookups) l.fill();
      for (const d of derived) d.f(d.out, n);
      for (const fill of criteria) fill(table);
      compiled.criteria.forEach((c, k) => {
        criterionMeans[k] = c.def.missing === "mean" ? stableMean(criterionValues[k]) : NaN;
        fills[k] = imputed(c.def.missing, criterionMeans[k]);
      });
      for (const d of dimensions) d();
      excluded.fill(0);
      cap.fill(Infinity);
      for (const g of gates) g();
      bonus.fill(0);
      floor.fill(0);
      for (const b of bonuses) b();
      for (const f of flags) f();
      if (stageField) stageReader.into(table.columns[stageField.id], n, stage.index);
      else if (!stage.read) stage.index.fill(-1);
      scored.table = table;
      aggregate(scored);
      return scored;
    },
  };
}

// The row loops of a scoring are functions of the module, not closures made per scoring: V8's
// optimised code for them then serves every scoring instead of being rebuilt on each run.

/**
 * A number, percent, yes/no or date column: number cells read straight (a call V8 can inline, and
 * no boxed result), texts through the column's reader, which reads everything else the same way.
 */
function readNumbers(
  cells: readonly CellValue[] | undefined,
  n: number,
  out: Float64Array,
  reader: ColumnReader<number>,
  field: FieldDef,
  context: Partial<AmountContext> | undefined,
  model: ScoringModel
): void {
  for (let i = 0; i < n; i++) {
    const c = cells?.[i] ?? null;
    out[i] = typeof c === "number" ? readFieldNumber(c, field, context, model) : reader.cell(c);
  }
}

/** Text cells as written (readText), rows 0…n−1. */
function readTexts(cells: readonly CellValue[] | undefined, n: number, out: (string | null)[]) {
  for (let i = 0; i < n; i++) out[i] = readText(cells?.[i] ?? null);
}

/** A stage column's ids (resolveStage) from its stage indices (stageIndex). */
function stageIds(index: Int16Array, ids: string[], n: number, out: (string | null)[]) {
  for (let i = 0; i < n; i++) out[i] = index[i] < 0 ? null : ids[index[i]];
}

/** A text criterion's values: each text through its transform's memo, NaN where missing. */
function textValues(
  texts: (string | null)[],
  memo: TextMemo<number>,
  n: number,
  out: Float64Array
) {
  for (let i = 0; i < n; i++) {
    const s = texts[i];
    out[i] = s === null ? NaN : memo.get(s);
  }
}

function clampScores(out: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = clampScore(out[i]);
}

/** out[i] = values[rows[i]]: a lookup table's column by the row chosen for each candidate. */
function pick(rows: Int16Array, values: number[], n: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) out[i] = values[rows[i]];
}

/** A gate's status per row from its pass test and, when it has one, its appliesWhen test. */
function gateRows(pass: Float64Array, applied: Float64Array | null, n: number, status: Uint8Array) {
  for (let i = 0; i < n; i++) {
    if (applied !== null) {
      const a = applied[i];
      if (a !== a || a === 0) {
        status[i] = GATE_NOT_APPLICABLE;
        continue;
      }
    }
    const p = pass[i];
    status[i] = p !== p ? GATE_UNKNOWN : p !== 0 ? GATE_PASSED : GATE_FAILED;
  }
}

/** A failed gate's effect: `excluded` (Uint8Array) marked, or `cap` (Float64Array) lowered to capAt. */
function failedRows(
  status: Uint8Array,
  n: number,
  effect: Uint8Array | Float64Array,
  capAt: number
) {
  const exclude = effect instanceof Uint8Array;
  for (let i = 0; i < n; i++) {
    if (status[i] !== GATE_FAILED) continue;
    if (exclude) effect[i] = 1;
    else effect[i] = Math.min(effect[i], capAt);
  }
}

/** 1 where a condition holds (not NaN, not 0), else 0. */
function hitRows(when: Float64Array, n: number, hits: Uint8Array): void {
  for (let i = 0; i < n; i++) {
    const v = when[i];
    hits[i] = v === v && v !== 0 ? 1 : 0;
  }
}

/** A bonus hit adds its points and lifts the floor. */
function bonusRows(
  hits: Uint8Array,
  n: number,
  points: number,
  lift: number,
  bonus: Float64Array,
  floor: Float64Array
): void {
  for (let i = 0; i < n; i++) {
    if (hits[i] === 0) continue;
    bonus[i] += points;
    floor[i] = Math.max(floor[i], lift);
  }
}

/**
 * One dimension's score, interval ends and known share for rows 0…n−1, from its criteria's values
 * (`fill`: each criterion's value when missing, NaN to drop it).
 */
function dimensionRows(
  values: Float64Array[],
  shares: number[],
  fill: ArrayLike<number>,
  n: number,
  out: Float64Array,
  low: Float64Array,
  high: Float64Array,
  known: Float64Array
): void {
  const m = values.length;
  for (let i = 0; i < n; i++) {
    let num = 0;
    let den = 0;
    let sure = 0;
    let all = 0;
    let have = 0;
    for (let j = 0; j < m; j++) {
      let v = values[j][i];
      all += shares[j];
      if (v === v) {
        sure += shares[j] * v;
        have += shares[j];
      } else v = fill[j];
      if (v !== v) continue;
      num += shares[j] * v;
      den += shares[j];
    }
    out[i] = den > 0 ? (100 * num) / den : NaN;
    low[i] = all > 0 ? (100 * sure) / all : 0;
    high[i] = all > 0 ? (100 * (sure + all - have)) / all : 0;
    known[i] = all > 0 ? have / all : 0;
  }
}

/** Weighted mean of the dimensions' values for candidate i (dimensions without a value left out). */
function weighted(dims: Float64Array[], w: Float64Array, i: number): number {
  let num = 0;
  let den = 0;
  for (let d = 0; d < dims.length; d++) {
    const v = dims[d][i];
    if (v !== v || !(w[d] > 0)) continue;
    num += w[d] * v;
    den += w[d];
  }
  return den > 0 ? num / den : 0;
}

/** A total from its base: bonuses added, lifted to the floor, then held under 100 and any gate cap. */
const finish = (s: ScoredTable, i: number, base: number): number =>
  Math.max(Math.min(Math.max(base + s.bonus[i], s.floor[i]), 100, s.cap[i]), 0);

/**
 * Candidate i's total if criterion k had the 0–1 value v (the others as scored): how much a figure
 * still unknown could move the score.
 */
export function totalIf(s: ScoredTable, i: number, k: number, v: number): number {
  const { compiled } = s;
  const d = compiled.criteria[k].dimension;
  const dims = s.dimensionScores.map((col, e) => (e === d ? null : col));
  let num = 0;
  let den = 0;
  for (const j of compiled.dimensions[d].criteria) {
    const c = compiled.criteria[j];
    let x = j === k ? v : s.criterionValues[j][i];
    if (x !== x) x = imputed(c.def.missing, s.criterionMeans[j]);
    if (x !== x) continue;
    num += c.share * x;
    den += c.share;
  }
  const column = Float64Array.of(den > 0 ? (100 * num) / den : NaN);
  const one = dims.map((col) => (col === null ? column : Float64Array.of(col[i])));
  return finish(s, i, weighted(one, s.dimensionWeights, 0));
}

/** Totals, intervals, ranks, grades and decisions from dimension scores and the current weights. */
function aggregate(s: ScoredTable): void {
  const { model } = s.compiled;
  const w = s.dimensionWeights;
  const rankable = new Float64Array(s.count);
  const merit = new Float64Array(s.count);
  for (let i = 0; i < s.count; i++) {
    s.base[i] = weighted(s.dimensionScores, w, i);
    s.total[i] = finish(s, i, s.base[i]);
    s.low[i] = finish(s, i, weighted(s.dimensionLow, w, i));
    s.high[i] = finish(s, i, weighted(s.dimensionHigh, w, i));
    s.completeness[i] = weighted(s.dimensionKnown, w, i);
    rankable[i] = s.excluded[i] ? NaN : s.total[i];
    merit[i] = s.base[i] + s.bonus[i];
  }
  // Equal totals made by a floor or a cap are ordered by the score before it.
  s.rank = breakTies(competitionRanks(rankable), merit);
  s.grade = assignGrades(model.grades, s.total, s.rank);
  s.decision = assignDecisions(model.grades, model.decisions, s.grade);
  adviseUnknownsAndStage(s);
}

/** The decisions advice can give, as indices into model.decisions: looked up once per model. */
interface Advice {
  needInfo: number;
  keep: Set<number>;
  byStage: number[];
}

const advice = new WeakMap<ScoringModel, Advice>();

function adviceOf(model: ScoringModel): Advice {
  let a = advice.get(model);
  if (a === undefined) {
    const index = (id: string) => model.decisions.findIndex((d) => d.id === id);
    const u = model.unknowns;
    a = {
      needInfo: u ? index(u.decision) : -1,
      keep: new Set((u?.keep ?? []).map(index)),
      byStage: (model.stages ?? []).map((st) => (st.decision ? index(st.decision) : -1)),
    };
    advice.set(model, a);
  }
  return a;
}

/**
 * Decisions beyond the grade. Before signing, a candidate whose unknowns leave its grade open (the
 * interval spans more bands than the model allows, or too little of the weight is backed by data)
 * needs information first, unless its decision is one the model keeps (strong known signals). From
 * signing on, the stage's own delivery advice replaces pursuit advice. Excluded candidates keep theirs.
 */
function adviseUnknownsAndStage(s: ScoredTable): void {
  const { model } = s.compiled;
  const { needInfo, keep, byStage } = adviceOf(model);
  const u = model.unknowns;
  const lowGrade = assignGrades(model.grades, s.low, s.rank);
  const highGrade = assignGrades(model.grades, s.high, s.rank);
  for (let i = 0; i < s.count; i++) {
    if (s.excluded[i]) continue;
    const st = s.stage[i];
    if (st >= 0 && byStage[st] >= 0) {
      s.decision[i] = byStage[st];
      continue;
    }
    if (u && needInfo >= 0 && !keep.has(s.decision[i])) {
      const open =
        model.grades.method === "absolute" && lowGrade[i] - highGrade[i] > u.maxGradeSpan;
      if (open || s.completeness[i] < u.minCompleteness) s.decision[i] = needInfo;
    }
  }
}

/**
 * Re-aggregates totals, ranks, grades and decisions under new dimension weights, from the stored
 * dimension scores (nothing is re-parsed or re-transformed): the task pane's live weight sliders.
 * Weights not given keep their current value; all are then normalised to sum to 1.
 */
export function reweight(
  scored: ScoredTable,
  dimensionWeights: Record<string, number>
): ScoredTable {
  const dims = scored.compiled.model.dimensions;
  const w = Float64Array.from(dims, (d, k) => {
    const given = dimensionWeights[d.id];
    const v = given === undefined ? scored.dimensionWeights[k] : given;
    return Number.isFinite(v) && v > 0 ? v : 0;
  });
  const sum = w.reduce((a, b) => a + b, 0);
  if (sum > 0) for (let k = 0; k < w.length; k++) w[k] /= sum;
  const out: ScoredTable = {
    ...scored,
    dimensionWeights: w,
    base: new Float64Array(scored.count),
    total: new Float64Array(scored.count),
    low: new Float64Array(scored.count),
    high: new Float64Array(scored.count),
    completeness: new Float64Array(scored.count),
    rank: new Int32Array(scored.count),
  };
  aggregate(out);
  return out;
}

/**
 * Totals only (bonuses, floors and caps as `reweight` applies them) under dimension weights given in
 * model order: for analyses that redraw the weights many times and need no grades or explanations.
 */
export function totalsAt(
  scored: ScoredTable,
  weights: Float64Array,
  out = new Float64Array(scored.count),
  merit?: Float64Array
): Float64Array {
  for (let i = 0; i < scored.count; i++) {
    const base = weighted(scored.dimensionScores, weights, i);
    out[i] = finish(scored, i, base);
    // The score before a floor or cap, which orders the candidates they tie (aggregate's merit).
    if (merit) merit[i] = base + scored.bonus[i];
  }
  return out;
}

/** Candidates given as rows (field id → cell) turned into a table. */
export function tableFromRows(
  rows: Record<string, CellValue>[],
  model: ScoringModel
): CandidateTable {
  const columns: Record<string, CellValue[]> = {};
  for (const f of model.fields)
    columns[f.id] = rows.map((r) =>
      Object.prototype.hasOwnProperty.call(r, f.id) ? r[f.id] : null
    );
  return { count: rows.length, columns };
}
