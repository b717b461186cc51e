/**
 * How mapped columns read, against sheets written the way bureaus write lists: a unit row above the
 * table, bare numbers, land in 平方米, percents, and cells no reader may turn into a value.
 */
import pinghu from "../../src/models/pinghu-2023.json";
import { compileModel, explain, loadModel, scoreTable } from "../../src/engine";
import { locateTable } from "../../src/workbook/table";
import { mapColumns } from "../../src/workbook/mapping";
import { toCandidateTable } from "../../src/workbook/candidates";
import { findUnitNotes, formatReadingReport, readingCounts } from "../../src/workbook/reading";
import type {
  ColumnMapping,
  ColumnReport,
  Grid,
  SheetData,
  UnitOverride,
} from "../../src/workbook/types";
import type { CellValue } from "../../src/engine/types";

const model = loadModel(pinghu);
const compiled = compileModel(model);

function open(grid: Grid, units?: UnitOverride) {
  const sheet: SheetData = { name: "清单", grid };
  const located = locateTable(sheet, model);
  if (!located.ok) throw new Error(located.message.en);
  const mapping = mapColumns(located.table.headers, model, {}, located.table.hiddenColumns, {
    sheet,
    table: located.table,
    units,
  });
  return { sheet, table: located.table, mapping };
}

const col = (m: ColumnMapping, field: string): ColumnReport => {
  const c = m.report?.find((r) => r.field === field);
  if (!c) throw new Error(`no report for ${field}`);
  return c;
};

const HEADERS = [
  "序号",
  "项目名称",
  "总投资",
  "注册资本（万美元）",
  "用地面积（平方米）",
  "研发投入占比",
];

const BUREAU: Grid = [
  ["2023年重点招商项目清单", null, null, null, null, null],
  ["单位：万元、亩", null, null, null, null, null],
  HEADERS,
  [1, "甲项目", 40000, "1000", 53360, "3.5"],
  [2, "乙项目", "#N/A", "=B2*2", "2023-03-03", "4.2"],
  [3, "丙项目", "1.5亿元", 500, "80亩", "120"],
];

describe("units written above the table", () => {
  test.each<[string, number, string | undefined]>([
    ["单位：万元、亩", 1e4, "CNY"],
    ["金额单位：万美元", 1e4, "USD"],
    ["（单位：亿元）", 1e8, "CNY"],
    ["注：金额单位为万美元", 1e4, "USD"],
    ["填报单位：投资促进中心      单位：亿元", 1e8, "CNY"],
    // 币种 names the currency; 万元 then only says the scale.
    ["币种：美元 单位：万元", 1e4, "USD"],
    ["2023年重点招商项目（金额单位：亿元）", 1e8, "CNY"],
  ])("%s is found with its amount unit", (text, multiplier, currency) => {
    const grid: Grid = [[text], HEADERS, [1, "甲", 1, 1, 1, 1]];
    const located = locateTable({ name: "s", grid }, model);
    if (!located.ok) throw new Error("no table");
    const [note] = findUnitNotes({ name: "s", grid }, located.table);
    expect(note).toMatchObject({ address: "A1", amount: { multiplier, currency } });
  });

  test("each unit statement of a row counts: 金额单位：亿元  面积单位：平方米 gives both; 单位名称 and 责任单位 give none", () => {
    const notes = (text: string) => {
      const grid: Grid = [[text], HEADERS, [1, "甲", 1, 1, 1, 1]];
      const located = locateTable({ name: "s", grid }, model);
      if (!located.ok) throw new Error("no table");
      return findUnitNotes({ name: "s", grid }, located.table);
    };
    expect(notes("金额单位：亿元  面积单位：平方米")[0]).toMatchObject({
      amount: { multiplier: 1e8, currency: "CNY" },
      land: "平方米",
    });
    expect(notes("填报单位名称：平湖经开区 责任单位：商务局")).toEqual([]);
  });

  test("单位：万元、亩 names the land unit as well", () => {
    const { sheet, table } = open(BUREAU);
    expect(findUnitNotes(sheet, table)[0]).toMatchObject({ land: "亩", text: "单位：万元、亩" });
  });

  test("a unit row applies to bare amounts: 40000 under 单位：万元 is 4亿元, not 4万元", () => {
    const { sheet, table, mapping } = open(BUREAU);
    const inv = mapping.mapped.find((m) => m.field === "totalInvestment")!;
    expect(inv.unit).toEqual({
      label: { zh: "万元", en: "CNY ×10k" },
      source: "note",
      address: "A2",
    });
    expect([inv.letter, inv.sample]).toEqual(["C", 40000]);
    const scored = scoreTable(toCandidateTable(sheet, table, mapping), compiled);
    // Model unit is 万元: 40000 万元 is 40000, and 1.5亿元 (its own unit) is 15000.
    expect(Array.from(scored.columns.totalInvestment as Float64Array)).toEqual([40000, NaN, 15000]);
  });

  test("a header that names its own unit beats the unit row", () => {
    const { mapping } = open(BUREAU);
    const cap = mapping.mapped.find((m) => m.field === "registeredCapital")!;
    expect(cap.unit).toMatchObject({ source: "header", address: "D3" });
    expect(cap.context).toMatchObject({ multiplier: 1e4, currency: "USD", guess: false });
  });
});

