/**
 * Reading money as candidate lists write it: "1500万美元", "约1.5亿元", "1-2亿", "5000万元以上",
 * "USD 15m", "两千万", "总投资60.7亿元(8.8亿美元)", numbers under a header such as 总投资（万美元）.
 *
 * Decisions (documented for analysts in the result's `note`):
 * - 近/将近/接近/不足/以下/以内 read as atMost (近700万元 = just under 700万); 超/逾/以上/多/余/不少于/至少
 *   as atLeast (3000多欧元 = a bit over 3000); 约/左右/上下/来 as approximate. A one-sided bound or an
 *   approximation uses the written figure itself (low = high = value); a one-sided bound beats 约.
 * - 数/几 are vague digits: 数十亿 = 20亿–90亿 (range, mid 55亿), 十几万 = 11万–19万, 数亿 = 2亿–9亿.
 * - In a range the side without unit or currency borrows the other side's (1-2亿 = 1亿–2亿).
 * - A header's unit (context.multiplier) applies only to bare numbers: a number with a unit word, or
 *   with a currency word after it (1500美元, 82,225元), is read as written. A currency before the
 *   number (USD 15, 人民币1500) names the currency only, so the header's unit still applies.
 * - Text before the amount is a label and skipped (总投资, 计划, 一期); text after it is not (it may change
 *   the meaning), except a bracketed remark. A bracketed amount is the `alternate`.
 * - Two amounts not in brackets (1500万或2000万, 一期1000万，二期2000万) are "ambiguous", never summed.
 */
import {
  CURRENCY_CODES,
  CURRENCY_WORDS,
  CURRENCY_ZH,
  UNIT_WORDS,
  UNSUPPORTED_CURRENCY_WORDS,
  zhUnitExp,
  formatAmount,
  formatUnit,
} from "./fx";
import {
  foldCharCode,
  foldText,
  isDigitCode,
  powerOfTen,
  readArabicNumber,
  readChineseNumeral,
  scaleDecimal,
  shiftedDecimal,
  startsChineseNumeral,
} from "./numerals";
import {
  AmountBound,
  AmountContext,
  AmountError,
  AmountErrorCode,
  AmountResult,
  BoundChoice,
  CellValue,
  CurrencyCode,
  Label,
  ParseAmountOptions,
  ParsedAmount,
} from "./types";

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

type Qual = "approximate" | "atLeast" | "atMost";
/** Qualifiers seen, as bits (a side can carry several: 约5000万元以上). */
const Q_APPROX = 1;
const Q_AT_LEAST = 2;
const Q_AT_MOST = 4;
const QUAL_BIT: Record<Qual, number> = {
  approximate: Q_APPROX,
  atLeast: Q_AT_LEAST,
  atMost: Q_AT_MOST,
};

type Kind =
  "num" | "unit" | "cur" | "badcur" | "qual" | "sep" | "list" | "open" | "close" | "incl" | "text";

/**
 * One token. A single shape for every kind (fields unused by a kind hold defaults) keeps property
 * access monomorphic on the hot path.
 */
interface Tok {
  k: Kind;
  /** Start and end in the folded text. */
  s: number;
  e: number;
  /** num: the decimal text (low reading of 数/几) and the high reading or null. */
  text: string;
  high: string | null;
  /** num: written in Chinese numerals. */
  zh: boolean;
  /** unit: power of ten. */
  exp: number;
  /** cur/badcur: currency code. */
  code: string;
  /** qual: Q_* bit. */
  q: number;
  /** sep: the separator ("-", "~", "至"…). */
  ch: string;
}

function mk(
  k: Kind,
  s: number,
  e: number,
  text = "",
  high: string | null = null,
  zh = false,
  exp = 0,
  code = "",
  q = 0,
  ch = ""
): Tok {
  return { k, s, e, text, high, zh, exp, code, q, ch };
}

/** What a dictionary word yields; kind "skip" words are dropped. */
interface WordTok {
  k: Kind | "skip";
  exp: number;
  code: string;
  q: number;
  ch: string;
}

const word = (k: Kind | "skip", fields: Partial<Omit<WordTok, "k">> = {}): WordTok => ({
  k,
  exp: fields.exp ?? 0,
  code: fields.code ?? "",
  q: fields.q ?? 0,
  ch: fields.ch ?? "",
});

const QUAL_WORDS: Record<Qual, string[]> = {
  approximate: ["约", "大约", "约合", "约为", "大概", "大致", "左右", "上下", "来", "≈"],
  atMost: [
    "近",
    "将近",
    "接近",
    "几乎",
    "不超过",
    "不高于",
    "不大于",
    "不多于",
    "至多",
    "最多",
    "最高",
    "不足",
    "不到",
    "低于",
    "少于",
    "小于",
    "以下",
    "及以下",
    "以内",
    "之内",
    "<",
    "≤",
  ],
  atLeast: [
    "超",
    "超过",
    "逾",
    "多于",
    "高于",
    "大于",
    "不少于",
    "不低于",
    "不小于",
    "至少",
    "最少",
    "最低",
    "以上",
    "及以上",
    "之上",
    "多",
    "余",
    "有余",
    "出头",
    "起",
    "+",
    ">",
    "≥",
  ],
};

const EN_QUALS: Record<string, Qual> = {
  about: "approximate",
  around: "approximate",
  approx: "approximate",
  approximately: "approximate",
  circa: "approximate",
  ca: "approximate",
  roughly: "approximate",
  some: "approximate",
  nearly: "atMost",
  almost: "atMost",
  "up to": "atMost",
  under: "atMost",
  below: "atMost",
  "less than": "atMost",
  "at most": "atMost",
  "no more than": "atMost",
  "not more than": "atMost",
  "or less": "atMost",
  over: "atLeast",
  above: "atLeast",
  "more than": "atLeast",
  "at least": "atLeast",
  "no less than": "atLeast",
  "not less than": "atLeast",
  "or more": "atLeast",
  plus: "atLeast",
};

/** Non-ASCII (and symbol) words by first character code, longest first. */
const ZH_WORDS = new Map<number, { word: string; tok: WordTok }[]>();
/** ASCII words and phrases of up to three words. */
const EN_WORDS = new Map<string, WordTok>();

