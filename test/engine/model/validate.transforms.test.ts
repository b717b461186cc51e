/**
 * The model checker's transform and chain checks (src/engine/model/validate.ts, checkTransform and
 * checkChain), one edit of the bundled Pinghu model at a time. Each case asserts every error the edit
 * brings — path, Chinese and English message — so a check that fires on the wrong path, says the
 * wrong thing, or fires where it should not (an extra error) fails; boundaries are tested from both
 * sides: the equal value refused, the value just inside accepted.
 */
import { validateModel } from "../../../src/engine/model";
import pinghu from "../../../src/models/pinghu-2023.json";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Row = [path: string, zh: string, en: string];
type Case = [name: string, edit: (m: Json) => void, errors: Row[]];

/** Every error of the bundled model after `edit`, as [path, zh, en]; [] when it is accepted. */
function errorsAfter(edit: (m: Json) => void): Row[] {
  const m = JSON.parse(JSON.stringify(pinghu)) as Json;
  edit(m);
  const r = validateModel(m);
  return r.ok ? [] : r.errors.map((e): Row => [e.path, e.message.zh, e.message.en]);
}

const check = (cases: Case[]) =>
  test.each(cases)("%s", (_, edit, errors) => expect(errorsAfter(edit)).toEqual(errors));

/** A criterion's index in the bundled model and the path of its transform. */
const at = (id: string): number => {
  const i = pinghu.criteria.findIndex((c) => c.id === id);
  if (i < 0) throw new Error(`no criterion ${id} in the bundled model`);
  return i;
};
const criterion = (m: Json, id: string): Json => m.criteria[at(id)];
const tp = (id: string) => `criteria[${at(id)}].transform`;

test("the bundled model is accepted as it is (every case below is one edit of it)", () => {
  expect(errorsAfter(() => {})).toEqual([]);
});

describe("transform type and the field it reads", () => {
  check([
    [
      // oneOf's label, both languages.
      "an unknown type lists the known ones",
      (m) => (criterion(m, "investment").transform = { type: "sigmoid" }),
      [
        [
          `${tp("investment")}.type`,
          "未知的变换类型“sigmoid”（可选：linear、log、piecewise、threshold、category、keywords、boolean、chain、expression）",
          'unknown transform type "sigmoid" (one of: linear, log, piecewise, threshold, category, keywords, boolean, chain, expression)',
        ],
      ],
    ],
    [
      // A numeric transform over a field that does not exist: the field error alone, no "needs a numeric field".
      "a numeric transform over an unknown field",
      (m) => (criterion(m, "investment").field = "nope"),
      [[`criteria[${at("investment")}].field`, "字段“nope”不存在", 'field "nope" does not exist']],
    ],
    [
      // Likewise a yes/no transform: no "needs a boolean field" when there is no field to blame.
      "a yes/no transform over an unknown field",
      (m) => (criterion(m, "highTech").field = "nope"),
      [[`criteria[${at("highTech")}].field`, "字段“nope”不存在", 'field "nope" does not exist']],
    ],
    [
      "a keywords transform over a number field",
      (m) => (criterion(m, "rdCentre").field = "patents"),
      [
        [
          `${tp("rdCentre")}.type`,
          "关键词变换需要文本字段",
          "a keywords transform needs a text field",
        ],
      ],
    ],
    [
      "a keywords transform over a text field",
      (m) => (criterion(m, "rdCentre").field = "name"),
      [],
    ],
  ]);
});

describe("linear and log: min below max", () => {
  const bounds = (type: string, min: number, max: number) => (m: Json) =>
    (criterion(m, "standing").transform = { type, min, max });
  check([
    [
      "linear with min equal to max",
      bounds("linear", 1, 1),
      [[`${tp("standing")}.max`, "上限 1 应大于下限 1", "max 1 must be greater than min 1"]],
    ],
    ["linear with min just below max", bounds("linear", 0.999, 1), []],
    [
      "log with min equal to max",
      bounds("log", 0.5, 0.5),
      [
        [
          `${tp("standing")}.max`,
          "上限 0.5 应大于下限 0.5",
          "max 0.5 must be greater than min 0.5",
        ],
      ],
    ],
    ["log with min just below max", bounds("log", 0.499, 0.5), []],
  ]);
});

