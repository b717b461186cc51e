import type { CellValue, FieldDef, ScoringModel } from "../../src/engine/types";
import {
  askedRole,
  bestField,
  columnOf,
  mapColumns,
  matchHeader,
} from "../../src/workbook/mapping";
import fc from "fast-check";
import pinghu from "../../src/models/pinghu-2023.json";
import { flatMap } from "../../src/engine/es2017";
import { smallModel } from "../fixtures/workbooks/model";

const defaultModel = pinghu as unknown as ScoringModel;

const model = smallModel();

test.each([
  ["计划总投资", "alias"],
  ["投资总额", "alias"],
  ["总投资（万美元）", "exact"],
  ["总 投 资", "exact"],
  ["Total investment (USD m)", "exact"],
  ["TOTAL  INVESTMENT", "exact"],
  ["项目计划总投资额", "fuzzy"],
])("variant header %s maps to investment (%s)", (header, how) => {
  const m = mapColumns(["项目名称", header], model);
  const inv = columnOf(m, "investment");
  expect(inv).toMatchObject({ column: 1, how });
  expect(m.guessed.some((g) => g.field === "investment")).toBe(how === "fuzzy");
});

test("units and currency in headers become the column's context", () => {
  const m = mapColumns(
    ["项目名称", "总投资（万美元）", "注册资本(亿元)", "Annual tax (EUR m)", "所属产业链"],
    model
  );
  expect(columnOf(m, "investment")?.context).toMatchObject({ multiplier: 1e4, currency: "USD" });
  expect(columnOf(m, "capital")?.context).toMatchObject({ multiplier: 1e8, currency: "CNY" });
  expect(columnOf(m, "tax")?.context).toMatchObject({ multiplier: 1e6, currency: "EUR" });
  expect(columnOf(m, "chainText")?.context).toBeUndefined();
});

test("one column per field: the exact header wins over a looser one", () => {
  const m = mapColumns(["投资额", "总投资", "项目"], model);
  expect(columnOf(m, "investment")?.column).toBe(1);
  expect(m.unused.map((u) => u.header)).toEqual(["投资额"]);
});

test("unmapped fields list key fields first; unused columns are reported", () => {
  const m = mapColumns(["序号", "年税收", "联系人"], model);
  expect(m.unmapped.map((u) => u.field)).toEqual(["name", "investment", "capital", "chainText"]);
  expect(m.unmapped.slice(0, 2).every((u) => u.key)).toBe(true);
  expect(m.unused.map((u) => u.header)).toEqual(["序号", "联系人"]);
});

test("a user's mapping overrides, and null leaves a field out", () => {
  const m = mapColumns(["项目名称", "总投资", "备用投资口径（万美元）"], model, {
    investment: 2,
    name: null,
  });
  expect(columnOf(m, "investment")).toMatchObject({
    column: 2,
    how: "user",
    confidence: 1,
    context: { multiplier: 1e4, currency: "USD" },
  });
  expect(columnOf(m, "name")).toBeNull();
  expect(m.guessed).toEqual([]);
});

test("hidden columns map only as a guess, and lose to a visible column", () => {
  const m = mapColumns(["项目名称", "总投资", "总投资"], model, {}, [1]);
  expect(columnOf(m, "investment")?.column).toBe(2);
  const hiddenOnly = mapColumns(["项目名称", "总投资"], model, {}, [1]);
  expect(columnOf(hiddenOnly, "investment")).toMatchObject({ column: 1 });
  expect(hiddenOnly.guessed.map((g) => g.field)).toEqual(["investment"]);
});

test("our own result columns are never mapped", () => {
  const m = mapColumns(["项目名称", "总投资 [ZS:dim.scale]"], model);
  expect(columnOf(m, "investment")).toBeNull();
  expect(m.unused).toEqual([]);
});

test("unrelated headers stay unmapped", () => {
  const m = mapColumns(["联系人", "电话", "日期"], model);
  expect(m.mapped).toEqual([]);
});

/** A field whose only names are 甲乙丙 and "alpha", so each header below meets one name. */
const abc: FieldDef = {
  id: "alpha",
  label: { zh: "甲乙丙", en: "Alpha" },
  type: "text",
  aliases: [],
};

