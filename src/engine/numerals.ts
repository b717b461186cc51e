/**
 * Low-level reading of numbers as Chinese sheets write them: width folding (１５００，．), Arabic numbers
 * with thousands separators, and Chinese numerals (两千万, 一点五, 十八, 数十, 壹仟伍佰).
 * Numbers are returned as decimal strings so callers can scale them by powers of ten exactly
 * (Number("4.287e8") is the double nearest 428 700 000; 4.287 * 1e8 need not be).
 */

/** Traditional and financial (大写) characters folded to the simplified ones the readers know. */
const CHAR_FOLD_TABLE: Record<string, string> = {
  壹: "一",
  贰: "二",
  貳: "二",
  叁: "三",
  參: "三",
  肆: "四",
  伍: "五",
  陆: "六",
  陸: "六",
  柒: "七",
  捌: "八",
  玖: "九",
  拾: "十",
  佰: "百",
  仟: "千",
  萬: "万",
  億: "亿",
  兩: "两",
  圆: "元",
  圓: "元",
  幣: "币",
  鎊: "镑",
  歐: "欧",
  約: "约",
  餘: "余",
  於: "于",
  過: "过",
  將: "将",
  內: "内",
  點: "点",
  幾: "几",
  數: "数",
  來: "来",
  "\u301c": "~", // 〜 wave dash
  "\u223c": "~", // ∼
  "\u3010": "(", // 【
  "\u3011": ")", // 】
  "\u3014": "(", // 〔
  "\u3015": ")", // 〕
  "[": "(",
  "]": ")",
  "\uffe5": "\u00a5", // ￥ → ¥
  "\uffe1": "\u00a3", // ￡ → £
  "\u2264": "≤",
  "\u2265": "≥",
};

const CHAR_FOLD = new Map<number, number>(
  Object.entries(CHAR_FOLD_TABLE).map(([k, v]) => [k.charCodeAt(0), v.charCodeAt(0)])
);

/** Odd spaces (ideographic, no-break, narrow and medium mathematical), folded to " "; also U+2000–U+200A. */
const SPACE_CODES = [0x3000, 0xa0, 0x202f, 0x205f];
/** Dashes and minus signs, folded to "-". */
const DASH_CODES = [
  0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0x2e3a, 0x2e3b,
];
/** Zero-width characters, folded to " " to keep the length: callers map indices back. */
const ZERO_WIDTH_CODES = [0x200b, 0xfeff];

/**
 * Every UTF-16 code's fold, built once: the amount scan folds each character it reads. Built by
 * ranges, not by asking a rule 65 536 times: it is made on every start of the CLI and the add-in.
 */
const FOLD = ((): Uint16Array => {
  const fold = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) fold[c] = c;
  for (const [from, to] of CHAR_FOLD) if (from >= 0x80) fold[from] = to;
  // ASCII keeps itself but for upper case; full-width ASCII folds as its half-width form, then by the table.
  for (let c = 0x41; c <= 0x5a; c++) fold[c] = c + 32;
  for (let c = 0xff01; c <= 0xff5e; c++) {
    const half = fold[c - 0xfee0];
    fold[c] = CHAR_FOLD.get(half) ?? half;
  }
  for (let c = 0x2000; c <= 0x200a; c++) fold[c] = 32;
  for (const c of [...SPACE_CODES, ...ZERO_WIDTH_CODES]) fold[c] = 32;
  for (const c of DASH_CODES) fold[c] = 45;
  return fold;
})();

/** The character code that `foldText` turns the code `c` (a UTF-16 code unit) into. */
export function foldCharCode(c: number): number {
  return FOLD[c];
}

/**
 * 1 for the code units String.prototype.trim removes (ECMAScript white space and line ends: all
 * below U+0021, U+00A0, U+1680, U+2000–U+205F, U+3000 and U+FEFF are asked, the rest are not).
 */
const TRIMMED = ((): Uint8Array => {
  const trimmed = new Uint8Array(0x10000);
  const ask = (c: number) => (trimmed[c] = String.fromCharCode(c).trim() === "" ? 1 : 0);
  for (let c = 0; c <= 0x20; c++) ask(c);
  for (let c = 0x2000; c <= 0x205f; c++) ask(c);
  [0xa0, 0x1680, 0x3000, 0xfeff].forEach(ask);
  return trimmed;
})();