describe("threshold: full beyond zero in the criterion's direction", () => {
  const threshold = (direction: string, full: number, zero: number) => (m: Json) => {
    const c = criterion(m, "rdShare");
    c.direction = direction;
    c.transform = { type: "threshold", full, zero };
  };
  const more = (full: number, zero: number): Row => [
    `${tp("rdShare")}.full`,
    `越大越好时，满分点 ${full} 应大于零分点 ${zero}`,
    `with direction "more", full ${full} must be above zero ${zero}`,
  ];
  const less = (full: number, zero: number): Row => [
    `${tp("rdShare")}.full`,
    `越小越好时，满分点 ${full} 应小于零分点 ${zero}`,
    `with direction "less", full ${full} must be below zero ${zero}`,
  ];
  check([
    ["more: full below zero", threshold("more", 0, 0.05), [more(0, 0.05)]],
    ["more: full equal to zero", threshold("more", 0.05, 0.05), [more(0.05, 0.05)]],
    ["more: full just above zero", threshold("more", 0.05, 0.0499), []],
    ["less: full above zero", threshold("less", 0.05, 0), [less(0.05, 0)]],
    ["less: full equal to zero", threshold("less", 0.05, 0.05), [less(0.05, 0.05)]],
    // The "more" check must not fire for "less", nor the "less" one for a good "less".
    ["less: full just below zero", threshold("less", 0.0499, 0.05), []],
  ]);
});

describe("piecewise: at least two [x, score] breakpoints, x strictly increasing, scores 0–1", () => {
  const points = (p: unknown) => (m: Json) =>
    (criterion(m, "investment").transform = { type: "piecewise", points: p });
  const pp = `${tp("investment")}.points`;
  check([
    ["points that are no list", points("0,0;1,1"), [[pp, "应为列表", "must be a list"]]],
    ["no breakpoint", points([]), [[pp, "至少需要两个断点", "needs at least two breakpoints"]]],
    [
      "one breakpoint",
      points([[0, 0]]),
      [[pp, "至少需要两个断点", "needs at least two breakpoints"]],
    ],
    [
      "two breakpoints",
      points([
        [0, 0],
        [1000, 1],
      ]),
      [],
    ],
    [
      "a breakpoint of three numbers",
      points([
        [0, 0],
        [500, 0.5, 9],
        [1000, 1],
      ]),
      [[`${pp}[1]`, "断点应为 [x, 分值]", "a breakpoint must be [x, score]"]],
    ],
    [
      "a breakpoint that is no list",
      points([[0, 0], "500:0.5", [1000, 1]]),
      [[`${pp}[1]`, "断点应为 [x, 分值]", "a breakpoint must be [x, score]"]],
    ],
    [
      "two breakpoints at the same x",
      points([
        [0, 0],
        [0, 0.5],
        [1000, 1],
      ]),
      [
        [
          `${pp}[1][0]`,
          "断点应按 x 严格递增（0 不大于 0）",
          "breakpoints must be in strictly increasing x (0 is not above 0)",
        ],
      ],
    ],
    [
      "breakpoints a hair apart",
      points([
        [0, 0],
        [1e-9, 0.5],
        [1000, 1],
      ]),
      [],
    ],
    [
      "a score below 0",
      points([
        [0, -0.1],
        [1000, 1],
      ]),
      [[`${pp}[0][1]`, "分值应在 0–1 之间（现为 -0.1）", "score must be within 0–1 (is -0.1)"]],
    ],
    [
      "a score above 1",
      points([
        [0, 0],
        [1000, 1.01],
      ]),
      [[`${pp}[1][1]`, "分值应在 0–1 之间（现为 1.01）", "score must be within 0–1 (is 1.01)"]],
    ],
    [
      "scores of exactly 0 and 1",
      points([
        [0, 0],
        [1000, 1],
      ]),
      [],
    ],
  ]);
});

describe("category: a non-empty table of 0–1 scores, an optional 0–1 default", () => {
  const category = (extra: Json) => (m: Json) =>
    (criterion(m, "rdCentre").transform = {
      type: "category",
      table: { 国家级: 1, 省级: 0.8 },
      default: 0,
      ...extra,
    });
  check([
    ["a good table", category({}), []],
    ["no default", category({ default: undefined }), []],
    [
      "a table that is a list",
      category({ table: ["国家级"] }),
      [[`${tp("rdCentre")}.table`, "应为对象", "must be an object"]],
    ],
    [
      "an empty table",
      category({ table: {} }),
      [[`${tp("rdCentre")}.table`, "类别表为空", "the category table is empty"]],
    ],
    [
      "a default above 1",
      category({ default: 2 }),
      [[`${tp("rdCentre")}.default`, "不能大于 1（现为 2）", "must not be above 1 (is 2)"]],
    ],
  ]);
});

