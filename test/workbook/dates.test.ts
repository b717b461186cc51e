/**
 * Dates in .xlsx cells (src/workbook/dates.ts), against Microsoft's published serial numbers:
 * "DATEVALUE function" (support.microsoft.com): 1 January 2008 is serial 39448; "Date systems in
 * Excel": the 1904 system counts 1 462 days fewer, 1 January 1900 is serial 1 (1900 system) and
 * 1 January 1904 serial 0 (1904 system); the last date Excel shows is 31 December 9999 (2958465).
 */
import { isDateFormat, isDateStyle, serialDate } from "../../src/workbook/dates";

test("serial numbers of the 1900 system, around its phantom 29 February 1900", () => {
  expect(serialDate(1, false)).toBe("1900-01-01");
  expect(serialDate(59, false)).toBe("1900-02-28");
  // Serial 60 is Lotus's 29 Feb 1900, which never was: from 61 on, days are counted from 30 Dec 1899.
  expect(serialDate(61, false)).toBe("1900-03-01");
  // The phantom day itself reads as the day it follows.
  expect(serialDate(60, false)).toBe("1900-02-28");
  expect(serialDate(39448, false)).toBe("2008-01-01");
  expect(serialDate(39448.75, false)).toBe("2008-01-01");
  expect(serialDate(2958465, false)).toBe("9999-12-31");
});

test("serial numbers of the 1904 system", () => {
  expect(serialDate(0, true)).toBe("1904-01-01");
  expect(serialDate(39448 - 1462, true)).toBe("2008-01-01");
});

test("numbers that are no date: negative, beyond 9999, not finite", () => {
  expect(serialDate(-1, false)).toBeNull();
  expect(serialDate(-0.5, true)).toBeNull();
  expect(serialDate(2958466, false)).toBeNull();
  expect(serialDate(Infinity, false)).toBeNull();
  expect(serialDate(NaN, true)).toBeNull();
  expect(serialDate(0, false)).toBe("1899-12-31");
});

test.each<[string, boolean]>([
  ["yyyy-mm-dd", true],
  ["m/d/yy", true],
  ["h:mm:ss", true],
  ["[h]:mm", true],
  ["[ss]", true],
  ["yyyy年m月d日", true],
  ["0.00", false],
  ["#,##0.00_);(#,##0.00)", false],
  ["General", false],
  ['0"天"', false],
  ['0" days"', false],
  ["0\\d", false],
  ["[Red]0.00", false],
  ["[$-804]0.00", false],
  ["0.00;[Red]-0.00;yyyy", false],
  ["yyyy;0", true],
])("number format %s shows a date or time: %s", (code, date) => {
  expect(isDateFormat(code)).toBe(date);
});

test("a style's own format code decides; without one, the built-in format does", () => {
  expect(isDateStyle(14, new Map())).toBe(true);
  expect(isDateStyle(22, new Map())).toBe(true);
  expect(isDateStyle(2, new Map())).toBe(false);
  expect(isDateStyle(14, new Map([[14, "0.00"]]))).toBe(false);
  expect(isDateStyle(164, new Map([[164, "yyyy/m/d"]]))).toBe(true);
  expect(isDateStyle(164, new Map([[165, "yyyy/m/d"]]))).toBe(false);
});
