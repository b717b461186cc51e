import { decodeXstring } from "../../src/workbook/ooxml-text";

test("_xHHHH_ is the UTF-16 code unit it names; _x005F_ escapes a literal _x", () => {
  expect(decodeXstring("计划_x0009_总投资")).toBe("计划\t总投资");
  expect(decodeXstring("_x005F_x000D_")).toBe("_x000D_");
  expect(decodeXstring("_x4E2D__x6587_")).toBe("中文");
});

test("Excel's _x000D_ before a line feed reads as the line feed alone, as LibreOffice reads it", () => {
  expect(decodeXstring("ABC_x000D_\nDEF")).toBe("ABC\nDEF");
  expect(decodeXstring("a_x000D_b")).toBe("a\rb");
});

test("text that only looks like an escape is left as it is", () => {
  for (const s of ["_x00D_", "_x12345", "x000D", "_X000D_", "_x00G0_", "项目_x"])
    expect(decodeXstring(s)).toBe(s);
});
