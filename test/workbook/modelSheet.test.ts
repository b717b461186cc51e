import type { CellValue, ScoringModel } from "../../src/engine/types";
import { cellAddress } from "../../src/workbook/a1";
import { gridToModel, isModelGrid, modelToGrid } from "../../src/workbook/modelSheet";
import type { Grid } from "../../src/workbook/types";
import { loadModel } from "../../src/engine/model";
import pinghu from "../../src/models/pinghu-2023.json";
import { smallModel } from "../fixtures/workbooks/model";

function withChain(): ScoringModel {
  const m = smallModel();
  m.fields.push({ id: "role", label: { zh: "链上地位", en: "Role" }, type: "text", aliases: [] });
  m.chain = {
    chains: [
      {
        id: "nev",
        name: { zh: "新能源汽车", en: "New-energy vehicles" },
        keywords: [
          { word: "汽车", weight: 1 },
          { word: "电池", weight: 0.8 },
        ],
        aliases: ["NEV"],
      },
      {
        id: "cnc",
        name: { zh: "高档数控机床", en: "High-end CNC" },
        keywords: [{ word: "机床", weight: 1 }],
      },
    ],
    roles: [
      { id: "leader", label: { zh: "链主", en: "Chain leader" }, score: 1, aliases: ["龙头"] },
    ],
    defaultRole: "leader",
    synergy: { "*": 1.1 },
    chainField: "chainText",
    roleField: "role",
    textFields: ["name"],
    minConfidence: 0.3,
  };
  m.bonuses.push({
    id: "top100",
    label: { zh: "全球百强", en: "Global top 100" },
    when: "capital > 0",
    points: 5,
  });
  m.flags.push({
    id: "big",
    label: { zh: "招大引强", en: "Big project" },
    when: "investment >= 70000",
  });
  m.gates.push({
    id: "capCheck",
    label: { zh: "资本核验", en: "Capital check" },
    pass: "capital > 0",
    appliesWhen: "investment > 0",
    effect: "cap",
    cap: 60,
    reason: { zh: "无注册资本", en: "No registered capital" },
  });
  m.criteria.push(
    {
      id: "pw",
      label: { zh: "分段", en: "Piecewise" },
      dimension: "scale",
      field: "capital",
      transform: {
        type: "piecewise",
        points: [
          [0, 0],
          [1000, 0.5],
          [5000, 1],
        ],
      },
      direction: "less",
      weight: 0.5,
      missing: "renormalize",
    },
    {
      id: "cat",
      label: { zh: "类别", en: "Category" },
      dimension: "benefit",
      field: "chainText",
      transform: { type: "category", table: { 汽车: 1, 机床: 0.6 }, default: 0.1 },
      direction: "more",
      weight: 0.25,
      missing: "mean",
    },
    {
      id: "ch",
      label: { zh: "产业链契合", en: "Chain fit" },
      dimension: "benefit",
      field: "chainText",
      transform: { type: "chain" },
      direction: "more",
      weight: 1,
      missing: "zero",
    },
    {
      id: "ex",
      label: { zh: "公式", en: "Expr" },
      dimension: "scale",
      field: "tax",
      transform: { type: "expression", expression: "min(x / 1000, 1)" },
      direction: "more",
      weight: 1,
      missing: "zero",
    }
  );
  m.targets!.items.push({
    id: "inv",
    label: { zh: "签约总投资", en: "Signed investment" },
    measure: "signedInvestment",
    value: 350,
    currency: "CNY",
    multiplier: 1e8,
  });
  return m;
}

test.each(["zh", "en"] as const)("model → sheet → model gives the model back (%s)", (lang) => {
  for (const model of [smallModel(), withChain()]) {
    const grid = modelToGrid(model, lang);
    expect(isModelGrid(grid)).toBe(true);
    const back = gridToModel(grid, model);
    expect(back).toEqual({ ok: true, model });
  }
});

test("everything the sheet shows reads back even from a base that differs in those parts", () => {
  const model = withChain();
  const base = withChain();
  base.dimensions[0].weight = 0.1;
  base.criteria = base.criteria.slice(0, 1);
  base.grades.method = "percentile";
  base.fx = { base: "CNY", rates: {}, date: "", source: "" };
  base.chain!.chains = [];
  base.gates = [];
  base.bonuses = [];
  base.flags = [];
  base.grades.bands = [];
  base.decisions = [];
  base.chain!.roles = [];
  const back = gridToModel(modelToGrid(model, "zh"), base);
  expect(back).toEqual({ ok: true, model });
});

