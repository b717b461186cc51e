import { portfolioSummary, PortfolioScore, TargetProgress } from "../../src/engine/portfolio";
import { resolveStage } from "../../src/engine/answers";
import { compileModel } from "../../src/engine/model";
import { scoreTable } from "../../src/engine/score";
import { CandidateScore, CandidateTable, ScoringModel } from "../../src/engine/types";
import pinghu from "../../src/models/pinghu-2023.json";
import { locateTable, mapColumns, toCandidateTable } from "../../src/workbook";
import { model as sampleModel, readSheet } from "../models/sample-helpers";

const model = pinghu as unknown as ScoringModel;

/** Just what the summary reads from a score: index, rank, score, chain, flags, exclusion. */
function score(
  index: number,
  rank: number | null,
  chain: string | null,
  flags: string[] = [],
  excluded = false
): CandidateScore {
  return {
    index,
    score: rank === null ? 0 : 100 - rank,
    dimensions: {},
    grade: null,
    decision: "",
    rank,
    completeness: 1,
    interval: [0, 100],
    excluded,
    gates: [],
    flags,
    chain,
    explanation: {
      criteria: [],
      gates: [],
      bonuses: [],
      flags: [],
      notes: [],
      unknowns: [],
      summary: { zh: "", en: "" },
    },
  };
}

describe("resolveStage", () => {
  test.each([
    ["在谈", "negotiating"],
    ["洽谈中", "negotiating"],
    ["已签约", "signed"],
    ["注册/备案", "registered"],
    ["开工奠基", "started"],
    ["开工建设", "started"],
    ["已投产", "production"],
    ["Under construction", "started"],
  ])("%s → %s", (cell, id) => expect(resolveStage(cell, model)).toBe(id));

  test.each([
    ["未签约", "negotiating"],
    ["尚未签约", "negotiating"],
    ["待签约", "negotiating"],
    ["拟签约", "negotiating"],
    ["Not signed", "negotiating"],
    ["unsigned", "negotiating"],
    ["已签约未开工", "signed"],
    ["签约，待开工", "signed"],
    ["已注册未投产", "registered"],
  ])("negated: %s → %s", (cell, id) => expect(resolveStage(cell, model)).toBe(id));

  test("a negated later stage alone says only 'before it': unknown", () => {
    expect(resolveStage("未开工", model)).toBeNull();
  });

  test("blank or unknown → null", () => {
    expect(resolveStage(null, model)).toBeNull();
    expect(resolveStage("？", model)).toBeNull();
  });
});

