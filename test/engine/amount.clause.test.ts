/**
 * Clauses after an amount (src/engine/amount/clause.ts): a breakdown (，其中…) or a remark that holds no
 * amount (，分两期建设) leaves the amount as written and is named in the note; a clause with an amount of
 * its own is still refused. Expected figures are read by hand from the text; every example is read under
 * the header context { multiplier: 1e4, currency: "CNY" } the brief probes with (万元 column).
 */
import fc from "fast-check";
import { amountValue, AmountValueOut, parseAmount } from "../../src/engine/amount";
import { AmountBound, AmountResult, CellValue, ParsedAmount } from "../../src/engine/types";
import {
  numberText,
  QUALIFIERS,
  singleAmountText,
  SUFFIX_CURRENCIES,
  UNITS,
  writeNumber,
} from "./amount.grammar";

const WAN_YUAN = { context: { multiplier: 1e4, currency: "CNY" as const } };

function ok(r: AmountResult): ParsedAmount {
  if (!r.ok) throw new Error(`expected an amount, got ${r.code}: ${r.message.en}`);
  return r;
}

describe("a breakdown after the amount is left out: the total is the amount before it", () => {
  test.each<[string, number, string]>([
    ["10亿元，其中固定资产投资8亿元", 1e9, "其中固定资产投资8亿元"],
    ["计划总投资5亿元，其中设备投资2亿元", 5e8, "其中设备投资2亿元"],
    ["1.5亿元,其中外资1000万美元", 1.5e8, "其中外资1000万美元"],
    ["10亿元;其中3亿", 1e9, "其中3亿"],
    ["10亿元；其中：一期3亿元", 1e9, "其中：一期3亿元"],
    ["10亿元、其中设备3亿元", 1e9, "其中设备3亿元"],
    ["3亿元 其中设备1亿元", 3e8, "其中设备1亿元"],
    ["3亿元。其中设备1亿元", 3e8, "其中设备1亿元"],
    ["10亿元 含土地款2亿", 1e9, "含土地款2亿"],
    ["8亿元，包括流动资金1亿元", 8e8, "包括流动资金1亿元"],
    ["8亿元，包含研发中心1.2亿元", 8e8, "包含研发中心1.2亿元"],
    ["8亿元，内含进口设备3000万美元", 8e8, "内含进口设备3000万美元"],
  ])("%s reads %d and names the breakdown", (text, value, clause) => {
    const r = ok(parseAmount(text, WAN_YUAN));
    expect([r.value, r.currency, r.bound]).toEqual([value, "CNY", "exact"]);
    expect(r.note.zh).toContain(`忽略分项“${clause}”`);
    expect(r.note.en).toContain(`ignored the breakdown "${clause}"`);
    expect(r.alternate).toBeUndefined();
  });

  test("the note quotes the text as written and says how the amount was read first", () => {
    const r = ok(parseAmount("１０亿元，其中设备３亿元"));
    expect(r.note).toEqual({
      zh: "读作 10 亿元；忽略分项“其中设备３亿元”",
      en: 'read as CNY 1 billion; ignored the breakdown "其中设备３亿元"',
    });
    // The normalized text is the amount alone and reads back to it.
    expect(r.normalized).toBe("10亿元");
  });

  test("an exclusion (不含/不包括) is a remark on what the amount covers", () => {
    const r = ok(parseAmount("5亿元，不含土地款", WAN_YUAN));
    expect(r.value).toBe(5e8);
    expect(r.note.zh).toContain("忽略附注“不含土地款”");
    expect(ok(parseAmount("5亿元不包括流动资金1亿元")).note.en).toContain(
      'ignored the remark "不包括流动资金1亿元"'
    );
  });

  test.each([
    ["1亿美元，折合人民币7亿元", "折合人民币7亿元"],
    ["1亿美元，约合7亿元人民币", "约合7亿元人民币"],
    ["1亿美元 相当于7亿元", "相当于7亿元"],
  ])(
    "a conversion after the amount (%s) is left out: the amount is the one written first",
    (text, clause) => {
      const r = ok(parseAmount(text, WAN_YUAN));
      expect([r.value, r.currency]).toEqual([1e8, "USD"]);
      expect(r.note.zh).toContain(`忽略换算“${clause}”`);
      expect(r.note.en).toContain(`ignored the conversion "${clause}"`);
    }
  );

  test("a range or a bound before the breakdown keeps its reading", () => {
    const r = ok(parseAmount("1-2亿元，其中一期5000万元"));
    expect([r.low, r.high, r.bound]).toEqual([1e8, 2e8, "range"]);
    const atLeast = ok(parseAmount("约5000万元以上，其中外资300万美元"));
    expect([atLeast.value, atLeast.bound]).toEqual([5e7, "atLeast"]);
  });

  test("含 that is no breakdown keeps its meaning: 含以上 is still at least, 含本数 inclusive", () => {
    expect(ok(parseAmount("50万元 含以上"))).toMatchObject({ value: 5e5, bound: "atLeast" });
    const inclusive = ok(parseAmount("5000万元含本数"));
    expect(inclusive.note.zh).toBe("读作 5 000 万元");
  });

  test("a breakdown word before any amount is unknown text, named", () => {
    const r = parseAmount("其中8亿元");
    expect(r).toMatchObject({ ok: false, code: "unreadable" });
    expect(!r.ok && r.message.zh).toContain("“其中”");
  });
});