test("the sheet is readable: sections with titles, and no JSON", () => {
  const grid = modelToGrid(withChain(), "zh");
  const text = grid.flat().filter((v) => typeof v === "string") as string[];
  for (const t of [
    "维度与权重 [ZS:dimensions]",
    "评分准则 [ZS:criteria]",
    "门槛条件 [ZS:gates]",
    "年度目标 [ZS:targets]",
    "越小越好",
    "汽车、电池",
    "汽车:1、电池:0.8",
  ])
    expect(text).toContain(t);
  expect(text.some((t) => t.includes("{"))).toBe(false);
  expect(new Set(grid.map((r) => r.length)).size).toBe(1);
});

function find(grid: Grid, value: string): { row: number; col: number } {
  for (let r = 0; r < grid.length; r++) {
    const c = grid[r].indexOf(value);
    if (c >= 0) return { row: r, col: c };
  }
  throw new Error(`${value} not in grid`);
}

test("an analyst's edits read back: a weight, a keyword, a choice written in the other language", () => {
  const model = smallModel();
  const grid = modelToGrid(model, "zh");
  const scale = find(grid, "scale");
  grid[scale.row][3] = 0.5;
  const benefit = find(grid, "benefit");
  grid[benefit.row][3] = "0.5";
  const kw = find(grid, "汽车、电池");
  grid[kw.row][kw.col] = "汽车，电池、储能";
  const dir = find(grid, "越大越好");
  grid[dir.row][dir.col] = "lower is better";
  const back = gridToModel(grid, model);
  if (!back.ok) throw new Error(JSON.stringify(back.errors));
  expect(back.model.dimensions.map((d) => d.weight)).toEqual([0.5, 0.5]);
  const kwRules = back.model.criteria.find((c) => c.id === "kw")!.transform;
  expect(kwRules).toEqual({
    type: "keywords",
    rules: [
      { words: ["汽车", "电池", "储能"], score: 1 },
      { words: ["机床"], score: 0.8 },
    ],
    default: 0.2,
  });
  expect(back.model.criteria[0].direction).toBe("less");
});

test("name=value cells: blank parts, spaces, a line break after a separator, ＝ and exponents", () => {
  const model = withChain();
  const grid = modelToGrid(model, "zh");
  const cat = find(grid, "汽车=1; 机床=0.6; *=0.1");
  grid[cat.row][cat.col] = " 汽车 ＝ 1e0；\n机床=6e-1; ; *=1e-10 ;";
  const back = gridToModel(grid, model);
  if (!back.ok) throw new Error(JSON.stringify(back.errors));
  expect(back.model.criteria.find((c) => c.id === "cat")!.transform).toEqual({
    type: "category",
    table: { 汽车: 1, 机床: 0.6 },
    default: 1e-10,
  });
});

test("a keyword rule's * and 拟 read in either order, and neither when the cell is blank", () => {
  const model = smallModel();
  const grid = modelToGrid(model, "zh");
  const kw = find(grid, "*=0.2");
  const read = (params: string | null) => {
    grid[kw.row][kw.col] = params;
    const back = gridToModel(grid, model);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    const {
      type,
      default: d,
      intended,
    } = back.model.criteria.find((c) => c.id === "kw")!.transform as {
      type: string;
      default?: number;
      intended?: number;
    };
    return { type, d, intended };
  };
  expect(read("拟=0.5; *=0.1")).toEqual({ type: "keywords", d: 0.1, intended: 0.5 });
  expect(read(null)).toEqual({ type: "keywords", d: undefined, intended: undefined });
});

test("bad cells are reported with their address, in both languages", () => {
  const grid = modelToGrid(smallModel(), "en");
  const scale = find(grid, "scale");
  grid[scale.row][3] = "heavy";
  const dir = find(grid, "higher is better");
  grid[dir.row][dir.col] = "sideways";
  const back = gridToModel(grid, smallModel());
  expect(back.ok).toBe(false);
  if (!back.ok) {
    expect(back.errors.map((e) => e.address)).toEqual([
      cellAddress(scale.row, 3),
      cellAddress(dir.row, dir.col),
    ]);
    expect(back.errors[0].message.zh).toContain("不是数字");
    expect(back.errors[1].message.en).toContain("sideways");
  }
});

