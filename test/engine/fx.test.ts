import { parseAmount } from "../../src/engine/amount";
import {
  convertAmount,
  formatAmount,
  formatUnit,
  fxRate,
  parseCurrency,
  parseUnit,
} from "../../src/engine/fx";
import { FxTable } from "../../src/engine/types";

/** Test rates, roughly the 2023 annual averages given in ../shared/domain.md (CNY per unit). */
const FX: FxTable = {
  base: "CNY",
  rates: { USD: 7.05, EUR: 7.66, JPY: 0.05, HKD: 0.9, GBP: 8.79 },
  date: "2023-12-31",
  source: "test",
};

describe("fxRate and convertAmount", () => {
  test("into the base currency", () => {
    expect(fxRate("USD", "CNY", FX)).toBe(7.05);
    // 1500万美元 at 7.05 = 10 575 万元 (the worked example).
    expect(convertAmount(15e6, "USD", "CNY", FX)).toBeCloseTo(105750000, 6);
  });

  test("out of the base currency and across two foreign ones", () => {
    expect(convertAmount(7.05e6, "CNY", "USD", FX)).toBeCloseTo(1e6, 6);
    expect(fxRate("EUR", "USD", FX)).toBeCloseTo(7.66 / 7.05, 12);
    expect(convertAmount(1e6, "JPY", "HKD", FX)).toBeCloseTo((1e6 * 0.05) / 0.9, 6);
  });

  test("same currency is the identity, even without rates", () => {
    expect(convertAmount(123, "GBP", "GBP", { ...FX, rates: {} })).toBe(123);
  });

  test("a table with another base works", () => {
    const usdBase: FxTable = {
      base: "USD",
      rates: { CNY: 1 / 7.05 },
      date: "2023-12-31",
      source: "test",
    };
    expect(convertAmount(7.05, "CNY", "USD", usdBase)).toBeCloseTo(1, 12);
  });

  test("a missing or bad rate gives null from fxRate and a clear error from convertAmount", () => {
    const partial: FxTable = { ...FX, rates: { USD: 7.05, EUR: 0, GBP: NaN } };
    expect(fxRate("JPY", "CNY", partial)).toBeNull();
    expect(fxRate("EUR", "CNY", partial)).toBeNull();
    expect(fxRate("GBP", "USD", partial)).toBeNull();
    expect(() => convertAmount(1, "JPY", "USD", partial)).toThrow(
      /No exchange rate for JPY → USD.*base CNY.*JPY/
    );
  });
});

describe("parseCurrency", () => {
  test.each([
    ["USD", "USD"],
    ["usd", "USD"],
    ["美元", "USD"],
    ["美金", "USD"],
    ["US$", "USD"],
    ["$", "USD"],
    ["人民币", "CNY"],
    ["RMB", "CNY"],
    ["CNY", "CNY"],
    ["元", "CNY"],
    ["¥", "CNY"],
    ["￥", "CNY"],
    ["欧元", "EUR"],
    ["€", "EUR"],
    ["日元", "JPY"],
    ["円", "JPY"],
    ["港币", "HKD"],
    ["港元", "HKD"],
    ["HK$", "HKD"],
    ["英镑", "GBP"],
    [" gbp ", "GBP"],
    ["ＵＳＤ", "USD"],
    ["澳元", "AUD"],
    ["新台币", "TWD"],
  ])("%s → %s", (text, code) => {
    expect(parseCurrency(text)).toBe(code);
  });

  test.each(["", "XAU", "金币", "dollar sign", "万美元"])(
    "%p is not a supported currency",
    (text) => {
      expect(parseCurrency(text)).toBeNull();
    }
  );
});

describe("parseUnit", () => {
  test.each([
    ["元", 1],
    ["万", 1e4],
    ["万元", 1e4],
    ["亿", 1e8],
    ["亿元", 1e8],
    ["千", 1e3],
    ["百万", 1e6],
    ["千万", 1e7],
    ["k", 1e3],
    ["m", 1e6],
    ["M", 1e6],
    ["mn", 1e6],
    ["million", 1e6],
    ["bn", 1e9],
    ["billion", 1e9],
    ["10k", 1e4],
    ["10000", 1e4],
    ["1", 1],
    // Found by mutation testing: a space before 元, 万 after a number, 十 and 兆.
    ["万 元", 1e4],
    ["10万", 1e5],
    ["1.5 万元", 1.5e4],
    ["2 bn", 2e9],
    ["十万", 1e5],
    ["百亿元", 1e10],
    ["兆", 1e12],
  ])("%s → %d", (text, m) => {
    expect(parseUnit(text)).toBe(m);
  });

  test.each(["", "亩", "美元", "0", "-5", "abc"])("%p is not a unit", (text) => {
    expect(parseUnit(text)).toBeNull();
  });
});

