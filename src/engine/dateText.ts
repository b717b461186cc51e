/**
 * Dates as lists write them. A day (2023-03-03, 2023年3月3日, 2023.3.3, 3号, 20230303,
 * 二〇二三年三月三日) reads as itself; a period reads as the range of its days, its middle day used
 * and the note giving the range, as a range of figures reads: a month (2023年3月, 2023-03), a year
 * (2023年; 2023 as a number), a part of one (2025年底, 2024年一季度, 2024年Q1, 上半年, 3月上旬, 3月底).
 * 前/以前 after it (2025年底前) is at most its last day, 后/以后 at least its first, 前后/左右 about
 * its middle day. A year of two
 * digits (23年3月3日) is 20xx, with a note. Relative dates (明年一季度, 今年底) and days without a
 * year (3月3日) are unreadable, saying why: the sheet does not say when it was written.
 */
import { boundNote } from "./bounds";
import type { BoundedReading } from "./bounds";
import { foldText, readChineseNumeral } from "./numerals";
import type { CellValue, Label } from "./types";

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** Excel's serial day of a calendar day; NaN when the day does not exist (2023-02-30). */
function serialDay(y: number, m: number, d: number): number {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d
    ? (t - EXCEL_EPOCH) / DAY_MS
    : NaN;
}

/** The ISO day (2023-03-03) of a serial day. */
export function isoDay(serial: number): string {
  return new Date(EXCEL_EPOCH + Math.round(serial) * DAY_MS).toISOString().slice(0, 10);
}

const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A date as read: serial days (the middle day of a period, or its bound), and the year if guessed. */
export interface DateReading extends BoundedReading {
  /** A year written with two digits ("23年"), read as 20xx. */
  shortYear?: string;
  /** Words around the date naming the column's own event (于, 签约: 已于2023年3月3日签约), left out. */
  words?: string[];
  /** A planned date (计划, 预计, 拟 before it). */
  planned?: string;
}

/**
 * An event after the date (2023年3月3日签约, 2024年6月投产): the column's own event is left out, as a
 * column's own name before a figure is; another event (开工 in a 签约日期 column) is no reading.
 */
const EVENT =
  /(?:已|正式|完成|全面)?(签约|签订|签署|开工|投产|落地|注册|竣工|达产|备案|立项|供地|摘牌|拿地|完成)$/;
/** Before the date: a plan (计划, 预计, 拟) and 于 (已于, 计划于). */
const BEFORE = /^(计划|预计|拟|预期)?(?:已|将|定)?于?/;

/** Words that place a date against the day the sheet was written, which it does not say. */
const RELATIVE =
  /今年|明年|去年|前年|后年|本年|当年|次年|下年|上年|本月|下月|上月|下个月|上个月|近期|近日/;

/** Chinese numerals in a date (二〇二三年三月三日, 三月底, 一季度) written as digits. */
function arabic(s: string): string {
  let out = "";
  for (let i = 0; i < s.length;) {
    const n = /[〇零一二两三四五六七八九十]/.test(s[i]) ? readChineseNumeral(s, i) : null;
    if (n !== null && n.highText === undefined) {
      out += n.text;
      i = n.end;
    } else out += s[i++];
  }
  return out;
}

const YEAR = String.raw`(\d{4}|\d{2}(?=年))`;
/** A day: 2023-03-03, 2023年3月3日, 2023.3.3, 2023/3/3, 2023年3月3号. */
const DAY = new RegExp(String.raw`^${YEAR}[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$`);
/** 20230303. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** A month and a part of it: 2023年3月, 2023-03, 2023.3, 2023年3月份, 2023年3月底, 2023年3月上旬. */
const MONTH = new RegExp(
  String.raw`^${YEAR}[-/.年](\d{1,2})(?:月份?)?(初|中|底|末|上旬|中旬|下旬|上中旬|中下旬)?$`
);
/** A year and a part of it: 2023年, 2023, 2025年底, 2024年上半年, 2024年一季度, 2024年Q1, 2024年第1季度. */
const YEAR_PART = new RegExp(
  String.raw`^${YEAR}年?(年?初|年?中|年?底|年?末|上半年|下半年|第?([1-4])季度?|q([1-4]))?$`
);
/** Before or after the date: 2025年底前, 2025年内 (at most its last day), 2024年以后 (at least its first). */
const SIDE = /(以前|之前|前|以内|之内|内|以后|之后|后)$/;

/** The first and last month of a part of a year (年初 January, 年中 June–July, 年底 December). */
function yearPart(part: string | undefined, quarter: string | undefined): [number, number] {
  if (quarter !== undefined) return [3 * Number(quarter) - 2, 3 * Number(quarter)];
  const p = (part ?? "").replace(/^年/, "");
  if (p === "初") return [1, 1];
  if (p === "中") return [6, 7];
  if (p === "底" || p === "末") return [12, 12];
  if (p === "上半年") return [1, 6];
  if (p === "下半年") return [7, 12];
  return [1, 12];
}

