/**
 * Sandboxed model expressions (derived fields, gates, bonuses, flags, "expression" transforms).
 *
 * A workbook can carry a hostile model, so expressions are treated as untrusted input:
 * - mathjs (number-only build, created with the parser factory alone) only PARSES the text. Nothing is
 *   ever evaluated by mathjs, so import, createUnit, evaluate, parse, compile, simplify, derivative,
 *   resolve, reviver… are unreachable: a name is either a field, a constant or one of the whitelisted
 *   functions below, else the expression is refused.
 * - The syntax tree is checked against a whitelist of node types: no assignments, function
 *   definitions, blocks, property/index access (constructor, __proto__…), objects, matrices or ranges.
 * - Text length, bracket nesting and node count are capped, so every expression does a bounded,
 *   small amount of work per row (there are no loops to run away).
 * - The checked tree is compiled ONCE into plain closures over typed-array columns (binding to a table
 *   only looks its columns up); a row then costs a few native operations, which is what makes the
 *   columnar batch path fast and a one-row table cheap.
 *
 * Semantics: numbers are IEEE doubles; booleans are 1/0; NaN means "unknown" (missing input) and
 * propagates through arithmetic, comparisons and logic (Kleene: `false and unknown` is false).
 * Text fields may only be compared with == and != (to text constants or other text fields).
 */
import { create, parseDependencies } from "mathjs/number";
import type { MathNode } from "mathjs";
import { Label } from "./types";

export const EXPRESSION_LIMITS = { maxLength: 1000, maxNesting: 30, maxNodes: 250 } as const;

/** What a symbol holds: numbers (amounts, numbers, yes/no as 1/0) or text. */
export type ValueKind = "num" | "str";

/** Columns an expression reads, by symbol name. */
export interface ExpressionEnv {
  num(name: string): ArrayLike<number> | undefined;
  str(name: string): ArrayLike<string | null> | undefined;
}

export type RowFn = (i: number) => number;

export interface CompiledExpression {
  source: string;
  /** Field names the expression reads. */
  symbols: string[];
  /** Binds the expression to a table's columns; the result evaluates row i. */
  bind(env: ExpressionEnv): RowFn;
}

/** A refused or unreadable expression. */
export class ExpressionError extends Error {
  constructor(readonly label: Label) {
    super(label.en);
    this.name = "ExpressionError";
  }
}

const math = create({ parseDependencies });
// Field ids may be Chinese (总投资, 用地面积): let the parser read CJK ideographs as letters.
const latinOrGreek = math.parse.isAlpha;
math.parse.isAlpha = (c: string, cPrev: string, cNext: string) =>
  latinOrGreek(c, cPrev, cNext) || /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(c);

/** Columns by slot (the order of CompiledExpression.symbols), resolved once per bind. */
type Cols = ArrayLike<number | string | null>[];
type Num = (c: Cols, i: number) => number;
type Str = (c: Cols, i: number) => string | null;
/** A compiled node; `slot` when it reads a column directly (operators then read it without a call). */
type Typed =
  | { kind: "num"; fn: Num; constant?: number; slot?: number }
  | { kind: "str"; fn: Str; constant?: string; slot?: number };

/** Symbols an expression reads, in slot order, with their kinds. */
type Slots = Map<string, { slot: number; kind: ValueKind }>;

const truth = (a: number): number => (a !== a ? NaN : a !== 0 ? 1 : 0);

// Comparisons: NaN (unknown) when either side is, else 1 or 0. Each written out, not wrapped, so a
// row costs one call per operator.
const BINARY: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  pow: Math.pow,
  mod: (a, b) => (b === 0 ? a : a - b * Math.floor(a / b)),
  equal: (a, b) => (a !== a || b !== b ? NaN : a === b ? 1 : 0),
  unequal: (a, b) => (a !== a || b !== b ? NaN : a !== b ? 1 : 0),
  smaller: (a, b) => (a !== a || b !== b ? NaN : a < b ? 1 : 0),
  larger: (a, b) => (a !== a || b !== b ? NaN : a > b ? 1 : 0),
  smallerEq: (a, b) => (a !== a || b !== b ? NaN : a <= b ? 1 : 0),
  largerEq: (a, b) => (a !== a || b !== b ? NaN : a >= b ? 1 : 0),
  and: (a, b) => (a === 0 || b === 0 ? 0 : a !== a || b !== b ? NaN : 1),
  or: (a, b) => (truth(a) === 1 || truth(b) === 1 ? 1 : a !== a || b !== b ? NaN : 0),
  xor: (a, b) => (a !== a || b !== b ? NaN : truth(a) !== truth(b) ? 1 : 0),
};