describe("portfolioSummary on a small hand-checked table", () => {
  const table: CandidateTable = {
    count: 5,
    columns: {
      stage: ["已签约", "开工", "洽谈", "洽谈", null],
      owner: ["独山港经济开发区", "新仓镇", "独山港经济开发区", null, "新仓镇"],
      country: ["德国", "中国", "日本", "美国", null],
      totalInvestment: ["1000万欧元", "2亿元", "5000万美元", "USD 200m", "1亿元"],
      contractedFdi: ["800万欧元", null, 3000, "待定", null],
      utilisedFdi: [200, null, null, null, null],
    },
    // 合同外资 and 实际利用外资 columns headed （万美元）: bare numbers are 万美元.
    contexts: {
      contractedFdi: { multiplier: 1e4, currency: "USD" },
      utilisedFdi: { multiplier: 1e4, currency: "USD" },
    },
  };
  const scores = [
    score(0, 3, "c3film"),
    score(1, 4, "nev", ["zdyq"]),
    score(2, 1, "cnc"),
    score(3, 2, "opto", ["zdyq"]),
    score(4, 5, null),
  ];
  const small: ScoringModel = {
    ...model,
    targets: {
      year: 2023,
      items: [
        { id: "n", label: { zh: "签约", en: "signed" }, measure: "signedCount", value: 3 },
        {
          id: "inv",
          label: { zh: "投资", en: "inv" },
          measure: "signedInvestment",
          value: 3,
          currency: "CNY",
          multiplier: 1e8,
        },
        {
          id: "fdi",
          label: { zh: "合同外资", en: "FDI" },
          measure: "contractedFdi",
          value: 0.4,
          currency: "USD",
          multiplier: 1e8,
        },
        {
          id: "used",
          label: { zh: "实际", en: "used" },
          measure: "utilisedFdi",
          value: 0.01,
          currency: "USD",
          multiplier: 1e8,
        },
        {
          id: "big",
          label: { zh: "招大引强", en: "big" },
          measure: "flagCount",
          flag: "zdyq",
          value: 2,
        },
      ],
    },
  };
  // Summarised in each test, not once here: a mutation run activates a mutant only while a test runs
  // (README › Mutation testing), so a summary built when the file loads would never meet one.
  const summary = () => portfolioSummary(table, scores, small, { topK: 1 });
  const t = (id: string, list: TargetProgress[]) => list.find((x) => x.id === id)!;

  test("signed means a stage from 签约 on; a blank stage is not signed and is noted", () => {
    const p = summary();
    expect(p.signed).toEqual([0, 1]);
    expect(p.notes.some((n) => n.en.includes("blank or unknown stage"))).toBe(true);
  });

  test("sums by stage in 万元, with each currency converted at the model's rate", () => {
    const p = summary();
    const stage = Object.fromEntries(p.byStage.map((g) => [g.key, g]));
    // 5000万美元 × 7.05 = 35 250万元; USD 200m = 20 000万美元 × 7.05 = 141 000万元.
    expect(stage.negotiating.investment).toBeCloseTo(35250 + 141000, 6);
    // 1000万欧元 × 7.66 = 7 660万元.
    expect(stage.signed.investment).toBeCloseTo(7660, 6);
    expect(stage.started.investment).toBeCloseTo(20000, 6);
    expect(stage[""].count).toBe(1);
    // Model stage order, "not given" last.
    expect(p.byStage.map((g) => g.key)).toEqual(["negotiating", "signed", "started", ""]);
  });

  test("a dropped or held project is listed under its own stage and never counted as signed", () => {
    const held = portfolioSummary(
      {
        ...table,
        columns: { ...table.columns, stage: ["已签约，后停滞", "开工", "洽谈", "洽谈", null] },
      },
      scores,
      small,
      { topK: 1 }
    );
    expect(held.signed).toEqual([1]);
    const stage = Object.fromEntries(held.byStage.map((g) => [g.key, g]));
    expect(stage.halted.count).toBe(1);
    expect(stage.halted.investment).toBeCloseTo(7660, 6);
  });

  test("contracted FDI in USD: 800万欧元 × 7.66 / 7.05 = 869.22万美元 signed", () => {
    const p = summary();
    // 800 × 7.66 / 7.05 = 869.2199 万美元 = 0.08692 亿美元.
    expect(t("fdi", p.targets).actual).toBeCloseTo((800 * 7.66) / 7.05 / 1e4, 9);
    expect(t("fdi", p.targets).gap).toBeCloseTo(0.4 - (800 * 7.66) / 7.05 / 1e4, 9);
    expect(t("used", p.targets).actual).toBeCloseTo(0.02, 9);
    expect(t("used", p.targets).met).toBe(true);
    const byOwner = Object.fromEntries(p.byOwner.map((g) => [g.key, g]));
    // 独山港: 800万欧元 (869.22万美元) + 3000万美元 = 3869.22万美元.
    expect(byOwner["独山港经济开发区"].contractedFdiUsd).toBeCloseTo(
      ((800 * 7.66) / 7.05 + 3000) * 1e4,
      3
    );
  });

  test("progress: signed investment 7 660 + 20 000 万元 = 2.766亿元 of 3亿", () => {
    const p = summary();
    expect(t("inv", p.targets).actual).toBeCloseTo(2.766, 9);
    expect(t("inv", p.targets).gap).toBeCloseTo(0.234, 9);
    expect(t("inv", p.targets).met).toBe(false);
    expect(t("n", p.targets)).toMatchObject({ actual: 2, gap: 1, met: false });
    expect(t("big", p.targets)).toMatchObject({ actual: 1, gap: 1, met: false });
  });

  test("if the best negotiating candidate signs: the top-ranked one, and which targets it meets", () => {
    const p = summary();
    // Rank 1 is index 2 (5000万美元 = 3.525亿元, 3000万美元 contracted): signed count 3 and
    // investment 2.766 + 3.525 = 6.291亿 meet their targets; FDI 0.0869 + 0.3 = 0.3869 < 0.4 does not.
    expect(p.ifTopSign.candidates).toEqual([2]);
    expect(t("inv", p.ifTopSign.targets).actual).toBeCloseTo(6.291, 9);
    expect(t("fdi", p.ifTopSign.targets).met).toBe(false);
    expect(p.ifTopSign.newlyMet).toEqual(["n", "inv"]);
    expect(p.ifTopSign.met).toEqual(["n", "inv", "used"]);
  });

  test("with two signing, the 招大引强 candidate joins (its 合同外资 is 待定: nothing added)", () => {
    const q = portfolioSummary(table, scores, small, { topK: 2 });
    expect(q.ifTopSign.candidates).toEqual([2, 3]);
    expect(q.ifTopSign.newlyMet).toEqual(["n", "inv", "big"]);
  });

  test("未签约 is not signed: it counts as negotiating and may be assumed to sign", () => {
    const unsigned: CandidateTable = {
      ...table,
      columns: { ...table.columns, stage: ["未签约", "开工", "洽谈", "洽谈", null] },
    };
    const q = portfolioSummary(unsigned, scores, small, { topK: 4 });
    expect(q.signed).toEqual([1]);
    expect(t("n", q.targets)).toMatchObject({ actual: 1, gap: 2 });
    expect(q.byStage.find((g) => g.key === "negotiating")!.count).toBe(3);
    // Negotiating by rank: index 2 (rank 1), 3 (rank 2), 0 (rank 3).
    expect(q.ifTopSign.candidates).toEqual([2, 3, 0]);
  });

  test("excluded candidates are never assumed to sign, even with room for every negotiating one", () => {
    const q = portfolioSummary(
      table,
      [...scores.slice(0, 2), score(2, null, "cnc", [], true), ...scores.slice(3)],
      small,
      { topK: 5 }
    );
    expect(q.ifTopSign.candidates).toEqual([3]);
  });

  test("foreign candidates: by country, or by the currency of the investment", () => {
    const p = summary();
    expect(p.foreign).toEqual([0, 2, 3]);
  });

  test("unreadable amounts are left out of sums and noted", () => {
    const bad: CandidateTable = {
      ...table,
      columns: { ...table.columns, totalInvestment: ["很多", "2亿元", null, null, null] },
    };
    const q = portfolioSummary(bad, scores, small);
    expect(q.notes.some((n) => n.en.includes("unreadable"))).toBe(true);
    expect(q.byStage.find((g) => g.key === "signed")!.investment).toBe(0);
    expect(q.byStage.find((g) => g.key === "signed")!.withInvestment).toBe(0);
  });
});