describe("formatAmount", () => {
  test("zh groups digits with spaces and writes the unit and currency word", () => {
    expect(formatAmount(105750000, "CNY", 1e4, "zh")).toBe("10 575 万元");
    expect(formatAmount(428700000, "USD", 1e8, "zh")).toBe("4.287 亿美元");
    expect(formatAmount(82225, "CNY", 1, "zh")).toBe("82 225 元");
    expect(formatAmount(13.5e6, "EUR", 1e6, "zh")).toBe("13.5 百万欧元");
  });

  test("en puts the ISO code first, groups with commas and names the unit", () => {
    expect(formatAmount(105750000, "CNY", 1e4, "en")).toBe("CNY 10,575 (×10k)");
    expect(formatAmount(15e6, "USD", 1e6, "en")).toBe("USD 15 million");
    expect(formatAmount(1.2e9, "USD", 1e9, "en")).toBe("USD 1.2 billion");
    expect(formatAmount(82225, "CNY", 1, "en")).toBe("CNY 82,225");
  });

  test("rounds to four decimals without float noise, and shows any other multiplier plainly", () => {
    expect(formatAmount(1e8 / 3, "CNY", 1e4, "zh")).toBe("3 333.3333 万元");
    expect(formatAmount(0.00012346, "CNY", 1, "en")).toBe("CNY 0.0001235");
    expect(formatAmount(7500, "GBP", 2500, "en")).toBe("GBP 3 (×2500)");
    expect(formatAmount(NaN, "CNY", 1, "zh")).toBe("NaN");
  });

  test("parseAmount reads the zh form back", () => {
    for (const [v, m] of [
      [105750000, 1e4],
      [428700000, 1e8],
      [82225, 1],
    ] as const) {
      const r = parseAmount(formatAmount(v, "USD", m, "zh"));
      expect(r.ok && [r.value, r.currency]).toEqual([v, "USD"]);
    }
  });
});

describe("formatUnit", () => {
  test.each([
    ["USD", 1e4, "万美元", "USD ×10k"],
    ["CNY", 1e8, "亿元", "CNY ×100m"],
    ["EUR", 1e6, "百万欧元", "EUR million"],
    ["CNY", 1, "元", "CNY"],
    ["GBP", 2500, "×2500英镑", "GBP ×2500"],
  ] as const)("%s × %d", (currency, m, zh, en) => {
    expect(formatUnit(currency, m, "zh")).toBe(zh);
    expect(formatUnit(currency, m, "en")).toBe(en);
  });
});

describe("edges found by mutation testing (npm run mutate)", () => {
  test("parseCurrency and parseUnit take only text, and runs of spaces count as one", () => {
    expect(parseCurrency(7 as unknown as string)).toBeNull();
    expect(parseUnit(10000 as unknown as string)).toBeNull();
    expect(parseCurrency("us   dollars")).toBe("USD");
    expect(parseCurrency("hong\u3000kong dollar")).toBe("HKD");
  });

  test("a multiplier too large for a double is not a unit", () => {
    expect(parseUnit("1" + "0".repeat(400))).toBeNull();
    expect(parseUnit("10 亩")).toBeNull();
  });

  test("a rate that is not finite is no rate", () => {
    expect(fxRate("USD", "CNY", { ...FX, rates: { USD: Infinity } })).toBeNull();
  });

  test("the missing-rate error names exactly the currencies without a positive rate", () => {
    const partial: FxTable = { ...FX, rates: { USD: 7.05, EUR: 0 } };
    expect(() => convertAmount(1, "EUR", "USD", partial)).toThrow(
      new Error(
        "No exchange rate for EUR → USD: the model's fx table (base CNY) has no positive rate for EUR"
      )
    );
    expect(() => convertAmount(1, "EUR", "JPY", partial)).toThrow(
      new Error(
        "No exchange rate for EUR → JPY: the model's fx table (base CNY) has no positive rate for EUR, JPY"
      )
    );
  });

  test("a multiplier that is not positive and finite shows as 1", () => {
    for (const m of [0, -1e4, NaN, Infinity]) {
      expect(formatUnit("CNY", m, "zh")).toBe("元");
      expect(formatAmount(82225, "CNY", m, "en")).toBe("CNY 82,225");
    }
  });

  test("a power of ten with no word of its own is shown as a multiplier", () => {
    expect(formatUnit("CNY", 1e9, "zh")).toBe("×1000000000元");
    expect(formatUnit("USD", 1e7, "en")).toBe("USD ×10000000");
  });

  test("negative amounts and six-digit groups", () => {
    expect(formatAmount(-1234567.25, "CNY", 1, "zh")).toBe("-1 234 567.25 元");
    expect(formatAmount(-21234.5678, "USD", 1, "en")).toBe("USD -21,234.5678");
    expect(formatAmount(123456, "CNY", 1, "en")).toBe("CNY 123,456");
    expect(formatAmount(-0.000123456, "CNY", 1, "en")).toBe("CNY -0.0001235");
    expect(formatAmount(Infinity, "CNY", 1, "zh")).toBe("Infinity");
  });
});
