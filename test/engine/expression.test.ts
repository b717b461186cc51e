import fc from "fast-check";
import * as mathjs from "mathjs";
import {
  compileExpression,
  evaluateRow,
  EXPRESSION_LIMITS,
  ExpressionError,
  ValueKind,
} from "../../src/engine/expression";
import { compileModel, loadModel } from "../../src/engine/model";
import { createRng } from "../../src/engine/random";
import pinghu from "../../src/models/pinghu-2023.json";

const SYMBOLS: Record<string, ValueKind> = {
  a: "num",
  b: "num",
  总投资: "num",
  用地面积: "num",
  国别: "str",
  x: "num",
};

const run = (src: string, row: Record<string, number | string | boolean | null>) =>
  evaluateRow(compileExpression(src, SYMBOLS), row);

/** The refusal message (English half) of an expression, or "" when it compiles. */
function refusal(src: string): string {
  try {
    compileExpression(src, SYMBOLS);
    return "";
  } catch (e) {
    expect(e).toBeInstanceOf(ExpressionError);
    const label = (e as ExpressionError).label;
    expect(label.zh.length).toBeGreaterThan(0);
    return label.en;
  }
}

describe("evaluation", () => {
  test("arithmetic over Chinese field ids", () => {
    // 投资强度 = 总投资 / 用地面积 = 30000 万元 / 100 亩 = 300 万元/亩
    expect(run("总投资 / 用地面积", { 总投资: 30000, 用地面积: 100 })).toBe(300);
  });

  test("operators and whitelisted functions mean what they mean in mathjs", () => {
    expect(run("a ^ 2 + b % 3", { a: 3, b: 7 })).toBe(10); // 9 + 1
    expect(run("-7 mod 3", {})).toBe(2); // mathjs mod takes the sign of the divisor
    expect(run("round(2.345, 2)", {})).toBe(2.35);
    expect(run("log(100, 10) + log10(1000) + max(a, b, 1)", { a: 2, b: 5 })).toBe(10);
    expect(run("2a", { a: 4 })).toBe(8); // implicit multiplication
    expect(run("50%", {})).toBe(0.5);
  });

  test("comparisons, chained comparisons, logic and conditionals give 1/0", () => {
    expect(run("a >= 300 and b > 0", { a: 300, b: 1 })).toBe(1);
    expect(run("1 < a <= 3", { a: 3 })).toBe(1);
    expect(run("1 < a <= 3", { a: 4 })).toBe(0);
    expect(run("a > 10 ? 1 : 0.5", { a: 2 })).toBe(0.5);
    expect(run("not (a == 2) or b", { a: 2, b: 0 })).toBe(0);
    expect(run("true xor false", {})).toBe(1);
  });

  test("missing input (NaN) is unknown and propagates, with Kleene logic", () => {
    expect(run("a / b", { a: 1, b: null })).toBeNaN();
    expect(run("a > 1", { a: null })).toBeNaN();
    expect(run("a > 1 and b > 1", { a: null, b: 0 })).toBe(0); // false and unknown = false
    expect(run("a > 1 or b > 1", { a: null, b: 5 })).toBe(1); // true or unknown = true
    expect(run("isNaN(a) ? 0 : a", { a: null })).toBe(0);
  });

  test("text fields compare with == and != only", () => {
    expect(run('国别 != "中国"', { 国别: "法国" })).toBe(1);
    expect(run('国别 == "中国"', { 国别: "法国" })).toBe(0);
    expect(run('国别 == "中国"', { 国别: null })).toBeNaN();
    expect(refusal('国别 > "中国"')).toMatch(/text can only be compared/);
    expect(refusal("国别 + 1")).toMatch(/text/);
    expect(refusal("国别")).toMatch(/not text/);
  });

  test("lists the fields it reads", () => {
    expect(compileExpression("总投资 / 用地面积 + pi", SYMBOLS).symbols.sort()).toEqual(
      ["总投资", "用地面积"].sort()
    );
  });

  test("named constants (the model's exchange rates) are numbers, folded once", () => {
    const fx = { fx_USD: 7.05, fx_EUR: NaN };
    const expr = compileExpression("总投资 >= 10000 * fx_USD", SYMBOLS, fx);
    expect(expr.symbols).toEqual(["总投资"]);
    expect(evaluateRow(expr, { 总投资: 70500 })).toBe(1);
    expect(evaluateRow(expr, { 总投资: 70499 })).toBe(0);
    // A currency without a rate is unknown, not zero.
    expect(evaluateRow(compileExpression("总投资 > fx_EUR", SYMBOLS, fx), { 总投资: 1 })).toBeNaN();
    expect(() => compileExpression("总投资 > fx_AUD", SYMBOLS, fx)).toThrow(
      /unknown name "fx_AUD"/
    );
    expect(() => compileExpression("总投资 > fx_USD", SYMBOLS)).toThrow(/unknown name "fx_USD"/);
  });

  test("binds once and evaluates columns row by row", () => {
    const expr = compileExpression("a * 2 + b", SYMBOLS);
    const a = Float64Array.from([1, 2, 3]);
    const b = Float64Array.from([10, 20, NaN]);
    const f = expr.bind({
      num: (n) => (n === "a" ? a : n === "b" ? b : undefined),
      str: () => undefined,
    });
    expect([f(0), f(1), f(2)]).toEqual([12, 24, NaN]);
  });
});