function addWord(w: string, tok: WordTok): void {
  if (/^[a-z][a-z$ ]*$/.test(w)) {
    EN_WORDS.set(w, tok);
    return;
  }
  const key = w.charCodeAt(0);
  const list = ZH_WORDS.get(key) ?? [];
  list.push({ word: w, tok });
  list.sort((a, b) => b.word.length - a.word.length);
  ZH_WORDS.set(key, list);
}

for (const [w, code] of Object.entries(CURRENCY_WORDS)) addWord(w, word("cur", { code }));
for (const [w, code] of Object.entries(UNSUPPORTED_CURRENCY_WORDS))
  addWord(w, word("badcur", { code }));
for (const [w, exp] of Object.entries(UNIT_WORDS)) addWord(w, word("unit", { exp }));
for (const q of Object.keys(QUAL_WORDS) as Qual[])
  for (const w of QUAL_WORDS[q]) addWord(w, word("qual", { q: QUAL_BIT[q] }));
for (const [w, q] of Object.entries(EN_QUALS)) addWord(w, word("qual", { q: QUAL_BIT[q] }));
for (const w of ["至", "到", "to"]) addWord(w, word("sep", { ch: w }));
for (const w of ["或", "或者", "和", "及", "与", "、", ",", ";", "/", "|", "&", "and", "or"])
  addWord(w, word("list"));
for (const w of ["含", "含本数", "inclusive", "incl"]) addWord(w, word("incl"));
for (const w of [
  "整",
  "共",
  "共计",
  "合计",
  "总计",
  "一共",
  "每年",
  "/年",
  "/yr",
  "/year",
  "per year",
  "=",
  "。",
  ".",
])
  addWord(w, word("skip"));

function fromWord(t: WordTok, s: number, e: number): Tok {
  return mk(t.k as Kind, s, e, "", null, false, t.exp, t.code, t.q, t.ch);
}

function isLetterCode(c: number): boolean {
  return c >= 97 && c <= 122;
}

function wordEnd(s: string, i: number): number {
  while (i < s.length && isLetterCode(s.charCodeAt(i))) i++;
  return i;
}

/** Splits folded text into tokens; never fails (unknown characters become text). */
function tokenize(s: string): Tok[] {
  const toks: Tok[] = [];
  const push = (t: Tok): void => {
    const last = toks[toks.length - 1];
    if (t.k === "text" && last !== undefined && last.k === "text" && last.e === t.s) last.e = t.e;
    else if (
      t.k === "sep" &&
      last !== undefined &&
      last.k === "sep" &&
      last.ch === t.ch &&
      last.e === t.s
    )
      last.e = t.e;
    else toks.push(t);
  };
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    if (isDigitCode(c) || (c === 46 && isDigitCode(s.charCodeAt(i + 1)))) {
      const n = readArabicNumber(s, i)!;
      push(mk("num", i, n.end, n.text));
      i = n.end;
      continue;
    }
    if (c === 45 || c === 126) {
      push(mk("sep", i, i + 1, "", null, false, 0, "", 0, c === 45 ? "-" : "~"));
      i++;
      continue;
    }
    if (c === 40 || c === 41) {
      push(mk(c === 40 ? "open" : "close", i, i + 1));
      i++;
      continue;
    }
    if (isLetterCode(c)) {
      // Up to three words (with the "$" of US$, HK$): the longest phrase known wins.
      const ends: number[] = [];
      let j = i;
      for (let w = 0; w < 3; w++) {
        let e = wordEnd(s, j);
        if (s.charCodeAt(e) === 36) e++;
        ends.push(e);
        if (s.charCodeAt(e) !== 32 || !isLetterCode(s.charCodeAt(e + 1))) break;
        j = e + 1;
      }
      let matched = false;
      for (let w = ends.length - 1; w >= 0 && !matched; w--) {
        let tok = EN_WORDS.get(s.slice(i, ends[w]));
        let end = ends[w];
        if (tok === undefined && w === 0 && s.charCodeAt(end - 1) === 36) {
          end--; // "a$" unknown: retry without the "$"
          tok = EN_WORDS.get(s.slice(i, end));
        }
        if (tok !== undefined) {
          if (tok.k !== "skip") push(fromWord(tok, i, end));
          i = end;
          matched = true;
        }
      }
      if (!matched) {
        const e = wordEnd(s, i);
        push(mk("text", i, e));
        i = e;
      }
      continue;
    }
    const cands = ZH_WORDS.get(c);
    let hit: { word: string; tok: WordTok } | undefined;
    if (cands !== undefined)
      for (let w = 0; w < cands.length && hit === undefined; w++)
        if (s.startsWith(cands[w].word, i)) hit = cands[w];
    if (hit !== undefined) {
      if (hit.tok.k !== "skip") push(fromWord(hit.tok, i, i + hit.word.length));
      i += hit.word.length;
      continue;
    }
    if (startsChineseNumeral(c)) {
      const n = readChineseNumeral(s, i)!;
      push(mk("num", i, n.end, n.text, n.highText ?? null, true));
      i = n.end;
      continue;
    }
    if (zhUnitExp(c) >= 0) {
      let exp = 0;
      let j = i;
      for (let x = zhUnitExp(c); x >= 0; x = zhUnitExp(s.charCodeAt(++j))) exp += x;
      push(mk("unit", i, j, "", null, false, exp));
      i = j;
      continue;
    }
    push(mk("text", i, i + 1));
    i++;
  }
  return toks;
}

// ---------------------------------------------------------------------------------------------
// Reading an amount from tokens
// ---------------------------------------------------------------------------------------------

interface Fail {
  fail: AmountErrorCode;
  zh: string;
  en: string;
}

interface Read {
  low: number;
  high: number;
  currency: CurrencyCode;
  bound: AmountBound;
  /** The range came from 数/几, not from two written numbers. */
  vague: boolean;
  /** A bare number took its unit from the context. */
  usedContextUnit: boolean;
  usedContextCurrency: boolean;
  droppedApprox: boolean;
}

interface Side {
  terms: { text: string; high: string | null; exp: number | null }[];
  currency: CurrencyCode | null;
  currencyAfter: boolean;
  quals: number;
}

const fail = (code: AmountErrorCode, zh: string, en: string): Fail => ({ fail: code, zh, en });

