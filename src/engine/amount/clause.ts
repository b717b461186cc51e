/**
 * Clauses written after an amount that leave it as it is, the way bureau documents write a total:
 * - a breakdown, an exclusion or a conversion opened by 其中/含/包括/包含/内含, 不含/不包括 or
 *   折合/约合/相当于/等值 (10亿元，其中固定资产投资8亿元; 5亿元 含土地款1亿元; 5亿元，不含土地款;
 *   1亿美元，折合人民币7亿元): the amount is the one before it, as 10亿元（其中一期3亿元） reads in brackets;
 * - a remark after ，,；;、 that holds no amount (分两期建设, 建设期约2年, 用地50亩): a numeral followed by a
 *   counter of things, time or land (两期, 2年, 3个月, 50亩) counts no money.
 * - a labelled figure after the amount (10亿元，一期3亿元，二期7亿元; 总投资10亿元，注册资本1亿元): a phase
 *   of the total before it, or a figure of another item than the column's (ParseAmountOptions.names).
 *   When the column's own figure comes second (总投资10亿元，注册资本1亿元 in a 注册资本 column) it is
 *   read and the first named instead.
 * - phases with no total (一期5亿，二期8亿): their sum is the amount, and the note says it is a sum.
 * Each is left out of the reading and named in the note. A clause with an amount and no label
 * (5亿元，3000; 5亿元，3个亿; 一期5亿，8亿) and two figures of the same item are refused: amounts are
 * never picked at random, and summed only where phases say they are parts of one whole.
 */
import { Label } from "../types";
import { Tok } from "./lexicon";
import { fail, Fail } from "./note";

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

/** Steps of a project's schedule that end a remark before its amount (三年达产，8亿元). */
const SCHEDULE_STEPS = ["达产", "投产", "建成", "竣工", "开工", "量产", "满产", "完成"];

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

/**
 * The clause mark ending a remark that opens the cell, when one does and an amount follows it; else −1.
 * Only a remark with a count in it (三年达产, 建设期2年): a label alone (总投资：) is the amount's own.
 */
function leadingRemark(toks: Tok[], src: string): number {
  let depth = 0;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.k === "open") depth++;
    else if (t.k === "close") depth = Math.max(0, depth - 1);
    else if (depth === 0 && isClauseMark(t, src)) {
      const counted = toks.slice(0, k).some((x) => x.k === "num");
      // The amount after it complete with a unit or currency. A digit right after the mark may continue
      // a number (10,000 or １００，０００, whatever a typo before it), unless a step of the project's
      // schedule ends the remark (三年达产，8亿元; not 建设期2年，8亿元).
      const amount = toks.slice(k + 1).some((x) => x.k === "unit" || x.k === "cur");
      const digit = /[0-9]/.test(src.charAt(t.e));
      const last = toks[k - 1];
      const scheduled =
        last !== undefined &&
        last.k === "text" &&
        SCHEDULE_STEPS.some((w) => src.endsWith(w, last.e));
      return counted && amount && (!digit || scheduled) && isRemark(toks, 0, k, src) ? k : -1;
    }
  }
  return -1;
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

/** A phase of a project (一期, 二期：, 首期): its figure is a part of the total. */
export const PHASE_WORD = "(?:[一二三四五六七八九十]|首|前|后|近|远|本)期";
const PHASE = new RegExp(`^${PHASE_WORD}`);
/** Labels of a total (合计10亿元): after a phase figure they give the total. */
export const TOTALS = ["合计", "共计", "总计", "一共", "共", "总额"];

export type LabelKind = "none" | "phase" | "total" | "own" | "other";

const PHASE_NOTE = (t: string): Label => ({
  zh: `忽略分期“${t}”`,
  en: `ignored the phase figure "${t}"`,
});
const NOT_COLUMNS_NOTE = (t: string): Label => ({
  zh: `忽略“${t}”（不是本列的项目）`,
  en: `ignored "${t}" (another item than this column's)`,
});

/** A column of figures at full production (达产营业额, 达产后年税收). */
const FULL_OUTPUT = /达产|满产/;
/** Labels of a figure before full production (首年, 投产当年, 初期); 第一年 stops at its numeral: another item. */
const EARLY_OUTPUT = /^(?:首年|当年|投产当年|投产初期|初期|试产期?|试生产)/;

/** Whether a label names a figure at full production, an earlier one, or neither. */
function outputStage(label: string): "full" | "early" | null {
  if (FULL_OUTPUT.test(label)) return "full";
  return EARLY_OUTPUT.test(label) ? "early" : null;
}

const NOT_FULL_NOTE = (t: string): Label => ({
  zh: `忽略“${t}”（不是达产后的数）`,
  en: `ignored "${t}" (not the figure at full production)`,
});

/** A figure's label: the text from `start` to its first token that is not text, and that token. */
function labelAt(toks: Tok[], from: number, to: number, src: string, start: number) {
  let at = from;
  while (at < to && toks[at].k === "text") at++;
  const end = at < to ? toks[at].s : src.length;
  return {
    at,
    text: src
      .slice(start, end)
      .trim()
      .replace(/[:=为达\s]+$/, ""),
  };
}