test("two-level headers: the unit is read where it is written, in the sub-header or in its group", () => {
  // 投资情况（亿元） merged over 总投资 and 注册资本（万美元）; the other headers merged down over both rows.
  const grid: Grid = [
    ["序号", "项目名称", "投资情况（亿元）", null, "所属产业链"],
    [null, null, "总投资", "注册资本（万美元）", null],
    [1, "甲项目", 2.5, 800, "新能源汽车"],
  ];
  const merges = [
    { top: 0, left: 2, bottom: 0, right: 3 },
    ...[0, 1, 4].map((c) => ({ top: 0, left: c, bottom: 1, right: c })),
  ];
  const sheet: SheetData = { name: "清单", grid, merges };
  const located = locateTable(sheet, model);
  if (!located.ok) throw new Error(located.message.en);
  const mapping = mapColumns(located.table.headers, model, {}, [], { sheet, table: located.table });
  const unitOf = (field: string) => mapping.mapped.find((m) => m.field === field)?.unit;
  expect(unitOf("totalInvestment")).toMatchObject({ source: "header", address: "C1" });
  expect(unitOf("registeredCapital")).toMatchObject({ source: "header", address: "D2" });
  const scored = scoreTable(toCandidateTable(sheet, located.table, mapping), compiled);
  // The model's unit is 万元: 2.5 亿元 is 25 000.
  expect(Array.from(scored.columns.totalInvestment as Float64Array)).toEqual([25000]);
});

describe("unit rows below the table (issue 20)", () => {
  // A header naming its own unit, eight candidates (the last with a remark that states a unit), then
  // a note row ending the table and notes 6 and 7 rows under the last candidate.
  const grid: Grid = [
    [
      "序号",
      "项目名称",
      "总投资（单位：万元）",
      "注册资本（万美元）",
      "用地面积（平方米）",
      "备注",
    ],
    ...[1, 2, 3, 4, 5, 6, 7].map((n) => [n, `项目${n}`, 1000, 100, 5000, null]),
    [8, "项目8", 1000, 100, 5000, "外资，单位：万美元"],
    ["备注：金额单位：亿元"],
    [],
    [],
    [],
    [],
    ["  注：面积单位：平方米 "],
    ["注：币种：美元"],
  ];
  test("from the row under the last candidate to six rows below it; never the header or a candidate's row", () => {
    const sheet: SheetData = { name: "清单", grid };
    const located = locateTable(sheet, model);
    if (!located.ok) throw new Error(located.message.en);
    expect(located.table.dataRows).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const notes = findUnitNotes(sheet, located.table);
    expect(notes).toEqual([
      {
        address: "A10",
        text: "备注：金额单位：亿元",
        amount: { multiplier: 1e8, currency: "CNY" },
        land: null,
      },
      // A land unit alone makes a note too; the text is shown trimmed.
      { address: "A15", text: "注：面积单位：平方米", amount: null, land: "平方米" },
    ]);
  });

  test("a sheet read from an offset gives the note's sheet address", () => {
    const sheet: SheetData = {
      name: "清单",
      grid: [[null, "单位：万元"], HEADERS, [1, "甲", 1, 1, 1, 1]],
      origin: { row: 3, col: 2 },
    };
    const located = locateTable(sheet, model);
    if (!located.ok) throw new Error(located.message.en);
    expect(findUnitNotes(sheet, located.table).map((n) => n.address)).toEqual(["D4"]);
  });

  test("each statement reads up to the next: 币种 after a land unit gives the currency only", () => {
    const sheet: SheetData = {
      name: "清单",
      grid: [["面积单位：亩  币种： 美元"], HEADERS, [1, "甲", 1, 1, 1, 1]],
    };
    const located = locateTable(sheet, model);
    if (!located.ok) throw new Error(located.message.en);
    expect(findUnitNotes(sheet, located.table)).toEqual([
      { address: "A1", text: "面积单位：亩  币种： 美元", amount: { currency: "USD" }, land: "亩" },
    ]);
  });
});