test("a grid that is not a model sheet", () => {
  const back = gridToModel([["项目名称", "总投资"]]);
  expect(back.ok).toBe(false);
});

test("the bundled default model survives the round trip in both languages", () => {
  const model = loadModel(pinghu);
  for (const lang of ["zh", "en"] as const)
    expect(gridToModel(modelToGrid(model, lang), model)).toEqual({ ok: true, model });
});

test("an error the model's own checks find names the sheet cell as well as the JSON path", () => {
  const grid = modelToGrid(smallModel(), "en");
  const scale = find(grid, "scale");
  grid[scale.row][3] = -5;
  const back = gridToModel(grid, smallModel());
  expect(back.ok).toBe(false);
  if (!back.ok) {
    const [e] = back.errors;
    expect(e).toMatchObject({ code: "model", address: cellAddress(scale.row, 3) });
    expect(e.path).toMatch(/^(criteria|dimensions)\[\d+\]\.weight$/);
  }
});

test("grade shares, empty or cleared alias lists and keywords written with spaces read back; a keyword's weight is a number alone", () => {
  const model = withChain();
  model.grades.bands = model.grades.bands.map((b, k) => ({
    ...b,
    topShare: (k + 1) / model.grades.bands.length,
  }));
  model.chain!.chains[1].aliases = [];
  const grid = modelToGrid(model, "zh");
  expect(gridToModel(grid, model)).toEqual({ ok: true, model });
  const kw = find(grid, "汽车:1、电池:0.8");
  const spaced = grid.map((r) => [...r]);
  spaced[kw.row][kw.col] = "汽车 :1、电池：0.8";
  const back = gridToModel(spaced, model);
  expect(back.ok && back.model.chain!.chains[0].keywords).toEqual([
    { word: "汽车", weight: 1 },
    { word: "电池", weight: 0.8 },
  ]);
  // Aliases cleared in the sheet are gone, not kept from the base.
  const cleared = grid.map((r) => [...r]);
  cleared[kw.row][kw.col + 1] = "";
  const noAliases = gridToModel(cleared, model);
  expect(noAliases.ok && noAliases.model.chain!.chains[0].aliases).toEqual([]);
  const worded = grid.map((r) => [...r]);
  // A trailing word, or a line break inside the word (list cells part at 、,; only), is refused.
  worded[kw.row][kw.col] = "汽车:1分、新\n能源:1";
  const refused = gridToModel(worded, model);
  expect(refused.ok ? [] : refused.errors.map((e) => e.message.en)).toEqual([
    '"Industrial chains and keywords (word:weight)": keyword "汽车:1分" should read word:weight',
    '"Industrial chains and keywords (word:weight)": keyword "新\n能源:1" should read word:weight',
  ]);
});

test("every setting reads back into a base that differs in it; a bad setting is named by its label", () => {
  const model = withChain();
  model.targets = { items: [], ...model.targets, year: 2024 };
  model.fx = { ...model.fx, date: "2024-01-31", source: "人民银行" };
  const base = withChain();
  base.id = "other";
  base.version = "0";
  base.name = { zh: "别的模型", en: "Another model" };
  base.currency = "USD";
  base.amountMultiplier = 1;
  base.targets = { items: [], ...base.targets, year: 2020 };
  base.fx = { ...model.fx, base: "USD", date: "", source: "" };
  expect(gridToModel(modelToGrid(model, "zh"), base)).toEqual({ ok: true, model });

  // A target year that is no number: the refusal names the setting, with no cell address.
  const grid = modelToGrid(model, "en");
  const year = find(grid, "target year");
  grid[year.row][year.col + 1] = "next year";
  const back = gridToModel(grid, model);
  expect(back.ok).toBe(false);
  if (!back.ok) {
    expect(back.errors).toHaveLength(1);
    expect(back.errors[0]).toMatchObject({ code: "model-sheet", address: "" });
    expect(back.errors[0].message.zh.startsWith("目标年份：")).toBe(true);
    expect(back.errors[0].message.en.startsWith("target year: ")).toBe(true);
  }
});