function readSide(toks: Tok[], orig: string): Side | Fail {
  const side: Side = { terms: [], currency: null, currencyAfter: false, quals: 0 };
  for (const t of toks) {
    const last = side.terms[side.terms.length - 1];
    switch (t.k) {
      case "num":
        if (last !== undefined && last.exp === null)
          return fail(
            "ambiguous",
            `有两个数：“${orig.slice(0, t.e).trim()}”`,
            `two numbers in a row: "${orig.slice(0, t.e).trim()}"`
          );
        side.terms.push({ text: t.text, high: t.high, exp: null });
        break;
      case "unit":
        if (last === undefined)
          return fail("unreadable", "单位前没有数", "a unit with no number before it");
        last.exp = (last.exp ?? 0) + t.exp;
        break;
      case "cur":
        if (side.currency !== null && side.currency !== t.code)
          return fail(
            "ambiguous",
            `币种不一致：${side.currency} 与 ${t.code}`,
            `two currencies: ${side.currency} and ${t.code}`
          );
        side.currency = t.code as CurrencyCode;
        if (last !== undefined) side.currencyAfter = true;
        break;
      case "badcur":
        return fail(
          "unreadable",
          `不支持的币种 ${t.code}（${orig.slice(t.s, t.e)}）`,
          `currency ${t.code} ("${orig.slice(t.s, t.e)}") is not supported`
        );
      case "qual":
        side.quals |= t.q;
        break;
      case "incl":
        break;
      default:
        return fail(
          "unreadable",
          `无法理解“${orig.slice(t.s, t.e)}”`,
          `cannot read "${orig.slice(t.s, t.e)}"`
        );
    }
  }
  if (side.terms.length > 1) {
    // 1亿5000万: units must step down, each part with its unit.
    for (let i = 0; i < side.terms.length; i++) {
      const exp = side.terms[i].exp;
      const prev = i > 0 ? side.terms[i - 1].exp : Infinity;
      if (exp === null || prev === null || exp >= prev)
        return fail(
          "unreadable",
          "数与单位的组合无法理解",
          "numbers and units do not combine into one amount"
        );
    }
  }
  return side;
}

function sideValue(side: Side, exp0: number | null, mult: number, high: boolean): number {
  let v = 0;
  for (const term of side.terms) {
    const text = high && term.high !== null ? term.high : term.text;
    if (term.exp !== null) v += scaleDecimal(text, term.exp);
    else v += exp0 !== null ? scaleDecimal(text, exp0) : Number(text) * mult;
  }
  return v;
}

function hasUnit(side: Side): boolean {
  return side.terms.some((t) => t.exp !== null);
}

/** Reads tokens (no brackets, no label) as one amount, a range, or fails. */
function readCore(core: Tok[], orig: string, ctx: Partial<AmountContext>): Read | Fail {
  let leadingApprox = false;
  let toks = core;
  if (toks.length > 0 && toks[0].k === "sep") {
    if (toks[0].ch === "-" && toks.length > 1 && toks[1].k === "num")
      return fail("negative", "金额为负数", "the amount is negative");
    if (toks[0].ch === "~") leadingApprox = true;
    else
      return fail(
        "unreadable",
        `开头的“${orig.slice(toks[0].s, toks[0].e)}”无法理解`,
        `cannot read the leading "${orig.slice(toks[0].s, toks[0].e)}"`
      );
    toks = toks.slice(1);
  }
  // Separators that split two numbers: a range (- ~ 至 to) or a list (、 或 ,).
  const sides: Tok[][] = [[]];
  let seps = 0;
  for (const t of toks) {
    if (t.k === "sep") {
      seps++;
      sides.push([]);
    } else if (t.k === "list") {
      const before = sides[sides.length - 1].some((x) => x.k === "num");
      if (before) return fail("ambiguous", "写了不止一个金额", "more than one amount is written");
    } else sides[sides.length - 1].push(t);
  }
  if (seps > 1) return fail("unreadable", "区间分隔符不止一个", "more than one range separator");
  const read: Side[] = [];
  for (const part of sides) {
    if (!part.some((t) => t.k === "num"))
      return fail(
        "unreadable",
        seps > 0 ? "区间缺少一端" : "没有数字",
        seps > 0 ? "a range end is missing" : "no number"
      );
    const side = readSide(part, orig);
    if ("fail" in side) return side;
    read.push(side);
  }
  if (read.length === 2) {
    const [a, b] = read;
    const bare = (x: Side): boolean => !hasUnit(x) && !x.currencyAfter;
    // 1-2亿: the end without unit or currency borrows the other end's.
    if (bare(a) && hasUnit(b) && a.terms.length === 1) a.terms[0].exp = b.terms[0].exp;
    else if (bare(b) && hasUnit(a) && b.terms.length === 1) b.terms[0].exp = a.terms[0].exp;
    if (a.currency !== null && b.currency !== null && a.currency !== b.currency)
      return fail(
        "ambiguous",
        `区间两端币种不同：${a.currency} 与 ${b.currency}`,
        `the range ends are in different currencies: ${a.currency} and ${b.currency}`
      );
    a.currency = a.currency ?? b.currency;
    b.currency = b.currency ?? a.currency;
    if (a.currencyAfter || b.currencyAfter) a.currencyAfter = b.currencyAfter = true;
  }
  const mult =
    ctx.multiplier !== undefined && ctx.multiplier > 0 && Number.isFinite(ctx.multiplier)
      ? ctx.multiplier
      : 1;
  const exp0 = powerOfTen(mult);
  let usedContextUnit = false;
  let usedContextCurrency = false;
  let quals = leadingApprox ? Q_APPROX : 0;
  const lows: number[] = [];
  const highs: number[] = [];
  for (const side of read) {
    const bare = !hasUnit(side) && !side.currencyAfter;
    if (bare && mult !== 1) usedContextUnit = true;
    lows.push(sideValue(side, bare ? exp0 : 0, bare ? mult : 1, false));
    highs.push(sideValue(side, bare ? exp0 : 0, bare ? mult : 1, true));
    quals |= side.quals;
  }
  let currency = read[0].currency;
  if (currency === null) {
    currency = ctx.currency ?? "CNY";
    usedContextCurrency = ctx.currency !== undefined;
  }
  const low = lows[0];
  const high = highs[highs.length - 1];
  if (!Number.isFinite(low) || !Number.isFinite(high))
    return fail("unreadable", "数值过大", "the number is too large");
  if (low > high)
    return fail("unreadable", "区间下限大于上限", "the range's low end is above its high end");
  const vague = read.length === 1 && low < high;
  let bound: AmountBound;
  let droppedApprox = false;
  if (read.length === 2 || vague) {
    bound = "range";
    droppedApprox = quals !== 0;
  } else if ((quals & Q_AT_LEAST) !== 0 && (quals & Q_AT_MOST) !== 0)
    return fail("ambiguous", "既写了上限又写了下限", "both an upper and a lower bound are written");
  else if ((quals & Q_AT_LEAST) !== 0) bound = "atLeast";
  else if ((quals & Q_AT_MOST) !== 0) bound = "atMost";
  else if ((quals & Q_APPROX) !== 0) bound = "approximate";
  else bound = "exact";
  if (bound !== "range" && (quals & Q_APPROX) !== 0 && bound !== "approximate")
    droppedApprox = true;
  return { low, high, currency, bound, vague, usedContextUnit, usedContextCurrency, droppedApprox };
}