describe("a remark whose numbers count things, not money, is left out", () => {
  test("before the amount only when a word, or a digit after a step of the schedule, opens the amount after it, which has its unit", () => {
    // 50亩 has no words: not a remark, so two figures (which the column's unit cannot tell apart).
    expect(parseAmount("50亩，5亿元", WAN_YUAN).ok).toBe(false);
    // A bare number after the remark may be the rest of a mistyped 100,000.
    expect(parseAmount("q超过qUSD 100项,000.100", WAN_YUAN).ok).toBe(false);
    expect(parseAmount("三年达产，8", WAN_YUAN).ok).toBe(false);
    // Nor when a digit follows the mark: １００，０００ with a typo before it is one number …
    expect(parseAmount("建设期2年，8亿元", WAN_YUAN).ok).toBe(false);
    expect(parseAmount("100项甲乙，000万元", WAN_YUAN).ok).toBe(false);
    // … unless a step of the schedule (达产, 投产, 建成 …) ends the remark.
    for (const [cell, remark] of [
      ["三年达产，8亿元", "三年达产"],
      ["两年内投产，8亿元", "两年内投产"],
      ["分两期建成，8亿元", "分两期建成"],
    ]) {
      const read = ok(parseAmount(cell, WAN_YUAN));
      expect([read.value, read.note.zh]).toEqual([8e8, `读作 8 亿元；忽略附注“${remark}”`]);
    }
    // The column's own label after the remark, as in a 达产营业额 column.
    const r = ok(
      parseAmount("三年达产，年产值8亿元", { ...WAN_YUAN, names: ["达产营业额", "年产值"] })
    );
    expect([r.value, r.note.zh]).toEqual([8e8, "读作 8 亿元；忽略附注“三年达产”"]);
  });

  test.each<[string, number, AmountBound, string]>([
    ["总投资约 12 亿元，分两期建设", 1.2e9, "approximate", "分两期建设"],
    ["总投资3亿元，分三期", 3e8, "exact", "分三期"],
    ["10亿元,分3期实施", 1e9, "exact", "分3期实施"],
    ["5亿元，共两期", 5e8, "exact", "共两期"],
    ["总投资3亿元，建设期2年", 3e8, "exact", "建设期2年"],
    ["5亿元，建设期约2年", 5e8, "exact", "建设期约2年"],
    ["5亿元，3个月", 5e8, "exact", "3个月"],
    ["5亿元，2024-2026年建设", 5e8, "exact", "2024-2026年建设"],
    ["总投资3亿元，新增用地80亩", 3e8, "exact", "新增用地80亩"],
    ["5亿元，年产5万吨", 5e8, "exact", "年产5万吨"],
    ["3亿元，100人", 3e8, "exact", "100人"],
    ["5亿元，不含土地款", 5e8, "exact", "不含土地款"],
    ["5亿元，用地50亩（约3.3万平方米）", 5e8, "exact", "用地50亩（约3.3万平方米）"],
    // Before the amount too: its counts are time, not money.
    ["建设期2年，总投资约8亿元", 8e8, "approximate", "建设期2年"],
    ["分两期建设，总投资12亿元", 1.2e9, "exact", "分两期建设"],
  ])("%s reads %d (%s) and names the remark", (text, value, bound, remark) => {
    const r = ok(parseAmount(text, WAN_YUAN));
    expect([r.value, r.currency, r.bound]).toEqual([value, "CNY", bound]);
    expect(r.note.zh).toContain(`忽略附注“${remark}”`);
    expect(r.note.en).toContain(`ignored the remark "${remark}"`);
  });

  test("a remark and then a breakdown are both named, in order", () => {
    const r = ok(parseAmount("12亿元，分两期建设，其中一期5亿元"));
    expect(r.value).toBe(1.2e9);
    expect(r.note.zh).toBe("读作 12 亿元；忽略附注“分两期建设”；忽略分项“其中一期5亿元”");
  });
});

