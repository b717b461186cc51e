/**
 * The one place where worksheet arguments become engine inputs and engine failures become Excel errors.
 * Excel hands a custom function scalars (number, string, boolean; blank as "" or null, an omitted optional
 * argument as null or undefined) and ranges as any[][]; on CustomFunctionsRuntime 1.4 hosts a data-type cell
 * (an entity card, a formatted number) reaches an `any` parameter as its JSON object, read here by `plain`.
 * Every coercion below names the argument and, for ranges, the cell, so the #VALUE! message tells the
 * analyst what to fix.
 */
/* global CustomFunctions */
import type { CellValue, Label } from "../engine/types";

export type ErrorKind = "value" | "na";

/** A refused argument or an answer that does not exist; `run` turns it into CustomFunctions.Error. */
export class ArgError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly arg: string | null,
    readonly label: Label
  ) {
    super(`${arg ? `${arg}: ` : ""}${label.zh} / ${label.en}`);
    this.name = "ArgError";
  }
}

/** #VALUE! naming the argument. */
export function fail(arg: string | null, zh: string, en: string): never {
  throw new ArgError("value", arg, { zh, en });
}

/** #N/A naming the argument (no answer, as opposed to a wrong argument). */
export function notAvailable(arg: string | null, zh: string, en: string): never {
  throw new ArgError("na", arg, { zh, en });
}

function isLabel(x: unknown): x is Label {
  return (
    typeof x === "object" &&
    x !== null &&
    typeof (x as Label).zh === "string" &&
    typeof (x as Label).en === "string"
  );
}

function toExcelError(e: unknown): CustomFunctions.Error {
  const { invalidValue, notAvailable: na } = CustomFunctions.ErrorCode;
  if (e instanceof ArgError)
    return new CustomFunctions.Error(e.kind === "na" ? na : invalidValue, e.message);
  // Engine errors carry a bilingual label (ExpressionError, model validation …).
  const label = typeof e === "object" && e !== null ? (e as { label?: unknown }).label : undefined;
  if (isLabel(label)) return new CustomFunctions.Error(invalidValue, `${label.zh} / ${label.en}`);
  const text = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(invalidValue, `内部错误 / internal error: ${text}`);
}

/**
 * Storage for the cells of one decision matrix per call, reused from call to call. A fresh 12 MB array
 * for each call on 100 000 × 15 cost more in garbage collection (V8 collects on external-memory
 * pressure, marking Excel's argument arrays each time) than the method itself. Safe because calls run
 * one at a time (synchronous functions on one thread), the first matrix of a call alone gets it, and
 * no result keeps the matrix: every function returns plain arrays built before it returns.
 */
let shared = new Float64Array(0);
let lent = false;
/** Calls of `run` under way: a function body calling another function must not free the storage. */
let depth = 0;

/** The reused storage for `size` cells, or undefined (a new array) when this call already has it. */
export function matrixStorage(size: number): Float64Array | undefined {
  if (lent) return undefined;
  lent = true;
  if (shared.length < size) shared = new Float64Array(size);
  return shared.subarray(0, size);
}

/** Runs a function body so that nothing escapes but a CustomFunctions.Error. */
export function run<T>(body: () => T): T {
  if (depth++ === 0) lent = false;
  try {
    return body();
  } catch (e) {
    throw toExcelError(e);
  } finally {
    if (--depth === 0) lent = false;
  }
}

/** A cell value as Excel hands it over as a data type: `{ type: "Double", basicValue: 3 }`, an entity … */
interface DataTypeValue {
  type: string;
  basicValue?: unknown;
  text?: unknown;
}

function isDataType(v: unknown): v is DataTypeValue {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    typeof (v as { type?: unknown }).type === "string"
  );
}

/** What the cell shows: an entity's text (its basic value is #VALUE!), else its basic value. */
function shown(v: DataTypeValue): CellValue {
  if (typeof v.text === "string") return v.text;
  const b = v.basicValue;
  return typeof b === "number" || typeof b === "string" || typeof b === "boolean" ? b : null;
}

/** A cell as its plain value: a data-type cell as what it shows, anything else as it is. */
export const plainCell = (x: unknown): unknown => (isDataType(x) ? shown(x) : x);

