import fc from "fast-check";
import {
  chainFit,
  ChainClassification,
  chainFitColumns,
  ChainFitter,
  classifyChain,
  normalizeText,
  resolveChainName,
  resolveChainNames,
  nonTargetWord,
  readRole,
  resolveRole,
  synergyFor,
} from "../../src/engine/chain";
import { DENIALS, dropDenied } from "../../src/engine/answers";
import { sharedWordCue } from "../../src/engine/chain";
import { scoreCandidates } from "../../src/engine";
import { HELD_OUT_2026 } from "../fixtures/chain-heldout-2026";
import { chainFitOf } from "../../src/engine/transforms";
import { CellValue, ChainModel, ScoringModel } from "../../src/engine/types";
import pinghu from "../../src/models/pinghu-2023.json";
import {
  ChainCase,
  DESCRIPTION_CASES,
  HELD_OUT_CASES,
  NAMED_PROJECT_CASES,
} from "../fixtures/chain-descriptions";

const model = (pinghu as unknown as ScoringModel).chain as ChainModel;

function accuracy(cases: ChainCase[]): { right: number; wrong: string[] } {
  const wrong: string[] = [];
  for (const c of cases) {
    const got = classifyChain(c.texts, model);
    if (got.chain !== c.chain)
      wrong.push(
        `${c.texts.join(" | ")}: expected ${c.chain}, got ${got.chain} (${got.matched.join(",")})`
      );
  }
  return { right: cases.length - wrong.length, wrong };
}

describe("classifyChain on the projects named in the article", () => {
  test.each(NAMED_PROJECT_CASES)("$texts.0 → $chain", (c) => {
    const got = classifyChain(c.texts, model);
    expect(got.chain).toBe(c.chain);
    expect(got.secondary).toBe(c.secondary ?? null);
  });

  test("the Nidec machine-tool plant is CNC first and also serves NEV (the article's cross-chain example)", () => {
    const got = classifyChain(NAMED_PROJECT_CASES[1].texts, model);
    expect(got).toMatchObject({ chain: "cnc", secondary: "nev" });
    expect(got.matched).toEqual(expect.arrayContaining(["机床", "新能源汽车"]));
    expect(got.confidence).toBeGreaterThan(0.7);
  });
});

describe("classifyChain on realistic descriptions", () => {
  const all = [...NAMED_PROJECT_CASES, ...DESCRIPTION_CASES];

  test("the set is large enough and covers every chain in zh and en, and none-cases", () => {
    expect(all.length).toBeGreaterThanOrEqual(60);
    for (const chain of model.chains) {
      const cases = all.filter((c) => c.chain === chain.id);
      expect(cases.some((c) => /[\u4e00-\u9fff]/.test(c.texts.join("")))).toBe(true);
      expect(cases.some((c) => /^[\x20-\x7e]+$/.test(c.texts.join("")))).toBe(true);
    }
    expect(all.filter((c) => c.chain === null).length).toBeGreaterThanOrEqual(8);
  });

  test("accuracy is at least 95%", () => {
    const { right, wrong } = accuracy(all);
    const rate = right / all.length;
    // Printed so the figure in docs/model-pinghu-2023.md can be checked against a run.
    console.log(
      `chain classification: ${right}/${all.length} = ${(rate * 100).toFixed(1)}%\n${wrong.join("\n")}`
    );
    // The dictionary was written with these phrasings in view, so anything below 95% on them means a
    // regression; unseen text will do worse (see the model note).
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });

  test("held-out phrasing: at least 75%, and every miss is an abstention (none), not a wrong chain", () => {
    const { right, wrong } = accuracy(HELD_OUT_CASES);
    console.log(
      `held-out: ${right}/${HELD_OUT_CASES.length} = ${((right / HELD_OUT_CASES.length) * 100).toFixed(1)}%\n${wrong.join("\n")}`
    );
    // Measured 20/24 when first written: the four misses lacked words (车桥, 雷达, 社区团购, 选育) and came
    // out as none. The 2026 broadening added those words, so this set is no longer held out (now 24/24);
    // the honest unseen figure is HELD_OUT_2026 below. A wrong chain is worse than none for an analyst.
    expect(right / HELD_OUT_CASES.length).toBeGreaterThanOrEqual(0.75);
    for (const c of HELD_OUT_CASES) {
      const got = classifyChain(c.texts, model).chain;
      if (got !== c.chain) expect(got).toBeNull();
    }
  });

  test("held-out 2026 (128 zh/en descriptions written after the dictionary froze): ≥ 90% right, ≤ 2% wrong chain", () => {
    const { right, wrong } = accuracy(HELD_OUT_2026);
    const n = HELD_OUT_2026.length;
    const wrongChain = HELD_OUT_2026.filter((c) => {
      const got = classifyChain(c.texts, model).chain;
      return got !== null && got !== c.chain;
    }).length;
    console.log(
      `held-out 2026: ${right}/${n} = ${((right / n) * 100).toFixed(1)}% right; wrong chain ${wrongChain}/${n}\n${wrong.join("\n")}`
    );
    expect(n).toBeGreaterThanOrEqual(120);
    expect(right / n).toBeGreaterThanOrEqual(0.9);
    // Measured once, untuned: 123/128 = 96.1% right, 1 wrong chain (锂电池湿法隔膜 read as NEV).
    expect(wrongChain / n).toBeLessThanOrEqual(0.02);
  });

  test("text that fits no chain gets none with low confidence, never a guess", () => {
    for (const c of all.filter((x) => x.chain === null)) {
      const got = classifyChain(c.texts, model);
      expect(got.chain).toBeNull();
      expect(got.secondary).toBeNull();
      expect(got.confidence).toBeLessThan(model.minConfidence);
    }
  });

  test("secondary chains where the text serves two", () => {
    for (const c of all.filter((x) => x.secondary)) {
      expect(classifyChain(c.texts, model)).toMatchObject({
        chain: c.chain,
        secondary: c.secondary,
      });
    }
  });
});

