/**
 * ZS worksheet functions (namespace ZS). Each is a thin wrapper: coerce arguments (args.ts), call the
 * engine, format the result. The JSDoc is the en-US metadata (custom-functions-metadata-plugin);
 * functions.zh-cn.json is its hand-kept zh-CN twin, checked against it by a test.
 */
import { parseAmount } from "../engine/amount";
import { classifyChain, chainFit } from "../engine/chain";
import { convertAmount, fxRate, parseCurrency, parseUnit } from "../engine/fx";
import {
  AHP_GROUP_METHODS,
  AHP_METHODS,
  CORRELATIONS,
  CRITIC_CORRELATIONS,
  DISTANCES,
  NORMALIZATIONS,
  PREFERENCE_FUNCTIONS,
  RANDOM_INDEX_TABLES,
  SPREAD_MEASURES,
  ahp,
  ahpGroup,
  aras,
  bwmWeights,
  cocoso,
  codas,
  copras,
  criticWeights,
  edas,
  entropyWeights,
  kendallW,
  mabac,
  marcos,
  merecWeights,
  moora,
  multimoora,
  perturbWeights,
  promethee,
  rankCorrelation,
  ranksEq,
  splitStacked,
  spotis,
  spreadWeights,
  synthesize,
  toMatrix,
  topsis,
  toVector,
  topsisAggregator,
  toTypes,
  toWeights,
  vikor,
  vikorAggregator,
  waspas,
  weightedProduct,
  weightedSum,
  weightedSumAggregator,
} from "../engine/mcda";
import type {
  AhpResult,
  Aggregator,
  CriterionType,
  DecisionMatrix,
  MatrixStats,
  RankOrder,
} from "../engine/mcda";
import { summary } from "../engine";
import { fromEntries } from "../engine/es2017";
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
  matrixStorage,
  notAvailable,
  optNumber,
  optText,
  plain,
  plainCell,
  rangeCells,
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
      `无法识别币种“${t}”（可用 CNY、USD、EUR 等 ISO 代码或中文名）`,
      `unknown currency "${t}" (use an ISO code such as CNY, USD, EUR, or a Chinese name)`
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

/**
 * A decision matrix: alternatives in rows, criteria in columns; every cell a number. The one reading of
 * every MCDA matrix argument: the range is read in one pass (data-type cells mapped only where a cell is
 * not a number), so a range of numbers costs one typed-array write per cell.
 */
function matrixArg(
  arg0: unknown,
  arg = "matrix",
  allowBlank = false,
  stats: MatrixStats = "all"
): DecisionMatrix {
  const v = Array.isArray(arg0) ? (arg0 as unknown[][]) : [[arg0]];
  return toMatrix(v, { argument: arg, allowBlank, cell: plainCell, into: matrixStorage, stats });
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
  const cells = rangeCells(v);
  const texts = cells.filter((c) => !isBlank(c)).map((c) => String(c));
  if (texts.length === 0) notAvailable("text", "为空", "is blank");
  return texts;
}

// ---------------------------------------------------------------------------------------------
// Decision-analysis methods
// ---------------------------------------------------------------------------------------------

/**
 * Matrix, weights and types read together, so weights and types are checked against the criteria.
 * Weights are scaled to sum to 1 unless `rescale` is FALSE. `stats`: the column statistics the method
 * needs (see `toMatrix`): "range" where its default normalisation needs only each column's range (an
 * option that needs sums then takes them from the data).
 */
function decisionInputs(
  matrix: unknown,
  weights: unknown,
  types: unknown,
  rescale?: unknown,
  stats: MatrixStats = "all"
): { m: DecisionMatrix; w: Float64Array; t: CriterionType[] } {
  const m = matrixArg(matrix, "matrix", false, stats);
  const keep = !optBool(rescale, "rescale", true);
  const w = toWeights(weights, m.cols, "weights", !keep);
  return { m, w, t: toTypes(types, m.cols) };
}

/** Every word of an `as const` list as itself, plus Chinese (or other) aliases. */
function vocabulary<T extends string>(
  words: readonly T[],
  aliases: Record<string, T> = {}
): Record<string, T> {
  return { ...fromEntries(words.map((w) => [w, w] as const)), ...aliases } as Record<string, T>;
}

