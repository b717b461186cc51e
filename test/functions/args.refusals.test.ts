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
  ["no range", () => grid(null, "matrix"), "matrix: a range is required / 缺少区域"],
  ["an empty range", () => grid([], "matrix"), "matrix: the range is empty / 区域为空"],
  ["an infinite number", () => number(Infinity, "x"), "x: not a finite number / 不是有限数"],
  ["a blank number", () => number("  ", "x"), "x: blank, a number is required / 为空，应为数字"],
  ["text for a number", () => number("很多", "x"), 'x: "很多" is not a number / “很多”不是数字'],
  [
    "two cells where one belongs",
    () => optText([["a", "b"]], "unit"),
    "unit: a single cell is required / 应为单个单元格",
  ],
  [
    "an option not on the list",
    () => choice("median", "bound", { low: 0, mid: 1, high: 2 }, 1),
    'bound: "median" is not one of low, mid, high / “median”无效，可选：low, mid, high',
  ],
])("%s", (_, run, message) => {
  expect(refusal(run)).toEqual({ kind: "value", message });
});
