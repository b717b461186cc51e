/**
 * The value-only reader for the batch scorer: the common shapes of amount text ("1500万美元",
 * "约3000万", "1,500万", "１５００万美元", "1-2亿", "USD 15m", "5000万元以上", "1.5亿元(0.2亿美元)")
 * read in one pass over the characters, with the lexicon's words; anything else — and every form
 * whose reading needs the grammar (多/余, signs, tails after units, two currencies, fillers before the
 * number) — falls back to parseAmount. Property tests prove both give the same value and currency.
 */
import { zhUnitExp } from "../fx";
import { foldCharCode, powerOfTen, scaleDecimal, foldText } from "../numerals";
import {
  AmountContext,
  BoundChoice,
  CellValue,
  CurrencyCode,
  ParseAmountOptions,
  ParsedAmount,
} from "../types";
import {
  enWord,
  isLetterCode,
  isMissing,
  Q_AT_LEAST,
  Q_AT_MOST,
  WordTok,
  zhWordsAt,
  zhWordStarts,
} from "./lexicon";
import { cleanOptions, parseAmount, scaleExactly } from "./parse";

/** amountValue statuses: read; missing (blank, 待定 …); unreadable (any other AmountError). */
export const AMOUNT_OK = 0;
export const AMOUNT_MISSING = 1;
export const AMOUNT_ERROR = 2;

/** What amountValue writes besides the value it returns (one object reused across calls). */
export interface AmountValueOut {
  status: number;
  /** Currency read; null unless status is AMOUNT_OK. */
  currency: CurrencyCode | null;
  /**
   * Read as written, nothing assumed: no bound, approximation or range, nothing left out (what
   * parseAmount gives as bound "exact" without `ignored`); the reading report counts the others.
   */
  exact: boolean;
}

const NO_CONTEXT: Partial<AmountContext> = Object.freeze({});

/** The scan gave up: the text needs the full parser. */
const FALLBACK = -1;
const POW10 = Array.from({ length: 23 }, (_, k) => scaleDecimal("1", k));

/**
 * m × 10^k as Number(`${m}e${k}`) reads it, or NaN outside the exact range: an exact integer times
 * or divided by an exact power of ten is one correctly rounded operation (Clinger's fast path).
 */
function scaled(m: number, k: number): number {
  if (k >= 0) return k <= 22 ? m * POW10[k] : NaN;
  return k >= -22 ? m / POW10[-k] : NaN;
}

function isBlankCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Folded digit value at i, or −1. */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

function foldedAt(s: string, i: number): number {
  return foldCharCode(s.charCodeAt(i));
}

/** Digits in a row at i (folded). */
function digitRun(s: string, i: number, n: number): number {
  let j = i;
  while (j < n && digitAt(s, j) >= 0) j++;
  return j - i;
}

/**
 * The dictionary words starting with each character code, found by index rather than a map lookup:
 * WORDS_AT holds each list once and WORD_LIST[c] its place plus one, 0 for most characters (no word).
 */
const WORDS_AT: (readonly { word: string; tok: WordTok }[])[] = [];
const WORD_LIST = new Uint16Array(0x10000);
for (const c of zhWordStarts()) WORD_LIST[c] = WORDS_AT.push(zhWordsAt(c) ?? []);

/**
 * 1 for the magnitude characters (万, 亿, 千, 百, 兆; not 十, which may not lead a run) that fold to
 * themselves and start no dictionary word: wordAt finds nothing there, so scanSide skips asking.
 */
const MAGNITUDE = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++)
  if (zhUnitExp(c) >= 0 && c !== 0x5341 && WORD_LIST[c] === 0 && foldCharCode(c) === c)
    MAGNITUDE[c] = 1;

/** One side of a range as the scan reads it: a single number, its unit and currency. */
interface ScanSide {
  /** The digits as an integer and the count of decimals: the number is m / 10^d. */
  m: number;
  d: number;
  /** Power of ten of the unit; NaN without one (角 and 分 are −1 and −2). */
  exp: number;
  cur: string | null;
  curAfter: boolean;
}

