import fc from "fast-check";
import { charWidth } from "../../src/workbook/width";
import { displayWidth, formatTable, pad, truncate } from "../../src/cli/width";

test("East Asian wide and fullwidth characters take two columns", () => {
  expect(displayWidth("abc")).toBe(3);
  expect(displayWidth("项目名称")).toBe(8);
  expect(displayWidth("（浙江）")).toBe(8);
  expect(displayWidth("１５００万USD")).toBe(13);
  expect(displayWidth("한국")).toBe(4);
});

test("property: a text's width is the sum of its code points' widths (surrogate pairs, controls, combining marks)", () => {
  const reference = (s: string) => [...s].reduce((w, ch) => w + charWidth(ch.codePointAt(0)!), 0);
  const pieces = fc.constantFrom(
    "a",
    "项",
    "（",
    "\u0301",
    "\t",
    "\u200b",
    "😀",
    "𠀀",
    "\ud800",
    "\udc00",
    "1",
    "ア",
    "\uffe5"
  );
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 20 }), (parts) => {
      const s = parts.join("");
      expect(displayWidth(s)).toBe(reference(s));
    }),
    { numRuns: 500 }
  );
  expect(displayWidth("😀𠀀")).toBe(4);
});

test("pad and truncate by display width", () => {
  expect(pad("项目", 6)).toBe("项目  ");
  expect(pad("12", 4, "right")).toBe("  12");
  expect(truncate("浙江凯阳新材料股份有限公司", 10)).toBe("浙江凯阳…");
  expect(displayWidth(truncate("浙江凯阳新材料股份有限公司", 10))).toBeLessThanOrEqual(10);
  expect(truncate("short", 10)).toBe("short");
});

test("a table lines up Chinese and Latin rows", () => {
  const text = formatTable(
    ["名称", "得分"],
    [
      ["尼得科机床", "50.04"],
      ["Eppendorf", "5.00"],
    ],
    [false, true]
  );
  const lines = text.split("\n");
  // widths 10 (尼得科机床) + 2 + 5 (50.04) on every line, numbers right-aligned
  expect(lines.map(displayWidth)).toEqual([17, 17, 17, 17]);
  expect(lines[3]).toBe("Eppendorf    5.00");
});
