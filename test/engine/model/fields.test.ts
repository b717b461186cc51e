/**
 * The batch amount reader (AmountReader, behind scoreTable) gives every cell exactly what readAmount
 * — the one-cell reader the explanations use — gives it: value in model units and currency, whether
 * the column's memo still remembers texts or has stopped.
 */
import fc from "fast-check";
import {
  AmountReader,
  areaUnitProblem,
  inferredAnswer,
  inferredFrom,
  isAreaField,
  isMissingCell,
  isMissingFor,
  numberNote,
  numberReading,
  readAmount,
  readNumberBound,
  readNumericCell,
  readingNote,
  readText,
} from "../../../src/engine/model/fields";
import { foldText } from "../../../src/engine/numerals";
import { NO_DATA_WORDS } from "../../../src/engine/vocabulary";
import { loadModel } from "../../../src/engine/model";
import { scoreCandidates } from "../../../src/engine";
import {
  AmountContext,
  CellValue,
  CurrencyCode,
  FieldDef,
  ScoringModel,
} from "../../../src/engine/types";
import { INTENDED } from "../../../src/engine/answers";
import pinghu from "../../../src/models/pinghu-2023.json";
import { rangeAmountText, singleAmountText, soup } from "../amount.grammar";

const model = loadModel(pinghu);

const cell = fc.oneof(
  singleAmountText,
  rangeAmountText,
  soup,
  fc.constantFrom<CellValue>(null, "", " ", "-", "待定", "#N/A", "=A1", "2023-05-01", true),
  fc.double({ min: -10, max: 1e9 }),
  fc.integer({ min: 0, max: 1e6 })
);

function expectReads(cells: CellValue[], context?: Partial<AmountContext>): void {
  const out = new Float64Array(cells.length);
  const currencies: (CurrencyCode | null)[] = new Array(cells.length);
  new AmountReader(context, model).into(cells, cells.length, out, currencies);
  cells.forEach((c, i) => {
    const r = readAmount(c, context, model);
    const want = [r.value, r.parsed.ok ? r.parsed.currency : null];
    if (!Object.is(out[i], r.value) || currencies[i] !== want[1])
      throw new Error(`${String(c)}: read ${out[i]} ${currencies[i]}, want ${want.join(" ")}`);
  });
}

describe("AmountReader", () => {
  test("each cell as readAmount reads it, texts repeated down the column (property)", () => {
    const contexts = fc.constantFrom<Partial<AmountContext> | undefined>(
      undefined,
      { multiplier: 1e4 },
      { multiplier: 1e4, currency: "USD" },
      { currency: "EUR" }
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), contexts, (cells, context) =>
        expectReads([...cells, ...cells], context)
      ),
      { numRuns: 400 }
    );
  });

  test("also once the memo has stopped on a column of texts that never repeat", () => {
    // 3 000 distinct texts end the memo's trial (2 048 misses, too few repeats); then repeats follow.
    const distinct = Array.from({ length: 3000 }, (_, i) => `${i + 1}万美元`);
    expectReads([...distinct, "约1.5亿元", "约1.5亿元", "待定", null, 7, "USD 15m", "-5亿元"]);
  });
});

describe("number cells", () => {
  test("read with no reading built, as numberReading reads them (property)", () => {
    const fields = fc.constantFrom(
      ...model.fields.filter((f) => f.type === "number" || f.type === "percent")
    );
    const contexts = fc.constantFrom<Partial<AmountContext> | undefined>(
      undefined,
      {},
      { multiplier: 0.01 },
      { multiplier: 1e4 },
      { multiplier: 666.67 }
    );
    const numbers = fc.oneof(
      fc.double(),
      fc.double({ min: -2, max: 2 }),
      fc.constantFrom(0, -0, 1, 1.0000000000000002, 100, 0.035, 3.5)
    );
    fc.assert(
      fc.property(numbers, fields, contexts, (n, field, context) => {
        const r = numberReading(n, field, context);
        const got = readNumericCell(n, field, context, model);
        if (!Object.is(got, r === null ? NaN : r.value))
          throw new Error(`${n} in ${field.id}: ${got}, numberReading ${r?.value}`);
      }),
      { numRuns: 20000 }
    );
  });
});