/** Whether `text.trim()` would be empty, without building a string: cells are checked by the 100 000. */
export function isBlankText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (TRIMMED[text.charCodeAt(i)] === 0) return false;
  return true;
}

/**
 * Folds full-width ASCII to half-width, odd spaces to " ", dashes to "-", traditional/financial
 * numerals to simplified, ASCII letters to lower case, zero-width characters to spaces. Every character
 * maps to exactly one, so indices into the result are indices into the input.
 * Returns the input itself when nothing changes (the common case costs one scan).
 */
export function foldText(text: string): string {
  let out: string[] | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = foldCharCode(c);
    if (f !== c && out === null) out = [text.slice(0, i)];
    if (out !== null) out.push(f === c ? text[i] : String.fromCharCode(f));
  }
  return out === null ? text : out.join("");
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A number read from text: `text` is a plain decimal string ("1500", "4.287"); `end` the index after it. */
export interface NumberRead {
  end: number;
  text: string;
  /** For vague numerals (数十, 十几): the upper reading; `text` is then the lower one. */
  highText?: string;
}

function countDigits(s: string, i: number): number {
  let n = 0;
  while (i + n < s.length && isDigitCode(s.charCodeAt(i + n))) n++;
  return n;
}

/**
 * Reads an Arabic number at `i` of folded text: digits with "," or " " thousands groups
 * ("82,225.00", "10 575") and a decimal part; also ".5". Null when no digit starts there.
 */
export function readArabicNumber(s: string, i: number): NumberRead | null {
  let int = "";
  let j = i;
  let n = countDigits(s, j);
  if (n === 0) {
    if (s.charCodeAt(j) !== 46 || countDigits(s, j + 1) === 0) return null;
    int = "0";
  } else {
    int = s.slice(j, j + n);
    j += n;
    let group = n;
    for (;;) {
      const sep = s.charCodeAt(j);
      // A group separator needs exactly three digits after it; spaces also need a short first group.
      if ((sep === 44 || (sep === 32 && group <= 3)) && countDigits(s, j + 1) === 3) {
        int += s.slice(j + 1, j + 4);
        j += 4;
        group = 3;
      } else break;
    }
  }
  if (s.charCodeAt(j) === 46) {
    const d = countDigits(s, j + 1);
    if (d > 0) {
      const text = `${int}.${s.slice(j + 1, j + 1 + d)}`;
      return { end: j + 1 + d, text };
    }
  }
  return { end: j, text: int };
}

const ZH_DIGITS = new Map<number, number>(
  [..."零〇一二两三四五六七八九"].map((ch, i) => [
    ch.charCodeAt(0),
    [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9][i],
  ])
);
const ZH_PLACES = new Map<number, number>([
  [0x5341, 10], // 十
  [0x767e, 100], // 百
  [0x5343, 1000], // 千
]);
/**
 * 数/几 stand for a digit: leading, 1 up to (not including) 10 of their place (数十 = 10–100, 几 = 1–10);
 * after other digits, 0 up to 10 (十几 = 10–20, 三十几 = 30–40).
 */
const VAGUE_SHU = 0x6570;
const VAGUE_JI = 0x51e0;
const POINT = 0x70b9; // 点
const ZERO = 0x96f6; // 零
const LING = 0x3007; // 〇

/** True when a Chinese numeral can start at this character code (not 百/千 alone: those are units). */
export function startsChineseNumeral(c: number): boolean {
  return ZH_DIGITS.has(c) || c === 0x5341 || c === VAGUE_SHU || c === VAGUE_JI;
}

/**
 * Digit by digit (一零一 = 101, 二〇二三 = 2023): a run of digits with no place. Two non-zero digits
 * alone (三四) are "three or four", not 34, and are left to the caller as a failed read.
 */
