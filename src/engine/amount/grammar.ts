/**
 * The amount grammar over tokens. A cell is: fillers, then one amount or a range of two, then
 * fillers, with bracketed remarks (an alternate amount, a unit, 含) anywhere. An amount side is
 * [sign] [qualifiers] [currency] terms [currency] [qualifiers], where terms step down by unit
 * (1亿5000万, 六十四万零一百四十三元一角七分, 3万5千) and a tail without a unit takes its place
 * from the unit before it (1万2345, 三万五 = 35000, 五块六 = 5.6, 两毛五 = 0.25).
 *
 * Decisions (documented for analysts in the result's `note`):
 * - 近/不超过/最多/以内/以下 are "at most"; 超过/至少/起码/不低于/以上 "at least"; 约/左右/上下 "about".
 *   A one-sided bound or an approximation uses the written figure itself; a one-sided bound beats 约.
 * - 多/余 after a number, and 数/几 for a digit, make a range up to the next unit of the last digit:
 *   3000多万 = 3000万–4000万, 十几亿 = 10亿–20亿, 数十亿 = 10亿–100亿.
 * - In a range the side without unit or currency borrows the other side's (1-2亿 = 1亿–2亿), unless that
 *   would put the low end above the high end (从8500到3万 = 8500–30000). A range still reversed is refused.
 * - A header's unit (context.multiplier) applies only to bare numbers: a number with a unit word, or
 *   with a currency word after it (1500美元, 82,225元), is read as written.
 * - Negative amounts (负, -, accounting brackets "(1,200)") are read as negative; a caller whose
 *   criterion cannot be negative passes allowNegative: false and gets an error saying so.
 * - Every character is accounted for: anything outside brackets that is not a number, unit, currency,
 *   qualifier or known filler is an error naming it and its position, never skipped. A breakdown
 *   (，其中…) or a remark holding no amount (，分两期建设) after the amount is left out and named in
 *   the note, as brackets are (clause.ts).
 * - Two amounts not in brackets (1500万或2000万, 一期1000万，二期2000万) are "ambiguous", never summed.
 */
import { CURRENCY_INFO } from "../vocabulary";
import { lastDigitPlace, powerOfTen, scaleDecimal } from "../numerals";
import {
  AmountContext,
  AmountResult,
  CurrencyCode,
  Label,
  ParseAmountOptions,
  ParsedAmount,
} from "../types";
import { boundOf, mk, Q_APPROX, Q_AT_LEAST, Tok } from "./lexicon";
import {
  errorOf,
  fail,
  Fail,
  finish,
  NOT_NEGATIVE,
  Read,
  unknownAt,
  unlabelledError,
} from "./note";
import { unitContext } from "./header";
import { dropClauses, opensPart } from "./clause";
import { sumBound } from "../bounds";

interface Term {
  text: string;
  high: string | null;
  exp: number | null;
  zh: boolean;
  single: boolean;
  /** 多/余 followed this term. */
  more: boolean;
  /** Where it starts, for messages. */
  s: number;
}

interface Side {
  terms: Term[];
  currency: CurrencyCode | null;
  /** The currency so far is only the generic 元/块. */
  yuanOnly: boolean;
  currencyAfter: boolean;
  quals: number;
  negative: boolean;
}

/**
 * A decimal m × 10^e with m an integer, so terms add exactly (640143 + 0.1 + 0.07 is not 640143.17 in
 * doubles) while m stays below 2^53 — past that a double holds no more digits anyway. Numbers, not
 * bigint: the functions bundle stays ES2017 (webpack.config.js).
 */
interface Dec {
  m: number;
  e: number;
}

function dec(text: string, exp: number): Dec {
  const dot = text.indexOf(".");
  if (dot < 0) return { m: Number(text), e: exp };
  return { m: Number(text.slice(0, dot) + text.slice(dot + 1)), e: exp - (text.length - dot - 1) };
}

function addDec(a: Dec, b: Dec): Dec {
  const e = Math.min(a.e, b.e);
  return { m: a.m * 10 ** (a.e - e) + b.m * 10 ** (b.e - e), e };
}

