import fc from "fast-check";
import {
  answerNote,
  firstFact,
  foldAnswer,
  hits,
  LandUseReader,
  readLandUse,
  readOrigin,
  readYesNo,
  resolveStage,
  stageNote,
  wordList,
} from "../../src/engine/answers";
import { scoreCandidates } from "../../src/engine";
import { keywords } from "../../src/engine/transforms";
import { CellValue, ScoringModel } from "../../src/engine/types";
import pinghu from "../../src/models/pinghu-2023.json";

const model = pinghu as unknown as ScoringModel;
const score = (rows: Record<string, CellValue>[]) => scoreCandidates(rows, model);

describe("answers written in words", () => {
  test.each([
    ["是（2022年认定）", "yes"],
    ["已认定", "yes"],
    ["有", "yes"],
    ["具备", "yes"],
    ["√", "yes"],
    ["✓", "yes"],
    ["Y", "yes"],
    ["yes", "yes"],
    ["通过", "yes"],
    ["否", "no"],
    ["无", "no"],
    ["没有", "no"],
    ["未认定", "no"],
    ["×", "no"],
    ["N", "no"],
    ["no", "no"],
    ["拟申报", "intended"],
    ["计划申请", "intended"],
    ["筹建中", "intended"],
    ["申报中", "intended"],
    ["正在申请", "intended"],
    ["暂无", "no"],
    ["暂未认定", "no"],
    ["尚无", "no"],
    ["目前没有", "no"],
    ["还未申报", "no"],
    ["暂无处罚记录", "no"],
    ["待定", null],
    // Applied for, not granted: 已申报 starts like 已 (yes).
    ["已申报", "intended"],
    ["正在认定", "intended"],
    ["认定中", "intended"],
    // A leading year says when.
    ["2022年认定", "yes"],
    ["2023年3月通过", "yes"],
    ["2023年拟申报", "intended"],
    ["maybe", null],
  ])("%s → %s", (cell, answer) => expect(readYesNo(cell)).toBe(answer));

  test("an intention is its own value, scored below yes and above no", () => {
    const [yes, intended, no] = score([
      { highTech: "是（2022年认定）" },
      { highTech: "拟申报" },
      { highTech: "否" },
    ]).map((c) => c.explanation.criteria.find((k) => k.criterion === "highTech")!.normalized!);
    expect([yes, no]).toEqual([1, 0]);
    expect(intended).toBeGreaterThan(no);
    expect(intended).toBeLessThan(yes);
  });

  test("levels: 国家级 > 省级 > 市级; 小巨人 > 省级专精特新 > 创新型中小企业; intentions below certificates", () => {
    const rules = model.criteria.find((c) => c.id === "rdCentre")!.transform;
    const sp = model.criteria.find((c) => c.id === "specialised")!.transform;
    if (rules.type !== "keywords" || sp.type !== "keywords") throw new Error("keywords expected");
    const rd = (t: string) => keywords(t, rules.rules, 0, rules.intended);
    const spec = (t: string) => keywords(t, sp.rules, 0, sp.intended);
    expect(rd("国家级企业技术中心")).toBeGreaterThan(rd("省级研发中心"));
    expect(rd("省级研发中心")).toBeGreaterThan(rd("市级研发中心"));
    expect(rd("拟申报省级研发中心")).toBeLessThan(rd("省级研发中心"));
    expect(rd("无研发中心")).toBe(0);
    expect(spec("国家级专精特新“小巨人”")).toBeGreaterThan(spec("省级专精特新"));
    expect(spec("省级专精特新")).toBeGreaterThan(spec("创新型中小企业"));
    expect(spec("拟申报小巨人")).toBeLessThan(spec("小巨人"));
  });

  test("listing: by exchange or parent is listed; in process below; 非上市/未上市 and 拟上市 are not listed", () => {
    const t = model.criteria.find((c) => c.id === "listing")!.transform;
    if (t.type !== "keywords") throw new Error("keywords expected");
    const l = (x: string) => keywords(x, t.rules, t.default ?? 0, t.intended);
    for (const x of [
      "沪市主板上市",
      "科创板",
      "港股上市",
      "纳斯达克上市",
      "母公司在东京证券交易所上市",
      "上市公司子公司",
    ])
      expect([x, l(x)]).toEqual([x, 1]);
    expect(l("已申报")).toBeLessThan(1);
    expect(l("辅导备案")).toBeLessThan(l("已申报"));
    expect(l("拟上市公司")).toBeLessThan(l("辅导备案"));
    expect(l("非上市公司")).toBe(0);
    expect(l("未上市")).toBe(0);
  });

  test.each([
    ["日资", "日本", true],
    ["德资", "德国", true],
    ["Japan", "日本", true],
    ["港资", "中国香港", true],
    ["中国台湾", "中国台湾", true],
    ["中外合资", "中外合资", true],
    ["外商独资", "外资", true],
    ["上海", "中国", false],
    ["江苏苏州", "中国", false],
    ["杭州", "中国", false],
    ["中国", "中国", false],
    ["本地企业", "中国", false],
    ["BVI", "英属维尔京群岛", true],
    ["开曼", "开曼群岛", true],
    ["注册于英属维尔京群岛", "英属维尔京群岛", true],
  ])("origin %s → %s, foreign %s", (cell, country, foreign) =>
    expect(readOrigin(cell)).toMatchObject({ country, foreign })
  );

  test("stage wording and the headers 推进情况/进展情况/项目阶段 map to 项目进度", () => {
    const st = (c: string) => resolveStage(c, model);
    expect(
      ["对接", "接洽", "洽谈", "在谈", "已签约", "注册", "摘牌", "在建", "竣工", "达产"].map(st)
    ).toEqual([
      "contact",
      "contact",
      "negotiating",
      "negotiating",
      "signed",
      "registered",
      "landSupplied",
      "started",
      "production",
      "production",
    ]);
    expect(st("未签约")).toBe("negotiating");
    // The longest alias decides; of equally long ones the later stage (a list keeping each step reached).
    expect(
      [
        "已签约、已开工",
        "已注册，正在办理供地",
        "已签约，待开工",
        "已签订投资协议",
        "签署投资意向书",
        "签订意向协议",
        "框架协议已签",
        "项目储备",
        "跟踪中",
        "未签订",
      ].map(st)
    ).toEqual([
      "started",
      "registered",
      "signed",
      "signed",
      "contact",
      "contact",
      "negotiating",
      "contact",
      "contact",
      "negotiating",
    ]);
    const stage = model.fields.find((f) => f.id === "stage")!;
    for (const h of ["推进情况", "进展情况", "项目阶段"]) expect(stage.aliases).toContain(h);
  });

  test("words analysts write for steps: before a step, construction, trial production, 落户", () => {
    const st = (c: string) => resolveStage(c, model);
    expect(["签约前", "开工前准备"].map(st)).toEqual(["negotiating", null]);
    expect(["土建施工", "主体结顶", "设备安装", "试产", "项目落户"].map(st)).toEqual([
      "started",
      "started",
      "started",
      "production",
      "registered",
    ]);
    expect(["项目取消", "已退出", "暂缓", "取消签约"].map(st)).toEqual([
      "halted",
      "halted",
      "halted",
      "halted",
    ]);
    // A date is no stage.
    expect([st("2023-03-03"), resolveStage(45000, model)]).toEqual([null, null]);
  });

  test("dropped or on hold is its own state, winning over any step named beside it", () => {
    const st = (c: string) => resolveStage(c, model);
    for (const c of ["停滞", "暂停", "终止", "放弃", "已撤销", "流失", "搁置", "项目已中止"])
      expect(st(c)).toBe("halted");
    expect(st("已签约，后停滞")).toBe("halted");
    expect(st("已开工，目前暂停")).toBe("halted");
    expect(st("未签约，已放弃")).toBe("halted");
    // Negated, it is no halt: the rest of the cell decides.
    expect(st("未停滞")).toBeNull();
    expect(st("已开工，未停滞")).toBe("started");
  });

  test("a halt followed by a resumption is live again: the live stage named, if any, decides", () => {
    const st = (c: string) => resolveStage(c, model);
    // No live stage written: unread (not halted, and no step guessed).
    expect(["停滞后重启", "暂停后恢复", "已重启", "恢复推进"].map(st)).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(st("已签约，后停滞，现已恢复并开工")).toBe("started");
    expect(st("暂停后复工，主体结顶")).toBe("started");
    // The other side: a resumption negated or followed by a new halt leaves it halted.
    expect(st("停滞")).toBe("halted");
    expect(st("停滞，未恢复")).toBe("halted");
    expect(st("停滞，拟重启")).toBe("halted");
    expect(st("重启后又暂停")).toBe("halted");
    expect(st("已签约，后停滞")).toBe("halted");
  });

  test("the explanation says a resumed halt was not counted as one", () => {
    // No step written after the resumption: the stage is unknown (the model has no "live, step
    // unknown"), advised by score as a candidate before signing, and the note says so.
    expect(stageNote("停滞后重启", model)).toEqual({
      zh: "项目进度“停滞后重启”：停滞后已恢复，不按停滞计；未写明恢复后的进度，进度按未知计（按评分给建议）",
      en: 'stage "停滞后重启": halted, then resumed, so not counted as halted; the stage after resuming is not written, so it counts as unknown (advice by score)',
    });
    expect(resolveStage("停滞后重启", model)).toBeNull();
    expect(stageNote("停滞后恢复，已开工", model)?.zh).toContain("读作“开工”");
    for (const c of ["停滞", "已开工", "已重启", null]) expect(stageNote(c, model)).toBeNull();
    const [resumed, held] = score([
      { name: "甲", stage: "已签约，后停滞，现已恢复", totalInvestment: "10亿元" },
      { name: "乙", stage: "已签约，后停滞", totalInvestment: "10亿元" },
    ]);
    expect(resumed.excluded).toBe(false);
    expect(resumed.explanation.notes.map((n) => n.zh)).toContain(
      "项目进度“已签约，后停滞，现已恢复”：停滞后已恢复，不按停滞计；读作“签约”"
    );
    expect(held.excluded).toBe(true);
  });

  test("work or production stopped (停工, 停产) and 烂尾 are halted; 停工后复工 is live again", () => {
    const st = (c: string) => resolveStage(c, model);
    expect(["已停工", "停产", "烂尾", "停工后复工", "停工后复工，设备安装"].map(st)).toEqual([
      "halted",
      "halted",
      "halted",
      null,
      "started",
    ]);
  });

  test("在申报 and 待认定 are intentions, not certificates", () => {
    expect(["在申报", "正在申请", "待认定"].map(readYesNo)).toEqual([
      "intended",
      "intended",
      "intended",
    ]);
  });

  test("words for land steps: 摘地, 土地成交 and 完成挂牌出让 are land supplied", () => {
    const st = (c: string) => resolveStage(c, model);
    expect(
      ["已摘地", "摘地", "土地成交", "已完成挂牌出让", "已挂牌并摘牌", "已取得土地"].map(st)
    ).toEqual(Array(6).fill("landSupplied"));
    for (const c of ["已摘牌", "土地成交", "已完成挂牌出让"])
      expect(stageNote(c, model)).toBeNull();
  });

  test("土地已挂牌 (listed for sale, not yet won) is at least signed, before land supply, and the note says so", () => {
    const st = (c: string) => resolveStage(c, model);
    expect(st("土地已挂牌")).toBe("signed");
    expect(st("挂牌出让中")).toBe("signed");
    expect(stageNote("土地已挂牌", model)).toEqual({
      zh: "项目进度“土地已挂牌”：土地挂牌出让中、尚未摘牌：至少已签约，读作“签约”（供地前；是否已注册未写明）",
      en: 'stage "土地已挂牌": land listed for sale, not yet won: signed at least, read as "Signed" (before land supply; registration not stated)',
    });
    // A later step written beside it decides, without the note; a negated step caps it.
    expect([st("已注册，土地已挂牌"), st("已开工，土地已挂牌"), st("未签约，土地已挂牌")]).toEqual([
      "registered",
      "started",
      "negotiating",
    ]);
    expect(stageNote("已注册，土地已挂牌", model)).toBeNull();
    // Not listed, or before listing: no step written.
    expect([st("土地未挂牌"), st("挂牌前")]).toEqual([null, null]);
    // A halt still wins.
    expect(st("土地已挂牌，项目暂停")).toBe("halted");
  });

  test("挂牌 of a company's shares (新三板挂牌, 挂牌上市) is no stage; land listed at an exchange still is", () => {
    const st = (c: string) => resolveStage(c, model);
    expect(
      [
        "已在新三板挂牌",
        "拟新三板挂牌",
        "创业板挂牌上市",
        "挂牌上市",
        "在区域股权交易中心挂牌",
      ].map(st)
    ).toEqual([null, null, null, null, null]);
    for (const c of ["已在新三板挂牌", "挂牌上市"]) expect(stageNote(c, model)).toBeNull();
    // Another step written beside it decides as before.
    expect(st("已签约，新三板挂牌企业")).toBe("signed");
    expect(st("已开工；公司拟科创板挂牌")).toBe("started");
    // A land word in the clause, or a share market named in another clause only: land.
    expect(
      [
        "地块已在公共资源交易中心挂牌",
        "土地挂牌交易中",
        "上市公司，土地已挂牌",
        "国有建设用地使用权挂牌出让，企业拟上市",
      ].map(st)
    ).toEqual(["signed", "signed", "signed", "signed"]);
  });

  test("a no with an intention stated (否（拟申报）) reads as the intention, as 拟申报 alone does; a negated plan stays no", () => {
    expect(
      [
        "否（拟申报）",
        "否，拟申报",
        "无（计划申报）",
        "暂无，拟申报",
        "未认定（申报中）",
        "否（已申报）",
        "未认定（认定中）",
      ].map(readYesNo)
    ).toEqual(Array(7).fill("intended"));
    expect(["否（无计划）", "不拟申报", "没有计划", "否", "尚未申报"].map(readYesNo)).toEqual(
      Array(5).fill("no")
    );
    expect(answerNote("否（拟申报）", false)).toEqual({
      zh: "“否（拟申报）”读作“意向”：写了“否”，并写明已申请或打算申请（同“拟申报”“已申报”）",
      en: '"否（拟申报）" read as intended: a no, with an application made or planned (as 拟申报, 已申报)',
    });
    expect(answerNote("暂无", false)?.en).toBe('"暂无" read as no: not yet, not missing data');
    for (const c of ["是", "否", "拟申报", "否（无计划）", 1])
      expect(answerNote(c, false)).toBeNull();
    const [planned, intended, no] = score([
      { name: "甲", highTech: "否（拟申报）" },
      { name: "乙", highTech: "拟申报" },
      { name: "丙", highTech: "否" },
    ]);
    expect(planned.dimensions).toEqual(intended.dimensions);
    expect(planned.dimensions).not.toEqual(no.dimensions);
    const said = planned.explanation.criteria.find((c) => c.raw === "否（拟申报）");
    expect(said?.note?.zh).toContain("读作“意向”");
  });

  test("in a veto column a leading no is no veto whatever follows (无（拟整改） is no reason)", () => {
    const rows = score([{ veto: "无（拟整改）" }, { veto: "有（拟整改）" }]);
    expect(rows.map((r) => r.gates.find((g) => g.gate === "veto")?.status)).toEqual([
      "passed",
      "failed",
    ]);
    expect(answerNote("无（拟整改）", true)).toBeNull();
  });

  test("a dropped or held project is excluded with the halted gate's reason, and its stage text shown", () => {
    const [held, live] = score([
      { name: "甲", stage: "已签约，后停滞", totalInvestment: "10亿元" },
      { name: "乙", stage: "已签约", totalInvestment: "10亿元" },
    ]);
    expect(held.excluded).toBe(true);
    expect(held.rank).toBeNull();
    expect(held.decision).toBe("defer");
    const gate = held.gates.find((g) => g.gate === "halted")!;
    expect(gate.status).toBe("failed");
    expect(gate.detail?.zh).toBe("项目进度：已签约，后停滞");
    expect(gate.reason.zh).toContain("不计入推进阶段");
    expect(held.explanation.notes.map((n) => n.zh)).not.toContain("下一步：注册");
    expect([live.excluded, live.decision]).toEqual([false, "land"]);
    expect(live.gates.find((g) => g.gate === "halted")!.status).toBe("passed");
  });

  test("in production, the next milestone is never the halted state", () => {
    const [c] = score([{ name: "甲", stage: "已投产" }]);
    expect(c.explanation.notes.map((n) => n.zh).join()).not.toContain("下一步");
  });

  test("a veto column: anything but an explicit negative is a veto, its text the reason", () => {
    const [penalty, none, blank] = score([
      { name: "甲", veto: "有（2022年环保行政处罚）" },
      { name: "乙", veto: "无" },
      { name: "丙", veto: "—" },
    ]);
    expect(penalty.excluded).toBe(true);
    expect(penalty.decision).toBe("defer");
    expect(JSON.stringify(penalty.explanation)).toContain("有（2022年环保行政处罚）");
    expect([none.excluded, blank.excluded]).toEqual([false, false]);
    expect(score([{ credit: "失信被执行人（2023）" }])[0].excluded).toBe(true);
  });

  test("a past or withdrawn record in a veto column is a veto all the same (曾…, 已撤销 are no no there)", () => {
    const rows = score([
      { veto: "曾被列入失信名单" },
      { veto: "已撤销（2022年处罚）" },
      { credit: "原失信被执行人" },
    ]);
    expect(rows.map((c) => c.excluded)).toEqual([true, true, true]);
  });

  test('"not yet" in a veto column is no veto (暂无处罚记录 was read as one)', () => {
    const rows = score([
      { veto: "暂无处罚记录" },
      { veto: "暂无" },
      { credit: "目前没有失信记录" },
    ]);
    expect(rows.map((c) => c.excluded)).toEqual([false, false, false]);
    expect(rows[0].gates.find((g) => g.gate === "veto")?.status).toBe("passed");
  });
});

