/**
 * ZS.SCORE, GRADE, DECISION, EXPLAIN, SCORES, VERSION, CHAIN and CHAINFIT through the built bundle: the
 * worksheet functions agree with the engine scoring the same rows, read a model from a 评分模型 range,
 * and refuse bad shapes with messages naming the argument.
 */
import { compileModel, scoreTable, validateModel } from "../../src/engine";
import type { ScoringModel } from "../../src/engine";
import pinghu from "../../src/models/pinghu-2023.json";
import { modelToGrid } from "../../src/workbook/modelSheet";
import { expectError, loadBundle } from "./loadBundle";

const { call } = loadBundle();

const HEADERS = [
  [
    "项目名称",
    "项目简介",
    "所属产业链",
    "链上定位",
    "总投资",
    "注册资本",
    "达产营业额",
    "年税收",
    "用地面积",
    "否决事项",
  ],
];
// The first two are projects of the source article (../shared/domain.md); the third fails the veto gate.
const ROWS = [
  [
    "法国诺瓦瑞斯汽车零部件项目",
    "汽车内外饰件塑料零部件",
    "新能源汽车",
    "关键环节",
    "1500万美元",
    "1000万美元",
    "2亿元",
    "1000万元",
    "",
    "否",
  ],
  [
    "尼得科机床（浙江）有限公司",
    "新能源汽车驱动核心精密零部件加工机床",
    "高档数控机床",
    "链主",
    "4400万美元",
    "1880万美元",
    "",
    "",
    "",
    "",
  ],
  ["某贸易公司", "日用品贸易", "", "", "50万元", "", "", "", "", "是"],
];

const model = (validateModel(pinghu) as { ok: true; model: ScoringModel }).model;
const engine = scoreTable(
  {
    count: ROWS.length,
    columns: Object.fromEntries(
      [
        "name",
        "description",
        "chain",
        "chainRole",
        "totalInvestment",
        "registeredCapital",
        "revenue",
        "tax",
        "landArea",
        "veto",
      ].map((f, j) => [f, ROWS.map((r) => (r[j] === "" ? null : r[j]))])
    ),
  },
  compileModel(model)
);
const round2 = (x: number) => Math.round(x * 100) / 100;

describe("one candidate: SCORE, GRADE, DECISION, EXPLAIN", () => {
  test("scores match the engine scoring the same rows", () => {
    ROWS.forEach((r, i) => expect(call("SCORE", [r], HEADERS)).toBe(round2(engine.total[i])));
    expect(call("SCORE", [ROWS[0]], HEADERS)).toBeGreaterThan(
      call("SCORE", [ROWS[2]], HEADERS) as number
    );
  });

  test("row and headers may be columns as well as rows", () => {
    const asColumn = (r: unknown[]) => r.map((x) => [x]);
    expect(call("SCORE", asColumn(ROWS[1]), asColumn(HEADERS[0]))).toBe(round2(engine.total[1]));
  });

  test("grade and decision follow the model's bands; a vetoed candidate has no grade", () => {
    const g = call("GRADE", [ROWS[0]], HEADERS) as string;
    expect(model.grades.bands.map((b) => b.grade)).toContain(g);
    expect(g).toBe(model.grades.bands[engine.grade[0]].grade);
    expect(call("DECISION", [ROWS[0]], HEADERS)).toBe(model.decisions[engine.decision[0]].label.zh);
    expect(call("DECISION", [ROWS[0]], HEADERS, null, "en")).toBe(
      model.decisions[engine.decision[0]].label.en
    );
    expectError(call("GRADE", [ROWS[2]], HEADERS), "#N/A", "gate");
  });

  test("the explanation is one line naming the main reasons, in either language", () => {
    const zh = call("EXPLAIN", [ROWS[0]], HEADERS) as string;
    const en = call("EXPLAIN", [ROWS[0]], HEADERS, "", "en") as string;
    expect(zh).toMatch(/^主要得分：/);
    expect(zh).toContain("产业链");
    expect(en).toMatch(/^Most points from /);
    expect(zh).not.toContain("\n");
    expect(call("EXPLAIN", [ROWS[2]], HEADERS)).toContain("一票否决");
  });

  test("bad shapes and arguments are named", () => {
    expectError(
      call("SCORE", [ROWS[0].slice(0, 3)], HEADERS),
      "#VALUE!",
      "row",
      "3 cells for 10 headers"
    );
    expectError(
      call("SCORE", [ROWS[0], ROWS[1]], HEADERS),
      "#VALUE!",
      "row",
      "one row or one column"
    );
    expectError(call("SCORE", [["a", "b"]], [["颜色", "尺码"]]), "#N/A", "headers", "no header");
    expectError(call("EXPLAIN", [ROWS[0]], HEADERS, null, "fr"), "#VALUE!", "lang", "fr");
    expectError(
      call("SCORE", [ROWS[0]], HEADERS, [["权重"], [0.5]]),
      "#VALUE!",
      "model",
      "not a scoring-model sheet"
    );
  });
});