describe("portfolioSummary on the sample workbook", () => {
  const s = { table: undefined as unknown as CandidateTable, scores: [] as PortfolioScore[] };
  // The sample is read and mapped once (exceljs and src/workbook), but scored in each test: a mutation
  // run takes as covering a mutant only the tests that run it themselves (README › Mutation testing),
  // so these hand-checked sums then meet the scoring, amount and stage code's mutants. scoreTable,
  // without the explanations candidateScore builds, is about a fifth of scoreCandidates' time.
  beforeAll(async () => {
    const sheet = await readSheet();
    const located = locateTable(sheet, sampleModel);
    if (!located.ok) throw new Error(located.message.en);
    s.table = toCandidateTable(
      sheet,
      located.table,
      mapColumns(located.table.headers, sampleModel)
    );
  });
  beforeEach(() => {
    const scored = scoreTable(s.table, compileModel(sampleModel));
    const flags = scored.compiled.flags;
    s.scores = Array.from({ length: scored.count }, (_, i) => ({
      index: i,
      score: scored.total[i],
      rank: scored.rank[i] > 0 ? scored.rank[i] : null,
      excluded: scored.excluded[i] === 1,
      flags: flags.filter((_, k) => scored.flagHits[k][i] === 1).map((f) => f.def.id),
      chain: scored.chains[i],
    }));
  });

  test("contracted and utilised FDI of signed projects, converted to USD (hand-checked)", () => {
    const p = portfolioSummary(s.table, s.scores, sampleModel);
    const t = Object.fromEntries(p.targets.map((x) => [x.id, x]));
    // Signed rows with 合同外资 (column headed 万美元): in USD 1000 + 8000 + 800 + 1000 + 2000 + 600 +
    // 1500 + 1500 + 500 + 300 = 17 200万美元; in EUR 1200 + 500 + 800 + 600 + 500 = 3 600万欧元
    // = 3 600 × 7.66 / 7.05 = 3 911.49万美元. Total 21 111.49万美元 = 2.1111亿美元 of the 10亿 target.
    const contracted = (17200 + (3600 * 7.66) / 7.05) / 1e4;
    expect(t.contractedFdi.actual).toBeCloseTo(contracted, 9);
    expect(t.contractedFdi.gap).toBeCloseTo(10 - contracted, 9);
    // 实际到资: USD 400 + 2000 + 200 + 800 + 600 + 500 + 150 = 4 650万; EUR 300 + 200 + 300 + 200 = 1 000万
    // = 1 086.52万美元. Total 0.57365亿美元 of 4.8亿.
    expect(t.utilisedFdi.actual).toBeCloseTo((4650 + (1000 * 7.66) / 7.05) / 1e4, 9);
    // 40 rows at 签约 or later (5 of the article's 8); 5 of them are 招大引强: 中能科技 10亿元, 德资电驱动桥
    // 2亿美元 (foreign), 丙烷脱氢 60亿元, 锂电池隔膜 12亿元, 日资医疗器械 (Global 500). 单抗 8亿元 is domestic and
    // below 10亿元: not 招大引强 whatever its dollar value (Jiaxing counts the 亿美元 line for foreign capital only).
    expect(t.signedCount).toMatchObject({ actual: 40, gap: 60, met: false });
    expect(t.zdyq).toMatchObject({ actual: 5, gap: 13 });
    // Each 招大引强 kind is tallied over the whole list (signed or not), once per flag.
    const tally = Object.fromEntries(p.flags.map((f) => [f.flag, f.count]));
    const count = (flag: string) => s.scores.filter((c) => c.flags.includes(flag)).length;
    for (const k of ["zdyq", "zdyqForeign", "zdyq10", "zdyq50", "zdyq500", "foreign"])
      expect([k, tally[k]]).toEqual([k, count(k)]);
    expect(tally.zdyq).toBeLessThanOrEqual(
      tally.zdyqForeign + tally.zdyq10 + tally.zdyq50 + tally.zdyq100 + tally.zdyq500
    );
    expect(tally.zdyqForeign).toBeGreaterThan(0);
    expect(p.byStage.reduce((n, g) => n + g.count, 0)).toBe(s.table.count);
  });

  test("the article's five signed projects invest 169 936万元 (hand-checked)", () => {
    // 1500万美元 × 7.05 = 10 575; 4400万美元 × 7.05 = 31 020; 1350万欧元 × 7.66 = 10 341; 1.8亿 = 18 000;
    // 10亿 = 100 000. Sum 169 936万元 = 16.9936亿元.
    const named: CandidateTable = {
      count: 8,
      columns: Object.fromEntries(
        Object.entries(s.table.columns).map(([k, v]) => [k, v.slice(0, 8)])
      ),
      contexts: s.table.contexts,
    };
    const p = portfolioSummary(named, s.scores.slice(0, 8), sampleModel);
    expect(p.signed).toHaveLength(5);
    expect(p.targets.find((x) => x.measure === "signedInvestment")!.actual).toBeCloseTo(16.9936, 9);
    const chain = Object.fromEntries(p.byChain.map((g) => [g.key, g]));
    expect(chain.cnc.investment).toBeCloseTo(31020, 6);
    expect(chain.nev.investment).toBeCloseTo(10575 + 100000, 6);
    expect(chain[""].count).toBe(2);
  });

  test("if the top 10 negotiating candidates sign: they are negotiating, best first, and targets only grow", () => {
    const p = portfolioSummary(s.table, s.scores, sampleModel, { topK: 10 });
    const ranks = p.ifTopSign.candidates.map((i) => s.scores[i].rank!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const i of p.ifTopSign.candidates)
      expect(["contact", "negotiating"]).toContain(
        resolveStage(s.table.columns.stage[i], sampleModel)
      );
    p.targets.forEach((now, k) =>
      expect(p.ifTopSign.targets[k].actual).toBeGreaterThanOrEqual(now.actual)
    );
    // Ten negotiating projects do not reach city-wide targets; 招大引强 goes from 5 to 13 of 18.
    expect(p.ifTopSign.met).toEqual([]);
    const zdyq = p.ifTopSign.candidates.filter((i) => s.scores[i].flags.includes("zdyq")).length;
    expect(p.ifTopSign.targets.find((x) => x.id === "zdyq")!.actual).toBe(5 + zdyq);
    expect(zdyq).toBe(8);
  });
});