test("a name inside the header (two characters or more) scores 0.55 + 0.35 x its share of the header", () => {
  expect(matchHeader("甲乙丙丁", abc)?.confidence).toBeCloseTo(0.55 + 0.35 * (3 / 4), 12);
  // The header inside the name counts the same way.
  expect(matchHeader("甲乙", abc)?.confidence).toBeCloseTo(0.55 + 0.35 * (2 / 3), 12);
  expect(matchHeader("甲乙", abc)?.how).toBe("fuzzy");
  // One character is no match: it shares no bigram with the name.
  expect(matchHeader("甲", abc)).toBeNull();
});

test("otherwise Dice of bigrams: 0.3 + 0.5 x Dice, taken from Dice 0.5 up", () => {
  // 甲乙丁乙丙戊己 holds both bigrams of 甲乙丙 among its six, not the name itself: Dice 2·2/(2+6) = 0.5,
  // the bound where a name three times shorter in bigrams can still match.
  expect(matchHeader("甲乙丁乙丙戊己", abc)?.confidence).toBeCloseTo(0.55, 12);
  // One bigram more in the header: Dice 4/9 < 0.5.
  expect(matchHeader("甲乙丁乙丙戊己庚", abc)).toBeNull();
  // 甲乙丁: Dice 2·1/(2+2) = 0.5.
  expect(matchHeader("甲乙丁", abc)).toEqual({ confidence: 0.55, how: "fuzzy" });
  expect(matchHeader("甲丁戊", abc)).toBeNull();
});

test("the field a cell names best: the higher confidence, the first field on ties, none without a shared bigram", () => {
  const fields = smallModel().fields;
  expect(bestField("总投资", fields)).toEqual({ confidence: 1, field: "investment" });
  expect(bestField("项目计划总投资额", fields)).toEqual({
    confidence: 0.55 + 0.35 * (5 / 8), // 计划总投资, an alias, fills 5 of its 8 characters
    field: "investment",
  });
  expect(bestField("联系人", fields)).toEqual({ confidence: 0, field: "" });
  expect(bestField(12, fields)).toEqual({ confidence: 0, field: "" });
  const twins = [abc, { ...abc, id: "beta", label: { zh: "甲乙丙", en: "Beta" } }];
  expect(bestField("甲乙丙", twins)).toEqual({ confidence: 1, field: "alpha" });
});

test("bestField skips fields sharing no bigram with the header, and finds what matching every field finds", () => {
  const fields = defaultModel.fields;
  // Headers built from pieces of the fields' own names, so many match one field or several.
  const pieces = flatMap(fields, (f) => [f.label.zh, f.label.en, ...f.aliases]);
  const piece = fc.constantFrom(...pieces);
  const header = fc.oneof(
    piece,
    fc
      .tuple(piece, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 8 }))
      .map(([p, from, n]) => [...p].slice(from, from + n).join("")),
    fc
      .tuple(piece, piece, fc.constantFrom("", "（万元）", " ", "合计", "甲"))
      .map(([a, b, c]) => a + c + b),
    fc.string({ maxLength: 6 })
  );
  fc.assert(
    fc.property(header, (h) => {
      let expected = { confidence: 0, field: "" };
      for (const f of fields) {
        const m = matchHeader(h, f);
        if (m && m.confidence > expected.confidence)
          expected = { confidence: m.confidence, field: f.id };
      }
      expect(bestField(h, fields)).toEqual(expected);
    }),
    { numRuns: 2000 }
  );
});

test("a land unit in brackets ending the header is not part of the name; other brackets are", () => {
  const land: FieldDef = {
    id: "land",
    label: { zh: "用地面积", en: "Land area" },
    type: "number",
    aliases: [],
  };
  expect(matchHeader("用地面积（平方米）", land)).toEqual({ confidence: 1, how: "exact" });
  expect(matchHeader("用地面积(亩)", land)).toEqual({ confidence: 1, how: "exact" });
  // Only the last bracket goes: 用地面积 fills 4 of the 6 characters of 用地面积规划.
  expect(matchHeader("用地面积（规划）（亩）", land)?.confidence).toBeCloseTo(
    0.55 + 0.35 * (4 / 6),
    12
  );
  // 备注 is no unit: 甲乙丙 fills 3 of the 5 characters of 甲乙丙备注.
  expect(matchHeader("甲乙丙（备注）", abc)?.confidence).toBeCloseTo(0.55 + 0.35 * (3 / 5), 12);
});

test("overrides naming no field of the model are ignored; one past the headers maps a blank header", () => {
  const m = mapColumns(["项目名称", "总投资"], model, { nosuch: 0, tax: 5 });
  expect(columnOf(m, "nosuch")).toBeNull();
  expect(columnOf(m, "name")?.column).toBe(0);
  expect(columnOf(m, "tax")).toMatchObject({ column: 5, header: "", how: "user" });
});

