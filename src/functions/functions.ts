/**
 * ZS worksheet functions (namespace ZS). Each is a thin wrapper: coerce arguments (args.ts), call the
 * engine, format the result. The JSDoc is the en-US metadata (custom-functions-metadata-plugin);
 * functions.zh-cn.json is its hand-kept zh-CN twin, checked against it by a test.
 */
import { parseAmount } from "../engine/amount";
import { classifyChain, chainFit } from "../engine/chain";
import { convertAmount, fxRate, parseCurrency, parseUnit } from "../engine/fx";
import {
  ahp,
  criticWeights,
  entropyWeights,
  perturbWeights,
  toMatrix,
  topsis,
  toVector,
  topsisAggregator,
  toTypes,
  toWeights,
  vikor,
  vikorAggregator,
  weightedSum,
  weightedSumAggregator,
} from "../engine/mcda";
import type { Aggregator, CriterionType, DecisionMatrix, RandomIndexTable } from "../engine/mcda";
import { summary } from "../engine";
import type { ScoredTable } from "../engine";
import type { BoundChoice, ChainModel, CurrencyCode, Lang } from "../engine/types";
import { roundScore } from "../workbook/results";
import {
  cellValue,
  choice,
  clean,
  fail,
  finite,
  isBlank,
  notAvailable,
  optNumber,
  optText,
  plain,
  run,
  spillColumn,
  spillRow,
} from "./args";
import { scoreGrid, scoreRow } from "./candidates";
import { modelArg } from "./models";
import type { ModelEntry } from "./models";

// ---------------------------------------------------------------------------------------------
// Argument readers shared by several functions
// ---------------------------------------------------------------------------------------------

function currencyArg(v: unknown, arg: string, dflt: CurrencyCode): CurrencyCode {
  const t = optText(v, arg);
  if (t === null) return dflt;
  return (
    parseCurrency(t) ??
    fail(
      arg,
      `无法识别币种“${t}”（可用 CNY、USD、EUR、JPY、HKD、GBP 或中文名）`,
      `unknown currency "${t}" (use CNY, USD, EUR, JPY, HKD, GBP or a Chinese name)`
    )
  );
}

function unitArg(v: unknown, arg: string): number {
  if (typeof v === "number")
    return v > 0 && Number.isFinite(v)
      ? v
      : fail(arg, "单位倍数应为正数", "a unit multiplier must be positive");
  const t = optText(v, arg);
  if (t === null) return 1e4;
  return (
    parseUnit(t) ??
    fail(
      arg,
      `无法识别单位“${t}”（可用 元、万、亿、百万…）`,
      `unknown unit "${t}" (use 元, 万, 亿, 百万 …)`
    )
  );
}

const BOUNDS: Record<string, BoundChoice> = {
  mid: "mid",
  low: "low",
  high: "high",
  中: "mid",
  中值: "mid",
  低: "low",
  下限: "low",
  高: "high",
  上限: "high",
};

/** A decision matrix: alternatives in rows, criteria in columns; every cell a number. */
function matrixArg(arg0: unknown, arg = "matrix", allowBlank = false): DecisionMatrix {
  const v = plain(arg0);
  return toMatrix(Array.isArray(v) ? (v as unknown[][]) : [[v]], { argument: arg, allowBlank });
}

function chainModel(model: unknown): ChainModel {
  const m = modelArg(model).model;
  return m.chain ?? notAvailable("model", "模型没有产业链设置", "the model defines no chains");
}

// ---------------------------------------------------------------------------------------------
// Amounts and exchange rates
// ---------------------------------------------------------------------------------------------

/**
 * The amount a cell writes (1500万美元, 约1.5亿元, 1-2亿, USD 15m …) in one currency and unit.
 * @customfunction AMOUNT
 * @param text Amount as written, or a number already in the result currency and unit.
 * @param [currency] Currency of the result: CNY (default), USD, EUR, JPY, HKD, GBP or a Chinese name.
 * @param [unit] Unit of the result: 元, 万 (default), 亿, 百万 or a multiplier.
 * @param [bound] For a range or a one-sided bound: mid (default), low or high.
 * @param [model] Scoring-model range whose exchange rates apply; default the bundled model.
 * @returns The amount as a number in `currency` and `unit`.
 */
