/**
 * Dates and times in .xlsx cells. A number shown through a date format is a date, not an amount; one
 * shown through a time-only or duration format (h:mm, [h]:mm:ss) is no date either: it reads as the
 * text Excel shows. The CLI's reader, the preview's reader and the Excel host share these rules, so
 * all three hand the same cells to the workbook layer.
 */

/**
 * Codes of the built-in formats (ECMA-376 §18.8.30) that show a date or a time: the en-US ids and,
 * for 27–36 and 50–58, their zh-CN meaning (other East Asian locales give some of them, e.g. 34,
 * other meanings). 47 is written "mmss.0" in the standard; Excel shows it as mm:ss.0.
 */
const BUILT_IN = new Map<number, string>([
  [14, "mm-dd-yy"],
  [15, "d-mmm-yy"],
  [16, "d-mmm"],
  [17, "mmm-yy"],
  [18, "h:mm AM/PM"],
  [19, "h:mm:ss AM/PM"],
  [20, "h:mm"],
  [21, "h:mm:ss"],
  [22, "m/d/yy h:mm"],
  [27, 'yyyy"年"m"月"'],
  [28, 'm"月"d"日"'],
  [29, 'm"月"d"日"'],
  [30, "m-d-yy"],
  [31, 'yyyy"年"m"月"d"日"'],
  [32, 'h"时"mm"分"'],
  [33, 'h"时"mm"分"ss"秒"'],
  [34, '上午/下午h"时"mm"分"'],
  [35, '上午/下午h"时"mm"分"ss"秒"'],
  [36, 'yyyy"年"m"月"'],
  [45, "mm:ss"],
  [46, "[h]:mm:ss"],
  [47, "mm:ss.0"],
  [50, 'yyyy"年"m"月"'],
  [51, 'm"月"d"日"'],
  [52, 'yyyy"年"m"月"'],
  [53, 'm"月"d"日"'],
  [54, 'm"月"d"日"'],
  [55, '上午/下午h"时"mm"分"'],
  [56, '上午/下午h"时"mm"分"ss"秒"'],
  [57, 'yyyy"年"m"月"'],
  [58, 'm"月"d"日"'],
]);

/** One piece of a time format: text shown as is, or a part of the time. */
type Piece =
  | { text: string }
  | { part: "h" | "m" | "s"; width: number; elapsed: boolean }
  | { part: "ampm"; am: string; pm: string }
  | { part: "fraction"; digits: number };

/** A time-only or duration format, ready to show numbers. */
export interface TimeFormat {
  pieces: Piece[];
  /** Decimals of seconds shown (0–3): the time is rounded to them, as Excel does. */
  digits: number;
  twelveHour: boolean;
}

/** How a number format shows a number: as a date, as a time of day or duration, or as a number. */
export type NumberLook = "date" | TimeFormat | undefined;

const MARKERS: [string, string, string][] = [
  ["AM/PM", "AM", "PM"],
  ["am/pm", "am", "pm"],
  ["A/P", "A", "P"],
  ["a/p", "a", "p"],
  ["上午/下午", "上午", "下午"],
];

/**
 * What the first section of format `code` shows (the one for positive numbers). Quoted text, \
 * escapes, [colour], [$-locale], _x padding and *x fill are no parts. A y, d, e (era year) or a
 * month m makes a date; otherwise h, s, [h], [m], [s], AM/PM and a minutes m make a time; else a
 * number. Excel's rule: m right after h (or [h]) or right before s is minutes, otherwise the month.
 */