describe("each column's unit and each cell's count (issue 20)", () => {
  const HEAD = ["项目名称", "总投资", "用地面积"];
  test("a column takes the first unit row stating its kind: an amount skips a land-only row, and the other way round", () => {
    const first = open([["面积单位：平方米"], ["单位：亿元"], HEAD, ["甲", 1, 100]]).mapping;
    expect(col(first, "totalInvestment").unit).toMatchObject({ source: "note", address: "A2" });
    expect(col(first, "landArea").unit).toEqual({
      label: { zh: "平方米", en: "平方米" },
      source: "note",
      address: "A1",
    });
    const second = open([["单位：亿元"], ["面积单位：亩"], HEAD, ["甲", 1, 100]]).mapping;
    expect(col(second, "totalInvestment").unit).toMatchObject({ source: "note", address: "A1" });
    expect(col(second, "landArea").unit).toEqual({
      label: { zh: "亩", en: "mu" },
      source: "note",
      address: "A2",
    });
  });

  test("percent columns: the rule wants every bare number ≤ 1 (1 included, −5 counted); 非小数 and 100% are percents", () => {
    const ctx = (m: ColumnMapping) =>
      m.mapped.find((x) => x.field === "rdShare")?.context?.multiplier;
    // The unit the rule settles for two cells: its label, source and multiplier.
    const rule = (a: CellValue, b: CellValue) => {
      const m = open([
        ["项目名称", "研发投入占比"],
        ["甲", a],
        ["乙", b],
      ]).mapping;
      return [col(m, "rdShare").unit?.label.en, col(m, "rdShare").unit?.source, ctx(m)];
    };
    expect(rule(1, 0.5)).toEqual(["fraction (1 = 100%)", "rule", 1]);
    expect(rule(0.5, 3.5)).toEqual(["%", "rule", 0.01]);
    // A fall of 5, a bare number with its sign, counts: not every number is ≤ 1.
    const fall = open([
      ["项目名称", "营收增长率"],
      ["甲", "-5"],
      ["乙", 0.5],
    ]).mapping;
    expect(col(fall, "revenueGrowth").unit?.label.en).toBe("%");
    for (const said of ["非小数", "100%"]) {
      const m = open(
        [
          ["项目名称", "研发投入占比"],
          ["甲", 0.5],
        ],
        { rdShare: said }
      ).mapping;
      expect([said, col(m, "rdShare").unit?.label.en, ctx(m)]).toEqual([said, "%", 0.01]);
    }
  });

  test("a blank text cell is missing; an unreadable amount, count or yes/no is counted with its reason; the first stage reads", () => {
    const { mapping } = open([
      ["项目名称", "总投资", "投资方", "发明专利", "高新技术企业", "项目进度"],
      ["甲", "abc", null, "abc", "也许", "对接"],
      ["乙", 200, "某公司", 3, "是", "签约"],
      ["丙", "2023-03-03", "某公司", 1, "否", "签约"],
    ]);
    expect([col(mapping, "investor").read, col(mapping, "investor").missing]).toEqual([2, 1]);
    const amount = col(mapping, "totalInvestment");
    expect([amount.read, amount.missing, amount.unreadable]).toEqual([0, 0, 2]);
    expect(amount.firstUnreadable.map((u) => u.address)).toEqual(["B2", "B4"]);
    // A date in an amount column says so (not the amount reader's words).
    expect(amount.firstUnreadable[1].reason).toEqual({
      zh: "日期不是数值",
      en: "a date is not a number",
    });
    expect(col(mapping, "patents").firstUnreadable).toEqual([
      {
        address: "D2",
        reason: { zh: "“abc”无法读作发明专利", en: '"abc" cannot be read as Invention patents' },
      },
    ]);
    expect(col(mapping, "highTech").firstUnreadable.map((u) => u.address)).toEqual(["E2"]);
    // A count has no unit (only amounts, land and percents do).
    expect(col(mapping, "patents").unit).toBeUndefined();
    expect([col(mapping, "stage").read, col(mapping, "stage").unreadable]).toEqual([3, 0]);
  });

  test("a veto column: any text is read (its reason), 暂无 is read as no with a note", () => {
    const { mapping } = open([
      ["项目名称", "否决事项"],
      ["甲", "无"],
      ["乙", "环保处罚"],
      ["丙", "暂无"],
    ]);
    const c = col(mapping, "veto");
    expect([c.read, c.noted, c.unreadable, c.firstNoted.map((n) => n.address)]).toEqual([
      2,
      1,
      0,
      ["B4"],
    ]);
  });

  test("with the unit assumed, a bare number is a guess; one with a currency sign is not bare", () => {
    const { mapping } = open([
      ["项目名称", "总投资"],
      ["甲", "$100"],
      ["乙", 300],
    ]);
    const c = col(mapping, "totalInvestment");
    expect([c.read, c.guessed, c.firstGuessed]).toEqual([1, 1, ["B3"]]);
  });
});

