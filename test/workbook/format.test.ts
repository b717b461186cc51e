/** The one reading format of amounts and numbers shared by the pane, the preview and the CLI's table. */
import fc from "fast-check";
import { formatMoney, formatNumber, formatPercent, formatScore } from "../../src/workbook/format";

test("zh amounts in 亿元 / 万元 with comma thousands; en in bn / m / k (the issue's own examples)", () => {
  expect(formatMoney(6e9, "CNY", "zh")).toBe("60亿元");
  expect(formatMoney(227_693_000_000, "CNY", "zh")).toBe("2,276.93亿元");
  expect(formatMoney(6e9 * 100, "CNY", "zh")).toBe("6,000亿元");
  expect(formatMoney(1.5e7, "USD", "zh")).toBe("1,500万美元");
  expect(formatMoney(5000, "CNY", "zh")).toBe("5,000元");
  expect(formatMoney(1.2e9, "CNY", "en")).toBe("CNY 1.2bn");
  expect(formatMoney(6e7, "CNY", "en")).toBe("CNY 60m");
  expect(formatMoney(35e4, "EUR", "en")).toBe("EUR 350k");
  expect(formatMoney(-2e8, "CNY", "zh")).toBe("-2亿元");
  expect(formatMoney(NaN, "CNY", "en")).toBe("—");
});

test("the number shown times its unit gives back the amount to the shown precision", () => {
  const units: Record<string, number> = { 亿: 1e8, 万: 1e4, bn: 1e9, m: 1e6, k: 1e3 };
  fc.assert(
    fc.property(
      fc.double({ min: 0, max: 1e13, noNaN: true }),
      fc.constantFrom("zh", "en"),
      (v, lang) => {
        const text = formatMoney(v, "CNY", lang as "zh" | "en");
        const m = /^(?:CNY )?([\d,.]+)(亿|万|bn|m|k)?/.exec(text)!;
        const back = Number(m[1].replace(/,/g, "")) * (m[2] ? units[m[2]] : 1);
        expect(Math.abs(back - v)).toBeLessThanOrEqual(0.005 * (m[2] ? units[m[2]] : 1) + 1e-9);
      }
    )
  );
});

test("plain numbers, scores and shares", () => {
  expect(formatNumber(1234567.891)).toBe("1,234,567.89");
  expect(formatNumber(0.5, 0)).toBe("1");
  expect(formatScore(73.1725)).toBe("73.2");
  expect(formatPercent(0.4237)).toBe("42%");
  expect(formatPercent(0.4237, 1)).toBe("42.4%");
});

test("a unit starts exactly at its amount; below a thousand none; a number that is not one shows —", () => {
  expect(formatMoney(1e8, "CNY", "zh")).toBe("1亿元");
  expect(formatMoney(99_999_999, "CNY", "zh")).toBe("10,000万元");
  expect(formatMoney(1e4, "CNY", "zh")).toBe("1万元");
  expect(formatMoney(1e9, "CNY", "en")).toBe("CNY 1bn");
  expect(formatMoney(1e6, "CNY", "en")).toBe("CNY 1m");
  expect(formatMoney(1e3, "CNY", "en")).toBe("CNY 1k");
  expect(formatMoney(999, "USD", "en")).toBe("USD 999");
  for (const x of [NaN, Infinity, -Infinity]) {
    expect(formatNumber(x)).toBe("—");
    expect(formatScore(x)).toBe("—");
    expect(formatPercent(x)).toBe("—");
  }
});

test("decimals beyond Intl's default three, and thousands always grouped", () => {
  expect(formatNumber(1.23456, 4)).toBe("1.2346");
  expect(formatNumber(12345.6789, 0)).toBe("12,346");
});