export function amount(text: any, currency?: any, unit?: any, bound?: any, model?: any): number {
  return run(() => {
    const cur = currencyArg(currency, "currency", "CNY");
    const mult = unitArg(unit, "unit");
    const b = choice(bound, "bound", BOUNDS, "mid");
    const fx = modelArg(model).model.fx;
    const cells = toVector(plain(text), "text");
    if (cells.length !== 1) fail("text", "应为单个单元格", "a single cell is required");
    const cell = cellValue(cells[0]);
    if (typeof cell === "number") return cell;
    if (isBlank(cell)) return notAvailable("text", "没有金额", "no amount");
    const r = parseAmount(cell, { context: { multiplier: mult, currency: cur }, bound: b });
    if (!r.ok) {
      if (r.code === "missing")
        return notAvailable("text", `没有金额（${r.message.zh}）`, `no amount (${r.message.en})`);
      return fail("text", r.message.zh, r.message.en);
    }
    const rate = fxRate(r.currency, cur, fx);
    if (rate === null)
      return notAvailable(
        "currency",
        `模型没有 ${r.currency}→${cur} 的汇率`,
        `the model has no ${r.currency} → ${cur} rate`
      );
    return clean(convertAmount(r.value, r.currency, cur, fx) / mult);
  });
}

/**
 * Exchange rate the model uses: units of the second currency per one unit of the first.
 * @customfunction FX
 * @param from Currency converted from: ISO code or Chinese name (USD, 美元).
 * @param [to] Currency converted to; default CNY.
 * @param [model] Scoring-model range whose rates apply; default the bundled model.
 * @returns The exchange rate.
 */
export function fx(from: any, to?: any, model?: any): number {
  return run(() => {
    if (isBlank(from)) return notAvailable("from", "缺少币种", "no currency");
    const a = currencyArg(from, "from", "CNY");
    const b = currencyArg(to, "to", "CNY");
    const rate = fxRate(a, b, modelArg(model).model.fx);
    return rate === null
      ? notAvailable("from", `模型没有 ${a}→${b} 的汇率`, `the model has no ${a} → ${b} rate`)
      : clean(rate);
  });
}

// ---------------------------------------------------------------------------------------------
// Scores of candidates under the scoring model
// ---------------------------------------------------------------------------------------------

const LANGS: Record<string, Lang> = {
  zh: "zh",
  "zh-cn": "zh",
  中文: "zh",
  en: "en",
  "en-us": "en",
  english: "en",
};

/**
 * Score of one candidate, 0–100, under the scoring model.
 * @customfunction SCORE
 * @param row The candidate's cells (one row of the candidate list).
 * @param headers The header cells of the list, matched to the model's fields (总投资, 年税收 …).
 * @param [model] Scoring-model range (the 评分模型 sheet); default the bundled model.
 * @returns The score from 0 to 100.
 */
export function score(row: any[][], headers: any[][], model?: any): number {
  return run(() => {
    const { scored } = scoreRow(row, headers, model);
    return roundScore(finite(scored.total[0], "score"));
  });
}

/** The grade of a row scored alone: percentile grades need the whole list. */
function gradeOf(entry: ModelEntry, scored: ScoredTable): string {
  if (entry.model.grades.method === "percentile") {
    notAvailable(
      "model",
      "按名次百分比分级需要整张表，请用 ZS.SCORES",
      "percentile grades need the whole list: use ZS.SCORES"
    );
  }
  const k = scored.grade[0];
  if (k < 0) notAvailable("row", "未通过门槛，不分级", "failed a gate: not graded");
  return entry.model.grades.bands[k].grade;
}

/**
 * Grade of one candidate (A, B, C, D …) under the scoring model.
 * @customfunction GRADE
 * @param row The candidate's cells (one row of the candidate list).
 * @param headers The header cells of the list, matched to the model's fields.
 * @param [model] Scoring-model range (the 评分模型 sheet); default the bundled model.
 * @returns The grade; #N/A when a gate excludes the candidate.
 */
export function grade(row: any[][], headers: any[][], model?: any): string {
  return run(() => {
    const { entry, scored } = scoreRow(row, headers, model);
    return gradeOf(entry, scored);
  });
}

