import { parseAmount, parseHeaderContext } from "../../src/engine/amount";
import { AmountResult, ParsedAmount } from "../../src/engine/types";
import { AMOUNT_FIXTURES, BAD_AMOUNTS, MISSING_AMOUNTS } from "../fixtures/amounts";

function ok(r: AmountResult): ParsedAmount {
  if (!r.ok) throw new Error(`expected an amount, got ${r.code}: ${r.message.en}`);
  return r;
}

describe("parseAmount on real-world strings", () => {
  test("the fixture set is large enough for ZS.AMOUNT's tests", () => {
    expect(AMOUNT_FIXTURES.length).toBeGreaterThanOrEqual(80);
  });

  test.each(AMOUNT_FIXTURES.map((f) => [f.text, f] as const))("%s", (text, f) => {
    const r = ok(parseAmount(text));
    expect({
      value: r.value,
      currency: r.currency,
      bound: r.bound,
      low: r.low,
      high: r.high,
    }).toEqual({
      value: f.value,
      currency: f.currency,
      bound: f.bound,
      low: f.low,
      high: f.high,
    });
    expect(r.input).toBe(text);
    if (f.alternate)
      expect({ value: r.alternate?.value, currency: r.alternate?.currency }).toEqual(f.alternate);
    else expect(r.alternate).toBeUndefined();
  });

  test.each(AMOUNT_FIXTURES.map((f) => [f.text] as const))(
    "normalized text of %s reads back the same",
    (text) => {
      const r = ok(parseAmount(text));
      const again = ok(parseAmount(r.normalized));
      expect([again.value, again.currency, again.bound, again.low, again.high]).toEqual([
        r.value,
        r.currency,
        r.bound,
        r.low,
        r.high,
      ]);
      expect(again.normalized).toBe(r.normalized);
    }
  );
});

describe("missing and unreadable cells", () => {
  test.each(MISSING_AMOUNTS.map((m) => [m] as const))("%p is missing, not zero", (m) => {
    const r = parseAmount(m);
    expect(r).toMatchObject({ ok: false, code: "missing" });
    if (!r.ok) expect(r.message.zh).toContain("空缺");
  });

  test.each(BAD_AMOUNTS.map((b) => [b.text, b.code] as const))(
    "%s gives %s with a message quoting the cell",
    (text, code) => {
      const r = parseAmount(text);
      expect(r).toMatchObject({ ok: false, code, input: text });
      if (!r.ok) {
        expect(r.message.zh).toContain(text);
        expect(r.message.en).toContain(text);
      }
    }
  );

  test("a currency without a model rate is still read as itself, never as 元", () => {
    expect(ok(parseAmount("500万澳元")).currency).toBe("AUD");
  });

  test("cells that are not text or numbers", () => {
    expect(parseAmount(true)).toMatchObject({ ok: false, code: "unreadable" });
    expect(parseAmount(NaN)).toMatchObject({ ok: false, code: "unreadable" });
    expect(parseAmount(Infinity)).toMatchObject({ ok: false, code: "unreadable" });
    expect(parseAmount(-5)).toMatchObject({ ok: true, value: -5 });
    expect(parseAmount(-5, { allowNegative: false })).toMatchObject({
      ok: false,
      code: "negative",
    });
    expect(parseAmount(undefined as unknown as null)).toMatchObject({ ok: false, code: "missing" });
  });

  test("values no sheet should hand over still give an error, not an exception", () => {
    for (const x of [Object.create(null), {}, [], Symbol("x"), BigInt(5), () => 1]) {
      expect(parseAmount(x as unknown as string)).toMatchObject({ ok: false, code: "unreadable" });
    }
  });

  test("invalid options are ignored rather than trusted", () => {
    const r = ok(
      parseAmount(1500, {
        bound: "middle" as "mid",
        context: { multiplier: -1, currency: "XYZ" as "USD" },
      })
    );
    expect([r.value, r.currency, r.normalized]).toEqual([1500, "CNY", "1500元"]);
    expect(ok(parseAmount("1-2亿", { bound: "sideways" as "mid" })).used).toBe("mid");
    expect(ok(parseAmount(10, { context: { currency: "constructor" as "USD" } })).currency).toBe(
      "CNY"
    );
  });

  test("a number too large for a double is unreadable, not Infinity", () => {
    expect(parseAmount("9".repeat(400) + "亿")).toMatchObject({ ok: false, code: "unreadable" });
  });
});

