/**
 * Refusals of the workbook layer, each by its exact message and where it points (issue 20): the
 * model sheet's cell errors, and the pipeline's refusals to score a table it cannot read safely.
 */
import * as fs from "fs";
import * as path from "path";
import { loadModel } from "../../src/engine/model";
import type { CellValue } from "../../src/engine/types";
import { columnLetters } from "../../src/workbook/a1";
import { gridToModel, modelToGrid } from "../../src/workbook/modelSheet";
import { checkReadable, modelFromSheet, prepareTable, Refusal } from "../../src/workbook/pipeline";
import { planResults } from "../../src/workbook/results";
import { locateTable } from "../../src/workbook/table";
import type { Grid, SheetData } from "../../src/workbook/types";
import { smallModel } from "../fixtures/workbooks/model";
import { fakeScore } from "../fixtures/workbooks/scores";

const pinghu = loadModel(
  fs.readFileSync(path.resolve(__dirname, "../../src/models/pinghu-2023.json"), "utf8")
);

/** The default model's sheet in English with one cell changed; row and column found by content. */
function edited(find: (row: CellValue[]) => boolean, col: number, value: CellValue): Grid {
  const grid = modelToGrid(pinghu, "en");
  const r = grid.findIndex(find);
  expect(r).toBeGreaterThanOrEqual(0);
  grid[r][col] = value;
  return grid;
}
/** Address of the default model sheet's section heading (its errors point there). */
function heading(tag: string): string {
  const r = modelToGrid(pinghu, "en").findIndex((row) => String(row[0]).endsWith(`[ZS:${tag}]`));
  expect(r).toBeGreaterThanOrEqual(0);
  return `A${r + 1}`;
}
const criterion = (id: string) => (row: CellValue[]) => row[0] === id && row[5] === "piecewise";
/** A criterion's row in the 评分准则 section (keyword rows start with the criterion id too). */
const criterionRow = (id: string) => (row: CellValue[]) => row[0] === id && row[4] !== null;
/** The A1 address of a cell of the default model sheet, found by its row's content. */
function cellOf(find: (row: CellValue[]) => boolean, col: number): string {
  return `${columnLetters(col)}${modelToGrid(pinghu, "en").findIndex(find) + 1}`;
}

describe("model sheet cells", () => {
  test.each<[string, Grid, string, string, string]>([
    [
      "a breakpoint that is not name=value (named with its section, at its cell)",
      edited(criterion("investment"), 8, "0=0; 1000 is 0.1"),
      "I39",
      "「评分准则」“1000 is 0.1”应写成 名称=分值",
      '"Criteria": "1000 is 0.1" should read name=value',
    ],
    [
      "a score with a word after it",
      edited(criterion("investment"), 8, "0=0; 1000=0.1分"),
      "I39",
      "「评分准则」“1000=0.1分”应写成 名称=分值",
      '"Criteria": "1000=0.1分" should read name=value',
    ],
    [
      "two pairs on two lines of a cell (a line break does not separate pairs)",
      edited(criterion("investment"), 8, "0=0\n1000=0.1"),
      "I39",
      "「评分准则」“0=0\n1000=0.1”应写成 名称=分值",
      '"Criteria": "0=0\n1000=0.1" should read name=value',
    ],
    [
      "a linear criterion without its zero point",
      edited(criterionRow("standing"), 6, null),
      cellOf(criterionRow("standing"), 6),
      "「评分准则」变换 linear 需要填写0 分点",
      '"Criteria": transform linear needs zero point',
    ],
    [
      "a threshold criterion without its full point",
      edited(criterionRow("rdShare"), 7, null),
      cellOf(criterionRow("rdShare"), 7),
      "「评分准则」变换 threshold 需要填写满分点",
      '"Criteria": transform threshold needs full point',
    ],
    [
      "a keyword rule's parameter that is neither * nor 拟",
      edited(criterionRow("listing"), 8, "*=0; 意向=0.5"),
      cellOf(criterionRow("listing"), 8),
      "「评分准则」“意向”不是关键词计分的参数（只有 *=未命中得分、拟=意向折算）",
      '"Criteria": "意向" is not a keyword-rule parameter (only *=score when no word matches, 拟=share for an intention)',
    ],
    [
      "a chain keyword without its weight",
      edited((row) => row[0] === "nev", 3, "新能源汽车 1、电动汽车:1"),
      heading("chains"),
      "「产业链与关键词（词:权重）」关键词“新能源汽车 1”应写成 词:权重",
      '"Industrial chains and keywords (word:weight)": keyword "新能源汽车 1" should read word:weight',
    ],
    [
      "an empty weight",
      edited(criterion("investment"), 10, null),
      "K39",
      "维度内权重：不能为空",
      "weight in dimension: must not be empty",
    ],
    [
      "a weight that is not a number",
      edited(criterion("investment"), 10, "heavy"),
      "K39",
      "维度内权重：“heavy”不是数字",
      'weight in dimension: "heavy" is not a number',
    ],
    [
      "a direction that is not one of the choices",
      edited(criterion("investment"), 9, "sideways"),
      "J39",
      "方向：“sideways”不是可选项（越大越好/越小越好）",
      'direction: "sideways" is not one of higher is better/lower is better',
    ],
  ])("%s", (_, grid, address, zh, en) => {
    expect(gridToModel(grid, pinghu)).toEqual({
      ok: false,
      errors: [{ code: "model-sheet", address, message: { zh, en } }],
    });
  });

  test("target rows without a target year, for a model that had no targets", () => {
    const grid = edited((row) => row[0] === "target year", 1, null);
    expect(gridToModel(grid, { ...pinghu, targets: undefined })).toEqual({
      ok: false,
      errors: [
        {
          code: "model-sheet",
          address: heading("targets"),
          message: {
            zh: "「年度目标」缺少目标年份（见模型设置）",
            en: '"Targets": the target year is missing (see model settings)',
          },
        },
      ],
    });
  });

  test("modelFromSheet refuses with every error, by sheet and cell, one a line", () => {
    const grid = edited(criterion("investment"), 10, "heavy");
    const cell = grid.findIndex(criterion("investment"));
    grid[cell][8] = "0=0; 1000 is 0.1";
    const thrown = label(() => modelFromSheet({ name: "评分模型", grid }, pinghu));
    expect(thrown).toEqual({
      zh:
        "「评分模型」表中的评分模型有误：\n  评分模型!K39: 维度内权重：“heavy”不是数字" +
        "\n  评分模型!I39: 「评分准则」“1000 is 0.1”应写成 名称=分值",
      en:
        'the scoring model in sheet "评分模型" has errors:\n  评分模型!K39: weight in dimension: "heavy" is not a number' +
        '\n  评分模型!I39: "Criteria": "1000 is 0.1" should read name=value',
    });
  });
});