describe("classifyChain mechanics", () => {
  test("blank, null and empty input give none with confidence 0", () => {
    expect(classifyChain([], model)).toEqual({
      chain: null,
      confidence: 0,
      matched: [],
      secondary: null,
    });
    expect(classifyChain([null, "  "], model).chain).toBeNull();
  });

  test("full-width letters match (ＴＰＵ薄膜)", () => {
    expect(normalizeText("ＴＰＵ薄膜")).toBe("tpu薄膜");
    expect(classifyChain(["ＴＰＵ薄膜"], model).chain).toBe("c3film");
  });

  test("English keywords match whole words only (EV not inside 'every', CRO not inside 'micro')", () => {
    expect(classifyChain(["every level of service"], model).chain).toBeNull();
    expect(classifyChain(["micro lending"], model).chain).toBeNull();
  });

  test("a longer keyword hides the shorter one inside it", () => {
    // 工业互联网 is software & IT, not internet services; 电子商务 is not 电子 (opto).
    expect(classifyChain(["工业互联网"], model)).toMatchObject({
      chain: "software",
      secondary: null,
    });
    expect(classifyChain(["电子商务"], model)).toMatchObject({
      chain: "internet",
      secondary: null,
    });
  });

  test("stop phrases hide misleading words (种子轮 is a financing round, not seeds)", () => {
    expect(classifyChain(["种子轮"], model).chain).toBeNull();
    expect(classifyChain(["种子"], model).chain).toBe("seeds");
  });

  test("more evidence gives more confidence; a rival chain lowers it", () => {
    const one = classifyChain(["机床"], model).confidence;
    const two = classifyChain(["机床 刀具"], model).confidence;
    const rival = classifyChain(["机床 医药"], model).confidence;
    expect(two).toBeGreaterThan(one);
    expect(rival).toBeLessThan(one);
    expect(one).toBeGreaterThan(0);
    expect(two).toBeLessThanOrEqual(1);
  });

  test("the result does not depend on the order of the texts", () => {
    const a = classifyChain(["数控车床", "用于新能源汽车零部件"], model);
    const b = classifyChain(["用于新能源汽车零部件", "数控车床"], model);
    expect(a.chain).toBe(b.chain);
    expect(a.secondary).toBe(b.secondary);
  });
});

describe("resolveChainName / resolveRole", () => {
  test.each([
    ["新能源汽车", "nev"],
    ["新能源汽车产业链", "nev"],
    ["汽配", "nev"],
    ["高档数控机床", "cnc"],
    ["数控机床", "cnc"],
    ["碳三和膜材料及关联产业", "c3film"],
    ["膜材料", "c3film"],
    ["Biomedicine", "bio"],
    ["software & IT", "software"],
    ["IT", "software"],
    ["种业", "seeds"],
    [" 光电通信 ", "opto"],
  ])("%s → %s", (text, id) => {
    expect(resolveChainName(text, model)).toBe(id);
  });

  test("unknown or blank cells resolve to null", () => {
    expect(resolveChainName("其他", model)).toBeNull();
    expect(resolveChainName("", model)).toBeNull();
    expect(resolveChainName(null, model)).toBeNull();
    // "IT" must stand as a word: not inside "digital"
    expect(resolveChainName("digital", model)).toBeNull();
  });

  test("a cell naming two chains gives both, in the order written", () => {
    expect(resolveChainNames("高档数控机床/新能源汽车", model)).toEqual(["cnc", "nev"]);
    expect(resolveChainNames("新能源汽车、数控机床", model)).toEqual(["nev", "cnc"]);
  });

  test("软件和信息技术 is one chain, not software plus something else", () => {
    expect(resolveChainNames("软件和信息技术", model)).toEqual(["software"]);
  });

  test("roles by label and alias, longest alias wins", () => {
    expect(resolveRole("链主企业", model)?.id).toBe("leader");
    expect(resolveRole("关键环节", model)?.id).toBe("keyLink");
    expect(resolveRole("上下游重点配套", model)?.id).toBe("keySupplier");
    expect(resolveRole("重点配套", model)?.id).toBe("keySupplier");
    expect(resolveRole("配套", model)?.id).toBe("supplier");
    expect(resolveRole("Chain leader", model)?.id).toBe("leader");
    expect(resolveRole("", model)).toBeNull();
    expect(resolveRole("不详", model)).toBeNull();
  });

  test("synergy: the pair's entry, else the wildcard, else 1", () => {
    expect(synergyFor("nev", "cnc", model)).toBe(1.15);
    expect(synergyFor("bio", "software", model)).toBe(1.1);
    expect(synergyFor("a", "b", { ...model, synergy: {} })).toBe(1);
  });
});