function labelKind(label: string, names: readonly string[] | undefined): LabelKind {
  if (label === "") return "none";
  if (PHASE.test(label)) return "phase";
  if (TOTALS.includes(label)) return "total";
  // 计划投资 names the same figure as 总投资: 投资 is in the column's name.
  const core = label.replace(/^(?:计划|拟|预计)/, "");
  const own = names?.some((n) => label.includes(n) || (core.length >= 2 && n.includes(core)));
  return own ? "own" : "other";
}

/**
 * A bracket opened at toks[k] that holds a figure labelled as the column's own, after an optional
 * breakdown word ((注册资本1亿元), (其中注册资本1亿元)): the figure's tokens [from, to) and its label;
 * `to` is the closing bracket. Null otherwise.
 */
function ownFigureInBrackets(toks: Tok[], k: number, src: string, names: readonly string[]) {
  let close = k + 1;
  while (close < toks.length && toks[close].k !== "close") {
    if (toks[close].k === "open") return null; // nested brackets keep their own rules
    close++;
  }
  if (close >= toks.length || close === k + 1) return null;
  let start = toks[k].e;
  while (src[start] === " ") start++;
  const word = startsWithAny(BREAKDOWN_WORDS, src, start);
  let from = k + 1;
  if (word !== undefined) {
    start += word.length;
    if (toks[from].e <= start) from++;
  }
  const label = labelAt(toks, from, close, src, start);
  const figure = toks.slice(label.at, close);
  if (!figure.some((x) => x.k === "num") || labelKind(label.text, names) !== "own") return null;
  return { from: label.at, to: close, label: label.text };
}

const summedOf = (first: string, parts: Clauses["phases"]): Clauses["summed"] =>
  parts.length === 0 ? null : { parts, texts: [first, ...parts.map((x) => x.text)] };

/** What the tokens say, with breakdowns, remarks and other labelled figures left out. */
export interface Clauses {
  toks: Tok[];
  notes: Label[];
  /** Phase figures left out, as written: none may exceed the total (checked once amounts are read). */
  phases: { toks: Tok[]; text: string }[];
  /**
   * Phases after a first phase with no total (一期5亿，二期8亿): the amount is `toks` plus these. The
   * texts name every phase, the first included.
   */
  summed: { parts: { toks: Tok[]; text: string }[]; texts: string[] } | null;
  /** Why the figures cannot be told apart, when they cannot. */
  refusal: Fail | null;
  /** How the figure read is labelled: the column's own, another item's, a phase, a total or not. */
  label: LabelKind;
}

/**
 * The tokens with breakdowns, remarks and labelled figures after the amount left out, and a note
 * naming each. Only the top level counts: brackets keep their own rules.
 */
