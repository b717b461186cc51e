/**
 * Clauses written after an amount that leave it as it is, the way bureau documents write a total:
 * - a breakdown, an exclusion or a conversion opened by 其中/含/包括/包含/内含, 不含/不包括 or
 *   折合/约合/相当于/等值 (10亿元，其中固定资产投资8亿元; 5亿元 含土地款1亿元; 5亿元，不含土地款;
 *   1亿美元，折合人民币7亿元): the amount is the one before it, as 10亿元（其中一期3亿元） reads in brackets;
 * - a remark after ，,；;、 that holds no amount (分两期建设, 建设期约2年, 用地50亩): a numeral followed by a
 *   counter of things, time or land (两期, 2年, 3个月, 50亩) counts no money.
 * Each is left out of the reading and named in the note. A clause with an amount of its own
 * (一期5亿，二期8亿; 5亿元，3000; 5亿元，3个亿) is kept, so two amounts are still refused.
 */
import { Label } from "../types";
import { Tok } from "./lexicon";

/** Words that open a part of the amount before them, or what it leaves out (longest first). */
const BREAKDOWN_WORDS = ["其中", "包括", "包含", "内含", "含"];
const EXCLUSION_WORDS = ["不包括", "不含"];
/** Words that open the same amount converted (in brackets it is kept as the alternate). */
const CONVERSION_WORDS = ["相当于", "折合", "约合", "等值"];

type Opening = "breakdown" | "exclusion" | "conversion";

const OPENING_NOTES: Record<Opening, (text: string) => Label> = {
  breakdown: (t) => ({ zh: `忽略分项“${t}”`, en: `ignored the breakdown "${t}"` }),
  exclusion: (t) => ({ zh: `忽略附注“${t}”`, en: `ignored the remark "${t}"` }),
  conversion: (t) => ({ zh: `忽略换算“${t}”`, en: `ignored the conversion "${t}"` }),
};

/**
 * Counters after a numeral that make it a count, not money: phases and time, things and buildings,
 * people, land and output. Not 个 alone: 十个亿 and 3个亿 are amounts.
 */
const COUNTERS = [
  "期",
  "年",
  "个月",
  "月",
  "日",
  "天",
  "家",
  "栋",
  "幢",
  "层",
  "条",
  "台",
  "套",
  "项",
  "批",
  "件",
  "辆",
  "人",
  "名",
  "亩",
  "平方米",
  "㎡",
  "公顷",
  "吨",
  "瓦",
];

/** Punctuation that separates clauses (folded: ，→, and ；→;). */
const isClauseMark = (t: Tok, src: string): boolean =>
  t.k === "list" && t.e - t.s === 1 && ",;、".includes(src[t.s]);

const startsWithAny = (words: readonly string[], src: string, at: number): string | undefined =>
  words.find((w) => src.startsWith(w, at));

/** Besides those words, phases and registered capital label another figure than the amount. */
const PART_LABELS = [
  ...BREAKDOWN_WORDS,
  ...EXCLUSION_WORDS,
  "一期",
  "二期",
  "三期",
  "首期",
  "注册资本",
];

/**
 * The bracketed text opens a part or an exclusion (（其中一期3亿元）, （首期2亿元）, （含1亿元）), so it
 * does not restate the amount.
 */
export function opensPart(folded: string): boolean {
  return startsWithAny(PART_LABELS, folded.trim(), 0) !== undefined;
}

/** Index after the numeral at k (and the units after it), when a counter follows; else -1. */
function countedEnd(toks: Tok[], k: number, src: string): number {
  let j = k + 1;
  while (j < toks.length && toks[j].k === "unit") j++; // 5万吨, 100千瓦
  let at = toks[j - 1].e;
  while (src[at] === " ") at++;
  if (startsWithAny(COUNTERS, src, at) !== undefined) return j;
  // 2-3年, 2024至2026年: a range of counts
  if (j + 1 < toks.length && toks[j].k === "sep" && toks[j + 1].k === "num")
    return countedEnd(toks, j + 1, src);
  return -1;
}