describe("keywords: a non-empty list of rules, each with words, optional 0–1 default and intended", () => {
  const keywords = (edit: (t: Json) => void) => (m: Json) =>
    edit(criterion(m, "rdCentre").transform);
  const p = tp("rdCentre");
  check([
    [
      "rules that are no list",
      keywords((t) => (t.rules = "国家级")),
      [[`${p}.rules`, "应为列表", "must be a list"]],
    ],
    [
      "no rules",
      keywords((t) => (t.rules = [])),
      [[`${p}.rules`, "至少需要一条规则", "needs at least one rule"]],
    ],
    [
      "a rule's words that are no list",
      keywords((t) => (t.rules[0].words = "国家级")),
      [[`${p}.rules[0].words`, "应为列表", "must be a list"]],
    ],
    [
      "a rule with one blank word among good ones",
      keywords((t) => (t.rules[0].words = ["国家级", " "])),
      [[`${p}.rules[0].words`, "应为非空的词语列表", "must be a non-empty list of words"]],
    ],
    [
      "a default above 1",
      keywords((t) => (t.default = 2)),
      [[`${p}.default`, "不能大于 1（现为 2）", "must not be above 1 (is 2)"]],
    ],
    [
      "an intended share above 1",
      keywords((t) => (t.intended = 1.5)),
      [[`${p}.intended`, "不能大于 1（现为 1.5）", "must not be above 1 (is 1.5)"]],
    ],
    ["an intended share of 1", keywords((t) => (t.intended = 1)), []],
  ]);
});

describe("chain: the chains, their keywords and the roles", () => {
  check([
    [
      // With no chain list there are no chain ids: the table by chain and the synergy pair fail too.
      "chains that are no list",
      (m) => (m.chain.chains = "nev"),
      [
        [
          "tables[0].by",
          "按产业链查表需要模型的 chain 部分和产业链指标",
          "a table by chain needs the model's chain section and a chain criterion",
        ],
        ["chain.chains", "应为列表", "must be a list"],
        [
          "chain.synergy.cnc+nev",
          "协同键“cnc+nev”应为“*”或按字母序排列的两个产业链标识“a+b”",
          'synergy key "cnc+nev" must be "*" or two chain ids sorted "a+b"',
        ],
      ],
    ],
    [
      "a second chain with the id nev",
      (m) => m.chain.chains.push({ ...m.chain.chains[0], name: { zh: "汽车", en: "Cars" } }),
      [[`chain.chains[${pinghu.chain.chains.length}].id`, "标识“nev”重复", 'duplicate id "nev"']],
    ],
    [
      "a chain name that is not bilingual",
      (m) => (m.chain.chains[0].name = "新能源汽车"),
      [["chain.chains[0].name", "应为 {zh, en} 双语文字", "must be bilingual text {zh, en}"]],
    ],
    [
      "a chain's keywords that are no list",
      (m) => (m.chain.chains[0].keywords = "新能源汽车"),
      [["chain.chains[0].keywords", "应为列表", "must be a list"]],
    ],
    [
      "a keyword weight above 1",
      (m) => (m.chain.chains[0].keywords[0].weight = 1.5),
      [
        [
          "chain.chains[0].keywords[0].weight",
          "不能大于 1（现为 1.5）",
          "must not be above 1 (is 1.5)",
        ],
      ],
    ],
    [
      "a keyword weight of 0",
      (m) => (m.chain.chains[0].keywords[0].weight = 0),
      [
        [
          "chain.chains[0].keywords[0].weight",
          "权重应在 (0, 1] 之内",
          "weight must be within (0, 1]",
        ],
      ],
    ],
    [
      "keyword weights of exactly 1 and just above 0",
      (m) => (
        (m.chain.chains[0].keywords[0].weight = 1),
        (m.chain.chains[0].keywords[1].weight = 1e-9)
      ),
      [],
    ],
    [
      // No roles: the default role and the role roleScale names are unknown too.
      "roles that are no list",
      (m) => (m.chain.roles = "leader"),
      [
        ["chain.roles", "应为列表", "must be a list"],
        [
          "chain.defaultRole",
          "默认环节“supplier”不在 roles 中",
          'default role "supplier" is not among the roles',
        ],
        ["chain.roleScale.role", "环节“leader”不存在", 'role "leader" does not exist'],
      ],
    ],
    [
      "two roles with one id",
      (m) => (m.chain.roles[1].id = "leader"),
      [["chain.roles[1].id", "标识“leader”重复", 'duplicate id "leader"']],
    ],
    [
      "a role label that is not bilingual",
      (m) => (m.chain.roles[0].label = "链主"),
      [["chain.roles[0].label", "应为 {zh, en} 双语文字", "must be bilingual text {zh, en}"]],
    ],
    [
      // roleScale looks the role up among the role objects only: a null role is reported once, no crash.
      "a role that is null",
      (m) => (m.chain.roles[1] = null),
      [["chain.roles[1]", "应为对象", "must be an object"]],
    ],
  ]);
});