describe("bounds, ranges and the number used", () => {
  test.each<[string, number, string, string]>([
    ["近亿元", 1e8, "atMost", "不超过 1 亿元"],
    ["亿元以上", 1e8, "atLeast", "不少于 1 亿元"],
    ["超亿元", 1e8, "atLeast", "不少于 1 亿元"],
    ["近千万", 1e7, "atMost", "不超过 1 000 万元"],
    ["近亿美元", 1e8, "atMost", "不超过 1 亿美元"],
  ])(
    "%s: a unit with a bound word and no figure is one of that unit, noted",
    (text, value, bound, note) => {
      const r = ok(parseAmount(text));
      expect([r.value, r.bound]).toEqual([value, bound]);
      expect(r.note.zh).toContain(note);
    }
  );

  test.each(["亿元", "元以上", "百元以上"])(
    "%s: no figure and no unit of 万 or above is no number",
    (text) => {
      const r = parseAmount(text);
      expect(r.ok).toBe(false);
    }
  );

  test("折合 labels a converted figure: 折合人民币约3.5亿元 is about 3.5亿 CNY", () => {
    const r = ok(parseAmount("折合人民币约3.5亿元"));
    expect([r.value, r.currency, r.bound]).toEqual([3.5e8, "CNY", "approximate"]);
  });

  test("bound picks mid, low or high of a range, and the note says which", () => {
    const mid = ok(parseAmount("1-2亿"));
    const low = ok(parseAmount("1-2亿", { bound: "low" }));
    const high = ok(parseAmount("1-2亿", { bound: "high" }));
    expect([mid.value, low.value, high.value]).toEqual([1.5e8, 1e8, 2e8]);
    expect([mid.used, low.used, high.used]).toEqual(["mid", "low", "high"]);
    expect(mid.note.zh).toContain("中值 1.5 亿元");
    expect(low.note.en).toContain("the low end");
    expect(high.note.zh).toContain("上限 2 亿元");
  });

  test("a one-sided bound uses the bound itself whatever bound is asked, and says so", () => {
    for (const bound of ["mid", "low", "high"] as const) {
      const r = ok(parseAmount("5000万元以上", { bound }));
      expect([r.value, r.low, r.high, r.used]).toEqual([5e7, 5e7, 5e7, "exact"]);
      expect(r.note.zh).toContain("取界值本身");
      expect(r.note.en).toContain("used the bound itself");
    }
  });

  test("近 reads as just under (atMost) and 多 as up to the next unit", () => {
    expect(ok(parseAmount("近700万元")).note.zh).toContain("不超过 700 万元");
    // 多 bounds by the next unit of the last digit (issue #12): 3000多 lies in [3000, 4000).
    expect(ok(parseAmount("3000多欧元")).note.en).toContain("range EUR 3,000–EUR 4,000");
  });

  test("a one-sided bound beats 约 and the note says 约 was ignored", () => {
    const r = ok(parseAmount("约5000万元以上"));
    expect(r.bound).toBe("atLeast");
    expect(r.note.zh).toContain("“约”已忽略");
  });

  test("a range with no high end (5000万元~, 5000万元-) is open upward: at least its figure, as 以上 reads", () => {
    for (const text of ["5000万元~", "5000万元～", "5000万元-", "5000万元至"]) {
      const r = ok(parseAmount(text));
      expect([r.value, r.bound]).toEqual([5e7, "atLeast"]);
      expect(r.note).toEqual(ok(parseAmount("5000万元以上")).note);
    }
    // An upper bound word as well says both: refused.
    expect(parseAmount("不超过5000万元~")).toMatchObject({ ok: false, code: "ambiguous" });
    // A range end with words but no figure is still a missing end.
    expect(parseAmount("5000万~以上")).toMatchObject({ ok: false, code: "unreadable" });
  });

  test("both an upper and a lower bound is ambiguous", () => {
    expect(parseAmount("超过1亿以下")).toMatchObject({ ok: false, code: "ambiguous" });
  });

  test("数十 is a vague range and the note says so", () => {
    const r = ok(parseAmount("数十亿元"));
    expect([r.low, r.high, r.value]).toEqual([1e9, 1e10, 5.5e9]);
    expect(r.note.zh).toContain("约数");
    expect(r.normalized).toBe("10亿至100亿元");
  });

  test("the high end's unit and currency apply to a low end without any", () => {
    const r = ok(parseAmount("1500-2000万美元"));
    expect([r.low, r.high, r.currency]).toEqual([1.5e7, 2e7, "USD"]);
    const back = ok(parseAmount("1亿-2"));
    expect([back.low, back.high]).toEqual([1e8, 2e8]);
  });

  test("a bracketed amount is kept as alternate and mentioned in the note", () => {
    const r = ok(parseAmount("总投资60.7亿元(8.8亿美元)"));
    expect(r.alternate).toMatchObject({ value: 8.8e8, currency: "USD", bound: "exact" });
    expect(r.note.zh).toContain("括号内另写 8.8亿美元");
    expect(r.normalized).toBe("60.7亿元(8.8亿美元)");
  });

  test("a bracketed part (其中…) is not taken as the same amount restated", () => {
    const r = ok(parseAmount("2亿元（其中一期1亿元）"));
    expect(r.alternate).toBeUndefined();
    expect(r.note.zh).toContain("忽略括号内“其中一期1亿元”");
  });

  test("a bracketed unit applies to a bare number like a header's", () => {
    const r = ok(parseAmount("1500（万美元）"));
    expect([r.value, r.currency]).toEqual([15e6, "USD"]);
    expect(r.note.zh).toContain("按括号内单位（万美元）读取");
    expect(ok(parseAmount("1500万元（万美元）")).note.en).toContain('ignored "万美元" in brackets');
  });

  test("notes and messages quote the cell as written, not folded", () => {
    const r = parseAmount("ＵＳＤ 15m 待批");
    expect(!r.ok && r.message.en).toContain('"待批"');
    expect(ok(parseAmount("1500 (USD)")).note.en).toContain("(USD)");
  });

  test("a bracketed remark that is no amount is ignored and noted", () => {
    const r = ok(parseAmount("1350万欧元（一期）"));
    expect(r.note.en).toContain('ignored "一期" in brackets');
  });
});

