/**
 * A battery of the ways analysts write headcounts, shares, land areas, dates and yes/no answers in
 * their lists, each read through the path hosts use (a sheet located and mapped, its reading report)
 * and checked for the value scoring reads and how the report counts the cell: read as written, read
 * with a note (the note, exactly), missing, or unreadable (the reason, quoting the cell). Nothing is
 * read as a quiet guess, and nothing unreadable becomes 0.
 */
import pinghu from "../../src/models/pinghu-2023.json";
import { loadModel } from "../../src/engine";
import { readFieldNumber } from "../../src/engine/model/fields";
import { locateTable } from "../../src/workbook/table";
import { mapColumns } from "../../src/workbook/mapping";
import type { CellValue } from "../../src/engine/types";

// The default model has no headcount field; lists often carry one (用工人数, 新增就业).
const model = loadModel({
  ...pinghu,
  fields: [
    ...pinghu.fields,
    {
      id: "employees",
      type: "number",
      unit: "人",
      range: { min: 0 },
      label: { zh: "员工人数", en: "Employees" },
      aliases: ["员工人数", "用工人数", "就业人数"],
    },
  ],
});

/** How a cell reads: "read", "missing", the note of a cell read with one, or "! " and why it is unreadable. */
type How = string;
/** [cell, value scoring reads (a date as its ISO day), how the report counts it]. */
type Row = [CellValue, number | string, How];

function readCell(header: string, cell: CellValue): { value: number; how: How } {
  const sheet = {
    name: "清单",
    grid: [
      ["项目名称", header],
      ["甲", cell],
    ],
  };
  const located = locateTable(sheet, model);
  if (!located.ok) throw new Error(located.message.en);
  const mapping = mapColumns(located.table.headers, model, {}, [], { sheet, table: located.table });
  const m = mapping.mapped.find((x) => x.column === 1)!;
  const field = model.fields.find((f) => f.id === m.field)!;
  const r = mapping.report!.find((x) => x.column === 1)!;
  const how =
    r.noted > 0
      ? r.firstNoted[0].note.zh
      : r.unreadable > 0
        ? `! ${r.firstUnreadable[0].reason.zh}`
        : r.missing > 0
          ? "missing"
          : "read";
  return { value: readFieldNumber(cell, field, m.context, model), how };
}

