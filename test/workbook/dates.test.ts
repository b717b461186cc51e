/**
 * Dates in .xlsx cells (src/workbook/dates.ts), against Microsoft's published serial numbers:
 * "DATEVALUE function" (support.microsoft.com): 1 January 2008 is serial 39448; "Date systems in
 * Excel": the 1904 system counts 1 462 days fewer, 1 January 1900 is serial 1 (1900 system) and
 * 1 January 1904 serial 0 (1904 system); the last date Excel shows is 31 December 9999 (2958465).
 */
import fc from "fast-check";
import type { TimeFormat } from "../../src/workbook/dates";
import { numberLook, serialDate, styleLook, timeText } from "../../src/workbook/dates";

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

/** What format `code` shows: "date", "time" (time of day or duration) or "number". */
function kind(code: string): string {
  const look = numberLook(code);
  return look === "date" ? "date" : look ? "time" : "number";
}

test.each<[string, string]>([
  ["yyyy-mm-dd", "date"],
  ["m/d/yy", "date"],
  ["yyyy年m月d日", "date"],
  ["mmm-yy", "date"],
  ["mmmm", "date"], // m alone is the month
  ["m/d/yy h:mm", "date"], // a date-time stays a date
  ["yyyy-mm-dd hh:mm:ss", "date"],
  ["h:mm:ss", "time"],
  ["h:mm AM/PM", "time"],
  ["hh:mm am/pm", "time"],
  ["h:mm A/P", "time"],
  ["mm:ss", "time"], // m right before s is minutes
  ["mm:ss.00", "time"],
  ["[h]:mm", "time"],
  ["[hh]:mm:ss", "time"],
  ["[mm]:ss", "time"],
  ["[ss]", "time"],
  ["[ss].000", "time"],
  ['h"时"mm"分"', "time"],
  ['[Red][h]:mm;"minus"', "time"],
  ["[$-F400]h:mm:ss\\ AM/PM", "time"],
  ['"day "d h:mm', "date"],
  ["0.00", "number"],
  ["#,##0.00_);(#,##0.00)", "number"],
  ["General", "number"],
  ['0"天"', "number"],
  ['0" days"', "number"],
  ['0" hours"', "number"],
  ["0\\d", "number"],
  ["0\\h", "number"],
  ["[Red]0.00", "number"],
  ["[$-804]0.00", "number"],
  ["0.00E+00", "number"], // E+ is an exponent, not an era year
  ["##0.0E-0", "number"],
  ["@", "number"],
  ["0.00;[Red]-0.00;yyyy", "number"], // the first section decides
  ["yyyy;0", "date"],
  ["h:mm;yyyy", "time"],
  ["hh", "time"], // hours alone
  ["s", "time"], // seconds alone
  ["[h", "time"], // unclosed: the rest is inside
  ["e", "date"], // the era year, without a sign after it
  ["d-", "date"], // only an e before a sign is an exponent
  ["[Magenta]0.00", "number"], // a colour that starts with m
  ["[$KSh] #,##0", "number"], // a currency that ends with h
  ['"Total: "General', "number"], // General after other text
])("number format %s shows a %s", (code, want) => {
  expect(kind(code)).toBe(want);
});

// ECMA-376 Part 1 §18.8.30 (numFmt): the built-in formats that show dates and times, 27–36 and
// 50–58 in their zh-CN meaning (the standard's table of East Asian built-ins, column zh-cn).
test.each<[number, string]>([
  [14, "date"], // mm-dd-yy
  [15, "date"], // d-mmm-yy
  [16, "date"], // d-mmm
  [17, "date"], // mmm-yy
  [18, "time"], // h:mm AM/PM
  [19, "time"], // h:mm:ss AM/PM
  [20, "time"], // h:mm
  [21, "time"], // h:mm:ss
  [22, "date"], // m/d/yy h:mm
  [27, "date"], // yyyy"年"m"月"
  [28, "date"], // m"月"d"日"
  [29, "date"], // m"月"d"日"
  [30, "date"], // m-d-yy
  [31, "date"], // yyyy"年"m"月"d"日"
  [32, "time"], // h"时"mm"分"
  [33, "time"], // h"时"mm"分"ss"秒"
  [34, "time"], // 上午/下午h"时"mm"分"
  [35, "time"], // 上午/下午h"时"mm"分"ss"秒"
  [36, "date"], // yyyy"年"m"月"
  [45, "time"], // mm:ss
  [46, "time"], // [h]:mm:ss
  [47, "time"], // mmss.0
  [50, "date"], // yyyy"年"m"月"
  [51, "date"], // m"月"d"日"
  [52, "date"], // yyyy"年"m"月"
  [53, "date"], // m"月"d"日"
  [54, "date"], // m"月"d"日"
  [55, "time"], // 上午/下午h"时"mm"分"
  [56, "time"], // 上午/下午h"时"mm"分"ss"秒"
  [57, "date"], // yyyy"年"m"月"
  [58, "date"], // m"月"d"日"
  [0, "number"], // General
  [2, "number"], // 0.00
  [10, "number"], // 0.00%
  [49, "number"], // @
])("built-in format %i shows a %s", (id, want) => {
  const look = styleLook(id, new Map());
  expect(look === "date" ? "date" : look ? "time" : "number").toBe(want);
});