describe("chain synergy: keys * or two known chain ids sorted a+b, values above 0", () => {
  const synergy = (s: Json) => (m: Json) => (m.chain.synergy = s);
  const badKey = (key: string): Row => [
    `chain.synergy.${key}`,
    `协同键“${key}”应为“*”或按字母序排列的两个产业链标识“a+b”`,
    `synergy key "${key}" must be "*" or two chain ids sorted "a+b"`,
  ];
  check([
    [
      "synergy that is a list",
      synergy([1.1]),
      [["chain.synergy", "应为对象", "must be an object"]],
    ],
    ["* and a sorted pair of known chains", synergy({ "*": 1.1, "cnc+nev": 1.15 }), []],
    ["three known chains, sorted", synergy({ "cnc+nev+opto": 1.2 }), [badKey("cnc+nev+opto")]],
    ["a sorted pair of unknown chains", synergy({ "aaa+zzz": 1.2 }), [badKey("aaa+zzz")]],
    ["a sorted pair, one chain unknown", synergy({ "cnc+zzz": 1.2 }), [badKey("cnc+zzz")]],
    ["a chain paired with itself", synergy({ "nev+nev": 1.2 }), [badKey("nev+nev")]],
    ["a pair out of order", synergy({ "nev+cnc": 1.2 }), [badKey("nev+cnc")]],
    [
      "a factor of 0",
      synergy({ "*": 0 }),
      [["chain.synergy.*", "不能小于 5e-324（现为 0）", "must not be below 5e-324 (is 0)"]],
    ],
    [
      "a factor that is no number",
      synergy({ "cnc+nev": "1.15" }),
      [["chain.synergy.cnc+nev", "应为数值", "must be a number"]],
    ],
    ["a factor below 1 (a penalty) but above 0", synergy({ "*": 0.5 }), []],
  ]);
});

describe("chain: the fields it reads and its confidence", () => {
  check([
    [
      "a chain field that does not exist",
      (m) => (m.chain.chainField = "industryChain"),
      [["chain.chainField", "字段“industryChain”不存在", 'field "industryChain" does not exist']],
    ],
    [
      "a role field that does not exist",
      (m) => (m.chain.roleField = "role"),
      [["chain.roleField", "字段“role”不存在", 'field "role" does not exist']],
    ],
    [
      "a chain field that is no text",
      (m) => (m.chain.chainField = 3),
      [["chain.chainField", "字段“3”不存在", 'field "3" does not exist']],
    ],
    [
      "text fields that are no list",
      (m) => (m.chain.textFields = "name"),
      [["chain.textFields", "应为列表", "must be a list"]],
    ],
    [
      "a minimum confidence above 1",
      (m) => (m.chain.minConfidence = 1.5),
      [["chain.minConfidence", "不能大于 1（现为 1.5）", "must not be above 1 (is 1.5)"]],
    ],
    [
      "a minimum confidence below 0",
      (m) => (m.chain.minConfidence = -0.1),
      [["chain.minConfidence", "不能小于 0（现为 -0.1）", "must not be below 0 (is -0.1)"]],
    ],
    ["a minimum confidence of 1", (m) => (m.chain.minConfidence = 1), []],
    ["a minimum confidence of 0", (m) => (m.chain.minConfidence = 0), []],
  ]);
});