describe("a model given as a range", () => {
  test("the 评分模型 sheet of the default model scores like the default", () => {
    const sheet = modelToGrid(model, "zh");
    expect(call("SCORE", [ROWS[0]], HEADERS, sheet)).toBe(call("SCORE", [ROWS[0]], HEADERS));
    expect(call("VERSION", sheet)).toBe(call("VERSION"));
  });

  test("an edited weight changes the score; a bad cell is reported with its address", () => {
    const edited = JSON.parse(JSON.stringify(model)) as ScoringModel;
    const [a, b] = edited.dimensions;
    [a.weight, b.weight] = [b.weight, a.weight];
    const sheet = modelToGrid(edited, "zh");
    const expected = round2(scoreTable(engine.table, compileModel(edited)).total[0]);
    expect(call("SCORE", [ROWS[0]], HEADERS, sheet)).toBe(expected);

    const broken = modelToGrid(model, "zh").map((r) => r.slice());
    const r = broken.findIndex((row) => row.some((c) => c === model.dimensions[0].label.zh));
    const c = broken[r].findIndex((x) => x === model.dimensions[0].weight);
    broken[r][c] = "很高";
    expectError(call("SCORE", [ROWS[0]], HEADERS, broken), "#VALUE!", "model", "很高");
  });
});

describe("SCORES: a whole list", () => {
  test("a header row, then score, grade, rank and dimension scores per candidate; blank rows stay blank", () => {
    const table = [HEADERS[0], ROWS[0], HEADERS[0].map(() => ""), ROWS[1], ROWS[2]];
    const out = call("SCORES", table) as unknown[][];
    expect(out[0].slice(0, 3)).toEqual(["得分", "等级", "排名"]);
    expect(out[0].slice(3)).toEqual(model.dimensions.map((d) => d.label.zh));
    expect(out).toHaveLength(table.length);
    expect(out[2].every((x) => x === "")).toBe(true);
    const picked = [1, 3, 4];
    picked.forEach((row, i) => {
      expect(out[row][0]).toBe(round2(engine.total[i]));
      expect(out[row][2]).toBe(engine.rank[i] > 0 ? engine.rank[i] : "");
    });
    expect(out[4][1]).toBe(""); // vetoed: no grade, no rank
    expect((call("SCORES", table, null, "en") as unknown[][])[0][0]).toBe("Score");
  });

  test("a table without candidates, or with no known header, is #N/A", () => {
    expectError(call("SCORES", HEADERS), "#N/A", "table");
    expectError(call("SCORES", [["颜色"], ["红"]]), "#N/A", "no header");
  });

  test("the refusal rules the CLI and the pane apply (workbook/pipeline): guessed headers, no total investment", () => {
    expectError(
      call("SCORES", [
        ["项目名头", "计划投资额度"],
        ["甲项目", "1亿元"],
      ]),
      "#N/A",
      "table",
      "only resemble",
      "项目名头→name"
    );
    expectError(
      call("SCORES", [
        ["项目名称", "所属产业链"],
        ["甲项目", "新能源汽车"],
      ]),
      "#N/A",
      "table",
      "No column maps to Total investment"
    );
  });
});

describe("CHAIN and CHAINFIT", () => {
  test("descriptions of the article's projects go to their chains", () => {
    expect(call("CHAIN", "汽车内外饰件、零部件等汽车塑料零部件设计、制造和销售")).toBe(
      "新能源汽车"
    );
    expect(call("CHAIN", [["尼得科机床（浙江）有限公司"], ["数控机床及功能部件"]])).toBe(
      "高档数控机床"
    );
    expectError(call("CHAIN", "奶茶连锁门店"), "#N/A", "text", "no priority chain");
    expectError(call("CHAIN", ""), "#N/A", "text");
  });

  test("chain fit is 0–1 and a chain leader fits better than a supplier", () => {
    const lead = call("CHAINFIT", "新能源汽车动力电池", "链主") as number;
    const supplier = call("CHAINFIT", "新能源汽车动力电池", "配套") as number;
    expect(lead).toBeGreaterThan(supplier);
    expect(lead).toBeLessThanOrEqual(1);
    expect(call("CHAINFIT", "奶茶连锁门店")).toBe(0);
  });
});

test("VERSION names the default model", () => {
  expect(call("VERSION")).toBe(`${model.id} ${model.version}`);
});