test("the model's own checks name their JSON path in the message, in both languages", () => {
  const grid = modelToGrid(smallModel(), "en");
  const scale = find(grid, "scale");
  grid[scale.row][3] = -5;
  const back = gridToModel(grid, smallModel());
  if (back.ok) throw new Error("accepted");
  const [e] = back.errors;
  expect(e.message.zh.startsWith(`${e.path}：`)).toBe(true);
  expect(e.message.en.startsWith(`${e.path}: `)).toBe(true);
});

test("a sheet read with no base model is refused for what the sheet does not show: the fields", () => {
  const back = gridToModel(modelToGrid(withChain(), "zh"));
  if (back.ok) throw new Error("accepted");
  expect(back.errors[0]).toMatchObject({
    code: "model",
    path: "criteria[0].field",
    message: {
      zh: "criteria[0].field：字段“investment”不存在",
      en: 'criteria[0].field: field "investment" does not exist',
    },
  });
});

/** Reads `grid` back over `base` and returns each error as "address path". */
function refusedAt(grid: Grid, base: ScoringModel): string[] {
  const back = gridToModel(grid, base);
  if (back.ok) throw new Error("accepted");
  return back.errors.map((e) => `${e.address} ${"path" in e ? String(e.path) : ""}`);
}

test("the model's checks on chains, roles, grades and targets name the cell too", () => {
  const model = withChain();
  const grid = modelToGrid(model, "en");
  const at = (value: string, dc = 0) => {
    const { row, col } = find(grid, value);
    return { row, col: col + dc, cell: cellAddress(row, col + dc) };
  };
  const edits: [{ row: number; col: number; cell: string }, CellValue, string][] = [
    // A role scored above 1: its row in the roles section, the score column.
    [at("leader", 3), 1.5, "chain.roles[0].score"],
    // A chain keyword weighing 0: the chain's keywords cell (a keyword has no cell of its own).
    [at("机床:1"), "机床:0", "chain.chains[1].keywords[0].weight"],
    // A decision naming a grade that does not exist, as its second and as its eleventh: its grades cell.
    [at("B、C"), "B、S", "decisions[1].grades[1]"],
    [at("B、C"), "B、C、B、C、B、C、B、C、B、C、S", "decisions[1].grades[10]"],
    // The second grade band's minimum score above 100, and the second target's value below 0.
    [at("B", 3), 150, "grades.bands[1].min"],
    [at("Signed investment", 3), -1, "targets.items[1].value"],
  ];
  for (const [{ row, col, cell }, value, path] of edits) {
    const edited = grid.map((r) => [...r]);
    edited[row][col] = value;
    expect([path, refusedAt(edited, model)]).toEqual([path, [`${cell} ${path}`]]);
  }
});

test("a criterion past the tenth is found by its index; a setting the checks refuse has no cell", () => {
  const model = loadModel(pinghu);
  const grid = modelToGrid(model, "zh");
  const k = 12;
  const { row } = find(grid, model.criteria[k].id);
  const weight = find(grid, "维度内权重").col;
  grid[row][weight] = -5;
  expect(refusedAt(grid, model)).toEqual([`${cellAddress(row, weight)} criteria[${k}].weight`]);

  // The model currency is a setting row, not an item of a list: the error names no cell.
  const small = modelToGrid(smallModel(), "en");
  const currency = find(small, "currency");
  small[currency.row][currency.col + 1] = "JPY";
  expect(refusedAt(small, smallModel())).toEqual([" currency"]);
});

test("a model without targets reads back without them; the sheet opens with its title and a note in its language", () => {
  const model = smallModel();
  delete model.targets;
  const zh = modelToGrid(model, "zh");
  expect(gridToModel(zh, model)).toEqual({ ok: true, model });
  expect(zh[0][0]).toBe("评分模型：测试模型（1.0） [ZS:model]");
  expect(String(zh[1][0])).toMatch(
    /^说明：可直接修改下面各表中的数值和文字.*请勿改动带 \[ZS:…\] 标记的标题行。$/
  );
  const en = modelToGrid(model, "en");
  expect(en[0][0]).toBe("Scoring model: Test model (1.0) [ZS:model]");
  expect(String(en[1][0])).toMatch(
    /^Note: edit the values and words .* Keep the title rows marked \[ZS:…\]\.$/
  );
});

