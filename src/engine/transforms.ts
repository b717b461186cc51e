/**
 * Criterion transforms: a field's value to 0–1. Each transform is compiled once per model into a
 * small function; the batch path applies it to a whole column.
 *
 * Direction: "less" turns t into 1 − t for every transform except `threshold` (whose `full` and
 * `zero` points already say which way is better; validation checks they agree with the direction)
 * and `chain` (always "more").
 */
import { cellText, chainFit, ChainFit, ChainFitter } from "./chain";
import { CompiledExpression, compileExpression, ValueKind } from "./expression";
import { foldAnswer, hits } from "./answers";
import { foldText } from "./numerals";
import { CellValue, ChainModel, CriterionDef, Transform } from "./types";

const clamp01 = (v: number): number => (v <= 0 ? 0 : v >= 1 ? 1 : v);

export type CriterionTransform =
  /** `column` is the batch path: x → out for a whole column, NaN (missing) staying NaN. */
  | {
      input: "num";
      apply: (x: number) => number;
      column: (x: Float64Array, out: Float64Array) => void;
    }
  | { input: "str"; apply: (s: string) => number }
  /** mathjs expression over `x` and the row's fields, bound per table by the scorer. */
  | { input: "expression"; expr: CompiledExpression }
  | { input: "chain" };

/** Linear between bounds: 0 at or below min, 1 at or above max. */
export function linear(x: number, min: number, max: number): number {
  return clamp01((x - min) / (max - min));
}

/** Logarithmic between bounds (min > 0): each doubling earns the same; x ≤ 0 scores 0. */
export function logarithmic(x: number, min: number, max: number): number {
  return x <= 0 ? 0 : clamp01(Math.log(x / min) / Math.log(max / min));
}

/** Linear interpolation between breakpoints [x, score] (x ascending); flat beyond the ends. */
export function piecewise(x: number, points: [number, number][]): number {
  return interpolate(
    x,
    Float64Array.from(points, (p) => p[0]),
    Float64Array.from(points, (p) => p[1])
  );
}

/** piecewise over the breakpoints' x and score columns. */
function interpolate(x: number, xs: Float64Array, ys: Float64Array): number {
  if (x <= xs[0]) return ys[0];
  for (let k = 1; k < xs.length; k++) {
    if (x <= xs[k])
      return ys[k - 1] + ((ys[k] - ys[k - 1]) * (x - xs[k - 1])) / (xs[k] - xs[k - 1]);
  }
  return ys[ys.length - 1];
}

/** Full marks at or beyond `full`, deducted linearly to 0 at `zero` (either side of `full`). */
export function threshold(x: number, full: number, zero: number): number {
  return clamp01((x - zero) / (full - zero));
}

/** Text as the keyword and category tables compare it: width-folded, lower case, trimmed. */
export const foldKey = (s: string): string => foldText(s).trim();

type KeywordRule = { words: string[]; score: number };

/** Rules with their words folded once, highest score first (the first match then wins). */
function foldRules(rules: KeywordRule[]): KeywordRule[] {
  return rules
    .map((r) => ({ words: r.words.map(foldKey), score: r.score }))
    .sort((x, y) => y.score - x.score);
}

/** Share of its rule's score a word earns inside an intention (拟申报省级) when the model says none. */
export const DEFAULT_INTENDED_SHARE = 0.5;

function bestRule(text: string, folded: KeywordRule[], fallback: number, intended: number): number {
  const t = foldAnswer(text);
  let best = -Infinity;
  // Rules run highest score first: the first word found as a fact wins over everything after it.
  for (const r of folded) {
    if (r.score <= best) break;
    for (const w of r.words) {
      const found = hits(t, w);
      if (found.includes("fact")) return Math.max(best, r.score);
      if (found.includes("intended")) best = Math.max(best, r.score * intended);
    }
  }
  return best === -Infinity ? fallback : best;
}

/**
 * Highest score among the rules with a word found in the text; `fallback` when none matches.
 * Negated words (非上市, 无研发中心) never count; words in an intention earn `intended` × the score.
 */
export function keywords(
  text: string,
  rules: KeywordRule[],
  fallback: number,
  intended = DEFAULT_INTENDED_SHARE
): number {
  return bestRule(text, foldRules(rules), fallback, intended);
}

/** The category table's keys folded once, for lookups that ignore width and case. */
export function categoryTable(table: Record<string, number>): Map<string, number> {
  return new Map(Object.entries(table).map(([k, v]) => [foldKey(k), v]));
}

function flips(t: Transform, def: CriterionDef): boolean {
  return def.direction === "less" && t.type !== "threshold" && t.type !== "chain";
}

/**
 * Compiles a criterion's transform with its direction. `x` in an expression transform has the kind
 * of the criterion's field; `kinds` are the model's fields for the expression's other names and
 * `constants` its named constants (fx_USD …).
 */