describe("context from the column header", () => {
  const wanUsd = { context: { multiplier: 1e4, currency: "USD" as const } };

  test("a number cell is read in the header's unit and currency", () => {
    const r = ok(parseAmount(1500, wanUsd));
    expect([r.value, r.currency, r.normalized]).toEqual([1.5e7, "USD", "1500万美元"]);
    expect(r.note.zh).toContain("按表头的单位（万美元）");
  });

  test("a bare numeric string likewise, also with full-width digits", () => {
    expect(ok(parseAmount("1500", wanUsd)).value).toBe(1.5e7);
    expect(ok(parseAmount("１５００", wanUsd)).value).toBe(1.5e7);
    expect(ok(parseAmount(" 12.5 ", wanUsd)).value).toBe(125000);
  });

  test("decimal cells scale exactly (0.57 万 is 5700, not 0.57 × 1e4 = 5699.999999999999)", () => {
    expect(ok(parseAmount(0.57, wanUsd)).value).toBe(5700);
    expect(ok(parseAmount(1.13, wanUsd)).value).toBe(11300);
    expect(ok(parseAmount(4.287, { context: { multiplier: 1e8 } })).value).toBe(428700000);
  });

  test("a unit or a currency word after the number is read as written", () => {
    expect(ok(parseAmount("1500万", wanUsd))).toMatchObject({ value: 1.5e7, currency: "USD" });
    expect(ok(parseAmount("1500万元", wanUsd))).toMatchObject({ value: 1.5e7, currency: "CNY" });
    expect(ok(parseAmount("82,225元", wanUsd))).toMatchObject({ value: 82225, currency: "CNY" });
  });

  test("a number with its own unit takes only the header's currency, and the note says only that", () => {
    const r = ok(parseAmount("10亿", wanUsd));
    expect([r.value, r.currency]).toEqual([1e9, "USD"]);
    expect(r.note).toEqual({
      zh: "读作 10 亿美元；币种按表头（美元）",
      en: "read as USD 1 billion; currency of the header (USD)",
    });
  });

  test("a currency before the number names the currency only: the header's unit still applies", () => {
    expect(ok(parseAmount("USD 15", { context: { multiplier: 1e6 } }))).toMatchObject({
      value: 1.5e7,
      currency: "USD",
    });
  });

  test("ranges of bare numbers take the context too", () => {
    expect(ok(parseAmount("1000-2000", wanUsd))).toMatchObject({
      low: 1e7,
      high: 2e7,
      currency: "USD",
    });
  });

  test("a multiplier that is not a power of ten still multiplies", () => {
    expect(ok(parseAmount(3, { context: { multiplier: 2500 } })).value).toBe(7500);
  });

  test("without context a bare number is 元", () => {
    expect(ok(parseAmount(1500))).toMatchObject({
      value: 1500,
      currency: "CNY",
      normalized: "1500元",
    });
  });
});