/** The default model's names of its 总投资 and 注册资本 columns, as the scorer passes them (folded). */
const INVESTMENT = { ...WAN_YUAN, names: ["总投资", "计划总投资", "投资总额", "total investment"] };
const CAPITAL = { ...WAN_YUAN, names: ["注册资本", "注册资金", "registered capital"] };
const REVENUE = {
  ...WAN_YUAN,
  names: ["达产营业额", "达产后营业额", "达产后年产值", "年产值", "年销售收入"],
};

describe("a total followed by phase figures reads as the total; the phases are named", () => {
  test.each<[string, number, string[]]>([
    ["10亿元，一期3亿元", 1e9, ["一期3亿元"]],
    ["10亿元，一期3亿元，二期7亿元", 1e9, ["一期3亿元", "二期7亿元"]],
    ["总投资10亿元；首期：4亿元", 1e9, ["首期：4亿元"]],
    ["约12亿元，分两期建设，一期5亿元", 1.2e9, ["一期5亿元"]],
  ])("%s reads %d", (text, value, phases) => {
    for (const options of [WAN_YUAN, INVESTMENT, CAPITAL]) {
      const r = ok(parseAmount(text, options));
      expect(r.value).toBe(value);
      for (const p of phases) {
        expect(r.note.zh).toContain(`忽略分期“${p}”`);
        expect(r.note.en).toContain(`ignored the phase figure "${p}"`);
      }
    }
  });

  test("with 其中 the phases are a breakdown (named once, from 其中 on)", () => {
    const r = ok(parseAmount("总投资10亿元，其中一期3亿元，二期7亿元", INVESTMENT));
    expect(r.value).toBe(1e9);
    expect(r.note.zh).toContain("忽略分项“其中一期3亿元，二期7亿元”");
  });

  test("phases first and then the column's total: the total (its label names the column)", () => {
    const r = ok(parseAmount("一期3亿元，总投资10亿元", INVESTMENT));
    expect(r.value).toBe(1e9);
    expect(r.note.zh).toContain("忽略分期“一期3亿元”");
  });

  test("phases first and then 合计: the total", () => {
    const r = ok(parseAmount("一期3亿元，合计10亿元", WAN_YUAN));
    expect(r.value).toBe(1e9);
  });

  test("a phase figure alone is read as written, and the note says it is only that phase", () => {
    const r = ok(parseAmount("一期：3亿元", INVESTMENT));
    expect(r.value).toBe(3e8);
    expect(r.ignored).toBe(true); // shown in explanations
    expect(r.note.zh).toBe("读作 3 亿元；只写了“一期”的金额，按此读取");
    expect(r.note.en).toContain('only the figure of "一期" is written');
    expect(ok(parseAmount("一期1350万欧元")).note.zh).toContain("只写了“一期”的金额");
  });

  test("phases with no total read as their sum, and the note says it is a sum", () => {
    const r = ok(parseAmount("一期5亿，二期8亿", INVESTMENT));
    expect(r).toMatchObject({ value: 13e8, bound: "exact", ignored: true });
    expect(r.note.zh).toBe(
      "读作 13 亿元；币种按表头（元）；未写总额，读作分期合计（一期5亿 + 二期8亿）"
    );
    expect(r.note.en).toContain(
      "no total written: read as the sum of the phases (一期5亿 + 二期8亿)"
    );
    const three = ok(parseAmount("一期投资3亿元、二期5亿元，三期2亿元", INVESTMENT));
    expect(three.value).toBe(10e8);
    expect(three.note.zh).toContain("（一期投资3亿元 + 二期5亿元 + 三期2亿元）");
  });

  test("phases add their ranges and bounds: a range stays a range, about and at least give at least", () => {
    expect(ok(parseAmount("一期3-5亿元，二期2亿元", INVESTMENT))).toMatchObject({
      bound: "range",
      low: 5e8,
      high: 7e8,
      value: 6e8,
    });
    expect(ok(parseAmount("一期约3亿元，二期5亿元以上", INVESTMENT))).toMatchObject({
      bound: "atLeast",
      value: 8e8,
    });
    expect(ok(parseAmount("一期约3亿元，二期5亿元", INVESTMENT))).toMatchObject({
      bound: "approximate",
      value: 8e8,
    });
  });

  test("phases that cannot be added are refused, saying why", () => {
    const cases: [string, string, string][] = [
      ["一期5亿，8亿", "只写了分期金额（“一期5亿”“8亿”），没有总额", "no total"],
      [
        "一期3亿元，二期5000万美元",
        "分期金额币种不同（CNY、USD），不能相加",
        "different currencies (CNY, USD)",
      ],
      [
        "一期3亿元以上，二期不超过5亿元",
        "分期金额一个是下限、一个是上限，合计无法确定",
        "their sum is not settled",
      ],
      [
        "一期3亿元，二期6亿元，共8亿元",
        "各分期金额合计大于总额，不知哪个是总额",
        "add up to more than the total",
      ],
    ];
    for (const [text, zh, en] of cases) {
      const r = parseAmount(text, INVESTMENT);
      expect(r).toMatchObject({ ok: false, code: "ambiguous" });
      expect(!r.ok && r.message.zh).toBe(`无法读取金额“${text}”：${zh}`);
      expect(!r.ok && r.message.en).toContain(en);
    }
  });

  test("a total after several phases is read, every phase named; it may exceed their sum (a phase unlisted)", () => {
    const r = ok(parseAmount("一期3亿元，二期5亿元，共8亿元", INVESTMENT));
    expect(r.value).toBe(8e8);
    expect(r.note.zh).toBe("读作 8 亿元；忽略分期“一期3亿元，二期5亿元”");
    expect(ok(parseAmount("一期3亿元，二期5亿元，总投资10亿元", INVESTMENT)).value).toBe(10e8);
  });

  test("a phase figure above the figure before it: that figure is no total", () => {
    const r = parseAmount("5亿元，二期8亿元", INVESTMENT);
    expect(r).toMatchObject({ ok: false, code: "ambiguous" });
    expect(!r.ok && r.message.en).toContain('the phase figure "二期8亿元" is above the total');
    expect(ok(parseAmount("5亿元，二期5亿元", INVESTMENT)).value).toBe(5e8);
  });
});