/** The first and last day of a part of a month (月初 = 上旬 1–10, 月中 = 中旬 11–20, 月底 = 下旬 21–end). */
function monthPart(part: string | undefined, last: number): [number, number] {
  if (part === "初" || part === "上旬") return [1, 10];
  if (part === "中" || part === "中旬") return [11, 20];
  if (part === "底" || part === "末" || part === "下旬") return [21, last];
  if (part === "上中旬") return [1, 20];
  if (part === "中下旬") return [11, last];
  return [1, last];
}

const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** A range mark between two dates (2023年3-6月, 2023-2025年, 2023年3月1日至5日). */
const RANGE_MARK = /[-~至到]/g;

/**
 * The days from one date to another (2023年3-6月, 2023-2025年, 2023.3-2023.6, 2023年3月1日-5日): the
 * high end may leave out the year (and month) the low end gave. Null unless both ends read, in order.
 */
function rangeOf(t: string): [number, number] | null {
  RANGE_MARK.lastIndex = 0;
  for (let m = RANGE_MARK.exec(t); m !== null; m = RANGE_MARK.exec(t)) {
    const [from, to] = [t.slice(0, m.index), t.slice(m.index + 1)];
    const low = daysOf(from, false);
    if (low === null) continue;
    const year = /^(\d{4}|\d{2}(?=年))/.exec(from)?.[1];
    const month = /^\d{4}[-/.年]\d{1,2}[-/.月]?/.exec(from)?.[0];
    const filled = /^\d{4}/.test(to)
      ? to
      : /^\d{1,2}[日号]$/.test(to) && DAY.test(from) && month !== undefined
        ? month + to
        : /^\d{1,2}月/.test(to) && year !== undefined
          ? `${year}年${to}`
          : null;
    const high = filled === null ? null : daysOf(filled, false);
    if (high !== null && low[0] <= high[1]) return [low[0], high[1]];
  }
  return null;
}