/** The scan's state, passed along explicitly: the word just matched, qualifiers, the two sides. */
interface Scan {
  /** Length of the word wordAt matched. */
  len: number;
  quals: number;
  a: ScanSide;
  b: ScanSide;
}

const hasUnit = (side: ScanSide): boolean => !Number.isNaN(side.exp);

const newSide = (): ScanSide => ({ m: 0, d: 0, exp: NaN, cur: null, curAfter: false });

/**
 * The state amountValue scans with, reused from cell to cell: the batch scorer reads 100 000s of
 * cells, and a scan never calls out to code that could start another one.
 */
const SCRATCH: Scan = { len: 0, quals: 0, a: newSide(), b: newSide() };
/** The state and result a trailing bracket is scanned with (brackets do not nest there). */
const BRACKET: Scan = { len: 0, quals: 0, a: newSide(), b: newSide() };
const BRACKET_OUT: AmountValueOut = { status: AMOUNT_OK, currency: null, exact: false };

/**
 * The dictionary word the tokenizer would read at i, its length into `st.len`; undefined where the
 * scan should not decide (text that folds to something else, English phrases, "." and the characters
 * the tokenizer reads before the dictionary).
 */
function wordAt(st: Scan, s: string, i: number, n: number): WordTok | undefined {
  const c = s.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
    let j = i + 1;
    while (j < n && isLetterCode(foldedAt(s, j))) j++;
    if (s.charCodeAt(j) === 36) j++; // US$, HK$
    if (s.charCodeAt(j) === 32 && isLetterCode(foldedAt(s, j + 1))) return undefined;
    st.len = j - i;
    return enWord(s.slice(i, j).toLowerCase());
  }
  if (c === 46 || c === 45 || c === 126 || c === 40 || c === 41 || foldCharCode(c) !== c)
    return undefined;
  const list = WORD_LIST[c];
  if (list === 0) return undefined;
  const cands = WORDS_AT[list - 1];
  for (let w = 0; w < cands.length; w++)
    if (s.startsWith(cands[w].word, i)) {
      st.len = cands[w].word.length;
      return cands[w].tok;
    }
  return undefined;
}

/**
 * Reads one side at i into `side`; returns the index after it, or FALLBACK. Grammar: qualifiers and
 * currencies, one Arabic number (thousands commas, decimals, full-width digits), then a unit (万, 亿,
 * 千万, m, bn …), currencies, qualifiers and fillers; spaces only before the number.
 */
