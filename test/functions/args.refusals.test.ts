/** Argument refusals of the worksheet functions, by their exact message: "arg: en / zh" (issue 20). */
import { ArgError, choice, grid, number, optText } from "../../src/functions/args";

function refusal(run: () => unknown): { kind: string; message: string } | null {
  try {
    run();
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(ArgError);
    return { kind: (e as ArgError).kind, message: (e as Error).message };
  }
}

test.each<[string, () => unknown, string]>([
  ["no range", () => grid(null, "matrix"), "matrix: 缺少区域 / a range is required"],
  ["an empty range", () => grid([], "matrix"), "matrix: 区域为空 / the range is empty"],
  ["an infinite number", () => number(Infinity, "x"), "x: 不是有限数 / not a finite number"],
  ["a blank number", () => number("  ", "x"), "x: 为空，应为数字 / blank, a number is required"],
  ["text for a number", () => number("很多", "x"), 'x: “很多”不是数字 / "很多" is not a number'],
  [
    "two cells where one belongs",
    () => optText([["a", "b"]], "unit"),
    "unit: 应为单个单元格 / a single cell is required",
  ],
  [
    "an option not on the list",
    () => choice("median", "bound", { low: 0, mid: 1, high: 2 }, 1),
    'bound: “median”无效，可选：low, mid, high / "median" is not one of low, mid, high',
  ],
])("%s", (_, run, message) => {
  expect(refusal(run)).toEqual({ kind: "value", message });
});