describe("a figure labelled as another item: the column's own figure is read", () => {
  test("in an investment column 总投资 is read and 注册资本 named", () => {
    const r = ok(parseAmount("总投资10亿元，注册资本1亿元", INVESTMENT));
    expect(r.value).toBe(1e9);
    expect(r.note.zh).toBe("读作 10 亿元；忽略另一项的金额“注册资本1亿元”");
    expect(r.note.en).toContain('ignored the figure of another item "注册资本1亿元"');
  });

  test("到资, 到位 in a label are words, not 到 joining a range: 实际到资1200万美元 in a 实际到资 column", () => {
    const utilised = { ...WAN_YUAN, names: ["实际利用外资", "实际到资", "到资", "到位外资"] };
    for (const text of [
      "到资1200万美元",
      "实际到资1200万美元",
      "已到资1200万美元",
      "到位外资1200万美元",
    ])
      expect(ok(parseAmount(text, utilised))).toMatchObject({ value: 1.2e7, currency: "USD" });
    // 到 between figures still joins a range.
    expect(ok(parseAmount("1000到1200万美元", utilised))).toMatchObject({
      low: 1e7,
      high: 1.2e7,
      bound: "range",
    });
  });

  test("in a 注册资本 column the same cell reads 1亿 and names the investment", () => {
    const r = ok(parseAmount("总投资10亿元，注册资本1亿元", CAPITAL));
    expect(r.value).toBe(1e8);
    expect(r.note.zh).toBe("读作 1 亿元；忽略“总投资10亿元”（不是本列的项目）");
    expect(r.note.en).toContain(`ignored "总投资10亿元" (another item than this column's)`);
  });

  test("a breakdown labelled as the column's item is the column's figure (其中注册资本 in a 注册资本 column)", () => {
    const text = "总投资1亿美元，其中注册资本4000万美元";
    const cap = ok(parseAmount(text, CAPITAL));
    expect([cap.value, cap.currency]).toEqual([4e7, "USD"]);
    expect(cap.note.zh).toBe("读作 4 000 万美元；忽略“总投资1亿美元”（不是本列的项目）");
    expect(ok(parseAmount(text, INVESTMENT)).value).toBe(1e8);
    expect(ok(parseAmount(text, WAN_YUAN)).value).toBe(1e8);
  });

  test.each<[string, number]>([
    ["10亿元，注册资本1亿元", 1e9], // the unlabelled first figure
    ["计划投资5亿元，年产值20亿元", 5e8], // 计划投资 names the column (投资)
    ["3亿元，投产后年税收2000万", 3e8],
  ])("%s reads %d in an investment column", (text, value) => {
    const r = ok(parseAmount(text, INVESTMENT));
    expect(r.value).toBe(value);
    expect(r.note.zh).toContain("忽略另一项的金额");
  });

  test("with the column unknown (ZS.AMOUNT) the first of two differently labelled figures, named", () => {
    const r = ok(parseAmount("总投资10亿元，年产值20亿元", WAN_YUAN));
    expect(r.value).toBe(1e9);
    expect(r.note.zh).toContain("忽略另一项的金额“年产值20亿元”");
  });

  test.each([
    ["总投资10亿元，年产值20亿元", CAPITAL, "neither is this column's"],
    ["总投资10亿元，总投资12亿元", WAN_YUAN, "the same item twice"],
    ["注册资本1亿元，注册资金2亿元", CAPITAL, "two figures of the column's own item"],
    ["年产值2亿元，达产后10亿元", REVENUE, "年产值 may be at full production too"],
  ])("%s is refused: %s", (text, options) => {
    expect(parseAmount(text, options)).toMatchObject({ ok: false, code: "ambiguous" });
  });

  test.each<[string, string]>([
    ["首年产值2亿元，达产后10亿元", "首年产值2亿元"],
    ["达产后年产值10亿元，首年产值2亿元", "首年产值2亿元"],
    ["投产当年产值2亿元，达产后年产值10亿元", "投产当年产值2亿元"],
    ["首年产值2亿元；满产后年产值10亿元", "首年产值2亿元"],
  ])(
    "in a 达产营业额 column the figure at full production is read, the earlier one named: %s",
    (text, early) => {
      const r = ok(parseAmount(text, REVENUE));
      expect([r.value, r.note.zh]).toEqual([1e9, `读作 10 亿元；忽略“${early}”（不是达产后的数）`]);
      expect(r.note.en).toContain(`ignored "${early}" (not the figure at full production)`);
    }
  );
});