function scanSide(st: Scan, s: string, i: number, n: number, side: ScanSide): number {
  side.cur = null;
  side.curAfter = false;
  side.exp = NaN;
  for (;;) {
    if (i >= n) return FALLBACK;
    if (isBlankCode(s.charCodeAt(i))) {
      i++;
      continue;
    }
    if (digitAt(s, i) >= 0) break;
    const w = wordAt(st, s, i, n);
    if (w === undefined) return FALLBACK;
    if (w.k === "qual") st.quals |= w.q;
    else if (w.k === "cur" && !w.yuan && (side.cur === null || side.cur === w.code))
      side.cur = w.code;
    else return FALLBACK;
    i += st.len;
  }
  // readArabicNumber's grammar: digits, groups of exactly three after ",", then decimals.
  let m = 0;
  const start = i;
  for (let x = digitAt(s, i); x >= 0; x = digitAt(s, ++i)) m = m * 10 + x;
  let digits = i - start;
  while (i < n && foldedAt(s, i) === 44 && digitRun(s, i + 1, n) === 3) {
    for (let k = 1; k <= 3; k++) m = m * 10 + digitAt(s, i + k);
    digits += 3;
    i += 4;
  }
  let d = 0;
  if (i < n && foldedAt(s, i) === 46) {
    for (let x = digitAt(s, i + 1 + d); x >= 0; x = digitAt(s, i + 1 + d)) {
      m = m * 10 + x;
      d++;
    }
    if (d === 0) return FALLBACK;
    digits += d;
    i += d + 1;
  }
  if (digits > 15) return FALLBACK;
  side.m = m;
  side.d = d;
  while (i < n) {
    const c = s.charCodeAt(i);
    let w: WordTok | undefined;
    // 万, 亿 … go straight to the magnitude run below, where the checks before would send them.
    if (MAGNITUDE[c] === 0) {
      const f = foldCharCode(c);
      if (f === 45 || f === 126 || f === 40) return i; // a range separator or a bracket: the caller's
      // A digit after the number (1万2345, 1元5): a tail, read by the grammar.
      if (digitAt(s, i) >= 0) return FALLBACK;
      w = wordAt(st, s, i, n);
    }
    if (w === undefined) {
      // 万, 亿, 千万: a run of magnitude characters (十 and 百 may follow the first).
      if (hasUnit(side) || side.curAfter || c === 0x5341 || zhUnitExp(c) < 0) return FALLBACK;
      let exp = 0;
      for (let x = zhUnitExp(c); x >= 0 && i < n; x = zhUnitExp(s.charCodeAt(++i))) exp += x;
      side.exp = exp;
      continue;
    }
    if (w.k === "unit") {
      if (hasUnit(side) || side.curAfter) return FALLBACK;
      side.exp = w.exp;
    } else if (w.k === "cur") {
      if (side.cur !== null && side.cur !== w.code) return FALLBACK;
      side.cur = w.code;
      side.curAfter = true;
    } else if (w.k === "qual") st.quals |= w.q;
    else if (w.k === "sep") return i;
    else if (w.k !== "skip") return FALLBACK;
    i += st.len;
  }
  return i;
}

/** A side's value as the grammar's sideValue gives it. */
function sideAmount(side: ScanSide, mult: number, exp0: number | null): number {
  if (hasUnit(side)) return scaled(side.m, side.exp - side.d);
  if (side.curAfter || mult === 1) return scaled(side.m, -side.d);
  return exp0 !== null ? scaled(side.m, exp0 - side.d) : scaled(side.m, -side.d) * mult;
}

/**
 * The common shapes of amount text read by one scan of its characters. Returns the value (currency
 * into `out`) or FALLBACK (−1) for anything else. Exported for its tests.
 */