describe("readRole: a yes/no column asking after one role (是否链主)", () => {
  const read = (cell: string | null) => readRole(cell, model, "leader");

  test.each(["是", "√", "Y", "yes", "1", "true", "TRUE", "有", "是（2023年认定）"])(
    "a yes (%s) reads as the role asked after, with a note",
    (cell) => {
      const r = read(cell);
      expect(r.role?.id).toBe("leader");
      expect(r.note).toEqual({
        zh: `本列问是否链主，“${cell}”读作链主`,
        en: `the column asks whether it is Chain leader: "${cell}" read as Chain leader`,
      });
      expect(r.problem).toBeUndefined();
    }
  );

  test.each(["否", "无", "N", "0", "false", "×", "非链主", "原链主"])(
    "a no (%s) reads as no role, as a blank does, with a note",
    (cell) => {
      const r = read(cell);
      expect(r.role).toBeNull();
      expect(r.note).toEqual({
        zh: `本列问是否链主，“${cell}”：不是链主，链上定位未写`,
        en: `the column asks whether it is Chain leader: "${cell}" says it is not, and no role is written`,
      });
    }
  );

  test.each([
    ["关键环节", "keyLink"],
    ["属于关键环节", "keyLink"],
    ["上下游重点配套", "keySupplier"],
    ["龙头企业", "leader"],
    ["链主", "leader"],
  ])("a cell naming a role (%s) reads as that role, with no note", (cell, id) => {
    expect(read(cell)).toEqual({ role: model.roles.find((r) => r.id === id) });
  });

  test.each(["拟培育", "拟培育链主", "计划引进链主", "培育中"])(
    "an intention (%s) is not read, and says why",
    (cell) => {
      const r = read(cell);
      expect(r.role).toBeNull();
      expect(r.note).toBeUndefined();
      expect(r.problem).toEqual({
        zh: `本列问是否链主，“${cell}”是意向，不是已有的链上定位，未读取`,
        en: `the column asks whether it is Chain leader: "${cell}" states an intention, not a role held; not read`,
      });
    }
  );

  test.each(["待核实", "是/否", "是否链主", "是否关键环节", "新能源"])(
    "anything else (%s) is not read, the model's roles named",
    (cell) => {
      const r = read(cell);
      expect(r.role).toBeNull();
      expect(r.problem?.zh).toBe(
        `本列问是否链主，“${cell}”既不是“是/否”，也未写出模型的链上定位（链主、关键环节、上下游重点配套、一般配套），未读取`
      );
      expect(r.problem?.en).toContain(
        "is neither yes nor no and names none of the model's roles (Chain leader, Key link"
      );
    }
  );

  test("blank is no role and no note; without a yes-role (or an unknown one) a cell reads as a 链上定位 cell", () => {
    expect(read(null)).toEqual({ role: null });
    expect(read("  ")).toEqual({ role: null });
    const unread = {
      role: null,
      problem: {
        zh: "“是”未写出模型的链上定位（链主、关键环节、上下游重点配套、一般配套），未读取",
        en: `"是" names none of the model's roles (Chain leader, Key link, Key supplier, General supplier); not read`,
      },
    };
    expect(readRole("是", model)).toEqual(unread);
    expect(readRole("关键环节", model)).toEqual({ role: model.roles[1] });
    expect(readRole("是", model, "nosuchrole")).toEqual(unread);
  });

  test.each([
    ["链主", "leader"],
    ["链主企业", "leader"],
    ["关键环节（补链）", "keyLink"],
    // a role held wins over one denied or intended in the same cell
    ["非链主，关键环节", "keyLink"],
    ["关键环节，拟培育链主", "keyLink"],
    // 拟 in another clause does not make the role an intention
    ["链主（已认定）", "leader"],
  ])("a 链上定位 cell naming a role held: %s reads as %s, without a note", (cell, id) => {
    expect(readRole(cell, model)).toEqual({ role: model.roles.find((r) => r.id === id) });
    expect(resolveRole(cell, model)?.id).toBe(id);
  });

  test.each(["非链主", "不是链主企业", "并非龙头企业", "无", "否"])(
    "a 链上定位 cell denying a role or saying no (%s) names none, with a note",
    (cell) => {
      expect(readRole(cell, model)).toEqual({
        role: null,
        note: { zh: `“${cell}”：链上定位未写`, en: `"${cell}": no role written` },
      });
      expect(resolveRole(cell, model)).toBeNull();
    }
  );

  test.each(["拟培育链主", "潜在链主", "链主培育企业", "有望成为龙头企业", "计划引进为关键环节"])(
    "a 链上定位 cell intending a role (%s) is not read, saying why",
    (cell) => {
      expect(readRole(cell, model)).toEqual({
        role: null,
        problem: {
          zh: `“${cell}”是意向，不是已有的链上定位，未读取`,
          en: `"${cell}" states an intention, not a role held; not read`,
        },
      });
      expect(resolveRole(cell, model)).toBeNull();
    }
  );

  test("chainFit: 拟培育链主 scores the default role, saying why; 链主 the leader's", () => {
    const fit = (role: string) =>
      chainFit({ texts: ["新能源汽车零部件"], explicitChain: null, role }, model);
    expect(fit("拟培育链主").role).toBe(model.defaultRole);
    expect(fit("拟培育链主").note.zh).toContain(
      "一般配套（“拟培育链主”是意向，不是已有的链上定位，未读取；按默认）"
    );
    expect(fit("链主").role).toBe("leader");
    expect(fit("链主").value).toBeGreaterThan(fit("拟培育链主").value);
  });

  test("the role asked after comes from the model: another model's role and its aliases", () => {
    const other: ChainModel = {
      ...model,
      roles: [
        { id: "head", label: { zh: "头部企业", en: "Head firm" }, score: 1, aliases: ["头部"] },
        { id: "rest", label: { zh: "其他", en: "Other" }, score: 0.4, aliases: [] },
      ],
      defaultRole: "rest",
    };
    expect(readRole("是", other, "head").role?.id).toBe("head");
    expect(readRole("是", other, "head").note?.zh).toBe("本列问是否头部企业，“是”读作头部企业");
    expect(readRole("链主", other, "head").problem?.zh).toContain("（头部企业、其他）");
  });

  test("chainFit: a yes earns the role's score, its note in the explanation; a no the default's", () => {
    const fit = (role: string | null) =>
      chainFit(
        { explicitChain: "新能源汽车", texts: [], role, scale: 50000, yesRole: "leader" },
        model
      );
    expect(fit("是")).toMatchObject({ role: "leader", value: 1 });
    expect(fit("是").value).toBe(
      chainFit({ explicitChain: "新能源汽车", texts: [], role: "链主", scale: 50000 }, model).value
    );
    expect(fit("是").note.zh).toBe(
      "新能源汽车（填写为“新能源汽车”）；链主（本列问是否链主，“是”读作链主） 1 → 1"
    );
    expect(fit("否")).toMatchObject({ role: "supplier", value: 0.5 });
    expect(fit("否").note.zh).toContain(
      "一般配套（本列问是否链主，“否”：不是链主，链上定位未写；按默认） 0.5"
    );
    expect(fit("否").note.en).toContain(
      'General supplier (the column asks whether it is Chain leader: "否" says it is not, and no role is written; default) 0.5'
    );
    expect(fit("拟培育")).toMatchObject({ role: "supplier", value: 0.5 });
    expect(fit("拟培育").note.zh).toContain("是意向，不是已有的链上定位，未读取；按默认");
    expect(fit(null).note.zh).toContain("一般配套（未填，按默认）");
    // A yes below a leader's scale is a leader as claimed, as 链主 written is.
    expect(
      chainFit(
        { explicitChain: "新能源汽车", texts: [], role: "是", scale: 3000, yesRole: "leader" },
        model
      ).value
    ).toBe(0.85);
  });
});