/** Splits top-level tokens from bracketed groups. */
function splitBrackets(toks: Tok[]): { main: Tok[]; groups: Tok[][] } {
  const main: Tok[] = [];
  const groups: Tok[][] = [];
  let depth = 0;
  for (const t of toks) {
    if (t.k === "open") {
      if (depth++ === 0) groups.push([]);
      else groups[groups.length - 1].push(t);
    } else if (t.k === "close") {
      if (depth > 0 && --depth > 0) groups[groups.length - 1].push(t);
    } else if (depth > 0) groups[groups.length - 1].push(t);
    else main.push(t);
  }
  return { main, groups };
}

/** Drops a leading label (总投资, 一期, 2023年计划投资) and returns what follows, or a failure. */
function stripLabel(main: Tok[], src: string, orig: string): { core: Tok[]; label: string } | Fail {
  const toks: Tok[] = [];
  for (let i = 0; i < main.length; i++) {
    const t = main[i];
    const prev = toks[toks.length - 1];
    const next = main[i + 1];
    // 一期, 数字: a Chinese numeral glued to text is part of the text.
    if (t.k === "num" && t.zh && next !== undefined && next.k === "text" && next.s === t.e) {
      toks.push(mk("text", t.s, t.e));
      continue;
    }
    // 万达: a unit after no number is text.
    if (t.k === "unit") {
      let j = toks.length - 1;
      while (j >= 0 && toks[j].k === "qual") j--;
      if (j < 0 || (toks[j].k !== "num" && toks[j].k !== "unit")) {
        toks.push(mk("text", t.s, t.e));
        continue;
      }
    }
    if (t.k === "text" && prev !== undefined && prev.k === "text") {
      toks[toks.length - 1] = mk("text", prev.s, t.e);
      continue;
    }
    toks.push(t);
  }
  let lastText = -1;
  for (let i = 0; i < toks.length; i++) if (toks[i].k === "text") lastText = i;
  const prefix = toks.slice(0, lastText + 1);
  const core = toks.slice(lastText + 1);
  const text = lastText >= 0 ? orig.slice(toks[lastText].s, toks[lastText].e).trim() : "";
  const prefixNum = prefix.findIndex((t) => t.k === "num");
  if (!core.some((t) => t.k === "num")) {
    if (prefixNum >= 0)
      return fail(
        "unreadable",
        `数字后有无法理解的文字“${text}”`,
        `unreadable text after the number: "${text}"`
      );
    return fail("unreadable", "没有数字", "no number");
  }
  for (let i = 0; i < prefix.length - 1; i++) {
    const nxt = prefix[i + 1];
    if (prefix[i].k === "num" && (nxt.k === "unit" || nxt.k === "cur"))
      return fail("ambiguous", "写了不止一个金额", "more than one amount is written");
    // 2023年 may label an amount; 1e3 or 15x may not.
    if (
      prefix[i].k === "num" &&
      nxt.k === "text" &&
      nxt.s === prefix[i].e &&
      isLetterCode(src.charCodeAt(nxt.s))
    ) {
      const bad = orig.slice(prefix[i].s, nxt.e);
      return fail("unreadable", `无法理解“${bad}”`, `cannot read "${bad}"`);
    }
  }
  return { core, label: lastText >= 0 ? orig.slice(prefix[0].s, toks[lastText].e).trim() : "" };
}

// ---------------------------------------------------------------------------------------------
// Results: notes and normalized text
// ---------------------------------------------------------------------------------------------

const MISSING = new Set([
  "",
  "-",
  "/",
  "\\",
  "~",
  "?",
  "待定",
  "暂无",
  "无",
  "未知",
  "不详",
  "不明",
  "待议",
  "面议",
  "保密",
  "空",
  "n/a",
  "na",
  "#n/a",
  "tbd",
  "tba",
  "none",
  "nil",
  "null",
  "...",
  "…",
  "……",
]);

function isMissing(folded: string): boolean {
  const t = folded.trim();
  if (MISSING.has(t)) return true;
  for (let i = 0; i < t.length; i++) if (t[i] !== "-") return false;
  return true;
}

/** Readable figure for notes: 亿/万 in zh, million/billion in en. */
function show(value: number, currency: CurrencyCode, lang: "zh" | "en"): string {
  if (lang === "zh")
    return formatAmount(value, currency, value >= 1e8 ? 1e8 : value >= 1e4 ? 1e4 : 1, "zh");
  return formatAmount(value, currency, value >= 1e9 ? 1e9 : value >= 1e6 ? 1e6 : 1, "en");
}

/** Canonical text of one figure: digits shifted to 亿 or 万, no rounding. */
function figure(v: number): string {
  const exp = v >= 1e8 ? 8 : v >= 1e4 ? 4 : 0;
  return shiftedDecimal(v, exp) + (exp === 8 ? "亿" : exp === 4 ? "万" : "");
}

function normalizedText(r: Read): string {
  const cur = CURRENCY_ZH[r.currency];
  if (r.bound === "range") {
    const lo = figure(r.low);
    // A low end without 亿/万 carries its currency so it does not borrow the high end's unit.
    return `${lo}${r.low < 1e4 ? cur : ""}-${figure(r.high)}${cur}`;
  }
  const f = figure(r.low) + cur;
  if (r.bound === "approximate") return `约${f}`;
  if (r.bound === "atLeast") return `${f}以上`;
  if (r.bound === "atMost") return `${f}以下`;
  return f;
}