describe("isMissingCell and readText", () => {
  // The definition, folding every cell: trimmed, folded, trimmed again, then a "no data" word or dashes.
  const reference = (t: string): boolean => {
    const f = foldText(t.trim()).trim();
    return NO_DATA_WORDS.has(f) || /^-+$/.test(f);
  };
  const fullWidth = (w: string) =>
    w.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
  const marks = [...NO_DATA_WORDS];
  const piece = fc.oneof(
    fc.constantFrom(...marks),
    fc.constantFrom(...marks).map((w) => w.toUpperCase()),
    fc.constantFrom(...marks).map(fullWidth),
    fc.constantFrom(" ", "\t", "\u3000", "\u00a0", "\u200b", "\ufeff", "—", "－", "–"),
    fc.constantFrom("新仓镇", "链主", "是", "否", "a", "1"),
    fc.string({ maxLength: 2 })
  );
  test("a text cell is missing exactly when the definition says, and readText gives null then (property)", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 4 }), (xs) => {
        const t = xs.join("");
        expect(isMissingCell(t)).toBe(reference(t));
        expect(readText(t)).toBe(reference(t) ? null : t.trim());
      }),
      { numRuns: 5000 }
    );
  });

  test("other cells: numbers as their text, NaN and blanks missing, yes/no kept", () => {
    expect(
      [null, undefined as unknown as CellValue, NaN, Infinity, 0, false].map(isMissingCell)
    ).toEqual([true, true, true, true, false, false]);
    expect([7.5, true, "  链主 ", "\u200b待定"].map(readText)).toEqual([
      "7.5",
      "true",
      "链主",
      null,
    ]);
  });
});

describe("percents written in words or with a bound", () => {
  const field = (id: string) => pinghu.fields.find((f) => f.id === id) as FieldDef;
  const read = (cell: CellValue, context?: Partial<AmountContext>) =>
    readNumericCell(cell, field("rdShare"), context, pinghu as unknown as ScoringModel);

  test.each<[string, number]>([
    ["百分之十五", 0.15],
    ["百分之3.5", 0.035],
    ["百分之一百", 1],
    ["不低于3%", 0.03],
    ["≥3%", 0.03],
    ["至少5", 0.05],
    ["不超过8%", 0.08],
  ])("%s reads %d", (cell, value) => expect(read(cell)).toBeCloseTo(value, 15));

  test("百分之 states its own scale: a header's % does not apply again", () => {
    expect(read("百分之十五", { multiplier: 0.01 })).toBeCloseTo(0.15, 15);
    expect(read("15", { multiplier: 0.01 })).toBeCloseTo(0.15, 15);
  });

  test.each(["百分之", "百分之十五点", "约百分之", "百分之三二"])("%s is unread", (cell) =>
    expect(read(cell)).toBeNaN()
  );

  test("百分之 reads as the figure written with %: 百分之十几 the range 10–20 %, 百分之五以上 at least 5 %", () => {
    expect(readNumberBound("百分之十几")).toMatchObject({
      low: 0.1,
      high: 0.2,
      bound: "range",
      vague: true,
      ownScale: true,
    });
    expect(readNumberBound("百分之三十几")).toMatchObject({ low: 0.3, high: 0.4, vague: true });
    expect(readNumberBound("百分之五以上")).toMatchObject({
      value: 0.05,
      bound: "atLeast",
      ownScale: true,
    });
    expect(read("百分之十几", { multiplier: 0.01 })).toBeCloseTo(0.15, 15);
  });
});