describe("the reading report and its warnings, word for word (issue 20)", () => {
  test("the assumed unit and the unreadable cells are warned of; a land column in 亩 by default and an amount with units are not", () => {
    const { mapping } = open([
      ["项目名称", "总投资", "注册资本", "用地面积"],
      ["甲", "abc", "100万元", 20],
      ["乙", 300, "50万元", 30],
      ["丙", "def", "80万元", 40],
    ]);
    expect(mapping.warnings).toEqual([
      {
        zh: "B 列「总投资」为不带单位的数，未找到单位，按 万元 读取（可在映射中或用 --unit 总投资=万元 指定）",
        en: 'column B "总投资" holds bare numbers and no unit was found: read as CNY ×10k (set it in the mapping or with --unit 总投资=万元)',
      },
      {
        zh: "B 列「总投资」有 2 个单元格无法读取（B2、B4…）",
        en: 'column B "总投资": 2 cell(s) unreadable (B2, B4…)',
      },
    ]);
  });

  test("the first three addresses of each kind are listed; numbers read by the percent rule are guesses", () => {
    const { mapping } = open([
      ["项目名称", "总投资", "发明专利", "研发投入占比", "项目进度"],
      ["甲", 100, "x", 0.5, "停滞后重启"],
      ["乙", 200, "x", 0.3, "停滞后重启"],
      ["丙", 300, "x", 0.2, "停滞后重启"],
      ["丁", 400, "x", 0.1, "停滞后重启"],
    ]);
    expect(col(mapping, "totalInvestment").firstGuessed).toEqual(["B2", "B3", "B4"]);
    expect(col(mapping, "patents").firstUnreadable.map((u) => u.address)).toEqual([
      "C2",
      "C3",
      "C4",
    ]);
    expect([col(mapping, "rdShare").guessed, col(mapping, "rdShare").firstGuessed]).toEqual([
      4,
      ["D2", "D3", "D4"],
    ]);
    expect(col(mapping, "stage").noted).toBe(4);
    expect(col(mapping, "stage").firstNoted.map((n) => n.address)).toEqual(["E2", "E3", "E4"]);
  });

  const report: ColumnReport[] = [
    {
      field: "totalInvestment",
      column: 1,
      letter: "B",
      header: "总投资",
      sample: 300,
      unit: { label: { zh: "万元", en: "CNY ×10k" }, source: "default" },
      read: 1,
      noted: 1,
      guessed: 2,
      missing: 0,
      unreadable: 1,
      firstNoted: [{ address: "B5", note: { zh: "读作下限", en: "read as at least" } }],
      firstGuessed: ["B3", "B4"],
      firstUnreadable: [
        { address: "B2", reason: { zh: "日期不是数值", en: "a date is not a number" } },
      ],
    },
    {
      field: "name",
      column: 0,
      letter: "A",
      header: "项目名称",
      sample: null,
      read: 0,
      noted: 0,
      guessed: 0,
      missing: 3,
      unreadable: 0,
      firstNoted: [],
      firstGuessed: [],
      firstUnreadable: [],
    },
  ];
  test.each([
    [
      "zh",
      [
        "单元格读取：",
        "  B 总投资: 单位 万元（模型默认，假定）; 例 300; 已读 1，带说明 1，猜测 2，无法读取 1",
        "    ~ B5: 读作下限",
        "    ? 猜测: B3, B4",
        "    ! B2: 日期不是数值",
        "  A 项目名称: 已读 0，空缺 3",
      ],
    ],
    [
      "en",
      [
        "How cells were read:",
        "  B 总投资: unit CNY ×10k（model default, assumed）; e.g. 300; read 1, with a note 1, guessed 2, unreadable 1",
        "    ~ B5: read as at least",
        "    ? guessed: B3, B4",
        "    ! B2: a date is not a number",
        "  A 项目名称: read 0, missing 3",
      ],
    ],
  ] as const)("the printed report (%s)", (lang, lines) => {
    expect(formatReadingReport(report, lang)).toBe(lines.join("\n"));
  });

  // 已读 always; each other count only when it is not 0, in the line's order.
  const counts = { read: 7, noted: 0, guessed: 0, missing: 0, unreadable: 0 };
  test.each([
    [{}, "已读 7", "read 7"],
    [{ noted: 2 }, "已读 7，带说明 2", "read 7, with a note 2"],
    [{ guessed: 3 }, "已读 7，猜测 3", "read 7, guessed 3"],
    [{ missing: 4 }, "已读 7，空缺 4", "read 7, missing 4"],
    [{ unreadable: 5 }, "已读 7，无法读取 5", "read 7, unreadable 5"],
    [
      { read: 0, missing: 1, unreadable: 1 },
      "已读 0，空缺 1，无法读取 1",
      "read 0, missing 1, unreadable 1",
    ],
  ])("the counts %p print as %s", (some, zh, en) => {
    const c = { ...report[0], ...counts, ...some };
    expect([readingCounts(c, "zh"), readingCounts(c, "en")]).toEqual([zh, en]);
  });
});