test("blank headers are not reported unused; a mapping without a sheet carries no context or report keys", () => {
  const m = mapColumns(["项目名称", "", "总投资"], model);
  expect(m.unused).toEqual([]);
  expect("context" in columnOf(m, "name")!).toBe(false);
  expect("report" in m || "warnings" in m).toBe(false);
});

test("a per-亩 amount unit after a separator is not part of the name: 亩均税收/万元/亩 is 亩均税收", () => {
  const taxPerMu: FieldDef = {
    id: "taxPerMu",
    label: { zh: "亩均税收", en: "Tax per mu" },
    type: "number",
    aliases: [],
  };
  expect(matchHeader("亩均税收/万元/亩", taxPerMu)).toEqual({ confidence: 1, how: "exact" });
});

test("an alias written as a dash (a model sheet's 'none') never matches a blank or unit-only header", () => {
  const dashed: FieldDef = { ...abc, aliases: ["—"] };
  expect(matchHeader("", dashed)).toBeNull();
  expect(matchHeader(null, dashed)).toBeNull();
  expect(matchHeader("（万元）", dashed)).toBeNull();
});

test("a one-character name with its unit is matched by the whole header: 税（万元） to 纳税（万元）", () => {
  const tax: FieldDef = {
    id: "tax",
    label: { zh: "纳税额", en: "Tax paid" },
    type: "number",
    aliases: ["纳税（万元）"],
  };
  // 税万元 fills 3 of the 4 characters of 纳税万元; 税 alone shares no bigram with any name.
  expect(bestField("税（万元）", [abc, tax])).toEqual({
    confidence: 0.55 + 0.35 * (3 / 4),
    field: "tax",
  });
});

test("a header row with holes (a sparse row from a host) maps its other columns", () => {
  const headers: CellValue[] = [];
  headers[0] = "项目名称";
  headers[2] = "总投资";
  const m = mapColumns(headers, model);
  expect(m.mapped.map((x) => [x.field, x.column])).toEqual([
    ["name", 0],
    ["investment", 2],
  ]);
});

test("ties go to the model's earlier field, then to the left column", () => {
  const beta: FieldDef = { ...abc, id: "beta", label: { zh: "甲乙丙", en: "Beta" } };
  const twins: ScoringModel = { ...model, fields: [abc, beta] };
  const m = mapColumns(["甲乙丙", "甲乙丙", "甲乙丙"], twins);
  expect(m.mapped.map((x) => [x.field, x.column])).toEqual([
    ["alpha", 0],
    ["beta", 1],
  ]);
  expect(m.unused.map((u) => u.column)).toEqual([2]);
});

test("mapped columns are listed left to right, a user's override among them", () => {
  const m = mapColumns(["年税收", "总投资", "项目名称"], model, { name: 2 });
  expect(m.mapped.map((x) => [x.field, x.column])).toEqual([
    ["tax", 0],
    ["investment", 1],
    ["name", 2],
  ]);
});

test("unmapped fields: every field when none maps, key fields first whatever the model's order", () => {
  const [name, investment, ...rest] = model.fields;
  const keysLast: ScoringModel = { ...model, fields: [...rest, name, investment] };
  const m = mapColumns(["序号", "联系人"], keysLast);
  expect(m.unmapped.map((u) => [u.field, u.key])).toEqual([
    ["name", true],
    ["investment", true],
    ["capital", false],
    ["tax", false],
    ["chainText", false],
  ]);
});

test("a match of exactly 0.8 is not a guess: 计划总投资 fills 5 of the 7 characters of 计划总投资金额", () => {
  const m = mapColumns(["项目名称", "计划总投资金额"], model);
  expect(columnOf(m, "investment")).toMatchObject({ column: 1, how: "fuzzy", confidence: 0.8 });
  expect(m.guessed).toEqual([]);
});

test("a bare 用地 or 占地 header is the land area, not a guess", () => {
  for (const header of ["用地", "占地", "用地规模"])
    expect(columnOf(mapColumns(["项目名称", header], defaultModel), "landArea")).toMatchObject({
      column: 1,
      how: "alias",
    });
  // 用地性质 is the land use, never the area.
  expect(columnOf(mapColumns(["项目名称", "用地性质"], defaultModel), "landArea")).toBeNull();
});