const USED_LABEL: Record<BoundChoice, Label> = {
  mid: { zh: "中值", en: "the midpoint" },
  low: { zh: "下限", en: "the low end" },
  high: { zh: "上限", en: "the high end" },
};

function buildNote(
  r: Read,
  value: number,
  used: BoundChoice | "exact",
  extra: Label[],
  ctx: Partial<AmountContext>
): Label {
  const z = (v: number): string => show(v, r.currency, "zh");
  const e = (v: number): string => show(v, r.currency, "en");
  let zh: string;
  let en: string;
  switch (r.bound) {
    case "exact":
      zh = `读作 ${z(value)}`;
      en = `read as ${e(value)}`;
      break;
    case "approximate":
      zh = `读作约数 ${z(value)}，按该数取值`;
      en = `read as about ${e(value)}; used that figure`;
      break;
    case "atLeast":
      zh = `读作下限：不少于 ${z(value)}；单边界，取界值本身`;
      en = `read as at least ${e(value)}; one-sided bound, used the bound itself`;
      break;
    case "atMost":
      zh = `读作上限：不超过 ${z(value)}；单边界，取界值本身`;
      en = `read as at most ${e(value)}; one-sided bound, used the bound itself`;
      break;
    default: {
      const u = USED_LABEL[used === "exact" ? "mid" : used];
      zh = `读作区间 ${z(r.low)}–${z(r.high)}${r.vague ? "（“数/几”为约数）" : ""}；取${u.zh} ${z(value)}`;
      en = `read as the range ${e(r.low)}–${e(r.high)}${r.vague ? ' (数/几 is vague: "several")' : ""}; used ${u.en}, ${e(value)}`;
    }
  }
  if (r.droppedApprox) {
    zh += "；“约”已忽略";
    en += '; "about" ignored';
  }
  if (r.usedContextUnit || r.usedContextCurrency) {
    const m = ctx.multiplier ?? 1;
    zh += `；裸数按表头单位（${formatUnit(r.currency, m, "zh")}）读取`;
    en += `; bare number read in the header's unit (${formatUnit(r.currency, m, "en")})`;
  }
  for (const x of extra) {
    zh += `；${x.zh}`;
    en += `; ${x.en}`;
  }
  return { zh, en };
}

function errorOf(input: string, f: Fail): AmountError {
  return {
    ok: false,
    input,
    code: f.fail,
    message: {
      zh: `无法读取金额“${input}”：${f.zh}`,
      en: `cannot read the amount "${input}": ${f.en}`,
    },
  };
}

function missingError(input: string): AmountError {
  return {
    ok: false,
    input,
    code: "missing",
    message: {
      zh: `无金额（“${input}”视为空缺，不是零）`,
      en: `no amount ("${input}" counts as missing, not zero)`,
    },
  };
}

function alternateNote(alternate: ParsedAmount): Label {
  return {
    zh: `括号内另写 ${alternate.normalized}`,
    en: `the brackets also give ${alternate.normalized}`,
  };
}

function finish(
  input: string,
  r: Read,
  options: ParseAmountOptions | undefined,
  extra: Label[],
  alternate?: ParsedAmount
): ParsedAmount {
  const choice = options?.bound ?? "mid";
  let value = r.low;
  let used: BoundChoice | "exact" = "exact";
  if (r.bound === "range") {
    used = choice;
    value = choice === "low" ? r.low : choice === "high" ? r.high : (r.low + r.high) / 2;
  }
  // note and normalized are built on first read: scoring 100 000 rows reads value, not prose.
  let note: Label | undefined;
  let normalized: string | undefined;
  const ctx = options?.context ?? {};
  const result: ParsedAmount = {
    ok: true,
    input,
    value,
    currency: r.currency,
    bound: r.bound,
    low: r.low,
    high: r.high,
    used,
    get note(): Label {
      if (note === undefined) {
        const notes = alternate === undefined ? extra : extra.concat(alternateNote(alternate));
        note = buildNote(r, value, used, notes, ctx);
      }
      return note;
    },
    get normalized(): string {
      if (normalized === undefined)
        normalized =
          normalizedText(r) + (alternate !== undefined ? `(${alternate.normalized})` : "");
      return normalized;
    },
  };
  if (alternate !== undefined) result.alternate = alternate;
  return result;
}

/** Reads tokens with their label and bracket groups. */
/** Labels a bracketed amount may carry and still be the same amount restated (折合人民币60.7亿元). */
const RESTATING_LABELS = new Set([
  "折合",
  "折",
  "合",
  "相当于",
  "即",
  "等值",
  "折合人民币",
  "合人民币",
]);

/**
 * Reads tokens with their label and bracket groups. `src` is the folded text the tokens index,
 * `orig` the text as written (same length), quoted in notes and messages. `restating`: the tokens are a bracketed
 * second amount, which must restate the first (no label other than 折合…), not a part of it.
 */