describe("land areas in 亩", () => {
  test("53360 平方米 under a 平方米 header is 80.04 亩; 80亩 in the cell stays 80", () => {
    const { sheet, table, mapping } = open(BUREAU);
    const land = mapping.mapped.find((m) => m.field === "landArea")!;
    expect(land.unit).toMatchObject({ label: { zh: "平方米" }, source: "header", address: "E3" });
    const scored = scoreTable(toCandidateTable(sheet, table, mapping), compiled);
    const mu = Array.from(scored.columns.landArea as Float64Array);
    // 1 平方米 = 0.0015 亩 (1 公顷 = 15 亩 = 10 000 平方米).
    expect(mu[0]).toBeCloseTo(80.04, 10);
    expect(mu[2]).toBe(80);
  });

  test.each<[string, CellValue, number]>([
    ["用地面积（公顷）", 2, 30],
    ["用地面积（万平方米）", 2, 30],
    ["用地面积（ha）", 1.5, 22.5],
    ["用地面积", "5333.6㎡", 8.0004],
    ["用地面积", "2 公顷", 30],
  ])("%s with %p is %d 亩", (header, cell, mu) => {
    const { sheet, table, mapping } = open([
      ["项目名称", "总投资（万元）", header],
      ["甲", 1, cell],
    ]);
    const scored = scoreTable(toCandidateTable(sheet, table, mapping), compiled);
    expect((scored.columns.landArea as Float64Array)[0]).toBeCloseTo(mu, 10);
  });
});

describe("bare amounts with no unit anywhere", () => {
  const grid: Grid = [
    ["项目名称", "总投资"],
    ["甲", 5000],
    ["乙", "1.2亿元"],
  ];

  test("are read in the model's unit, marked as a guess, with a warning saying how to change it", () => {
    const { mapping } = open(grid);
    const inv = col(mapping, "totalInvestment");
    expect(inv.unit).toEqual({ label: { zh: "万元", en: "CNY ×10k" }, source: "default" });
    expect([inv.read, inv.guessed, inv.firstGuessed]).toEqual([1, 1, ["B2"]]);
    expect(mapping.warnings?.[0].zh).toContain("--unit 总投资=万元");
  });

  test("the analyst's unit replaces the assumption", () => {
    const { sheet, table, mapping } = open(grid, { 总投资: "亿元" });
    expect(col(mapping, "totalInvestment").unit?.source).toBe("user");
    expect(mapping.warnings).toEqual([]);
    const scored = scoreTable(toCandidateTable(sheet, table, mapping), compiled);
    expect(Array.from(scored.columns.totalInvestment as Float64Array)).toEqual([5e7, 12000]);
  });
});