/** Whether toks[from, to) are a remark: text, and numbers only as counts. */
function isRemark(toks: Tok[], from: number, to: number, src: string): boolean {
  let depth = 0;
  let text = false;
  let counted = false;
  let modifiers = false;
  for (let k = from; k < to; k++) {
    const t = toks[k];
    if (t.k === "open") depth++;
    else if (t.k === "close") depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (t.k === "text") text = true;
    else if (t.k === "num") {
      const end = countedEnd(toks, k, src);
      if (end < 0) return false;
      counted = true;
      k = end - 1;
    } else if (t.k === "unit") {
      // 分 of 分期, 分三期 is a word, no sub-unit; any other unit word would be an amount's (5亿元，500万).
      if (src.slice(t.s, t.e) !== "分") return false;
      text = true;
    } else if (t.k === "qual" || t.k === "more" || t.k === "sep") modifiers = true;
    else if (t.k !== "list" && t.k !== "incl") return false;
  }
  // 约 or 以上 alone would change the amount before (5亿元，以上); beside a count they qualify the count.
  return text && (counted || !modifiers);
}

/** What toks[k] opens, when a word of those lists starts it and is followed by what it names (not 含以上, 含本数). */
function openingAt(toks: Tok[], k: number, src: string): Opening | null {
  const kind = toks[k].k;
  if (kind !== "text" && kind !== "incl" && kind !== "qual") return null; // 含 is incl, 约合 qual
  const at = toks[k].s;
  const exclusion = startsWithAny(EXCLUSION_WORDS, src, at);
  const conversion = exclusion ?? startsWithAny(CONVERSION_WORDS, src, at);
  const word = conversion ?? startsWithAny(BREAKDOWN_WORDS, src, at);
  if (word === undefined) return null;
  const after = at + word.length;
  const next = toks.find((x, m) => m >= k && x.e > after);
  if (next === undefined) return null;
  // A token running past the word is text (其中固定资产); after the word: what it names, its amount.
  const named = next.k === "text" || (next.s >= after && (next.k === "num" || next.k === "cur"));
  if (!named) return null;
  return exclusion !== undefined
    ? "exclusion"
    : conversion !== undefined
      ? "conversion"
      : "breakdown";
}

/**
 * The tokens with breakdowns and remarks after the amount left out, and a note naming each. Only the
 * top level counts: brackets keep their own rules.
 */
export function dropClauses(
  toks: Tok[],
  src: string,
  orig: string
): { toks: Tok[]; notes: Label[] } {
  const kept: Tok[] = [];
  const notes: Label[] = [];
  let depth = 0;
  let amount = false;
  let unitOrCurrency = false;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (depth === 0 && amount) {
      const opening = openingAt(toks, k, src);
      if (opening !== null) {
        const last = kept[kept.length - 1];
        if (last !== undefined && isClauseMark(last, src)) kept.pop();
        notes.push(OPENING_NOTES[opening](orig.slice(t.s).trim()));
        return { toks: kept, notes };
      }
      if (isClauseMark(t, src) && unitOrCurrency) {
        let end = k + 1;
        for (let d = 0; end < toks.length; end++) {
          const x = toks[end];
          if (x.k === "open") d++;
          else if (x.k === "close") d = Math.max(0, d - 1);
          else if (d === 0 && isClauseMark(x, src)) break;
        }
        if (isRemark(toks, k + 1, end, src)) {
          const text = orig.slice(t.e, end < toks.length ? toks[end].s : orig.length).trim();
          notes.push({ zh: `忽略附注“${text}”`, en: `ignored the remark "${text}"` });
          k = end - 1;
          continue;
        }
      }
    }
    if (t.k === "open") depth++;
    else if (t.k === "close") depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      if (t.k === "num") amount = true;
      // Only an amount complete with a unit or currency after its number takes a remark: in
      // "USD 1，5项" the 1 may be a mistyped 1,5xx, not USD 1.
      else if ((t.k === "unit" || t.k === "cur") && amount) unitOrCurrency = true;
    }
    kept.push(t);
  }
  return { toks: kept, notes };
}
