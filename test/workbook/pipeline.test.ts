/**
 * The steps every host shares (workbook/pipeline): the table chosen and mapped with the user's
 * edits, and the refusal rules returned as a value, so the CLI refuses, the pane shows them in
 * its mapping step and ZS.SCORES returns #N/A with the same words.
 */
import { compileModel, explain, scoreTable, validateModel } from "../../src/engine";
import type { ScoringModel } from "../../src/engine";
import pinghu from "../../src/models/pinghu-2023.json";
import {
  findModelSheet,
  locateTable,
  mapColumns,
  mappingProblem,
  markedHeader,
  prepareTable,
  Refusal,
  toCandidateTable,
} from "../../src/workbook";

const r = validateModel(pinghu);
if (!r.ok) throw new Error("bundled model invalid");
const model: ScoringModel = r.model;

const sheet = (grid: (string | number | null)[][]) => ({ name: "清单", grid });

test("a good table: located under its title, mapped, no problem", () => {
  const p = prepareTable(
    sheet([["2023年重点项目"], ["项目名称", "总投资（万元）"], ["甲项目", 5000], ["乙项目", 800]]),
    model
  );
  expect(p.table.headerRow).toBe(1);
  expect(p.table.dataRows).toEqual([2, 3]);
  expect(p.mapping.mapped.map((m) => m.field)).toEqual(["name", "totalInvestment"]);
  expect(p.problem).toBeNull();
});

test("two tables one under the other: the index chooses, a missing one is refused", () => {
  const s = sheet([
    ["项目名称", "总投资（万元）"],
    ["甲项目", 5000],
    [null, null],
    ["项目名称", "总投资（万元）"],
    ["乙项目", 800],
    ["丙项目", 900],
  ]);
  expect(prepareTable(s, model).tables).toHaveLength(2);
  expect(prepareTable(s, model, { index: 2 }).table.dataRows).toEqual([4, 5]);
  expect(() => prepareTable(s, model, { index: 3 })).toThrow(Refusal);
  expect(() => prepareTable(s, model, { index: 3 })).toThrow(
    'sheet "清单" holds 2 table(s), not a table 3.'
  );
  try {
    prepareTable(s, model, { index: 3 });
  } catch (e) {
    expect((e as Refusal).label.zh).toBe("工作表「清单」只有 2 个表格，没有第 3 个。");
  }
  const second = prepareTable(s, model, { index: 2 }).table;
  expect(second.headerRow).toBe(3);
  // The first table ends before the blank row that parts them.
  const first = prepareTable(s, model).tables[0];
  expect(first.dataRows).toEqual([1]);
  expect(first.skippedRows).toEqual([]);
});

test("headers that only resemble the model's fields: the problem names them and the header row", () => {
  const p = prepareTable(
    sheet([
      ["项目名头", "计划投资额度"],
      ["甲项目", "1亿元"],
    ]),
    model
  );
  expect(p.problem).toBeInstanceOf(Refusal);
  expect(p.problem!.label.zh).toContain("工作表「清单」的表头只是与模型字段相似");
  expect(p.problem!.label.en).toContain("(header on row 1)");
  expect(p.problem!.label.en).toContain("项目名头→name");
});

test("no column for a key amount: a problem until the user maps one", () => {
  const grid = [
    ["项目名称", "所属产业链", "投资"],
    ["甲项目", "新能源汽车", "1亿元"],
  ];
  const p = prepareTable(sheet(grid), model);
  expect(p.problem!.label.en).toBe(
    'No column of sheet "清单" maps to Total investment (header on row 1). Name that column e.g. "Total investment (CNY 10k)" and try again.'
  );
  // The mapping step's edit (column 2 is 总投资) settles it, as the pane's remap does.
  const mapped = prepareTable(sheet(grid), model, { override: { totalInvestment: 2 } });
  expect(mapped.problem).toBeNull();
  expect(mapped.mapping.mapped.find((m) => m.field === "totalInvestment")?.column).toBe(2);
});

test("without a sheet (a range given to a worksheet function) the words name the headers only", () => {
  const m = mapColumns(["项目名称", "所属产业链"], model);
  expect(mappingProblem(m, model, "")!.label).toEqual({
    zh: "没有一列能对应到「总投资」。请把该列表头改为如“总投资（万元）”后再试。",
    en: 'No column maps to Total investment. Name that column e.g. "Total investment (CNY 10k)" and try again.',
  });
  const fuzzy = mappingProblem(mapColumns(["项目名头", "计划投资额度"], model), model, "")!.label;
  expect(fuzzy.zh).toMatch(
    /^表头只是与模型字段相似，没有一个确切匹配：项目名头→name, 计划投资额度→\w+。/
  );
  expect(fuzzy.en).toMatch(
    /^The headers only resemble the model's fields, none matches exactly: 项目名头→name, /
  );
});

