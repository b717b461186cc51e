import fc from "fast-check";
import { decodeXstring, encodeXstring, utf16Of } from "../../src/workbook/ooxml-text";

test("_xHHHH_ is the UTF-16 code unit it names; _x005F_ escapes a literal _x", () => {
  expect(decodeXstring("计划_x0009_总投资")).toBe("计划\t总投资");
  expect(decodeXstring("_x005F_x000D_")).toBe("_x000D_");
  expect(decodeXstring("_x4E2D__x6587_")).toBe("中文");
});

test("Excel's _x000D_ before a line feed reads as the line feed alone, as LibreOffice reads it", () => {
  expect(decodeXstring("ABC_x000D_\nDEF")).toBe("ABC\nDEF");
  expect(decodeXstring("a_x000D_b")).toBe("a\rb");
  expect(decodeXstring("_x005F_x000D_\n")).toBe("_x000D_\n");
});

test("a CR LF the text holds as characters stays, with or without an escape beside it", () => {
  // &#13;&#10; in a cell's XML: character references are not line-end normalised (XML 1.0 §2.11).
  expect(decodeXstring("a\r\nb")).toBe("a\r\nb");
  expect(decodeXstring("a\r\nb_x0041_")).toBe("a\r\nbA");
  expect(decodeXstring("_x000d_\n_x000D_\r\n")).toBe("\n\r\r\n");
});

test("utf16Of: the byte-order marks of UTF-16, little- and big-endian; anything else is UTF-8", () => {
  const of = (...b: number[]) => utf16Of(Uint8Array.from(b));
  expect(of(0xff, 0xfe, 0x3c, 0x00)).toBe("utf-16le");
  expect(of(0xfe, 0xff, 0x00, 0x3c)).toBe("utf-16be");
  for (const b of [
    [0xff, 0xff],
    [0xfe, 0xfe],
    [0xfe, 0x3c],
    [0x3c, 0xfe],
    [0x3c, 0xff],
    [0xef, 0xbb, 0xbf],
    [0xff],
    [],
  ])
    expect(of(...b)).toBeNull();
});

test("text that only looks like an escape is left as it is", () => {
  for (const s of ["_x00D_", "_x12345", "x000D", "_X000D_", "_x00G0_", "项目_x"])
    expect(decodeXstring(s)).toBe(s);
});

test("encodeXstring: controls XML cannot carry and literal escapes are written so Excel shows the text as typed", () => {
  expect(encodeXstring("计划_x0009_总投资")).toBe("计划_x005F_x0009_总投资");
  expect(encodeXstring("a\u0001b\u001fc\ufffe")).toBe("a_x0001_b_x001F_c_xFFFE_");
  expect(encodeXstring("第一行\r\n第二行\t尾")).toBe("第一行_x000D_\n第二行\t尾");
  for (const s of ["_x00D_", "项目_x", "_X000D_", "x0041_", "普通文本"])
    expect(encodeXstring(s)).toBe(s);
});

test("decodeXstring reads back what encodeXstring wrote (a CR LF line break as the line feed alone)", () => {
  const piece = fc.constantFrom(
    "_x",
    "_x0041_",
    "_x005F_",
    "_",
    "x000D_",
    "\r",
    "\n",
    "\r\n",
    "\t",
    "\u0000",
    "\u001f",
    "\ufffe",
    "中",
    "a",
    "F"
  );
  const text = fc.oneof(
    fc.array(piece, { maxLength: 12 }).map((p) => p.join("")),
    fc.string({ unit: "binary", maxLength: 20 })
  );
  fc.assert(
    fc.property(text, (s) => {
      expect(decodeXstring(encodeXstring(s))).toBe(s.replace(/\r\n/g, "\n"));
    }),
    { numRuns: 3000 }
  );
});
