/**
 * Generators of amount text from the pieces of its grammar, shared by the parser's property tests and
 * the value-only reader's equivalence test.
 */
import fc from "fast-check";
import { CurrencyCode, AmountBound } from "../../src/engine/types";

/** Pieces of the amount grammar, so random soups reach deep into the parser. */
export const PIECES = [
  "1",
  "15",
  "1500",
  "0.5",
  "4.287",
  "1,500",
  "82，225.00",
  "１５００",
  "10 575",
  ".",
  ",",
  "，",
  " ",
  "万",
  "亿",
  "千",
  "百",
  "十",
  "百万",
  "千万",
  "元",
  "美元",
  "欧元",
  "日元",
  "港币",
  "英镑",
  "人民币",
  "美金",
  "円",
  "¥",
  "￥",
  "$",
  "US$",
  "HK$",
  "€",
  "£",
  "USD",
  "EUR",
  "RMB",
  "m",
  "mn",
  "bn",
  "k",
  "w",
  "million",
  "billion",
  "约",
  "近",
  "超",
  "逾",
  "以上",
  "以下",
  "左右",
  "多",
  "余",
  "（含）",
  "不少于",
  "至少",
  "上下",
  "about",
  "over",
  "up to",
  "-",
  "—",
  "——",
  "~",
  "～",
  "至",
  "到",
  "to",
  "(",
  ")",
  "（",
  "）",
  "【",
  "】",
  "一",
  "两",
  "三",
  "五",
  "八",
  "十",
  "点",
  "数",
  "几",
  "零",
  "壹",
  "仟",
  "总投资",
  "一期",
  "计划",
  "或",
  "、",
  "/",
  "/年",
  "待定",
  "N/A",
  "%",
  "e",
  "澳元",
  "\u200b",
  "\u3000",
  // issue #12 forms: capitals, 兆, sub-units, 块, signs, 多/余 and fillers
  "陆",
  "柒",
  "佰",
  "圆",
  "整",
  "正",
  "〇",
  "兆",
  "角",
  "毛",
  "分",
  "厘",
  "块",
  "块钱",
  "负",
  "−",
  "多",
  "有余",
  "起码",
  "最多",
  "共计",
  "个",
  "从",
  "港币",
  "新台币",
  "泰铢",
  "2023年",
];

/** Amounts in the forms issue #12 lists, with the value each must read as (mid of a range). */
export const ISSUE_FORMS: [string, number][] = [
  ["二十五万三千二百元", 253200],
  ["1万2345元", 12345],
  ["三万八千零九", 38009],
  ["陆万柒仟伍佰伍拾陆元", 67556],
  ["壹亿伍仟万陆仟叁佰伍拾伍元整", 150006355],
  ["一零一元", 101],
  ["3万5千", 35000],
  ["1.2万亿", 1.2e12],
  ["十块三毛", 10.3],
  ["两毛五", 0.25],
  ["一百三十五块六角七分钱", 135.67],
  ["负500万", -5e6],
  ["(1,200)", -1200],
  ["3000多万", 3.5e7],
  ["十几亿", 1.5e9],
  ["五块六到五块七毛八", (5.6 + 5.78) / 2],
  ["港币2960元", 2960],
];

/** Random soups of the pieces, so that tests reach deep into the parser. */
export const soup = fc
  .array(fc.constantFrom(...PIECES), { maxLength: 12 })
  .map((xs) => xs.join(""));

export const UNITS: [string, number][] = [
  ["", 0],
  ["万", 4],
  ["亿", 8],
  ["千", 3],
  ["百万", 6],
  ["千万", 7],
  ["万亿", 12],
  ["k", 3],
  ["m", 6],
  [" million", 6],
  ["bn", 9],
  [" billion", 9],
];
export const SUFFIX_CURRENCIES: [string, CurrencyCode][] = [
  ["", "CNY"],
  ["元", "CNY"],
  ["美元", "USD"],
  ["欧元", "EUR"],
  ["日元", "JPY"],
  ["港币", "HKD"],
  ["英镑", "GBP"],
  [" USD", "USD"],
];
export const PREFIX_CURRENCIES: [string, CurrencyCode][] = [
  ["USD ", "USD"],
  ["US$", "USD"],
  ["€", "EUR"],
  ["£", "GBP"],
  ["¥", "CNY"],
  ["RMB ", "CNY"],
  ["HK$ ", "HKD"],
  ["JPY ", "JPY"],
];
export const QUALIFIERS: [string, string, AmountBound][] = [
  ["", "", "exact"],
  ["约", "", "approximate"],
  ["", "左右", "approximate"],
  ["近", "", "atMost"],
  ["", "以下", "atMost"],
  ["不超过", "", "atMost"],
  ["超过", "", "atLeast"],
  ["逾", "", "atLeast"],
  ["", "以上", "atLeast"],
  ["", "（含）以上", "atLeast"],
  ["不少于", "", "atLeast"],
];
export const RANGE_SEPARATORS = ["-", "~", "至", "到", "——", "～", " - ", "—"];

export const numberText = fc
  .tuple(fc.integer({ min: 0, max: 999999 }), fc.option(fc.integer({ min: 1, max: 999 })))
  .map(([i, d]) => (d === null ? String(i) : `${i}.${d}`));

/** Writes a number as sheets do: maybe with thousands commas, maybe full-width. */
export function writeNumber(text: string, commas: boolean, fullWidth: boolean): string {
  let s = text;
  if (commas) {
    const [int, dec] = s.split(".");
    s = int.replace(/\B(?=(\d{3})+$)/g, ",") + (dec === undefined ? "" : `.${dec}`);
  }
  return fullWidth
    ? s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    : s;
}

/** A single amount: qualifier, currency before or after, a written number, a unit. */
export const singleAmountText = fc
  .tuple(
    numberText,
    fc.constantFrom(...UNITS),
    fc.oneof(
      fc.constantFrom(...SUFFIX_CURRENCIES).map(([w]) => ["", w]),
      fc.constantFrom(...PREFIX_CURRENCIES).map(([w]) => [w, ""])
    ),
    fc.constantFrom(...QUALIFIERS),
    fc.boolean(),
    fc.boolean()
  )
  .map(
    ([num, [unit], [before, after], [pre, post], commas, fullWidth]) =>
      `${pre}${before}${writeNumber(num, commas, fullWidth)}${unit}${after}${post}`
  );

/** A range: the unit on both ends or only the high one, in either order (reversed ranges fail). */
export const rangeAmountText = fc
  .tuple(
    numberText,
    numberText,
    fc.constantFrom(...UNITS),
    fc.constantFrom(...SUFFIX_CURRENCIES),
    fc.constantFrom(...RANGE_SEPARATORS),
    fc.boolean()
  )
  .map(
    ([a, b, [unit], [cur], sep, unitOnBoth]) =>
      `${a}${unitOnBoth ? unit : ""}${sep}${b}${unit}${cur}`
  );
