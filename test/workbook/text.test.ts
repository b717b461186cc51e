/** Cell-text helpers of table location and column mapping (src/workbook/text.ts). */
import { bigrams, cellText, dice, isBlank, looseText } from "../../src/workbook/text";

test("blank cells: nothing, empty or only spaces (an ideographic space too); 0 and false are values", () => {
  expect([null, undefined, "", "  ", "\u3000"].map(isBlank)).toEqual([
    true,
    true,
    true,
    true,
    true,
  ]);
  expect([0, false, "0", "-"].map(isBlank)).toEqual([false, false, false, false]);
  expect([null, undefined, " 甲 ", 12.5, true].map(cellText)).toEqual([
    "",
    "",
    "甲",
    "12.5",
    "true",
  ]);
});

test("loose text: folded width and case, no spaces, separators or brackets", () => {
  expect(looseText("总投资（万元）")).toBe("总投资万元");
  expect(looseText(" Total_Investment * ")).toBe("totalinvestment");
  expect(looseText("项目·名称：")).toBe("项目名称");
  expect(looseText("【备注】《说明》「一」『二』“三”")).toBe("备注说明一二三");
  expect(looseText("ＡＢＣ１２")).toBe("abc12");
});

test("bigrams, and the Dice coefficient over them (multisets: a repeated bigram counts once per copy)", () => {
  expect(bigrams("")).toEqual([]);
  expect(bigrams("甲")).toEqual(["甲"]);
  expect(bigrams("总投")).toEqual(["总投"]);
  expect(bigrams("总投资")).toEqual(["总投", "投资"]);
  expect(dice([], ["a"])).toBe(0);
  expect(dice(["a"], [])).toBe(0);
  expect(dice([], [])).toBe(0);
  expect(dice(["a", "b"], ["b", "c"])).toBe(0.5);
  expect(dice(["a", "a"], ["a"])).toBeCloseTo(2 / 3, 12);
  expect(dice(["a"], ["a", "a"])).toBeCloseTo(2 / 3, 12);
  expect(dice(bigrams("总投资额"), bigrams("总投资"))).toBeCloseTo(0.8, 12);
  expect(dice(bigrams("年税收"), bigrams("总投资"))).toBe(0);
});
