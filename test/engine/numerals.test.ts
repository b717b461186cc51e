import fc from "fast-check";
import {
  foldText,
  isBlankText,
  lastDigitPlace,
  moreHigh,
  parseChineseNumeral,
  powerOfTen,
  readArabicNumber,
  readChineseNumeral,
  scaleDecimal,
  shiftedDecimal,
} from "../../src/engine/numerals";

describe("foldText", () => {
  test("folds full-width digits and punctuation, dashes, spaces and letters, keeping length", () => {
    const s = "１５００，．（ＵＳＤ）—～　\u200b";
    expect(foldText(s)).toBe("1500,.(usd)-~  ");
    expect(foldText(s).length).toBe(s.length);
  });

  test("folds financial and traditional characters", () => {
    expect(foldText("壹仟伍佰萬圓整")).toBe("一千五百万元整");
    expect(foldText("約兩億港幣")).toBe("约两亿港币");
  });

  test("returns the same string when nothing changes", () => {
    const s = "1500万美元";
    expect(foldText(s)).toBe(s);
  });
});

describe("isBlankText", () => {
  test("blank exactly where trim() empties: the spaces trim removes, and none it keeps", () => {
    expect(
      ["", " ", "\t\n\r\v\f", "\u3000\u00a0\u2028\u2029\ufeff", "\u2000\u200a"].map(isBlankText)
    ).toEqual([true, true, true, true, true]);
    // Zero-width space and the Mongolian vowel separator are not white space to trim.
    expect(["a", " x ", "\u200b", "\u180e", "　，"].map(isBlankText)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  test("agrees with trim() on every UTF-16 code unit alone (its table is built from a few ranges)", () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const one = String.fromCharCode(c);
      if (isBlankText(one) !== (one.trim() === "")) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
  });

  test("agrees with trim() on random mixes of spaces and other characters (property)", () => {
    const piece = fc.oneof(
      fc.constantFrom(" ", "\t", "\n", "\u3000", "\u00a0", "\u200b", "\ufeff", "\u2028", "\u180e"),
      fc.string({ maxLength: 2 }),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (xs) => {
        const s = xs.join("");
        expect(isBlankText(s)).toBe(s.trim() === "");
      }),
      { numRuns: 3000 }
    );
  });
});

describe("readArabicNumber", () => {
  test.each([
    ["1500万", 0, "1500", 4],
    ["82,225.00元", 0, "82225.00", 9],
    ["1,500,000", 0, "1500000", 9],
    ["10 575 万元", 0, "10575", 6],
    ["1500 2000", 0, "1500", 4],
    ["1,5", 0, "1", 1],
    [".5亿", 0, "0.5", 2],
    ["约4.287亿", 1, "4.287", 6],
  ])("%s at %i", (s, i, text, end) => {
    expect(readArabicNumber(s, i)).toEqual({ text, end });
  });

  test("null where no number starts", () => {
    expect(readArabicNumber("万", 0)).toBeNull();
    expect(readArabicNumber(".", 0)).toBeNull();
  });
});

describe("Chinese numerals", () => {
  test.each([
    ["十八", 18],
    ["两千", 2000],
    ["三千五百", 3500],
    ["一百零五", 105],
    ["一点五", 1.5],
    ["二点三五", 2.35],
    ["十", 10],
    ["九千九百九十九", 9999],
    ["壹仟伍佰", 1500],
  ])("%s = %d", (text, n) => {
    expect(parseChineseNumeral(text)).toBe(n);
  });

  test("数/几 read as a vague range up to the next unit (issue #12: 数十亿 is [10亿, 100亿))", () => {
    expect(readChineseNumeral("数十亿", 0)).toEqual({ end: 2, text: "10", highText: "100" });
    expect(readChineseNumeral("十几万", 0)).toEqual({ end: 2, text: "10", highText: "20" });
    expect(readChineseNumeral("三十几", 0)).toEqual({ end: 3, text: "30", highText: "40" });
    expect(readChineseNumeral("几百", 0)).toEqual({ end: 2, text: "100", highText: "1000" });
    expect(readChineseNumeral("数亿", 0)).toEqual({ end: 1, text: "1", highText: "10" });
  });

  test.each([
    ["三四", 0, "3", "4"], // three or four, not 34
    ["两三百", 0, "200", "300"],
    ["一两千", 0, "1000", "2000"],
    ["三五十", 0, "30", "50"],
    ["八九十亩", 3, "80", "90"],
    ["二十三四", 0, "23", "24"],
    ["十二三", 0, "12", "13"],
    ["三百四五十", 0, "340", "350"],
  ])(
    "%s: two digits in a row, the second larger, are this or that (a range)",
    (s, end, low, high) => {
      const r = readChineseNumeral(s, 0)!;
      expect(r).toEqual({ end: end || s.length, text: low, highText: high });
    }
  );

  test.each([
    ["三百五", 350],
    ["一千五", 1500],
    ["两千零五", 2005],
    ["一零一", 101],
    ["二〇二三", 2023],
    ["陆仟伍佰伍拾陆", 6556],
  ])("%s = %d (a last digit one place down; digit by digit)", (text, n) => {
    expect(parseChineseNumeral(text)).toBe(n);
  });

  test("stops at units and other text", () => {
    expect(readChineseNumeral("两千万", 0)).toEqual({ end: 2, text: "2000" });
    expect(readChineseNumeral("一期", 0)).toEqual({ end: 1, text: "1" });
    expect(readChineseNumeral("三二", 0)).toBeNull(); // not "this or that": the second is lower
    expect(readChineseNumeral("三三", 0)).toBeNull();
    expect(readChineseNumeral("几三", 0)).toBeNull();
    expect(readChineseNumeral("三四五", 0)).toEqual({ end: 3, text: "345" }); // digit by digit
    expect(readChineseNumeral("万", 0)).toBeNull();
    expect(parseChineseNumeral("一二")).toBeNull();
    expect(parseChineseNumeral("数十")).toBeNull();
  });
});

describe("exact decimal scaling", () => {
  test("scaleDecimal is exact where multiplication is not", () => {
    expect(0.57 * 1e4).not.toBe(5700);
    expect(scaleDecimal("0.57", 4)).toBe(5700);
    expect(8.8 * 1e8).not.toBe(880000000);
    expect(scaleDecimal("8.8", 8)).toBe(880000000);
    expect(scaleDecimal("4.287", 8)).toBe(428700000);
  });

  test("powerOfTen recognises exact powers only", () => {
    expect([powerOfTen(1), powerOfTen(1e4), powerOfTen(1e8), powerOfTen(1e-3)]).toEqual([
      0, 4, 8, -3,
    ]);
    expect([powerOfTen(2500), powerOfTen(0), powerOfTen(-10), powerOfTen(NaN)]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  test.each([
    [105750000, 4, "10575"],
    [428700000, 8, "4.287"],
    [82225, 4, "8.2225"],
    [1e25, 8, "100000000000000000"],
    [1e-7, 0, "0.0000001"],
    [0, 8, "0"],
  ])("shiftedDecimal(%d, %i) = %s", (v, exp, s) => {
    expect(shiftedDecimal(v, exp)).toBe(s);
  });

  test("shiftedDecimal round-trips through scaleDecimal for any non-negative double", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(0, 3, 4, 8, 12),
        (v, exp) => {
          return Object.is(scaleDecimal(shiftedDecimal(v, exp), exp), v === 0 ? 0 : v);
        }
      ),
      { numRuns: 5000 }
    );
  });
});

describe("多/余: up to the next unit of the last non-zero digit", () => {
  test.each<[string, number | null, number | null]>([
    ["3000", 3, 4000],
    ["50", 1, 60],
    ["120", 1, 130],
    ["1.5", -1, 1.6],
    ["0.05", -2, 0.06],
    ["1.50", -1, 1.6],
    ["7", 0, 8],
    ["0", null, null],
    ["0.00", null, null],
  ])("%s: last digit at 10^%s, 多 reaches %s", (text, place, high) => {
    expect(lastDigitPlace(text)).toBe(place);
    expect(moreHigh(text)).toBe(high);
  });
});
