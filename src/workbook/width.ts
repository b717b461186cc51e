/**
 * How wide text shows: East Asian wide and fullwidth characters take two columns, as in a terminal
 * and in Excel's column-width unit (the width of "0"). Column widths of results are fitted with it.
 */

const WIDE: [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

export function charWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b) return 0;
  for (const [a, b] of WIDE) if (cp >= a && cp <= b) return 2;
  return 1;
}

/**
 * The width of a text: the sum of its characters' (code points, surrogate pairs joined). Fitting
 * result columns measures every cell shown, 1.2 million at 100 000 rows, so Latin text is counted
 * without a lookup and nothing is allocated per character.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp < 0x300) {
      if (cp >= 0x20) w++;
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    w += charWidth(cp);
  }
  return w;
}

/** Excel's widths a column may get: wide enough for a grade, never wider than a screen's half. */
export const MIN_WIDTH = 6;
export const MAX_WIDTH = 60;

/** A column's width for its texts: the widest one plus a little padding, within the limits. */
export function fittedWidth(texts: Iterable<string>, max = MAX_WIDTH): number {
  let widest = 0;
  for (const t of texts) {
    widest = Math.max(widest, displayWidth(t));
    if (widest >= max) break;
  }
  return Math.min(max, Math.max(MIN_WIDTH, widest + 2));
}