function readTokens(
  input: string,
  src: string,
  toks: Tok[],
  options: ParseAmountOptions | undefined,
  orig: string,
  restating = false
): AmountResult {
  let ctx = options?.context ?? {};
  let { main, groups } = splitBrackets(toks);
  // (1500万美元): the whole amount in brackets.
  if (
    !main.some((t) => t.k === "num") &&
    groups.length > 0 &&
    groups[0].some((t) => t.k === "num")
  ) {
    main = groups[0].concat(main);
    groups = groups.slice(1);
  }
  const stripped = stripLabel(main, src, orig);
  if ("fail" in stripped) return errorOf(input, stripped);
  if (restating && stripped.label !== "" && !RESTATING_LABELS.has(stripped.label))
    return errorOf(
      input,
      fail("unreadable", "不是同一金额的另一写法", "not the same amount restated")
    );
  // 1500（万美元）: a bracketed unit applies to a bare number as a header's would.
  let unitGroup: string | null = null;
  const amountGroups: Tok[][] = [];
  for (const g of groups) {
    const unit =
      unitGroup === null && !g.some((t) => t.k === "num")
        ? unitContext(src.slice(g[0]?.s ?? 0, g[g.length - 1]?.e ?? 0))
        : null;
    if (unit !== null) {
      ctx = { ...ctx, ...unit };
      unitGroup = orig.slice(g[0].s, g[g.length - 1].e);
    } else amountGroups.push(g);
  }
  const read = readCore(stripped.core, orig, ctx);
  if ("fail" in read) return errorOf(input, read);
  const extra: Label[] = [];
  if (stripped.label !== "")
    extra.push({ zh: `跳过标签“${stripped.label}”`, en: `skipped the label "${stripped.label}"` });
  if (unitGroup !== null) {
    if (read.usedContextUnit || read.usedContextCurrency) {
      read.usedContextUnit = read.usedContextCurrency = false;
      extra.push({
        zh: `按括号内单位（${unitGroup}）读取`,
        en: `read in the unit given in brackets (${unitGroup})`,
      });
    } else extra.push({ zh: `忽略括号内“${unitGroup}”`, en: `ignored "${unitGroup}" in brackets` });
  }
  let alternate: ParsedAmount | undefined;
  for (const g of amountGroups) {
    if (g.every((t) => t.k === "incl")) continue; // （含）: inclusive, already how bounds read; () empty
    const text = orig.slice(g[0].s, g[g.length - 1].e);
    const alt = alternate === undefined ? readTokens(text, src, g, options, orig, true) : null;
    if (alt !== null && alt.ok) alternate = alt;
    else extra.push({ zh: `忽略括号内“${text}”`, en: `ignored "${text}" in brackets` });
  }
  return finish(input, read, options, extra, alternate);
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

function fromNumber(
  input: string,
  n: number,
  options: ParseAmountOptions | undefined
): AmountResult {
  if (!Number.isFinite(n))
    return errorOf(input, fail("unreadable", "不是有限数", "not a finite number"));
  if (n < 0) return errorOf(input, fail("negative", "金额为负数", "the amount is negative"));
  if (n === 0) n = 0; // -0 reads as 0
  const ctx = options?.context ?? {};
  const mult =
    ctx.multiplier !== undefined && ctx.multiplier > 0 && Number.isFinite(ctx.multiplier)
      ? ctx.multiplier
      : 1;
  const value = scaleExactly(n, mult);
  if (!Number.isFinite(value))
    return errorOf(input, fail("unreadable", "数值过大", "the number is too large"));
  const read: Read = {
    low: value,
    high: value,
    currency: ctx.currency ?? "CNY",
    bound: "exact",
    vague: false,
    usedContextUnit: mult !== 1,
    usedContextCurrency: ctx.currency !== undefined,
    droppedApprox: false,
  };
  return finish(input, read, options, []);
}

/** n × mult, exactly when mult is a power of ten (0.57 × 1e4 = 5700, not 5699.999999999999). */
function scaleExactly(n: number, mult: number): number {
  const product = n * mult;
  if (
    mult === 1 ||
    (Number.isInteger(n) && Number.isInteger(mult) && product <= Number.MAX_SAFE_INTEGER)
  )
    return product;
  const exp = powerOfTen(mult);
  const s = String(n);
  return exp !== null && s.indexOf("e") < 0 ? scaleDecimal(s, exp) : product;
}

/** Plain "1500" or "12.5" (ASCII digits, at most one point): the common cell, read without tokens. */
function isPlainNumber(s: string): boolean {
  if (s.length === 0 || s.length > 15) return false;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (++dots > 1 || i === 0 || i === s.length - 1) return false;
    } else if (!isDigitCode(c)) return false;
  }
  return true;
}

/** Options with anything invalid (a bound, multiplier or currency the engine does not know) dropped. */
function cleanOptions(o: ParseAmountOptions | undefined): ParseAmountOptions | undefined {
  if (o === undefined || o === null) return undefined;
  const c = o.context;
  const b = o.bound;
  const badBound = b !== undefined && b !== "mid" && b !== "low" && b !== "high";
  const badMult =
    c?.multiplier !== undefined && !(c.multiplier > 0 && Number.isFinite(c.multiplier));
  const badCur = c?.currency !== undefined && !CURRENCY_CODES.includes(c.currency);
  if (!badBound && !badMult && !badCur) return o;
  const context: Partial<AmountContext> = {};
  if (c?.multiplier !== undefined && !badMult) context.multiplier = c.multiplier;
  if (c?.currency !== undefined && !badCur) context.currency = c.currency;
  return { context, bound: badBound ? undefined : b };
}

/** Text for any cell value, even an object without a string form. */
function describeCell(x: unknown): string {
  return typeof x === "object" || typeof x === "function"
    ? Object.prototype.toString.call(x)
    : String(x);
}

/**
 * Reads the amount a cell writes. Never throws: anything unreadable is an AmountError with a
 * bilingual message; blanks and placeholders (-, 待定, N/A …) are code "missing", not zero.
 */
export function parseAmount(text: CellValue, options?: ParseAmountOptions): AmountResult {
  const opts = cleanOptions(options);
  if (text === null || text === undefined) return missingError("");
  if (typeof text === "number") return fromNumber(String(text), text, opts);
  if (typeof text === "boolean")
    return errorOf(
      String(text),
      fail("unreadable", "是/否值不是金额", "a yes/no value is not an amount")
    );
  if (typeof text !== "string")
    return errorOf(
      describeCell(text),
      fail("unreadable", "不是文本或数字", "neither text nor a number")
    );
  const trimmed = text.trim();
  if (isPlainNumber(trimmed)) return fromNumber(text, Number(trimmed), opts);
  const src = foldText(text);
  if (isMissing(src)) return missingError(text);
  return readTokens(text, src, tokenize(src), opts, text);
}

// ---------------------------------------------------------------------------------------------
// Value only: the batch scorer's reader
// ---------------------------------------------------------------------------------------------

/** amountValue statuses: read; missing (blank, 待定 …); unreadable (any other AmountError). */
export const AMOUNT_OK = 0;
export const AMOUNT_MISSING = 1;
export const AMOUNT_ERROR = 2;