const NORMALIZATION_WORDS = vocabulary(NORMALIZATIONS, {
  无: "none",
  求和: "sum",
  最大值: "max",
  线性: "linear",
  向量: "vector",
  极差: "minmax",
});
const DISTANCE_WORDS = vocabulary(DISTANCES, {
  cityblock: "manhattan",
  欧氏: "euclidean",
  曼哈顿: "manhattan",
  切比雪夫: "chebyshev",
});
const RANDOM_INDEX_WORDS = vocabulary(RANDOM_INDEX_TABLES);
const AHP_METHOD_WORDS = vocabulary(AHP_METHODS, {
  特征向量: "eigen",
  几何平均: "geometric",
  列平均: "colmean",
});

/** An optional TRUE/FALSE (1/0 too); blank gives `dflt`. */
function optBool(v: unknown, arg: string, dflt: boolean): boolean {
  const x = Array.isArray(v) ? (v as unknown[][])[0]?.[0] : v;
  if (isBlank(x)) return dflt;
  if (typeof x === "boolean") return x;
  if (x === 1 || x === 0) return x === 1;
  return choice(x, arg, { true: true, false: false, 是: true, 否: false }, dflt);
}

/**
 * TOPSIS closeness to the ideal solution (Hwang & Yoon): higher is better.
 * @customfunction TOPSIS
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers only.
 * @param weights Criterion weights, a row or a column (scaled to sum to 1).
 * @param types Per criterion: + or max or 1 (more is better), - or min or -1 (less is better).
 * @param [normalization] vector (default), minmax, max, sum, linear or none.
 * @param [distance] euclidean (default), manhattan or chebyshev.
 * @returns A column of closeness coefficients, one per alternative.
 */
export function topsisFn(
  matrix: any[][],
  weights: any[][],
  types: any[][],
  normalization?: any,
  distance?: any
): number[][] {
  return run(() => {
    const { m, w, t } = decisionInputs(matrix, weights, types);
    const r = topsis(m, w, t, {
      normalization: choice(normalization, "normalization", NORMALIZATION_WORDS, "vector"),
      distance: choice(distance, "distance", DISTANCE_WORDS, "euclidean"),
    });
    return spillColumn(r.closeness, "TOPSIS");
  });
}

/**
 * VIKOR compromise ranking (Opricovic & Tzeng): S, R and Q per alternative, lower is better.
 * @customfunction VIKOR
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers only.
 * @param weights Criterion weights, a row or a column (scaled to sum to 1).
 * @param types Per criterion: + or max or 1 (more is better), - or min or -1 (less is better).
 * @param [v] Weight of group utility S against individual regret R, 0–1; default 0.5.
 * @param [compromise] TRUE adds three columns: in the compromise set (TRUE/FALSE), C1 acceptable advantage, C2 acceptable stability.
 * @returns One row per alternative: S, R, Q (and with compromise: in set, C1, C2).
 */
export function vikorFn(
  matrix: any[][],
  weights: any[][],
  types: any[][],
  v?: any,
  compromise?: any
): any[][] {
  return run(() => {
    // VIKOR needs each column's range only, not its sums.
    const { m, w, t } = decisionInputs(matrix, weights, types, undefined, "range");
    const r = vikor(m, w, t, { v: optNumber(v, "v", 0.5, { min: 0, max: 1 }) });
    const { S, R, Q } = r;
    let inSet: Uint8Array | null = null;
    if (optBool(compromise, "compromise", false)) {
      inSet = new Uint8Array(m.rows);
      for (const i of r.compromise) inSet[i] = 1;
    }
    // Each row built once in Excel's shape: no closure, set lookup or copy per row.
    const out = new Array<(number | boolean)[]>(m.rows);
    for (let i = 0; i < m.rows; i++) {
      const row: (number | boolean)[] = [
        clean(finite(S[i], "VIKOR"), 0),
        clean(finite(R[i], "VIKOR"), 1),
        clean(finite(Q[i], "VIKOR"), 2),
      ];
      if (inSet !== null) row.push(inSet[i] === 1, r.advantage, r.stability);
      out[i] = row;
    }
    return out;
  });
}

/**
 * Weighted-sum scores, higher is better: over min–max normalised criteria (0–1) by default.
 * @customfunction WSUM
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers only.
 * @param weights Criterion weights, a row or a column.
 * @param types Per criterion: + or max or 1 (more is better), - or min or -1 (less is better).
 * @param [normalization] minmax (default), sum, max, linear, vector, or none for values already on one scale (benefit criteria only).
 * @param [rescale] TRUE (default): weights scaled to sum to 1; FALSE: used as given.
 * @returns A column of scores, one per alternative.
 */
