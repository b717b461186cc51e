/**
 * Currencies, magnitude units and exchange rates. Rates are never hard-coded here: they come from
 * the model's FxTable (shown and editable by the analyst).
 */
import { foldText, powerOfTen, readArabicNumber, scaleDecimal, shiftedDecimal } from "./numerals";
import { CurrencyCode, FxTable, Lang } from "./types";
import { CURRENCY_CODES, CURRENCY_INFO } from "./vocabulary";
import { fromEntries } from "./es2017";

export { CURRENCY_CODES };

/** Chinese unit word of each currency, as written after an amount (1500万美元). */
export const CURRENCY_ZH = fromEntries(
  CURRENCY_CODES.map((c) => [c, CURRENCY_INFO[c].zh] as const)
) as Record<CurrencyCode, string>;

/** Words, codes and symbols naming a supported currency; keys are folded (lower-case, half-width). */
export const CURRENCY_WORDS: Readonly<Record<string, CurrencyCode>> = {
  cny: "CNY",
  rmb: "CNY",
  yuan: "CNY",
  renminbi: "CNY",
  人民币: "CNY",
  元: "CNY",
  "¥": "CNY",
  usd: "USD",
  us$: "USD",
  $: "USD",
  dollar: "USD",
  dollars: "USD",
  "us dollar": "USD",
  "us dollars": "USD",
  美元: "USD",
  美金: "USD",
  eur: "EUR",
  euro: "EUR",
  euros: "EUR",
  "€": "EUR",
  欧元: "EUR",
  欧: "EUR", // 3000万欧: lists shorten 万欧元
  jpy: "JPY",
  yen: "JPY",
  日元: "JPY",
  円: "JPY",
  hkd: "HKD",
  hk$: "HKD",
  "hong kong dollar": "HKD",
  "hong kong dollars": "HKD",
  港元: "HKD",
  港币: "HKD",
  gbp: "GBP",
  "£": "GBP",
  pound: "GBP",
  pounds: "GBP",
  sterling: "GBP",
  英镑: "GBP",
  新台币: "TWD",
  台币: "TWD",
  twd: "TWD",
  nt$: "TWD",
  澳门元: "MOP",
  澳门币: "MOP",
  mop: "MOP",
  澳元: "AUD",
  澳币: "AUD",
  aud: "AUD",
  a$: "AUD",
  加元: "CAD",
  加币: "CAD",
  cad: "CAD",
  c$: "CAD",
  新加坡元: "SGD",
  新元: "SGD",
  新币: "SGD",
  sgd: "SGD",
  s$: "SGD",
  韩元: "KRW",
  krw: "KRW",
  瑞士法郎: "CHF",
  法郎: "CHF",
  chf: "CHF",
  卢布: "RUB",
  rub: "RUB",
  卢比: "INR",
  inr: "INR",
  泰铢: "THB",
  thb: "THB",
  越南盾: "VND",
  vnd: "VND",
  奈拉: "NGN",
  ngn: "NGN",
};

/** Latin-script magnitude words (after a number: 15m, 1.5bn, 10k), as powers of ten. */
export const UNIT_WORDS: Readonly<Record<string, number>> = {
  k: 3,
  thousand: 3,
  thousands: 3,
  w: 4, // 1500w = 1500万, common shorthand in Chinese sheets
  m: 6,
  mn: 6,
  mln: 6,
  mio: 6,
  million: 6,
  millions: 6,
  b: 9,
  bn: 9,
  bln: 9,
  billion: 9,
  billions: 9,
};

/** Power of ten of a Chinese magnitude character code (万 → 4), or -1; a run multiplies (千万 = 10^7). */
export function zhUnitExp(c: number): number {
  switch (c) {
    case 0x5341: // 十
      return 1;
    case 0x767e: // 百
      return 2;
    case 0x5343: // 千
      return 3;
    case 0x4e07: // 万
      return 4;
    case 0x4ebf: // 亿
      return 8;
    case 0x5146: // 兆: 万亿 in money (not the 10^6 of metric prefixes)
      return 12;
    default:
      return -1;
  }
}

const SPACES = /\s+/g;

/** The currency a code or name denotes ("USD", "美元", "RMB", "港币", "$"), or null. */
export function parseCurrency(text: string): CurrencyCode | null {
  if (typeof text !== "string") return null;
  const key = foldText(text).trim().replace(SPACES, " ");
  return CURRENCY_WORDS[key] ?? null;
}

/** Power of ten of a run of Chinese magnitude characters (千万 → 7, 万亿 → 12), or null. */
export function zhUnitExponent(text: string): number | null {
  if (text.length === 0) return null;
  let exp = 0;
  for (let i = 0; i < text.length; i++) {
    const e = zhUnitExp(text.charCodeAt(i));
    if (e < 0) return null;
    exp += e;
  }
  return exp;
}

/**
 * The multiplier a unit names: "元" 1, "万" 1e4, "万元" 1e4,
 * "亿" 1e8, "千" 1e3, "百万" 1e6, "千万" 1e7, "k" 1e3, "m"/"mn"/"million" 1e6, "bn"/"billion" 1e9,
 * "10k" 1e4, a plain positive number ("10000") itself. Null when not a unit.
 */