describe("area units only in area fields", () => {
  const field = (id: string) => pinghu.fields.find((f) => f.id === id) as FieldDef;
  const read = (cell: CellValue, id: string) =>
    readNumericCell(cell, field(id), undefined, pinghu as unknown as ScoringModel);

  test("an area field converts: 2公顷 is 30 亩, 5亩 is 5", () => {
    expect(isAreaField(field("landArea"))).toBe(true);
    expect(read("2公顷", "landArea")).toBe(30);
    expect(read("5亩", "landArea")).toBe(5);
  });

  test.each([
    ["5亩", "patents", "亩"],
    ["2公顷", "plotRatio", "公顷"],
    ["1000平方米", "industryRank", "平方米"],
  ])("%s in the %s column is unread, the note naming the unit", (cell, id, unit) => {
    expect(isAreaField(field(id))).toBe(false);
    expect(read(cell, id)).toBeNaN();
    const problem = areaUnitProblem(cell, field(id))!;
    expect(problem.zh).toBe(`“${cell}”写的是面积单位（${unit}），${field(id).label.zh}不是面积`);
    expect(problem.en).toContain(`is written in an area unit (${unit})`);
  });

  test("a plain number or another unit is still read there, with no area problem", () => {
    expect(read("12件", "patents")).toBe(12);
    expect(read(12, "patents")).toBe(12);
    expect(areaUnitProblem("12件", field("patents"))).toBeNull();
    expect(areaUnitProblem("5亩", field("landArea"))).toBeNull();
  });
});

describe("a figure after the column's own name", () => {
  const field = (zh: string) => pinghu.fields.find((f) => f.label.zh === zh) as FieldDef;
  const read = (cell: CellValue, zh: string) =>
    readNumericCell(cell, field(zh), undefined, pinghu as unknown as ScoringModel);

  test.each<[string, string, number]>([
    ["发明专利20余项", "发明专利", 25],
    ["有效发明专利12件", "发明专利", 12],
    ["发明专利：12项", "发明专利", 12],
    ["发明专利约20项（其中PCT 3项）", "发明专利", 20],
    ["研发投入占比5%", "研发投入占比", 0.05],
  ])("%s in the %s column reads %d", (cell, zh, value) => {
    expect(read(cell, zh)).toBe(value);
  });

  test("the note says what the figure alone would say: 发明专利20余项 is the range 20–30", () => {
    expect(numberReading("发明专利20余项", field("发明专利"), undefined)).toMatchObject({
      low: 20,
      high: 30,
      bound: "range",
    });
  });

  test.each([
    // Another kind of patent, a figure that is not yet one, the name alone, a figure before another word.
    ["实用新型专利12件", "发明专利"],
    ["发明专利申请中5项", "发明专利"],
    ["发明专利", "发明专利"],
    ["研发3%", "研发投入占比"],
  ])("%s in the %s column stays unread", (cell, zh) => {
    expect(read(cell, zh)).toBeNaN();
  });
});

describe("a yes/no column answered with its own name", () => {
  const field = (id: string) => pinghu.fields.find((f) => f.id === id) as FieldDef;
  const read = (cell: CellValue, id = "highTech") =>
    readNumericCell(cell, field(id), undefined, pinghu as unknown as ScoringModel);

  test.each([
    ["国家级高新技术企业", 1],
    ["省级高新企业（2022年认定）", 1],
    ["高企", 1],
    ["非高新技术企业", 0],
    ["未认定高新技术企业", 0],
    ["拟申报高新技术企业", INTENDED],
    ["高新技术企业培育库入库", INTENDED],
    ["是", 1],
    ["否", 0],
  ])("%s in the 高新技术企业 column reads %d", (cell, value) => {
    expect(read(cell)).toBe(value);
  });

  test("other texts, a question restated and answers that contradict each other stay unread", () => {
    for (const cell of ["科技型中小企业", "是否高新", "高新技术企业（非）", "研发中心", "待定"])
      expect(read(cell)).toBeNaN();
  });

  test.each(["暂无", "暂未认定", "尚无", "尚未申报", "目前没有", "无", "暂时没有"])(
    '"not yet" (%s) answers no in a yes/no column',
    (cell) => {
      expect(read(cell)).toBe(0);
      expect(isMissingFor(cell, field("highTech"))).toBe(false);
    }
  );

  test("no data (待定, 不详, 未知) stays missing in a yes/no column; 暂无 is missing in an amount column", () => {
    // 未定 starts like 未 (no) but says nothing is decided: no data, as 待核实 is.
    for (const cell of ["待定", "不详", "未知", "-", "", "未定", "待核实", "待确认"]) {
      expect(read(cell)).toBeNaN();
      expect(isMissingFor(cell, field("highTech"))).toBe(true);
    }
    expect(isMissingFor("暂无", field("totalInvestment"))).toBe(true);
  });

  test("each column knows only its own names: 世界500强企业 answers 世界500强, not 中国企业500强", () => {
    expect(read("世界500强企业", "fortune500")).toBe(1);
    expect(read("世界500强企业", "china500")).toBeNaN();
    expect(read("央企二级子公司", "centralSoe")).toBe(1);
  });
});

