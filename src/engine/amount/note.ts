/**
 * What a reading says about itself: the note (how the text was read and which number was used), the
 * normalized text that reads back to the same amount, and error results. Notes are built on first
 * read: scoring 100 000 rows reads `value`, not prose.
 */
import { CURRENCY_ZH, formatAmount, formatUnit } from "../fx";
import { shiftedDecimal } from "../numerals";
import { boundNote } from "../bounds";
import { MU_PER } from "../land";
import {
  AmountBound,
  AmountContext,
  AmountError,
  AmountErrorCode,
  BoundChoice,
  CurrencyCode,
  Label,
  ParseAmountOptions,
  ParsedAmount,
} from "../types";

/** Why a reading failed, before it is quoted with the cell's text. */
export interface Fail {
  fail: AmountErrorCode;
  zh: string;
  en: string;
}

export const fail = (code: AmountErrorCode, zh: string, en: string): Fail => ({
  fail: code,
  zh,
  en,
});

/** A negative amount where the caller's criterion cannot be negative (allowNegative: false). */
export const NOT_NEGATIVE: Fail = fail(
  "negative",
  "金额为负数，此项不能为负",
  "the amount is negative, which this item cannot be"
);

/** A character the grammar does not know, named with its 1-based position in the cell. */
export function unknownAt(orig: string, s: number, e: number): Fail {
  const text = orig.slice(s, e);
  return fail(
    "unreadable",
    `第 ${s + 1} 个字符起的“${text}”无法理解`,
    `cannot read "${text}" at character ${s + 1}`
  );
}

/** An amount as the grammar read it, before the bound choice picks the value. */
export interface Read {
  low: number;
  high: number;
  currency: CurrencyCode;
  bound: AmountBound;
  /** The range came from 数/几/多/余 or two digits in a row (两三亿), not from two written numbers. */
  vague: boolean;
  /** A bare number took its unit from the context. */
  usedContextUnit: boolean;
  usedContextCurrency: boolean;
  droppedApprox: boolean;
  /** The range's bare low end was not given the high end's unit, which would have reversed it. */
  keptLowBare: boolean;
}

/** Readable figure for notes: 亿/万 in zh, million/billion in en. */
function show(value: number, currency: CurrencyCode, lang: "zh" | "en"): string {
  const a = Math.abs(value);
  if (lang === "zh")
    return formatAmount(value, currency, a >= 1e8 ? 1e8 : a >= 1e4 ? 1e4 : 1, "zh");
  return formatAmount(value, currency, a >= 1e9 ? 1e9 : a >= 1e6 ? 1e6 : 1, "en");
}

/** Canonical text of one figure: digits shifted to 亿 or 万, no rounding; 负 for a negative one. */
function figure(v: number, sign: string): string {
  const a = Math.abs(v);
  const exp = a >= 1e8 ? 8 : a >= 1e4 ? 4 : 0;
  return (v < 0 ? sign : "") + shiftedDecimal(a, exp) + (exp === 8 ? "亿" : exp === 4 ? "万" : "");
}

export function normalizedText(r: Read): string {
  const cur = CURRENCY_ZH[r.currency];
  if (r.bound === "range") {
    const lo = figure(r.low, "负");
    // A low end without 亿/万 carries its currency so it does not borrow the high end's unit.
    return `${lo}${Math.abs(r.low) < 1e4 ? cur : ""}至${figure(r.high, "负")}${cur}`;
  }
  // 负 reads after 约 as well as before a number; "-" only starts a cell.
  const f = figure(r.low, r.bound === "exact" ? "-" : "负") + cur;
  if (r.bound === "approximate") return `约${f}`;
  if (r.bound === "atLeast") return `${f}以上`;
  if (r.bound === "atMost") return `${f}以下`;
  return f;
}