describe("chainFit", () => {
  const roleScore = (id: string) => model.roles.find((r) => r.id === id)!.score;

  test("an explicit chain cell wins over the text", () => {
    const fit = chainFit(
      { explicitChain: "生物医药", texts: ["汽车内饰件"], role: "关键环节" },
      model
    );
    expect(fit.chain).toBe("bio");
    expect(fit.confidence).toBe(1);
    // The text names another chain, so it counts as secondary with the wildcard synergy.
    expect(fit.secondary).toBe("nev");
    expect(fit.value).toBeCloseTo(Math.min(1, roleScore("keyLink") * 1.1), 6);
  });

  test("a chain cell naming none of the model's chains is said to be filled, not blank", () => {
    const fit = (explicitChain: string | null) =>
      chainFit({ explicitChain, texts: [], role: null }, model);
    expect(fit("新能源（光伏）")).toMatchObject({
      value: 0,
      chain: null,
      note: {
        zh: "所填“新能源（光伏）”不是模型的产业链，文本也未命中任何产业链",
        en: `"新能源（光伏）" is none of the model's chains, and the text matches none`,
      },
    });
    for (const blank of [null, "", "待定", "-", " / "])
      expect(fit(blank).note.zh).toBe("未填产业链，文本未命中任何产业链");
  });

  test("the Nidec case: key link in CNC serving NEV earns key link × 1.15 = 0.9775", () => {
    const fit = chainFit(
      { explicitChain: "高档数控机床", texts: NAMED_PROJECT_CASES[1].texts, role: "关键环节" },
      model
    );
    expect(fit).toMatchObject({ chain: "cnc", secondary: "nev", role: "keyLink" });
    expect(fit.value).toBeCloseTo(0.85 * 1.15, 6);
    expect(fit.note.zh).toContain("协同 ×1.15");
    expect(fit.note.en).toContain("synergy ×1.15");
  });

  test("a chain leader with synergy is clamped to 1", () => {
    // At a leader's scale (≥ 2亿元 = 20 000万元, model.chain.roleScale).
    const input = { explicitChain: "数控机床/新能源汽车", texts: [], role: "链主", scale: 31020 };
    expect(chainFit(input, model).value).toBe(1);
  });

  test("a self-declared 链主 below a leader's scale, or of unknown scale, is credited as claimed", () => {
    const at = (scale: number) =>
      chainFit({ explicitChain: "光电通信", texts: [], role: "链主", scale }, model);
    expect(at(50000).value).toBe(1);
    expect(at(3000).value).toBe(0.85);
    expect(at(NaN).value).toBe(0.85);
    expect(at(3000).note.en).toContain("role as claimed");
  });

  test("classified from text: role score × confidence; blank role takes the default", () => {
    const fit = chainFit(
      { explicitChain: null, texts: ["年产30万套新能源汽车电驱动总成"], role: null },
      model
    );
    expect(fit.chain).toBe("nev");
    expect(fit.role).toBe(model.defaultRole);
    expect(fit.value).toBeCloseTo(roleScore(model.defaultRole) * fit.confidence, 3);
    expect(fit.note.zh).toContain("由文本判定");
    expect(fit.note.en).toContain("classified from text");
  });

  test("an unreadable explicit cell falls back to the text", () => {
    const fit = chainFit({ explicitChain: "待定", texts: ["光模块"], role: null }, model);
    expect(fit.chain).toBe("opto");
    expect(fit.confidence).toBeLessThan(1);
  });

  test("off every chain: value 0 and a note saying so", () => {
    const fit = chainFit({ explicitChain: null, texts: ["住宅房地产开发"], role: "链主" }, model);
    expect(fit).toMatchObject({ value: 0, chain: null, secondary: null });
    // Real estate is on the model's non-target list: "none", with the word that decided it.
    expect(fit.note.en).toBe('none — not a target chain ("房地产")');
    // A chain written that is none of the model's is off them: 0.
    const off = chainFit({ explicitChain: "园林绿化", texts: [], role: null }, model);
    expect(off).toMatchObject({ value: 0, chain: null });
    expect(off.note.en).toBe(`"园林绿化" is none of the model's chains, and the text matches none`);
  });

  test("no chain written and no chain word in the texts: the chain is not yet known (missing), not 0", () => {
    for (const explicitChain of [null, "待定", "-"]) {
      const fit = chainFit({ explicitChain, texts: ["城市公园绿化养护"], role: null }, model);
      expect(fit).toMatchObject({ value: NaN, chain: null });
      expect(fit.note.zh).toBe("未填产业链，文本未命中任何产业链");
    }
    // A chain word too weak to settle a chain is evidence of none: 0, as before.
    expect(chainFit({ explicitChain: null, texts: ["新材料"], role: null }, model)).toMatchObject({
      value: 0,
      chain: null,
      note: { zh: "文本不足以判定产业链（命中：新材料；置信度 0.362）" },
    });
  });

  test("a better role never lowers the value", () => {
    const roles = ["一般配套", "上下游重点配套", "关键环节", "链主"];
    const values = roles.map(
      (role) => chainFit({ explicitChain: "光电通信", texts: [], role, scale: 50000 }, model).value
    );
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    expect(values[3]).toBe(1);
  });

  test("cell data of odd types never throws", () => {
    const odd = [123, true, {}, undefined] as unknown as string[];
    expect(() =>
      chainFit({ explicitChain: odd[0], texts: odd, role: odd[1] }, model)
    ).not.toThrow();
  });
});

