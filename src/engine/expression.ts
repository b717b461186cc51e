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
 *   only looks its columns up). Each node evaluates a block of rows at a time with one loop written
 *   out per operator, so a row costs a few native operations and no call per node: that is what
 *   makes the columnar batch path fast. A single row (a one-row table, an explanation) takes each
 *   node's scalar form instead, built beside its block form from the same scalar operators.
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
/** Evaluates rows 0…count−1 into out[0…count−1]. */
export type ColumnFn = (out: Float64Array, count: number) => void;

export interface CompiledExpression {
  source: string;
  /** Field names the expression reads. */
  symbols: string[];
  /** Binds the expression to a table's columns; the result evaluates row i. */
  bind(env: ExpressionEnv): RowFn;
  /** Binds the expression to a table's columns; the result evaluates whole columns of rows. */
  column(env: ExpressionEnv): ColumnFn;
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
/** Rows a node evaluates at once: every node's block stays in cache whatever the table's size. */
const BLOCK = 256;
/** Writes the node's values for rows from…from+n−1 (n ≤ BLOCK) into out[0…n−1]. */
type Num = (c: Cols, from: number, n: number, out: Float64Array) => void;
/** The node's value for row i alone: a row scored by itself (ZS.SCORE) costs a call per node, no loops. */
type One = (c: Cols, i: number) => number;
type Str = (c: Cols, i: number) => string | null;
/**
 * A compiled node; `slot` when it reads a column directly, `constant` when it is one. A number node
 * has both forms, built from the same scalar operators, so a row gives the same bits either way.
 */
type Typed =
  | { kind: "num"; fn: Num; one: One; constant?: number; slot?: number }
  | { kind: "str"; fn: Str; constant?: string; slot?: number };

/** Symbols an expression reads, in slot order, with their kinds. */
type Slots = Map<string, { slot: number; kind: ValueKind }>;

/** A node's own scratch block (nodes run one at a time, so a block is never in use twice). */
const block = (): Float64Array => new Float64Array(BLOCK);

const truth = (a: number): number => (a !== a ? NaN : a !== 0 ? 1 : 0);

// Comparisons: NaN (unknown) when either side is, else 1 or 0.
const add = (a: number, b: number): number => a + b;
const subtract = (a: number, b: number): number => a - b;
const multiply = (a: number, b: number): number => a * b;
const divide = (a: number, b: number): number => a / b;
const mod = (a: number, b: number): number => (b === 0 ? a : a - b * Math.floor(a / b));
const equal = (a: number, b: number): number => (a !== a || b !== b ? NaN : a === b ? 1 : 0);
const unequal = (a: number, b: number): number => (a !== a || b !== b ? NaN : a !== b ? 1 : 0);
const smaller = (a: number, b: number): number => (a !== a || b !== b ? NaN : a < b ? 1 : 0);
const larger = (a: number, b: number): number => (a !== a || b !== b ? NaN : a > b ? 1 : 0);
const smallerEq = (a: number, b: number): number => (a !== a || b !== b ? NaN : a <= b ? 1 : 0);
const largerEq = (a: number, b: number): number => (a !== a || b !== b ? NaN : a >= b ? 1 : 0);
const and = (a: number, b: number): number =>
  a === 0 || b === 0 ? 0 : a !== a || b !== b ? NaN : 1;
const or = (a: number, b: number): number =>
  truth(a) === 1 || truth(b) === 1 ? 1 : a !== a || b !== b ? NaN : 0;
const xor = (a: number, b: number): number =>
  a !== a || b !== b ? NaN : truth(a) !== truth(b) ? 1 : 0;

const BINARY = {
  add,
  subtract,
  multiply,
  divide,
  pow: Math.pow,
  mod,
  equal,
  unequal,
  smaller,
  larger,
  smallerEq,
  largerEq,
  and,
  or,
  xor,
};
type Binary = keyof typeof BINARY;
const isBinary = (fn: string): fn is Binary => Object.prototype.hasOwnProperty.call(BINARY, fn);

/** a[j] = op(a[j], b[j]) for j < n. */
type Kernel2 = (a: Float64Array, b: Float64Array, n: number) => void;

/**
 * Each operator's loop written out around its own scalar, which V8 then inlines: one loop shared by
 * every operator would call an unknown function per row (and box every result).
 */
const KERNEL2: Record<Binary, Kernel2> = {
  add: (a, b, n) => {
    for (let j = 0; j < n; j++) a[j] = add(a[j], b[j]);
  },
  subtract: (a, b, n) => {
    for (let j = 0; j < n; j++) a[j] = subtract(a[j], b[j]);
  },
  multiply: (a, b, n) => {
    for (let j = 0; j < n; j++) a[j] = multiply(a[j], b[j]);
  },
  divide: (a, b, n) => {
    for (let j = 0; j < n; j++) a[j] = divide(a[j], b[j]);
  },
  pow: (a, b, n) => {
    for (let j = 0; j < n; j++) a[j] = Math.pow(a[j], b[j]);
  },
  mod: (a, b, n) => {
    for (let j = 0; j < n; j++) a[j] = mod(a[j], b[j]);
  },
  equal: (a, b, n) => {
    for (let j = 0; j < n; j++) a[j] = equal(a[j], b[j]);
  },
  unequal: (a, b, n) => {
    for (let j = 0; j < n; j++) a[j] = unequal(a[j], b[j]);
  },
  smaller: (a, b, n) => {
    for (let j = 0; j < n; j++) a[j] = smaller(a[j], b[j]);
  },
  larger: (a, b, n) => {
    for (let j = 0; j < n; j++) a[j] = larger(a[j], b[j]);
  },
  smallerEq: (a, b, n) => {
    for (let j = 0; j < n; j++) a[j] = smallerEq(a[j], b[j]);
  },
  largerEq: (a, b, n) => {
    for (let j = 0; j < n; j++) a[j] = largerEq(a[j], b[j]);
  },
  and: (a, b, n) => {
    for (let j = 0; j < n; j++) a[j] = and(a[j], b[j]);
  },
  or: (a, b, n) => {
    for (let j = 0; j < n; j++) a[j] = or(a[j], b[j]);
  },
  xor: (a, b, n) => {
    for (let j = 0; j < n; j++) a[j] = xor(a[j], b[j]);
  },
};

const not = (a: number): number => (a !== a ? NaN : a === 0 ? 1 : 0);
const UNARY = { unaryMinus: (a: number) => -a, unaryPlus: (a: number) => a, not };
type Unary = keyof typeof UNARY;
const isUnary = (fn: string): fn is Unary => Object.prototype.hasOwnProperty.call(UNARY, fn);

/** a[j] = op(a[j]) for j < n, written out per operator (see KERNEL2). */
const KERNEL1: Record<Unary, (a: Float64Array, n: number) => void> = {
  unaryMinus: (a, n) => {
    for (let j = 0; j < n; j++) a[j] = -a[j];
  },
  unaryPlus: () => undefined,
  not: (a, n) => {
    for (let j = 0; j < n; j++) a[j] = not(a[j]);
  },
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
  mod: [2, 2, mod],
  // Math.min/max already give NaN when any argument is NaN.
  min: [1, 20, Math.min],
  max: [1, 20, Math.max],
  isNaN: [1, 1, (x) => (x !== x ? 1 : 0)],
};

/** The functions models lean on, as loops written out (see KERNEL2). */
const FUNCTION_KERNELS: Record<string, (a: Float64Array, n: number) => void> = {
  isNaN: (a, n) => {
    for (let j = 0; j < n; j++) a[j] = a[j] !== a[j] ? 1 : 0;
  },
};
/** min and max of any number of arguments, folded pairwise: Math.min/max's answer (NaN wins, +0 above −0). */
const FUNCTION_FOLDS: Record<string, Kernel2> = {
  max: (a, b, n) => {
    for (let j = 0; j < n; j++) a[j] = Math.max(a[j], b[j]);
  },
  min: (a, b, n) => {
    for (let j = 0; j < n; j++) a[j] = Math.min(a[j], b[j]);
  },
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
  return {
    kind: "num",
    constant: value,
    fn: (_c, _from, n, out) => out.fill(value, 0, n),
    one: () => value,
  };
}

function asNum(t: Typed, what: string): Extract<Typed, { kind: "num" }> {
  if (t.kind !== "num")
    throw err(
      `文本不能用于${what}（文本只能用 == 或 != 比较）`,
      `text cannot be used in ${what} (text can only be compared with == or !=)`
    );
  return t;
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
        if (s.kind === "str")
          return { kind: "str", fn: (c, i) => c[k][i] as string | null, slot: k };
        return {
          kind: "num",
          fn: (c, from, n, out) => {
            const col = c[k] as ArrayLike<number>;
            for (let j = 0; j < n; j++) out[j] = col[from + j];
          },
          one: (c, i) => (c[k] as ArrayLike<number>)[i],
          slot: k,
        };
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
      const typed = (n.params as MathNode[]).map((p) =>
        asNum(compileNode(p, scope), "比较/comparison")
      );
      const params = typed.map((t) => t.fn);
      const ones = typed.map((t) => t.one);
      const ops = n.conditionals as string[];
      if (!ops.every(isBinary)) throw err("不支持的比较", "unsupported comparison");
      const kernels = ops.map((op) => KERNEL2[op]);
      const scalars = ops.map((op) => BINARY[op]);
      const [left, right] = [block(), block()];
      return {
        kind: "num",
        fn: (c, from, m, out) => {
          out.fill(1, 0, m);
          for (let k = 0; k < kernels.length; k++) {
            params[k](c, from, m, left);
            params[k + 1](c, from, m, right);
            kernels[k](left, right, m);
            KERNEL2.and(out, left, m);
          }
        },
        one: (c, i) => {
          let v = 1;
          for (let k = 0; k < scalars.length; k++)
            v = and(v, scalars[k](ones[k](c, i), ones[k + 1](c, i)));
          return v;
        },
      };
    }
    case "ConditionalNode": {
      const ct = asNum(compileNode(n.condition as MathNode, scope), "条件/a condition");
      const tt = asNum(compileNode(n.trueExpr as MathNode, scope), "条件结果/a conditional result");
      const ft = asNum(
        compileNode(n.falseExpr as MathNode, scope),
        "条件结果/a conditional result"
      );
      const [cf, tf, ff] = [ct.fn, tt.fn, ft.fn];
      const [co, to, fo] = [ct.one, tt.one, ft.one];
      // Both branches are worked out for the block (expressions have no effects), then chosen.
      const [cond, yes] = [block(), block()];
      return {
        kind: "num",
        fn: (c, from, m, out) => {
          cf(c, from, m, cond);
          tf(c, from, m, yes);
          ff(c, from, m, out);
          for (let j = 0; j < m; j++) {
            const v = cond[j];
            if (v !== v) out[j] = NaN;
            else if (v !== 0) out[j] = yes[j];
          }
        },
        one: (c, i) => {
          const v = co(c, i);
          return v !== v ? NaN : v !== 0 ? to(c, i) : fo(c, i);
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
      const typed = args.map((a) => asNum(compileNode(a, scope), name));
      const fs = typed.map((t) => t.fn);
      const arg = block();
      const fold = FUNCTION_FOLDS[name];
      const [a, b] = fs;
      const [ao, bo] = typed.map((t) => t.one);
      if (fold) {
        const ones = typed.map((t) => t.one);
        return {
          kind: "num",
          fn: (c, from, m, out) => {
            fs[0](c, from, m, out);
            for (let k = 1; k < fs.length; k++) {
              fs[k](c, from, m, arg);
              fold(out, arg, m);
            }
          },
          // The same pairwise fold, one row.
          one: (c, i) => {
            let v = ones[0](c, i);
            for (let k = 1; k < ones.length; k++) v = impl(v, ones[k](c, i));
            return v;
          },
        };
      }
      const own = FUNCTION_KERNELS[name];
      if (fs.length === 1 && own) {
        return {
          kind: "num",
          fn: (c, from, m, out) => {
            a(c, from, m, out);
            own(out, m);
          },
          one: (c, i) => impl(ao(c, i)),
        };
      }
      if (fs.length === 1) {
        return {
          kind: "num",
          fn: (c, from, m, out) => {
            a(c, from, m, out);
            for (let j = 0; j < m; j++) out[j] = impl(out[j]);
          },
          one: (c, i) => impl(ao(c, i)),
        };
      }
      // Only min and max take more than two arguments, and they fold above.
      return {
        kind: "num",
        fn: (c, from, m, out) => {
          a(c, from, m, out);
          b(c, from, m, arg);
          for (let j = 0; j < m; j++) out[j] = impl(out[j], arg[j]);
        },
        one: (c, i) => impl(ao(c, i), bo(c, i)),
      };
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
  if (typed.length === 1 && isUnary(fn)) {
    const { fn: a, one } = asNum(typed[0], op);
    if (typed[0].constant !== undefined) return numConst(UNARY[fn](typed[0].constant as number));
    const kernel = KERNEL1[fn];
    const scalar = UNARY[fn];
    return {
      kind: "num",
      fn: (c, from, n, out) => {
        a(c, from, n, out);
        kernel(out, n);
      },
      one: (c, i) => scalar(one(c, i)),
    };
  }
  if (typed.length === 2 && isBinary(fn)) {
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
        const compare = (a: unknown): number => (a === null ? NaN : a === text ? same : 1 - same);
        return {
          kind: "num",
          fn: (c, from, n, out) => {
            const col = c[k];
            for (let j = 0; j < n; j++) out[j] = compare(col[from + j]);
          },
          one: (c, i) => compare(c[k][i]),
        };
      }
      const compare = (c: Cols, i: number): number => {
        const a = fa(c, i);
        const b = fb(c, i);
        return a === null || b === null ? NaN : a === b ? same : 1 - same;
      };
      return {
        kind: "num",
        fn: (c, from, n, out) => {
          for (let j = 0; j < n; j++) out[j] = compare(c, from + j);
        },
        one: compare,
      };
    }
    const [a, b] = [ta.fn as Num, tb.fn as Num];
    const [ao, bo] = [(ta as { one: One }).one, (tb as { one: One }).one];
    // 10000 * fx_USD: folded once per model, so the row compares with a constant.
    if (ta.constant !== undefined && tb.constant !== undefined)
      return numConst(BINARY[fn](ta.constant as number, tb.constant as number));
    const kernel = KERNEL2[fn];
    const scalar = BINARY[fn];
    const right = block();
    // A constant right side (the common "field op constant") fills its block once, here.
    if (tb.constant !== undefined) {
      const k = tb.constant as number;
      right.fill(k);
      return {
        kind: "num",
        fn: (c, from, n, out) => {
          a(c, from, n, out);
          kernel(out, right, n);
        },
        one: (c, i) => scalar(ao(c, i), k),
      };
    }
    return {
      kind: "num",
      fn: (c, from, n, out) => {
        a(c, from, n, out);
        b(c, from, n, right);
        kernel(out, right, n);
      },
      one: (c, i) => scalar(ao(c, i), bo(c, i)),
    };
  }
  throw err(`不允许的运算符“${op}”`, `operator "${op}" is not allowed`);
}

/**
 * Rows 0…count−1 of a compiled root into `out`, a block at a time through `rows`. A function of the
 * module, not of each binding: V8's optimised loop then serves every table bound.
 */
function inBlocks(f: Num, cols: Cols, rows: Float64Array, out: Float64Array, count: number) {
  for (let from = 0; from < count; from += BLOCK) {
    const n = Math.min(BLOCK, count - from);
    f(cols, from, n, rows);
    for (let j = 0; j < n; j++) out[from + j] = rows[j];
  }
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
  const { fn: f, one } = root;
  const slots = [...used.entries()];
  const columns = (env: ExpressionEnv): Cols =>
    slots.map(([name, { kind }]) => {
      const col = kind === "str" ? env.str(name) : env.num(name);
      if (col) return col;
      throw kind === "str"
        ? err(`缺少文本列 ${name}`, `text column ${name} is not bound`)
        : err(`缺少数值列 ${name}`, `numeric column ${name} is not bound`);
    });
  return {
    source,
    symbols: slots.map(([name]) => name),
    bind: (env) => {
      const cols = columns(env);
      return (i) => one(cols, i);
    },
    column: (env) => {
      const cols = columns(env);
      // Sized by the first table of more than one row; a row alone takes the scalar form.
      let rows = new Float64Array(0);
      return (out, count) => {
        if (count === 1) {
          out[0] = one(cols, 0);
          return;
        }
        if (rows.length < Math.min(BLOCK, count)) rows = new Float64Array(Math.min(BLOCK, count));
        inBlocks(f, cols, rows, out, count);
      };
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