/**
 * Recommended decision for one candidate (优先推进, 积极跟进 …) under the scoring model.
 * @customfunction DECISION
 * @param row The candidate's cells (one row of the candidate list).
 * @param headers The header cells of the list, matched to the model's fields.
 * @param [model] Scoring-model range (the 评分模型 sheet); default the bundled model.
 * @param [lang] Language of the text: zh (default) or en.
 * @returns The decision's label.
 */
export function decision(row: any[][], headers: any[][], model?: any, lang?: any): string {
  return run(() => {
    const { entry, scored } = scoreRow(row, headers, model);
    const language = choice(lang, "lang", LANGS, "zh");
    if (entry.model.grades.method === "percentile") gradeOf(entry, scored);
    const k = scored.decision[0];
    if (k < 0) return notAvailable("model", "模型没有决策规则", "the model has no decision rules");
    return entry.model.decisions[k].label[language];
  });
}

/**
 * The main reasons for one candidate's score, in one line.
 * @customfunction EXPLAIN
 * @param row The candidate's cells (one row of the candidate list).
 * @param headers The header cells of the list, matched to the model's fields.
 * @param [model] Scoring-model range (the 评分模型 sheet); default the bundled model.
 * @param [lang] Language of the text: zh (default) or en.
 * @returns One line of text.
 */
export function explainFn(row: any[][], headers: any[][], model?: any, lang?: any): string {
  return run(() => {
    const { scored } = scoreRow(row, headers, model);
    return summary(scored, 0, choice(lang, "lang", LANGS, "zh"));
  });
}

/**
 * Scores a whole candidate list: score, grade, rank and each dimension's score per candidate.
 * @customfunction SCORES
 * @param table The candidate list with its header row first.
 * @param [model] Scoring-model range (the 评分模型 sheet); default the bundled model.
 * @param [lang] Language of the header row: zh (default) or en.
 * @returns A header row, then one row per candidate (blank rows stay blank).
 */
export function scores(table: any[][], model?: any, lang?: any): any[][] {
  return run(() => {
    const { entry, scored, rowOf } = scoreGrid(table, model);
    const language = choice(lang, "lang", LANGS, "zh");
    const { dimensions, grades } = entry.model;
    const header = [
      language === "zh" ? "得分" : "Score",
      language === "zh" ? "等级" : "Grade",
      language === "zh" ? "排名" : "Rank",
      ...dimensions.map((d) => d.label[language]),
    ];
    const blank = header.map(() => "");
    const rows = rowOf.map((i) => {
      if (i === null) return blank;
      const g = scored.grade[i];
      return [
        roundScore(finite(scored.total[i], "score")),
        g >= 0 ? grades.bands[g].grade : "",
        scored.rank[i] > 0 ? scored.rank[i] : "",
        ...dimensions.map((_, k) =>
          Number.isFinite(scored.dimensionScores[k][i])
            ? roundScore(scored.dimensionScores[k][i])
            : ""
        ),
      ];
    });
    return [header, ...rows];
  });
}

/**
 * Version of the scoring model in use.
 * @customfunction VERSION
 * @param [model] Scoring-model range; default the bundled model.
 * @returns The model's id and edition, e.g. pinghu-2023 2023.1.
 */
export function version(model?: any): string {
  return run(() => {
    const m = modelArg(model).model;
    return `${m.id} ${m.version}`;
  });
}

// ---------------------------------------------------------------------------------------------
// Industrial chains
// ---------------------------------------------------------------------------------------------

/**
 * The priority industrial chain (产业链) a description belongs to.
 * @customfunction CHAIN
 * @param text Project description, products or industry (a cell or a range of cells).
 * @param [model] Scoring-model range whose chain dictionary applies; default the bundled model.
 * @returns The chain's Chinese name; #N/A when the text fits no chain.
 */
export function chain(text: any, model?: any): string {
  return run(() => {
    const cm = chainModel(model);
    const texts = textsArg(text);
    const c = classifyChain(texts, cm);
    if (c.chain === null)
      return notAvailable("text", "不属于任何重点产业链", "fits no priority chain");
    const def = cm.chains.find((x) => x.id === c.chain);
    return def ? def.name.zh : c.chain;
  });
}

