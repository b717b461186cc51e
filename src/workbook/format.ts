/**
 * How numbers read to a person, the same in the pane, the preview and the CLI's table: amounts in the
 * unit an analyst says aloud (zh 万元 / 亿元 with comma thousands; en "CNY 1.2bn", "CNY 60m"), plain
 * numbers with thousands separators, scores with one decimal. engine/fx's formatAmount stays the
 * machine-readable form (it parses back); this one is for reading only.
 */
import { CURRENCY_ZH } from "../engine/fx";
import type { CurrencyCode, Lang } from "../engine/types";

/** Digits grouped by commas, at most `decimals` decimals, no trailing zeros ("1,234.5"). */
export function formatNumber(x: number, decimals = 2): string {
  if (!Number.isFinite(x)) return "—";
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return r.toLocaleString("en-US", { maximumFractionDigits: decimals, useGrouping: true });
}

/** zh: the largest of 亿 and 万 the amount reaches; en: bn, m and k. */
const ZH_UNITS: [number, string][] = [
  [1e8, "亿"],
  [1e4, "万"],
];
const EN_UNITS: [number, string][] = [
  [1e9, "bn"],
  [1e6, "m"],
  [1e3, "k"],
];

/**
 * An amount given in whole units of `currency` (元, dollars): formatMoney(6e9, "CNY", "zh") is
 * "60亿元", formatMoney(1.2e9, "CNY", "en") "CNY 1.2bn", formatMoney(6e7, "CNY", "en") "CNY 60m".
 */
export function formatMoney(value: number, currency: CurrencyCode, lang: Lang): string {
  if (!Number.isFinite(value)) return "—";
  const abs = Math.abs(value);
  if (lang === "zh") {
    const [m, unit] = ZH_UNITS.find(([m]) => abs >= m) ?? [1, ""];
    return `${formatNumber(value / m)}${unit}${CURRENCY_ZH[currency]}`;
  }
  const [m, unit] = EN_UNITS.find(([m]) => abs >= m) ?? [1, ""];
  return `${currency} ${formatNumber(value / m)}${unit}`;
}

/** A 0–100 score as shown everywhere: one decimal. */
export function formatScore(x: number): string {
  return Number.isFinite(x) ? x.toFixed(1) : "—";
}

/** A share 0–1 as a whole percentage ("42%"). */
export function formatPercent(share: number, decimals = 0): string {
  return Number.isFinite(share) ? `${formatNumber(share * 100, decimals)}%` : "—";
}
