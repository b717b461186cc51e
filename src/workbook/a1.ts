/** A1 addresses. Rows and columns are 0-based everywhere in workbook/; A1 text is 1-based. */

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0)
    throw new RangeError(`column index ${col} is not a whole number ≥ 0`);
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "A" → 0, "aa" → 26; null for anything that is not column letters. */
export function columnIndex(letters: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (row 0, col 0) → "A1". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Excel's grid: 1 048 576 rows, columns A … XFD. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** "B7" → { row: 6, col: 1 }; "$B$7" is accepted too; null past XFD1048576, where Excel has no cell. */
export function parseCellAddress(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  return col === null || col >= MAX_COLUMNS || row < 0 || row >= MAX_ROWS ? null : { row, col };
}

/** Quotes a sheet name for a reference when it needs it: 'My sheet'!A1. */
export function sheetPrefix(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

/** A rectangle as "A1:B5" (or "A1" for one cell), optionally with its sheet. */
export function rangeAddress(
  r: { top: number; left: number; bottom: number; right: number },
  sheet?: string
): string {
  const a = cellAddress(r.top, r.left);
  const b = cellAddress(r.bottom, r.right);
  return `${sheet === undefined ? "" : sheetPrefix(sheet)}${a === b ? a : `${a}:${b}`}`;
}

/** One area of an areas address: a sheet prefix (quoted or not) and A1 or A1:B5. */
const AREA = /(?:'(?:[^']|'')*'|[^'!,\s]+)!(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?/g;

/**
 * The rectangles of an address of several areas, as Office.js writes RangeAreas.address
 * ("Sheet1!A1:C1, 'My, sheet'!D2:D3"): sheet names may hold commas and quotes, so areas are found by
 * their "!" rather than split on commas. Null when any part is not an area.
 */
export function parseAreasAddress(
  address: string
): { top: number; left: number; bottom: number; right: number }[] | null {
  const out: { top: number; left: number; bottom: number; right: number }[] = [];
  let covered = 0;
  AREA.lastIndex = 0;
  for (let m = AREA.exec(address); m !== null; m = AREA.exec(address)) {
    // Only commas and spaces between areas.
    if (!/^[\s,]*$/.test(address.slice(covered, m.index))) return null;
    covered = m.index + m[0].length;
    const a = parseCellAddress(m[1]);
    const b = parseCellAddress(m[2] ?? m[1]);
    if (a === null || b === null) return null;
    out.push({
      top: Math.min(a.row, b.row),
      left: Math.min(a.col, b.col),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.col, b.col),
    });
  }
  return /^[\s,]*$/.test(address.slice(covered)) ? out : null;
}