export function scanAmount(
  s: string,
  ctx: Partial<AmountContext>,
  choice: BoundChoice,
  out: AmountValueOut,
  st: Scan = SCRATCH
): number {
  let n = s.length;
  while (n > 0 && isBlankCode(s.charCodeAt(n - 1))) n--;
  st.len = 0;
  st.quals = 0;
  const { a, b } = st;
  let i = scanSide(st, s, 0, n, a);
  if (i === FALLBACK) return FALLBACK;
  let sides = 1;
  if (i < n && foldedAt(s, i) !== 40) {
    const f = foldedAt(s, i);
    if (f === 45 || f === 126) while (i < n && foldedAt(s, i) === f) i++;
    else if (wordAt(st, s, i, n)?.k === "sep") i += st.len;
    else return FALLBACK;
    i = scanSide(st, s, i, n, b);
    if (i === FALLBACK) return FALLBACK;
    sides = 2;
  }
  if (i < n) {
    // A trailing bracket with a number in it is the alternate: it does not change the value. One
    // opening with a word may label the column's own figure ((注册资本1亿元)): the parser decides.
    if (foldedAt(s, i) !== 40 || foldedAt(s, n - 1) !== 41) return FALLBACK;
    let first = i + 1;
    while (first < n && isBlankCode(s.charCodeAt(first))) first++;
    if (digitAt(s, first) < 0) return FALLBACK;
    let digit = false;
    for (let j = i + 1; j < n - 1; j++) {
      const f = foldedAt(s, j);
      if (f === 40 || f === 41) return FALLBACK;
      if (f >= 48 && f <= 57) digit = true;
    }
    if (!digit) return FALLBACK;
    // Only an amount the scan reads is an alternate; other words (1(3以十个约)) the parser weighs.
    if (scanAmount(s.slice(i + 1, n - 1), NO_CONTEXT, "mid", BRACKET_OUT, BRACKET) === FALLBACK)
      return FALLBACK;
  }
  const mult = ctx.multiplier ?? 1;
  const exp0 = mult === 1 ? 0 : powerOfTen(mult);
  if (sides === 2) {
    // 1-2亿: the end without unit or currency borrows the other end's (as the grammar does,
    // which alone decides when borrowing would reverse the range).
    const unitA = hasUnit(a);
    const unitB = hasUnit(b);
    if (!unitA && !a.curAfter && unitB) a.exp = b.exp;
    else if (!unitB && !b.curAfter && unitA) b.exp = a.exp;
    if (a.cur !== null && b.cur !== null && a.cur !== b.cur) return FALLBACK;
    if (a.cur === null) a.cur = b.cur;
    if (a.curAfter || b.curAfter) a.curAfter = b.curAfter = true;
  } else if ((st.quals & Q_AT_LEAST) !== 0 && (st.quals & Q_AT_MOST) !== 0) return FALLBACK;
  const low = sideAmount(a, mult, exp0);
  const high = sides === 2 ? sideAmount(b, mult, exp0) : low;
  // NaN (beyond the exact range), overflow or a reversed range: the parser says which.
  if (!(low <= high && high <= Number.MAX_VALUE)) return FALLBACK;
  out.status = AMOUNT_OK;
  out.currency = (a.cur as CurrencyCode | null) ?? ctx.currency ?? "CNY";
  out.exact = sides === 1 && st.quals === 0;
  if (sides === 1) return low;
  return choice === "low" ? low : choice === "high" ? high : (low + high) / 2;
}

/** A reading with nothing assumed: no bound, approximation or range, nothing left out. */
export function isExact(r: ParsedAmount): boolean {
  return r.bound === "exact" && r.ignored !== true;
}

/**
 * The value and currency parseAmount would give, without building its result: the batch scorer
 * reads 100 000s of cells and needs neither notes nor normalized text. Returns the value (NaN unless
 * out.status is AMOUNT_OK) and writes the status and currency into `out`. Finite non-negative number
 * cells and the common text shapes are read directly; anything else goes through parseAmount.
 */
export function amountValue(
  cell: CellValue,
  options: ParseAmountOptions | undefined,
  out: AmountValueOut
): number {
  const opts = cleanOptions(options);
  const ctx = opts?.context ?? NO_CONTEXT;
  // A column of several items reads labelled figures only, and a figure per 亩 is converted or
  // refused: the parser decides.
  const direct = ctx.labelled !== true && ctx.perArea === undefined && opts?.perMu !== true;
  if (direct && typeof cell === "number" && cell >= 0 && cell <= Number.MAX_VALUE) {
    const value = scaleExactly(cell + 0, ctx.multiplier ?? 1); // + 0: −0 reads as 0
    if (value <= Number.MAX_VALUE) {
      out.status = AMOUNT_OK;
      out.currency = ctx.currency ?? "CNY";
      out.exact = true;
      return value;
    }
  } else if (direct && typeof cell === "string") {
    const v = scanAmount(cell, ctx, opts?.bound ?? "mid", out);
    if (v !== FALLBACK) return v;
    // 待定, "-", "": as parseAmount reads them (a plain number is never missing), without its message.
    if (isMissing(foldText(cell))) cell = null;
  }
  if (cell === null || cell === undefined) {
    out.status = AMOUNT_MISSING;
    out.currency = null;
    out.exact = false;
    return NaN;
  }
  const r = parseAmount(cell, opts);
  out.status = r.ok ? AMOUNT_OK : r.code === "missing" ? AMOUNT_MISSING : AMOUNT_ERROR;
  out.currency = r.ok ? r.currency : null;
  out.exact = r.ok && isExact(r);
  return r.ok ? r.value : NaN;
}