describe("hostile expressions are refused with a clear reason", () => {
  test.each([
    ["import({evil: 1}, {override: true})", /calling "import" is not allowed/],
    ['createUnit("foo")', /calling "createUnit" is not allowed/],
    ['evaluate("1+1")', /calling "evaluate" is not allowed/],
    ['parse("1")', /calling "parse" is not allowed/],
    ['compile("1")', /calling "compile" is not allowed/],
    ['simplify("x+x")', /calling "simplify" is not allowed/],
    ['derivative("x^2", "x")', /calling "derivative" is not allowed/],
    ["resolve(x)", /calling "resolve" is not allowed/],
    ["reviver()", /calling "reviver" is not allowed/],
    ["cos.constructor", /property access/],
    ['a["constructor"]', /property access/],
    ["a.__proto__", /property access/],
    ["constructor", /unknown name "constructor"/],
    ["__proto__", /unknown name "__proto__"/],
    ["prototype", /unknown name "prototype"/],
    ['cos.constructor("return process")', /calling "cos.constructor" is not allowed/],
    ["f(x) = x", /defining functions/],
    ["a = 1", /assignment/],
    ["a; b", /only one expression/],
    ["ones(100000, 100000)", /calling "ones" is not allowed/],
    ["[1, 2, 3]", /matrices and arrays/],
    ["1:100000000", /ranges/],
    ["{a: 1}", /objects/],
    ["a[1]", /indexing|property access/],
    ["100000!", /operator "!" is not allowed/],
    ["5 cm", /unknown name "cm"/],
    ["a to b", /operator "to" is not allowed/],
    ["a & b", /operator "&" is not allowed/],
    ["log", /must be called with brackets/],
    ["", /empty/],
    ["a +", /cannot be parsed/],
  ])("%s", (src, reason) => {
    expect(refusal(src)).toMatch(reason);
  });

  test("endless or huge computations cannot be written: size, nesting and node count are capped", () => {
    expect(refusal("a+".repeat(EXPRESSION_LIMITS.maxLength) + "a")).toMatch(/too long/);
    expect(refusal("(".repeat(200) + "a" + ")".repeat(200))).toMatch(/nested too deep/);
    expect(refusal(Array(EXPRESSION_LIMITS.maxNodes).fill("a").join("+"))).toMatch(/too large/);
    expect(refusal("pow(10, pow(10, 10))")).toBe(""); // bounded: one float operation, gives Infinity
    expect(run("pow(10, pow(10, 10))", {})).toBe(Infinity);
  });

  test("the model's own evaluator is never reachable from an expression", () => {
    // Even names of mathjs internals resolve to nothing: only fields, constants and whitelisted functions exist.
    for (const name of ["typed", "config", "math", "Function", "eval", "globalThis", "this"]) {
      expect(refusal(name)).toMatch(/unknown name/);
    }
  });
});