const UNARY: Record<string, (a: number) => number> = {
  unaryMinus: (a) => -a,
  unaryPlus: (a) => a,
  not: (a) => (a !== a ? NaN : a === 0 ? 1 : 0),
};

const round = (x: number, n = 0): number => {
  const f = Math.pow(10, Math.trunc(n));
  return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
};

/** Whitelisted functions: name → [min args, max args, implementation]. Same meaning as in mathjs. */
const FUNCTIONS: Record<string, [number, number, (...a: number[]) => number]> = {
  abs: [1, 1, Math.abs],
  ceil: [1, 1, Math.ceil],
  floor: [1, 1, Math.floor],
  fix: [1, 1, Math.trunc],
  round: [1, 2, round],
  sign: [1, 1, Math.sign],
  sqrt: [1, 1, Math.sqrt],
  cbrt: [1, 1, Math.cbrt],
  exp: [1, 1, Math.exp],
  log: [1, 2, (x, base) => (base === undefined ? Math.log(x) : Math.log(x) / Math.log(base))],
  log10: [1, 1, Math.log10],
  log2: [1, 1, Math.log2],
  log1p: [1, 1, Math.log1p],
  pow: [2, 2, Math.pow],
  mod: [2, 2, BINARY.mod],
  // Math.min/max already give NaN when any argument is NaN.
  min: [1, 20, Math.min],
  max: [1, 20, Math.max],
  isNaN: [1, 1, (x) => (x !== x ? 1 : 0)],
};

export const EXPRESSION_FUNCTIONS = Object.keys(FUNCTIONS);

const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E, Infinity: Infinity };

const REFUSED_NODES: Record<string, Label> = {
  AccessorNode: {
    zh: '不允许访问属性（如 a.b、a["constructor"]）',
    en: 'property access (a.b, a["constructor"]) is not allowed',
  },
  IndexNode: { zh: "不允许下标访问", en: "indexing is not allowed" },
  AssignmentNode: { zh: "不允许赋值", en: "assignment is not allowed" },
  FunctionAssignmentNode: { zh: "不允许定义函数", en: "defining functions is not allowed" },
  BlockNode: {
    zh: "只能写一个表达式（不允许分号或换行分隔多条）",
    en: "only one expression is allowed (no ; or line-separated blocks)",
  },
  ObjectNode: { zh: "不允许对象", en: "objects are not allowed" },
  ArrayNode: { zh: "不允许矩阵或数组", en: "matrices and arrays are not allowed" },
  RangeNode: { zh: "不允许区间（a:b）", en: "ranges (a:b) are not allowed" },
};

const err = (zh: string, en: string): ExpressionError => new ExpressionError({ zh, en });

function preCheck(source: string): void {
  if (typeof source !== "string" || source.trim() === "")
    throw err("表达式为空", "expression is empty");
  if (source.length > EXPRESSION_LIMITS.maxLength) {
    throw err(
      `表达式过长（超过 ${EXPRESSION_LIMITS.maxLength} 个字符）`,
      `expression is too long (over ${EXPRESSION_LIMITS.maxLength} characters)`
    );
  }
  // The parser recurses per bracket level: refuse deep nesting before it runs.
  let depth = 0;
  for (const c of source) {
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    if (depth > EXPRESSION_LIMITS.maxNesting) {
      throw err(
        `括号嵌套过深（超过 ${EXPRESSION_LIMITS.maxNesting} 层）`,
        `brackets nested too deep (over ${EXPRESSION_LIMITS.maxNesting} levels)`
      );
    }
  }
}

function parse(source: string): MathNode {
  preCheck(source);
  let node: MathNode;
  try {
    node = math.parse(source);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw err(`表达式无法解析：${msg}`, `expression cannot be parsed: ${msg}`);
  }
  let count = 0;
  node.traverse(() => {
    count++;
  });
  if (count > EXPRESSION_LIMITS.maxNodes) {
    throw err(
      `表达式过大（${count} 个节点，上限 ${EXPRESSION_LIMITS.maxNodes}）`,
      `expression is too large (${count} nodes, limit ${EXPRESSION_LIMITS.maxNodes})`
    );
  }
  return node;
}

function numConst(value: number): Typed {
  return { kind: "num", constant: value, fn: () => value };
}

function asNum(t: Typed, what: string): Num {
  if (t.kind !== "num")
    throw err(
      `文本不能用于${what}（文本只能用 == 或 != 比较）`,
      `text cannot be used in ${what} (text can only be compared with == or !=)`
    );
  return t.fn;
}