/**
 * How well a description fits the priority chains, 0–1: the role's score × certainty × synergy.
 * @customfunction CHAINFIT
 * @param text Project description, products or industry (a cell or a range of cells).
 * @param [role] Role in the chain: 链主 (chain leader), 关键环节 (key link), 配套 (supplier); default the model's.
 * @param [model] Scoring-model range whose chain dictionary applies; default the bundled model.
 * @returns Chain fit from 0 to 1.
 */
export function chainfit(text: any, role?: any, model?: any): number {
  return run(() => {
    const cm = chainModel(model);
    return chainFit({ explicitChain: null, texts: textsArg(text), role: optText(role, "role") }, cm)
      .value;
  });
}

function textsArg(arg0: unknown): string[] {
  const v = plain(arg0);
  const cells = Array.isArray(v) ? (v as unknown[][]).flat() : [v];
  const texts = cells.filter((c) => !isBlank(c)).map((c) => String(c));
  if (texts.length === 0) notAvailable("text", "为空", "is blank");
  return texts;
}

// ---------------------------------------------------------------------------------------------
// Decision-analysis methods
// ---------------------------------------------------------------------------------------------

/** Matrix, weights and types read together, so weights and types are checked against the criteria. */
function decisionInputs(
  matrix: unknown,
  weights: unknown,
  types: unknown
): { m: DecisionMatrix; w: Float64Array; t: CriterionType[] } {
  const m = matrixArg(matrix);
  return { m, w: toWeights(weights, m.cols), t: toTypes(types, m.cols) };
}

const NORMALIZATIONS: Record<string, "vector" | "minmax"> = {
  vector: "vector",
  minmax: "minmax",
  向量: "vector",
  极差: "minmax",
};

/**
 * TOPSIS closeness to the ideal solution (Hwang & Yoon): higher is better.
 * @customfunction TOPSIS
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers only.
 * @param weights Criterion weights, a row or a column (scaled to sum to 1).
 * @param types Per criterion: + or max or 1 (more is better), - or min or -1 (less is better).
 * @param [normalization] vector (default) or minmax.
 * @returns A column of closeness coefficients, one per alternative.
 */
export function topsisFn(
  matrix: any[][],
  weights: any[][],
  types: any[][],
  normalization?: any
): number[][] {
  return run(() => {
    const { m, w, t } = decisionInputs(matrix, weights, types);
    const normalizationChoice = choice(normalization, "normalization", NORMALIZATIONS, "vector");
    return spillColumn(topsis(m, w, t, { normalization: normalizationChoice }).closeness, "TOPSIS");
  });
}

/**
 * VIKOR compromise ranking (Opricovic & Tzeng): S, R and Q per alternative, lower is better.
 * @customfunction VIKOR
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers only.
 * @param weights Criterion weights, a row or a column (scaled to sum to 1).
 * @param types Per criterion: + or max or 1 (more is better), - or min or -1 (less is better).
 * @param [v] Weight of group utility S against individual regret R, 0–1; default 0.5.
 * @returns One row per alternative: S, R, Q.
 */
export function vikorFn(matrix: any[][], weights: any[][], types: any[][], v?: any): number[][] {
  return run(() => {
    const { m, w, t } = decisionInputs(matrix, weights, types);
    const r = vikor(m, w, t, { v: optNumber(v, "v", 0.5, { min: 0, max: 1 }) });
    return Array.from(r.S, (s, i) => spillRow([s, r.R[i], r.Q[i]], "VIKOR")[0]);
  });
}

const WSUM_NORMALIZATIONS: Record<string, "minmax" | "none"> = {
  minmax: "minmax",
  none: "none",
  极差: "minmax",
  无: "none",
};

/**
 * Weighted-sum scores, higher is better: over min–max normalised criteria (0–1) by default.
 * @customfunction WSUM
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers only.
 * @param weights Criterion weights, a row or a column (scaled to sum to 1).
 * @param types Per criterion: + or max or 1 (more is better), - or min or -1 (less is better).
 * @param [normalization] "minmax" (default) or "none" for values already on one scale (benefit criteria only).
 * @returns A column of scores, one per alternative.
 */