test("no column mapped at all: the key amount is missing, not a table of guesses", () => {
  const m = mapColumns(["Q9"], model);
  expect(m.mapped).toEqual([]);
  expect(mappingProblem(m, model, "")!.label.en).toMatch(/^No column maps to Total investment\./);
});

test("two key amounts without a column are both named", () => {
  const two: ScoringModel = {
    ...model,
    fields: model.fields.map((f) => (f.id === "registeredCapital" ? { ...f, key: true } : f)),
  };
  const p = mappingProblem(mapColumns(["项目名称"], two), two, "")!.label;
  expect(p.zh).toMatch(/^没有一列能对应到「总投资、注册资本」。/);
  expect(p.en).toMatch(/^No column maps to Total investment, Registered capital\. /);
});

describe("findModelSheet: the model sheet by its marker, whatever its name or place", () => {
  const marked = (name: string, at = 0) => ({
    name,
    grid: [...Array.from({ length: at }, () => []), [markedHeader("评分模型", "model")]],
  });
  const list = { name: "评分模型", grid: [["项目名称", "总投资"]] };

  test("found under any name, its marker in any of the first five rows of column A; a sheet only named so is not it", () => {
    expect(findModelSheet([list, marked("我的模型", 4)])?.name).toBe("我的模型");
    expect(findModelSheet([list, marked("太低", 5)])).toBeNull();
    expect(findModelSheet([{ name: "B 列", grid: [["", markedHeader("x", "model")]] }])).toBeNull();
    expect(findModelSheet([])).toBeNull();
  });

  test("two marked sheets are refused, naming both", () => {
    const two = () => findModelSheet([marked("模型甲"), list, marked("模型乙", 2)]);
    expect(two).toThrow(Refusal);
    expect(two).toThrow(
      'The workbook holds 2 scoring-model sheets: "模型甲", "模型乙". Delete the extra ones (or clear the [ZS:model] marker in their column A) and try again.'
    );
    try {
      two();
    } catch (e) {
      expect((e as Refusal).label.zh).toBe(
        "工作簿中有 2 张评分模型表：「模型甲」、「模型乙」。请删除多余的表（或清除其 A 列的 [ZS:model] 标记）后再试。"
      );
    }
  });
});

test("the analyst's unit reaches the mapping", () => {
  const s = sheet([
    ["项目名称", "总投资"],
    ["甲项目", 5],
  ]);
  const unit = (o: Parameters<typeof prepareTable>[2]) =>
    prepareTable(s, model, o).mapping.mapped.find((m) => m.field === "totalInvestment")?.unit
      ?.source;
  expect(unit({ units: { totalInvestment: "亿元" } })).toBe("user");
  expect(unit({})).toBe("default");
});

test("a second table under other headers starts after a blank row; blank rows inside either stay theirs", () => {
  const s = sheet([
    ["项目名称", "总投资（万元）"],
    ["甲项目", 5000],
    [null, null],
    ["乙项目", 700],
    [null, null],
    ["项目", "计划总投资"],
    ["丙项目", 800],
    [null, null],
    ["丁项目", 900],
  ]);
  const rows = prepareTable(s, model).tables.map((t) => ({
    headerRow: t.headerRow,
    dataRows: t.dataRows,
    skippedRows: t.skippedRows,
  }));
  expect(rows).toEqual([
    { headerRow: 0, dataRows: [1, 3], skippedRows: [{ row: 2, reason: "blank" }] },
    { headerRow: 5, dataRows: [6, 8], skippedRows: [{ row: 7, reason: "blank" }] },
  ]);
});

test("two blank rows inside a table do not part it; a repeated header does, before a later one", () => {
  const one = prepareTable(
    sheet([
      ["项目名称", "总投资（万元）"],
      ["甲项目", 5000],
      [null, null],
      [null, null],
      ["乙项目", 700],
    ]),
    model
  ).tables;
  expect(one.map((t) => t.dataRows)).toEqual([[1, 4]]);
  const three = prepareTable(
    sheet([
      ["项目名称", "总投资（万元）"],
      ["甲项目", 5000],
      [null, null],
      ["项目名称", "总投资（万元）"],
      ["乙项目", 700],
      [null, null],
      ["项目", "计划总投资"],
      ["丙项目", 800],
    ]),
    model
  ).tables;
  expect(three.map((t) => [t.headerRow, t.dataRows])).toEqual([
    [0, [1]],
    [3, [4]],
    [6, [7]],
  ]);
});