describe("land use and 标准地 gates", () => {
  const gate = (c: ReturnType<typeof score>[number], id: string) =>
    c.gates.find((g) => g.gate === id)!.status;

  test("land use from the column, else inferred with its deciding word, else industrial", () => {
    const cols = { landUse: ["农用地", null, null], description: [null, "蔬菜育种基地", "滑轨"] };
    expect(readLandUse(cols, 0, model)).toMatchObject({ use: "agricultural", source: "column" });
    expect(readLandUse(cols, 1, model)).toMatchObject({
      use: "agricultural",
      source: "inferred",
      word: "育种",
    });
    expect(readLandUse(cols, 2, model)).toMatchObject({ use: "industrial", source: "default" });
  });

  test("a seed-breeding base's farmland is not held to industrial gates; a factory on the same figures is", () => {
    const figures = { totalInvestment: "5000万元", landArea: 200, tax: "300万元" };
    const [farm, plant] = score([
      { description: "杂交水稻良种繁育基地", ...figures },
      { description: "汽车零部件生产基地", ...figures },
    ]);
    expect(gate(farm, "investmentIntensity")).toBe("notApplicable");
    expect(gate(plant, "investmentIntensity")).toBe("failed");
    expect(gate(plant, "taxPerMu")).toBe("failed");
    expect(plant.score).toBeLessThanOrEqual(69.9);
  });

  test("fixed-asset investment is the intensity measure; total investment stands in only when it is absent", () => {
    const [fixed, total] = score([
      { totalInvestment: "10亿元", fixedAssetInvestment: "2亿元", landArea: 100 },
      { totalInvestment: "10亿元", landArea: 100 },
    ]);
    // 2亿元 / 100亩 = 200万元/亩 < 300; 10亿元 / 100亩 = 1000万元/亩.
    expect(gate(fixed, "investmentIntensity")).toBe("failed");
    expect(gate(total, "investmentIntensity")).toBe("passed");
    // The failure shows the measure used; a stand-in total would say so (test/engine/lookup.test.ts).
    const detail = fixed.gates.find((g) => g.gate === "investmentIntensity")!.detail!.zh;
    expect(detail).toMatch(/^投资强度：200；/);
  });

  test("the tax-per-亩 criterion never lifts a candidate that fails the tax gate on the same figures", () => {
    const [low] = score([{ tax: "400万元", landArea: 20 }]);
    expect(gate(low, "taxPerMu")).toBe("failed");
    expect(low.explanation.criteria.find((c) => c.criterion === "taxPerMu")!.contribution).toBe(0);
  });
});