describe("a clause with an amount and no label is still refused (amounts are never summed)", () => {
  test.each([
    "5亿元，3000",
    "5亿元，3个亿", // 个 before 亿 is part of an amount, not a counter
    "5亿元，十个亿",
    "5亿元，合计10亿元", // 合计 is no conversion word
    "5亿元，3台币", // 台 is a counter, 台币 a currency
  ])("%s is ambiguous", (text) => {
    const r = parseAmount(text, WAN_YUAN);
    expect(r).toMatchObject({ ok: false, code: "ambiguous" });
    expect(!r.ok && r.message.en).toContain("none labelled as this column's");
  });

  test.each(["1500万或2000万", "5亿元/8亿元", "5亿元／8亿元", "1500万 or 2000万"])(
    "%s is refused because the figures are alternatives",
    (text) => {
      const r = parseAmount(text, INVESTMENT);
      expect(r).toMatchObject({ ok: false, code: "ambiguous" });
      expect(!r.ok && r.message.zh).toContain("是二选一");
      expect(!r.ok && r.message.en).toContain("are alternatives");
    }
  );

  test.each([
    ["5亿元，以上", "a bound alone would change the amount before it"],
    ["5亿元，约", "so would 约"],
    ["5亿元，上下浮动", "a qualifier with no count beside it may qualify the amount"],
    ["5亿元，万", "and a unit"],
    ["1500，分两期", "a bare number may take its unit from the clause"],
    ["USD 1，5项", "USD 1 with 5项 may be a mistyped 1,5xx"],
  ])("%s is not a remark: %s", (text) => {
    expect(parseAmount(text, WAN_YUAN).ok).toBe(false);
  });

  test("a remark needs punctuation before it: after a space it is unknown text", () => {
    // "15m 待批" could be a mistyped unit ("15 qm" is not "15 m"); only 其中/含/… open a clause there.
    expect(parseAmount("1500万美元 待批")).toMatchObject({ ok: false, code: "unreadable" });
  });
});

