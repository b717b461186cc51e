/**
 * ZS.AMOUNT and ZS.FX through the built bundle, on the real-world amount strings the engine is tested on
 * (test/fixtures/amounts.ts: every form of issue 3), with currency, unit and bound arguments.
 */
import { AMOUNT_FIXTURES, BAD_AMOUNTS, MISSING_AMOUNTS } from "../fixtures/amounts";
import { expectError, loadBundle } from "./loadBundle";

const { call } = loadBundle();

function expectClose(actual: unknown, expected: number): void {
  expect(typeof actual).toBe("number");
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(expected))
  );
}

describe("ZS.AMOUNT reads totals with phases and labelled figures as the engine does", () => {
  test.each<[string, number]>([
    ["10亿元，一期3亿元，二期7亿元", 1e9],
    ["总投资10亿元，注册资本1亿元", 1e9], // no column known: the first figure, the other named
    ["一期：3亿元", 3e8],
    ["总投资10亿元（注册资本1亿元）", 1e9], // no column known: the figure outside the brackets
    ["5亿元？", 5e8], // in doubt: read as written, as the engine does
    ["约5亿（待定）", 5e8],
    ["一期5亿，二期8亿", 13e8], // phases with no total: their sum, as the engine reads them
    ["一期3亿元，二期5亿元，共8亿元", 8e8],
  ])("%s", (text, value) => expectClose(call("AMOUNT", text, "CNY", "元"), value));

  test("alternatives, a phase beside an unlabelled figure and phases above the total are refused, saying why", () => {
    expectError(call("AMOUNT", "5亿元/8亿元"), "#VALUE!", "alternatives");
    expectError(call("AMOUNT", "一期5亿，8亿"), "#VALUE!", "no total");
    expectError(call("AMOUNT", "一期3亿元，二期6亿元，共8亿元"), "#VALUE!", "more than the total");
    expectError(call("AMOUNT", "亩均税收50万元/亩"), "#VALUE!", "not a total");
  });
});

describe("ZS.AMOUNT on real-world amount strings", () => {
  test("there are at least 80 of them", () => {
    expect(AMOUNT_FIXTURES.length).toBeGreaterThanOrEqual(80);
  });

  test.each(AMOUNT_FIXTURES.map((f) => [f.text, f] as const))(
    "%s in its own currency, in 元",
    (_, f) => {
      expectClose(call("AMOUNT", f.text, f.currency, "元"), f.value);
    }
  );

  test.each(AMOUNT_FIXTURES.map((f) => [f.text, f] as const))("%s: low and high bounds", (_, f) => {
    // One-sided bounds (以上, 近 …) have one number: low and high both give it.
    expectClose(
      call("AMOUNT", f.text, f.currency, "元", "low"),
      f.bound === "range" ? f.low : f.value
    );
    expectClose(
      call("AMOUNT", f.text, f.currency, "元", "high"),
      f.bound === "range" ? f.high : f.value
    );
  });

  test.each(MISSING_AMOUNTS.map((t) => [JSON.stringify(t), t] as const))(
    "%s is #N/A, not zero",
    (_, t) => {
      expectError(call("AMOUNT", t), "#N/A", "text", "no amount");
    }
  );

  test.each(BAD_AMOUNTS.map((b) => [b.text, b] as const))(
    "%s is #VALUE! saying what could not be read",
    (_, b) => {
      expectError(call("AMOUNT", b.text), "#VALUE!", "text");
    }
  );
});

describe("ZS.AMOUNT conversions and arguments", () => {
  test("defaults: CNY in 万 at the default model's rates (USD 7.05, EUR 7.66)", () => {
    expect(call("AMOUNT", "1500万美元")).toBe(10575);
    expect(call("AMOUNT", "一期 1350万欧元")).toBe(10341);
    expect(call("AMOUNT", "约1.5亿元")).toBe(15000);
    expect(call("AMOUNT", "10亿元", "人民币", "亿")).toBe(10);
  });

  test("currency and unit arguments: ISO codes, Chinese names, multipliers", () => {
    expect(call("AMOUNT", "10575万元", "USD", "万")).toBe(1500);
    expect(call("AMOUNT", "10575万元", "美元", "百万")).toBe(15);
    expect(call("AMOUNT", "1亿美元", "usd", 1e6)).toBe(100);
    expect(call("AMOUNT", "USD 15m", "CNY", "亿")).toBe(1.0575);
  });

  test("a range takes its midpoint unless a bound is asked for", () => {
    expect(call("AMOUNT", "1-2亿", "CNY", "亿")).toBe(1.5);
    expect(call("AMOUNT", "1-2亿", "CNY", "亿", "low")).toBe(1);
    expect(call("AMOUNT", "1-2亿", "CNY", "亿", "high")).toBe(2);
    expect(call("AMOUNT", "1-2亿", "CNY", "亿", "上限")).toBe(2);
  });

  test("a number is taken as already in the currency and unit; numeric text too", () => {
    expect(call("AMOUNT", 1500, "USD", "万")).toBe(1500);
    expect(call("AMOUNT", "1500", "USD", "万")).toBe(1500);
    expect(call("AMOUNT", [[1500]])).toBe(1500);
  });

  test("bad arguments name themselves", () => {
    expectError(call("AMOUNT", "1500万美元", "XAU"), "#VALUE!", "currency", "XAU");
    // A currency read but without a rate in the model: #N/A naming the pair, never a guess.
    expectError(call("AMOUNT", "1500万美元", "AUD"), "#N/A", "currency", "AUD");
    expectError(call("AMOUNT", "500万澳元"), "#N/A", "currency", "AUD");
    expectError(call("AMOUNT", "1500万美元", "CNY", "磅"), "#VALUE!", "unit", "磅");
    expectError(call("AMOUNT", "1500万美元", "CNY", -1), "#VALUE!", "unit");
    expectError(call("AMOUNT", "1-2亿", "CNY", "亿", "middle"), "#VALUE!", "bound", "middle");
    expectError(call("AMOUNT", [["1亿", "2亿"]]), "#VALUE!", "text", "single cell");
    expectError(call("AMOUNT", "1亿", null, null, null, [["not a model"]]), "#VALUE!", "model");
  });

  test("rates come from a model given as JSON", () => {
    const model = JSON.parse(JSON.stringify(require("../../src/models/pinghu-2023.json")));
    model.fx.rates.USD = 7.2;
    const cell = [[JSON.stringify(model)]];
    expect(call("AMOUNT", "1500万美元", null, null, null, cell)).toBe(10800);
    expect(call("FX", "USD", "CNY", cell)).toBe(7.2);
  });
});

describe("ZS.FX", () => {
  test("the default model's 2023 rates, either way round", () => {
    expect(call("FX", "USD")).toBe(7.05);
    expect(call("FX", "美元", "人民币")).toBe(7.05);
    expect(call("FX", "EUR", "USD")).toBe(Number((7.66 / 7.05).toPrecision(12)));
    expect(call("FX", "CNY", "JPY")).toBe(20);
    expect(call("FX", "GBP", "GBP")).toBe(1);
  });

  test("unknown or blank currencies", () => {
    expectError(call("FX", "XYZ"), "#VALUE!", "from", "XYZ");
    expectError(call("FX", "USD", "澳元"), "#N/A", "from", "AUD");
    expectError(call("FX", ""), "#N/A", "from");
  });
});
