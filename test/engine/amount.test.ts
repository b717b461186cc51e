import { parseAmount, parseHeaderContext } from "../../src/engine/amount";
import { AmountResult, ParsedAmount } from "../../src/engine/types";

function ok(r: AmountResult): ParsedAmount {
  if (!r.ok) throw new Error(`expected an amount, got ${r.code}: ${r.message.en}`);
  return r;
}

describe("parseAmount", () => {
  test.each([
    ["1500万美元", 15e6, "USD", "exact"],
    ["约1.5亿元", 1.5e8, "CNY", "approximate"],
    ["5000万元以上", 5e7, "CNY", "atLeast"],
    ["近700万元", 7e6, "CNY", "atMost"],
    ["USD 15m", 15e6, "USD", "exact"],
  ])("%s", (text, value, currency, bound) => {
    const r = ok(parseAmount(text));
    expect([r.value, r.currency, r.bound]).toEqual([value, currency, bound]);
  });

  test("a range keeps both ends and uses the midpoint by default", () => {
    const r = ok(parseAmount("1-2亿"));
    expect([r.low, r.high, r.value, r.used]).toEqual([1e8, 2e8, 1.5e8, "mid"]);
  });

  test("blanks and placeholders are missing, not zero", () => {
    for (const x of [null, "", "  ", "-", "—", "/", "待定", "N/A"])
      expect(parseAmount(x)).toMatchObject({ ok: false, code: "missing" });
  });

  test("numbers take the header's unit", () => {
    const r = ok(parseAmount(1500, { context: { multiplier: 1e4, currency: "USD" } }));
    expect([r.value, r.currency]).toEqual([15e6, "USD"]);
  });
});

describe("parseHeaderContext", () => {
  test("总投资（万美元）", () => {
    expect(parseHeaderContext("总投资（万美元）")).toEqual({
      name: "总投资",
      context: { multiplier: 1e4, currency: "USD" },
    });
  });
});