export function parseUnit(text: string): number | null {
  if (typeof text !== "string") return null;
  let s = foldText(text).trim();
  if (s === "元" || s === "1") return 1;
  if (s.endsWith("元")) s = s.slice(0, -1).trim();
  const zh = zhUnitExponent(s);
  if (zh !== null) return scaleDecimal("1", zh);
  const word = UNIT_WORDS[s];
  if (word !== undefined) return scaleDecimal("1", word);
  const num = readArabicNumber(s, 0);
  if (num === null) return null;
  const rest = s.slice(num.end).trim();
  const restExp = rest === "" ? 0 : (UNIT_WORDS[rest] ?? zhUnitExponent(rest));
  if (restExp === null) return null;
  const m = scaleDecimal(num.text, restExp);
  return m > 0 && Number.isFinite(m) ? m : null;
}

/** Units of `to` per one unit of `from` under the table, or null when a rate is missing or not positive. */
export function fxRate(from: CurrencyCode, to: CurrencyCode, fx: FxTable): number | null {
  if (from === to) return 1;
  const inBase = (c: CurrencyCode): number | null => {
    if (c === fx.base) return 1;
    const r = fx.rates[c];
    return typeof r === "number" && r > 0 && Number.isFinite(r) ? r : null;
  };
  const a = inBase(from);
  const b = inBase(to);
  return a === null || b === null ? null : a / b;
}

/**
 * `value` in `from` converted to `to`. Throws when the table lacks a rate: that is a fault of the
 * model (validated on load), not of cell data.
 */
export function convertAmount(
  value: number,
  from: CurrencyCode,
  to: CurrencyCode,
  fx: FxTable
): number {
  const rate = fxRate(from, to, fx);
  if (rate === null) {
    const missing = [from, to].filter((c) => c !== fx.base && !(Number(fx.rates[c]) > 0));
    throw new Error(
      `No exchange rate for ${from} → ${to}: the model's fx table (base ${fx.base}) has no positive rate for ${missing.join(", ")}`
    );
  }
  return value * rate;
}

const UNIT_NAME_ZH: Record<number, string> = {
  0: "",
  3: "千",
  4: "万",
  6: "百万",
  7: "千万",
  8: "亿",
};
/** English magnitude words; "×…" forms have no word and are shown in brackets after a number. */
const UNIT_NAME_EN: Record<number, string> = {
  0: "",
  3: "thousand",
  4: "×10k",
  6: "million",
  8: "×100m",
  9: "billion",
};

function unitName(multiplier: number, lang: Lang): string {
  const k = powerOfTen(multiplier);
  const table = lang === "zh" ? UNIT_NAME_ZH : UNIT_NAME_EN;
  return k !== null && table[k] !== undefined ? table[k] : `×${multiplier}`;
}

/** The unit an amount is counted in: formatUnit("USD", 1e4, "zh") = "万美元", en "USD ×10k"; "USD million". */
export function formatUnit(currency: CurrencyCode, multiplier: number, lang: Lang): string {
  const m = multiplier > 0 && Number.isFinite(multiplier) ? multiplier : 1;
  const unit = unitName(m, lang);
  if (lang === "zh") return unit + CURRENCY_ZH[currency];
  return unit === "" ? currency : `${currency} ${unit}`;
}

/** Groups the integer digits of a plain decimal string with `sep` every three digits. */
function groupDigits(s: string, sep: string): string {
  const dot = s.indexOf(".");
  const int = dot < 0 ? s : s.slice(0, dot);
  const neg = int.startsWith("-");
  const digits = neg ? int.slice(1) : int;
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
    out += digits[i];
  }
  return (neg ? "-" : "") + out + (dot < 0 ? "" : s.slice(dot));
}

/** Rounds for display: four decimals, or four significant digits below 1; no trailing zeros. */
function displayNumber(x: number): string {
  const r = Math.abs(x) >= 1 || x === 0 ? Math.round(x * 1e4) / 1e4 : Number(x.toPrecision(4));
  return r < 0 ? `-${shiftedDecimal(-r, 0)}` : shiftedDecimal(r, 0);
}

/**
 * A readable amount: `value` (whole units of `currency`) shown in units of `multiplier`.
 * zh: digits grouped by spaces, then unit and currency word — formatAmount(105750000, "CNY", 1e4, "zh")
 * is "10 575 万元" (parseAmount reads it back). en: ISO code first, commas, then the unit —
 * "CNY 10,575 (×10k)", "USD 15 million".
 */
export function formatAmount(
  value: number,
  currency: CurrencyCode,
  multiplier: number,
  lang: Lang
): string {
  if (!Number.isFinite(value)) return String(value);
  const m = multiplier > 0 && Number.isFinite(multiplier) ? multiplier : 1;
  const n = displayNumber(value / m);
  const unit = unitName(m, lang);
  if (lang === "zh") return `${groupDigits(n, " ")} ${unit}${CURRENCY_ZH[currency]}`;
  const shown = unit === "" ? "" : unit.startsWith("×") ? ` (${unit})` : ` ${unit}`;
  return `${currency} ${groupDigits(n, ",")}${shown}`;
}