test("cells an analyst types: a choice by its id, list cells with spaces and stray separators, 1,000 and padded text", () => {
  const model = withChain();
  const grid = modelToGrid(model, "zh");
  const dir = find(grid, "越大越好");
  grid[dir.row][dir.col] = "less";
  const keep = find(grid, "B、C");
  grid[keep.row][keep.col] = " B 、、C，";
  const target = find(grid, "签约总投资");
  grid[target.row][target.col + 4] = "1,000";
  const label = find(grid, "优先");
  grid[label.row][label.col] = "  优先 ";
  const back = gridToModel(grid, model);
  if (!back.ok) throw new Error(JSON.stringify(back.errors));
  expect(back.model.criteria[0].direction).toBe("less");
  expect(back.model.decisions.find((d) => d.id === "keep")!.grades).toEqual(["B", "C"]);
  expect(back.model.targets!.items.find((t) => t.id === "inv")!.value).toBe(1000);
  expect(back.model.grades.bands[0].label.zh).toBe("优先");
});

test("a blank number cell, a bad keyword score and a missing column are each reported once, at their cell", () => {
  // Keyword rules are read first (the criteria need them), then the sections in sheet order.
  const model = smallModel();
  const grid = modelToGrid(model, "zh");
  const scale = find(grid, "scale");
  grid[scale.row][3] = null;
  const kw = find(grid, "汽车、电池");
  grid[kw.row][kw.col + 1] = "high";
  expect(gridToModel(grid, model)).toEqual({
    ok: false,
    errors: [
      {
        code: "model-sheet",
        address: cellAddress(kw.row, kw.col + 1),
        message: { zh: "得分（0–1）：“high”不是数字", en: 'score (0–1): "high" is not a number' },
      },
      {
        code: "model-sheet",
        address: cellAddress(scale.row, 3),
        message: { zh: "权重：不能为空", en: "weight: must not be empty" },
      },
    ],
  });

  // The dimensions' 权重 header renamed: the section is not read (its weights would each be blank),
  // and nothing else is reported.
  const renamed = modelToGrid(model, "zh");
  const header = find(renamed, "scale").row - 1;
  const col = renamed[header].indexOf("权重");
  renamed[header][col] = "权重（%）";
  expect(gridToModel(renamed, model)).toEqual({
    ok: false,
    errors: [
      {
        code: "model-sheet",
        address: cellAddress(header, 0),
        message: {
          zh: "「维度与权重」缺少列“权重”",
          en: '"Dimensions and weights" lacks the column "weight"',
        },
      },
    ],
  });
});

test("a section that follows another without a blank row ends it", () => {
  const model = withChain();
  const grid = modelToGrid(model, "zh");
  const roles = find(grid, "产业链地位 [ZS:roles]");
  expect(grid[roles.row - 1].every((v) => v === null)).toBe(true);
  const joined = [...grid.slice(0, roles.row - 1), ...grid.slice(roles.row)];
  expect(gridToModel(joined, model)).toEqual({ ok: true, model });
});

test("a grid that is not a model sheet is refused as such, for the sheet as a whole", () => {
  expect(gridToModel([["项目名称", "总投资"]])).toEqual({
    ok: false,
    errors: [
      {
        code: "model-sheet",
        address: "",
        message: {
          zh: "这不是评分模型表（第一行缺少 [ZS:model] 标记）",
          en: "This is not a scoring-model sheet (no [ZS:model] marker at the top)",
        },
      },
    ],
  });
});

test("the model's checks on a transform name its 0 分点, 满分点 or 其他参数 cell", () => {
  const model = withChain();
  const grid = modelToGrid(model, "zh");
  const header = grid[find(grid, "评分准则 [ZS:criteria]").row + 1];
  const column = (label: string) => header.indexOf(label);
  const row = (id: string) => find(grid, id).row;
  const edits: [string, string, CellValue, string][] = [
    ["inv", "0 分点", 0, "criteria[0].transform.min"],
    ["inv", "满分点", 10, "criteria[0].transform.max"],
    ["cat", "其他参数", "汽车=2; 机床=0.6", "criteria[4].transform.table.汽车"],
    ["pw", "其他参数", "0=0; 1000=1.5", "criteria[3].transform.points[1][1]"],
    ["ex", "其他参数", "x +", "criteria[6].transform.expression"],
  ];
  for (const [id, label, value, path] of edits) {
    const edited = grid.map((r) => [...r]);
    edited[row(id)][column(label)] = value;
    const errors = refusedAt(edited, model);
    expect([path, errors]).toEqual([path, [`${cellAddress(row(id), column(label))} ${path}`]]);
  }
});