describe("agreement with mathjs", () => {
  // Every kind of node: arithmetic, unary, chained comparison, logic, conditional, functions of one,
  // two and many arguments.
  const EXPRESSIONS = [
    "a * 2 + b - 10000 * 3",
    "-a + b / 4 ^ 2",
    "1 < a <= b",
    "a > 10 and not (b < 5) or a == b",
    "a xor b",
    "a > b ? a - b : round(b / 3, 2)",
    "max(a, b, 7) + min(a, 2) + abs(b) + log(abs(a) + 1, 10)",
    "a mod 7",
    // A field with a constant or a field, read in place: each operator.
    "(a >= b) + (a != b) + (a - b) + (b <= 2) + (a == 3) + (a < b) + (b > 0.5) + a ^ 2 * b",
  ];

  test("without unknowns, every row gives what mathjs gives (property)", () => {
    const compiled = EXPRESSIONS.map((src) => compileExpression(src, SYMBOLS));
    // Eighths: mathjs compares with a relative epsilon, the engine exactly; they agree away from ties.
    const finite = fc.oneof(
      fc.integer({ min: -8e6, max: 8e6 }).map((k) => k / 8),
      fc.integer({ min: -20, max: 20 })
    );
    fc.assert(
      fc.property(fc.record({ a: finite, b: finite }), (row) => {
        compiled.forEach((expr, e) => {
          const want = Number(mathjs.evaluate(EXPRESSIONS[e], { ...row }));
          expect(evaluateRow(expr, row)).toBeCloseTo(want, 9);
        });
      }),
      { numRuns: 500 }
    );
  });
});

describe("whole columns (the batch path) give what row-by-row evaluation gives", () => {
  // Nodes evaluate blocks of rows; a row alone (bind, or a column of one) takes each node's scalar
  // form. Every expression of the default model, on random columns rich in unknowns, over table
  // sizes that end blocks anywhere: each block row equals the scalar form's value for it.
  const compiled = compileModel(loadModel(pinghu));
  const exprs = [
    ...compiled.derived.flatMap((d) => [d.expr, ...d.notes]),
    ...compiled.gates.flatMap((g) => (g.appliesWhen ? [g.pass, g.appliesWhen] : [g.pass])),
    ...compiled.bonuses.map((b) => b.when),
    ...compiled.flags.map((f) => f.when),
    ...compiled.criteria.flatMap((c) =>
      c.transform.input === "expression" ? [c.transform.expr] : []
    ),
    ...[
      "-a + b / 4 ^ 2",
      "1 < a <= b",
      "a xor b",
      "max(a, b, 7) + min(a) + log(abs(a) + 1, 10)",
      "a mod 7",
    ].map((src) => compileExpression(src, SYMBOLS)),
  ];
  const NUMBERS = [NaN, 0, -0, 1, -1, 0.5, 2, 35, 1e4, 2e5, Infinity];
  const TEXTS = [null, "", "CNY", "USD", "中国", "日本", "淘汰", "限制", "鼓励"];

  test("on every row, for every expression (property)", () => {
    expect(exprs.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 700 }), fc.integer(), (count, seed) => {
        const rng = createRng(seed);
        const pick = <T>(xs: T[]): T => xs[Math.floor(rng.next() * xs.length)];
        const nums = new Map<string, Float64Array>();
        const strs = new Map<string, (string | null)[]>();
        const env = {
          num: (name: string) => {
            if (!nums.has(name))
              nums.set(
                name,
                Float64Array.from({ length: count }, () =>
                  rng.next() < 0.6 ? pick(NUMBERS) : rng.next() * 1e5
                )
              );
            return nums.get(name);
          },
          str: (name: string) => {
            if (!strs.has(name))
              strs.set(
                name,
                Array.from({ length: count }, () => pick(TEXTS))
              );
            return strs.get(name);
          },
        };
        for (const e of exprs) {
          const column = new Float64Array(count);
          e.column(env)(column, count);
          const row = e.bind(env);
          for (let i = 0; i < count; i++)
            if (!Object.is(column[i], row(i)))
              throw new Error(`${e.source}, row ${i}: ${column[i]} ≠ ${row(i)}`);
        }
      }),
      { numRuns: 40 }
    );
  });
});