/**
 * The classifier as first written: normalise the joined texts, then for each keyword length
 * (longest first) search every keyword with indexOf. The compiled classifier must give exactly its
 * answers; this is the oracle.
 */
function referenceClassify(given: (string | null)[], m: ChainModel): ChainClassification {
  // The same steps first (engine/answers and chain.contexts, tested there): denied spans and shared
  // words their cues settle blanked, then non-target sectors.
  const settle = (t: string): string => {
    for (
      let k = 0, cue = sharedWordCue(t, m);
      cue !== null && k < 10;
      cue = sharedWordCue(t, m), k++
    )
      t = t.replace(new RegExp(cue.word, "gi"), " ".repeat(cue.word.length));
    return t;
  };
  const texts = given.map((t) => (typeof t === "string" ? settle(dropDenied(t)) : null));
  const nonTarget = nonTargetWord(texts, m);
  if (nonTarget !== null)
    return { chain: null, confidence: 0, matched: [nonTarget], secondary: null, nonTarget };
  const norm = (t: string) => t.normalize("NFKC").toLowerCase();
  const text = norm(texts.filter((t): t is string => typeof t === "string").join(" \n "));
  const none = { chain: null, confidence: 0, matched: [], secondary: null };
  if (!text.trim()) return none;
  const word = (c: string | undefined) => c !== undefined && /[a-z0-9]/.test(c);
  const found = (w: string): number[] => {
    const at: number[] = [];
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
      const after = text[i + w.length];
      if (word(w[0]) && word(text[i - 1])) continue;
      if (word(w[w.length - 1]) && word(after)) {
        if (!(after === "s" && !word(text[i + w.length + 1]))) continue;
      }
      at.push(i);
    }
    return at;
  };
  const served: boolean[] = new Array(text.length).fill(false);
  const markers = /用于|应用于|面向|服务于|配套|\bfor\b|\bused in\b|\bserving\b|\bsupplying\b/g;
  for (const mk of text.matchAll(markers)) {
    const end = word(mk[0][0]) ? /[,.;，。；\n]/ : /[的，。；,;\n]/;
    for (let i = (mk.index ?? 0) + mk[0].length; i < text.length && !end.test(text[i]); i++)
      served[i] = true;
  }
  const entries: { chain: string; word: string; norm: string; weight: number }[] = [];
  for (const c of m.chains)
    for (const k of c.keywords)
      if (k.weight > 0)
        entries.push({
          chain: c.id,
          word: k.word,
          norm: norm(k.word).trim(),
          weight: Math.min(1, k.weight),
        });
  for (const p of m.stopPhrases ?? [])
    entries.push({ chain: "", word: p, norm: norm(p).trim(), weight: 0 });
  const lengths = [...new Set(entries.map((e) => e.norm.length))]
    .filter((n) => n > 0)
    .sort((a, b) => b - a);
  const taken: boolean[] = new Array(text.length).fill(false);
  const main = new Map<string, number>();
  const aside = new Map<string, number>();
  const words = new Map<string, string[]>();
  const add = (to: Map<string, number>, id: string, w: number) => to.set(id, (to.get(id) ?? 0) + w);
  for (const len of lengths) {
    const spans: number[] = [];
    for (const e of entries.filter((x) => x.norm.length === len)) {
      const hits = found(e.norm).filter((at) => !taken.slice(at, at + len).some(Boolean));
      if (hits.length === 0) continue;
      spans.push(...hits);
      if (e.weight === 0) continue;
      add(hits.some((at) => !served[at]) ? main : aside, e.chain, e.weight);
      words.set(e.chain, [...(words.get(e.chain) ?? []), e.word]);
    }
    for (const at of spans) taken.fill(true, at, at + len);
  }
  const evidence = main.size > 0 ? main : aside;
  if (evidence.size === 0) return none;
  const order = m.chains.map((c) => c.id);
  const ranked = (x: Map<string, number>) =>
    [...x].sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]));
  const [[topId, top], next] = ranked(evidence);
  const second = next ? next[1] : 0;
  const strength = (x: number) => 1 - Math.exp(-1.5 * x);
  const confidence = Math.round(strength(top) * (0.6 + (0.4 * top) / (top + second)) * 1e3) / 1e3;
  const matched = [topId, ...order.filter((id) => id !== topId)].flatMap(
    (id) => words.get(id) ?? []
  );
  if (confidence < m.minConfidence) return { chain: null, confidence, matched, secondary: null };
  const total = new Map(main);
  for (const [id, w] of aside) add(total, id, w);
  const runnerUp = ranked(total).find(([id]) => id !== topId);
  const secondary =
    runnerUp &&
    runnerUp[1] >= (m.secondaryShare ?? 0.5) * top &&
    strength(runnerUp[1]) >= m.minConfidence
      ? runnerUp[0]
      : null;
  return { chain: topId, confidence, matched, secondary };
}

