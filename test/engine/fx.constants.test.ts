/**
 * The currency and magnitude words of the amount reader, pinned entry by entry through parseAmount
 * (issue 20): a word dropped or pointed at another currency fails here by name. Codes are ISO 4217;
 * the Chinese names are those of the PBoC's RMB central-parity and foreign-exchange tables.
 */
import { parseAmount } from "../../src/engine/amount/parse";
import { CURRENCY_WORDS, UNIT_WORDS } from "../../src/engine/fx";

const CURRENCIES: [string, string][] = [
  ["cny", "CNY"],
  ["rmb", "CNY"],
  ["yuan", "CNY"],
  ["renminbi", "CNY"],
  ["人民币", "CNY"],
  ["元", "CNY"],
  ["¥", "CNY"],
  ["usd", "USD"],
  ["us$", "USD"],
  ["$", "USD"],
  ["dollar", "USD"],
  ["dollars", "USD"],
  ["us dollar", "USD"],
  ["us dollars", "USD"],
  ["美元", "USD"],
  ["美金", "USD"],
  ["eur", "EUR"],
  ["euro", "EUR"],
  ["euros", "EUR"],
  ["€", "EUR"],
  ["欧元", "EUR"],
  ["欧", "EUR"],
  ["jpy", "JPY"],
  ["yen", "JPY"],
  ["日元", "JPY"],
  ["円", "JPY"],
  ["hkd", "HKD"],
  ["hk$", "HKD"],
  ["hong kong dollar", "HKD"],
  ["hong kong dollars", "HKD"],
  ["港元", "HKD"],
  ["港币", "HKD"],
  ["gbp", "GBP"],
  ["£", "GBP"],
  ["pound", "GBP"],
  ["pounds", "GBP"],
  ["sterling", "GBP"],
  ["英镑", "GBP"],
  ["新台币", "TWD"],
  ["台币", "TWD"],
  ["twd", "TWD"],
  ["nt$", "TWD"],
  ["澳门元", "MOP"],
  ["澳门币", "MOP"],
  ["mop", "MOP"],
  ["澳元", "AUD"],
  ["澳币", "AUD"],
  ["aud", "AUD"],
  ["a$", "AUD"],
  ["加元", "CAD"],
  ["加币", "CAD"],
  ["cad", "CAD"],
  ["c$", "CAD"],
  ["新加坡元", "SGD"],
  ["新元", "SGD"],
  ["新币", "SGD"],
  ["sgd", "SGD"],
  ["s$", "SGD"],
  ["韩元", "KRW"],
  ["krw", "KRW"],
  ["瑞士法郎", "CHF"],
  ["法郎", "CHF"],
  ["chf", "CHF"],
  ["卢布", "RUB"],
  ["rub", "RUB"],
  ["卢比", "INR"],
  ["inr", "INR"],
  ["泰铢", "THB"],
  ["thb", "THB"],
  ["越南盾", "VND"],
  ["vnd", "VND"],
  ["奈拉", "NGN"],
  ["ngn", "NGN"],
];

const UNITS: [string, number][] = [
  ["k", 1e3],
  ["thousand", 1e3],
  ["thousands", 1e3],
  ["w", 1e4], // 1500w = 1500万
  ["m", 1e6],
  ["mn", 1e6],
  ["mln", 1e6],
  ["mio", 1e6],
  ["million", 1e6],
  ["millions", 1e6],
  ["b", 1e9],
  ["bn", 1e9],
  ["bln", 1e9],
  ["billion", 1e9],
  ["billions", 1e9],
];

describe("currency words", () => {
  test("the table holds exactly these words", () => {
    expect(Object.keys(CURRENCY_WORDS).sort()).toEqual(CURRENCIES.map(([w]) => w).sort());
  });

  test.each(CURRENCIES)("12 %s reads as %s 12", (word, code) => {
    // Symbols go before the number, words after it, as they are written.
    const text = /^[a-z]*[$¥€£]$/.test(word) ? `${word}12` : `12 ${word}`;
    expect(parseAmount(text)).toMatchObject({ ok: true, value: 12, currency: code });
  });
});

describe("magnitude words", () => {
  test("the table holds exactly these words", () => {
    expect(Object.keys(UNIT_WORDS).sort()).toEqual(UNITS.map(([w]) => w).sort());
  });

  test.each(UNITS)("12%s usd is 12 × %d dollars", (word, factor) => {
    expect(parseAmount(`12${word} usd`)).toMatchObject({
      ok: true,
      value: 12 * factor,
      currency: "USD",
    });
  });
});