/** An argument with any data-type cells (alone or in a range) replaced by what they show. */
export function plain(v: unknown): unknown {
  if (!Array.isArray(v)) return plainCell(v);
  const hasData = v.some((row) => (Array.isArray(row) ? row.some(isDataType) : isDataType(row)));
  return hasData ? v.map((row) => (Array.isArray(row) ? row.map(plainCell) : plainCell(row))) : v;
}

export function isBlank(v: unknown): boolean {
  const x = plainCell(v);
  return x === null || x === undefined || (typeof x === "string" && x.trim() === "");
}

/** A range argument as rows of cells; a single value is a 1 × 1 range. */
export function grid(v: unknown, arg: string): unknown[][] {
  if (v === null || v === undefined) fail(arg, "缺少区域", "a range is required");
  const p = plain(v);
  if (!Array.isArray(p)) return [[p]];
  if (p.length === 0) fail(arg, "区域为空", "the range is empty");
  return p.map((row) => (Array.isArray(row) ? row : [row]));
}

/** A required number (numeric text is read too). */
export function number(arg0: unknown, arg: string): number {
  const v = plainCell(arg0);
  if (typeof v === "number")
    return Number.isFinite(v) ? v : fail(arg, "不是有限数", "not a finite number");
  if (isBlank(v)) fail(arg, "为空，应为数字", "blank, a number is required");
  if (typeof v === "string") {
    const n = Number(v.trim().normalize("NFKC"));
    if (Number.isFinite(n)) return n;
  }
  const shown = String(v).slice(0, 20);
  return fail(arg, `“${shown}”不是数字`, `"${shown}" is not a number`);
}

/** An optional number: blank or omitted gives `dflt`; `min`/`max` bound it and `integer` requires a whole number. */
export function optNumber(
  v: unknown,
  arg: string,
  dflt: number,
  limits: { min?: number; max?: number; integer?: boolean } = {}
): number {
  if (isBlank(v)) return dflt;
  const n = number(Array.isArray(v) ? single(v, arg) : v, arg);
  const { min = -Infinity, max = Infinity, integer = false } = limits;
  if (integer && !Number.isInteger(n)) fail(arg, `${n} 应为整数`, `${n} must be a whole number`);
  if (n < min || n > max) {
    const range = `${min === -Infinity ? "" : min}–${max === Infinity ? "" : max}`;
    fail(arg, `${n} 超出范围 ${range}`, `${n} is outside ${range}`);
  }
  return n;
}

/** A single cell passed where a scalar belongs (a 1 × 1 range is accepted). */
function single(v: unknown[], arg: string): unknown {
  const g = grid(v, arg);
  if (g.length !== 1 || g[0].length !== 1) fail(arg, "应为单个单元格", "a single cell is required");
  return g[0][0];
}

export function cellValue(v: unknown): CellValue {
  const x = plainCell(v);
  if (x === undefined || x === null || x === "") return null;
  if (typeof x === "number" || typeof x === "string" || typeof x === "boolean") return x;
  return String(x);
}

/** An optional text argument, trimmed; blank or omitted gives null. */
export function optText(v: unknown, arg: string): string | null {
  const x = plainCell(Array.isArray(v) ? single(v, arg) : v);
  if (isBlank(x)) return null;
  return String(x).trim();
}

/** A required text argument (a number is read as its text). */
export function text(v: unknown, arg: string): string {
  const t = optText(v, arg);
  if (t === null) return notAvailable(arg, "为空", "is blank");
  return t;
}

/**
 * One of a fixed set of options, matched case-insensitively (full-width forms too); blank gives `dflt`.
 * `options` maps every accepted spelling to its meaning.
 */
export function choice<T>(v: unknown, arg: string, options: Record<string, T>, dflt: T): T {
  const t = optText(v, arg);
  if (t === null) return dflt;
  const key = t.normalize("NFKC").toLowerCase();
  if (Object.prototype.hasOwnProperty.call(options, key)) return options[key];
  const list = Object.keys(options).join(", ");
  return fail(arg, `“${t}”无效，可选：${list}`, `"${t}" is not one of ${list}`);
}