/** What amountValue writes besides the value it returns (one object reused across calls). */
export interface AmountValueOut {
  status: number;
  /** Currency read; null unless status is AMOUNT_OK. */
  currency: CurrencyCode | null;
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
 * The dictionary word the tokenizer would read at i, with its length in `scanLen`; undefined where
 * the scan should not decide (text that folds to something else, English phrases, "." and the
 * characters the tokenizer reads before the dictionary).
 */
let scanLen = 0;
/** 1 where a dictionary word starts with the character code: most characters need no lookup. */
const STARTS_WORD = new Uint8Array(0x10000);
for (const c of ZH_WORDS.keys()) STARTS_WORD[c] = 1;
function wordAt(s: string, i: number, n: number): WordTok | undefined {
  const c = s.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
    let j = i + 1;
    while (j < n && isLetterCode(foldedAt(s, j))) j++;
    if (s.charCodeAt(j) === 36) j++; // US$, HK$
    if (s.charCodeAt(j) === 32 && isLetterCode(foldedAt(s, j + 1))) return undefined;
    scanLen = j - i;
    return EN_WORDS.get(s.slice(i, j).toLowerCase());
  }
  if (c === 46 || c === 45 || c === 126 || c === 40 || c === 41 || foldCharCode(c) !== c)
    return undefined;
  const cands = STARTS_WORD[c] === 1 ? ZH_WORDS.get(c) : undefined;
  if (cands === undefined) return undefined;
  for (let w = 0; w < cands.length; w++)
    if (s.startsWith(cands[w].word, i)) {
      scanLen = cands[w].word.length;
      return cands[w].tok;
    }
  return undefined;
}

/** One side of a range as the scan reads it: a single number, its unit and currency. */
interface ScanSide {
  /** The digits as an integer and the count of decimals: the number is m / 10^d. */
  m: number;
  d: number;
  /** Power of ten of the unit; −1 without one. */
  exp: number;
  cur: string | null;
  curAfter: boolean;
}
const SIDES: ScanSide[] = [0, 1].map(() => ({ m: 0, d: 0, exp: -1, cur: null, curAfter: false }));

/**
 * Reads one side at i into `side`; returns the index after it, or FALLBACK. Grammar: qualifiers and
 * currencies, one Arabic number (thousands commas, decimals, full-width digits), then a unit (万, 亿,
 * 千万, m, bn …), currencies, qualifiers and dropped words; spaces only before the number.
 */
function scanSide(s: string, i: number, n: number, side: ScanSide, quals: number[]): number {
  side.cur = null;
  side.curAfter = false;
  side.exp = -1;
  for (;;) {
    if (i >= n) return FALLBACK;
    if (isBlankCode(s.charCodeAt(i))) {
      i++;
      continue;
    }
    if (digitAt(s, i) >= 0) break;
    const w = wordAt(s, i, n);
    if (w === undefined) return FALLBACK;
    if (w.k === "qual") quals[0] |= w.q;
    else if (w.k === "cur" && (side.cur === null || side.cur === w.code)) side.cur = w.code;
    else return FALLBACK;
    i += scanLen;
  }
  // readArabicNumber's grammar: digits, groups of exactly three after ",", then decimals.
  let m = 0;
  const start = i;
  for (let x = digitAt(s, i); x >= 0; x = digitAt(s, ++i)) m = m * 10 + x;
  let digits = i - start;
  // Thousands groups: "," and exactly three digits.
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
    const f = foldCharCode(c);
    if (f === 45 || f === 126 || f === 40) return i; // a range separator or a bracket: the caller's
    const w = wordAt(s, i, n);
    if (w === undefined) {
      // 万, 亿, 千万: a run of magnitude characters (十 and 百 may follow the first).
      if (side.exp >= 0 || side.curAfter || c === 0x5341 || zhUnitExp(c) < 0) return FALLBACK;
      let exp = 0;
      for (let x = zhUnitExp(c); x >= 0 && i < n; x = zhUnitExp(s.charCodeAt(++i))) exp += x;
      side.exp = exp;
      continue;
    }
    if (w.k === "unit") {
      if (side.exp >= 0 || side.curAfter) return FALLBACK;
      side.exp = w.exp;
    } else if (w.k === "cur") {
      if (side.cur !== null && side.cur !== w.code) return FALLBACK;
      side.cur = w.code;
      side.curAfter = true;
    } else if (w.k === "qual") quals[0] |= w.q;
    else if (w.k === "sep") return i;
    else if (w.k !== "skip") return FALLBACK;
    i += scanLen;
  }
  return i;
}

/** A side's value as readCore's sideValue gives it. */
function sideAmount(side: ScanSide, mult: number, exp0: number | null): number {
  if (side.exp >= 0) return scaled(side.m, side.exp - side.d);
  if (side.curAfter || mult === 1) return scaled(side.m, -side.d);
  return exp0 !== null ? scaled(side.m, exp0 - side.d) : scaled(side.m, -side.d) * mult;
}

const scanQuals = [0];

/**
 * The common shapes of amount text read by one scan of its characters: "1500万美元", "2.5亿元",
 * "约3000万", "1,500万", "１５００万美元", "1-2亿", "USD 15m", "5000万元以上", "1.5亿元(0.2亿美元)".
 * Returns the value (currency into `out`) or FALLBACK (−1) for anything else. Exported for its tests.
 */