describe("explanations show the unit, its source, and mark guesses", () => {
  test("a bare amount under a unit row names the row; one in an assumed unit is marked ?", () => {
    const { sheet, table, mapping } = open([
      ["单位：万元"],
      ["项目名称", "总投资", "注册资本"],
      ["甲", 40000, 300],
    ]);
    const s = scoreTable(toCandidateTable(sheet, table, mapping), compiled);
    const ex = explain(s, 0);
    const inv = ex.criteria.find((c) => c.raw === 40000 || c.raw === 5000)!;
    expect(inv.used.zh).toBe("40000 → 40 000 万元");
    expect(inv.note?.zh).toContain("裸数按单位行 A1的单位（万元）读取");
  });

  test("with no unit anywhere the reading is marked ? and says the unit is assumed", () => {
    const { sheet, table, mapping } = open([
      ["项目名称", "总投资"],
      ["甲", 5000],
    ]);
    const ex = explain(scoreTable(toCandidateTable(sheet, table, mapping), compiled), 0);
    const inv = ex.criteria.find((c) => c.raw === 40000 || c.raw === 5000)!;
    expect(inv.used.en).toBe("? 5000 → CNY 5,000 (×10k)");
    expect(inv.note?.en).toContain("an assumed unit");
  });
});

describe("percent columns", () => {
  test("3.5 is 3.5%, and over 100% is unreadable", () => {
    const { mapping } = open(BUREAU);
    const rd = col(mapping, "rdShare");
    expect(rd.unit).toMatchObject({ label: { zh: "%" }, source: "rule" });
    expect(rd.firstUnreadable.map((u) => u.address)).toEqual(["F6"]);
    // The message names the field's range, which is model data (fields[].range).
    expect(rd.firstUnreadable[0].reason).toEqual({
      zh: "研发投入占比 120% 超过允许的上限 100%",
      en: "R&D share of revenue 120% is above the allowed maximum 100%",
    });
  });

  test("a growth rate may exceed 100%; a fall below −100% is an error that says why, in the explanation too", () => {
    const { sheet, table, mapping } = open([
      ["项目名称", "总投资（万元）", "营收增长率"],
      ["甲", 1, "150%"],
      ["乙", 1, "-120%"],
    ]);
    const growth = col(mapping, "revenueGrowth");
    expect(growth.firstUnreadable).toEqual([
      {
        address: "C3",
        reason: {
          zh: "营收增长率 -120% 低于允许的下限 -100%",
          en: "Revenue growth -120% is below the allowed minimum -100%",
        },
      },
    ]);
    const scored = scoreTable(toCandidateTable(sheet, table, mapping), compiled);
    expect(Array.from(scored.columns.revenueGrowth as Float64Array)).toEqual([1.5, NaN]);
    const used = explain(scored, 1).criteria.find((c) => c.criterion === "revenueGrowth")!.used;
    expect(used.zh).toBe("-120%：营收增长率 -120% 低于允许的下限 -100%");
  });

  test("a column whose values are all ≤ 1 is read as fractions, and says so", () => {
    const { sheet, table, mapping } = open([
      ["项目名称", "总投资（万元）", "研发投入占比"],
      ["甲", 1, 0.035],
      ["乙", 1, "0.2"],
    ]);
    expect(col(mapping, "rdShare").unit?.label.en).toBe("fraction (1 = 100%)");
    const scored = scoreTable(toCandidateTable(sheet, table, mapping), compiled);
    expect(Array.from(scored.columns.rdShare as Float64Array)).toEqual([0.035, 0.2]);
  });
});

describe("percent columns: the analyst's unit, or none to settle", () => {
  const grid: Grid = [
    ["项目名称", "总投资（万元）", "研发投入占比"],
    ["甲", 1, 0.5],
    ["乙", 1, "0.2"],
  ];

  test.each<[string, string, number[]]>([
    ["小数", "fraction (1 = 100%)", [0.5, 0.2]],
    ["fraction", "fraction (1 = 100%)", [0.5, 0.2]],
    [" 1 ", "fraction (1 = 100%)", [0.5, 0.2]],
    ["%", "%", [0.005, 0.002]],
    ["百分比", "%", [0.005, 0.002]],
  ])("the analyst's %s: %s", (unit, label, values) => {
    const { sheet, table, mapping } = open(grid, { rdShare: unit });
    expect(col(mapping, "rdShare").unit).toMatchObject({ label: { en: label }, source: "user" });
    const scored = scoreTable(toCandidateTable(sheet, table, mapping), compiled);
    expect(Array.from(scored.columns.rdShare as Float64Array)).toEqual(values);
  });

  test("without bare numbers there is nothing to settle: each cell reads by itself", () => {
    const { mapping } = open([
      ["项目名称", "总投资（万元）", "研发投入占比"],
      ["甲", 1, "3.5%"],
      ["乙", 1, null],
    ]);
    expect(col(mapping, "rdShare").unit).toBeUndefined();
  });
});