describe("number and percent cells keep their bound, and say so", () => {
  const field = (id: string) => model.fields.find((f) => f.id === id)!;
  const rd = field("rdShare");
  const patents = field("patents");
  const land = field("landArea");

  test.each<[string, number, number, string]>([
    // A percent range reads its midpoint, as amounts and land do; a scale on one end serves both.
    ["10-15%", 0.1, 0.15, "range"],
    ["10%-15%", 0.1, 0.15, "range"],
    ["10%～15%", 0.1, 0.15, "range"],
    ["10至15%", 0.1, 0.15, "range"],
    ["不低于3%", 0.03, 0.03, "atLeast"],
    ["≥3%", 0.03, 0.03, "atLeast"],
    ["3%以上", 0.03, 0.03, "atLeast"],
    ["≤5%", 0.05, 0.05, "atMost"],
    ["约3.5%", 0.035, 0.035, "approximate"],
    ["3.5%", 0.035, 0.035, "exact"],
  ])("%s in a percent column reads %d–%d (%s)", (cell, low, high, bound) => {
    const r = readNumberBound(cell)!;
    expect([r.low, r.high, r.bound]).toEqual([low, high, bound]);
    expect(readNumericCell(cell, rd, undefined, model)).toBeCloseTo((low + high) / 2, 15);
  });

  test.each<[string, number, number, string]>([
    ["最多5", 5, 5, "atMost"],
    ["5人以上", 5, 5, "atLeast"],
    ["至少5项", 5, 5, "atLeast"],
    ["50多人", 50, 60, "range"],
    ["50余件", 50, 60, "range"],
    ["1.2万多", 12000, 13000, "range"],
    ["50多万", 500000, 600000, "range"],
    ["5-10项", 5, 10, "range"],
    ["5项", 5, 5, "exact"],
  ])("%s in a number column reads %d–%d (%s)", (cell, low, high, bound) => {
    const r = readNumberBound(cell)!;
    expect([r.low, r.high, r.bound]).toEqual([low, high, bound]);
    expect(readNumericCell(cell, patents, undefined, model)).toBe(r.value);
  });

  test.each([
    "10%-15‰", // two scales
    "15-10%", // reversed
    "不超过3%以上", // both bounds
    "研发3%", // a word that is no qualifier
    "50多-60", // 多 and a range
    "50多万多",
    "0多",
    "5千", // a unit the reader does not scale by: not 5
    "5元", // money in a count column
    "≥5千人",
  ])("%s is not read", (cell) => {
    expect(readNumberBound(cell)).toBeNull();
    expect(readNumericCell(cell, patents, undefined, model)).toBeNaN();
  });

  test("the note says which figure was used, in the column's unit", () => {
    expect(numberNote("不低于3%", rd, undefined)).toEqual({
      zh: "读作下限：不少于 3%；单边界，取界值本身",
      en: "read as at least 3%; one-sided bound, used the bound itself",
    });
    expect(numberNote("10-15%", rd, undefined)?.zh).toBe("读作区间 10%–15%；取中值 12.5%");
    expect(numberNote("最多5", patents, undefined)?.en).toBe(
      "read as at most 5; one-sided bound, used the bound itself"
    );
    expect(numberNote("50余亩", land, undefined)?.zh).toBe(
      "读作区间 50 亩–60 亩（约数）；取中值 55 亩"
    );
    // A bare percent under a header unit of % is scaled before it is shown.
    expect(numberNote("约3.5", rd, { multiplier: 0.01 })?.zh).toBe("读作约数 3.5%，按该数取值");
    for (const exact of ["3.5%", "5", "80亩", "", "abc"])
      expect(numberNote(exact, rd, undefined)).toBeNull();
  });

  test("a count in Chinese numerals reads as in digits; other words with a numeral in them do not", () => {
    expect(["五项", "约三千人", "两位", "五项以上"].map((c) => readNumberBound(c)?.value)).toEqual([
      5, 3000, 2, 5,
    ]);
    expect(readNumberBound("十余项")).toMatchObject({ low: 10, high: 20, bound: "range" });
    for (const c of ["一般", "三级", "一期", "四三项"]) expect(readNumberBound(c)).toBeNull();
    // 三四项, 两三百人: this or that, a range as 十几项 is
    expect(readNumberBound("三四项")).toMatchObject({
      low: 3,
      high: 4,
      bound: "range",
      vague: true,
    });
    expect(readNumberBound("两三百人")).toMatchObject({ value: 250, low: 200, high: 300 });
  });

  test("数/几 in a count write a range, read as amounts and 多/余 read them: its midpoint, the note giving the range", () => {
    // As 十几亿 = 10–20亿 and 数十亿 = 10–100亿 in amounts, and 十余 = 10–20 here.
    const range = (c: string) => {
      const r = readNumberBound(c);
      return r && [r.low, r.high, r.value, r.bound, r.vague];
    };
    expect(range("十几人")).toEqual([10, 20, 15, "range", true]);
    expect(range("二十几项")).toEqual([20, 30, 25, "range", true]);
    // 来 after a place is "or so": about the figure, as 左右; after a digit it writes nothing.
    expect(readNumberBound("十来人")).toMatchObject({ value: 10, bound: "approximate" });
    expect(readNumberBound("二十来项")).toMatchObject({ value: 20, bound: "approximate" });
    expect(readNumberBound("十来人左右")).toMatchObject({ value: 10, bound: "approximate" });
    expect(readNumberBound("三来人")).toBeNull();
    expect(range("几十人")).toEqual([10, 100, 55, "range", true]);
    expect(range("数十项")).toEqual([10, 100, 55, "range", true]);
    expect(range("十几万人")).toEqual([1e5, 2e5, 1.5e5, "range", true]);
    expect(numberNote("十几人", patents, undefined)?.zh).toBe("读作区间 10–20（约数）；取中值 15");
    // A number in digits beside them is no count in words: left to the digits' grammar.
    expect(readNumberBound("十几项（其中3项授权）")).toMatchObject({
      value: 15,
      remark: "其中3项授权",
    });
  });

  test("an open range (3%~, 3%-, 5项～) is at least its figure, with the note a bound word gives", () => {
    for (const c of ["3%~", "3%～", "3%-", "3%至"])
      expect(readNumberBound(c)).toMatchObject({ value: 0.03, bound: "atLeast" });
    expect(numberNote("3%~", rd, undefined)).toEqual(numberNote("不低于3%", rd, undefined));
    expect(readNumberBound("5项～")).toMatchObject({ value: 5, bound: "atLeast" });
    // With an upper bound word as well it says both: unread.
    expect(readNumberBound("不超过3%~")).toBeNull();
  });

  test("a label before the number is no qualifier: unread, not the number", () => {
    for (const c of ["一期80", "总投资5", "计划5项"]) expect(readNumberBound(c)).toBeNull();
    expect(readNumberBound(">=3%")).toMatchObject({ value: 0.03, bound: "atLeast" });
    expect(readNumberBound("<= 5")).toMatchObject({ value: 5, bound: "atMost" });
  });

  test("（含） after a bound is how the bound reads already, not a remark", () => {
    expect(numberNote("3%以上（含）", rd, undefined)).toEqual(numberNote("3%以上", rd, undefined));
  });

  test("a remark in brackets at the end is left out and named", () => {
    expect(readNumericCell("3.5%（2022年）", rd, undefined, model)).toBe(0.035);
    expect(numberNote("3.5%（2022年）", rd, undefined)).toEqual({
      zh: "忽略括号内“2022年”",
      en: 'ignored "2022年" in brackets',
    });
    expect(numberNote("约80亩（已供50亩）", land, undefined)?.zh).toBe(
      "读作约数 80 亩，按该数取值；忽略括号内“已供50亩”"
    );
    // A % inside the remark is no scale of the figure: 5 stays 5% in a percent column.
    expect(readNumericCell("5（占比）", rd, undefined, model)).toBe(0.05);
    expect(readNumericCell("5项（占比3%）", patents, { multiplier: 2 }, model)).toBe(10);
    expect(readNumberBound("(1,200)")).toBeNull();
  });

  test("the explanation carries the note", () => {
    const [c] = scoreCandidates([{ name: "甲", rdShare: "不低于3%", patents: "50余件" }], model);
    const notes = c.explanation.criteria.map((x) => x.note?.zh ?? "").join("\n");
    expect(notes).toContain("读作下限：不少于 3%；单边界，取界值本身");
    expect(notes).toContain("读作区间 50–60（约数）；取中值 55");
  });
});