describe("the compiled classifier gives the reference's answers", () => {
  const cases = [...NAMED_PROJECT_CASES, ...DESCRIPTION_CASES, ...HELD_OUT_CASES];

  test("on every fixture description, alone and split over several texts", () => {
    expect(cases.length).toBeGreaterThanOrEqual(77);
    for (const c of cases) {
      expect(classifyChain(c.texts, model)).toEqual(referenceClassify(c.texts, model));
      const reversed = [...c.texts].reverse();
      expect(classifyChain(reversed, model)).toEqual(referenceClassify(reversed, model));
    }
  });

  // Pieces that exercise the rules: keywords (zh, en, upper case, full width), stop phrases, the
  // "whom it serves" markers, clause ends, word boundaries, plural s, combining marks, odd spaces.
  const keywords = model.chains.flatMap((c) => c.keywords.map((k) => k.word));
  const pieces = fc.oneof(
    fc.constantFrom(...keywords, ...(model.stopPhrases ?? [])),
    fc.constantFrom(...keywords).map((w) => w.toUpperCase()),
    fc
      .constantFrom(...keywords)
      .map((w) => w.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))),
    fc.constantFrom(
      "用于",
      "应用于",
      "面向",
      "服务于",
      "配套",
      "for ",
      " used in ",
      "serving",
      "supplying"
    ),
    fc.constantFrom(
      "的",
      "，",
      "。",
      "；",
      ",",
      ".",
      ";",
      "\n",
      " ",
      "s",
      "a",
      "_",
      "9",
      "\u3000",
      "\u00a0"
    ),
    fc.constantFrom("\u0301", "\u0308", "ﬁ", "①", "Σ", "İ", "ｶﾞ", "\u1100\u1161", "𝐀", "\ud800"),
    fc.string({ maxLength: 4 }),
    fc.string({ unit: "binary", maxLength: 3 })
  );
  const text = fc.array(pieces, { maxLength: 10 }).map((xs) => xs.join(""));
  const texts = fc.array(fc.option(text, { nil: null }), { maxLength: 4 });

  test("on random texts built from keywords, markers and odd characters", () => {
    fc.assert(
      fc.property(texts, (t) => {
        expect(classifyChain(t, model)).toEqual(referenceClassify(t, model));
      }),
      { numRuns: 3000 }
    );
  });

  test("with a dictionary of overlapping, repeated and over-weighted keywords", () => {
    const tricky: ChainModel = {
      ...model,
      chains: [
        {
          id: "a",
          name: { zh: "甲", en: "A" },
          keywords: [
            { word: "ab", weight: 0.5 },
            { word: "AB", weight: 2 },
            { word: "b c", weight: 1 },
            { word: "电池", weight: 0.3 },
          ],
        },
        {
          id: "b",
          name: { zh: "乙", en: "B" },
          keywords: [
            { word: "ab", weight: 0.5 },
            { word: "池", weight: 1 },
            { word: "c", weight: 0.2 },
            { word: "x", weight: 0 },
          ],
        },
      ],
      stopPhrases: ["电池池", "b"],
      secondaryShare: 0.3,
    };
    const piece = fc.constantFrom(
      "ab",
      "AB",
      "b c",
      "c",
      "电池",
      "池",
      "x",
      " ",
      "s",
      "用于",
      "的",
      "for ",
      ","
    );
    const t = fc.array(
      fc.array(piece, { maxLength: 8 }).map((xs) => xs.join("")),
      { maxLength: 3 }
    );
    fc.assert(
      fc.property(t, (x) => {
        expect(classifyChain(x, tricky)).toEqual(referenceClassify(x, tricky));
      }),
      { numRuns: 2000 }
    );
  });

  test("a keyword that spans the joiner of two texts is still found", () => {
    const spanning: ChainModel = {
      ...model,
      chains: [{ id: "a", name: { zh: "甲", en: "A" }, keywords: [{ word: "x \n y", weight: 1 }] }],
    };
    expect(classifyChain(["x", "y"], spanning)).toEqual(referenceClassify(["x", "y"], spanning));
    expect(classifyChain(["x", "y"], spanning).chain).toBe("a");
  });

  test("normalizeText is NFKC then lower case, on every code unit and on random text", () => {
    for (let c = 0; c < 0x10000; c++) {
      const t = `A${String.fromCharCode(c)}`;
      if (normalizeText(t) !== t.normalize("NFKC").toLowerCase())
        throw new Error(`U+${c.toString(16)}`);
    }
    fc.assert(
      fc.property(text, (t) => {
        expect(normalizeText(t)).toBe(t.normalize("NFKC").toLowerCase());
      }),
      { numRuns: 2000 }
    );
  });
});