/** A finite engine result, or #N/A saying what could not be computed. */
export function finite(x: number, what: string): number {
  if (!Number.isFinite(x)) notAvailable(what, "无法计算", "cannot be computed");
  return x;
}

// 10^k for k = 0…22: every one is exact in a double, so n / 10^k is the double nearest the decimal.
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);
// DECADES[e + 11] ≈ 10^e for e = −11…12: a first guess of the decade that `clean` corrects by one.
const DECADES = Array.from({ length: 24 }, (_, i) => Number(`1e${i - 11}`));

const TWO_TO_52 = 2 ** 52;
/**
 * The k of the last number `clean` scaled by 10^k, per column of a result (`clean`'s `column`): a
 * result's columns (VIKOR's S, R and Q) sit in different decades, and one shared guess would miss at
 * every cell.
 */
const lastPowers = new Int32Array(8).fill(11);

/** ⌊log10 a⌋ for 1e-11 ≤ a < 1e12, give or take one (a binary search, cheaper than Math.log10). */
function decade(a: number): number {
  let lo = 0;
  let hi = DECADES.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (a >= DECADES[mid]) lo = mid;
    else hi = mid;
  }
  return lo - 11;
}

/**
 * A number rounded off its last bits, so 0.1 + 0.2 shows as 0.3 in a cell: the same number as
 * Number(x.toPrecision(12)) (a property test holds it to that), without formatting a string — spilling
 * 100 000 results through toPrecision cost more than the TOPSIS behind them. The 12-digit integer is
 * taken from x·10^k; where that product lies too near a half to be sure of its rounding, or 10^k is not
 * exact, the string path decides.
 */
export function clean(x: number, column = 0): number {
  const slot = column & 7;
  // The column's last power of ten first; when it does not put |x| in range, the decade is searched
  // for once and the step taken again. Kept small for V8 to inline where results are spilled: a call
  // not inlined returns its double boxed, an allocation per cell.
  for (let attempt = 0; attempt < 2; attempt++) {
    const k = lastPowers[slot];
    const scaled = Math.abs(x) * POWERS_OF_TEN[k];
    // The nearest integer (scaled < 2⁵²), a third cheaper than Math.round and Math.floor; away from
    // a half it is Math.round's, and a half too near to be sure of goes to the string path.
    const nearest = scaled + TWO_TO_52 - TWO_TO_52;
    // 10^11 ≤ scaled: just below it, the next power also fits and is the one to use (its 12th digit).
    if (scaled >= 1e11 && scaled < 999999999999.5 && Math.abs(scaled - nearest) < 0.499) {
      const n = nearest / POWERS_OF_TEN[k];
      return x < 0 ? -n : n;
    }
    if (attempt === 0 && !refit(x, slot)) break;
  }
  return Number(x.toPrecision(12));
}

/**
 * Sets the column's power of ten to the one that puts |x|·10^k in [10¹¹, 10¹²) (only one does); false
 * when none does (0, or outside 1e-11 … 1e12).
 */
function refit(x: number, slot: number): boolean {
  const a = Math.abs(x);
  if (!(a < 1e12 && a >= 1e-11)) return false;
  let k = 11 - decade(a);
  const scaled = a * POWERS_OF_TEN[k];
  // The decade can be one off next to a power of ten.
  if (scaled >= 999999999999.5 && k > 0) k--;
  else if (scaled < 1e11 && k < 22) k++;
  lastPowers[slot] = k;
  return true;
}

/** The cells of a range argument (or the one value), row by row; concat, not flat(): ES2017. */
export function rangeCells(v: unknown): unknown[] {
  return Array.isArray(v) ? ([] as unknown[]).concat(...(v as unknown[][])) : [v];
}

/** A spilled column (n × 1) of finite, cleaned numbers. */
export function spillColumn(values: ArrayLike<number>, what: string): number[][] {
  const out = new Array<number[]>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = [clean(finite(values[i], what))];
  return out;
}

/** A spilled row (1 × n) of finite, cleaned numbers. */
export function spillRow(values: ArrayLike<number>, what: string): number[][] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = clean(finite(values[i], what));
  return [out];
}