describe("a rank in a ranked-list column (世界500强, 民营企业500强, 百强)", () => {
  const field = (id: string) => model.fields.find((f) => f.id === id)!;
  const read = (c: CellValue, id = "fortune500") => readNumericCell(c, field(id), undefined, model);

  test.each<[CellValue, number]>([
    [120, 1],
    ["120", 1],
    ["第120位", 1],
    ["排名第56", 1],
    ["位列第8名", 1],
    [" 第 500 名 ", 1],
    [500, 1],
    [501, 0],
    ["第612位", 0],
  ])("%s reads %d: within the list of 500 or not", (c, value) => {
    expect(read(c)).toBe(value);
  });

  test("the note says which rank was read and why it is a yes or a no", () => {
    expect(readingNote("第120位", field("fortune500"), undefined, model)).toEqual({
      zh: "“第120位”读作名次第 120 位：在500强之内，读作“是”",
      en: `"第120位" read as rank 120: within the top 500, read as yes`,
    });
    expect(readingNote(612, field("fortune500"), undefined, model)?.zh).toBe(
      "“612”读作名次第 612 位：不在500强之内，读作“否”"
    );
    // 1 and 0 are answers (yes, no) before they are ranks: no rank note.
    expect(readingNote(1, field("fortune500"), undefined, model)).toBeNull();
  });

  test.each<[string, number]>([
    ["民营100强", 100],
    ["百强企业", 100],
    ["中国五百强", 500],
    ["二百强", 200],
  ])("the list's size comes from the field's names: %s is a list of %d", (name, size) => {
    const f: FieldDef = {
      id: "list",
      label: { zh: name, en: "List" },
      type: "boolean",
      aliases: [],
    };
    expect(readNumericCell(size, f, undefined, model)).toBe(1);
    expect(readNumericCell(size + 1, f, undefined, model)).toBe(0);
  });

  test.each<CellValue>([0.5, -3, "第0位", "前十", "第120位左右", "120亿元"])(
    "%s is no rank: unread",
    (c) => expect(read(c)).toBeNaN()
  );

  test("a column asking about no ranked list reads no rank", () => {
    expect(read("第3位", "highTech")).toBeNaN();
    expect(read(120, "highTech")).toBeNaN();
  });
});