describe("chainFitColumns", () => {
  test("gives chainFit's value and chain on every row, reading repeated cells once", () => {
    const cells = fc.record({
      explicitChain: fc.option(
        fc.constantFrom("新能源汽车", "数控机床/新能源汽车", "生物医药", "待定", "软件"),
        { nil: null }
      ),
      texts: fc.array(
        fc.option(
          fc.constantFrom(
            ...DESCRIPTION_CASES.flatMap((c) => c.texts),
            "用于新能源汽车的机床",
            "种子轮"
          ),
          { nil: null }
        ),
        { minLength: 2, maxLength: 2 }
      ),
      role: fc.option(fc.constantFrom("链主", "关键环节", "配套", "不详", ""), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(cells, { maxLength: 30 }), (rows) => {
        const value = new Float64Array(rows.length);
        const chain: (string | null)[] = new Array(rows.length);
        chainFitColumns(
          {
            explicitChain: rows.map((r) => r.explicitChain),
            texts: [0, 1].map((k) => rows.map((r) => r.texts[k])),
            role: rows.map((r) => r.role),
          },
          rows.length,
          model,
          value,
          chain
        );
        rows.forEach((r, i) => {
          const fit = chainFit(r, model);
          expect([value[i], chain[i]]).toEqual([fit.value, fit.chain]);
        });
      }),
      { numRuns: 300 }
    );
  });
});

describe("ChainFitter.column, the scorer's batch path", () => {
  // Table cells as hosts hand them over: text, numbers, booleans, blanks and spaces of every kind;
  // each row must get what chainFitOf (the explanation's path) gives it, NaN and null when missing.
  const cellOf = (words: string[]) =>
    fc.oneof(
      fc.constantFrom<CellValue>(...words),
      fc.constantFrom<CellValue>(
        null,
        undefined as unknown as CellValue,
        "",
        " ",
        "\u3000",
        "\t\n"
      ),
      fc.constantFrom<CellValue>(5, 0, true, "不涉及汽车整车", "酒店", "储能电站", "种子轮融资"),
      fc.string({ maxLength: 4 })
    );
  const texts = [
    ...DESCRIPTION_CASES.flatMap((c) => c.texts),
    "法国汽车内外饰塑料件项目17",
    "用于新能源汽车的机床",
  ];
  const row = fc.record({
    chain: cellOf(["新能源汽车", "数控机床/新能源汽车", "生物医药", "待定"]),
    chainRole: cellOf(["链主", "关键环节", "配套", "不详", "是", "否", "拟培育链主", "√"]),
    name: cellOf(texts),
    description: cellOf(texts),
    products: cellOf(texts),
    industry: cellOf(texts),
    totalInvestment: fc.oneof(fc.constant(NaN), fc.double({ min: 0, max: 1e5, noNaN: true })),
  });
  test.each([undefined, "leader"])(
    "equals chainFitOf on every row, texts repeated across rows (property; yes-role %s)",
    (yesRole) => {
      fc.assert(
        fc.property(fc.array(row, { maxLength: 25 }), (rows) => {
          const all = [...rows, ...rows];
          const columns: Record<string, CellValue[]> = {};
          for (const f of ["chain", "chainRole", ...model.textFields])
            columns[f] = all.map((r) => r[f as keyof typeof r] as CellValue);
          const scale = Float64Array.from(all, (r) => r.totalInvestment);
          const value = new Float64Array(all.length);
          const chains: (string | null)[] = new Array(all.length);
          new ChainFitter(model, model.textFields.length, yesRole).column(
            columns,
            all.length,
            value,
            chains,
            scale
          );
          all.forEach((_, i) => {
            const fit = chainFitOf(columns, i, model, scale[i], yesRole);
            expect([value[i], chains[i]]).toEqual(fit ? [fit.value, fit.chain] : [NaN, null]);
          });
        }),
        { numRuns: 300 }
      );
    }
  );
});

describe("ChainFitter.column once a column's texts stop being remembered", () => {
  test("3 000 names that never repeat, some denying or off target, each as chainFitOf reads it", () => {
    // The memo ends its trial after 2 048 distinct texts; names after that are read straight in.
    const forms = [
      (i: number) => `法国汽车内外饰塑料件项目${i}`,
      (i: number) => `数控机床主机${i}，不涉及汽车整车`,
      (i: number) => `五星级酒店项目${i}`,
      (i: number) => `储能电站${i}`,
      (i: number) => `用于新能源汽车的机床${i}`,
      (i: number) => `Project ${i}`,
    ];
    const n = 3000;
    const columns: Record<string, CellValue[]> = {
      name: Array.from({ length: n }, (_, i) => forms[i % forms.length](i)),
      description: Array.from({ length: n }, (_, i) => (i % 7 === 0 ? "光学级TPU薄膜" : null)),
      chainRole: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? "链主" : null)),
    };
    const value = new Float64Array(n);
    const chains: (string | null)[] = new Array(n);
    new ChainFitter(model, model.textFields.length).column(columns, n, value, chains);
    const got = Array.from(value, (v, i) => [v, chains[i]]);
    const want = got.map((_, i) => {
      const fit = chainFitOf(columns, i, model);
      return fit ? [fit.value, fit.chain] : [NaN, null];
    });
    expect(got).toEqual(want);
    expect(new Set(chains).size).toBeGreaterThan(2);
  });
});