test("a style's own format code decides; without one, the built-in format does", () => {
  expect(styleLook(14, new Map([[14, "0.00"]]))).toBeUndefined();
  expect(styleLook(164, new Map([[164, "yyyy/m/d"]]))).toBe("date");
  expect(styleLook(164, new Map([[165, "yyyy/m/d"]]))).toBeUndefined();
  expect(styleLook(20, new Map([[20, "yyyy/m/d"]]))).toBe("date");
});

/** Serial `x` shown through time format `code`. */
function shown(x: number, code: string): string | null {
  return timeText(x, numberLook(code) as TimeFormat);
}

test.each<[number, string, string]>([
  // 12:30 is 750 minutes of 1 440: 0.520833…
  [750 / 1440, "h:mm", "12:30"],
  [750 / 1440, "hh:mm:ss", "12:30:00"],
  [750 / 1440, "h:mm AM/PM", "12:30 PM"],
  [750 / 1440, "h:mm am/pm", "12:30 pm"],
  [0.25, "h:mm AM/PM", "6:00 AM"],
  [0, "h:mm AM/PM", "12:00 AM"],
  [0.25, "h:mm A/P", "6:00 A"],
  [0.75, 'h"时"mm"分"', "18时00分"],
  [0.75, '上午/下午h"时"mm"分"', "下午6时00分"],
  [0.25, '上午/下午h"时"mm"分"ss"秒"', "上午6时00分00秒"],
  // A day part is dropped without [h]; [h] counts whole hours: 1 day 12 h 15 min = 36:15.
  [1 + 735 / 1440, "h:mm", "12:15"],
  [1 + 735 / 1440, "[h]:mm:ss", "36:15:00"],
  [1 + 735 / 1440, "[hh]:mm", "36:15"],
  [0.05, "[h]:mm", "1:12"],
  [0.05, "[hh]:mm", "01:12"],
  [1 + 735 / 1440, "[mm]:ss", "2175:00"],
  [90 / 86400, "[ss]", "90"],
  [90 / 86400, "mm:ss", "01:30"],
  // Rounded to the second shown: 59.6 s shows as 1:00, carried into the minute.
  [59.6 / 86400, "mm:ss", "01:00"],
  [59.64 / 86400, "mm:ss.0", "00:59.6"],
  [59.64 / 86400, "mm:ss.00", "00:59.64"],
  [1.5 / 86400, "[s].000", "1.500"],
  [1.5 / 86400, "[ss].000", "01.500"],
  // Literal text: quoted, escaped, and _x padding as a space; [Red] and [$-…] show nothing.
  [0.5, '[Red]h "h" mm\\m', "12 h 00m"],
  [0.5, "[$-F400]h:mm_)", "12:00 "],
  [0.5, "h:mm;@", "12:00"],
  // An unclosed quote runs to the end; a trailing \ shows nothing; *x (fill) shows nothing.
  [0.5, 'h:mm "Uhr', "12:00 Uhr"],
  [0.5, "h:mm\\", "12:00"],
  [0.5, "h:mm*x", "12:00"],
  // Decimals only right after seconds: elsewhere ".0" and "0" are text.
  [(720 * 60 + 0.25) / 86400, "h:mm.0", "12:00.0"],
  [0.5, "h:mm:ss:00", "12:00:00:00"],
  // Rounded to the decimals shown, at most 3; a fourth shows 0.
  [0.46 / 86400, "mm:ss.0", "00:00.5"],
  [1.2345 / 86400, "ss.0000", "01.2350"],
])("%d shown as %s is %s", (x, code, want) => {
  expect(shown(x, code)).toBe(want);
});

test("a negative or non-finite number is no time (Excel shows #####)", () => {
  expect(shown(-0.5, "[h]:mm")).toBeNull();
  expect(shown(NaN, "h:mm")).toBeNull();
  expect(shown(Infinity, "h:mm")).toBeNull();
});

test("[h]:mm:ss.000 and hh:mm:ss give back the milliseconds and seconds they were given", () => {
  const duration = numberLook("[h]:mm:ss.000") as TimeFormat;
  const clock = numberLook("hh:mm:ss") as TimeFormat;
  fc.assert(
    // Not on a half second: the serial ms / 86 400 000 holds a half only approximately, so the clock's
    // rounding to the second may go either way there (seed −1571247726 drew 90 270 394 500 ms).
    fc.property(
      fc.integer({ min: 0, max: 1e11 }).filter((ms) => ms % 1000 !== 500),
      (ms) => {
        const x = ms / 86_400_000;
        const [h, m, s] = timeText(x, duration)!.split(":").map(Number);
        expect(Math.round((h * 3600 + m * 60 + s) * 1000)).toBe(ms);
        // The clock drops whole days and rounds to the second.
        const [ch, cm, cs] = timeText(x, clock)!.split(":").map(Number);
        expect(ch * 3600 + cm * 60 + cs).toBe(Math.round(ms / 1000) % 86_400);
      }
    )
  );
});