describe("other kinds than a yes/no field's (FieldDef.otherKinds): 民营企业 in a 央企 column", () => {
  const soe = model.fields.find((f) => f.id === "centralSoe")!;
  const read = (c: CellValue) => readNumericCell(c, soe, undefined, model);

  test.each<[string, number]>([
    ["地方国企", 0],
    ["民营企业", 0],
    ["外资企业（德国）", 0],
    ["中外合资", 0],
    ["央企", 1],
    ["中央企业二级子公司", 1],
    // 国企 and 国有控股 may be central or local.
    ["国企", NaN],
    ["国有控股", NaN],
  ])("%s reads %d", (c, value) => expect(read(c)).toBe(value));

  test("the note names the kind and the field", () => {
    expect(readingNote("地方国企", soe, undefined, model)).toEqual({
      zh: "“地方国企”不是央企，读作“否”",
      en: `"地方国企" not Central SOE: read as no`,
    });
    expect(readingNote("外资企业（德国）", soe, undefined, model)).toEqual({
      zh: "“外资企业（德国）”写的是外资企业，不是央企，读作“否”",
      en: `"外资企业（德国）" names 外资企业, not Central SOE: read as no`,
    });
    // A plain no is an answer, not another kind: no note.
    expect(readingNote("否", soe, undefined, model)).toBeNull();
  });

  test("a field without otherKinds reads other kinds as before: unread", () => {
    expect(
      readNumericCell(
        "民营企业",
        model.fields.find((f) => f.id === "highTech")!,
        undefined,
        model
      )
    ).toBeNaN();
  });
});