describe("industry policy, negative list and energy", () => {
  test("淘汰 excludes, 限制 caps at 一般关注, 禁止 on the negative list excludes, low output per tce caps", () => {
    const big = {
      totalInvestment: "20亿元",
      chain: "新能源汽车",
      chainRole: "链主",
      revenue: "30亿元",
      tax: "2亿元",
    };
    const [plain, eliminated, restricted, prohibited, energy, ok] = score([
      big,
      { ...big, policyClass: "淘汰类" },
      { ...big, policyClass: "限制类" },
      { ...big, negativeList: "禁止" },
      { ...big, energyUse: 200000 },
      { ...big, policyClass: "鼓励类", energyUse: 20000 },
    ]);
    expect(eliminated.excluded).toBe(true);
    expect(restricted.score).toBeLessThanOrEqual(49.9);
    expect(prohibited.excluded).toBe(true);
    // 300 000万元 / 200 000 tce = 1.5万元 per tce < 2.
    expect(energy.score).toBeLessThanOrEqual(69.9);
    expect(ok.flags).toEqual(expect.arrayContaining(["policyEncouraged", "energyReview"]));
    // Encouraged and efficient (15万元 per tce): flagged, not held back.
    expect(ok.score).toBeCloseTo(plain.score, 9);
  });
});