describe("chainFitColumns reads a text without denial, shared or non-target words as written", () => {
  // The fast path skips blanking and the non-target check when no such word can occur in the
  // text as folded: random texts mixing those words (as written, upper case, full width, split by
  // odd spaces) with keywords and cues give exactly chainFit's answer, which never skips them.
  const fullWidth = (w: string) =>
    w.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
  const special = [
    ...DENIALS,
    ...(model.nonTarget ?? []),
    ...(model.contexts ?? []).flatMap((r) => [r.word, ...r.cues]),
  ];
  const keywords = model.chains.flatMap((c) => c.keywords.map((k) => k.word));
  const piece = fc.oneof(
    fc.constantFrom(...special),
    fc.constantFrom(...special).map((w) => w.toUpperCase()),
    fc.constantFrom(...special).map(fullWidth),
    fc.constantFrom(...special).map((w) => w.slice(0, Math.max(1, w.length - 1))),
    fc.constantFrom(...keywords),
    fc.constantFrom(
      "不",
      "非",
      "未",
      "并",
      "n",
      "N",
      "no",
      "拟",
      "，",
      "。",
      " ",
      "  ",
      "\u3000",
      "\t"
    ),
    fc.string({ maxLength: 3 })
  );
  const text = fc.array(piece, { maxLength: 8 }).map((xs) => xs.join(""));
  test("on random texts, row by row and with texts repeated across rows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.option(text, { nil: null }), { minLength: 3, maxLength: 3 }), {
          maxLength: 12,
        }),
        (rows) => {
          const all = [...rows, ...rows];
          const value = new Float64Array(all.length);
          const chain: (string | null)[] = new Array(all.length);
          chainFitColumns(
            {
              explicitChain: all.map(() => null),
              texts: [0, 1, 2].map((k) => all.map((r) => r[k])),
              role: all.map(() => "关键环节"),
            },
            all.length,
            model,
            value,
            chain
          );
          all.forEach((r, i) => {
            const fit = chainFit({ explicitChain: null, texts: r, role: "关键环节" }, model);
            expect([value[i], chain[i]]).toEqual([fit.value, fit.chain]);
          });
        }
      ),
      { numRuns: 1500 }
    );
  });
});

describe("储能 settled by context (chain.contexts), the deciding word shown", () => {
  const fit = (description: string) =>
    scoreCandidates([{ description }], pinghu as unknown as ScoringModel).map((c) => ({
      chain: c.chain,
      note: c.explanation.criteria.find((x) => x.criterion === "chainFit")!.used.zh,
    }))[0];

  test("beside cells, modules and storage-system products it is the battery supply chain (NEV)", () => {
    const c = fit("储能系统工艺装备、电芯模组等储能系统产品；生产研发总部");
    expect(c.chain).toBe("nev");
    expect(c.note).toContain("储能系统");
  });

  test.each([
    ["100MW/200MWh电网侧独立储能电站", "储能电站"],
    ["光伏配套储能项目", "光伏"],
    ["风光储一体化调峰储能", "风光"],
  ])("%s is an energy project on no chain, and the note names the cue %s", (text, cue) => {
    const c = fit(text);
    expect(c.chain).toBeNull();
    expect(c.note).toContain(`“储能”因同句“${cue}”不计入任何产业链`);
  });

  test("English: energy storage beside a power plant or the grid counts for no chain", () => {
    expect(fit("grid-side energy storage power station").chain).toBeNull();
    expect(fit("energy storage battery packs and cells").chain).toBe("nev");
  });
});
