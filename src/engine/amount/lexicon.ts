/**
 * The words of amount text and the tokenizer. Every character of a cell becomes part of a token:
 * a number, a unit, a currency, a qualifier, a separator, a bracket, a known filler (skip), or text.
 * The grammar refuses text outside brackets, so nothing is silently ignored.
 */
import { CURRENCY_WORDS, UNIT_WORDS, zhUnitExp } from "../fx";
import { NO_DATA_WORDS } from "../vocabulary";
import {
  isDigitCode,
  readArabicNumber,
  readChineseNumeral,
  startsChineseNumeral,
} from "../numerals";

export type Qual = "approximate" | "atLeast" | "atMost";
/** Qualifiers seen, as bits (a side can carry several: 约5000万元以上). */
export const Q_APPROX = 1;
export const Q_AT_LEAST = 2;
export const Q_AT_MOST = 4;
const QUAL_BIT: Record<Qual, number> = {
  approximate: Q_APPROX,
  atLeast: Q_AT_LEAST,
  atMost: Q_AT_MOST,
};

export type Kind =
  | "num"
  | "unit"
  | "cur"
  | "qual"
  | "more"
  | "sign"
  | "sep"
  | "list"
  | "open"
  | "close"
  | "incl"
  | "text";

/**
 * One token. A single shape for every kind (fields unused by a kind hold defaults) keeps property
 * access monomorphic on the hot path.
 */
export interface Tok {
  k: Kind;
  /** Start and end in the folded text. */
  s: number;
  e: number;
  /** num: the decimal text (low reading of 数/几) and the high reading or null. */
  text: string;
  high: string | null;
  /** num: written in Chinese numerals; a single digit with no place (五, 5) for 三万五 and 五块六. */
  zh: boolean;
  single: boolean;
  /** unit: power of ten. */
  exp: number;
  /** cur: currency code; `yuan`: the generic 元/块, which agrees with any currency counted in 元. */
  code: string;
  yuan: boolean;
  /** qual: Q_* bit. */
  q: number;
  /** sep: the separator ("-", "~", "至"…). */
  ch: string;
}

export function mk(k: Kind, s: number, e: number, fields: Partial<Tok> = {}): Tok {
  return {
    k,
    s,
    e,
    text: fields.text ?? "",
    high: fields.high ?? null,
    zh: fields.zh ?? false,
    single: fields.single ?? false,
    exp: fields.exp ?? 0,
    code: fields.code ?? "",
    yuan: fields.yuan ?? false,
    q: fields.q ?? 0,
    ch: fields.ch ?? "",
  };
}

/** What a dictionary word yields; kind "skip" words are known fillers and dropped. */
export interface WordTok {
  k: Kind | "skip";
  exp: number;
  code: string;
  yuan: boolean;
  q: number;
  ch: string;
}