test("a sheet without a table is refused with the reason the table was not found", () => {
  const s = sheet([["说明"], ["本表为各镇上报汇总"]]);
  const located = locateTable(s, model);
  expect(located.ok).toBe(false);
  try {
    prepareTable(s, model);
    throw new Error("not refused");
  } catch (e) {
    expect(e).toBeInstanceOf(Refusal);
    expect((e as Refusal).label).toEqual(!located.ok && located.message);
  }
});

test("without a blank row, a repeated header and a header-like row under it part nothing", () => {
  const t = prepareTable(
    sheet([
      ["项目名称", "总投资（万元）"],
      ["甲项目", 5000],
      ["项目名称", "总投资（万元）"],
      ["项目", "计划总投资"],
      ["丙项目", 800],
    ]),
    model
  ).tables;
  expect(t.map((x) => x.dataRows)).toEqual([[1, 3, 4]]);
});

test("a later table's merges are read at its own rows: a header merged down pushes its first data row", () => {
  // The second table is located in a slice of the grid starting at its header; the slice's origin must
  // be that many rows down, or the merge over rows 3–4 would be looked for elsewhere and row 4 read as a
  // blank row inside the table.
  const s = {
    ...sheet([
      ["项目名称", "总投资（万元）"],
      ["甲项目", 5000],
      [null, null],
      ["项目", "计划总投资"],
      [null, null],
      ["丙项目", 800],
    ]),
    merges: [
      { top: 3, left: 0, bottom: 4, right: 0 },
      { top: 3, left: 1, bottom: 4, right: 1 },
    ],
  };
  const t = prepareTable(s, model).tables;
  expect(t.map((x) => [x.headerRow, x.dataRows, x.skippedRows])).toEqual([
    [0, [1], []],
    [3, [5], []],
  ]);
});

describe("a yes/no role column (是否链主) scores a leader as a 链上定位 column saying 链主 does", () => {
  const compiled = compileModel(model);
  const HEAD = ["项目名称", "总投资", "所属产业链", "项目进度"];
  const row = (name: string) => [name, "5亿元", "新能源汽车", "签约"];
  const scored = (header: string, cells: (string | null)[]) => {
    const s = sheet([[...HEAD, header], ...cells.map((c, i) => [...row(`项目${i + 1}`), c])]);
    const p = prepareTable(s, model);
    expect(p.mapping.mapped.map((m) => m.field)).toContain("chainRole");
    return scoreTable(toCandidateTable(s, p.table, p.mapping), compiled);
  };
  const yesNo = scored("是否链主", ["是", "否", "拟培育链主"]);
  const role = scored("链上定位", ["链主", null, null]);

  test("是 scores and grades as 链主 written: the credible leader's floor of 50, grade B", () => {
    expect(yesNo.total[0]).toBe(role.total[0]);
    expect(yesNo.base[0]).toBe(role.base[0]);
    expect(yesNo.grade[0]).toBe(role.grade[0]);
    expect([yesNo.total[0], model.grades.bands[yesNo.grade[0]].grade]).toEqual([50, "B"]);
    expect(explain(yesNo, 0).notes[0].zh).toContain("可信的链主");
  });

  test("否 and an intention score as a blank role does, below the leader, and say why", () => {
    for (const i of [1, 2]) {
      expect(yesNo.total[i]).toBe(role.total[1]);
      expect(yesNo.grade[i]).toBe(role.grade[1]);
      expect(yesNo.total[i]).toBeLessThan(yesNo.total[0]);
    }
    const used = (i: number) =>
      explain(yesNo, i).criteria.find((c) => c.criterion === "chainFit")!.used;
    expect(used(0).zh).toContain("链主（本列问是否链主，“是”读作链主） 1");
    expect(used(1).zh).toContain(
      "一般配套（本列问是否链主，“否”：不是链主，链上定位未写；按默认）"
    );
    expect(used(2).en).toContain(
      '"拟培育链主" states an intention, not a role held; not read; default'
    );
  });

  test("beside a 链上定位 column the yes/no column is unused and the role column decides", () => {
    const s = sheet([
      [...HEAD, "是否链主", "链上定位"],
      [...row("甲"), "是", "关键环节"],
    ]);
    const p = prepareTable(s, model);
    expect(p.mapping.unused.map((u) => [u.header, u.why?.zh])).toEqual([
      ["是否链主", "只问是否链主：链上定位取自「链上定位」列"],
    ]);
    const t = scoreTable(toCandidateTable(s, p.table, p.mapping), compiled);
    expect(t.total[0]).toBe(scored("链上定位", ["关键环节"]).total[0]);
  });
});