const serial = (iso: string): number =>
  (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86400000;

function check(header: string, rows: Row[]): void {
  test.each(rows)(`${header}: %p reads %p (%s)`, (cell, value, how) => {
    const read = readCell(header, cell);
    expect(read.how).toBe(how);
    const expected = typeof value === "string" ? serial(value) : value;
    if (Number.isNaN(expected)) expect(read.value).toBeNaN();
    else expect(read.value).toBeCloseTo(expected, 12);
  });
}

const RANGE = (lo: number | string, hi: number | string, mid: number | string, vague = true) =>
  `读作区间 ${lo}–${hi}${vague ? "（约数）" : ""}；取中值 ${mid}`;
const ABOUT = (v: number | string) => `读作约数 ${v}，按该数取值`;
const AT_LEAST = (v: number | string) => `读作下限：不少于 ${v}；单边界，取界值本身`;
const AT_MOST = (v: number | string) => `读作上限：不超过 ${v}；单边界，取界值本身`;
const DOUBT = (mark: string) => `“${mark}”表示数未定或存疑，按所写的数读取`;

describe("headcount", () => {
  check("员工人数", [
    ["300人", 300, "read"],
    ["三百人", 300, "read"],
    ["300名", 300, "read"],
    ["千人", 1000, "read"],
    ["1.2万", 12000, "read"],
    ["约300人", 300, ABOUT(300)],
    ["300人左右", 300, ABOUT(300)],
    ["百来人", 100, ABOUT(100)],
    ["千把人", 1000, ABOUT(1000)],
    ["十来人", 10, ABOUT(10)],
    ["上百人", 100, AT_LEAST(100)],
    ["过百人", 100, AT_LEAST(100)],
    ["上千人", 1000, AT_LEAST(1000)],
    ["近千人", 1000, AT_MOST(1000)],
    ["1000+", 1000, AT_LEAST(1000)],
    ["300人以上", 300, AT_LEAST(300)],
    ["不少于300人", 300, AT_LEAST(300)],
    ["几十人", 55, RANGE(10, 100, 55)],
    ["数百人", 550, RANGE(100, 1000, 550)],
    ["十几个人", 15, RANGE(10, 20, 15)],
    ["300多人", 350, RANGE(300, 400, 350)],
    ["两三百人", 250, RANGE(200, 300, 250)],
    ["三五十人", 40, RANGE(30, 50, 40)],
    ["200-300人", 250, RANGE(200, 300, 250, false)],
    ["300人？", 300, DOUBT("？")],
    ["300人（一期）", 300, "忽略括号内“一期”"],
    ["暂无", NaN, "missing"],
    ["—", NaN, "missing"],
    // Two figures, or a label before the figure: unreadable, never one of them.
    ["300至五百", NaN, "! “300至五百”无法读作员工人数"],
    ["300人，500人", NaN, "! “300人，500人”无法读作员工人数"],
    ["新增就业300人", NaN, "! “新增就业300人”无法读作员工人数"],
    // A planned headcount is the project's: read, noted (a plan of patents is none held: see 发明专利).
    ["预计300人", 300, "“预计”：所写是计划数，按此读取"],
    ["计划新增300人", 300, "“计划新增”：所写是计划数，按此读取"],
    ["无", 0, "“无”读作 0"],
    ["一期100人，二期200人", 300, "未写总数，读作分期合计（一期100人 + 二期200人）"],
    ["一期100人", 100, "只写了“一期100人”，按此读取"],
    ["5亩", NaN, "! “5亩”写的是面积单位（亩），员工人数不是面积"],
  ]);
});

describe("patents (things held)", () => {
  check("发明专利", [
    ["无", 0, "“无”读作 0"],
    ["没有", 0, "“没有”读作 0"],
    ["暂无", NaN, "missing"],
    // A plan to file patents holds none: unread, never the planned figure.
    ["计划5项", NaN, "! “计划5项”是计划数（“计划”），发明专利只计已有的"],
    ["预计新增20件", NaN, "! “预计新增20件”是计划数（“预计新增”），发明专利只计已有的"],
    ["一期5项", NaN, "! “一期5项”无法读作发明专利"],
  ]);
});

describe("ranks (no zero)", () => {
  // 无 is not ranked, not rank 0 (the best): unread.
  check("行业全球排名", [["无", NaN, "! “无”无法读作行业全球排名"]]);
});

describe("shares (percent columns)", () => {
  check("研发投入占比", [
    ["5%", 0.05, "read"],
    ["百分之三点五", 0.035, "read"],
    ["千分之五", 0.005, "read"],
    ["5‰", 0.005, "read"],
    ["3.5个百分点", 0.035, "read"],
    ["约百分之十", 0.1, ABOUT("10%")],
    ["百分之十左右", 0.1, ABOUT("10%")],
    ["近百分之二十", 0.2, AT_MOST("20%")],
    ["不低于百分之十五", 0.15, AT_LEAST("15%")],
    ["百分之五以上", 0.05, AT_LEAST("5%")],
    ["超过5%", 0.05, AT_LEAST("5%")],
    ["不到1%", 0.01, AT_MOST("1%")],
    ["百分之十几", 0.15, RANGE("10%", "20%", "15%")],
    ["百分之三四", 0.035, RANGE("3%", "4%", "3.5%")],
    ["百分之五到百分之八", 0.065, RANGE("5%", "8%", "6.5%", false)],
    ["百分之五至八", 0.065, RANGE("5%", "8%", "6.5%", false)],
    ["5%-8%", 0.065, RANGE("5%", "8%", "6.5%", false)],
    ["5%？", 0.05, DOUBT("？")],
    ["5%（2022年）", 0.05, "忽略括号内“2022年”"],
    // The column's own name before the figure labels it, as in amounts.
    ["研发占比5%", 0.05, "read"],
    ["研发投入占比：约5%", 0.05, ABOUT("5%")],
    // Used to read as at least 3% (the 五 dropped): two figures are no reading.
    ["3%至五", NaN, "! “3%至五”无法读作研发投入占比"],
    ["3%或5%", NaN, "! “3%或5%”无法读作研发投入占比"],
    ["无", NaN, "! “无”无法读作研发投入占比"],
    ["120%", NaN, "! 研发投入占比 120% 超过允许的上限 100%"],
  ]);
});

describe("land areas", () => {
  check("用地面积", [
    ["50亩", 50, "read"],
    ["五十亩地", 50, "read"],
    ["百亩", 100, "read"],
    ["2万平方米", 30, "read"],
    ["3公顷", 45, "read"],
    ["净用地50亩", 50, "read"],
    ["用地面积：3公顷", 45, "read"],
    ["约50亩", 50, ABOUT("50 亩")],
    ["百来亩", 100, ABOUT("100 亩")],
    ["上百亩", 100, AT_LEAST("100 亩")],
    ["近百亩", 100, AT_MOST("100 亩")],
    ["近百公顷", 1500, AT_MOST("1500 亩")],
    ["50余亩", 55, RANGE("50 亩", "60 亩", "55 亩")],
    ["八九十亩", 85, RANGE("80 亩", "90 亩", "85 亩")],
    ["80-100亩", 90, RANGE("80 亩", "100 亩", "90 亩", false)],
    ["50亩？", 50, DOUBT("？")],
    ["约50亩（待定）", 50, `${ABOUT("50 亩")}；忽略括号内“待定”`],
    // Used to be dropped unsaid.
    ["80亩，另租厂房", 80, "忽略“另租厂房”"],
    ["一期30亩，二期20亩", 50, "未写总数，读作分期合计（一期30亩 + 二期20亩）"],
    ["一期30亩、二期20亩，共60亩", 60, "取总数，分期（一期30亩、二期20亩）不另计"],
    ["一期30亩，二期40亩，共50亩", NaN, "! “一期30亩，二期40亩，共50亩”无法读作用地面积"],
    ["拟用地80亩", 80, "“拟”：所写是计划数，按此读取"],
    ["首期30亩", 30, "只写了“首期30亩”，按此读取"],
    // 新增用地 names the land (a reading already): no plan noted.
    ["新增用地50亩", 50, "read"],
    ["无", NaN, "missing"],
    // A leased or existing plant: no land of its own, a blank (the explanation says why).
    ["租赁厂房", NaN, "missing"],
    ["租赁标准厂房2万平方米", NaN, "missing"],
    ["利用现有厂房", NaN, "missing"],
    ["无新增用地", NaN, "missing"],
    ["新增用地50亩，利用现有厂房", 50, "忽略“利用现有厂房”"],
    ["租赁厂房2万平方米，用地待定", NaN, "! “租赁厂房2万平方米，用地待定”无法读作用地面积"],
  ]);
});

describe("dates", () => {
  check("签约日期", [
    ["2023-03-03", "2023-03-03", "read"],
    ["2023年3月3日", "2023-03-03", "read"],
    ["2023年3月3号", "2023-03-03", "read"],
    ["2023.3.3", "2023-03-03", "read"],
    ["20230303", "2023-03-03", "read"],
    [20230303, "2023-03-03", "read"],
    ["二〇二三年三月三日", "2023-03-03", "read"],
    ["23年3月3日", "2023-03-03", "“23年”读作 2023 年"],
    ["2023年3月", "2023-03-16", RANGE("2023-03-01", "2023-03-31", "2023-03-16", false)],
    ["2023-03", "2023-03-16", RANGE("2023-03-01", "2023-03-31", "2023-03-16", false)],
    ["2023年3月上旬", "2023-03-05", RANGE("2023-03-01", "2023-03-10", "2023-03-05", false)],
    ["2023年3月底", "2023-03-26", RANGE("2023-03-21", "2023-03-31", "2023-03-26", false)],
    ["2025年底", "2025-12-16", RANGE("2025-12-01", "2025-12-31", "2025-12-16", false)],
    ["2024年一季度", "2024-02-15", RANGE("2024-01-01", "2024-03-31", "2024-02-15", false)],
    ["2024年Q1", "2024-02-15", RANGE("2024-01-01", "2024-03-31", "2024-02-15", false)],
    ["2024年上半年", "2024-03-31", RANGE("2024-01-01", "2024-06-30", "2024-03-31", false)],
    ["2023年3月中下旬", "2023-03-21", RANGE("2023-03-11", "2023-03-31", "2023-03-21", false)],
    ["2023年度", "2023-07-02", RANGE("2023-01-01", "2023-12-31", "2023-07-02", false)],
    // From one date to another; the high end may leave out the year (and month) the low end gave.
    ["2023年3-6月", "2023-04-30", RANGE("2023-03-01", "2023-06-30", "2023-04-30", false)],
    ["2023年3月1-5日", "2023-03-03", RANGE("2023-03-01", "2023-03-05", "2023-03-03", false)],
    ["2023.3-2023.6", "2023-04-30", RANGE("2023-03-01", "2023-06-30", "2023-04-30", false)],
    ["2023-2025年", "2024-07-01", RANGE("2023-01-01", "2025-12-31", "2024-07-01", false)],
    ["2023年6-3月", NaN, "! “2023年6-3月”无法读作签约日期（日期）"],
    ["2023年", "2023-07-02", RANGE("2023-01-01", "2023-12-31", "2023-07-02", false)],
    [2023, "2023-07-02", RANGE("2023-01-01", "2023-12-31", "2023-07-02", false)],
    ["2025年底前", "2025-12-31", AT_MOST("2025-12-31")],
    ["2025年内", "2025-12-31", AT_MOST("2025-12-31")],
    ["2024年以后", "2024-01-01", AT_LEAST("2024-01-01")],
    ["2023年3月前后", "2023-03-16", ABOUT("2023-03-16")],
    ["待定", NaN, "missing"],
    // Used to count as read while scoring had no date: now unreadable, saying why.
    [
      "明年一季度",
      NaN,
      "! “明年一季度”是相对的日期，表格没有写明是哪一年写的，无法读取；请写明年份（如 2025年一季度）",
    ],
    ["3月3日", NaN, "! “3月3日”没有写年份，无法读作签约日期"],
    ["2023-02-30", NaN, "! “2023-02-30”无法读作签约日期（日期）"],
    ["已签约", NaN, "! “已签约”无法读作签约日期（日期）"],
    // The column's own event around the date is left out, said; another event is no signing date.
    ["2023年3月3日签约", "2023-03-03", "略去“签约”，按日期读取"],
    ["已于2023年3月3日正式签约", "2023-03-03", "略去“已于”“正式签约”，按日期读取"],
    [
      "2025年底前签约",
      "2025-12-31",
      "略去“签约”，按日期读取；读作上限：不超过 2025-12-31；单边界，取界值本身",
    ],
    [
      "计划2024年3月签约",
      "2024-03-16",
      "“计划”：所写是计划日期，按此读取；略去“签约”，按日期读取；读作区间 2024-03-01–2024-03-31；取中值 2024-03-16",
    ],
    ["2023年5月开工", NaN, "! “2023年5月开工”写的是开工的日期，不是签约日期"],
    [
      "2023年3月3日签约，2024年投产",
      NaN,
      "! “2023年3月3日签约，2024年投产”无法读作签约日期（日期）",
    ],
  ]);
});

describe("yes/no answers in words", () => {
  const LAPSED = (t: string) => `“${t}”读作“否”：资格已过期、被取消或只是曾经具备`;
  check("高新技术企业", [
    ["是", 1, "read"],
    ["有", 1, "read"],
    ["已认定", 1, "read"],
    ["是（有效期至2025年）", 1, "read"],
    ["国家高新", 1, "read"],
    ["省高新", 1, "read"],
    ["√", 1, "read"],
    ["Y", 1, "read"],
    ["否", 0, "read"],
    ["无", 0, "read"],
    ["不是", 0, "read"],
    ["×", 0, "read"],
    ["暂无", 0, "“暂无”读作“否”：尚未具备，不是缺数据"],
    // Used to read as yes (已 …, or the column's name): held once is not held now.
    ["已过期", 0, LAPSED("已过期")],
    ["到期未复审", 0, LAPSED("到期未复审")],
    ["原高新企业", 0, LAPSED("原高新企业")],
    ["曾是", 0, LAPSED("曾是")],
    ["正在申报", 0.5, "read"],
    ["拟申请", 0.5, "read"],
    ["复审中", 0.5, "read"],
    ["待复审", 0.5, "read"],
    // In the cultivation pool: a candidate, not certified (已入库 used to read as yes, from its 已).
    ["已入库", 0.5, "read"],
    ["省级", 1, "“省级”读作“是”：写的是认定的级别"],
    // Both answers offered (used to read as yes).
    ["是/否", NaN, "! “是/否”无法读作高新技术企业"],
    ["是否高新", NaN, "! “是否高新”无法读作高新技术企业"],
    ["○", NaN, "! “○”无法读作高新技术企业"],
  ]);
  check("世界500强", [
    ["全球500强", 1, "read"],
    ["财富500强", 1, "read"],
    ["世界五百强", 1, "read"],
    ["入围", 1, "read"],
    ["未入围", 0, "read"],
    ["曾入选", 0, LAPSED("曾入选")],
    // Another list, or no list named: not this one.
    ["中国500强", NaN, "! “中国500强”无法读作世界500强"],
    ["500强", NaN, "! “500强”无法读作世界500强"],
  ]);
  check("重点排污单位", [
    ["列入", 1, "read"],
    ["属于", 1, "read"],
    ["不属于", 0, "read"],
  ]);
});