describe("notes", () => {
  test("say what was read in both languages", () => {
    const r = ok(parseAmount("1500万美元"));
    expect(r.note).toEqual({ zh: "读作 1 500 万美元", en: "read as USD 15 million" });
  });

  test("approximate amounts say the figure was used", () => {
    const r = ok(parseAmount("约1.5亿元"));
    expect(r.note.zh).toBe("读作约数 1.5 亿元，按该数取值");
    expect(r.note.en).toBe("read as about CNY 150 million; used that figure");
  });
});

describe("parseHeaderContext", () => {
  test.each([
    ["总投资（万美元）", "总投资", { multiplier: 1e4, currency: "USD" }],
    ["总投资(万元)", "总投资", { multiplier: 1e4, currency: "CNY" }],
    ["注册资本/万美元", "注册资本", { multiplier: 1e4, currency: "USD" }],
    ["Investment (USD m)", "Investment", { multiplier: 1e6, currency: "USD" }],
    ["Total investment (CNY 10k)", "Total investment", { multiplier: 1e4, currency: "CNY" }],
    ["Revenue (RMB million)", "Revenue", { multiplier: 1e6, currency: "CNY" }],
    ["年税收（亿元）", "年税收", { multiplier: 1e8, currency: "CNY" }],
    ["注册资本（百万美元）", "注册资本", { multiplier: 1e6, currency: "USD" }],
    ["金额（单位：万元）", "金额", { multiplier: 1e4, currency: "CNY" }],
    // A figure per land unit keeps the unit it is counted per; /年 is a filler.
    ["投资强度（万元/亩）", "投资强度", { multiplier: 1e4, currency: "CNY", perArea: "亩" }],
    ["亩均税收（元/平方米）", "亩均税收", { multiplier: 1, currency: "CNY", perArea: "平方米" }],
    ["亩均税收（万元/㎡）", "亩均税收", { multiplier: 1e4, currency: "CNY", perArea: "平方米" }],
    ["亩均产出（亿元/公顷）", "亩均产出", { multiplier: 1e8, currency: "CNY", perArea: "公顷" }],
    ["税收（万元/年）", "税收", { multiplier: 1e4, currency: "CNY" }],
    ["人均产值（万元/人）", "人均产值", { multiplier: 1e4, currency: "CNY" }],
    ["总投资万美元", "总投资", { multiplier: 1e4, currency: "USD" }],
    ["总投资 万欧元", "总投资", { multiplier: 1e4, currency: "EUR" }],
    ["Investment, USD m", "Investment", { multiplier: 1e6, currency: "USD" }],
    ["Tax (CNY '000)", "Tax", { multiplier: 1e3, currency: "CNY" }],
    ["Investment (USD)", "Investment", { multiplier: 1, currency: "USD" }],
    ["产值（元）", "产值", { multiplier: 1, currency: "CNY" }],
    ["总投资（万）", "总投资", { multiplier: 1e4 }],
  ])("%s", (header, name, context) => {
    expect(parseHeaderContext(header)).toEqual({ name, context });
  });

  test.each(["项目名称", "用地面积（亩）", "占比(%)", "单元", "", "Company (English name)"])(
    "%p has no unit",
    (header) => {
      expect(parseHeaderContext(header)).toEqual({ name: header, context: null });
    }
  );

  test("the context it gives reads numbers under that header", () => {
    const { context } = parseHeaderContext("总投资（万美元）");
    expect(ok(parseAmount(4400, { context: context ?? undefined })).value).toBe(44e6);
  });
});
