/**
 * Allowed-value lists declared once: each list is `as const`, its type derived from it, and tables
 * keyed by it are `Record<Union, …>` so a list that gains an entry fails to compile until every table
 * says what the entry means.
 */
import type { Label } from "./types";

/**
 * ISO 4217 codes the reader recognises. Reading a currency does not need a rate; converting it does,
 * and a missing rate is an error naming the currency (the model's FX table is where to add it).
 */
export const CURRENCY_CODES = [
  "CNY",
  "USD",
  "EUR",
  "JPY",
  "HKD",
  "GBP",
  "TWD",
  "MOP",
  "AUD",
  "CAD",
  "SGD",
  "KRW",
  "CHF",
  "RUB",
  "INR",
  "THB",
  "VND",
  "NGN",
] as const;
export type CurrencyCode = (typeof CURRENCY_CODES)[number];

/**
 * Chinese word written after an amount (1500万美元), and whether the currency's unit is 元 — so a
 * cell naming it and also writing 元 (港币2960元, 新台币177.1亿元) agrees instead of naming two currencies.
 */
export const CURRENCY_INFO: Record<CurrencyCode, { zh: string; yuan: boolean }> = {
  CNY: { zh: "元", yuan: true },
  USD: { zh: "美元", yuan: true },
  EUR: { zh: "欧元", yuan: true },
  JPY: { zh: "日元", yuan: true },
  HKD: { zh: "港元", yuan: true },
  GBP: { zh: "英镑", yuan: false },
  TWD: { zh: "新台币", yuan: true },
  MOP: { zh: "澳门元", yuan: true },
  AUD: { zh: "澳元", yuan: true },
  CAD: { zh: "加元", yuan: true },
  SGD: { zh: "新加坡元", yuan: true },
  KRW: { zh: "韩元", yuan: true },
  CHF: { zh: "瑞士法郎", yuan: false },
  RUB: { zh: "卢布", yuan: false },
  INR: { zh: "卢比", yuan: false },
  THB: { zh: "泰铢", yuan: false },
  VND: { zh: "越南盾", yuan: false },
  NGN: { zh: "奈拉", yuan: false },
};

/**
 * Cell texts that mean "no data" (folded: half-width, lower case), in every column: a blank is not a
 * zero and not a "no". Kept once so amounts, numbers and answers agree on what is missing.
 */
export const NO_DATA_WORDS: ReadonlySet<string> = new Set([
  "",
  "-",
  "/",
  "\\",
  "~",
  "?",
  "待定",
  "暂定",
  "未定",
  "待核实",
  "待确认",
  "不确定",
  "暂无",
  "未知",
  "不详",
  "不明",
  "待议",
  "面议",
  "保密",
  "空",
  "无数据",
  "n/a",
  "na",
  "tbd",
  "tba",
  "none",
  "nil",
  "null",
  "...",
  "…",
  "……",
]);

/**
 * Words that make a figure one per 亩, per person or per unit (亩均税收, 每亩投资, 人均产值, 单位能耗产出):
 * a rate, never the total a column of the same name holds. Amounts refuse them before the figure; the
 * mapping never takes such a header for a total (it adds intensities and per-unit marks).
 */
export const PER_UNIT_WORD = /亩均|每亩|亩产|人均|单位(?:面积|用地|土地|能耗)/;

/** What a model field holds. */
export const FIELD_TYPES = [
  "amount",
  "number",
  "percent",
  "boolean",
  "category",
  "text",
  "date",
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** How a criterion turns its field into 0–1, with the label analysts see in the 评分模型 sheet. */
export const TRANSFORM_TYPES = [
  "linear",
  "log",
  "piecewise",
  "threshold",
  "category",
  "keywords",
  "boolean",
  "chain",
  "expression",
] as const;
export type TransformType = (typeof TRANSFORM_TYPES)[number];
export const TRANSFORM_LABELS: Record<TransformType, Label> = {
  linear: { zh: "线性", en: "linear" },
  log: { zh: "对数", en: "log" },
  piecewise: { zh: "分段", en: "piecewise" },
  threshold: { zh: "达标线", en: "threshold" },
  category: { zh: "类别", en: "category" },
  keywords: { zh: "关键词", en: "keywords" },
  boolean: { zh: "是否", en: "yes/no" },
  chain: { zh: "产业链", en: "chain" },
  expression: { zh: "公式", en: "expression" },
};
/** Transforms that read a number. */
export const NUMERIC_TRANSFORMS: readonly TransformType[] = [
  "linear",
  "log",
  "piecewise",
  "threshold",
];

/** What a criterion scores when its cell is missing. */
export const MISSING_POLICIES = ["zero", "neutral", "renormalize", "mean"] as const;
export type MissingPolicy = (typeof MISSING_POLICIES)[number];
export const MISSING_POLICY_LABELS: Record<MissingPolicy, Label> = {
  zero: { zh: "记零分", en: "score zero" },
  neutral: { zh: "记中间分", en: "neutral" },
  renormalize: { zh: "权重分给其他项", en: "reweight others" },
  mean: { zh: "取平均", en: "use mean" },
};

/** What a failed gate does. */
export const GATE_EFFECTS = ["exclude", "cap", "flag"] as const;
export type GateEffect = (typeof GATE_EFFECTS)[number];
export const GATE_EFFECT_LABELS: Record<GateEffect, Label> = {
  exclude: { zh: "排除", en: "exclude" },
  cap: { zh: "封顶", en: "cap" },
  flag: { zh: "提示", en: "flag" },
};

/** What a target counts. */
export const TARGET_MEASURES = [
  "signedCount",
  "signedInvestment",
  "contractedFdi",
  "utilisedFdi",
  "flagCount",
] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];
export const TARGET_MEASURE_LABELS: Record<TargetMeasure, Label> = {
  signedCount: { zh: "签约项目数", en: "signed projects" },
  signedInvestment: { zh: "签约总投资", en: "signed investment" },
  contractedFdi: { zh: "合同外资", en: "contracted FDI" },
  utilisedFdi: { zh: "实际利用外资", en: "utilised FDI" },
  flagCount: { zh: "标记项目数", en: "flagged projects" },
};