describe("unknown is not zero", () => {
  test("reporting a plausible figure never ranks a candidate below its blank twin", () => {
    // Plausible: non-negative figures of the model's own criteria, land left blank (so no admission
    // gate is decided by the filled figure). Property over the default model.
    const cells: Record<string, fc.Arbitrary<CellValue>> = {
      revenue: fc.integer({ min: 0, max: 500000 }).map((v) => `${v}万元`),
      tax: fc.integer({ min: 0, max: 50000 }).map((v) => `${v}万元`),
      registeredCapital: fc.integer({ min: 1, max: 100000 }).map((v) => `${v}万元`),
      patents: fc.integer({ min: 0, max: 200 }),
      rdShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
      highTech: fc.constantFrom("是", "否", "拟申报"),
      rdCentre: fc.constantFrom("省级研发中心", "无", "拟建研发中心"),
      listing: fc.constantFrom("科创板上市", "非上市", "拟上市"),
      contractedFdi: fc.integer({ min: 0, max: 20000 }).map((v) => `${v}万美元`),
      industryRank: fc.integer({ min: 1, max: 300 }),
    };
    const base = fc.record({
      name: fc.constant("示例"),
      totalInvestment: fc.integer({ min: 500, max: 2000000 }).map((v) => `${v}万元`),
      chain: fc.constantFrom("新能源汽车", "生物医药", null),
    });
    fc.assert(
      fc.property(base, fc.constantFrom(...Object.keys(cells)), fc.context(), (row, field, ctx) => {
        const value = fc.sample(cells[field], { numRuns: 1, seed: row.totalInvestment.length })[0];
        const [filled, blank] = score([{ ...row, [field]: value }, { ...row }]);
        ctx.log(`${field}=${String(value)}: ${filled.score} vs ${blank.score}`);
        return filled.score >= blank.score - 1e-9 && filled.completeness >= blank.completeness;
      }),
      { numRuns: 300 }
    );
  });

  test("completeness, the interval and what to ask for first", () => {
    const [c] = score([{ name: "示例", totalInvestment: "3亿元", chain: "生物医药" }]);
    expect(c.completeness).toBeGreaterThan(0);
    expect(c.completeness).toBeLessThan(0.5);
    expect(c.interval[0]).toBeLessThanOrEqual(c.score);
    expect(c.interval[1]).toBeGreaterThan(c.score + 20);
    expect(c.decision).toBe("needInfo");
    const ask = c.explanation.unknowns;
    expect(ask.length).toBeGreaterThan(3);
    for (let k = 1; k < ask.length; k++)
      expect(ask[k - 1].gain).toBeGreaterThanOrEqual(ask[k].gain);
    expect(ask[0].label.zh).toMatch(/^补充 .+ 最多 \+\d+(\.\d)? 分$/);
  });
});

