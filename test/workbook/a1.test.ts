import {
  cellAddress,
  columnIndex,
  columnLetters,
  parseAreasAddress,
  parseCellAddress,
  rangeAddress,
} from "../../src/workbook/a1";

test("column letters of known indices", () => {
  expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual([
    "A",
    "Z",
    "AA",
    "AZ",
    "BA",
    "ZZ",
    "AAA",
    "XFD",
  ]);
});

test("letters and index round-trip over the whole sheet width", () => {
  for (let c = 0; c < 16384; c++) expect(columnIndex(columnLetters(c))).toBe(c);
});

test("bad input", () => {
  expect(columnIndex("A1")).toBeNull();
  expect(columnIndex("")).toBeNull();
  expect(() => columnLetters(-1)).toThrow(RangeError);
  expect(parseCellAddress("1A")).toBeNull();
  expect(parseCellAddress("A0")).toBeNull();
});

test("addresses past Excel's last cell XFD1048576 are not cells", () => {
  expect(parseCellAddress("XFD1048576")).toEqual({ row: 1_048_575, col: 16_383 });
  expect(parseCellAddress("XFE1")).toBeNull();
  expect(parseCellAddress("ZZZ1")).toBeNull();
  expect(parseCellAddress("A1048577")).toBeNull();
});

test("addresses", () => {
  expect(cellAddress(0, 0)).toBe("A1");
  expect(parseCellAddress("$J$12")).toEqual({ row: 11, col: 9 });
  expect(rangeAddress({ top: 3, left: 8, bottom: 19, right: 8 }, "Sheet1")).toBe("Sheet1!I4:I20");
  expect(rangeAddress({ top: 0, left: 0, bottom: 0, right: 0 }, "项目 清单")).toBe(
    "'项目 清单'!A1"
  );
  expect(rangeAddress({ top: 0, left: 0, bottom: 1, right: 1 }, "It's")).toBe("'It''s'!A1:B2");
  expect(rangeAddress({ top: 0, left: 0, bottom: 1, right: 1 })).toBe("A1:B2");
});

test("only whole addresses are read: no letters or cells before or after, four letters refused", () => {
  expect(columnIndex("AAAA")).toBeNull();
  expect(columnIndex("1A")).toBeNull();
  expect(parseCellAddress("ABCD1")).toBeNull();
  expect(parseCellAddress("A1:B2")).toBeNull();
  expect(parseCellAddress("XA1B")).toBeNull();
});

test("the first cell is A1, and spaces around a typed address are ignored", () => {
  expect(parseCellAddress("A1")).toEqual({ row: 0, col: 0 });
  expect(parseCellAddress(" B7 ")).toEqual({ row: 6, col: 1 });
});

describe("parseAreasAddress (RangeAreas.address, e.g. merged areas)", () => {
  test("areas with their sheet, absolute or not, one cell or many", () => {
    expect(parseAreasAddress("Sheet1!A1:C1, Sheet1!$D$2:$D$3, Sheet1!F5")).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 1, left: 3, bottom: 2, right: 3 },
      { top: 4, left: 5, bottom: 4, right: 5 },
    ]);
  });

  test("a quoted sheet name may hold commas, spaces, ! and doubled quotes", () => {
    expect(parseAreasAddress("'招商, 2024''s 清单!'!B2:C2,'招商, 2024''s 清单!'!A10:A12")).toEqual([
      { top: 1, left: 1, bottom: 1, right: 2 },
      { top: 9, left: 0, bottom: 11, right: 0 },
    ]);
  });

  test("a reversed area is put in order; no area is an empty list", () => {
    expect(parseAreasAddress("S!C3:A1")).toEqual([{ top: 0, left: 0, bottom: 2, right: 2 }]);
    expect(parseAreasAddress("")).toEqual([]);
  });

  test("anything else between or after the areas is no address", () => {
    expect(parseAreasAddress("Sheet1!A1:B1; Sheet1!C1:D1")).toBeNull();
    expect(parseAreasAddress("A1:B2")).toBeNull();
    expect(parseAreasAddress("Sheet1!A1:B2 junk")).toBeNull();
    expect(parseAreasAddress("Sheet1!A0:B2")).toBeNull();
  });
});
