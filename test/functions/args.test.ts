/**
 * Data-type cells: on CustomFunctionsRuntime 1.4 hosts a cell holding a data type reaches an `any` parameter
 * as its JSON object (shapes as Excel's valuesAsJson gives them, ExcelApi 1.16 typings: DoubleCellValue,
 * StringCellValue, BooleanCellValue, FormattedNumberCellValue, EntityCellValue, EmptyCellValue). The
 * functions read what the cell shows, never "[object Object]".
 */
import {
  cellValue,
  grid,
  isBlank,
  number,
  optNumber,
  optText,
  plain,
} from "../../src/functions/args";
import { amount, chainfit } from "../../src/functions/functions";

const double = { type: "Double", basicType: "Double", basicValue: 2.5 };
const formatted = { type: "FormattedNumber", basicValue: 1500, numberFormat: "#,##0" };
const str = { type: "String", basicType: "String", basicValue: "1500万美元" };
const bool = { type: "Boolean", basicValue: true };
const empty = { type: "Empty", basicValue: "" };
// The add-in's own score card: an entity whose basic value is #VALUE! and whose text is what the cell shows.
const card = {
  type: "Entity",
  text: "新能源整车项目",
  basicType: "Error",
  basicValue: "#VALUE!",
  properties: { 得分: { type: "Double", basicValue: 73.17 } },
};

describe("data-type arguments", () => {
  test("scalars read as their basic value, entities as their text, empty as blank", () => {
    expect(number(double, "x")).toBe(2.5);
    expect(number(formatted, "x")).toBe(1500);
    expect(optText(str, "x")).toBe("1500万美元");
    expect(cellValue(bool)).toBe(true);
    expect(cellValue(card)).toBe("新能源整车项目");
    expect(isBlank(empty)).toBe(true);
    expect(optNumber(empty, "x", 7)).toBe(7);
    expect(optText([[card]], "x")).toBe("新能源整车项目");
  });

  test("ranges holding data types are read cell by cell; plain ranges are passed through untouched", () => {
    expect(
      grid(
        [
          [double, "a"],
          [card, 3],
        ],
        "r"
      )
    ).toEqual([
      [2.5, "a"],
      ["新能源整车项目", 3],
    ]);
    const plainRange = [[1, "b"]];
    expect(plain(plainRange)).toBe(plainRange);
  });

  test("worksheet functions get the value, not [object Object]", () => {
    // 1500万美元 in USD, 万 (10 000) units: 1500
    expect(amount(str, "USD", "万")).toBe(1500);
    expect(amount([[formatted]])).toBe(1500);
    expect(chainfit([[card]])).toBe(chainfit("新能源整车项目"));
  });
});