describe("word lists folded once and searched in one pass", () => {
  const lists = [
    model.landUse!.uses.flatMap((u) => u.words),
    model.chain!.nonTarget ?? [],
    ["是", "已上市", "上市", "Listed", "ＴＰＵ", "plant", "un"],
  ];
  const pieces = fc.constantFrom(
    ...lists.flat(),
    "非",
    "未",
    "不",
    "拟",
    "计划",
    "not ",
    "no ",
    "，",
    "（",
    "）",
    " ",
    "　",
    "项目",
    "有限公司"
  );
  const text = fc.array(pieces, { maxLength: 8 }).map((p) => p.join(""));

  test("firstFact finds the first word of the list (in list order) that stands as a fact (property)", () => {
    const compiled = lists.map(wordList);
    fc.assert(
      fc.property(text, (raw) => {
        const t = foldAnswer(raw);
        compiled.forEach((list, l) => {
          // Reference: each word in list order, every place it occurs, as `hits` reads it.
          const want = lists[l].findIndex((w) => hits(t, foldAnswer(w)).includes("fact"));
          expect(firstFact(t, list)).toBe(want);
        });
      }),
      { numRuns: 2000 }
    );
  });

  test("the batch land-use reader gives readLandUse's use on every row (property)", () => {
    // Land words also upper case, full width and split by odd spaces: the reader skips folding a
    // text only when no land word can occur in it as folded.
    const fullWidth = (w: string) =>
      w.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    const land = fc.constantFrom(...lists[0]);
    const variant = fc.oneof(
      pieces,
      land.map((w) => w.toUpperCase()),
      land.map(fullWidth),
      land.map((w) => w.replace(/ /g, "\u3000 \t")),
      land.map((w) => w.slice(0, Math.max(1, w.length - 1)))
    );
    const landText = fc.array(variant, { maxLength: 8 }).map((p) => p.join(""));
    const cell = fc.oneof(text, landText, fc.constant(null), fc.integer({ min: 0, max: 9 }));
    const row = fc.record({
      landUse: cell,
      description: cell,
      products: cell,
      name: cell,
      industry: cell,
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const columns = Object.fromEntries(
          ["landUse", "description", "products", "name", "industry"].map((f) => [
            f,
            rows.map((r) => r[f as keyof typeof r] as CellValue),
          ])
        );
        const out = new Array<string | null>(rows.length);
        new LandUseReader(model).into(columns, rows.length, out);
        expect(out).toEqual(rows.map((_, i) => readLandUse(columns, i, model)?.use ?? null));
      }),
      { numRuns: 300 }
    );
  });
});