/** The label of the refusal `run` throws, or null when it does not throw. */
const label = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(Refusal);
    return (e as Refusal).label;
  }
};

describe("the pipeline's refusals", () => {
  const model = smallModel();
  const sheetOf = (grid: Grid): SheetData => ({ name: "清单", grid });

  test("headers that only resemble the model's fields are not trusted", () => {
    const sheet = sheetOf([
      ["项目名字", "投资总额度", "产业链条"],
      ["A", 1000, "汽车"],
    ]);
    const mapping = prepareTable(sheet, model).problem?.label;
    expect(mapping?.en).toContain(
      `The headers of sheet "清单" only resemble the model's fields, none matches exactly (header on row 1): `
    );
    expect(mapping?.en).toContain(
      ". Not scored, to avoid a wrong result; rename the headers to the model's field names."
    );
    expect(mapping?.zh).toContain(
      "工作表「清单」的表头只是与模型字段相似，没有一个确切匹配（表头在第 1 行）："
    );
  });

  test("no column for a key amount", () => {
    const sheet = sheetOf([
      ["项目名称", "联系电话", "产业链"],
      ["A", "123", "汽车"],
    ]);
    expect(prepareTable(sheet, model).problem?.label).toEqual({
      zh: "工作表「清单」中没有一列能对应到「总投资」（表头在第 1 行）。请把该列表头改为如“总投资（万元）”后再试。",
      en: 'No column of sheet "清单" maps to Total investment (header on row 1). Name that column e.g. "Total investment (CNY 10k)" and try again.',
    });
  });

  test("unreadable cells in a key column are named, not scored as zero", () => {
    const sheet = sheetOf([
      ["项目名称", "总投资", "产业链"],
      ["A", null, "汽车"],
      ["B", 1000, "电池"],
    ]);
    const { table, mapping } = prepareTable(sheet, model);
    expect(
      label(() =>
        checkReadable(sheet, table, mapping, model, [
          { row: 1, col: 1, why: "formula", text: "=B9*2" },
        ])
      )
    ).toEqual({
      zh: "工作表「清单」的关键列有无法读取的单元格：B2 公式没有保存计算结果 =B9*2。请在 Excel 中打开并重新计算、改正后保存，再试。",
      en: 'Key columns of sheet "清单" hold cells that cannot be read: B2 formula without a saved result =B9*2. Open the file in Excel, recalculate or correct them, save, and try again.',
    });
  });
});

test("a negative column index is a programming error", () => {
  expect(() => columnLetters(-1)).toThrow(
    new RangeError("column index -1 is not a whole number ≥ 0")
  );
});