function readDigitRun(s: string, i: number): NumberRead | null {
  let j = i;
  let text = "";
  let zero = false;
  for (
    let d = ZH_DIGITS.get(s.charCodeAt(j));
    d !== undefined;
    d = ZH_DIGITS.get(s.charCodeAt(++j))
  ) {
    const c = s.charCodeAt(j);
    if (c === ZERO || c === LING) zero = true;
    text += String(d);
  }
  if (text.length < 2 || ZH_PLACES.has(s.charCodeAt(j)) || (!zero && text.length < 3)) return null;
  return { end: j, text: text.replace(/^0+(?=\d)/, "") };
}

/**
 * Reads a Chinese numeral below 万 at `i` (万 and 亿 are units for the caller): 三千五百, 十八, 两千,
 * 一点五, 数十, 十几, 一零一, and a last digit one place below the one before it (三百五 = 350,
 * 一千五 = 1500). Two digits in a row, the second larger, are "this or that" (两三百 = 200–300,
 * 二十三四 = 23–24, 三五十 = 30–50), a range as 数十 is. Null when none starts there or the digits do
 * not form one number.
 */
export function readChineseNumeral(s: string, i: number): NumberRead | null {
  if (i >= s.length || !startsChineseNumeral(s.charCodeAt(i))) return null;
  const run = readDigitRun(s, i);
  if (run !== null) return run;
  let low = 0;
  let high = 0;
  let digitLow = -1;
  let digitHigh = -1;
  let vague = false;
  /** Place of the last place character, and whether a 零 came after it. */
  let lastPlace = 0;
  let zeroAfterPlace = false;
  let j = i;
  for (; j < s.length; j++) {
    const c = s.charCodeAt(j);
    const d = ZH_DIGITS.get(c);
    const p = ZH_PLACES.get(c);
    if (d !== undefined) {
      if (d === 0) {
        zeroAfterPlace = true; // 零 only marks a skipped place (一百零五)
        continue;
      }
      if (digitLow >= 0) {
        // 两三, 三五: this or that; a second digit not above the first (二一, 三三) is no number.
        if (vague || digitLow !== digitHigh || d <= digitLow) return null;
        vague = true;
        digitHigh = d;
        continue;
      }
      digitLow = digitHigh = d;
    } else if (c === VAGUE_SHU || c === VAGUE_JI) {
      if (digitLow >= 0 || vague) return null;
      vague = true;
      const leading = low === 0;
      digitLow = leading ? 1 : 0;
      digitHigh = 10;
    } else if (p !== undefined) {
      if (lastPlace !== 0 && p >= lastPlace) break;
      low += (digitLow < 0 ? 1 : digitLow) * p;
      high += (digitHigh < 0 ? 1 : digitHigh) * p;
      digitLow = digitHigh = -1;
      lastPlace = p;
      zeroAfterPlace = false;
    } else break;
  }
  if (digitLow >= 0) {
    // 三百五: a last digit right after a place counts one place down.
    const place = lastPlace > 10 && !zeroAfterPlace ? lastPlace / 10 : 1;
    low += digitLow * place;
    high += digitHigh * place;
  }
  if (!vague && s.charCodeAt(j) === POINT) {
    let dec = "";
    let k = j + 1;
    for (
      let d = ZH_DIGITS.get(s.charCodeAt(k));
      d !== undefined;
      d = ZH_DIGITS.get(s.charCodeAt(++k))
    )
      dec += String(d);
    if (dec.length > 0) return { end: k, text: `${low}.${dec}` };
  }
  return vague
    ? { end: j, text: String(low), highText: String(high) }
    : { end: j, text: String(low) };
}

/**
 * Characters a figure is written with, and what may stand between it and its round word (50多万,
 * 1.2 万): a round word after one is part of it (五百, 3千), not alone.
 */
const FIGURE = "\\d.零〇一二两三四五六七八九十百千万亿几数多余来把\\s";
const ROUND_WORD = /[百千万]/;
const SAID_AT_LEAST = new RegExp(`(^|[^${FIGURE}超])[上过](?=[百千万](?!分之))`, "g");
const SAID_ALONE = new RegExp(`(^|[^${FIGURE}])([百千万])(?!分之)`, "g");