/** What names mean while compiling: fields (columns), the model's constants, and the symbols read. */
interface Scope {
  symbols: Record<string, ValueKind>;
  constants: Record<string, number>;
  used: Slots;
}

function compileNode(node: MathNode, scope: Scope): Typed {
  const { symbols, used } = scope;
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case "ConstantNode": {
      const v = n.value;
      if (typeof v === "number") return numConst(v);
      if (typeof v === "boolean") return numConst(v ? 1 : 0);
      if (typeof v === "string") return { kind: "str", constant: v, fn: () => v };
      throw err("不支持的常量", "unsupported constant");
    }
    case "SymbolNode": {
      const name = n.name as string;
      if (Object.prototype.hasOwnProperty.call(symbols, name)) {
        let s = used.get(name);
        if (s === undefined) used.set(name, (s = { slot: used.size, kind: symbols[name] }));
        const k = s.slot;
        return s.kind === "str"
          ? { kind: "str", fn: (c, i) => c[k][i] as string | null, slot: k }
          : { kind: "num", fn: (c, i) => c[k][i] as number, slot: k };
      }
      if (Object.prototype.hasOwnProperty.call(scope.constants, name))
        return numConst(scope.constants[name]);
      if (Object.prototype.hasOwnProperty.call(CONSTANTS, name)) return numConst(CONSTANTS[name]);
      if (Object.prototype.hasOwnProperty.call(FUNCTIONS, name)) {
        throw err(`函数 ${name} 必须带括号调用`, `function ${name} must be called with brackets`);
      }
      throw err(
        `未知名称“${name}”：不是模型中的字段`,
        `unknown name "${name}": not a field of the model`
      );
    }
    case "ParenthesisNode":
      return compileNode(n.content as MathNode, scope);
    case "OperatorNode":
      return compileOperator(n.fn as string, n.op as string, n.args as MathNode[], scope);
    case "RelationalNode": {
      // a < b <= c means (a < b) and (b <= c)
      const params = (n.params as MathNode[]).map((p) =>
        asNum(compileNode(p, scope), "比较/comparison")
      );
      const ops = (n.conditionals as string[]).map((c) => BINARY[c]);
      if (ops.some((f) => !f)) throw err("不支持的比较", "unsupported comparison");
      return {
        kind: "num",
        fn: (c, i) => {
          let acc = 1;
          for (let k = 0; k < ops.length; k++)
            acc = BINARY.and(acc, ops[k](params[k](c, i), params[k + 1](c, i)));
          return acc;
        },
      };
    }
    case "ConditionalNode": {
      const cf = asNum(compileNode(n.condition as MathNode, scope), "条件/a condition");
      const tf = asNum(compileNode(n.trueExpr as MathNode, scope), "条件结果/a conditional result");
      const ff = asNum(
        compileNode(n.falseExpr as MathNode, scope),
        "条件结果/a conditional result"
      );
      return {
        kind: "num",
        fn: (c, i) => {
          const v = cf(c, i);
          return v !== v ? NaN : v !== 0 ? tf(c, i) : ff(c, i);
        },
      };
    }
    case "FunctionNode": {
      const fnNode = n.fn as MathNode & { name?: string };
      const name = fnNode.type === "SymbolNode" ? (fnNode.name as string) : "";
      if (!name || !Object.prototype.hasOwnProperty.call(FUNCTIONS, name)) {
        const shown = name || fnNode.toString();
        throw err(
          `不允许调用函数“${shown}”；可用函数：${EXPRESSION_FUNCTIONS.join(", ")}`,
          `calling "${shown}" is not allowed; allowed functions: ${EXPRESSION_FUNCTIONS.join(", ")}`
        );
      }
      const [lo, hi, impl] = FUNCTIONS[name];
      const args = n.args as MathNode[];
      if (args.length < lo || args.length > hi) {
        throw err(
          `函数 ${name} 的参数个数不对（${args.length}）`,
          `wrong number of arguments for ${name} (${args.length})`
        );
      }
      const fs = args.map((a) => asNum(compileNode(a, scope), name));
      if (fs.length === 1) {
        const [a] = fs;
        return { kind: "num", fn: (c, i) => impl(a(c, i)) };
      }
      if (fs.length === 2) {
        const [a, b] = fs;
        return { kind: "num", fn: (c, i) => impl(a(c, i), b(c, i)) };
      }
      return { kind: "num", fn: (c, i) => impl(...fs.map((f) => f(c, i))) };
    }
    default: {
      const refused = REFUSED_NODES[node.type];
      if (refused) throw new ExpressionError(refused);
      throw err(`不支持的语法（${node.type}）`, `unsupported syntax (${node.type})`);
    }
  }
}