export function compileTransform(
  def: CriterionDef,
  xKind: ValueKind,
  kinds: Record<string, ValueKind>,
  constants: Record<string, number> = {}
): CriterionTransform {
  const t = def.transform;
  const flip = flips(t, def);
  // Each numeric transform has its own column loop, so every loop calls one function (inlined).
  const num = (
    f: (x: number) => number,
    column: (x: Float64Array, out: Float64Array) => void
  ): CriterionTransform => ({
    input: "num",
    apply: flip ? (x) => 1 - f(x) : f,
    column: flip
      ? (x, out) => {
          column(x, out);
          for (let i = 0; i < out.length; i++) out[i] = 1 - out[i];
        }
      : column,
  });
  const str = (f: (s: string) => number): CriterionTransform => ({
    input: "str",
    apply: flip ? (s) => 1 - f(s) : f,
  });
  switch (t.type) {
    case "linear": {
      const { min, max } = t;
      return num(
        (x) => linear(x, min, max),
        (x, out) => {
          for (let i = 0; i < x.length; i++) out[i] = x[i] !== x[i] ? NaN : linear(x[i], min, max);
        }
      );
    }
    case "log": {
      const { min, max } = t;
      return num(
        (x) => logarithmic(x, min, max),
        (x, out) => {
          for (let i = 0; i < x.length; i++)
            out[i] = x[i] !== x[i] ? NaN : logarithmic(x[i], min, max);
        }
      );
    }
    case "piecewise": {
      const xs = Float64Array.from(t.points, (p) => p[0]);
      const ys = Float64Array.from(t.points, (p) => p[1]);
      return num(
        (x) => interpolate(x, xs, ys),
        (x, out) => {
          for (let i = 0; i < x.length; i++)
            out[i] = x[i] !== x[i] ? NaN : interpolate(x[i], xs, ys);
        }
      );
    }
    case "threshold": {
      const { full, zero } = t;
      return num(
        (x) => threshold(x, full, zero),
        (x, out) => {
          for (let i = 0; i < x.length; i++)
            out[i] = x[i] !== x[i] ? NaN : threshold(x[i], full, zero);
        }
      );
    }
    case "boolean":
      // Yes 1, no 0, an intention its own value between (engine/answers INTENDED).
      return num(clamp01, (x, out) => {
        for (let i = 0; i < x.length; i++) out[i] = x[i] !== x[i] ? NaN : clamp01(x[i]);
      });
    case "category": {
      const table = categoryTable(t.table);
      const fallback = t.default ?? 0;
      return str((s) => table.get(foldKey(s)) ?? fallback);
    }
    case "keywords": {
      const folded = foldRules(t.rules);
      const fallback = t.default ?? 0;
      const intended = t.intended ?? DEFAULT_INTENDED_SHARE;
      return str((s) => bestRule(s, folded, fallback, intended));
    }
    case "chain":
      return { input: "chain" };
    case "expression": {
      const expr = compileExpression(t.expression, { ...kinds, x: xKind }, constants);
      if (!flip) return { input: "expression", expr };
      // Flipping an expression is a property of its result: wrap what the bound expression gives.
      return {
        input: "expression",
        expr: {
          ...expr,
          bind: (env) =>
            (
              (f) => (i: number) =>
                1 - f(i)
            )(expr.bind(env)),
          column: (env) => {
            const f = expr.column(env);
            return (out, count) => {
              f(out, count);
              for (let i = 0; i < count; i++) out[i] = 1 - out[i];
            };
          },
        },
      };
    }
  }
}

/** Clamps an expression transform's result to 0–1; NaN stays NaN (missing). */
export const clampScore = (v: number): number => (v !== v ? NaN : clamp01(v));

/**
 * Chain fit of one candidate from its cells (the one place the scorer reaches engine/chain).
 * Null when neither an explicit chain nor any text is given: the criterion is then missing.
 * `yesRole`: the role column is a yes/no column asking after that role (是否链主).
 */
export function chainFitOf(
  columns: Record<string, CellValue[]>,
  i: number,
  chain: ChainModel,
  scale = NaN,
  yesRole?: string
): ChainFit | null {
  const explicitChain = cellText(columns[chain.chainField]?.[i]);
  const texts = chain.textFields.map((f) => cellText(columns[f]?.[i]));
  if (explicitChain === null && texts.every((t) => t === null)) return null;
  const role = cellText(columns[chain.roleField]?.[i]);
  return chainFit({ explicitChain, texts, role, scale, yesRole }, chain);
}

/**
 * Chain fit of every candidate (the batch path): values into `out`, chains into `chains`. NaN and
 * null where chainFitOf gives null (no explicit chain and no text).
 */
export function chainFitColumn(
  columns: Record<string, CellValue[]>,
  count: number,
  chain: ChainModel,
  out: Float64Array,
  chains: (string | null)[],
  scale?: ArrayLike<number>,
  fitter = new ChainFitter(chain, chain.textFields.length)
): void {
  fitter.column(columns, count, out, chains, scale);
}