export function scanAmount(
  s: string,
  ctx: Partial<AmountContext>,
  choice: BoundChoice,
  out: AmountValueOut
): number {
  let n = s.length;
  while (n > 0 && isBlankCode(s.charCodeAt(n - 1))) n--;
  scanQuals[0] = 0;
  const a = SIDES[0];
  const b = SIDES[1];
  let i = scanSide(s, 0, n, a, scanQuals);
  if (i === FALLBACK) return FALLBACK;
  let sides = 1;
  if (i < n && foldedAt(s, i) !== 40) {
    const f = foldedAt(s, i);
    if (f === 45 || f === 126) while (i < n && foldedAt(s, i) === f) i++;
    else if (wordAt(s, i, n)?.k === "sep") i += scanLen;
    else return FALLBACK;
    i = scanSide(s, i, n, b, scanQuals);
    if (i === FALLBACK) return FALLBACK;
    sides = 2;
  }
  if (i < n) {
    // A trailing bracket with a number in it is the alternate: it does not change the value.
    if (foldedAt(s, i) !== 40 || foldedAt(s, n - 1) !== 41) return FALLBACK;
    let digit = false;
    for (let j = i + 1; j < n - 1; j++) {
      const f = foldedAt(s, j);
      if (f === 40 || f === 41) return FALLBACK;
      if (f >= 48 && f <= 57) digit = true;
    }
    if (!digit) return FALLBACK;
  }
  const mult = ctx.multiplier ?? 1;
  const exp0 = mult === 1 ? 0 : powerOfTen(mult);
  if (sides === 2) {
    // 1-2亿: the end without unit or currency borrows the other end's (as readCore does).
    if (a.exp < 0 && !a.curAfter && b.exp >= 0) a.exp = b.exp;
    else if (b.exp < 0 && !b.curAfter && a.exp >= 0) b.exp = a.exp;
    if (a.cur !== null && b.cur !== null && a.cur !== b.cur) return FALLBACK;
    if (a.cur === null) a.cur = b.cur;
    if (a.curAfter || b.curAfter) a.curAfter = b.curAfter = true;
  } else if ((scanQuals[0] & Q_AT_LEAST) !== 0 && (scanQuals[0] & Q_AT_MOST) !== 0) return FALLBACK;
  const low = sideAmount(a, mult, exp0);
  const high = sides === 2 ? sideAmount(b, mult, exp0) : low;
  // NaN (beyond the exact range), overflow or a reversed range: the parser says which.
  if (!(low <= high && high <= Number.MAX_VALUE)) return FALLBACK;
  out.status = AMOUNT_OK;
  out.currency = (a.cur as CurrencyCode | null) ?? ctx.currency ?? "CNY";
  if (sides === 1) return low;
  return choice === "low" ? low : choice === "high" ? high : (low + high) / 2;
}

/**
 * The value and currency parseAmount would give, without building its result: the batch scorer
 * reads 100 000s of cells and needs neither notes nor normalized text. Returns the value (NaN unless
 * out.status is AMOUNT_OK) and writes the status and currency into `out`. Finite number cells and the
 * common text shapes are read directly; anything else goes through parseAmount.
 */
export function amountValue(
  cell: CellValue,
  options: ParseAmountOptions | undefined,
  out: AmountValueOut
): number {
  const opts = cleanOptions(options);
  const ctx = opts?.context ?? NO_CONTEXT;
  if (typeof cell === "number" && cell >= 0 && cell <= Number.MAX_VALUE) {
    const value = scaleExactly(cell + 0, ctx.multiplier ?? 1); // + 0: −0 reads as 0
    if (value <= Number.MAX_VALUE) {
      out.status = AMOUNT_OK;
      out.currency = ctx.currency ?? "CNY";
      return value;
    }
  } else if (typeof cell === "string") {
    const v = scanAmount(cell, ctx, opts?.bound ?? "mid", out);
    if (v !== FALLBACK) return v;
    // 待定, "-", "": as parseAmount reads them (a plain number is never missing), without its message.
    if (isMissing(foldText(cell))) cell = null;
  }
  if (cell === null || cell === undefined) {
    out.status = AMOUNT_MISSING;
    out.currency = null;
    return NaN;
  }
  const r = parseAmount(cell, opts);
  out.status = r.ok ? AMOUNT_OK : r.code === "missing" ? AMOUNT_MISSING : AMOUNT_ERROR;
  out.currency = r.ok ? r.currency : null;
  return r.ok ? r.value : NaN;
}

const LEADING_COLON = /^\s*:\s*/;
const TRAILING_SEPARATORS = /[\s/:：,，|]+$/;

/** Reads "万美元", "USD m", "CNY 10k", "RMB million", "亿元", "元" as a context; null when it is not a unit. */
function unitContext(folded: string): Partial<AmountContext> | null {
  let s = folded.trim();
  if (s.startsWith("单位")) s = s.slice(2).replace(LEADING_COLON, "");
  s = s.replace("'000", "k"); // USD '000: thousands
  const slash = s.indexOf("/");
  if (slash > 0) s = s.slice(0, slash); // 万元/亩: the amount part
  const toks = tokenize(s);
  if (toks.length === 0) return null;
  let exp: number | null = null;
  let mult = 1;
  let currency: CurrencyCode | null = null;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.k === "cur") {
      if (currency !== null && currency !== t.code) return null;
      currency = t.code as CurrencyCode;
    } else if (t.k === "unit") exp = (exp ?? 0) + t.exp;
    else if (t.k === "num" && t.high === null && toks[i + 1]?.k === "unit") mult *= Number(t.text);
    else return null;
  }
  if (exp === null && currency === null) return null;
  const context: Partial<AmountContext> = { multiplier: scaleDecimal(String(mult), exp ?? 0) };
  if (currency !== null) context.currency = currency;
  return context;
}

const HEADER_SEPARATORS = ["/", ":", ",", "|", " "];

/**
 * Splits a column header into its name and the unit/currency it states: "总投资（万美元）" →
 * {name: "总投资", context: {multiplier: 1e4, currency: "USD"}}; "Investment (USD m)" → 1e6 USD;
 * "注册资本/万美元"; "年税收（亿元）"; a currency alone implies multiplier 1; no unit → context null.
 */
export function parseHeaderContext(header: string): {
  name: string;
  context: Partial<AmountContext> | null;
} {
  const h = typeof header === "string" ? header.trim() : "";
  const f = foldText(h);
  const tidy = (name: string): string => name.replace(TRAILING_SEPARATORS, "").trim();
  if (f.endsWith(")")) {
    const open = f.lastIndexOf("(");
    const ctx = open >= 0 ? unitContext(f.slice(open + 1, -1)) : null;
    if (ctx !== null) return { name: tidy(h.slice(0, open)), context: ctx };
  }
  for (const sep of HEADER_SEPARATORS) {
    const at = f.lastIndexOf(sep);
    if (at > 0) {
      const ctx = unitContext(f.slice(at + 1));
      if (ctx !== null) return { name: tidy(h.slice(0, at)), context: ctx };
    }
  }
  // 总投资万美元: a magnitude character and a currency glued to the name.
  for (let k = Math.max(1, f.length - 6); k < f.length - 1; k++) {
    if (zhUnitExp(f.charCodeAt(k)) < 0) continue;
    const ctx = unitContext(f.slice(k));
    if (ctx !== null && ctx.currency !== undefined && ctx.multiplier !== 1)
      return { name: tidy(h.slice(0, k)), context: ctx };
  }
  return { name: h, context: null };
}