const word = (k: Kind | "skip", fields: Partial<Omit<WordTok, "k">> = {}): WordTok => ({
  k,
  exp: fields.exp ?? 0,
  code: fields.code ?? "",
  yuan: fields.yuan ?? false,
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
    "起码",
    "最少",
    "最低",
    "以上",
    "及以上",
    "之上",
    "出头",
    // 上亿, 过亿, 上百万: reaching or passing the figure.
    "上",
    "过",
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

/**
 * Fillers an amount cell may carry around its number without changing it: labels (总投资, 一期),
 * totals (共计), 整/正 after 元, 个 (两个亿), 钱 (块钱), 从 (从8500到3万).
 */
export const FILLERS = [
  "整",
  "正",
  "共",
  "共计",
  "合计",
  "总计",
  "一共",
  "总额",
  "金额",
  "总投资",
  "投资",
  "投资额",
  "计划",
  "计划投资",
  "拟投资",
  "预计",
  "预计投资",
  // An expansion's new investment is the project's (增资, a capital increase, is not: unread).
  "新增投资",
  "追加投资",
  "注册资本",
  "一期",
  "二期",
  "三期",
  "首期",
  "达",
  "为",
  "从",
  "个",
  "钱",
  "每年",
  "/年",
  "/yr",
  "/year",
  "per year",
  "=",
  ":",
  "。",
] as const;

/** 角/毛 tenths, 分 hundredths, 厘 thousandths of 元; 兆 is 万亿 for money. */
const SUB_UNITS: Record<string, number> = {
  角: -1,
  毛: -1,
  角钱: -1,
  毛钱: -1,
  分: -2,
  分钱: -2,
  厘: -3,
};
const YUAN_WORDS = ["块", "块钱", "元钱"];

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

for (const [w, code] of Object.entries(CURRENCY_WORDS))
  addWord(w, word("cur", { code, yuan: w === "元" }));
for (const w of YUAN_WORDS) addWord(w, word("cur", { code: "CNY", yuan: true }));
for (const [w, exp] of Object.entries(UNIT_WORDS)) addWord(w, word("unit", { exp }));
for (const [w, exp] of Object.entries(SUB_UNITS)) addWord(w, word("unit", { exp }));
for (const q of Object.keys(QUAL_WORDS) as Qual[])
  for (const w of QUAL_WORDS[q]) addWord(w, word("qual", { q: QUAL_BIT[q] }));
for (const [w, q] of Object.entries(EN_QUALS)) addWord(w, word("qual", { q: QUAL_BIT[q] }));
// 多/余 after a number: up to the next unit of its last digit (3000多万 = 3000万–4000万).
for (const w of ["多", "余", "有余"]) addWord(w, word("more"));
addWord("负", word("sign"));
for (const w of ["至", "到", "to"]) addWord(w, word("sep", { ch: w }));
// 到资, 到位, 到账 are words of a label (实际到资1200万美元), not 到 joining a range.
for (const w of ["到资", "到位", "到账", "到达"]) addWord(w, word("text"));
for (const w of ["或", "或者", "和", "及", "与", "、", ",", ";", "/", "|", "&", "and", "or"])
  addWord(w, word("list"));
for (const w of ["含", "含本数", "inclusive", "incl"]) addWord(w, word("incl"));
for (const w of FILLERS) addWord(w, word("skip"));

/** Word lookups shared with the value-only scan. */
export function zhWordsAt(c: number): readonly { word: string; tok: WordTok }[] | undefined {
  return ZH_WORDS.get(c);
}
export function enWord(w: string): WordTok | undefined {
  return EN_WORDS.get(w);
}
export function zhWordStarts(): Iterable<number> {
  return ZH_WORDS.keys();
}

function fromWord(t: WordTok, s: number, e: number): Tok {
  return mk(t.k as Kind, s, e, { exp: t.exp, code: t.code, yuan: t.yuan, q: t.q, ch: t.ch });
}

export function isLetterCode(c: number): boolean {
  return c >= 97 && c <= 122;
}

function wordEnd(s: string, i: number): number {
  while (i < s.length && isLetterCode(s.charCodeAt(i))) i++;
  return i;
}

/** A number token at i of folded text, or null. */
function numberAt(s: string, i: number): Tok | null {
  const c = s.charCodeAt(i);
  if (isDigitCode(c) || (c === 46 && isDigitCode(s.charCodeAt(i + 1)))) {
    const n = readArabicNumber(s, i)!;
    return mk("num", i, n.end, { text: n.text, single: n.end === i + 1 });
  }
  if (!startsChineseNumeral(c)) return null;
  const n = readChineseNumeral(s, i);
  if (n === null) return null;
  return mk("num", i, n.end, {
    text: n.text,
    high: n.highText ?? null,
    zh: true,
    single: n.end === i + 1 && n.highText === undefined,
  });
}

/** Splits folded text into tokens; never fails (unknown characters become text). */
export function tokenize(s: string): Tok[] {
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
      const t = numberAt(s, i)!;
      push(t);
      i = t.e;
      continue;
    }
    if (c === 45 || c === 126) {
      push(mk("sep", i, i + 1, { ch: c === 45 ? "-" : "~" }));
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
    const n = numberAt(s, i);
    if (n !== null) {
      push(n);
      i = n.e;
      continue;
    }
    if (zhUnitExp(c) >= 0) {
      let exp = 0;
      let j = i;
      for (let x = zhUnitExp(c); x >= 0; x = zhUnitExp(s.charCodeAt(++j))) exp += x;
      push(mk("unit", i, j, { exp }));
      i = j;
      continue;
    }
    push(mk("text", i, i + 1));
    i++;
  }
  return toks;
}

/** "No data" marks; 无 also, since in an amount column it says there is none to count. */
export function isMissing(folded: string): boolean {
  const t = folded.trim();
  if (NO_DATA_WORDS.has(t) || t === "无") return true;
  for (let i = 0; i < t.length; i++) if (t[i] !== "-") return false;
  return true;
}

/** What the words of a text say about a figure beside it, read with the amount lexicon. */
export interface Qualifiers {
  /** Q_* bits of the qualifiers (约, 不低于, 以上 …). */
  q: number;
  /** 多/余 is among them. */
  more: boolean;
  /** Any other text (人, 项, a remark). */
  text: boolean;
  /** Units or currencies (千, 元). */
  measure: boolean;
  /** Numbers or separators. */
  other: boolean;
  /** Numbers (a second figure: 3%至五, 300人，500人). */
  number: boolean;
  /** A range mark (-, ~, 至, 到): after a figure with none after it, an open range (3%~). */
  range: boolean;
  /** Filler words of amounts (一期, 总投资, 计划): labels, not qualifiers. */
  filler: boolean;
}

/** The qualifiers in a folded text around a number (约, 以上, 多 …) and what else it holds. */
export function qualifiersIn(folded: string): Qualifiers {
  const r: Qualifiers = {
    q: 0,
    more: false,
    text: false,
    measure: false,
    other: false,
    number: false,
    range: false,
    filler: false,
  };
  let covered = 0;
  for (const t of tokenize(folded)) {
    covered += t.e - t.s;
    if (t.k === "qual") r.q |= t.q;
    else if (t.k === "more") r.more = true;
    else if (t.k === "text") r.text = true;
    else if (t.k === "unit" || t.k === "cur") r.measure = true;
    else if (t.k !== "incl" && t.k !== "open" && t.k !== "close") {
      r.other = true;
      if (t.k === "sep") r.range = true;
      if (t.k === "num") r.number = true;
    }
  }
  // Fillers leave no token; "=" of ">=" counts for nothing.
  r.filler = covered < folded.replace(/[\s=]/g, "").length;
  return r;
}

/** The bound qualifier bits give one figure; null when they say both at least and at most. */
export function boundOf(q: number): "exact" | "approximate" | "atLeast" | "atMost" | null {
  if ((q & Q_AT_LEAST) !== 0 && (q & Q_AT_MOST) !== 0) return null;
  if ((q & Q_AT_LEAST) !== 0) return "atLeast";
  if ((q & Q_AT_MOST) !== 0) return "atMost";
  return (q & Q_APPROX) !== 0 ? "approximate" : "exact";
}
