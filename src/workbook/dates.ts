/**
 * Dates in .xlsx cells: a number shown through a date format is a date, not an amount. The CLI's and
 * the preview's readers share these rules, so both hand the same cells to the workbook layer.
 */

/** Built-in number formats (ECMA-376 §18.8.30) that show a date or time. */
const DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** Whether a number format code shows a date or time (quoted text, escapes and [colour] left out). */
export function isDateFormat(code: string): boolean {
  const bare = code
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "");
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Whether cell style format `numFmtId` shows a date: its own code when the file defines one, else the built-in. */
export function isDateStyle(numFmtId: number, codes: ReadonlyMap<number, string>): boolean {
  const code = codes.get(numFmtId);
  return code !== undefined ? isDateFormat(code) : DATE_IDS.has(numFmtId);
}

/** Excel's serial day number → ISO date (yyyy-mm-dd), in the 1900 or 1904 system. */
export function serialDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2958465) return null;
  const day = Math.floor(serial);
  // 1900 system: serial 60 is the non-existent 29 Feb 1900, so days from 1 Mar 1900 on count from 30 Dec 1899.
  const epoch = date1904
    ? Date.UTC(1904, 0, 1)
    : day < 60
      ? Date.UTC(1899, 11, 31)
      : Date.UTC(1899, 11, 30);
  return new Date(epoch + day * 86_400_000).toISOString().slice(0, 10);
}