describe("cells no reader may turn into a value", () => {
  test("an Excel error, a formula without its result and a date in a number column are unreadable, with addresses", () => {
    const { mapping } = open(BUREAU);
    expect(col(mapping, "totalInvestment").firstUnreadable).toEqual([
      { address: "C5", reason: { zh: "Excel 错误值 #N/A", en: "the Excel error value #N/A" } },
    ]);
    expect(col(mapping, "registeredCapital").firstUnreadable[0].address).toBe("D5");
    expect(col(mapping, "registeredCapital").firstUnreadable[0].reason.en).toContain("formula");
    expect(col(mapping, "landArea").firstUnreadable[0]).toMatchObject({
      address: "E5",
      reason: { en: "a date is not a number" },
    });
  });

  test("the report prints each column's unit, its source, counts and first addresses", () => {
    const text = formatReadingReport(open(BUREAU).mapping.report ?? [], "en");
    expect(text).toContain(
      "C 总投资: unit CNY ×10k（unit row A2）; e.g. 40000; read 2, unreadable 1"
    );
    expect(text).toContain("! C5: the Excel error value #N/A");
  });
});

describe("cells read with a note are counted apart from cells read as written", () => {
  const NOTED: Grid = [
    ["项目名称", "总投资", "研发投入占比", "发明专利", "高新技术企业", "项目进度", "用地面积"],
    ["甲", "1500万美元", "3.5%", "5项", "是", "已签约", "80亩"],
    ["乙", "5000万元以上", "不低于3%", "十几项", "否（拟申报）", "停滞后重启", "100余亩"],
    ["丙", "约5亿（待定）", "3%~", "二十几项", "暂无", "土地已挂牌", "约100亩"],
    ["丁", "1-2亿", "10-15%", "几十项", "拟申报", "进展顺利", "60"],
  ];
  const counts = (r: ColumnReport) => [r.read, r.noted, r.guessed, r.missing, r.unreadable];

  test("bounds, ranges, approximations, doubts, 暂无 and 否（拟申报）, resumed or listed stages: each column counts them, with the first addresses", () => {
    const { mapping } = open(NOTED);
    expect(counts(col(mapping, "totalInvestment"))).toEqual([1, 3, 0, 0, 0]);
    expect(col(mapping, "totalInvestment").firstNoted.map((n) => n.address)).toEqual([
      "B3",
      "B4",
      "B5",
    ]);
    expect(counts(col(mapping, "rdShare"))).toEqual([1, 3, 0, 0, 0]);
    expect(counts(col(mapping, "patents"))).toEqual([1, 3, 0, 0, 0]);
    expect(counts(col(mapping, "highTech"))).toEqual([2, 2, 0, 0, 0]);
    expect(col(mapping, "highTech").firstNoted.map((n) => n.address)).toEqual(["E3", "E4"]);
    // 60 with no unit anywhere takes the model's 亩: a guess, counted as such, not as a note.
    expect(counts(col(mapping, "landArea"))).toEqual([1, 2, 1, 0, 0]);
    const stage = col(mapping, "stage");
    expect(counts(stage)).toEqual([1, 2, 0, 0, 1]);
    expect(stage.firstUnreadable[0]).toEqual({
      address: "F5",
      reason: {
        zh: "“进展顺利”未写出模型的任何进度（对接、洽谈、签约、注册、供地、开工、投产、停滞/终止）",
        en: '"进展顺利" names none of the model\'s stages (Contact, Negotiating, Signed, Registered, Land supplied, Construction started, In production, Dropped or on hold)',
      },
    });
  });

  test("the note counted is the one the explanation (说明) shows", () => {
    const { sheet, table, mapping } = open(NOTED);
    const s = scoreTable(toCandidateTable(sheet, table, mapping), compiled);
    const rd = col(mapping, "rdShare").firstNoted[0];
    expect(rd).toEqual({
      address: "C3",
      note: {
        zh: "读作下限：不少于 3%；单边界，取界值本身",
        en: "read as at least 3%; one-sided bound, used the bound itself",
      },
    });
    expect(explain(s, 1).criteria.find((c) => c.raw === "不低于3%")?.note).toEqual(rd.note);
    const answer = col(mapping, "highTech").firstNoted[0];
    expect(answer.note.zh).toBe(
      "“否（拟申报）”读作“意向”：写了“否”，并写明已申请或打算申请（同“拟申报”“已申报”）"
    );
    expect(explain(s, 1).criteria.find((c) => c.raw === "否（拟申报）")?.note).toEqual(answer.note);
    // An amount under a column with no unit anywhere: the note names where its currency came from,
    // the model's default, as the explanation does.
    const range = col(mapping, "totalInvestment").firstNoted[2];
    expect(range.address).toBe("B5");
    expect(range.note.zh).toContain("币种按模型默认，假定（元）");
    expect(explain(s, 3).criteria.find((c) => c.raw === "1-2亿")?.note).toEqual(range.note);
    const resumed = col(mapping, "stage").firstNoted[0];
    expect(resumed.address).toBe("F3");
    expect(explain(s, 1).notes).toContainEqual(resumed.note);
  });

  test("the printed report gives the counts and each noted cell's address with its note", () => {
    const text = formatReadingReport(open(NOTED).mapping.report ?? [], "zh");
    expect(text).toContain("已读 1，带说明 3\n");
    expect(text).toContain("    ~ C3: 读作下限：不少于 3%；单边界，取界值本身");
    expect(text).toContain("    ~ C4: 读作下限：不少于 3%；单边界，取界值本身");
    expect(text).toContain("    ~ D3: 读作区间 10–20（约数）；取中值 15");
    expect(text).toContain("    ! F5: “进展顺利”未写出模型的任何进度");
  });
});

