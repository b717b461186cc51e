/**
 * Display width (src/workbook/width.ts): wide and fullwidth characters count two columns (Unicode
 * East Asian Width W/F, UAX #11), combining marks and controls none; the fitted column width.
 */
import {
  charWidth,
  displayWidth,
  fittedWidth,
  MAX_WIDTH,
  MIN_WIDTH,
} from "../../src/workbook/width";

test("each end of the wide ranges, and the character just outside it", () => {
  const ranges: [number, number][] = [
    [0x1100, 0x115f], // Hangul Jamo
    [0xf900, 0xfaff], // CJK compatibility ideographs
    [0xac00, 0xd7a3], // Hangul syllables
    [0xff00, 0xff60], // fullwidth forms
    [0x20000, 0x3fffd], // CJK extension B on
  ];
  for (const [a, b] of ranges) {
    expect([charWidth(a - 1), charWidth(a), charWidth(b), charWidth(b + 1)]).toEqual([1, 2, 2, 1]);
  }
  // CJK Unified Ideographs and Yi run into each other.
  expect([0x4dff, 0x4e00, 0x9fff, 0xa000, 0xa4cf, 0xa4d0].map(charWidth)).toEqual([
    1, 2, 2, 2, 2, 1,
  ]);
});

test("controls, combining marks and the zero-width space take no column", () => {
  expect([0x00, 0x1f, 0x20].map(charWidth)).toEqual([0, 0, 1]);
  expect([0x2ff, 0x300, 0x36f, 0x370].map(charWidth)).toEqual([1, 0, 0, 1]);
  expect([0x200a, 0x200b, 0x200c].map(charWidth)).toEqual([1, 0, 1]);
});

test("text: code points, not UTF-16 units", () => {
  expect(displayWidth("")).toBe(0);
  expect(displayWidth("平湖A")).toBe(5);
  expect(displayWidth("𠀀x")).toBe(3);
  expect(displayWidth("e\u0301")).toBe(1);
});

test("controls and the first combining mark take no column inside a text too", () => {
  expect(displayWidth("a\tb\u0007")).toBe(2);
  expect(displayWidth("e\u0300")).toBe(1);
});

test("a surrogate pair is measured as its code point, a lone surrogate as one column", () => {
  // U+10000 (D800 DC00) and U+10FFFF (DBFF DFFF): the ends of both surrogate ranges; narrow,
  // where their two halves alone would count 2.
  expect(displayWidth("\u{10000}")).toBe(1);
  expect(displayWidth("\u{10FFFF}")).toBe(1);
  expect(displayWidth("\u{1D400}")).toBe(1); // 𝐀 MATHEMATICAL BOLD CAPITAL A
  expect(displayWidth("\u{1F301}")).toBe(2); // 🌁, one past the start of a wide range
  expect(displayWidth("\uD835x")).toBe(2);
  expect(displayWidth("x\uD835")).toBe(2);
  expect(displayWidth("\uDC00x")).toBe(2);
  // Only a high surrogate starts a pair, and only a low one ends it.
  expect(displayWidth("平\uDC00")).toBe(3);
  expect(displayWidth("\uDC00\uDC00")).toBe(2);
  expect(displayWidth("\uD835\uFF01")).toBe(3);
});

test("a column fits its widest text plus two, within 6 and the maximum", () => {
  expect([MIN_WIDTH, MAX_WIDTH]).toEqual([6, 60]);
  expect(fittedWidth([])).toBe(6);
  expect(fittedWidth(["A"])).toBe(6);
  expect(fittedWidth(["ABCD"])).toBe(6);
  expect(fittedWidth(["ABCDE"])).toBe(7);
  expect(fittedWidth(["一般关注", "优先推进项目"])).toBe(14);
  expect(fittedWidth(["x".repeat(58)])).toBe(60);
  expect(fittedWidth(["x".repeat(59)])).toBe(60);
  expect(fittedWidth(["x".repeat(200)])).toBe(60);
  expect(fittedWidth(["x".repeat(30)], 20)).toBe(20);
  expect(fittedWidth(["x".repeat(17)], 20)).toBe(19);
});

test("the texts are read only until one reaches the maximum", () => {
  let read = 0;
  function* texts() {
    for (const t of ["short", "x".repeat(80), "never read"]) {
      read++;
      yield t;
    }
  }
  expect(fittedWidth(texts())).toBe(60);
  expect(read).toBe(2);
});