describe("a yes/no field answered from other columns' text when its own is blank (FieldDef.inferFrom)", () => {
  const f500 = model.fields.find((f) => f.id === "fortune500")!;
  const soe = model.fields.find((f) => f.id === "centralSoe")!;

  test.each<[string, number]>([
    ["德国巴斯夫集团（世界500强）", 1],
    ["世界500强巴斯夫新材料项目", 1],
    ["财富世界500强企业日本电产", 1],
    ["世界500强子公司", 1],
    ["Fortune Global 500 member BASF", 1],
    ["非世界500强企业", 0],
    ["不属于世界500强", 0],
    // No answer: no mention, an intention, a firm served or dealt with, mentions that disagree.
    ["德国巴斯夫集团", NaN],
    ["拟引进世界500强", NaN],
    ["世界500强配套商", NaN],
    ["某某公司（世界500强企业配套）", NaN],
    ["为多家世界500强企业提供服务", NaN],
    ["服务于世界500强客户", NaN],
    ["客户包括多家世界500强", NaN],
    ["Supplier to Fortune Global 500 carmakers", NaN],
    ["世界500强，非世界500强", NaN],
  ])("%s answers %d", (text, value) => expect(inferredAnswer(text, f500)).toBe(value));

  test("only text answers: numbers, yes/no values and blanks do not", () => {
    for (const c of [1, true, null, "", "是"]) expect(inferredAnswer(c, f500)).toBeNaN();
  });

  test("the field's own cell wins; the investor first, then the project's name; the source is named", () => {
    const columns = (own: CellValue, investor: CellValue, name: CellValue) => ({
      fortune500: [own],
      investor: [investor],
      name: [name],
    });
    const investor = model.fields.find((f) => f.id === "investor")!;
    const name = model.fields.find((f) => f.id === "name")!;
    expect(inferredFrom(columns(null, "巴斯夫（世界500强）", null), 0, f500, model)).toEqual({
      value: 1,
      from: investor,
      text: "巴斯夫（世界500强）",
    });
    expect(inferredFrom(columns("-", "巴斯夫", " 世界500强巴斯夫项目 "), 0, f500, model)).toEqual({
      value: 1,
      from: name,
      text: "世界500强巴斯夫项目",
    });
    // An answer in its own column, even one it cannot read, is the column's to give.
    expect(inferredFrom(columns("否", "巴斯夫（世界500强）", null), 0, f500, model)).toBeNull();
    expect(
      inferredFrom(columns("待核实?", "巴斯夫（世界500强）", null), 0, f500, model)
    ).toBeNull();
    // A field without inferFrom is never inferred.
    const highTech = model.fields.find((f) => f.id === "highTech")!;
    expect(inferredFrom({ investor: ["高新技术企业"] }, 0, highTech, model)).toBeNull();
  });

  test("scoring: a blank 世界500强 answered by the investor's text earns the 招大引强 credit, and the explanation says so", () => {
    const row = { name: "新材料项目", totalInvestment: "3亿元", chain: "碳三和膜材料" };
    const [inferred, plain, served, own] = scoreCandidates(
      [
        { ...row, investor: "德国巴斯夫集团（世界500强）" },
        { ...row, investor: "德国巴斯夫集团" },
        { ...row, investor: "世界500强配套商" },
        { ...row, investor: "德国巴斯夫集团（世界500强）", fortune500: "否" },
      ],
      model
    );
    expect(inferred.flags).toContain("zdyq500");
    expect(inferred.score).toBeGreaterThan(plain.score);
    expect(inferred.explanation.notes).toContainEqual({
      zh: "世界500强：是（未填，由投资方“德国巴斯夫集团（世界500强）”判定）",
      en: `Fortune Global 500: yes (blank; from the Investor "德国巴斯夫集团（世界500强）")`,
    });
    for (const c of [served, own]) {
      expect(c.score).toBe(plain.score);
      expect(c.explanation.notes.some((n) => n.zh.startsWith("世界500强："))).toBe(false);
    }
  });

  test("a central SOE written in the investor's name: 中国中化（央企）", () => {
    expect(inferredAnswer("中国中化控股有限责任公司（央企）", soe)).toBe(1);
    expect(inferredAnswer("某地方国企", soe)).toBeNaN();
  });
});