describe("a yes/no role column (是否链主): how each cell reads, in the report", () => {
  const { mapping } = open([
    ["项目名称", "所属产业链", "是否链主"],
    ["甲", "新能源汽车", "是"],
    ["乙", "新能源汽车", "否"],
    ["丙", "新能源汽车", "关键环节"],
    ["丁", "新能源汽车", "拟培育"],
    ["戊", "新能源汽车", null],
    ["己", "新能源汽车", "√"],
    ["庚", "新能源汽车", "重要"],
  ]);

  test("a yes and a no are read with their note, a role as written, an intention or other text unread", () => {
    const c = col(mapping, "chainRole");
    expect([c.read, c.noted, c.guessed, c.missing, c.unreadable]).toEqual([1, 3, 0, 1, 2]);
    expect(c.firstNoted).toEqual([
      { address: "C2", note: { zh: "本列问是否链主，“是”读作链主", en: expect.any(String) } },
      {
        address: "C3",
        note: { zh: "本列问是否链主，“否”：不是链主，链上定位未写", en: expect.any(String) },
      },
      { address: "C7", note: expect.objectContaining({ zh: "本列问是否链主，“√”读作链主" }) },
    ]);
    expect(c.firstUnreadable.map((u) => [u.address, u.reason.zh])).toEqual([
      ["C5", "本列问是否链主，“拟培育”是意向，不是已有的链上定位，未读取"],
      [
        "C8",
        "本列问是否链主，“重要”既不是“是/否”，也未写出模型的链上定位（链主、关键环节、上下游重点配套、一般配套），未读取",
      ],
    ]);
    expect(formatReadingReport(mapping.report!, "zh").split("\n").slice(3, 6)).toEqual([
      "  C 是否链主: 例 是; 已读 1，带说明 3，空缺 1，无法读取 2",
      "    ~ C2: 本列问是否链主，“是”读作链主",
      "    ~ C3: 本列问是否链主，“否”：不是链主，链上定位未写",
    ]);
  });

  test("a 链上定位 column: roles held read, 非链主 is none with a note, 拟培育链主 and 是 are flagged", () => {
    const { mapping: plain } = open([
      ["项目名称", "链上定位"],
      ["甲", "链主"],
      ["乙", "是"],
      ["丙", "非链主"],
      ["丁", "拟培育链主"],
    ]);
    const c = col(plain, "chainRole");
    expect([c.read, c.noted, c.unreadable]).toEqual([1, 1, 2]);
    expect(c.firstNoted).toEqual([
      { address: "B4", note: { zh: "“非链主”：链上定位未写", en: `"非链主": no role written` } },
    ]);
    expect(c.firstUnreadable.map((u) => [u.address, u.reason.zh])).toEqual([
      ["B3", "“是”未写出模型的链上定位（链主、关键环节、上下游重点配套、一般配套），未读取"],
      ["B5", "“拟培育链主”是意向，不是已有的链上定位，未读取"],
    ]);
  });
});