// m / 10^k with 10^k exact (k ≤ 22) is the double nearest the decimal.
const decNumber = (d: Dec): number =>
  d.e >= 0 ? d.m * 10 ** d.e : -d.e <= 22 ? d.m / 10 ** -d.e : Number(`${d.m}e${d.e}`);

function addCurrency(side: Side, t: Tok, orig: string): Fail | null {
  const code = t.code as CurrencyCode;
  const last = side.terms[side.terms.length - 1];
  if (last !== undefined) side.currencyAfter = true;
  // 五元三毛, 十块三毛: 元/块 after a bare number is its unit.
  if (t.yuan && last !== undefined && last.exp === null) last.exp = 0;
  if (side.currency === null) {
    side.currency = code;
    side.yuanOnly = t.yuan;
    return null;
  }
  if (t.yuan && CURRENCY_INFO[side.currency].yuan) return null; // 港币2960元
  if (side.yuanOnly && CURRENCY_INFO[code].yuan) {
    side.currency = code; // 2960元港币
    side.yuanOnly = false;
    return null;
  }
  if (side.currency === code) return null;
  return fail(
    "ambiguous",
    `币种不一致：${side.currency} 与 ${code}（“${orig.slice(t.s, t.e)}”）`,
    `two currencies: ${side.currency} and ${code} ("${orig.slice(t.s, t.e)}")`
  );
}

function readSide(toks: Tok[], orig: string): Side | Fail {
  const side: Side = {
    terms: [],
    currency: null,
    yuanOnly: false,
    currencyAfter: false,
    quals: 0,
    negative: false,
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const last = side.terms[side.terms.length - 1];
    switch (t.k) {
      case "num":
        if (last !== undefined && last.exp === null)
          return fail(
            "ambiguous",
            `有两个数：“${orig.slice(0, t.e).trim()}”`,
            `two numbers in a row: "${orig.slice(0, t.e).trim()}"`
          );
        side.terms.push({
          text: t.text,
          high: t.high,
          exp: null,
          zh: t.zh,
          single: t.single,
          more: false,
          s: t.s,
        });
        break;
      case "unit":
        if (last === undefined) return unknownAt(orig, t.s, t.e);
        last.exp = (last.exp ?? 0) + t.exp;
        break;
      case "cur": {
        const f = addCurrency(side, t, orig);
        if (f !== null) return f;
        break;
      }
      case "qual":
        side.quals |= t.q;
        break;
      case "more":
        if (last === undefined || last.more || last.high !== null) return unknownAt(orig, t.s, t.e);
        last.more = true;
        break;
      case "sign":
        if (side.terms.length > 0 || side.negative) return unknownAt(orig, t.s, t.e);
        side.negative = true;
        break;
      case "incl":
        break;
      default:
        return unknownAt(orig, t.s, t.e);
    }
  }
  return placeTerms(side, orig);
}

/** Gives each tail its place and checks that units step down (1亿5000万, not 5000万1亿). */
function placeTerms(side: Side, orig: string): Side | Fail {
  const terms = side.terms;
  for (let i = 1; i < terms.length; i++) {
    const term = terms[i];
    const prev = terms[i - 1].exp;
    if (term.exp !== null || prev === null) continue;
    const unclear = fail(
      "ambiguous",
      `“${orig.slice(term.s).trim()}”接在单位后，位数不明`,
      `"${orig.slice(term.s).trim()}" follows a unit and its place is unclear`
    );
    if (term.high !== null) return unclear;
    if (term.single)
      term.exp = prev - 1; // 三万五, 1亿5, 五块六, 两毛五
    else if (term.zh && prev >= 1 && prev <= 4 && Number(term.text) < 10 ** prev)
      term.exp = 0; // 三万八千零九
    else if (!term.zh && prev >= 1 && /^\d+$/.test(term.text) && term.text.length === prev)
      term.exp = 0; // 1万2345
    else return unclear;
  }
  if (terms.length > 1)
    for (let i = 0; i < terms.length; i++) {
      const exp = terms[i].exp;
      const prev = i > 0 ? terms[i - 1].exp : Infinity;
      if (exp === null || prev === null || exp >= prev)
        return fail("ambiguous", "写了不止一个金额", "more than one amount is written");
    }
  return side;
}