/** The days a folded date text (no side word) covers: [first, last] serial days, or null. */
function daysOf(t: string, ranges = true): [number, number] | null {
  let m = DAY.exec(t) ?? COMPACT.exec(t);
  if (m) {
    const d = serialDay(fullYear(m[1]), Number(m[2]), Number(m[3]));
    return d === d ? [d, d] : null;
  }
  m = MONTH.exec(t);
  if (m) {
    const [y, mo] = [fullYear(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return null;
    const [a, b] = monthPart(m[3], lastDay(y, mo));
    return [serialDay(y, mo, a), serialDay(y, mo, b)];
  }
  m = YEAR_PART.exec(t);
  if (m) {
    const y = fullYear(m[1]);
    const [a, b] = yearPart(m[2], m[3] ?? m[4]);
    return [serialDay(y, a, 1), serialDay(y, b, lastDay(y, b))];
  }
  return ranges ? rangeOf(t) : null;
}

/**
 * The event a date cell names after its date (签约 in 2023年3月3日签约) that is none of the column's
 * `names` (开工 in a 签约日期 column): such a cell is no reading. Null otherwise.
 */
export function otherEvent(cell: CellValue, names?: readonly string[]): string | null {
  if (typeof cell !== "string" || names === undefined) return null;
  const m = EVENT.exec(foldText(cell).replace(/\s+/g, ""));
  return m !== null && !names.some((n) => n.includes(m[1])) ? m[1] : null;
}

/**
 * A date cell read: its serial day (the middle day of a period, or a bound), or null when unreadable.
 * `names`: the column's names; an event after the date must be one of theirs (签约 in 签约日期).
 */
export function readDateText(cell: CellValue, names?: readonly string[]): DateReading | null {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return null;
    // A whole number 1900–2100 in a date column is a year (serial 2023 would be 1905-07-15).
    if (Number.isInteger(cell) && cell >= 1900 && cell <= 2100) return readDateText(`${cell}年`);
    // 20230303 typed as a number is that day (Excel's day 20 230 303 is in the year 57 000).
    if (Number.isInteger(cell) && cell >= 19000101 && cell <= 21001231)
      return readDateText(String(cell));
    return { value: cell, low: cell, high: cell, bound: "exact", vague: false };
  }
  if (typeof cell !== "string") return null;
  // 2023年度: the year.
  let t = arabic(foldText(cell).replace(/\s+/g, "")).replace("年度", "年");
  if (RELATIVE.test(t)) return null;
  const words: string[] = [];
  let planned: string | undefined;
  const event = EVENT.exec(t);
  if (event !== null && event.index > 0) {
    if (otherEvent(cell, names) !== null) return null;
    words.push(event[0]);
    t = t.slice(0, event.index);
  }
  const before = BEFORE.exec(t)![0];
  if (before !== "" && before.length < t.length) {
    planned = /^(计划|预计|拟|预期)/.exec(before)?.[1];
    const rest = before.slice(planned?.length ?? 0);
    if (rest !== "") words.unshift(rest);
    t = t.slice(before.length);
  }
  const r = readDay(t);
  if (r === null) return null;
  return {
    ...r,
    ...(words.length > 0 ? { words } : {}),
    ...(planned !== undefined ? { planned } : {}),
  };
}

/** A folded date text with no event words around it. */
function readDay(t: string): DateReading | null {
  // 2023年3月前后, 左右: about it (前后 is not 前 … 后).
  const about = /(?:前后|左右|上下)$/.exec(t);
  if (about) t = t.slice(0, about.index);
  const side = about ? null : SIDE.exec(t);
  if (side) t = t.slice(0, side.index);
  const days = daysOf(t);
  if (days === null) return null;
  const [low, high] = days;
  const shortYear = /^\d{2}年/.test(t) ? t.slice(0, 3) : undefined;
  const extra = shortYear === undefined ? {} : { shortYear };
  if (side !== null) {
    const before = !side[1].endsWith("后");
    const value = before ? high : low;
    return {
      value,
      low: value,
      high: value,
      bound: before ? "atMost" : "atLeast",
      vague: false,
      ...extra,
    };
  }
  const middle = low + Math.floor((high - low) / 2);
  if (about)
    return {
      value: middle,
      low: middle,
      high: middle,
      bound: "approximate",
      vague: false,
      ...extra,
    };
  if (low === high) return { value: low, low, high, bound: "exact", vague: false, ...extra };
  // The middle day of the period, a whole day.
  return {
    value: middle,
    low,
    high,
    bound: "range",
    vague: false,
    ...extra,
  };
}

/** A date cell's serial day; NaN when unreadable (readDateText says what it read). */
export function readDate(cell: CellValue, names?: readonly string[]): number {
  const r = readDateText(cell, names);
  return r === null ? NaN : r.value;
}

/**
 * What reading a date assumed (a period's middle day, a bound, a year of two digits, words left out, a
 * plan); null when exact or unread.
 */
export function dateNote(cell: CellValue, names?: readonly string[]): Label | null {
  const r = readDateText(cell, names);
  if (
    r === null ||
    (r.bound === "exact" &&
      r.shortYear === undefined &&
      r.words === undefined &&
      r.planned === undefined)
  )
    return null;
  const notes: Label[] = [];
  if (r.planned !== undefined)
    notes.push({
      zh: `“${r.planned}”：所写是计划日期，按此读取`,
      en: `"${r.planned}": a planned date, read as written`,
    });
  if (r.words !== undefined) {
    const quoted = r.words.map((w) => `“${w}”`).join("");
    notes.push({ zh: `略去${quoted}，按日期读取`, en: `left out ${quoted}; read the date` });
  }
  if (r.shortYear !== undefined) {
    const y = fullYear(r.shortYear.slice(0, 2));
    notes.push({
      zh: `“${r.shortYear}”读作 ${y} 年`,
      en: `"${r.shortYear}" read as the year ${y}`,
    });
  }
  if (r.bound !== "exact") notes.push(boundNote(r, "mid", isoDay, isoDay));
  return { zh: notes.map((n) => n.zh).join("；"), en: notes.map((n) => n.en).join("; ") };
}

/** Why a date cell is unreadable: a relative date or a day without its year say so. */
export function dateProblem(cell: CellValue, label: Label, names?: readonly string[]): Label {
  const text = String(cell).trim();
  const t = typeof cell === "string" ? arabic(foldText(cell)) : "";
  const event = otherEvent(cell, names);
  if (event !== null && readDateText(cell) !== null)
    return {
      zh: `“${text}”写的是${event}的日期，不是${label.zh}`,
      en: `"${text}" gives the date of ${event}, not ${label.en}`,
    };
  if (RELATIVE.test(t))
    return {
      zh: `“${text}”是相对的日期，表格没有写明是哪一年写的，无法读取；请写明年份（如 2025年一季度）`,
      en: `"${text}" is a relative date and the sheet does not say when it was written; write the year (e.g. 2025年一季度)`,
    };
  if (/^\d{1,2}月/.test(t))
    return {
      zh: `“${text}”没有写年份，无法读作${label.zh}`,
      en: `"${text}" gives no year; it cannot be read as ${label.en}`,
    };
  return {
    zh: `“${text}”无法读作${label.zh}（日期）`,
    en: `"${text}" cannot be read as ${label.en} (a date)`,
  };
}
