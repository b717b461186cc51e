/** Cell-text helpers shared by table location and column mapping. */
import { foldText } from "../engine/numerals";
import type { CellValue } from "../engine/types";

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  return String(v).trim();
}

/**
 * Loose form of a header for comparison: folded as the engine folds cell text (half-width, lower case),
 * no whitespace, line breaks or decorative punctuation.
 */
export function looseText(s: string): string {
  // foldText is the engine's one folding (width, case, 萬/億 and other variants); NFKC adds the rest.
  return foldText(s.normalize("NFKC"))
    .replace(/[\s\u3000_*:：·•、/\\|\-–—]+/g, "")
    .replace(/[()[\]{}【】〔〕<>《》「」『』"'“”‘’]/g, "");
}

/** Character bigrams of a string (single characters for strings of length 1). */
export function bigrams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** Dice coefficient of two multisets of tokens, 0–1. */
export function dice(x: string[], y: string[]): number {
  if (x.length === 0 || y.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of y) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      common++;
      counts.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}