export function dropClauses(
  toks: Tok[],
  src: string,
  orig: string,
  names?: readonly string[],
  labelled = false
): Clauses {
  let kept: Tok[] = [];
  const notes: Label[] = [];
  const phases: Clauses["phases"] = [];
  // Phases after a first phase, until a total (if any) makes them parts of it.
  let siblings: Clauses["phases"] = [];
  let firstPhase = "";
  // A remark before the amount (三年达产，年产值8亿元; 建设期2年，…): its counts are time, not money.
  const lead = leadingRemark(toks, src);
  const start = lead < 0 ? 0 : lead + 1;
  const from = lead < 0 ? 0 : toks[lead].e;
  if (lead >= 0) {
    const text = orig.slice(0, toks[lead].s).trim();
    notes.push({ zh: `忽略附注“${text}”`, en: `ignored the remark "${text}"` });
  }
  const first = labelAt(toks, start, toks.length, src, from);
  let mainLabel = first.text;
  let mainKind = labelKind(mainLabel, names);
  // What the cell reads as, once its clauses are settled (with the latest kept tokens and label).
  const read = (summed: Clauses["summed"]): Clauses => ({
    toks: kept,
    notes,
    phases,
    summed,
    refusal: null,
    label: mainKind,
  });
  let depth = 0;
  let amount = false;
  let unitOrCurrency = false;
  // The column's own label written as text (年税收1000万元 in a 年税收 column) is no unknown word.
  for (let k = mainKind === "own" && names !== undefined ? first.at : start; k < toks.length; k++) {
    const t = toks[k];
    if (depth === 0 && amount && t.k === "open" && names !== undefined && mainKind !== "own") {
      // 总投资10亿元（注册资本1亿元） in a 注册资本 column: the bracket holds the column's figure.
      const own = ownFigureInBrackets(toks, k, src, names);
      if (own !== null) {
        notes.push(NOT_COLUMNS_NOTE(orig.slice(from, t.s).trim()));
        kept = toks.slice(own.from, own.to);
        mainLabel = own.label;
        mainKind = "own";
        unitOrCurrency = kept.some((x) => x.k === "unit" || x.k === "cur");
        k = own.to;
        continue;
      }
    }
    if (depth === 0 && amount) {
      const opening = openingAt(toks, k, src);
      // 总投资1亿美元，其中注册资本4000万美元 in a 注册资本 column: the part is the column's figure.
      const part = opening === "breakdown" && names !== undefined && mainKind !== "own";
      const word = part ? startsWithAny(BREAKDOWN_WORDS, src, t.s) : undefined;
      const label =
        word !== undefined ? labelAt(toks, k, toks.length, src, t.s + word.length) : null;
      if (label !== null && labelKind(label.text, names) === "own") {
        const before = orig
          .slice(from, t.s)
          .trim()
          .replace(/[,，;；、]$/, "");
        notes.push(NOT_COLUMNS_NOTE(before));
        kept = [];
        mainLabel = label.text;
        mainKind = "own";
        amount = unitOrCurrency = false;
        k = label.at - 1;
        continue;
      }
      if (opening !== null) {
        const last = kept[kept.length - 1];
        if (last !== undefined && isClauseMark(last, src)) kept.pop();
        notes.push(OPENING_NOTES[opening](orig.slice(t.s).trim()));
        return read(summedOf(firstPhase, siblings));
      }
      const opensNext = k + 1 < toks.length && openingAt(toks, k + 1, src) !== null;
      if (isClauseMark(t, src) && unitOrCurrency && !opensNext) {
        let end = k + 1;
        for (let d = 0; end < toks.length; end++) {
          const x = toks[end];
          if (x.k === "open") d++;
          else if (x.k === "close") d = Math.max(0, d - 1);
          else if (d === 0 && isClauseMark(x, src)) break;
        }
        const text = orig.slice(t.e, end < toks.length ? toks[end].s : orig.length).trim();
        if (isRemark(toks, k + 1, end, src)) {
          notes.push({ zh: `忽略附注“${text}”`, en: `ignored the remark "${text}"` });
          k = end - 1;
          continue;
        }
        const label = labelAt(toks, k + 1, end, src, t.e);
        const kind = labelKind(label.text, names);
        if (mainKind === "phase" && kind === "phase") {
          if (siblings.length === 0) firstPhase = orig.slice(from, t.s).trim();
          siblings.push({ toks: toks.slice(label.at, end), text });
          k = end - 1;
          continue;
        }
        if (mainKind === "phase" && kind === "none")
          return {
            toks: kept,
            notes,
            phases,
            summed: null,
            refusal: fail(
              "ambiguous",
              `只写了分期金额（“${orig.slice(from, t.s).trim()}”“${text}”），没有总额`,
              `only phase figures ("${orig.slice(from, t.s).trim()}", "${text}"), no total`
            ),
            label: mainKind,
          };
        if (kind === "phase" && mainKind !== "total") {
          phases.push({ toks: toks.slice(label.at, end), text });
          notes.push(PHASE_NOTE(text));
          k = end - 1;
          continue;
        }
        // 首年产值2亿元，达产后10亿元 in a 达产营业额 column: both figures are the column's item, the one
        // at full production is its own.
        const output =
          kind === "own" && mainKind === "own" && names?.some((n) => FULL_OUTPUT.test(n))
            ? [outputStage(mainLabel), outputStage(label.text)]
            : null;
        if (output !== null && output[0] === "full" && output[1] === "early") {
          notes.push(NOT_FULL_NOTE(text));
          k = end - 1;
          continue;
        }
        const fullSecond = output !== null && output[0] === "early" && output[1] === "full";
        // The column's own figure, or a total after phases, comes second: it is the one to read.
        if (
          (kind === "own" && mainKind !== "own") ||
          (kind === "total" && mainKind === "phase") ||
          fullSecond
        ) {
          const before = orig.slice(from, t.s).trim();
          notes.push(
            mainKind === "phase"
              ? PHASE_NOTE(before)
              : fullSecond
                ? NOT_FULL_NOTE(before)
                : NOT_COLUMNS_NOTE(before)
          );
          if (mainKind === "phase") {
            // 一期3亿元，二期5亿元，共8亿元: every phase is a part of the total.
            phases.push({
              toks: kept.slice(first.at),
              text: siblings.length ? firstPhase : before,
            });
            phases.push(...siblings);
            siblings = [];
          }
          kept = [];
          mainLabel = label.text;
          mainKind = kind;
          amount = unitOrCurrency = false;
          k = label.at - 1;
          continue;
        }
        // Another item's figure after the column's own or an unlabelled one; with the column
        // unknown, after a figure labelled differently (the first is the cell's subject).
        // In a column of several items (labelled) every other item's figure is left out.
        const another =
          kind === "other" &&
          (mainKind === "none" ||
            mainKind === "own" ||
            (labelled && mainKind === "other") ||
            (names === undefined && mainKind === "other" && label.text !== mainLabel));
        if (another) {
          notes.push({
            zh: `忽略另一项的金额“${text}”`,
            en: `ignored the figure of another item "${text}"`,
          });
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
  if (mainKind === "phase" && siblings.length > 0) return read(summedOf(firstPhase, siblings));
  // 一期：3亿元 alone: the phase is all the cell gives, read as written but said.
  if (mainKind === "phase")
    notes.push({
      zh: `只写了“${mainLabel}”的金额，按此读取`,
      en: `only the figure of "${mainLabel}" is written; read as that`,
    });
  return read(null);
}