/** A side's low and high value: 多/余 and 数/几 widen it; a bare term takes exp0 or mult. */
function sideValue(side: Side, exp0: number | null, mult: number): [number, number] | Fail {
  const terms = side.terms;
  if (terms.length === 1 && !terms[0].more) {
    const t = terms[0];
    const at = (text: string): number =>
      t.exp !== null
        ? scaleDecimal(text, t.exp)
        : exp0 !== null
          ? scaleDecimal(text, exp0)
          : Number(text) * mult;
    return [at(t.text), at(t.high ?? t.text)];
  }
  const base = (t: Term): number => t.exp ?? exp0 ?? 0;
  let low: Dec = { m: 0, e: 0 };
  let high: Dec = { m: 0, e: 0 };
  for (const t of terms) {
    low = addDec(low, dec(t.text, base(t)));
    high = addDec(high, dec(t.high ?? t.text, base(t)));
    if (t.more) {
      const place = lastDigitPlace(t.text);
      if (place === null)
        return fail("unreadable", "“多/余”前的数为零", 'the number before "多/余" is zero');
      high = addDec(high, { m: 1, e: place + base(t) });
    }
  }
  let lo = decNumber(low);
  let hi = decNumber(high);
  if (exp0 === null && terms.every((t) => t.exp === null)) {
    lo *= mult;
    hi *= mult;
  }
  return [lo, hi];
}

function hasUnit(side: Side): boolean {
  return side.terms.some((t) => t.exp !== null);
}

const bare = (x: Side): boolean => !hasUnit(x) && !x.currencyAfter;

/** Marks between figures that offer a choice (1500万或2000万, 5亿元/8亿元), not a list. */
const ALTERNATIVE_MARKS = ["或", "或者", "/", "／", "|", "or"];

/** What a figure is counted per after "/" (亩均税收50万元/亩): a rate, not an amount (/年 is a filler). */
const PER_WHAT = /^(?:亩|平方米|平米|㎡|m2|m²|公顷|人|户|家|吨|件)/;

/**
 * 近亿元, 亿元以上, 超万元: a unit of 万 or above with a bound word and no figure is one of that unit
 * (nearly 1亿, at least 1亿), read with the bound's note; the unit alone (亿元) stays no number.
 */
function unitAlone(part: Tok[]): Tok[] {
  if (!part.some((t) => t.k === "qual")) return part;
  if (!part.every((t) => t.k === "qual" || t.k === "unit" || t.k === "cur")) return part;
  const units = part.filter((t) => t.k === "unit");
  if (units.length !== 1 || units[0].exp < 4) return part;
  const at = part.indexOf(units[0]);
  return [
    ...part.slice(0, at),
    mk("num", units[0].s, units[0].s, { text: "1" }),
    ...part.slice(at),
  ];
}

/**
 * 亿元级, 千万级, 百亿级: an order of magnitude, read as 数亿元 (1–10亿), 数千万 and 数百亿 read — the
 * range up to the next power of ten, its midpoint used and the note giving the range.
 */
function magnitude(toks: Tok[], src: string): Tok[] {
  const last = toks[toks.length - 1];
  if (last === undefined || last.k !== "text" || src.slice(last.s, last.e) !== "级") return toks;
  const before = toks.slice(0, -1);
  // 十亿级: a place word before the unit (十, 百, 千) is the order's first power, as in 数十亿.
  const place = before[0]?.k === "num" && /^[十百千]$/.test(src.slice(before[0].s, before[0].e));
  const units = place ? before.slice(1) : before;
  if (!units.some((t) => t.k === "unit") || !units.every((t) => t.k === "unit" || t.k === "cur"))
    return toks;
  const low = place ? before[0].text : "1";
  const at = before[0].s;
  const end = place ? before[0].e : at;
  return [mk("num", at, end, { text: low, high: String(Number(low) * 10), zh: true }), ...units];
}