describe("ratio headers (per 亩, per person, per unit of energy, intensities) never name a total", () => {
  // The default model without its fields counted per 亩, which take these headers (below).
  const totalsOnly = { ...defaultModel, fields: defaultModel.fields.filter((f) => !f.per) };

  test.each([
    ["亩均税收", "tax"],
    ["亩均税收（万元/亩）", "tax"],
    ["亩产税收", "tax"],
    ["每亩税收", "tax"],
    ["税收（万元/亩）", "tax"],
    ["单位能耗产出", "energyUse"],
    ["固定资产投资强度", "fixedAssetInvestment"],
  ])("%s is left unused, saying it is a ratio and not the total %s", (header, field) => {
    const m = mapColumns(["项目名称", header], totalsOnly);
    expect(m.mapped.map((x) => x.field)).toEqual(["name"]);
    const label = defaultModel.fields.find((f) => f.id === field)!.label;
    expect(m.unused).toEqual([
      {
        column: 1,
        header,
        hidden: false,
        why: {
          zh: `“${header}”是比率（每亩、人均或单位能耗的数），不是${label.zh}的总额，未使用`,
          en: `"${header}" is a ratio (per 亩, per person or per unit of energy), not the total ${label.en}; not used`,
        },
      },
    ]);
  });

  test.each([
    ["亩均税收", "statedTaxPerMu", "alias"],
    ["亩均税收（万元/亩）", "statedTaxPerMu", "alias"],
    ["亩产税收", "statedTaxPerMu", "alias"],
    ["每亩税收", "statedTaxPerMu", "alias"],
    ["达产后亩均税收（万元/亩）", "statedTaxPerMu", "alias"],
    ["亩均产值（万元/亩）", "statedOutputPerMu", "alias"],
    ["固定资产投资强度", "statedInvestmentIntensity", "alias"],
    ["投资强度（万元/亩）", "statedInvestmentIntensity", "alias"],
  ])(
    "the default model reads %s as the figure per 亩 it is (%s), never as a total",
    (header, field, how) => {
      const m = mapColumns(["项目名称", header], defaultModel);
      expect(m.mapped.map((x) => [x.field, x.how])).toEqual([
        ["name", "exact"],
        [field, how],
      ]);
    }
  );

  test("a per-亩 header guessed at never crosses what it counts: 亩产税收 is tax, not output", () => {
    const m = mapColumns(["项目名称", "预计亩产税收情况"], defaultModel);
    expect(m.mapped.map((x) => x.field)).toEqual(["name", "statedTaxPerMu"]);
    const output = mapColumns(["项目名称", "预计亩均产出情况"], defaultModel);
    expect(output.mapped.map((x) => x.field)).toEqual(["name", "statedOutputPerMu"]);
  });

  test("per year is how totals are written: 税收（万元/年） is the annual tax", () => {
    const m = mapColumns(["项目名称", "税收（万元/年）", "年税收（万元）"], defaultModel);
    expect(columnOf(m, "tax")).toMatchObject({ column: 2, how: "exact" });
    const alone = mapColumns(["项目名称", "税收贡献（万元/年）"], defaultModel);
    expect(columnOf(alone, "tax")?.column).toBe(1);
  });

  test("a field that is itself a ratio takes ratio headers, and the analyst can still map one", () => {
    const perMu: FieldDef = {
      id: "taxPerMu",
      label: { zh: "亩均税收", en: "Tax per mu" },
      type: "number",
      aliases: ["每亩税收"],
    };
    const withRatio = { ...totalsOnly, fields: [...totalsOnly.fields, perMu] };
    const m = mapColumns(["项目名称", "每亩税收", "年税收"], withRatio);
    expect(columnOf(m, "taxPerMu")).toMatchObject({ column: 1, how: "alias" });
    expect(columnOf(m, "tax")?.column).toBe(2);
    const given = mapColumns(["项目名称", "亩均税收"], defaultModel, { tax: 1 });
    expect(columnOf(given, "tax")).toMatchObject({ column: 1, how: "user" });
    expect(given.unused).toEqual([]);
  });

  test("a header stating a currency holds amounts: 外资（万美元） is no country", () => {
    const m = mapColumns(["项目名称", "外资（万美元）", "其中：外资"], defaultModel);
    expect(columnOf(m, "country")).toBeNull();
    expect(columnOf(m, "contractedFdi")).toMatchObject({ column: 2, how: "alias" });
    const alone = mapColumns(["项目名称", "外资（万美元）"], defaultModel);
    expect(columnOf(alone, "contractedFdi")).toMatchObject({
      column: 1,
      how: "fuzzy",
      context: { multiplier: 1e4, currency: "USD" },
    });
    // Without a currency the same word may still name the investor's origin.
    expect(columnOf(mapColumns(["项目名称", "外资来源"], defaultModel), "country")?.column).toBe(1);
  });
});