describe("招大引强 carries a project only on a target chain", () => {
  // 港资 8亿元 = 80 000万元 ≥ 1亿美元 × 7.05: 超亿美元外资 whatever the sector.
  const big = { country: "中国香港", totalInvestment: "8亿元" };

  test("a non-target 招大引强 (a hotel) is counted and earns its points, but no floor; on a chain or with the chain unknown it is carried", () => {
    const [hotel, nev, unknown] = score([
      { ...big, name: "五星级酒店项目", description: "五星级酒店及商业综合体" },
      { ...big, name: "电驱动项目", description: "新能源汽车电驱动系统生产基地" },
      big,
    ]);
    expect(hotel.flags).toEqual(expect.arrayContaining(["zdyq", "zdyqForeign", "zdyqOffChain"]));
    expect(hotel.explanation.bonuses.map((b) => [b.bonus, b.points])).toEqual([["zdyq", 8]]);
    expect(hotel.score).toBeLessThan(50);
    expect(hotel.explanation.notes.map((n) => n.zh).join()).not.toContain("保底");
    for (const c of [nev, unknown]) {
      expect(c.flags).toContain("zdyq");
      expect(c.flags).not.toContain("zdyqOffChain");
      expect(c.score).toBeGreaterThanOrEqual(50);
    }
    // The rule and its reason are model data.
    const onChain = model.bonuses.find((b) => b.id === "zdyqOnChain")!;
    expect([onChain.floor, onChain.when]).toEqual([
      50,
      "bigAndStrong == 1 and (isNaN(chainFit_score) or chainFit_score > 0)",
    ]);
    expect(onChain.description!.zh).toContain("非目标产业");
  });

  test("candidates held at the floor share the score but rank by their own merit, and say so", () => {
    const [weak, strong] = score([
      { name: "甲", description: "新能源汽车零部件", totalInvestment: "10亿元" },
      {
        name: "乙",
        description: "新能源汽车零部件",
        totalInvestment: "10亿元",
        tax: "800万元",
        highTech: "是",
      },
    ]);
    expect([weak.score, strong.score]).toEqual([50, 50]);
    expect([strong.rank, weak.rank]).toEqual([1, 2]);
    const note = strong.explanation.notes.find((n) => n.zh.includes("保底"))!;
    expect(note.zh).toMatch(
      /^强信号（招大引强·目标产业）保底至 50 分，本身 \d+\.\d 分；同分项目按本身得分排序$/
    );
    expect(strong.explanation.summary.zh).toContain("招大引强·目标产业保底 50 分（本身");
  });
});