export function wsum(
  matrix: any[][],
  weights: any[][],
  types: any[][],
  normalization?: any
): number[][] {
  return run(() => {
    const { m, w, t } = decisionInputs(matrix, weights, types);
    const how = choice(normalization, "normalization", WSUM_NORMALIZATIONS, "minmax");
    return spillColumn(weightedSum(m, w, t, { normalization: how }), "WSUM");
  });
}

const RANDOM_INDEX_TABLES: Record<string, RandomIndexTable> = { saaty: "saaty", alonso: "alonso" };

/**
 * AHP weights: the principal eigenvector of a pairwise comparison matrix (Saaty).
 * @customfunction AHP
 * @param pairwise Square matrix of judgments a(i,j) = how much criterion i matters more than j (1–9); blanks below the diagonal take reciprocals.
 * @returns A column of weights summing to 1.
 */
export function ahpFn(pairwise: any[][]): number[][] {
  return run(() => spillColumn(ahp(matrixArg(pairwise, "pairwise", true)).weights, "AHP"));
}

/**
 * AHP consistency ratio CR = CI / RI; above 0.1 the judgments should be revised.
 * @customfunction AHPCR
 * @param pairwise Square matrix of judgments a(i,j) = how much criterion i matters more than j (1–9).
 * @param [ri] Random-index table: saaty (default) or alonso.
 * @returns The consistency ratio.
 */
export function ahpcr(pairwise: any[][], ri?: any): number {
  return run(() => {
    const table = choice(ri, "ri", RANDOM_INDEX_TABLES, "saaty");
    return clean(ahp(matrixArg(pairwise, "pairwise", true), { randomIndex: table }).cr);
  });
}

/**
 * Entropy weights of the criteria: more spread across alternatives, more weight.
 * @customfunction ENTROPY
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers ≥ 0.
 * @returns A row of weights summing to 1.
 */
export function entropy(matrix: any[][]): number[][] {
  return run(() => spillRow(entropyWeights(matrixArg(matrix)), "ENTROPY"));
}

/**
 * CRITIC weights (Diakoulaki et al.): contrast and conflict between criteria.
 * @customfunction CRITIC
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers only.
 * @param [types] Per criterion: + or max (more is better), - or min (less is better); default all +.
 * @returns A row of weights summing to 1.
 */
export function critic(matrix: any[][], types?: any): number[][] {
  return run(() => {
    const m = matrixArg(matrix);
    const t = isBlank(types) ? undefined : toTypes(types, m.cols);
    return spillRow(criticWeights(m, t), "CRITIC");
  });
}

const METHODS: Record<string, (t: CriterionType[]) => Aggregator> = {
  topsis: (t) => topsisAggregator(t),
  vikor: (t) => vikorAggregator(t),
  wsum: (t) => weightedSumAggregator(t),
};

/**
 * Ranking stability: each alternative's probability of ranking first when the weights vary at random.
 * @customfunction STABILITY
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers only.
 * @param weights Criterion weights, a row or a column.
 * @param types Per criterion: + or max or 1 (more is better), - or min or -1 (less is better).
 * @param [method] topsis (default), vikor or wsum.
 * @param [runs] Number of random weight draws, 1–100000; default 1000.
 * @param [spread] Relative variation of each weight, 0–1 (0.1 = ±10 %); default 0.1.
 * @param [seed] Seed of the random draws (same seed, same result); default 1.
 * @returns A column of probabilities of ranking first.
 */
export function stability(
  matrix: any[][],
  weights: any[][],
  types: any[][],
  method?: any,
  runs?: any,
  spread?: any,
  seed?: any
): number[][] {
  return run(() => {
    const { m, w, t } = decisionInputs(matrix, weights, types);
    const make = choice(method, "method", METHODS, METHODS.topsis);
    const result = perturbWeights(m, w, {
      aggregator: make(t),
      runs: optNumber(runs, "runs", 1000, { min: 1, max: 100000, integer: true }),
      spread: optNumber(spread, "spread", 0.1, { min: 0, max: 1 }),
      seed: optNumber(seed, "seed", 1, { integer: true }),
    });
    return spillColumn(result.pFirst, "STABILITY");
  });
}