export function wsum(
  matrix: any[][],
  weights: any[][],
  types: any[][],
  normalization?: any,
  rescale?: any
): number[][] {
  return run(() => {
    const { m, w, t } = decisionInputs(matrix, weights, types, rescale, "range");
    const how = choice(normalization, "normalization", NORMALIZATION_WORDS, "minmax");
    return spillColumn(weightedSum(m, w, t, { normalization: how, rescaleWeights: false }), "WSUM");
  });
}

/**
 * AHP weights from a pairwise comparison matrix (Saaty).
 * @customfunction AHP
 * @param pairwise Square matrix of judgments a(i,j) = how much criterion i matters more than j (1–9); blanks below the diagonal take reciprocals; of a rounded pair (0.33 against 3) the exact side is kept.
 * @param [method] eigen (default, principal eigenvector), geometric (row geometric mean) or colmean (normalised column mean).
 * @returns A column of weights summing to 1.
 */
export function ahpFn(pairwise: any[][], method?: any): number[][] {
  return run(() => {
    const how = choice(method, "method", AHP_METHOD_WORDS, "eigen");
    return spillColumn(ahp(matrixArg(pairwise, "pairwise", true), { method: how }).weights, "AHP");
  });
}

/** CR, or #N/A saying why there is none (Saaty's table above 15 criteria). */
function crOf(r: AhpResult): number {
  if (Number.isNaN(r.cr) && r.warning) notAvailable("ri", r.warning.zh, r.warning.en);
  return clean(r.cr);
}

/**
 * AHP consistency ratio CR = CI / RI; above 0.1 the judgments should be revised.
 * @customfunction AHPCR
 * @param pairwise Square matrix of judgments a(i,j) = how much criterion i matters more than j (1–9).
 * @param [ri] Random-index table: saaty (default, up to 15 criteria) or alonso (any number).
 * @param [method] eigen (default), geometric or colmean: how weights and λmax are found.
 * @returns The consistency ratio.
 */
export function ahpcr(pairwise: any[][], ri?: any, method?: any): number {
  return run(() => {
    const table = choice(ri, "ri", RANDOM_INDEX_WORDS, "saaty");
    const how = choice(method, "method", AHP_METHOD_WORDS, "eigen");
    return crOf(ahp(matrixArg(pairwise, "pairwise", true), { randomIndex: table, method: how }));
  });
}

const ENTROPY_NORMALIZATIONS: Record<string, "sum" | "minmax"> = {
  sum: "sum",
  minmax: "minmax",
  求和: "sum",
  极差: "minmax",
};

/**
 * Entropy weights of the criteria: more spread across alternatives, more weight.
 * @customfunction ENTROPY
 * @param matrix Decision matrix: alternatives in rows, criteria in columns (numbers ≥ 0 unless normalization is minmax).
 * @param [normalization] sum (default, values as they are) or minmax (rescaled towards the best first: negative values and cost criteria).
 * @param [types] Per criterion + or max (more is better), - or min (less is better), for minmax (the default once types are given); default all +.
 * @returns A row of weights summing to 1.
 */
export function entropy(matrix: any[][], normalization?: any, types?: any): number[][] {
  return run(() => {
    // Entropy takes its column statistics in its own pass, with the logs.
    const m = matrixArg(matrix, "matrix", false, "none");
    const t = isBlank(types) ? undefined : toTypes(types, m.cols);
    // Types only mean something once columns are rescaled towards their best.
    const how = choice(
      normalization,
      "normalization",
      ENTROPY_NORMALIZATIONS,
      t ? "minmax" : "sum"
    );
    if (t && how === "sum")
      fail(
        "types",
        "求和归一化不区分指标方向，请用 minmax",
        "sum normalisation ignores types: use minmax"
      );
    return spillRow(entropyWeights(m, { normalization: how, types: t }), "ENTROPY");
  });
}

const CRITIC_CORRELATION_WORDS = vocabulary(CRITIC_CORRELATIONS, {
  皮尔逊: "pearson",
  斯皮尔曼: "spearman",
  肯德尔: "kendall",
});
const CRITIC_NORMALIZATIONS: Record<string, "minmax" | "none"> = {
  minmax: "minmax",
  none: "none",
  极差: "minmax",
  无: "none",
};

/**
 * CRITIC weights (Diakoulaki et al.): contrast and conflict between criteria.
 * @customfunction CRITIC
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers only.
 * @param [types] Per criterion: + or max (more is better), - or min (less is better); default all +.
 * @param [correlation] pearson (default), spearman or kendall.
 * @param [normalization] minmax (default) or none (values as they are).
 * @returns A row of weights summing to 1.
 */
