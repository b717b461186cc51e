/**
 * Allowed-value lists declared once: each list is `as const`, its type derived from it, and tables
 * keyed by it are `Record<Union, …>` so a list that gains an entry fails to compile until every table
 * says what the entry means.
 */

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