describe("the company's past is not the project's expected figure", () => {
  test("上年销售额 is the company's revenue, not the project's 达产营业额", () => {
    const m = mapColumns(["项目名称", "上年销售额", "去年营收"], defaultModel);
    expect(columnOf(m, "revenue")).toBeNull();
    expect(columnOf(m, "companyRevenue")).toMatchObject({ column: 1, how: "alias" });
    const alone = mapColumns(["项目名称", "去年营收"], defaultModel);
    expect(columnOf(alone, "companyRevenue")).toMatchObject({ column: 1, how: "fuzzy" });
    expect(columnOf(alone, "revenue")).toBeNull();
  });

  test("企业上年纳税 is left unused, saying why: neither the project's tax nor the company's revenue", () => {
    const m = mapColumns(["项目名称", "企业上年纳税"], defaultModel);
    expect(m.mapped.map((x) => x.field)).toEqual(["name"]);
    expect(m.unused[0].why).toEqual({
      zh: "“企业上年纳税”是企业过去的数（上年、去年），不是项目的年税收，未使用",
      en: "\"企业上年纳税\" is the company's past figure (last year), not the project's Annual tax; not used",
    });
  });

  test("a guess never crosses measures, whatever else the names share", () => {
    const field = (id: string) => defaultModel.fields.find((f) => f.id === id)!;
    // 企业上年营收 shares 企业上年 with the header: Dice 0.6 would be a guess.
    expect(matchHeader("企业上年纳税", field("companyRevenue"))).toBeNull();
    expect(matchHeader("企业上年营业额", field("companyRevenue"))?.how).toBe("fuzzy");
    // A header naming no measure is matched as before.
    expect(matchHeader("项目名", field("name"))?.how).toBe("fuzzy");
  });
});