/**
 * Round figures as they are said, written out for the readers of counts and areas: 百/千/万 alone
 * are 一百/一千/一万 (百来人, 近百亩, 千人); 上百, 过千 are at least that (超一百); 把 after 十/百/千/万
 * is 来, "or so" (千把人 = 一千来人). Not for amounts: 百万, 千万 are units there.
 */
export function spokenRound(folded: string): string {
  // Number cells are read by the 100 000: most hold none of these words.
  if (!ROUND_WORD.test(folded)) return folded;
  return folded
    .replace(SAID_AT_LEAST, "$1超")
    .replace(SAID_ALONE, "$1一$2")
    .replace(/([十百千万])把/g, "$1来");
}

/** The number a Chinese numeral writes (三千五百 → 3500, 一点五 → 1.5), or null. Whole text only. */
export function parseChineseNumeral(text: string): number | null {
  const r = readChineseNumeral(foldText(text.trim()), 0);
  return r && r.end === text.trim().length && r.highText === undefined ? Number(r.text) : null;
}

/**
 * Power of ten of the last non-zero digit of a decimal text (3000 → 3, 1.5 → −1, 10 → 1), null for
 * zero. 多/余 after a number run up to the next unit of that digit: the one rule for amounts, land and
 * numbers (3000多万 = 3000万–4000万, 50余亩 = 50–60 亩, 1.5多 = 1.5–1.6).
 */
export function lastDigitPlace(text: string): number | null {
  const r = lastDigit(text);
  return r === null ? null : r.place;
}

/** The digits of a decimal text up to its last non-zero one, and that digit's place (1.50 → 15, −1). */
function lastDigit(text: string): { digits: string; place: number } | null {
  const dot = text.indexOf(".");
  const digits = dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1);
  let last = digits.length - 1;
  while (last >= 0 && digits.charCodeAt(last) === 48) last--;
  if (last < 0) return null;
  return { digits: digits.slice(0, last + 1), place: (dot < 0 ? digits.length : dot) - 1 - last };
}

/** The high end 多/余 give a number written as `text` (50 → 60, 3000 → 4000, 1.5 → 1.6); null for zero. */
export function moreHigh(text: string): number | null {
  const r = lastDigit(text);
  return r === null ? null : scaleDecimal(String(Number(r.digits) + 1), r.place);
}

/** `text × 10^exp` computed from the decimal string, so the result is the double nearest the exact value. */
export function scaleDecimal(text: string, exp: number): number {
  return exp === 0 ? Number(text) : Number(`${text}e${exp}`);
}

/** log10 of `m` when it is an exact power of ten (1, 1e4, 1e8…), else null. */
export function powerOfTen(m: number): number | null {
  if (!(m > 0) || !Number.isFinite(m)) return null;
  const k = Math.round(Math.log10(m));
  return scaleDecimal("1", k) === m ? k : null;
}

/**
 * Writes `value / 10^exp` (value ≥ 0) as a plain decimal string without rounding, by shifting the
 * digits of the shortest representation of `value`, so that scaleDecimal(result, exp) === value.
 */
export function shiftedDecimal(value: number, exp: number): string {
  const s = String(value);
  const e = s.indexOf("e");
  const mant = e < 0 ? s : s.slice(0, e);
  const dot = mant.indexOf(".");
  let digits = dot < 0 ? mant : mant.slice(0, dot) + mant.slice(dot + 1);
  // value = digits × 10^pow
  let pow = (e < 0 ? 0 : Number(s.slice(e + 1))) - exp - (dot < 0 ? 0 : mant.length - dot - 1);
  let first = 0;
  while (first < digits.length - 1 && digits.charCodeAt(first) === 48) first++;
  let last = digits.length;
  while (last > first + 1 && digits.charCodeAt(last - 1) === 48) {
    last--;
    pow++;
  }
  digits = digits.slice(first, last);
  if (digits === "0") return "0";
  if (pow >= 0) return digits + "0".repeat(pow);
  const point = digits.length + pow;
  return point > 0
    ? `${digits.slice(0, point)}.${digits.slice(point)}`
    : `0.${"0".repeat(-point)}${digits}`;
}