export function numberLook(code: string): NumberLook {
  const pieces: Piece[] = [];
  let date = false;
  let time = false;
  let digits = 0;
  let twelveHour = false;
  let text = "";
  const letters: { at: number; part: string }[] = [];
  const flush = () => {
    if (text) pieces.push({ text });
    text = "";
  };
  let i = 0;
  for (; i < code.length; i++) {
    const ch = code[i];
    if (ch === ";") break;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      text += code.slice(i + 1, end < 0 ? code.length : end);
      i = end < 0 ? code.length : end;
    } else if (ch === "\\") text += code[++i] ?? "";
    else if (ch === "_") {
      i++;
      text += " ";
    } else if (ch === "*") i++;
    else if (ch === "[") {
      const end = code.indexOf("]", i);
      const inside = code.slice(i + 1, end < 0 ? code.length : end);
      i = end < 0 ? code.length : end;
      const elapsed = /^(h+|m+|s+)$/i.exec(inside);
      if (!elapsed) continue;
      flush();
      const part = inside[0].toLowerCase() as "h" | "m" | "s";
      time = true;
      letters.push({ at: pieces.length, part });
      pieces.push({ part, width: inside.length, elapsed: true });
    } else {
      const marker = MARKERS.find(([m]) => code.startsWith(m, i));
      if (marker) {
        flush();
        time = twelveHour = true;
        pieces.push({ part: "ampm", am: marker[1], pm: marker[2] });
        i += marker[0].length - 1;
        continue;
      }
      const lower = ch.toLowerCase();
      if (/^general$/i.test(code.slice(i, i + 7))) {
        i += 6;
        continue;
      }
      // E+ / E- is a number's exponent, not an era year.
      if ("ydegbhms".includes(lower) && !(lower === "e" && /[+-]/.test(code[i + 1] ?? ""))) {
        let n = 1;
        while (code[i + n]?.toLowerCase() === lower) n++;
        i += n - 1;
        flush();
        letters.push({ at: pieces.length, part: lower });
        if (lower === "h" || lower === "m" || lower === "s")
          pieces.push({ part: lower, width: n, elapsed: false });
        else date = true;
        continue;
      }
      // Decimals of seconds: ".0", ".00", ".000" right after seconds.
      const last = pieces[pieces.length - 1];
      if (
        ch === "." &&
        !text &&
        last &&
        "part" in last &&
        last.part === "s" &&
        code[i + 1] === "0"
      ) {
        let n = 0;
        while (code[i + 1 + n] === "0") n++;
        digits = Math.min(n, 3);
        pieces.push({ part: "fraction", digits: n });
        i += n;
        continue;
      }
      text += ch;
    }
  }
  flush();
  // Which m are months: an m not right after an h and not right before an s (other parts between count, text does not).
  letters.forEach((l, k) => {
    if (l.part === "h" || l.part === "s") time = true;
    if (l.part !== "m") return;
    const minutes = letters[k - 1]?.part === "h" || letters[k + 1]?.part === "s";
    const piece = pieces[l.at] as { elapsed: boolean };
    if (minutes || piece.elapsed) time = true;
    else date = true;
  });
  if (date) return "date";
  return time ? { pieces, digits, twelveHour } : undefined;
}

/** How cell style format `numFmtId` shows a number: its own code when the file defines one, else the built-in. */
export function styleLook(numFmtId: number, codes: ReadonlyMap<number, string>): NumberLook {
  const code = codes.get(numFmtId) ?? BUILT_IN.get(numFmtId);
  return code === undefined ? undefined : numberLook(code);
}

/**
 * A serial number as time format `f` shows it, e.g. 0.5 as "12:00" (h:mm), 1.5104 as "36:15:00"
 * ([h]:mm:ss). Rounded to the seconds (or decimals) shown, as Excel does; a day part with no [h]
 * is dropped. Null for a negative or non-finite number, which Excel cannot show as a time (#####).
 */
export function timeText(serial: number, f: TimeFormat): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  const scale = 10 ** f.digits;
  const units = Math.round(serial * 86_400 * scale);
  const seconds = Math.floor(units / scale);
  const fraction = units - seconds * scale;
  const hours = Math.floor(seconds / 3600);
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  let out = "";
  for (const p of f.pieces) {
    if ("text" in p) out += p.text;
    else if (p.part === "ampm") out += hours % 24 < 12 ? p.am : p.pm;
    else if (p.part === "fraction")
      out += "." + pad(fraction, f.digits).padEnd(p.digits, "0").slice(0, p.digits);
    else {
      const total = p.part === "h" ? hours : p.part === "m" ? Math.floor(seconds / 60) : seconds;
      // [h], [m], [s] count the whole span; h wraps at a day (or 12 with AM/PM), m and s at 60.
      const n = p.elapsed
        ? total
        : p.part !== "h"
          ? total % 60
          : f.twelveHour
            ? hours % 12 || 12
            : hours % 24;
      out += pad(n, Math.min(p.width, 2));
    }
  }
  return out;
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