function buildNote(
  r: Read,
  value: number,
  used: BoundChoice | "exact",
  extra: Label[],
  ctx: Partial<AmountContext>
): Label {
  let { zh, en } = boundNote(
    { ...r, value },
    used === "exact" ? "mid" : used,
    (v) => show(v, r.currency, "zh"),
    (v) => show(v, r.currency, "en")
  );
  if (r.droppedApprox) {
    zh += "；“约”已忽略";
    en += '; "about" ignored';
  }
  if (r.keptLowBare) {
    zh += "；下限不套用上限的单位（套用后下限会大于上限）";
    en += "; the low end keeps no unit (the high end's unit would put it above the high end)";
  }
  const from = ctx.source ?? { zh: "表头", en: "header" };
  if (r.usedContextCurrency && !r.usedContextUnit) {
    // 10亿 under 总投资（万元）: the number has its unit; only the currency is the header's.
    zh += `；币种按${from.zh}（${formatUnit(r.currency, 1, "zh")}）`;
    en += `; currency of the ${from.en} (${formatUnit(r.currency, 1, "en")})`;
  } else if (r.usedContextUnit) {
    const m = ctx.multiplier ?? 1;
    const guess = ctx.guess === true;
    zh += `；${guess ? "？" : ""}裸数按${from.zh}的单位（${formatUnit(r.currency, m, "zh")}）读取${guess ? "，单位为假定" : ""}`;
    en += `; ${guess ? "? " : ""}bare number read in the unit of the ${from.en} (${formatUnit(r.currency, m, "en")})${guess ? ", an assumed unit" : ""}`;
  }
  if (ctx.perArea !== undefined && ctx.perArea !== "亩") {
    const factor = Number((1 / MU_PER[ctx.perArea]).toPrecision(5));
    zh += `；每${ctx.perArea}的数按每亩折算（×${factor}）`;
    en += `; a figure per ${ctx.perArea} converted to per 亩 (×${factor})`;
  }
  for (const x of extra) {
    zh += `；${x.zh}`;
    en += `; ${x.en}`;
  }
  return { zh, en };
}

export function errorOf(input: string, f: Fail): AmountError {
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

export function missingError(input: string): AmountError {
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

/**
 * In a column of several items (AmountContext.labelled): a cell whose figures are all another item's
 * has none of this column's (missing); a figure with no label could be any item's (refused).
 */
export function unlabelledError(
  input: string,
  names: readonly string[] | undefined,
  labelledOther: boolean
): AmountError {
  const own = names?.[0] ?? "";
  if (labelledOther)
    return {
      ok: false,
      input,
      code: "missing",
      message: {
        zh: `本列有多项金额，“${input}”没有写“${own}”，视为空缺`,
        en: `the column holds several items: "${input}" gives none labelled "${own}"; counts as missing`,
      },
    };
  return errorOf(
    input,
    fail(
      "ambiguous",
      `本列有多项金额，这个数没有标明是哪一项（如“${own}5000万元”）`,
      `the column holds several items and this figure does not say which (as "${own} 50 million")`
    )
  );
}

function alternateNote(alternate: ParsedAmount): Label {
  return {
    zh: `括号内另写 ${alternate.normalized}`,
    en: `the brackets also give ${alternate.normalized}`,
  };
}

/** The result of a reading, with the bound choice applied and note/normalized built lazily. */
export function finish(
  input: string,
  r: Read,
  options: ParseAmountOptions | undefined,
  extra: Label[],
  alternate?: ParsedAmount
): ParsedAmount {
  const choice = options?.bound ?? "mid";
  const ctx = options?.context ?? {};
  // A figure per 平方米 or 公顷 in a field counted per 亩 (parseAmount refuses it elsewhere).
  const per = ctx.perArea;
  if (per !== undefined && per !== "亩")
    r = { ...r, low: r.low / MU_PER[per], high: r.high / MU_PER[per] };
  let value = r.low;
  let used: BoundChoice | "exact" = "exact";
  if (r.bound === "range") {
    used = choice;
    value = choice === "low" ? r.low : choice === "high" ? r.high : (r.low + r.high) / 2;
  }
  let note: Label | undefined;
  let normalized: string | undefined;
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
  if (extra.length > 0) result.ignored = true;
  return result;
}
