import { cellProblem, EXCEL_ERRORS } from "../../src/engine/cells";

test.each(EXCEL_ERRORS.map((e) => [e]))(
  "the error value %s is a problem, as written or padded and in lower case",
  (e) => {
    expect(cellProblem(e, true)).toEqual({
      zh: `Excel 错误值 ${e}`,
      en: `the Excel error value ${e}`,
    });
    expect(cellProblem(`  ${e.toLowerCase()} `, false)?.en).toBe(
      `the Excel error value ${e.toLowerCase()}`
    );
  }
);

test("texts that only look like errors, numbers and blanks are for the readers to try", () => {
  for (const c of ["#1 号地块", "N/A", "#", "＃N/A", "", "  ", 12, null, true])
    expect(cellProblem(c, true)).toBeNull();
});

test("a formula saved without its result is a problem; a date only where a number belongs", () => {
  expect(cellProblem(" =SUM(A1:A3)", false)).toEqual({
    zh: "公式没有保存计算结果（请在 Excel 中重新计算并保存）",
    en: "a formula saved without its result (recalculate and save in Excel)",
  });
  expect(cellProblem("2023-05-01", true)).toEqual({
    zh: "日期不是数值",
    en: "a date is not a number",
  });
  expect(cellProblem("2023-05-01", false)).toBeNull();
  expect(cellProblem("2023-5-1", true)).toBeNull();
});
