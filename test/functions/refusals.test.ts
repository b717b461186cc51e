/**
 * Worksheet-function refusals by their exact message, "argument: zh / en", through the built bundle
 * (issue 20), and the last resort for an error no check foresaw.
 */
import { run } from "../../src/functions/args";
import { loadBundle, StubError } from "./loadBundle";

const { call } = loadBundle();

/** The error a call returned, as Excel shows it: code and message. */
function shown(result: unknown): { code: string; message?: string } {
  expect(result).toBeInstanceOf(StubError);
  const e = result as StubError;
  return { code: e.code, message: e.message };
}

test("ZS.AMOUNT: a unit multiplier that is not positive, and a unit word it does not know", () => {
  expect(shown(call("AMOUNT", "1500万美元", "CNY", -1))).toEqual({
    code: "#VALUE!",
    message: "unit: 单位倍数应为正数 / a unit multiplier must be positive",
  });
  expect(shown(call("AMOUNT", "1500万美元", "CNY", 0)).message).toBe(
    "unit: 单位倍数应为正数 / a unit multiplier must be positive"
  );
  expect(shown(call("AMOUNT", "1500万美元", "CNY", "磅"))).toEqual({
    code: "#VALUE!",
    message:
      'unit: 无法识别单位“磅”（可用 元、万、亿、百万…） / unknown unit "磅" (use 元, 万, 亿, 百万 …)',
  });
});

test("ZS.ENTROPY: indicator types with sum normalisation", () => {
  const m = [
    [1, 9],
    [2, 7],
    [4, 3],
  ];
  expect(shown(call("ENTROPY", m, "sum", [["+", "-"]]))).toEqual({
    code: "#VALUE!",
    message:
      "types: 求和归一化不区分指标方向，请用 minmax / sum normalisation ignores types: use minmax",
  });
});

describe("ZS.SCORE: headers and model arguments", () => {
  const row = [["甲项目", "5000万元"]];
  test("no header names a field of the model: #N/A", () => {
    expect(shown(call("SCORE", row, [["颜色", "天气"]]))).toEqual({
      code: "#N/A",
      message: "headers: 没有表头与模型字段对应 / no header matches a field of the model",
    });
  });

  test("one cell of text that is not model JSON", () => {
    expect(shown(call("SCORE", row, [["项目名称", "总投资"]], [["平湖模型"]]))).toEqual({
      code: "#VALUE!",
      message:
        "model: 应为评分模型表区域或模型 JSON / must be a scoring-model sheet range or model JSON",
    });
  });

  test("model JSON that does not parse, with the parser's reason", () => {
    const text = '{"version": 2,}';
    let reason = "";
    try {
      JSON.parse(text);
    } catch (e) {
      reason = (e as Error).message;
    }
    expect(reason).not.toBe("");
    expect(shown(call("SCORE", row, [["项目名称", "总投资"]], [[text]]))).toEqual({
      code: "#VALUE!",
      message: `model: 模型 JSON 无法读取：${reason} / model JSON cannot be read: ${reason}`,
    });
  });
});

test("an error no check foresaw still reaches Excel as #VALUE! with its text, never as a crash", () => {
  class FakeError {
    constructor(
      readonly code: string,
      readonly message: string
    ) {}
  }
  const g = globalThis as { CustomFunctions?: unknown };
  const saved = g.CustomFunctions;
  g.CustomFunctions = {
    Error: FakeError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  try {
    let thrown: unknown;
    try {
      run(() => {
        throw new RangeError("Maximum call stack size exceeded");
      });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toEqual(
      new FakeError("#VALUE!", "内部错误 / internal error: Maximum call stack size exceeded")
    );
  } finally {
    g.CustomFunctions = saved;
  }
});
