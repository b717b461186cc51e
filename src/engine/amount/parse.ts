/** parseAmount: a cell (text, number or anything a host hands over) read by the amount grammar. */
import { cellProblem } from "../cells";
import { CURRENCY_CODES, PER_UNIT_WORD } from "../vocabulary";
import { foldText, isDigitCode, powerOfTen, scaleDecimal } from "../numerals";
import { AmountContext, AmountResult, CellValue, ParseAmountOptions } from "../types";
import { landUnit, MU_PER } from "../land";
import { readTokens } from "./grammar";
import { isMissing, tokenize } from "./lexicon";
import { errorOf, fail, finish, missingError, NOT_NEGATIVE, unlabelledError } from "./note";

/** Text for any cell value, even an object without a string form. */
function describeCell(x: unknown): string {
  return typeof x === "object" || typeof x === "function"
    ? Object.prototype.toString.call(x)
    : String(x);
}

/** n × mult, exactly when mult is a power of ten (0.57 × 1e4 = 5700, not 5699.999999999999). */
export function scaleExactly(n: number, mult: number): number {
  const product = n * mult;
  if (
    mult === 1 ||
    (Number.isInteger(n) && Number.isInteger(mult) && Math.abs(product) <= Number.MAX_SAFE_INTEGER)
  )
    return product;
  const exp = powerOfTen(mult);
  const s = String(n);
  return exp !== null && s.indexOf("e") < 0 ? scaleDecimal(s, exp) : product;
}

function fromNumber(
  input: string,
  n: number,
  options: ParseAmountOptions | undefined
): AmountResult {
  if (!Number.isFinite(n))
    return errorOf(input, fail("unreadable", "不是有限数", "not a finite number"));
  if (n < 0 && options?.allowNegative === false) return errorOf(input, NOT_NEGATIVE);
  if (n === 0) n = 0; // -0 reads as 0
  const ctx = options?.context ?? {};
  const mult = ctx.multiplier ?? 1;
  const value = scaleExactly(n, mult);
  if (!Number.isFinite(value))
    return errorOf(input, fail("unreadable", "数值过大", "the number is too large"));
  return finish(
    input,
    {
      low: value,
      high: value,
      currency: ctx.currency ?? "CNY",
      bound: "exact",
      vague: false,
      usedContextUnit: mult !== 1,
      usedContextCurrency: ctx.currency !== undefined,
      droppedApprox: false,
      keptLowBare: false,
    },
    options,
    []
  );
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
export function cleanOptions(o: ParseAmountOptions | undefined): ParseAmountOptions | undefined {
  if (o === undefined || o === null) return undefined;
  const c = o.context;
  const b = o.bound;
  const badBound = b !== undefined && b !== "mid" && b !== "low" && b !== "high";
  const badMult =
    c?.multiplier !== undefined && !(c.multiplier > 0 && Number.isFinite(c.multiplier));
  const badCur =
    c?.currency !== undefined && !(CURRENCY_CODES as readonly string[]).includes(c.currency);
  const badArea =
    c?.perArea !== undefined && !Object.prototype.hasOwnProperty.call(MU_PER, c.perArea);
  if (!badBound && !badMult && !badCur && !badArea) return o;
  const context: Partial<AmountContext> = {};
  if (c?.multiplier !== undefined && !badMult) context.multiplier = c.multiplier;
  if (c?.currency !== undefined && !badCur) context.currency = c.currency;
  if (c?.labelled !== undefined) context.labelled = c.labelled;
  if (c?.perArea !== undefined && !badArea) context.perArea = c.perArea;
  return {
    context,
    bound: badBound ? undefined : b,
    allowNegative: o.allowNegative,
    names: o.names,
    perMu: o.perMu,
  };
}

/**
 * Reads the amount a cell writes. Never throws: anything unreadable is an AmountError with a
 * bilingual message; blanks and placeholders (-, 待定, N/A …) are code "missing", not zero.
 */
export function parseAmount(text: CellValue, options?: ParseAmountOptions): AmountResult {
  const opts = cleanOptions(options);
  const perArea = opts?.context?.perArea;
  if (perArea === undefined || opts?.perMu === true) return readCell(text, opts);
  // A header per 亩 (亩均税收（万元/亩）) over a column a total was asked of: none of its figures is one.
  const r = readCell(text, opts);
  return r.ok
    ? errorOf(
        r.input,
        fail(
          "unreadable",
          `表头写的是每${perArea}的数，不是总额`,
          `the header gives a figure per ${perArea}, not a total`
        )
      )
    : r;
}

/**
 * After a figure, the land it is counted per (35万元/亩, 500元每平方米, 35万元/亩以上), read by a field
 * counted per 亩 (ParseAmountOptions.perMu).
 */
const PER_AREA_AFTER =
  /[/每]\s*(亩|平方米|平米|㎡|m2|m²|公顷)(?=\s*(?:及)?(?:以上|以下|左右|以内)?\s*$)/;
/** What a field counted per 亩 still refuses: a figure per person, per unit of energy, per tonne … */
const NOT_PER_LAND = /人均|单位能耗|[/每]\s*(?:人|户|家|吨|件)/;

function readCell(text: CellValue, opts: ParseAmountOptions | undefined): AmountResult {
  if (text === null || text === undefined) return missingError("");
  const labelled = opts?.context?.labelled === true;
  if (typeof text === "number")
    return labelled
      ? unlabelledError(String(text), opts?.names, false)
      : fromNumber(String(text), text, opts);
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
  const problem = cellProblem(text, true);
  if (problem !== null) return errorOf(text, fail("unreadable", problem.zh, problem.en));
  const trimmed = text.trim();
  if (isPlainNumber(trimmed))
    return labelled
      ? unlabelledError(text, opts?.names, false)
      : fromNumber(text, Number(trimmed), opts);
  let src = foldText(text);
  if (isMissing(src)) return missingError(text);
  let read = opts;
  if (opts?.perMu === true) {
    // The land unit after the figure is blanked (offsets stay the text's) and read as the column's.
    const after = PER_AREA_AFTER.exec(src);
    const unit = after !== null ? landUnit(after[1]) : null;
    if (after !== null && unit !== null) {
      src =
        src.slice(0, after.index) +
        " ".repeat(after[0].length) +
        src.slice(after.index + after[0].length);
      read = { ...opts, context: { ...opts.context, perArea: unit } };
    }
  }
  // 亩均税收50万元 is per 亩 even without /亩 after it (which the grammar refuses): never a total. A
  // remark in brackets (10亿元（亩均500万元）) is the grammar's to leave out. A field counted per 亩
  // takes it, and refuses a figure per person or per unit of energy.
  const perWord = opts?.perMu === true ? NOT_PER_LAND : PER_UNIT_WORD;
  const per = perWord.test(src) ? perWord.exec(src.replace(/\([^()]*\)/g, "")) : null;
  if (per !== null && opts?.perMu === true)
    return errorOf(
      text,
      fail(
        "unreadable",
        `“${per[0]}”：写的是人均、单位能耗或每吨等的数，不是每亩的数`,
        `"${per[0]}": a figure per person, per unit of energy or per tonne, not per 亩`
      )
    );
  if (per !== null)
    return errorOf(
      text,
      fail(
        "unreadable",
        `“${per[0]}”：写的是每亩、人均或单位的数，不是总额`,
        `"${per[0]}": a figure per 亩, per person or per unit, not a total`
      )
    );
  return readTokens(text, src, tokenize(src), read, text);
}