describe("a bracketed part or other figure is not the amount restated", () => {
  test.each([
    ["总投资10亿元（一期3亿元）", 1e9, "一期3亿元"],
    ["5亿元（首期2亿元）", 5e8, "首期2亿元"],
    ["5亿元（含1亿元）", 5e8, "含1亿元"],
    ["1200万美元（注册资本500万美元）", 1.2e7, "注册资本500万美元"],
  ])("%s reads %d with no alternate", (text, value, inside) => {
    const r = ok(parseAmount(text));
    expect(r.value).toBe(value);
    expect(r.alternate).toBeUndefined();
    expect(r.note.zh).toContain(`忽略括号内“${inside}”`);
  });

  test("a restatement still is one", () => {
    const r = ok(parseAmount("10亿元人民币（折合1.4亿美元）"));
    expect(r.alternate).toMatchObject({ value: 1.4e8, currency: "USD" });
  });
});

/** An amount ending in a unit or currency word, so no clause can run into its number. */
const completeAmount = fc
  .tuple(
    numberText,
    fc.constantFrom(...UNITS.filter(([u]) => u !== "")),
    fc.constantFrom(...SUFFIX_CURRENCIES),
    fc.constantFrom(...QUALIFIERS),
    fc.boolean()
  )
  .map(
    ([num, [unit], [cur], [pre, post], commas]) =>
      `${pre}${writeNumber(num, commas, false)}${unit}${cur}${post}`
  );

const BREAKDOWNS = [
  "其中设备投资2亿元",
  "其中：一期3000万美元",
  "含土地款1亿",
  "包括流动资金5000万元",
];
const REMARKS = ["分两期建设", "建设期约2年", "用地50亩", "2024年至2026年建成", "年产10万吨"];
const SEPARATORS = ["，", ",", "；", ";", "、"];

describe("properties", () => {
  const out: AmountValueOut = { status: -1, currency: null, exact: false };

  /** Reads text and its amount alone alike, and the value-only reader agrees. */
  function sameAsAmount(amount: string, text: string): void {
    const a = ok(parseAmount(amount, WAN_YUAN));
    const r = ok(parseAmount(text, WAN_YUAN));
    expect([r.value, r.currency, r.bound, r.low, r.high]).toEqual([
      a.value,
      a.currency,
      a.bound,
      a.low,
      a.high,
    ]);
    expect(amountValue(text, WAN_YUAN, out)).toBe(r.value);
    expect(out.currency).toBe(r.currency);
  }

  test("an amount followed by a breakdown or a remark reads as the amount alone", () => {
    fc.assert(
      fc.property(
        completeAmount,
        fc.constantFrom(...SEPARATORS),
        fc.constantFrom(...BREAKDOWNS, ...REMARKS),
        (amount, sep, clause) => sameAsAmount(amount, amount + sep + clause)
      ),
      { numRuns: 3000 }
    );
  });

  test("a breakdown after a space or right after any readable amount likewise", () => {
    fc.assert(
      fc.property(
        singleAmountText,
        fc.constantFrom(" ", ""),
        fc.constantFrom(...BREAKDOWNS),
        (amount, sep, b) => {
          if (parseAmount(amount, WAN_YUAN).ok) sameAsAmount(amount, amount + sep + b);
        }
      ),
      { numRuns: 3000 }
    );
  });

  test("a total, then a phase of it or another item's figure, reads as the total alone", () => {
    fc.assert(
      fc.property(
        completeAmount,
        fc.constantFrom(...SEPARATORS),
        fc.constantFrom("一期", "二期：", "注册资本", "年税收"),
        (amount, sep, label) => {
          const text = `${amount}${sep}${label}${amount}`;
          const a = ok(parseAmount(amount, INVESTMENT));
          const r = ok(parseAmount(text, INVESTMENT));
          expect([r.value, r.currency, r.bound]).toEqual([a.value, a.currency, a.bound]);
          expect(amountValue(text, INVESTMENT, out)).toBe(r.value);
          expect(out.currency).toBe(r.currency);
        }
      ),
      { numRuns: 2000 }
    );
  });

  test("a second amount after a separator is never read", () => {
    fc.assert(
      fc.property(
        completeAmount,
        fc.constantFrom(...SEPARATORS),
        singleAmountText,
        (amount, sep, second) => {
          const r = parseAmount(amount + sep + second, WAN_YUAN);
          expect(r.ok).toBe(false);
          expect(amountValue(amount + sep + second, WAN_YUAN, out)).toBeNaN();
        }
      ),
      { numRuns: 3000 }
    );
  });
});