/** Reads tokens (no brackets, no fillers) as one amount, a range, or fails. */
function readCore(core: Tok[], orig: string, ctx: Partial<AmountContext>): Read | Fail {
  let leadingApprox = false;
  let leadingMinus = false;
  let toks = core;
  if (toks.length > 0 && toks[0].k === "sep") {
    if (toks[0].ch === "-" && toks.length > 1 && toks[0].e - toks[0].s === 1) leadingMinus = true;
    else if (toks[0].ch === "~") leadingApprox = true;
    else return unknownAt(orig, toks[0].s, toks[0].e);
    toks = toks.slice(1);
  }
  // Separators that split two numbers: a range (- ~ 至 到 to) or a list (、 或 ,).
  const sides: Tok[][] = [[]];
  for (const t of toks) {
    if (t.k === "sep") {
      if (sides.length > 1) return unknownAt(orig, t.s, t.e);
      sides.push([]);
    } else if (t.k === "list") {
      const before = sides[sides.length - 1].some((x) => x.k === "num");
      if (!before) return unknownAt(orig, t.s, t.e);
      const mark = orig.slice(t.s, t.e);
      const per = mark === "/" || mark === "／" ? PER_WHAT.exec(orig.slice(t.e).trim()) : null;
      if (per !== null)
        return fail(
          "unreadable",
          `写的是每${per[0]}的数（/${per[0]}），不是总额`,
          `a figure per ${per[0]} (/${per[0]}), not a total`
        );
      return ALTERNATIVE_MARKS.includes(mark.toLowerCase())
        ? fail(
            "ambiguous",
            `写了不止一个金额：用“${mark}”隔开的是二选一，不知用哪一个`,
            `more than one amount is written: figures split by "${mark}" are alternatives, and which one is meant is not said`
          )
        : fail(
            "ambiguous",
            "写了不止一个金额，未标明哪一个是本列的（如“总投资”“一期”）",
            'more than one amount is written, none labelled as this column\'s (such as "总投资", "一期")'
          );
    } else sides[sides.length - 1].push(t);
  }
  // 5000万元~: a range with no high end is open upward, read as at least its figure (as 以上 is).
  const open = sides.length === 2 && sides[1].length === 0;
  if (open) sides.pop();
  const read: Side[] = [];
  for (const raw of sides) {
    const part = unitAlone(raw);
    if (!part.some((t) => t.k === "num"))
      return fail(
        "unreadable",
        sides.length > 1 ? "区间缺少一端" : "没有数字",
        sides.length > 1 ? "a range end is missing" : "no number"
      );
    const side = readSide(part, orig);
    if ("fail" in side) return side;
    read.push(side);
  }
  if (leadingMinus) {
    if (read[0].negative) return unknownAt(orig, core[0].s, core[0].e);
    read[0].negative = true;
  }
  const mult =
    ctx.multiplier !== undefined && ctx.multiplier > 0 && Number.isFinite(ctx.multiplier)
      ? ctx.multiplier
      : 1;
  const exp0 = powerOfTen(mult);
  let keptLowBare = false;
  if (read.length === 2) {
    const [a, b] = read;
    // 1-2亿: the end without unit or currency borrows the other end's.
    if (bare(a) && hasUnit(b) && a.terms.length === 1) {
      const lowBare = sideValue(a, exp0, mult);
      a.terms[0].exp = b.terms[0].exp;
      const lowBorrowed = sideValue(a, exp0, mult);
      const highEnd = sideValue(b, exp0, mult);
      if ("fail" in lowBare || "fail" in lowBorrowed || "fail" in highEnd)
        return fail("unreadable", "区间无法读取", "the range cannot be read");
      const signed = (v: number): number => (a.negative ? -v : v);
      const hi = b.negative ? -highEnd[1] : highEnd[1];
      // Only a low end written out in full (8500, not 2 in 2-1亿) is kept bare.
      const full = lowBare[0] >= 10 ** ((b.terms[0].exp ?? 0) - 1);
      if (signed(lowBorrowed[0]) > hi && signed(lowBare[0]) <= hi && mult === 1 && full) {
        a.terms[0].exp = null; // 从8500到3万: 8500万 would be above 3万
        keptLowBare = true;
      }
    } else if (bare(b) && hasUnit(a) && b.terms.length === 1) b.terms[0].exp = a.terms[0].exp;
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
  let usedContextUnit = false;
  let usedContextCurrency = false;
  let quals = (leadingApprox ? Q_APPROX : 0) | (open ? Q_AT_LEAST : 0);
  const lows: number[] = [];
  const highs: number[] = [];
  for (const side of read) {
    const isBare = bare(side);
    if (isBare && mult !== 1) usedContextUnit = true;
    const v = sideValue(side, isBare ? exp0 : 0, isBare ? mult : 1);
    if ("fail" in v) return v;
    // A negative side's range mirrors: 负十几万 = −20万…−10万.
    lows.push(side.negative ? -v[1] : v[0]);
    highs.push(side.negative ? -v[0] : v[1]);
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
  if (read.length === 2 && (lows[1] < lows[0] || highs[1] < highs[0] || low > high))
    return fail("unreadable", "区间下限大于上限", "the range's low end is above its high end");
  const vague = read.length === 1 && low < high;
  const ranged = read.length === 2 || vague;
  const bound = ranged ? "range" : boundOf(quals);
  if (bound === null)
    return fail("ambiguous", "既写了上限又写了下限", "both an upper and a lower bound are written");
  let droppedApprox = ranged && quals !== 0;
  if (bound !== "range" && (quals & Q_APPROX) !== 0 && bound !== "approximate")
    droppedApprox = true;
  return {
    low: low === 0 ? 0 : low,
    high: high === 0 ? 0 : high,
    currency,
    bound,
    vague,
    usedContextUnit,
    usedContextCurrency,
    droppedApprox,
    keptLowBare,
  };
}

/** Words in brackets that say the figure is not settled: 约5亿（待定）, 5亿（暂估）. */
const DOUBT_WORDS = [
  "待定",
  "暂定",
  "暂估",
  "预估",
  "估算",
  "估计",
  "未定",
  "待核实",
  "待确认",
  "待落实",
  "不确定",
  "存疑",
  "初步估算",
  "初步预估",
  "初估",
  "tbd",
  "?",
];

/** A question mark after the figure (5亿元?, 5亿元？？). */
const isDoubtMark = (t: Tok, src: string): boolean =>
  t.k === "text" && /^\?+$/.test(src.slice(t.s, t.e));

const doubtNote = (written: string): Label => ({
  zh: `“${written}”表示金额未定或存疑，按所写的数读取`,
  en: `"${written}" says the figure is not settled or in doubt; read as written`,
});

/** A bracketed group: its tokens and where its text starts and ends (inside the brackets). */
interface Group {
  toks: Tok[];
  s: number;
  e: number;
}

/** Splits top-level tokens from bracketed groups. */
function splitBrackets(toks: Tok[], end: number): { main: Tok[]; groups: Group[] } {
  const main: Tok[] = [];
  const groups: Group[] = [];
  let depth = 0;
  for (const t of toks) {
    const g = groups[groups.length - 1];
    if (t.k === "open") {
      if (depth++ === 0) groups.push({ toks: [], s: t.e, e: end });
      else g.toks.push(t);
    } else if (t.k === "close") {
      if (depth > 0 && --depth > 0) g.toks.push(t);
      else if (g !== undefined && depth === 0 && g.e === end) g.e = t.s;
    } else if (depth > 0) g.toks.push(t);
    else main.push(t);
  }
  return { main, groups };
}

/** 2023年: a leading year labels the amount (2023年计划投资5000万); any other text is refused. */
function dropYear(main: Tok[], orig: string): Tok[] {
  const [y, t] = main;
  if (
    y !== undefined &&
    t !== undefined &&
    y.k === "num" &&
    !y.zh &&
    /^(19|20)\d\d$/.test(y.text) &&
    t.k === "text" &&
    orig.slice(t.s, t.e) === "年"
  )
    return main.slice(2);
  return main;
}

/** Labels a bracketed amount may carry and still be the same amount restated (折合人民币60.7亿元). */
const RESTATING_LABELS = ["折合", "折", "合", "相当于", "即", "等值"];

function restating(toks: Tok[], src: string): Tok[] | null {
  const first = toks[0];
  if (first === undefined || first.k !== "text") return toks;
  const label = src.slice(first.s, first.e);
  return RESTATING_LABELS.includes(label) ? toks.slice(1) : null;
}

/** (1,200): a bare number alone in brackets is an accountant's negative. */
function accountingNegative(main: Tok[], groups: Group[]): Tok[] | null {
  if (main.some((t) => t.k !== "cur") || groups.length !== 1) return null;
  const g = groups[0].toks;
  const nums = g.filter((t) => t.k === "num");
  if (nums.length !== 1 || nums[0].zh || g.some((t) => t.k !== "num" && t.k !== "cur")) return null;
  return [mk("sign", nums[0].s, nums[0].s), ...main, ...g];
}

/**
 * Reads tokens with their bracket groups. `src` is the folded text the tokens index, `orig` the text
 * as written (same length), quoted in notes and messages. `asAlternate`: the tokens are a bracketed
 * second amount, which must restate the first (no label other than 折合…), not a part of it.
 */
export function readTokens(
  input: string,
  src: string,
  toks: Tok[],
  options: ParseAmountOptions | undefined,
  orig: string,
  asAlternate = false
): AmountResult {
  let ctx = options?.context ?? {};
  // 5亿元？: a figure the analyst doubts is read as written, and the note says it is uncertain.
  const doubts: Label[] = [];
  while (toks.length > 0 && isDoubtMark(toks[toks.length - 1], src)) {
    const t = toks[toks.length - 1];
    doubts.unshift(doubtNote(orig.slice(t.s, t.e)));
    toks = toks.slice(0, -1);
  }
  // 暂定10亿元, 初步估算10亿元: the same doubt written before the figure.
  const said = toks[0];
  const word = said === undefined || said.k !== "text" ? "" : src.slice(said.s, said.e);
  // (Not ? : a question mark before the figure, ?5亿元, marks no figure.)
  if (word !== "?" && DOUBT_WORDS.includes(word)) {
    doubts.unshift(doubtNote(orig.slice(said.s, said.e)));
    toks = toks.slice(1);
  }
  // 折合人民币约3.5亿元: a cell that is the converted figure alone reads as that figure.
  const lead = toks[0];
  if (
    lead !== undefined &&
    lead.k === "text" &&
    RESTATING_LABELS.includes(src.slice(lead.s, lead.e))
  )
    toks = toks.slice(1);
  toks = magnitude(toks, src);
  const labelled = !asAlternate && options?.context?.labelled === true;
  const clauses = dropClauses(toks, src, orig, options?.names, labelled);
  if (clauses.refusal !== null) return errorOf(input, clauses.refusal);
  if (labelled && clauses.label !== "own")
    return unlabelledError(input, options?.names, clauses.label === "other");
  let { main, groups } = splitBrackets(clauses.toks, src.length);
  const accounting = accountingNegative(main, groups);
  if (accounting !== null) {
    main = accounting;
    groups = [];
  } else if (
    !main.some((t) => t.k === "num") &&
    groups.length > 0 &&
    groups[0].toks.some((t) => t.k === "num")
  ) {
    // (1500万美元): the whole amount in brackets.
    main = groups[0].toks.concat(main);
    groups = groups.slice(1);
  }
  if (asAlternate) {
    const rest = restating(main, src);
    if (rest === null)
      return errorOf(
        input,
        fail("unreadable", "不是同一金额的另一写法", "not the same amount restated")
      );
    main = rest;
  }
  main = dropYear(main, orig);
  // 1500（万美元）: a bracketed unit applies to a bare number as a header's would.
  let unitGroup: string | null = null;
  const amountGroups: Group[] = [];
  for (const g of groups) {
    const unit =
      unitGroup === null && g.toks.length > 0 && !g.toks.some((t) => t.k === "num")
        ? unitContext(src.slice(g.s, g.e))
        : null;
    if (unit !== null) {
      ctx = { ...ctx, ...unit };
      unitGroup = orig.slice(g.s, g.e).trim();
    } else amountGroups.push(g);
  }
  const first = readCore(main, orig, ctx);
  if ("fail" in first) return errorOf(input, first);
  const read =
    clauses.summed === null ? first : sumOfPhases(first, clauses.summed.parts, orig, ctx);
  if ("fail" in read) return errorOf(input, read);
  let partsTotal = 0;
  for (const phase of clauses.phases) {
    const part = readCore(splitBrackets(phase.toks, src.length).main, orig, ctx);
    if (!("fail" in part) && part.currency === read.currency && part.low > read.high)
      return errorOf(
        input,
        fail(
          "ambiguous",
          `分期金额“${phase.text}”大于总额，不知哪个是总额`,
          `the phase figure "${phase.text}" is above the total: which is the total is unclear`
        )
      );
    if (!("fail" in part) && part.currency === read.currency) partsTotal += part.low;
  }
  if (clauses.phases.length > 1 && partsTotal > read.high * (1 + 1e-12))
    return errorOf(
      input,
      fail(
        "ambiguous",
        "各分期金额合计大于总额，不知哪个是总额",
        "the phase figures add up to more than the total: which is the total is unclear"
      )
    );
  if (options?.allowNegative === false && read.low < 0) return errorOf(input, NOT_NEGATIVE);
  const extra: Label[] = [];
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
    const text = orig.slice(g.s, g.e).trim();
    // （含）: inclusive, already how bounds read; () empty.
    if (text === "" || (g.toks.length > 0 && g.toks.every((t) => t.k === "incl"))) continue;
    // A label before the bracket's figure (（总投资10亿元）) names another item: no restatement.
    const labelled = g.toks.length > 0 && src.slice(g.s, g.toks[0].s).trim() !== "";
    const alt =
      alternate === undefined && g.toks.length > 0 && !labelled && !opensPart(src.slice(g.s, g.e))
        ? readTokens(text, src, g.toks, options, orig, true)
        : null;
    if (alt !== null && alt.ok) alternate = alt;
    else if (DOUBT_WORDS.includes(src.slice(g.s, g.e).trim())) extra.push(doubtNote(text));
    else extra.push({ zh: `忽略括号内“${text}”`, en: `ignored "${text}" in brackets` });
  }
  if (clauses.summed !== null) {
    const texts = clauses.summed.texts;
    extra.push({
      zh: `未写总额，读作分期合计（${texts.join(" + ")}）`,
      en: `no total written: read as the sum of the phases (${texts.join(" + ")})`,
    });
  }
  return finish(input, read, options, extra.concat(clauses.notes, doubts), alternate);
}

/**
 * The first phase's amount plus the others' (一期5亿，二期8亿): ranges add; a bound holds for the sum
 * when the other parts are exact or about; phases in different currencies, or one at least and one at
 * most, are refused.
 */
function sumOfPhases(
  first: Read,
  parts: { toks: Tok[]; text: string }[],
  orig: string,
  ctx: Partial<AmountContext>
): Read | Fail {
  const sum = { ...first };
  const bounds = [first.bound];
  for (const phase of parts) {
    const p = readCore(splitBrackets(phase.toks, orig.length).main, orig, ctx);
    if ("fail" in p) return p;
    if (p.currency !== sum.currency)
      return fail(
        "ambiguous",
        `分期金额币种不同（${sum.currency}、${p.currency}），不能相加`,
        `the phases are in different currencies (${sum.currency}, ${p.currency}) and cannot be added`
      );
    sum.low += p.low;
    sum.high += p.high;
    sum.vague = sum.vague || p.vague;
    sum.usedContextUnit = sum.usedContextUnit || p.usedContextUnit;
    sum.usedContextCurrency = sum.usedContextCurrency || p.usedContextCurrency;
    sum.droppedApprox = sum.droppedApprox || p.droppedApprox;
    sum.keptLowBare = sum.keptLowBare || p.keptLowBare;
    bounds.push(p.bound);
  }
  const bound = sumBound(bounds);
  if (bound === null)
    return fail(
      "ambiguous",
      "分期金额一个是下限、一个是上限，合计无法确定",
      "one phase is at least and another at most its figure: their sum is not settled"
    );
  sum.bound = bound;
  return sum;
}