function compileOperator(fn: string, op: string, args: MathNode[], scope: Scope): Typed {
  const typed = args.map((a) => compileNode(a, scope));
  if (typed.length === 1 && UNARY[fn]) {
    const f = UNARY[fn];
    const a = asNum(typed[0], op);
    if (typed[0].constant !== undefined) return numConst(f(typed[0].constant as number));
    return { kind: "num", fn: (c, i) => f(a(c, i)) };
  }
  if (typed.length === 2 && BINARY[fn]) {
    const [ta, tb] = typed;
    if (ta.kind === "str" || tb.kind === "str") {
      if ((fn !== "equal" && fn !== "unequal") || ta.kind !== tb.kind) {
        throw err(
          `文本只能用 == 或 != 与文本比较（运算符 ${op}）`,
          `text can only be compared with text using == or != (operator ${op})`
        );
      }
      const same = fn === "equal" ? 1 : 0;
      const [fa, fb] = [ta.fn as Str, tb.fn as Str];
      // policyClass == "淘汰": the column read in place, compared with the constant.
      if (ta.slot !== undefined && tb.constant !== undefined) {
        const [k, text] = [ta.slot, tb.constant as string];
        return {
          kind: "num",
          fn: (c, i) => {
            const a = c[k][i];
            return a === null ? NaN : a === text ? same : 1 - same;
          },
        };
      }
      return {
        kind: "num",
        fn: (c, i) => {
          const a = fa(c, i);
          const b = fb(c, i);
          return a === null || b === null ? NaN : a === b ? same : 1 - same;
        },
      };
    }
    const f = BINARY[fn];
    const [a, b] = [ta.fn as Num, tb.fn as Num];
    // 10000 * fx_USD: folded once per model, so the row compares with a constant.
    if (ta.constant !== undefined && tb.constant !== undefined)
      return numConst(f(ta.constant as number, tb.constant as number));
    // Columns read in place: most operators compare or combine a field with a constant or a field.
    const [sa, sb] = [ta.slot, tb.slot];
    if (tb.constant !== undefined) {
      const k = tb.constant as number;
      if (sa !== undefined) return { kind: "num", fn: (c, i) => f(c[sa][i] as number, k) };
      return { kind: "num", fn: (c, i) => f(a(c, i), k) };
    }
    if (sa !== undefined && sb !== undefined)
      return { kind: "num", fn: (c, i) => f(c[sa][i] as number, c[sb][i] as number) };
    return { kind: "num", fn: (c, i) => f(a(c, i), b(c, i)) };
  }
  throw err(`不允许的运算符“${op}”`, `operator "${op}" is not allowed`);
}

/**
 * Parses, checks and compiles an expression over the given symbols (field id → kind) and named
 * constants (the model's exchange rates, fx_USD …). Throws ExpressionError with a bilingual reason
 * when the expression is refused.
 */
export function compileExpression(
  source: string,
  symbols: Record<string, ValueKind>,
  constants: Record<string, number> = {}
): CompiledExpression {
  const used: Slots = new Map();
  const root = compileNode(parse(source), { symbols, constants, used });
  if (root.kind !== "num")
    throw err(
      "表达式结果必须是数值或是/否，而不是文本",
      "an expression must give a number or yes/no, not text"
    );
  const f = root.fn;
  const slots = [...used.entries()];
  return {
    source,
    symbols: slots.map(([name]) => name),
    bind: (env) => {
      const cols: Cols = slots.map(([name, { kind }]) => {
        const col = kind === "str" ? env.str(name) : env.num(name);
        if (col) return col;
        throw kind === "str"
          ? err(`缺少文本列 ${name}`, `text column ${name} is not bound`)
          : err(`缺少数值列 ${name}`, `numeric column ${name} is not bound`);
      });
      return (i) => f(cols, i);
    },
  };
}

/** Evaluates a compiled expression on one row given as plain values (tests, single-candidate use). */
export function evaluateRow(
  expr: CompiledExpression,
  row: Record<string, number | string | boolean | null>
): number {
  const get = (name: string): unknown =>
    Object.prototype.hasOwnProperty.call(row, name) ? row[name] : undefined;
  const env: ExpressionEnv = {
    num: (name) => {
      const v = get(name);
      if (v === undefined) return undefined;
      return [typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : NaN];
    },
    str: (name) => {
      const v = get(name);
      return v === undefined ? undefined : [v === null ? null : String(v)];
    },
  };
  return expr.bind(env)(0);
}