const valueOut: AmountValueOut = { status: -1, currency: null, exact: false };

describe("a bracketed figure labelled as the column's is read like an unbracketed one", () => {
  test.each<[string, number, string]>([
    ["总投资10亿元（注册资本1亿元）", 1e8, "总投资10亿元"],
    ["10亿元(其中注册资本1亿元)", 1e8, "10亿元"],
    ["总投资1亿美元（其中注册资金4000万美元）", 4e7, "总投资1亿美元"],
  ])("%s in a 注册资本 column reads %d and names the figure left out", (text, value, left) => {
    const r = ok(parseAmount(text, CAPITAL));
    expect(r.value).toBe(value);
    expect(r.note.zh).toContain(`忽略“${left}”（不是本列的项目）`);
    expect(r.note.en).toContain(`ignored "${left}" (another item than this column's)`);
    expect(amountValue(text, CAPITAL, valueOut)).toBe(r.value);
  });

  test.each([
    ["总投资10亿元（注册资本1亿元）", "注册资本1亿元"],
    ["10亿元(其中注册资本1亿元)", "其中注册资本1亿元"],
  ])("%s in a 总投资 column reads 10亿 and names the bracketed figure", (text, inside) => {
    const r = ok(parseAmount(text, INVESTMENT));
    expect(r.value).toBe(1e9);
    expect(r.note.zh).toContain(`忽略括号内“${inside}”`);
  });

  test("a bracketed figure of another item stays out in a 注册资本 column", () => {
    const r = ok(parseAmount("10亿元（年产值20亿元）", CAPITAL));
    expect(r.value).toBe(1e9);
    expect(r.note.zh).toContain("忽略括号内“年产值20亿元”");
  });

  test("a bracketed label with no figure is no figure", () => {
    expect(ok(parseAmount("10亿元（注册资本）", CAPITAL)).value).toBe(1e9);
  });

  test("a bracketed figure with another label is no restatement of the amount", () => {
    for (const names of [undefined, CAPITAL.names]) {
      const r = ok(parseAmount("注册资本1亿元（总投资10亿元）", { ...WAN_YUAN, names }));
      expect(r.value).toBe(1e8);
      expect(r.alternate).toBeUndefined();
      expect(r.note.zh).toContain("忽略括号内“总投资10亿元”");
    }
    // A conversion label or none: still the same amount restated.
    expect(ok(parseAmount("10亿元（折合1.4亿美元）")).alternate?.currency).toBe("USD");
    expect(ok(parseAmount("5000万美元（约3.5亿元人民币）")).alternate?.value).toBe(3.5e8);
  });

  test("with the column's figure already first, the bracket is left out", () => {
    const r = ok(parseAmount("注册资本1亿元（注册资本1亿元）", CAPITAL));
    expect(r.value).toBe(1e8);
  });
});

describe("a figure in doubt is read as written, and the note says it is uncertain", () => {
  test.each<[string, number, AmountBound, string]>([
    ["5亿元?", 5e8, "exact", "?"],
    ["5亿元？", 5e8, "exact", "？"],
    ["5亿元？？", 5e8, "exact", "？？"],
    ["约5亿（待定）", 5e8, "approximate", "待定"],
    ["5亿（暂估）", 5e8, "exact", "暂估"],
    ["3000万美元(TBD)", 3e7, "exact", "TBD"],
  ])("%s reads %d (%s)", (text, value, bound, mark) => {
    const r = ok(parseAmount(text, WAN_YUAN));
    expect([r.value, r.bound]).toEqual([value, bound]);
    expect(r.note.zh).toContain(`“${mark}”表示金额未定或存疑，按所写的数读取`);
    expect(r.note.en).toContain(`"${mark}" says the figure is not settled or in doubt`);
    expect(amountValue(text, WAN_YUAN, valueOut)).toBe(value);
  });

  test.each(["?5亿元", "5亿?元", "?"])(
    "%s is still refused (the mark is not after the figure)",
    (text) => {
      expect(parseAmount(text, WAN_YUAN).ok).toBe(false);
    }
  );

  test("another bracketed remark is only left out, not called a doubt", () => {
    const r = ok(parseAmount("5亿元（含税）", WAN_YUAN));
    expect(r.note.zh).toBe("读作 5 亿元；忽略括号内“含税”");
  });
});

