/** Every refusal of the expression compiler, by its exact message in both languages (issue 20). */
import {
  compileExpression,
  EXPRESSION_LIMITS,
  ExpressionError,
  ValueKind,
} from "../../src/engine/expression";

const SYMBOLS: Record<string, ValueKind> = { a: "num", 国别: "str" };

function refusal(run: () => unknown): { zh: string; en: string } | null {
  try {
    run();
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(ExpressionError);
    return (e as ExpressionError).label;
  }
}
const compiled = (src: string) => refusal(() => compileExpression(src, SYMBOLS));

test("the limits are 1000 characters, 30 bracket levels and 250 nodes", () => {
  expect(EXPRESSION_LIMITS).toEqual({ maxLength: 1000, maxNesting: 30, maxNodes: 250 });
});

test.each<[string, string, string, string]>([
  ["empty", "  ", "表达式为空", "expression is empty"],
  [
    "1001 characters",
    "a+".repeat(500) + "a",
    "表达式过长（超过 1000 个字符）",
    "expression is too long (over 1000 characters)",
  ],
  [
    "31 bracket levels",
    "(".repeat(31) + "a" + ")".repeat(31),
    "括号嵌套过深（超过 30 层）",
    "brackets nested too deep (over 30 levels)",
  ],
  [
    "a parse error (mathjs's reason)",
    "a +",
    "表达式无法解析：Unexpected end of expression (char 4)",
    "expression cannot be parsed: Unexpected end of expression (char 4)",
  ],
  [
    "250 terms: 250 names and 249 operators",
    Array(250).fill("a").join("+"),
    "表达式过大（499 个节点，上限 250）",
    "expression is too large (499 nodes, limit 250)",
  ],
  ["a null constant", "a + null", "不支持的常量", "unsupported constant"],
  [
    "text in arithmetic",
    "-国别",
    "文本不能用于-（文本只能用 == 或 != 比较）",
    "text cannot be used in - (text can only be compared with == or !=)",
  ],
  [
    "text compared by order",
    '国别 > "中国"',
    "文本只能用 == 或 != 与文本比较（运算符 >）",
    "text can only be compared with text using == or != (operator >)",
  ],
  [
    "too many arguments",
    "sqrt(a, 2)",
    "函数 sqrt 的参数个数不对（2）",
    "wrong number of arguments for sqrt (2)",
  ],
  [
    "a text result",
    "国别",
    "表达式结果必须是数值或是/否，而不是文本",
    "an expression must give a number or yes/no, not text",
  ],
])("%s", (_, src, zh, en) => {
  expect(compiled(src)).toEqual({ zh, en });
});

test("binding: a column the expression reads must be given, numeric or text", () => {
  const num = compileExpression("a > 0", SYMBOLS);
  const str = compileExpression('国别 == "中国"', SYMBOLS);
  const none = { num: () => undefined, str: () => undefined };
  expect(refusal(() => num.bind(none))).toEqual({
    zh: "缺少数值列 a",
    en: "numeric column a is not bound",
  });
  expect(refusal(() => str.bind(none))).toEqual({
    zh: "缺少文本列 国别",
    en: "text column 国别 is not bound",
  });
});
