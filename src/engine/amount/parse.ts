/** parseAmount: a cell (text, number or anything a host hands over) read by the amount grammar. */
import { cellProblem } from "../cells";
import { CURRENCY_CODES, PER_UNIT_WORD } from "../vocabulary";
import { foldText, isDigitCode, powerOfTen, scaleDecimal } from "../numerals";
import { AmountContext, AmountResult, CellValue, ParseAmountOptions } from "../types";
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
  if (!badBound && !badMult && !badCur) return o;
  const context: Partial<AmountContext> = {};
  if (c?.multiplier !== undefined && !badMult) context.multiplier = c.multiplier;
  if (c?.currency !== undefined && !badCur) context.currency = c.currency;
  if (c?.labelled !== undefined) context.labelled = c.labelled;
  return {
    context,
    bound: badBound ? undefined : b,
    allowNegative: o.allowNegative,
    names: o.names,
  };
}

/**
 * Reads the amount a cell writes. Never throws: anything unreadable is an AmountError with a
 * bilingual message; blanks and placeholders (-, 待定, N/A …) are code "missing", not zero.
 */
export function parseAmount(text: CellValue, options?: ParseAmountOptions): AmountResult {
  const opts = cleanOptions(options);
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
  const src = foldText(text);
  if (isMissing(src)) return missingError(text);
  // 亩均税收50万元 is per 亩 even without /亩 after it (which the grammar refuses): never a total. A
  // remark in brackets (10亿元（亩均500万元）) is the grammar's to leave out.
  const per = PER_UNIT_WORD.test(src) ? PER_UNIT_WORD.exec(src.replace(/\([^()]*\)/g, "")) : null;
  if (per !== null)
    return errorOf(
      text,
      fail(
        "unreadable",
        `“${per[0]}”：写的是每亩、人均或单位的数，不是总额`,
        `"${per[0]}": a figure per 亩, per person or per unit, not a total`
      )
    );
  return readTokens(text, src, tokenize(src), opts, text);
}