test("a figure per 亩, per person or per unit written before it is no total either, even without /亩", () => {
  for (const [text, word] of [
    ["亩均税收50万元", "亩均"],
    ["亩均税收50万元/亩", "亩均"],
    ["每亩税收30万元", "每亩"],
    ["人均产值100万元", "人均"],
    ["单位能耗产出2万元", "单位能耗"],
  ]) {
    const r = parseAmount(text, { ...WAN_YUAN, names: ["年税收"] });
    expect(r).toMatchObject({
      ok: false,
      code: "unreadable",
      message: {
        zh: `无法读取金额“${text}”：“${word}”：写的是每亩、人均或单位的数，不是总额`,
        en: expect.stringContaining(
          `"${word}": a figure per 亩, per person or per unit, not a total`
        ),
      },
    });
  }
  // In a bracketed remark it is only left out, as any remark is.
  const kept = ok(parseAmount("10亿元（亩均投资强度500万元）", WAN_YUAN));
  expect([kept.value, kept.note.zh]).toEqual([
    1e9,
    "读作 10 亿元；忽略括号内“亩均投资强度500万元”",
  ]);
});

test("a figure per 亩 is no total, and the message says so", () => {
  const r = parseAmount("税收50万元/亩", { ...WAN_YUAN, names: ["年税收"] });
  expect(r).toMatchObject({ ok: false, code: "unreadable" });
  if (!r.ok) {
    expect(r.message.zh).toContain("写的是每亩的数（/亩），不是总额");
    expect(r.message.en).toContain("a figure per 亩 (/亩), not a total");
  }
  // "/" between two amounts is still a choice between them.
  const alt = parseAmount("5亿元/8亿元", WAN_YUAN);
  expect(!alt.ok && alt.message.zh).toContain("二选一");
});

describe("in a column several items share (context.labelled), only a figure labelled as the column's is read", () => {
  const SHARED = { context: { multiplier: 1e4, currency: "CNY" as const, labelled: true } };
  const revenue = { ...SHARED, names: REVENUE.names };
  const tax = { ...SHARED, names: ["年税收", "税收", "年纳税"] };

  test.each<[string, number, number]>([
    ["达产后年产值10亿元，税收5000万元", 1e9, 5e7],
    ["年产值10亿元、税收5000万元", 1e9, 5e7],
    ["年纳税3000万元；年销售收入8亿元", 8e8, 3e7],
  ])("%s: revenue %d, tax %d, the other figure named", (text, rev, tx) => {
    const r = ok(parseAmount(text, revenue));
    const t = ok(parseAmount(text, tax));
    expect([r.value, t.value]).toEqual([rev, tx]);
    expect(r.note.zh).toMatch(/忽略(另一项的金额“|“).*税/);
    expect(t.note.zh).toMatch(/忽略(另一项的金额“|“).*(产值|收入)/);
  });

  test("a cell giving only other items' figures has none of the column's: missing, saying so", () => {
    for (const text of ["利税1亿元", "年产值10亿元，利税1亿元"])
      expect(parseAmount(text, tax)).toEqual({
        ok: false,
        input: text,
        code: "missing",
        message: {
          zh: `本列有多项金额，“${text}”没有写“年税收”，视为空缺`,
          en: `the column holds several items: "${text}" gives none labelled "年税收"; counts as missing`,
        },
      });
  });

  test.each<CellValue>(["10亿元", "约5000万元", "5000", 5000, "一期3亿元"])(
    "an unlabelled figure (%s) could be any item's: refused, naming an example label",
    (cell) => {
      expect(parseAmount(cell, tax)).toEqual({
        ok: false,
        input: String(cell),
        code: "ambiguous",
        message: {
          zh: `无法读取金额“${cell}”：本列有多项金额，这个数没有标明是哪一项（如“年税收5000万元”）`,
          en: `cannot read the amount "${cell}": the column holds several items and this figure does not say which (as "年税收 50 million")`,
        },
      });
      // Without the mark the same cell reads as usual.
      expect(parseAmount(cell, { ...tax, context: { multiplier: 1e4 } }).ok).toBe(true);
    }
  );

  test("blanks stay blank, and a bracketed conversion is still the same amount", () => {
    expect(parseAmount("", tax)).toMatchObject({ ok: false, code: "missing" });
    expect(parseAmount("待定", tax)).toMatchObject({ ok: false, code: "missing" });
    const r = ok(parseAmount("税收500万美元（折合人民币3500万元）", tax));
    expect([r.value, r.currency]).toEqual([5e6, "USD"]);
  });
});
