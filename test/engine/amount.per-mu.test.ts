/**
 * Amounts counted per 亩 of land (ParseAmountOptions.perMu, FieldDef.per): 亩均税收, 亩均产出, 投资强度 as
 * 标准地 lists write them. Source of the conversion: 1 亩 = 10000/15 平方米 (666.67 m²), 1 公顷 = 15 亩.
 */
import { amountValue, AmountValueOut, AMOUNT_OK, parseAmount } from "../../src/engine/amount";
import { AmountContext, CellValue, ParseAmountOptions } from "../../src/engine/types";

const NAMES = ["亩均税收", "达产后亩均税收"];
const perMu = (context: Partial<AmountContext> = {}): ParseAmountOptions => ({
  context,
  names: NAMES,
  perMu: true,
  allowNegative: false,
});
const read = (cell: CellValue, context: Partial<AmountContext> = {}) => {
  const r = parseAmount(cell, perMu(context));
  return r.ok
    ? { value: r.value, bound: r.bound, note: r.note.zh }
    : { code: r.code, message: r.message.zh };
};

describe("a field counted per 亩 reads figures per 亩", () => {
  test.each([
    ["35万元/亩", { value: 350000, bound: "exact", note: "读作 35 万元" }],
    ["40万/亩", { value: 400000, bound: "exact", note: "读作 40 万元" }],
    ["35万元／亩", { value: 350000, bound: "exact", note: "读作 35 万元" }],
    ["35万元每亩", { value: 350000, bound: "exact", note: "读作 35 万元" }],
    ["亩均35万元", { value: 350000, bound: "exact", note: "读作 35 万元" }],
    ["亩均税收35万元", { value: 350000, bound: "exact", note: "读作 35 万元" }],
    [
      "≥35万元/亩",
      { value: 350000, bound: "atLeast", note: "读作下限：不少于 35 万元；单边界，取界值本身" },
    ],
    [
      "不低于35万元/亩",
      { value: 350000, bound: "atLeast", note: "读作下限：不少于 35 万元；单边界，取界值本身" },
    ],
    [
      "35万元/亩以上",
      { value: 350000, bound: "atLeast", note: "读作下限：不少于 35 万元；单边界，取界值本身" },
    ],
    [
      "30-40万元/亩",
      { value: 350000, bound: "range", note: "读作区间 30 万元–40 万元；取中值 35 万元" },
    ],
  ])("%s", (cell, want) => {
    expect(read(cell)).toEqual(want);
  });

  test("a figure per 平方米 or 公顷 is converted to per 亩, and the note gives the factor", () => {
    // 500 元/m² × 666.67 m²/亩 = 333 333 元/亩; 0.05亿元/公顷 ÷ 15 亩/公顷 = 333 333 元/亩.
    expect(read("500元/平方米")).toEqual({
      value: 500 / 0.0015,
      bound: "exact",
      note: "读作 33.3333 万元；每平方米的数按每亩折算（×666.67）",
    });
    expect(read("500元/㎡")).toMatchObject({ value: 500 / 0.0015 });
    expect(read("0.05亿元/公顷")).toEqual({
      value: 5e6 / 15,
      bound: "exact",
      note: "读作 33.3333 万元；每公顷的数按每亩折算（×0.066667）",
    });
    // The cell's own unit wins over the header's.
    expect(read("35万元/亩", { multiplier: 1, perArea: "平方米" })).toMatchObject({
      value: 350000,
    });
  });

  test("a bare number takes the header's unit and the land it is counted per", () => {
    expect(read(35, { multiplier: 1e4, perArea: "亩" })).toEqual({
      value: 350000,
      bound: "exact",
      note: "读作 35 万元；裸数按表头的单位（万元）读取",
    });
    // 亩均税收（元/平方米）: 600 元/m² is 40万元/亩 (a unit of 元 needs no note of its own).
    expect(read("600", { multiplier: 1, perArea: "平方米" })).toEqual({
      value: 400000,
      bound: "exact",
      note: "读作 40 万元；每平方米的数按每亩折算（×666.67）",
    });
  });

  test.each([
    ["人均税收5万元", "“人均”：写的是人均、单位能耗或每吨等的数，不是每亩的数"],
    ["35万元/人", "“/人”：写的是人均、单位能耗或每吨等的数，不是每亩的数"],
    ["2万元每吨", "“每吨”：写的是人均、单位能耗或每吨等的数，不是每亩的数"],
    ["单位能耗产出3万元", "“单位能耗”：写的是人均、单位能耗或每吨等的数，不是每亩的数"],
  ])("%s is refused: a figure per something other than land", (cell, why) => {
    expect(read(cell)).toEqual({
      code: "unreadable",
      message: `无法读取金额“${cell}”：${why}`,
    });
  });

  test("blanks and placeholders stay missing", () => {
    expect(read("待定")).toMatchObject({ code: "missing" });
    expect(read(null)).toMatchObject({ code: "missing" });
  });
});

describe("a field asking for a total refuses figures per 亩", () => {
  test("in the cell: 35万元/亩 and 亩均35万元 are no totals", () => {
    expect(parseAmount("35万元/亩").ok).toBe(false);
    expect(parseAmount("35万元/亩")).toMatchObject({
      code: "unreadable",
      message: { zh: "无法读取金额“35万元/亩”：写的是每亩的数（/亩），不是总额" },
    });
    expect(parseAmount("亩均35万元")).toMatchObject({
      message: { zh: "无法读取金额“亩均35万元”：“亩均”：写的是每亩、人均或单位的数，不是总额" },
    });
  });

  test("in the header: a column per 亩 mapped to a total reads none of its cells", () => {
    const context = { multiplier: 1e4, perArea: "亩" as const };
    for (const cell of [35, "35", "35万元"])
      expect(parseAmount(cell, { context })).toEqual({
        ok: false,
        input: String(cell),
        code: "unreadable",
        message: {
          zh: `无法读取金额“${cell}”：表头写的是每亩的数，不是总额`,
          en: `cannot read the amount "${cell}": the header gives a figure per 亩, not a total`,
        },
      });
    // Missing stays missing, so the criterion's missing rule applies, not an error.
    expect(parseAmount("-", { context })).toMatchObject({ ok: false, code: "missing" });
  });

  test("an unknown land unit in the options is dropped, as other invalid options are", () => {
    expect(parseAmount(35, { context: { multiplier: 1e4, perArea: "里" as never } })).toMatchObject(
      {
        ok: true,
        value: 350000,
      }
    );
  });
});

test("the batch reader gives the parser's value for every form per 亩 (it leaves them to the parser)", () => {
  const cells: CellValue[] = [
    35,
    "35",
    "35万元/亩",
    "≥35万元/亩",
    "500元/平方米",
    "亩均35万元",
    "35万元/人",
    "待定",
  ];
  const contexts: Partial<AmountContext>[] = [
    {},
    { multiplier: 1e4, perArea: "亩" },
    { multiplier: 1, perArea: "平方米" },
  ];
  for (const context of contexts)
    for (const flag of [true, false])
      for (const cell of cells) {
        const options: ParseAmountOptions = { context, perMu: flag, allowNegative: false };
        const r = parseAmount(cell, options);
        const out: AmountValueOut = { status: -1, currency: null, exact: false };
        const v = amountValue(cell, options, out);
        expect([cell, out.status === AMOUNT_OK, out.status === AMOUNT_OK ? v : null]).toEqual([
          cell,
          r.ok,
          r.ok ? r.value : null,
        ]);
      }
});