describe("finding the table and placing results", () => {
  const model = smallModel();

  test("no header row within the first 50 rows", () => {
    expect(locateTable({ name: "纪要", grid: [["会议纪要"], ["张三", "李四"]] }, model)).toEqual({
      ok: false,
      message: {
        zh: "工作表「纪要」中未找到候选项目表：前 50 行没有一行表头能对应到模型的两个以上字段（如 项目名称、总投资）。",
        en: 'No candidate table found in sheet "纪要": no row among the first 50 has headers matching two or more model fields (such as project name, total investment).',
      },
    });
  });

  test("a result sheet whose name a user's sheet already has", () => {
    const sheet: SheetData = {
      name: "清单",
      grid: [
        ["项目名称", "总投资", "产业链"],
        ["A", 1000, "汽车"],
      ],
    };
    const table = locateTable(sheet, model);
    if (!table.ok) throw new Error(table.message.en);
    const plan = planResults(sheet, table.table, [fakeScore(0, 50, 1)], model, {
      target: "sheet",
      lang: "en",
      existingSheet: { name: "ZS results", grid: [["my own notes"]] },
    });
    expect(plan).toEqual({
      ok: false,
      conflicts: [],
      alternative: "sheet",
      message: {
        zh: "不能写入结果：已有名为「ZS results」的工作表，且内容不是本工具写入的。为保护您的数据，未做任何修改。请为结果表另取一个名字。",
        en: 'Cannot write results: a sheet named "ZS results" already exists and holds content this tool did not write. Nothing was changed, to protect your data. Choose another name for the result sheet.',
      },
    });
  });
});

describe("checkReadable: which unreadable cells stop the run", () => {
  const model = smallModel();
  // The grid starts at C4 (a used range not at A1): unreadable cells come in sheet coordinates.
  const sheet: SheetData = {
    name: "清单",
    origin: { row: 3, col: 2 },
    grid: [
      ["项目名称", "总投资", "产业链"],
      ...Array.from({ length: 9 }, (_, i) => [`P${i}`, 100, "汽车"]),
    ],
  };
  const { table, mapping } = prepareTable(sheet, model);
  const ignored = [
    { row: 3, col: 3, why: "error" as const, text: "#REF!" }, // the header row
    { row: 4, col: 2, why: "date" as const, text: "2023-01-01" }, // a date in a text key column
    { row: 4, col: 4, why: "error" as const, text: "#N/A" }, // not a key column
    { row: 13, col: 3, why: "error" as const, text: "#DIV/0!" }, // below the table
  ];

  test("outside data rows, outside key columns and dates in text columns do not stop it", () => {
    expect(() => checkReadable(sheet, table, mapping, model, ignored)).not.toThrow();
  });

  test("eight are named without a count", () => {
    const eight = Array.from({ length: 8 }, (_, i) => ({
      row: 5 + i,
      col: 3,
      why: "error" as const,
    }));
    expect(label(() => checkReadable(sheet, table, mapping, model, eight))?.en).toContain(
      "; D13 error value. Open the file"
    );
  });

  test("the first eight are named by address, then how many there are", () => {
    const dates = Array.from({ length: 8 }, (_, i) => ({
      row: 5 + i,
      col: 3,
      why: "date" as const,
      text: `2023-05-0${i + 1}`,
    }));
    const bad = [
      ...ignored,
      { row: 4, col: 2, why: "error" as const, text: "#VALUE!" },
      { row: 4, col: 3, why: "formula" as const },
      ...dates,
    ];
    expect(label(() => checkReadable(sheet, table, mapping, model, bad))).toEqual({
      zh:
        "工作表「清单」的关键列有无法读取的单元格：C5 错误值 #VALUE!；D5 公式没有保存计算结果；" +
        "D6 日期（不是金额） 2023-05-01；D7 日期（不是金额） 2023-05-02；D8 日期（不是金额） 2023-05-03；" +
        "D9 日期（不是金额） 2023-05-04；D10 日期（不是金额） 2023-05-05；D11 日期（不是金额） 2023-05-06 … (10)。" +
        "请在 Excel 中打开并重新计算、改正后保存，再试。",
      en:
        'Key columns of sheet "清单" hold cells that cannot be read: C5 error value #VALUE!; D5 formula without a saved result; ' +
        "D6 a date (not an amount) 2023-05-01; D7 a date (not an amount) 2023-05-02; D8 a date (not an amount) 2023-05-03; " +
        "D9 a date (not an amount) 2023-05-04; D10 a date (not an amount) 2023-05-05; D11 a date (not an amount) 2023-05-06 … (10). " +
        "Open the file in Excel, recalculate or correct them, save, and try again.",
    });
  });
});
