/**
 * Units stated outside the cell: a column header (总投资（万美元）, Investment (USD m), 注册资本/万美元)
 * or a bracketed unit inside a cell (1500（万美元）). Either gives the context bare numbers are read in.
 */
import { zhUnitExp } from "../fx";
import { landUnit } from "../land";
import { foldText, scaleDecimal } from "../numerals";
import { AmountContext, CurrencyCode } from "../types";
import { tokenize } from "./lexicon";

const LEADING_COLON = /^\s*:\s*/;
const TRAILING_SEPARATORS = /[\s/:：,，|]+$/;

/** Reads "万美元", "USD m", "CNY 10k", "RMB million", "亿元", "元" as a context; null when it is not a unit. */
export function unitContext(folded: string): Partial<AmountContext> | null {
  let s = folded.trim();
  if (s.startsWith("单位")) s = s.slice(2).replace(LEADING_COLON, "");
  s = s.replace("'000", "k"); // USD '000: thousands
  // 万元/亩: the amount part, and the land it is counted per (/年 and other rates are not kept).
  const slash = s.indexOf("/");
  const perArea = slash > 0 ? landUnit(s.slice(slash + 1)) : null;
  if (slash > 0) s = s.slice(0, slash);
  const toks = tokenize(s);
  if (toks.length === 0) return null;
  let exp: number | null = null;
  let mult = 1;
  let currency: CurrencyCode | null = null;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.k === "cur") {
      if (currency !== null && currency !== t.code && !t.yuan) return null;
      if (currency === null) currency = t.code as CurrencyCode;
    } else if (t.k === "unit") exp = (exp ?? 0) + t.exp;
    else if (t.k === "num" && t.high === null && toks[i + 1]?.k === "unit") mult *= Number(t.text);
    else return null;
  }
  if (exp === null && currency === null) return null;
  const context: Partial<AmountContext> = { multiplier: scaleDecimal(String(mult), exp ?? 0) };
  if (currency !== null) context.currency = currency;
  if (perArea !== null) context.perArea = perArea;
  return context;
}

const HEADER_SEPARATORS = ["/", ":", ",", "|", " "];

/**
 * Splits a column header into its name and the unit/currency it states: "总投资（万美元）" →
 * {name: "总投资", context: {multiplier: 1e4, currency: "USD"}}; "Investment (USD m)" → 1e6 USD;
 * "注册资本/万美元"; "年税收（亿元）"; a currency alone implies multiplier 1; no unit → context null.
 */
export function parseHeaderContext(header: string): {
  name: string;
  context: Partial<AmountContext> | null;
} {
  const h = typeof header === "string" ? header.trim() : "";
  const f = foldText(h);
  const tidy = (name: string): string => name.replace(TRAILING_SEPARATORS, "").trim();
  if (f.endsWith(")")) {
    const open = f.lastIndexOf("(");
    const ctx = open >= 0 ? unitContext(f.slice(open + 1, -1)) : null;
    if (ctx !== null) return { name: tidy(h.slice(0, open)), context: ctx };
  }
  for (const sep of HEADER_SEPARATORS) {
    const at = f.lastIndexOf(sep);
    if (at > 0) {
      const ctx = unitContext(f.slice(at + 1));
      if (ctx !== null) return { name: tidy(h.slice(0, at)), context: ctx };
    }
  }
  // 总投资万美元: a magnitude character and a currency glued to the name.
  for (let k = Math.max(1, f.length - 6); k < f.length - 1; k++) {
    if (zhUnitExp(f.charCodeAt(k)) < 0) continue;
    const ctx = unitContext(f.slice(k));
    if (ctx !== null && ctx.currency !== undefined && ctx.multiplier !== 1)
      return { name: tidy(h.slice(0, k)), context: ctx };
  }
  return { name: h, context: null };
}