export function critic(
  matrix: any[][],
  types?: any,
  correlation?: any,
  normalization?: any
): number[][] {
  return run(() => {
    const m = matrixArg(matrix);
    const t = isBlank(types) ? undefined : toTypes(types, m.cols);
    return spillRow(
      criticWeights(m, t, {
        correlation: choice(correlation, "correlation", CRITIC_CORRELATION_WORDS, "pearson"),
        normalization: choice(normalization, "normalization", CRITIC_NORMALIZATIONS, "minmax"),
      }),
      "CRITIC"
    );
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

// ---------------------------------------------------------------------------------------------
// Further ranking methods (pymcdm / scikit-criteria), weights, rankings and group judgments
// ---------------------------------------------------------------------------------------------

/**
 * Weighted-product scores, higher is better: Π r^w over ratios to the best value by default.
 * @customfunction WPM
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers > 0.
 * @param weights Criterion weights, a row or a column.
 * @param types Per criterion: + or max or 1 (more is better), - or min or -1 (less is better).
 * @param [normalization] linear (default: x/max, min/x), sum, max, vector, minmax or none.
 * @param [rescale] TRUE (default): weights scaled to sum to 1; FALSE: used as given.
 * @returns A column of scores, one per alternative.
 */
export function wpm(
  matrix: any[][],
  weights: any[][],
  types: any[][],
  normalization?: any,
  rescale?: any
): number[][] {
  return run(() => {
    const { m, w, t } = decisionInputs(matrix, weights, types, rescale, "range");
    const how = choice(normalization, "normalization", NORMALIZATION_WORDS, "linear");
    return spillColumn(
      weightedProduct(m, w, t, { normalization: how, rescaleWeights: false }),
      "WPM"
    );
  });
}

/**
 * WASPAS scores (Zavadskas et al.): λ × weighted sum + (1 − λ) × weighted product; higher is better.
 * @customfunction WASPAS
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers > 0.
 * @param weights Criterion weights, a row or a column.
 * @param types Per criterion: + or max or 1 (more is better), - or min or -1 (less is better).
 * @param [lambda] Share of the weighted sum, 0–1; default 0.5.
 * @param [normalization] linear (default: x/max, min/x), sum, max, vector or minmax.
 * @param [rescale] TRUE (default): weights scaled to sum to 1; FALSE: used as given.
 * @returns A column of scores, one per alternative.
 */
export function waspasFn(
  matrix: any[][],
  weights: any[][],
  types: any[][],
  lambda?: any,
  normalization?: any,
  rescale?: any
): number[][] {
  return run(() => {
    const { m, w, t } = decisionInputs(matrix, weights, types, rescale, "range");
    return spillColumn(
      waspas(m, w, t, {
        lambda: optNumber(lambda, "lambda", 0.5, { min: 0, max: 1 }),
        normalization: choice(normalization, "normalization", NORMALIZATION_WORDS, "linear"),
        rescaleWeights: false,
      }),
      "WASPAS"
    );
  });
}

const PREFERENCE_WORDS = vocabulary(PREFERENCE_FUNCTIONS, {
  "u-shape": "ushape",
  "v-shape": "vshape",
  通常: "usual",
  u型: "ushape",
  v型: "vshape",
  阶梯: "level",
  线性: "linear",
  高斯: "gaussian",
});

/**
 * An optional row or column of numbers, one per criterion or one value for all; blank or omitted gives
 * undefined. With `allowBlank` a blank cell is NaN (a threshold the criterion's function does not use).
 */
function perCriterionArg(
  v: unknown,
  arg: string,
  cols: number,
  allowBlank = false
): Float64Array | undefined {
  if (rangeCells(v).every(isBlank)) return undefined;
  const xs = numbersArg(v, arg, allowBlank);
  return Float64Array.from(xs.length === 1 ? new Array<number>(cols).fill(xs[0]) : xs);
}

/**
 * PROMETHEE II net outranking flow (Brans & Vincke): from −1 to 1, higher is better.
 * @customfunction PROMETHEE
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers only.
 * @param weights Criterion weights, a row or a column (scaled to sum to 1).
 * @param types Per criterion: + or max or 1 (more is better), - or min or -1 (less is better).
 * @param [preference] Preference function, one for all or one per criterion: usual (default), ushape, vshape, level, linear or gaussian.
 * @param [q] Indifference threshold(s), one for all or one per criterion (ushape, level, linear).
 * @param [p] Preference threshold(s) (vshape, level, linear).
 * @param [s] Gaussian parameter(s) (gaussian).
 * @returns A column of net flows, one per alternative.
 */
export function prometheeFn(
  matrix: any[][],
  weights: any[][],
  types: any[][],
  preference?: any,
  q?: any,
  p?: any,
  s?: any
): number[][] {
  return run(() => {
    const { m, w, t } = decisionInputs(matrix, weights, types);
    const words = isBlank(preference)
      ? ["usual" as const]
      : toVector(preference, "preference").map((x) =>
          choice(x, "preference", PREFERENCE_WORDS, "usual")
        );
    if (words.length !== 1 && words.length !== m.cols) {
      fail(
        "preference",
        `应为 1 项或每个指标 1 项（${m.cols}），实为 ${words.length}`,
        `one function or one per criterion (${m.cols}), got ${words.length}`
      );
    }
    const r = promethee(m, w, t, {
      preference: words.length === 1 ? words[0] : words,
      q: perCriterionArg(q, "q", m.cols, true),
      p: perCriterionArg(p, "p", m.cols, true),
      s: perCriterionArg(s, "s", m.cols, true),
    });
    return spillColumn(r.net, "PROMETHEE");
  });
}

/** A method (matrix, weights, types) → scores as a worksheet function body. */
function scoresOf(
  matrix: unknown,
  weights: unknown,
  types: unknown,
  what: string,
  method: (m: DecisionMatrix, w: Float64Array, t: CriterionType[]) => Float64Array,
  stats: MatrixStats = "all"
): number[][] {
  return run(() => {
    const { m, w, t } = decisionInputs(matrix, weights, types, undefined, stats);
    return spillColumn(method(m, w, t), what);
  });
}

/**
 * EDAS appraisal scores (Keshavarz Ghorabaee et al.): distance from the average solution, 0–1, higher is better.
 * @customfunction EDAS
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers only.
 * @param weights Criterion weights, a row or a column (scaled to sum to 1).
 * @param types Per criterion: + or max or 1 (more is better), - or min or -1 (less is better).
 * @returns A column of scores, one per alternative.
 */
export function edasFn(matrix: any[][], weights: any[][], types: any[][]): number[][] {
  return scoresOf(matrix, weights, types, "EDAS", edas);
}

/**
 * MOORA ratio-system scores (Brauers & Zavadskas): weighted vector-normalised benefits minus costs; higher is better.
 * @customfunction MOORA
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers only.
 * @param weights Criterion weights, a row or a column (scaled to sum to 1).
 * @param types Per criterion: + or max or 1 (more is better), - or min or -1 (less is better).
 * @returns A column of scores, one per alternative.
 */
export function mooraFn(matrix: any[][], weights: any[][], types: any[][]): number[][] {
  return scoresOf(matrix, weights, types, "MOORA", moora, "none");
}

/**
 * MULTIMOORA (Brauers & Zavadskas): ratio system, reference point and full multiplicative form, and the final rank by dominance.
 * @customfunction MULTIMOORA
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers ≥ 0 (> 0 for cost criteria).
 * @param weights Criterion weights, a row or a column (scaled to sum to 1).
 * @param types Per criterion: + or max or 1 (more is better), - or min or -1 (less is better).
 * @returns One row per alternative: ratio system (higher is better), reference-point distance (lower is better), multiplicative form (higher is better), final rank (1 = best).
 */
export function multimooraFn(matrix: any[][], weights: any[][], types: any[][]): number[][] {
  return run(() => {
    const { m, w, t } = decisionInputs(matrix, weights, types);
    const r = multimoora(m, w, t);
    const cell = (x: number) => clean(finite(x, "MULTIMOORA"));
    const out = new Array<number[]>(m.rows);
    for (let i = 0; i < m.rows; i++) {
      out[i] = [cell(r.ratio[i]), cell(r.reference[i]), cell(r.product[i]), r.rank[i]];
    }
    return out;
  });
}

/**
 * COPRAS utility degree (Zavadskas et al.), 0–1 with 1 for the best; higher is better.
 * @customfunction COPRAS
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers ≥ 0.
 * @param weights Criterion weights, a row or a column (scaled to sum to 1).
 * @param types Per criterion: + or max or 1 (more is better), - or min or -1 (less is better).
 * @returns A column of utility degrees, one per alternative.
 */
export function coprasFn(matrix: any[][], weights: any[][], types: any[][]): number[][] {
  return scoresOf(matrix, weights, types, "COPRAS", copras);
}

/**
 * MABAC scores (Pamučar & Ćirović): distance from the border approximation area; higher is better.
 * @customfunction MABAC
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers only.
 * @param weights Criterion weights, a row or a column (scaled to sum to 1).
 * @param types Per criterion: + or max or 1 (more is better), - or min or -1 (less is better).
 * @returns A column of scores, one per alternative.
 */
export function mabacFn(matrix: any[][], weights: any[][], types: any[][]): number[][] {
  return scoresOf(matrix, weights, types, "MABAC", mabac);
}

/**
 * ARAS utility degree (Zavadskas & Turskis): each alternative against the optimal one, 0–1; higher is better.
 * @customfunction ARAS
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers > 0.
 * @param weights Criterion weights, a row or a column (scaled to sum to 1).
 * @param types Per criterion: + or max or 1 (more is better), - or min or -1 (less is better).
 * @param [optimal] The optimal value per criterion; default the best observed.
 * @returns A column of utility degrees, one per alternative.
 */
export function arasFn(
  matrix: any[][],
  weights: any[][],
  types: any[][],
  optimal?: any
): number[][] {
  return run(() => {
    const { m, w, t } = decisionInputs(matrix, weights, types);
    return spillColumn(
      aras(m, w, t, { optimal: perCriterionArg(optimal, "optimal", m.cols) }),
      "ARAS"
    );
  });
}

/**
 * CODAS assessment scores (Keshavarz Ghorabaee et al.): distances from the negative-ideal; higher is better.
 * @customfunction CODAS
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers > 0.
 * @param weights Criterion weights, a row or a column (scaled to sum to 1).
 * @param types Per criterion: + or max or 1 (more is better), - or min or -1 (less is better).
 * @param [tau] Threshold below which Euclidean distances count as equal, > 0; default 0.02.
 * @returns A column of scores, one per alternative.
 */
export function codasFn(matrix: any[][], weights: any[][], types: any[][], tau?: any): number[][] {
  return run(() => {
    const { m, w, t } = decisionInputs(matrix, weights, types);
    return spillColumn(codas(m, w, t, { tau: optNumber(tau, "tau", 0.02) }), "CODAS");
  });
}

/**
 * MARCOS utility function (Stević et al.): against the ideal and anti-ideal; higher is better.
 * @customfunction MARCOS
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers > 0.
 * @param weights Criterion weights, a row or a column (scaled to sum to 1).
 * @param types Per criterion: + or max or 1 (more is better), - or min or -1 (less is better).
 * @returns A column of scores, one per alternative.
 */
export function marcosFn(matrix: any[][], weights: any[][], types: any[][]): number[][] {
  return scoresOf(matrix, weights, types, "MARCOS", marcos);
}

/**
 * SPOTIS distance to the ideal (Dezert et al.), with fixed bounds so that no rank reversal occurs; lower is better.
 * @customfunction SPOTIS
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers only.
 * @param weights Criterion weights, a row or a column (scaled to sum to 1).
 * @param types Per criterion: + or max or 1 (more is better), - or min or -1 (less is better).
 * @param [bounds] Two rows (minimum, maximum) with one column per criterion; default the observed range.
 * @param [esp] Expected solution point, one value per criterion; default the ideal end of the bounds.
 * @returns A column of distances, one per alternative.
 */
export function spotisFn(
  matrix: any[][],
  weights: any[][],
  types: any[][],
  bounds?: any,
  esp?: any
): number[][] {
  return run(() => {
    const { m, w, t } = decisionInputs(matrix, weights, types);
    let b: [number, number][] | undefined;
    if (!rangeCells(bounds).every(isBlank)) {
      const g = toMatrix(Array.isArray(bounds) ? bounds : [[bounds]], { argument: "bounds" });
      if (g.rows !== 2 || g.cols !== m.cols) {
        fail(
          "bounds",
          `应为 2 行（下界、上界）× ${m.cols} 列，实为 ${g.rows} × ${g.cols}`,
          `must be 2 rows (min, max) × ${m.cols} columns, got ${g.rows} × ${g.cols}`
        );
      }
      b = Array.from({ length: m.cols }, (_, j) => [g.data[j], g.data[m.cols + j]]);
    }
    return spillColumn(
      spotis(m, w, t, { bounds: b, esp: perCriterionArg(esp, "esp", m.cols) }),
      "SPOTIS"
    );
  });
}

/**
 * CoCoSo scores (Yazdani et al.): a combined compromise of sum and power aggregations; higher is better.
 * @customfunction COCOSO
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers only.
 * @param weights Criterion weights, a row or a column.
 * @param types Per criterion: + or max or 1 (more is better), - or min or -1 (less is better).
 * @param [lambda] Balance of the third appraisal score, 0–1; default 0.5.
 * @param [rescale] TRUE (default): weights scaled to sum to 1; FALSE: used as given.
 * @returns A column of scores, one per alternative.
 */
export function cocosoFn(
  matrix: any[][],
  weights: any[][],
  types: any[][],
  lambda?: any,
  rescale?: any
): number[][] {
  return run(() => {
    const { m, w, t } = decisionInputs(matrix, weights, types, rescale, "range");
    return spillColumn(
      cocoso(m, w, t, {
        lambda: optNumber(lambda, "lambda", 0.5, { min: 0, max: 1 }),
        rescaleWeights: false,
      }),
      "COCOSO"
    );
  });
}

/** A row or column of numbers as a plain list; a blank cell is refused, or NaN with `allowBlank`. */
function numbersArg(v: unknown, arg: string, allowBlank = false): number[] {
  return toVector(v, arg).map((c, j) => {
    if (isBlank(c))
      return allowBlank ? NaN : fail(arg, `第 ${j + 1} 项为空`, `item ${j + 1} is blank`);
    const x = typeof c === "number" ? c : Number(String(c).trim());
    if (!Number.isFinite(x)) fail(arg, `第 ${j + 1} 项不是数字`, `item ${j + 1} is not a number`);
    return x;
  });
}

/**
 * Best–worst method weights (Rezaei): from how much the best criterion beats each other one, and each one beats the worst.
 * @customfunction BWM
 * @param best_to_others Per criterion, how much the best criterion is preferred to it (1–9; 1 for the best itself).
 * @param others_to_worst Per criterion, how much it is preferred to the worst criterion (1–9; 1 for the worst itself).
 * @param [output] weights (default, a column), cr (consistency ratio) or xi (the optimal ξ*).
 * @returns A column of weights summing to 1, or the requested number.
 */
export function bwm(best_to_others: any, others_to_worst: any, output?: any): number[][] {
  return run(() => {
    const r = bwmWeights(
      numbersArg(best_to_others, "best_to_others"),
      numbersArg(others_to_worst, "others_to_worst")
    );
    const what = choice(
      output,
      "output",
      { weights: "weights", cr: "cr", xi: "xi", 权重: "weights" },
      "weights"
    );
    if (what === "cr") return [[clean(r.cr)]];
    if (what === "xi") return [[clean(r.xi)]];
    return spillColumn(r.weights, "BWM");
  });
}

/**
 * MEREC weights (Keshavarz-Ghorabaee et al.): how much removing each criterion changes the alternatives' performance.
 * @customfunction MEREC
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers > 0.
 * @param types Per criterion: + or max or 1 (more is better), - or min or -1 (less is better).
 * @returns A row of weights summing to 1.
 */
export function merec(matrix: any[][], types: any[][]): number[][] {
  return run(() => {
    const m = matrixArg(matrix);
    return spillRow(merecWeights(m, toTypes(types, m.cols)), "MEREC");
  });
}

const SPREAD_WORDS = vocabulary(SPREAD_MEASURES, { 标准差: "std", 变异系数: "cv" });

/**
 * Weights proportional to each criterion's spread: standard deviation or coefficient of variation.
 * @customfunction STDWEIGHTS
 * @param matrix Decision matrix: alternatives in rows, criteria in columns, numbers only.
 * @param [measure] std (default; columns on one scale) or cv (standard deviation / mean, unit-free).
 * @returns A row of weights summing to 1.
 */
export function stdweights(matrix: any[][], measure?: any): number[][] {
  return run(() =>
    spillRow(
      // Its sums are taken in its own passes.
      spreadWeights(
        matrixArg(matrix, "matrix", false, "none"),
        choice(measure, "measure", SPREAD_WORDS, "std")
      ),
      "STDWEIGHTS"
    )
  );
}

const ORDER_WORDS: Record<string, RankOrder> = {
  "0": "desc",
  "1": "asc",
  desc: "desc",
  asc: "asc",
  降序: "desc",
  升序: "asc",
};

/**
 * Ranks of scores as RANK.EQ gives them: ties share the best rank and the next is skipped.
 * @customfunction RANKS
 * @param scores A row or column of scores.
 * @param [order] 0 or desc (default: the largest ranks 1) or 1 or asc (the smallest ranks 1), as in RANK.EQ.
 * @returns The ranks, in the shape of scores.
 */
export function ranks(scores: any, order?: any): number[][] {
  return run(() => {
    const xs = numbersArg(scores, "scores");
    const r = Array.from(ranksEq(xs, choice(order, "order", ORDER_WORDS, "desc")));
    const isRow = Array.isArray(scores) && scores.length === 1;
    return isRow ? [r] : r.map((x) => [x]);
  });
}

const CORRELATION_WORDS = vocabulary(CORRELATIONS, { 斯皮尔曼: "spearman", 肯德尔: "kendall" });

/**
 * Rank correlation of two rankings (or scores): Spearman's ρ or Kendall's τ-b, from −1 to 1.
 * @customfunction RANKCORR
 * @param ranking1 A row or column of ranks or scores.
 * @param ranking2 The same alternatives ranked another way, in the same order.
 * @param [method] spearman (default) or kendall.
 * @returns The correlation.
 */
export function rankcorr(ranking1: any, ranking2: any, method?: any): number {
  return run(() =>
    clean(
      rankCorrelation(
        numbersArg(ranking1, "ranking1"),
        numbersArg(ranking2, "ranking2"),
        choice(method, "method", CORRELATION_WORDS, "spearman")
      )
    )
  );
}

const AHP_GROUP_WORDS = vocabulary(AHP_GROUP_METHODS, { 判断集结: "aij", 权重集结: "aip" });

/**
 * Group AHP of a review committee: several experts' pairwise matrices stacked vertically, aggregated by geometric mean.
 * @customfunction AHPGROUP
 * @param pairwise The experts' n × n judgment matrices, one below the other (k·n rows, n columns).
 * @param [aggregation] aij (default: geometric mean of the judgments, the committee as one) or aip (geometric mean of each expert's priorities).
 * @param [output] weights (default: a column of group weights), cr (a column with each expert's CR) or groupcr (the aggregated matrix's CR, aij only).
 * @param [method] eigen (default), geometric or colmean.
 * @param [ri] Random-index table: saaty (default) or alonso.
 * @returns A column of weights or of consistency ratios.
 */
export function ahpgroup(
  pairwise: any[][],
  aggregation?: any,
  output?: any,
  method?: any,
  ri?: any
): number[][] {
  return run(() => {
    const options = {
      aggregation: choice(aggregation, "aggregation", AHP_GROUP_WORDS, "aij"),
      method: choice(method, "method", AHP_METHOD_WORDS, "eigen"),
      randomIndex: choice(ri, "ri", RANDOM_INDEX_WORDS, "saaty"),
    };
    const what = choice(
      output,
      "output",
      { weights: "weights", cr: "cr", groupcr: "groupcr", 权重: "weights" },
      "weights"
    );
    const r = ahpGroup(splitStacked(matrixArg(pairwise, "pairwise", true)), options);
    if (what === "cr") return r.experts.map((e) => [crOf(e)]);
    if (what === "groupcr") {
      if (r.group === null)
        return notAvailable(
          "output",
          "aip 集结没有群体判断矩阵",
          "aip aggregation has no group matrix"
        );
      return [[crOf(r.group)]];
    }
    return spillColumn(r.weights, "AHPGROUP");
  });
}

/**
 * Kendall's coefficient of concordance W of several experts' scores: 0 no agreement, 1 complete agreement.
 * @customfunction KENDALLW
 * @param scores Alternatives in rows, one column per expert; scores or ranks (higher is better; ties allowed).
 * @returns W, from 0 to 1.
 */
export function kendallw(scores: any[][]): number {
  return run(() => clean(kendallW(matrixArg(scores, "scores"))));
}

/**
 * AHP hierarchy synthesis: global priorities from local priorities under each parent and the parents' weights.
 * @customfunction AHPSYNTH
 * @param local Local priorities: one row per child (alternative or sub-criterion), one column per parent criterion, each column summing to 1.
 * @param weights The parent criteria's weights, a row or a column.
 * @returns A column of global priorities.
 */
export function ahpsynth(local: any[][], weights: any[][]): number[][] {
  return run(() => {
    const m = matrixArg(local, "local");
    return spillColumn(synthesize(m, toWeights(weights, m.cols)), "AHPSYNTH");
  });
}
