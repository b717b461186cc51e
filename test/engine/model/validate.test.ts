import {
  loadModel,
  InvalidModelError,
  validateModel,
  withDefaults,
  ModelError,
} from "../../../src/engine/model";
import full from "../../fixtures/models/full.json";
import base from "../../fixtures/models/base.json";
import worked from "../../fixtures/models/worked-example.json";
import pinghu from "../../../src/models/pinghu-2023.json";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Errors of `full` after `edit`, as "path: english message" lines. */
function errorsAfter(edit: (m: Json) => void, start: Json = full): ModelError[] {
  const m = JSON.parse(JSON.stringify(start)) as Json;
  edit(m);
  const r = validateModel(m);
  if (r.ok) return [];
  for (const e of r.errors) expect(e.message.zh.length).toBeGreaterThan(0);
  return r.errors;
}

const paths = (errors: ModelError[]) => errors.map((e) => e.path);

describe("validateModel accepts good models", () => {
  test.each([
    ["the default Pinghu 2023 model", pinghu],
    ["the full-feature fixture", full],
    ["the base fixture", base],
    ["the worked example of docs/engine.md", worked],
  ])("%s", (_, model) => {
    const r = validateModel(model);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  test("the pane starts from the bundled model with defaults only: the same model the validator returns", () => {
    const r = validateModel(pinghu);
    expect(r.ok && r.model).toEqual(withDefaults(pinghu));
  });

  test("expressions may read the exchange rates (fx_USD …) and an amount field's currency", () => {
    const m = JSON.parse(JSON.stringify(full)) as Json;
    m.flags[0].when = 'investment >= 10000 * fx_USD or investment_currency != "CNY"';
    m.criteria[8].transform.expression = "min(x / fx_EUR, 1)";
    m.derived[0].expression = "investment / fx_GBP / landArea";
    const r = validateModel(m);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  test("fills defaults: empty lists, direction more, missing zero", () => {
    const m = JSON.parse(JSON.stringify(base)) as Json;
    delete m.decisions;
    delete m.criteria[0].direction;
    delete m.criteria[0].missing;
    const r = validateModel(m);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.model.gates).toEqual([]);
    expect(r.model.decisions).toEqual([]);
    expect(r.model.criteria[0]).toMatchObject({ direction: "more", missing: "zero" });
  });
});

describe("validateModel rejects each kind of bad model, naming the path", () => {
  test.each<[string, (m: Json) => void, string, RegExp]>([
    ["wrong schema", (m) => (m.schema = "other"), "schema", /must be "zs-scorer\/model"/],
    [
      "wrong format version",
      (m) => (m.formatVersion = 2),
      "formatVersion",
      /unsupported format version 2/,
    ],
    ["unknown model currency", (m) => (m.currency = "XYZ"), "currency", /unknown currency "XYZ"/],
    [
      "missing FX rate for the model currency",
      (m) => (m.currency = "JPY"),
      "currency",
      /no exchange rate for JPY/,
    ],
    [
      "missing FX rate for a target currency",
      (m) => (m.targets.items[1].currency = "GBP"),
      "targets.items[1].currency",
      /no exchange rate for GBP/,
    ],
    ["non-positive FX rate", (m) => (m.fx.rates.USD = 0), "fx.rates.USD", /positive/],
    [
      "zero amount multiplier",
      (m) => (m.amountMultiplier = 0),
      "amountMultiplier",
      /must not be below/,
    ],
    [
      "duplicate field ids",
      (m) => (m.fields[1].id = "name"),
      "fields[1].id",
      /duplicate id "name"/,
    ],
    [
      "derived id clashing with a field",
      (m) => (m.derived[0].id = "tax"),
      "derived[0].id",
      /duplicate id "tax"/,
    ],
    [
      "field id unusable in expressions",
      (m) => (m.fields[0].id = "1st"),
      "fields[0].id",
      /cannot be a name in expressions/,
    ],
    [
      "reserved field id",
      (m) => (m.fields[0].id = "constructor"),
      "fields[0].id",
      /cannot be a name/,
    ],
    [
      "unknown field type",
      (m) => (m.fields[2].type = "money"),
      "fields[2].type",
      /unknown field type "money"/,
    ],
    [
      "duplicate criterion ids",
      (m) => (m.criteria[3].id = "tax"),
      "criteria[3].id",
      /duplicate id "tax"/,
    ],
    [
      "unknown criterion field",
      (m) => (m.criteria[3].field = "nope"),
      "criteria[3].field",
      /field "nope" does not exist/,
    ],
    [
      "unknown dimension",
      (m) => (m.criteria[0].dimension = "size"),
      "criteria[0].dimension",
      /dimension "size" does not exist/,
    ],
    [
      "unknown transform type",
      (m) => (m.criteria[1].transform = { type: "sigmoid" }),
      "criteria[1].transform.type",
      /unknown transform type "sigmoid"/,
    ],
    [
      "linear bounds out of order",
      (m) => (m.criteria[3].transform = { type: "linear", min: 600, max: 0 }),
      "criteria[3].transform.max",
      /must be greater than min/,
    ],
    [
      "log bound not positive",
      (m) => (m.criteria[0].transform.min = 0),
      "criteria[0].transform.min",
      /must not be below/,
    ],
    [
      "missing bound",
      (m) => delete m.criteria[0].transform.max,
      "criteria[0].transform.max",
      /must be a number/,
    ],
    [
      "breakpoints out of order",
      (m) =>
        (m.criteria[1].transform.points = [
          [0, 0],
          [2000, 1],
          [500, 0.6],
        ]),
      "criteria[1].transform.points[2][0]",
      /strictly increasing/,
    ],
    [
      "breakpoint score above 1",
      (m) => (m.criteria[1].transform.points[2] = [2000, 1.5]),
      "criteria[1].transform.points[2][1]",
      /within 0–1/,
    ],
    [
      "threshold against its direction",
      (m) => (m.criteria[2].direction = "less"),
      "criteria[2].transform.full",
      /full 35 must be below zero 0/,
    ],
    [
      "category score out of range",
      (m) => (m.criteria[6].transform.table["签约"] = 2),
      "criteria[6].transform.table.签约",
      /must not be above 1/,
    ],
    [
      "category transform over a number",
      (m) => (m.criteria[6].field = "landArea"),
      "criteria[6].transform.type",
      /needs a category or text field/,
    ],
    [
      "numeric transform over text",
      (m) => (m.criteria[0].field = "name"),
      "criteria[0].transform.type",
      /needs a numeric field/,
    ],
    [
      "keywords rule without words",
      (m) => (m.criteria[7].transform.rules[0].words = []),
      "criteria[7].transform.rules[0].words",
      /non-empty list/,
    ],
    [
      "boolean transform over a number",
      (m) => (m.criteria[5].field = "landArea"),
      "criteria[5].transform.type",
      /needs a boolean field/,
    ],
    [
      "chain transform without a chain section",
      (m) => delete m.chain,
      "criteria[4].transform.type",
      /needs the model's chain section/,
    ],
    [
      "bad transform expression",
      (m) => (m.criteria[8].transform.expression = "min(x /"),
      "criteria[8].transform.expression",
      /refused: expression cannot be parsed/,
    ],
    [
      "unsafe transform expression",
      (m) => (m.criteria[8].transform.expression = 'evaluate("x")'),
      "criteria[8].transform.expression",
      /calling "evaluate" is not allowed/,
    ],
    [
      "unknown missing policy",
      (m) => (m.criteria[0].missing = "skip"),
      "criteria[0].missing",
      /unknown missing-value policy "skip"/,
    ],
    [
      "unknown direction",
      (m) => (m.criteria[0].direction = "up"),
      "criteria[0].direction",
      /unknown direction "up"/,
    ],
    [
      "negative criterion weight",
      (m) => (m.criteria[0].weight = -1),
      "criteria[0].weight",
      /must not be below 0/,
    ],
    [
      "negative dimension weight",
      (m) => ((m.dimensions[0].weight = -0.5), (m.dimensions[1].weight = 1.2)),
      "dimensions[0].weight",
      /must not be below 0/,
    ],
    [
      "dimension weights not summing to 1",
      (m) => (m.dimensions[0].weight = 0.6),
      "dimensions",
      /must sum to 1 \(they sum to 1.1\)/,
    ],
    [
      "duplicate dimension ids",
      (m) => (m.dimensions[1].id = "scale"),
      "dimensions[1].id",
      /duplicate id "scale"/,
    ],
    [
      "weighted dimension without criteria",
      (m) => (m.criteria = m.criteria.filter((c: Json) => c.dimension !== "efficiency")),
      "dimensions[1]",
      /has weight but no criterion/,
    ],
    [
      "derived field reading an unknown field",
      (m) => (m.derived[0].expression = "investment / area"),
      "derived[0].expression",
      /unknown name "area"/,
    ],
    [
      "a rate the model cannot have",
      (m) => (m.derived[0].expression = "investment * fx_XAU"),
      "derived[0].expression",
      /unknown name "fx_XAU"/,
    ],
    [
      "the currency of a field that is not an amount",
      (m) => (m.flags[0].when = 'landArea_currency != "CNY"'),
      "flags[0].when",
      /unknown name "landArea_currency"/,
    ],
    [
      "a field named like an exchange rate",
      (m) => (m.fields[0].id = "fx_USD"),
      "fields[0].id",
      /cannot be a name in expressions/,
    ],
    [
      "a field named like an amount field's currency",
      (m) => (m.fields[0].id = "investment_currency"),
      "fields[4].id",
      /"investment_currency" is already a field/,
    ],
    [
      "derived fields in a cycle",
      (m) => (
        (m.derived[0].expression = "taxPerMu * 2"),
        (m.derived[1].expression = "investPerMu / 2")
      ),
      "derived[0].expression",
      /cycle: investPerMu → taxPerMu → investPerMu/,
    ],
    [
      "gate expression unsafe",
      (m) => (m.gates[0].pass = "blacklist.constructor"),
      "gates[0].pass",
      /property access/,
    ],
    [
      "gate appliesWhen unknown field",
      (m) => (m.gates[1].appliesWhen = "area > 0"),
      "gates[1].appliesWhen",
      /unknown name "area"/,
    ],
    [
      "unknown gate effect",
      (m) => (m.gates[0].effect = "ban"),
      "gates[0].effect",
      /unknown gate effect "ban"/,
    ],
    ["cap gate without cap", (m) => delete m.gates[1].cap, "gates[1].cap", /must be a number/],
    [
      "bonus expression on text",
      (m) => (m.bonuses[0].when = "name + 1"),
      "bonuses[0].when",
      /text/,
    ],
    [
      "flag with assignment",
      (m) => (m.flags[0].when = "country = 1"),
      "flags[0].when",
      /assignment is not allowed/,
    ],
    [
      "percentile bands out of order",
      (m) => (m.grades.bands[1].topShare = 0.1),
      "grades.bands[1].topShare",
      /must increase band by band/,
    ],
    [
      "percentile bands not reaching 1",
      (m) => (m.grades.bands[3].topShare = 0.99),
      "grades.bands[3].topShare",
      /must be 1/,
    ],
    [
      "absolute bands out of order",
      (m) => (m.grades.bands[1].min = 90),
      "grades.bands[1].min",
      /highest minimum down/,
    ],
    [
      "duplicate grades",
      (m) => (m.grades.bands[1].grade = "A"),
      "grades.bands[1].grade",
      /duplicate grade "A"/,
    ],
    [
      "unknown grading method",
      (m) => (m.grades.method = "curve"),
      "grades.method",
      /unknown grading method "curve"/,
    ],
    [
      "decision naming an unknown grade",
      (m) => (m.decisions[0].grades = ["S"]),
      "decisions[0].grades[0]",
      /grade "S" does not exist/,
    ],
    [
      "chain default role unknown",
      (m) => (m.chain.defaultRole = "boss"),
      "chain.defaultRole",
      /default role "boss"/,
    ],
    [
      "chain text field unknown",
      (m) => (m.chain.textFields = ["summary"]),
      "chain.textFields[0]",
      /field "summary" does not exist/,
    ],
    [
      "synergy key not sorted",
      (m) => (m.chain.synergy = { "nev+cnc": 1.2 }),
      "chain.synergy.nev+cnc",
      /sorted "a\+b"/,
    ],
    [
      "target counting an unknown flag",
      (m) =>
        m.targets.items.push({
          id: "big",
          label: { zh: "招大", en: "Big" },
          measure: "flagCount",
          flag: "huge",
          value: 18,
        }),
      "targets.items[2].flag",
      /flag "huge" does not exist/,
    ],
    [
      "a stage's halted mark that is not true or false",
      (m) => (m.stages[0].halted = "yes"),
      "stages[0].halted",
      /must be true or false/,
    ],
    // Scoring spreads roles' and stages' aliases and reads their labels: each of these threw there.
    [
      "a role without aliases",
      (m) => delete m.chain.roles[0].aliases,
      "chain.roles[0].aliases",
      /must be a list of text/,
    ],
    [
      "a chain's aliases that are not a list",
      (m) => (m.chain.chains[0].aliases = "NEV"),
      "chain.chains[0].aliases",
      /must be a list of text/,
    ],
    ["a role that is no object", (m) => (m.chain.roles[1] = "key"), "chain.roles[1]", /object/],
    ["a chain that is no object", (m) => (m.chain.chains[0] = "nev"), "chain.chains[0]", /object/],
    [
      "a stage's aliases that are not text",
      (m) => (m.stages[1].aliases = [1]),
      "stages[1].aliases",
      /must be a list of text/,
    ],
    ["a stage without a label", (m) => delete m.stages[0].label, "stages[0].label", /bilingual/],
    ["a stage that is no object", (m) => (m.stages[0] = "talk"), "stages[0]", /object/],
    [
      "too many entries",
      (m) => (m.gates = Array(2001).fill(m.gates[0])),
      "gates",
      /too many entries \(2001, limit 2000\)/,
    ],
    [
      "label not bilingual",
      (m) => (m.criteria[0].label = "总投资"),
      "criteria[0].label",
      /bilingual/,
    ],
  ])("%s", (_, edit, path, message) => {
    const start = path.startsWith("grades.bands[1].min") ? absoluteGrades() : full;
    const errors = errorsAfter(edit, start);
    const hit = errors.find((e) => e.path === path);
    expect(hit ? `${hit.path}: ${hit.message.en}` : paths(errors)).toMatch(message);
  });

  test("a document that is not an object", () => {
    for (const doc of [null, [], "model", 3]) {
      const r = validateModel(doc);
      expect(r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message.en}`)).toEqual([
        ": must be an object",
      ]);
    }
  });

  test("reports every problem at once", () => {
    const errors = errorsAfter((m) => {
      m.schema = "x";
      m.criteria[0].weight = -1;
      m.gates[0].pass = "import(1)";
    });
    expect(paths(errors)).toEqual(
      expect.arrayContaining(["schema", "criteria[0].weight", "gates[0].pass"])
    );
  });
});

function absoluteGrades(): Json {
  const m = JSON.parse(JSON.stringify(full)) as Json;
  m.grades = {
    method: "absolute",
    bands: [
      { grade: "A", label: { zh: "A", en: "A" }, min: 80 },
      { grade: "B", label: { zh: "B", en: "B" }, min: 60 },
      { grade: "C", label: { zh: "C", en: "C" }, min: 40 },
      { grade: "D", label: { zh: "D", en: "D" }, min: 0 },
    ],
  };
  return m;
}

describe("loadModel", () => {
  test("reads JSON text and returns the validated model", () => {
    expect(loadModel(JSON.stringify(base)).id).toBe("base");
  });

  test("throws InvalidModelError listing paths, also for text that is not JSON", () => {
    expect(() => loadModel("{")).toThrow(InvalidModelError);
    try {
      loadModel({ ...base, formatVersion: 9 });
      throw new Error("expected a refusal");
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidModelError);
      expect((e as InvalidModelError).errors.map((x) => x.path)).toEqual(["formatVersion"]);
      expect((e as Error).message).toMatch(/formatVersion: unsupported format version 9/);
    }
  });
});

describe("a field's range: numbers, min below max, only on number and percent fields", () => {
  const messages = (errors: ModelError[]) =>
    errors.map((e) => [e.path, e.message.zh, e.message.en]);

  test("a number or percent field takes either bound alone, or both with min below max", () => {
    expect(errorsAfter((m) => (m.fields[6].range = { min: 0 }))).toEqual([]);
    expect(errorsAfter((m) => (m.fields[11].range = { max: 1 }))).toEqual([]);
    expect(errorsAfter((m) => (m.fields[6].range = { min: 0, max: 0.001 }))).toEqual([]);
  });

  test("min equal to max, or above it, is refused at max with both figures", () => {
    for (const [min, max] of [
      [5, 5],
      [6, 5],
    ])
      expect(messages(errorsAfter((m) => (m.fields[6].range = { min, max })))).toEqual([
        [
          "fields[6].range.max",
          `上限 ${max} 应大于下限 ${min}`,
          `max ${max} must be greater than min ${min}`,
        ],
      ]);
  });

  test("a text, amount, yes/no or category field takes no range", () => {
    for (const i of [0, 4, 7, 9])
      expect(messages(errorsAfter((m) => (m.fields[i].range = { min: 0 })))).toEqual([
        [
          `fields[${i}].range`,
          "只有数值或百分比字段可设范围",
          "only number and percent fields take a range",
        ],
      ]);
  });

  test("a bound that is not a number is refused by name; a range that is no object too", () => {
    expect(paths(errorsAfter((m) => (m.fields[6].range = { min: "0" })))).toEqual([
      "fields[6].range.min",
    ]);
    expect(paths(errorsAfter((m) => (m.fields[6].range = [0, 1])))).toEqual(["fields[6].range"]);
  });
});

describe("fields read from shared columns and other kinds (the mapping and yes/no readers use them)", () => {
  test("the model check: sharedHeaders is a list of text, on amount fields only", () => {
    const withShared = (id: string, sharedHeaders: unknown) => ({
      ...pinghu,
      fields: pinghu.fields.map((f) => (f.id === id ? { ...f, sharedHeaders } : f)),
    });
    expect(validateModel(withShared("tax", ["效益"])).ok).toBe(true);
    const notList = validateModel(withShared("tax", "效益"));
    expect(!notList.ok && notList.errors.map((e) => e.path)).toContain("fields[15].sharedHeaders");
    const notAmount = validateModel(withShared("name", ["效益"]));
    expect(!notAmount.ok && notAmount.errors.map((e) => e.message.zh)).toContain(
      "只有金额字段可从多项共用的列读取（按单元格内的标签）"
    );
  });

  test("the model check: per is 亩, on amount fields only", () => {
    const withPer = (id: string, per: unknown) => ({
      ...pinghu,
      fields: pinghu.fields.map((f) => (f.id === id ? { ...f, per } : f)),
    });
    const error = (id: string, zh: string, en: string) => ({
      code: "model",
      path: `fields[${pinghu.fields.findIndex((f) => f.id === id)}].per`,
      message: { zh, en },
    });
    expect(validateModel(withPer("fixedAssetInvestment", "亩")).ok).toBe(true);
    const other = validateModel(withPer("statedTaxPerMu", "平方米"));
    expect(!other.ok && other.errors).toEqual([
      error("statedTaxPerMu", "只能是“亩”（按每亩计的金额）", 'must be "亩" (an amount per 亩)'),
    ]);
    const notAmount = validateModel(withPer("plotRatio", "亩"));
    expect(!notAmount.ok && notAmount.errors).toEqual([
      error(
        "plotRatio",
        "只有金额字段可按每亩计（亩均税收、投资强度）",
        "only amount fields are counted per 亩 (tax per 亩, investment intensity)"
      ),
    ]);
  });

  test("the model check: inferFrom lists text fields, on yes/no fields only", () => {
    const withInfer = (id: string, inferFrom: unknown) => ({
      ...pinghu,
      fields: pinghu.fields.map((f) => (f.id === id ? { ...f, inferFrom } : f)),
    });
    const at = (id: string) => pinghu.fields.findIndex((f) => f.id === id);
    const error = (path: string, zh: string, en: string) => ({
      code: "model",
      path,
      message: { zh, en },
    });
    expect(validateModel(withInfer("highTech", ["investor", "owner"])).ok).toBe(true);
    const notYesNo = validateModel(withInfer("tax", ["investor"]));
    expect(!notYesNo.ok && notYesNo.errors).toEqual([
      error(
        `fields[${at("tax")}].inferFrom`,
        "只有是/否字段可由其他列的文字判定",
        "only yes/no fields are answered from other columns' text"
      ),
    ]);
    const notText = validateModel(withInfer("highTech", ["investor", "tax", "nowhere"]));
    expect(!notText.ok && notText.errors).toEqual([
      error(
        `fields[${at("highTech")}].inferFrom[1]`,
        "“tax”不是文本字段",
        '"tax" is not a text field'
      ),
      error(
        `fields[${at("highTech")}].inferFrom[2]`,
        "“nowhere”不是文本字段",
        '"nowhere" is not a text field'
      ),
    ]);
    const notList = validateModel(withInfer("highTech", "investor"));
    expect(!notList.ok && notList.errors.map((e) => e.message.en)).toContain(
      "must be a list of text"
    );
  });

  test("the model check: otherKinds is a list of text, on yes/no fields only", () => {
    const withKinds = (id: string, otherKinds: unknown) => ({
      ...pinghu,
      fields: pinghu.fields.map((f) => (f.id === id ? { ...f, otherKinds } : f)),
    });
    expect(validateModel(withKinds("highTech", ["科技型中小企业"])).ok).toBe(true);
    const at = pinghu.fields.findIndex((f) => f.id === "tax");
    const notList = validateModel(withKinds("centralSoe", "民企"));
    expect(!notList.ok && notList.errors.map((e) => e.message.en)).toContain(
      "must be a list of text"
    );
    const notYesNo = validateModel(withKinds("tax", ["民企"]));
    expect(!notYesNo.ok && notYesNo.errors).toEqual([
      {
        code: "model",
        path: `fields[${at}].otherKinds`,
        message: {
          zh: "只有是/否字段可列出其他类别（读作“否”）",
          en: "only yes/no fields list other kinds (read as no)",
        },
      },
    ]);
  });
});
