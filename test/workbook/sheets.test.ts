/**
 * Which sheet a host scores (workbook/pipeline: chooseSheet, findModelSheet, isOurSheet): the one
 * named, else the first visible sheet holding a table; model, result and summary sheets are ours and
 * never chosen; a table on a hidden sheet is pointed out, not scored.
 */
import { validateModel } from "../../src/engine";
import type { ScoringModel } from "../../src/engine";
import pinghu from "../../src/models/pinghu-2023.json";
import type { SheetChoice } from "../../src/workbook/pipeline";
import { chooseSheet, findModelSheet, isOurSheet, Refusal } from "../../src/workbook/pipeline";
import type { Grid, SheetData } from "../../src/workbook/types";

const r = validateModel(pinghu);
if (!r.ok) throw new Error("bundled model invalid");
const model: ScoringModel = r.model;

const LIST: Grid = [
  ["项目名称", "总投资（万元）"],
  ["甲项目", 5000],
];
const NOTES: Grid = [["说明"], ["本表为各镇上报汇总"]];
const MODEL: Grid = [["评分模型 [ZS:model]"], ["version", "1"]];
const data = (name: string, grid: Grid, extra: Partial<SheetData> = {}): SheetData => ({
  name,
  grid,
  ...extra,
});
const choice = (d: SheetData, hidden = false): SheetChoice => ({ data: d, hidden });

function refusal(run: () => unknown): { zh: string; en: string } {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(Refusal);
    return (e as Refusal).label;
  }
  throw new Error("not refused");
}

test("the model sheet is found by its marker in its first five rows, wherever the sheet is", () => {
  const late = data("参数", [[null], [null], [null], [null], ["评分模型 [ZS:model]"]]);
  const tooLate = data("参数", [[null], [null], [null], [null], [null], ["评分模型 [ZS:model]"]]);
  expect(findModelSheet([data("清单", LIST), late])).toBe(late);
  expect(findModelSheet([data("清单", LIST), tooLate])).toBeNull();
  expect(findModelSheet([data("评分模型", LIST)])).toBeNull();
});

test("our sheets: the model, results (by mark or by an old marker header) and the summary", () => {
  expect(isOurSheet(data("m", MODEL))).toBe(true);
  expect(isOurSheet(data("r", [["序号"]], { marks: [{ key: "row", row: 0, col: 0 }] }))).toBe(true);
  expect(isOurSheet(data("s", [["汇总"]], { marks: [{ key: "summary", row: 0, col: 0 }] }))).toBe(
    true
  );
  expect(isOurSheet(data("r", [["序号 [ZS:row]", "得分 [ZS:score]"]]))).toBe(true);
  // Result columns written beside the user's table do not make the sheet ours.
  expect(isOurSheet(data("l", LIST, { marks: [{ key: "score", row: 0, col: 2 }] }))).toBe(false);
  expect(isOurSheet(data("l", [["得分 [ZS:score]"], ["序号 [ZS:row]"]]))).toBe(false);
  expect(isOurSheet(data("e", []))).toBe(false);
});

test("a sheet named is taken as it is; a name not in the workbook is refused with the names there", () => {
  const sheets = [choice(data("说明", NOTES)), choice(data("清单", LIST), true)];
  expect(chooseSheet(sheets, model, "清单")).toBe(sheets[1].data);
  expect(chooseSheet(sheets, model, "说明")).toBe(sheets[0].data);
  expect(refusal(() => chooseSheet(sheets, model, "名单"))).toEqual({
    zh: "没有名为「名单」的工作表（现有：说明、清单）",
    en: 'no sheet named "名单" (sheets: 说明, 清单)',
  });
});

test("without a name: the first visible sheet with a table, past notes and our own sheets", () => {
  const list = data("清单", LIST);
  expect(
    chooseSheet([choice(data("评分模型", MODEL)), choice(data("说明", NOTES)), choice(list)], model)
  ).toBe(list);
  // The only visible sheet is taken as it is (its table is located when it is scored).
  const notes = data("说明", NOTES);
  expect(chooseSheet([choice(notes), choice(data("评分模型", MODEL))], model)).toBe(notes);
});

test("no visible sheet with a table: the first one's reason, and a hidden table pointed out", () => {
  const sheets = [
    choice(data("说明", NOTES)),
    choice(data("备注", NOTES)),
    choice(data("清单", LIST), true),
  ];
  const label = refusal(() => chooseSheet(sheets, model));
  expect(label.en).toBe(
    'No candidate table found in sheet "说明": no row among the first 50 has headers matching two or more model fields (such as project name, total investment).\nThe hidden sheet "清单" holds a table; name it with --sheet to score it.'
  );
  expect(label.zh).toMatch(
    /^工作表「说明」中未找到候选项目表：.*\n隐藏的工作表「清单」中有表格；如需评分请用 --sheet 指定。$/
  );
  // One visible sheet is not taken as it is when a hidden one holds the table.
  expect(
    refusal(() =>
      chooseSheet([choice(data("说明", NOTES)), choice(data("清单", LIST), true)], model)
    ).en
  ).toContain('The hidden sheet "清单" holds a table');
  // Nothing but our own sheets.
  expect(refusal(() => chooseSheet([choice(data("评分模型", MODEL))], model))).toEqual({
    zh: "工作簿中没有可评分的工作表",
    en: "the workbook has no sheet to score",
  });
  // A hidden sheet without a table is not pointed out.
  expect(
    refusal(() =>
      chooseSheet([choice(data("说明", NOTES)), choice(data("旧", NOTES), true)], model)
    ).en
  ).not.toContain("hidden");
});