describe("chain contexts: each a word with a non-empty list of cue words", () => {
  const cues = "chain.contexts[0].cues";
  check([
    ["no contexts", (m) => delete m.chain.contexts, []],
    [
      "contexts that are no list",
      (m) => (m.chain.contexts = "储能"),
      [["chain.contexts", "应为列表", "must be a list"]],
    ],
    [
      "a context that is no object",
      (m) => (m.chain.contexts[0] = "储能"),
      [["chain.contexts[0]", "应为对象", "must be an object"]],
    ],
    [
      "a context with a blank word",
      (m) => (m.chain.contexts[0].word = ""),
      [["chain.contexts[0].word", "应为非空文字", "must be non-empty text"]],
    ],
    [
      // Not a list, hence no cues at all: both complaints.
      "cues that are no list",
      (m) => (m.chain.contexts[0].cues = "电站"),
      [
        [cues, "应为列表", "must be a list"],
        [cues, "应为非空的词语列表", "must be a non-empty list of words"],
      ],
    ],
    [
      "no cues",
      (m) => (m.chain.contexts[0].cues = []),
      [[cues, "应为非空的词语列表", "must be a non-empty list of words"]],
    ],
    [
      "one blank cue among good ones",
      (m) => (m.chain.contexts[0].cues = ["电站", ""]),
      [[cues, "应为非空的词语列表", "must be a non-empty list of words"]],
    ],
    ["a single cue", (m) => (m.chain.contexts[0].cues = ["电站"]), []],
  ]);
});

describe("chain nonTarget: an optional list of words", () => {
  check([
    ["no nonTarget", (m) => delete m.chain.nonTarget, []],
    ["an empty nonTarget", (m) => (m.chain.nonTarget = []), []],
    [
      // Only the list complaint: a list that is not there has no bad word.
      "nonTarget that is no list",
      (m) => (m.chain.nonTarget = "4S店"),
      [["chain.nonTarget", "应为列表", "must be a list"]],
    ],
    [
      "one blank word among good ones",
      (m) => (m.chain.nonTarget = ["4S店", " "]),
      [["chain.nonTarget", "应为词语列表", "must be a list of words"]],
    ],
  ]);
});

describe("chain roleScale: a known role, a known field, min ≥ 0, score 0–1", () => {
  const roleScale = (edit: (rs: Json) => void) => (m: Json) => edit(m.chain.roleScale);
  check([
    ["no roleScale", (m) => delete m.chain.roleScale, []],
    [
      "roleScale that is no object",
      (m) => (m.chain.roleScale = "leader"),
      [["chain.roleScale", "应为对象", "must be an object"]],
    ],
    [
      "an unknown role",
      roleScale((rs) => (rs.role = "boss")),
      [["chain.roleScale.role", "环节“boss”不存在", 'role "boss" does not exist']],
    ],
    ["another known role", roleScale((rs) => (rs.role = "keyLink")), []],
    [
      "an unknown field",
      roleScale((rs) => (rs.field = "investment")),
      [["chain.roleScale.field", "字段“investment”不存在", 'field "investment" does not exist']],
    ],
    [
      "a field that is no text",
      roleScale((rs) => (rs.field = 10)),
      [["chain.roleScale.field", "字段“10”不存在", 'field "10" does not exist']],
    ],
    [
      "a min below 0",
      roleScale((rs) => (rs.min = -1)),
      [["chain.roleScale.min", "不能小于 0（现为 -1）", "must not be below 0 (is -1)"]],
    ],
    ["a min of 0", roleScale((rs) => (rs.min = 0)), []],
    [
      "a score above 1",
      roleScale((rs) => (rs.score = 1.5)),
      [["chain.roleScale.score", "不能大于 1（现为 1.5）", "must not be above 1 (is 1.5)"]],
    ],
    [
      "a score below 0",
      roleScale((rs) => (rs.score = -0.1)),
      [["chain.roleScale.score", "不能小于 0（现为 -0.1）", "must not be below 0 (is -0.1)"]],
    ],
    ["a score of 1", roleScale((rs) => (rs.score = 1)), []],
    ["a score of 0", roleScale((rs) => (rs.score = 0)), []],
  ]);
});