describe("a yes/no column asking after one chain role (是否链主) maps to the role field", () => {
  const headers = (h: string) => ["项目名称", "总投资", "所属产业链", h, "项目进度"];

  test.each([
    ["是否链主", "leader"],
    ["是否链主企业", "leader"],
    ["是否为链主企业", "leader"],
    ["是否属于链主", "leader"],
    ["链主企业（是/否）", "leader"],
    ["链主(Y/N)", "leader"],
    ["是否链主（是/否）", "leader"],
    ["是否龙头企业", "leader"],
    ["是否链主？", "leader"],
    ["Chain leader (Y/N)", "leader"],
    ["Is leader?", "leader"],
    ["是否为关键环节", "keyLink"],
    ["重点配套（是/否）", "keySupplier"],
  ])("%s → 链上定位, a yes reads as %s", (header, role) => {
    const m = mapColumns(headers(header), defaultModel);
    expect(columnOf(m, "chainRole")).toMatchObject({
      column: 3,
      header,
      how: "alias",
      confidence: 0.95,
      context: { yesRole: role },
    });
    expect(m.guessed).toEqual([]);
    expect(m.unused).toEqual([]);
  });

  test.each([
    "链主企业名称",
    "是否签约",
    "链主企业",
    "链上定位",
    "是否",
    "是否为新能源汽车",
    "是否链主产品",
  ])("%s asks after no role", (header) => {
    expect(askedRole(header, defaultModel.chain!)).toBeNull();
    const m = mapColumns(headers(header), defaultModel);
    expect(columnOf(m, "chainRole")?.context?.yesRole).toBeUndefined();
  });

  test("链主企业名称 and 是否签约 stay unused, as before", () => {
    const m = mapColumns(["项目名称", "链主企业名称", "是否签约"], defaultModel);
    expect(m.unused.map((u) => u.header)).toEqual(["链主企业名称", "是否签约"]);
    expect(m.unused.every((u) => u.why === undefined)).toBe(true);
  });

  test("a column of the role itself keeps the field; the yes/no column is unused, saying why", () => {
    const m = mapColumns([...headers("是否链主"), "链上定位"], defaultModel);
    expect(columnOf(m, "chainRole")).toMatchObject({ column: 5, how: "exact" });
    expect(columnOf(m, "chainRole")?.context).toBeUndefined();
    expect(m.unused).toEqual([
      {
        column: 3,
        header: "是否链主",
        hidden: false,
        why: {
          zh: "只问是否链主：链上定位取自「链上定位」列",
          en: 'asks only whether it is Chain leader: Role in chain is read from "链上定位"',
        },
      },
    ]);
  });

  test("two yes/no role columns: the first visible one maps, the other is unused, saying why", () => {
    const m = mapColumns(["项目名称", "是否关键环节", "是否链主"], defaultModel, {}, [1]);
    expect(columnOf(m, "chainRole")).toMatchObject({ column: 2, context: { yesRole: "leader" } });
    expect(m.unused).toEqual([
      expect.objectContaining({ column: 1, hidden: true, why: expect.anything() }),
    ]);
    expect(m.unused[0].why!.zh).toBe("只问是否关键环节：链上定位取自「是否链主」列");
    // Hidden and alone, it maps as a hidden column does: a guess.
    const hidden = mapColumns(["项目名称", "是否链主"], defaultModel, {}, [1]);
    expect(columnOf(hidden, "chainRole")?.confidence).toBeCloseTo(0.57, 10);
    expect(hidden.guessed.map((g) => g.field)).toEqual(["chainRole"]);
  });

  test("mapped by the user, the column still reads a yes as its role; left out, it is unused", () => {
    const m = mapColumns(headers("是否龙头企业"), defaultModel, { chainRole: 3 });
    expect(columnOf(m, "chainRole")).toMatchObject({ how: "user", context: { yesRole: "leader" } });
    const out = mapColumns(headers("是否链主"), defaultModel, { chainRole: null });
    expect(columnOf(out, "chainRole")).toBeNull();
    expect(out.unused).toEqual([{ column: 3, header: "是否链主", hidden: false }]);
  });

  test("the roles are the model's: another model's role names map, the default model's do not", () => {
    const other: ScoringModel = {
      ...defaultModel,
      chain: {
        ...defaultModel.chain!,
        roles: [
          { id: "head", label: { zh: "头部企业", en: "Head firm" }, score: 1, aliases: ["头部"] },
          { id: "rest", label: { zh: "其他", en: "Other" }, score: 0.4, aliases: [] },
        ],
        defaultRole: "rest",
      },
    };
    expect(columnOf(mapColumns(headers("是否头部企业"), other), "chainRole")?.context).toEqual({
      yesRole: "head",
    });
    expect(columnOf(mapColumns(headers("头部（是/否）"), other), "chainRole")?.context).toEqual({
      yesRole: "head",
    });
    expect(askedRole("是否链主", other.chain!)).toBeNull();
    // A model without a chain has no role field to fill.
    const { chain: _chain, ...noChain } = defaultModel;
    expect(mapColumns(headers("是否链主"), noChain as ScoringModel).unused).toEqual([
      { column: 3, header: "是否链主", hidden: false },
    ]);
  });
});

test.each([
  ["客商", "investor"],
  ["项目方", "investor"],
  ["签约企业", "investor"],
  ["外方投资者", "investor"],
  ["签约金额（亿元）", "totalInvestment"],
  ["协议投资额", "totalInvestment"],
  ["签订时间", "signDate"],
  ["协议签订时间", "signDate"],
  ["用地需求（亩）", "landArea"],
])("bureau wording: %s is the model's %s (an alias, not a guess)", (header, field) => {
  const m = mapColumns(["序号", header], defaultModel);
  expect(columnOf(m, field)).toMatchObject({ column: 1, how: "alias" });
  expect(m.guessed).toEqual([]);
});

test("a guess never crosses ranked lists: 世界500强排名 is no 中国企业500强 column", () => {
  const m = mapColumns(["项目名称", "世界500强", "世界500强排名"], defaultModel);
  expect(columnOf(m, "fortune500")?.column).toBe(1);
  expect(columnOf(m, "china500")).toBeNull();
  expect(m.unused.map((u) => u.header)).toEqual(["世界500强排名"]);
  // Alone, the rank column is the 世界500强 column (its ranks read as yes or no).
  expect(
    columnOf(mapColumns(["项目名称", "世界500强排名"], defaultModel), "fortune500")?.column
  ).toBe(1);
  expect(
    columnOf(mapColumns(["项目名称", "中国企业500强排名"], defaultModel), "china500")?.column
  ).toBe(1);
});
