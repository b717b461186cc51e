/**
 * portfolioSummary case by case, on tables of a few rows with every figure worked out by hand: the
 * groups (order, labels, sums over readable figures only), the foreign test clause by clause, the
 * notes, each target's units and currency, where "signed" starts, and who the what-if assumes signs.
 * Every summary is built inside its test: a mutation run activates a mutant only while a test runs.
 */
import { portfolioSummary, PortfolioScore } from "../../src/engine/portfolio";
import { CandidateTable, ScoringModel, StageDef, TargetDef } from "../../src/engine/types";
import pinghu from "../../src/models/pinghu-2023.json";

const base = pinghu as unknown as ScoringModel;

/** The Pinghu model (CNY, 万元; USD 7.05, EUR 7.66) with these targets. */
const withTargets = (items: TargetDef[]): ScoringModel => ({
  ...base,
  targets: { year: 2023, items },
});

/** What the summary reads of a score; by default ranked, not excluded, no flags, no chain. */
const sc = (
  index: number,
  rank: number | null,
  o: Partial<PortfolioScore> = {}
): PortfolioScore => ({
  index,
  rank,
  score: rank === null ? 0 : 100 - rank,
  excluded: false,
  flags: [],
  chain: null,
  ...o,
});

/** 合同外资 and 实际利用外资 columns headed （万美元）: bare numbers are 万美元. */
const WAN_USD = {
  contractedFdi: { multiplier: 1e4, currency: "USD" as const },
  utilisedFdi: { multiplier: 1e4, currency: "USD" as const },
};

const NOT_GIVEN = { zh: "未填", en: "not given" };

describe("groups", () => {
  test("by stage: model order, 'not given' last; sums only over readable figures", () => {
    const table: CandidateTable = {
      count: 6,
      columns: {
        stage: ["已签约", "洽谈", "洽谈", null, null, "对接"],
        totalInvestment: ["1亿元", "500万美元", "很多", "2000万元", null, "100万欧元"],
        contractedFdi: [null, 300, null, null, null, "50万欧元"],
        utilisedFdi: [100, null, null, null, null, null],
      },
      contexts: WAN_USD,
    };
    const p = portfolioSummary(table, [], withTargets([]));
    // Rows come signed, negotiating, blank, contact; groups go in the model's stage order whatever the
    // counts (negotiating and blank have 2 each), and blank goes last.
    expect(p.byStage.map((g) => [g.key, g.label, g.count, g.withInvestment])).toEqual([
      ["contact", { zh: "对接", en: "Contact" }, 1, 1],
      ["negotiating", { zh: "洽谈", en: "Negotiating" }, 2, 1], // 很多 is unreadable
      ["signed", { zh: "签约", en: "Signed" }, 1, 1],
      ["", NOT_GIVEN, 2, 1], // one blank amount
    ]);
    const [contact, negotiating, signed, blank] = p.byStage;
    // 100万欧元 × 7.66 = 766万元; 500万美元 × 7.05 = 3 525万元; 1亿元 = 10 000万元.
    expect(contact.investment).toBeCloseTo(766, 9);
    expect(negotiating.investment).toBeCloseTo(3525, 9);
    expect(signed.investment).toBe(10000);
    expect(blank.investment).toBe(2000);
    // Foreign capital in whole US dollars: 50万欧元 = 500 000 × 7.66 / 7.05 = 543 262.41 USD;
    // 300万美元 = 3 000 000; 100万美元 utilised = 1 000 000.
    expect(contact.contractedFdiUsd).toBeCloseTo((500000 * 7.66) / 7.05, 6);
    expect([negotiating.contractedFdiUsd, signed.contractedFdiUsd, blank.contractedFdiUsd]).toEqual(
      [3000000, 0, 0]
    );
    expect(p.byStage.map((g) => g.utilisedFdiUsd)).toEqual([0, 0, 1000000, 0]);
    expect(p.notes).toEqual([
      {
        zh: "totalInvestment：1 个金额无法识别，未计入合计",
        en: "totalInvestment: 1 amount(s) unreadable, left out of the sums",
      },
      {
        zh: "2 个项目进度未填或无法识别，不计为已签约",
        en: "2 candidate(s) with a blank or unknown stage are not counted as signed",
      },
    ]);
  });

  test("by country: the text as written, trimmed; most first, ties by name, 'not given' last", () => {
    const table: CandidateTable = {
      count: 7,
      columns: {
        stage: Array(7).fill("洽谈"),
        country: ["Japan", null, "Germany", " Germany ", "France", null, null],
      },
    };
    const p = portfolioSummary(table, [], withTargets([]));
    // Germany 2 (" Germany " is the same), France 1 and Japan 1 by name, blank 3 but last.
    expect(p.byCountry.map((g) => [g.key, g.label, g.count])).toEqual([
      ["Germany", { zh: "Germany", en: "Germany" }, 2],
      ["France", { zh: "France", en: "France" }, 1],
      ["Japan", { zh: "Japan", en: "Japan" }, 1],
      ["", NOT_GIVEN, 3],
    ]);
    // No owner column at all: every candidate is "not given", with nothing to sum.
    expect(p.byOwner).toEqual([
      {
        key: "",
        label: NOT_GIVEN,
        count: 7,
        investment: 0,
        withInvestment: 0,
        contractedFdiUsd: 0,
        utilisedFdiUsd: 0,
      },
    ]);
  });

  test("by chain: the model's chains in its order, then others by count, none last", () => {
    const table: CandidateTable = { count: 6, columns: { stage: Array(6).fill("洽谈") } };
    // Chains from the scores: cnc, (none), other, opto, other, cnc. The model lists nev, opto, cnc …
    const chains = ["cnc", null, "other", "opto", "other", "cnc"];
    const p = portfolioSummary(
      table,
      chains.map((chain, i) => sc(i, i + 1, { chain })),
      withTargets([])
    );
    expect(p.byChain.map((g) => [g.key, g.label.zh, g.count])).toEqual([
      ["opto", "光电通信", 1],
      ["cnc", "高档数控机床", 2],
      ["other", "other", 2], // not a chain of the model: after them, whatever its count
      ["", "未填", 1],
    ]);
  });

  test("a total investment written after another figure is read from the column's own name", () => {
    // In a 总投资 column, 注册资本1亿元（总投资10亿元） holds the total in its bracket: 10亿元 = 100 000万元.
    const table: CandidateTable = {
      count: 1,
      columns: { stage: ["已签约"], totalInvestment: ["注册资本1亿元（总投资10亿元）"] },
    };
    const inv: TargetDef = {
      id: "inv",
      label: { zh: "签约投资", en: "Signed investment" },
      measure: "signedInvestment",
      value: 10,
      currency: "CNY",
      multiplier: 1e8,
    };
    const p = portfolioSummary(table, [], withTargets([inv]));
    expect(p.byStage[0]).toMatchObject({ key: "signed", investment: 100000, withInvestment: 1 });
    expect(p.targets[0]).toMatchObject({ actual: 10, gap: 0, met: true });
  });
});

test("foreign: by origin, by a foreign currency, or by any foreign capital; each alone suffices", () => {
  const table: CandidateTable = {
    count: 8,
    columns: {
      stage: Array(8).fill("洽谈"),
      country: ["日本", "中国", null, null, "中国", "浙江", null, "香港"],
      totalInvestment: ["1亿元", "500万美元", "1亿元", "1亿元", "1亿元", null, "很多", "1亿元"],
      contractedFdi: [null, null, 100, null, 0, null, null, null],
      utilisedFdi: [null, null, null, 50, 0, null, null, null],
    },
    contexts: WAN_USD,
  };
  const p = portfolioSummary(table, [], withTargets([]));
  // 0 日本; 1 invests in USD; 2 has 100万美元 contracted; 3 has 50万美元 utilised; 7 香港 (港澳台 is
  // foreign). Domestic: 4 (中国, CNY, zero foreign capital), 5 (浙江, no amount), 6 (no origin, unreadable).
  expect(p.foreign).toEqual([0, 1, 2, 3, 7]);
});

describe("notes", () => {
  const table: CandidateTable = {
    count: 2,
    columns: {
      stage: ["洽谈", "已签约"],
      totalInvestment: ["1亿元", null],
      contractedFdi: [null, null],
    },
  };
  const count: TargetDef = {
    id: "n",
    label: { zh: "签约项目", en: "Signed projects" },
    measure: "signedCount",
    value: 1,
  };
  const used: TargetDef = {
    id: "used",
    label: { zh: "实际利用外资", en: "Utilised FDI" },
    measure: "utilisedFdi",
    value: 1,
    currency: "USD",
    multiplier: 1e8,
  };

  test("none when every stage is known and every amount readable or blank, and no target is utilised FDI", () => {
    expect(portfolioSummary(table, [], withTargets([count])).notes).toEqual([]);
  });

  test("a utilised-FDI target says the what-if leaves it unchanged", () => {
    expect(portfolioSummary(table, [], withTargets([count, used])).notes).toEqual([
      {
        zh: "假设签约时，实际利用外资不变（到资在签约之后）",
        en: "In the what-if, utilised foreign capital is unchanged (money arrives after signing)",
      },
    ]);
  });

  test("a model without targets: no progress, nothing met, no notes", () => {
    const p = portfolioSummary(table, [sc(0, 1)], { ...base, targets: undefined });
    expect([p.targets, p.ifTopSign.targets, p.ifTopSign.met, p.notes]).toEqual([[], [], [], []]);
    expect(p.ifTopSign.candidates).toEqual([0]);
  });
});

test("targets: actual, gap and share in each target's own currency and unit", () => {
  // Row 0 signed: 1000万美元 invested (= 7 050万元), 1000万美元 contracted, 200万美元 utilised.
  // Row 1 is negotiating: counted nowhere.
  const table: CandidateTable = {
    count: 2,
    columns: {
      stage: ["已签约", "洽谈"],
      totalInvestment: ["1000万美元", "1亿元"],
      contractedFdi: [1000, 500],
      utilisedFdi: [200, 100],
    },
    contexts: WAN_USD,
  };
  const target = (id: string, measure: TargetDef["measure"], value: number, o = {}): TargetDef => ({
    id,
    label: { zh: id, en: id },
    measure,
    value,
    ...o,
  });
  const p = portfolioSummary(
    table,
    [],
    withTargets([
      target("count", "signedCount", 4),
      target("flag", "flagCount", 0, { flag: "zdyq" }),
      // No currency: investment in CNY, foreign capital in USD.
      target("inv", "signedInvestment", 7000, { multiplier: 1e4 }),
      target("invUsd", "signedInvestment", 2000, { currency: "USD", multiplier: 1e4 }),
      target("fdi", "contractedFdi", 0.5, { multiplier: 1e8 }),
      target("used", "utilisedFdi", 1e6),
      target("fdiEur", "contractedFdi", 1000, { currency: "EUR", multiplier: 1e4 }),
    ])
  );
  const t = Object.fromEntries(p.targets.map((x) => [x.id, x]));
  // 1 signed of 4: share 0.25.
  expect(t.count).toMatchObject({ actual: 1, gap: 3, share: 0.25, met: false });
  expect(t.count.unit).toEqual({ zh: "个", en: "projects" });
  // A target of 0 is met by nothing at all; its share is 1, not 0 ÷ 0.
  expect(t.flag).toMatchObject({ target: 0, actual: 0, gap: 0, share: 1, met: true });
  expect(t.flag.unit).toEqual({ zh: "个", en: "projects" });
  // 7 050万元 of 7 000: met, share 1.00714.
  expect(t.inv.actual).toBeCloseTo(7050, 9);
  expect(t.inv).toMatchObject({ gap: 0, met: true });
  expect(t.inv.share).toBeCloseTo(7050 / 7000, 12);
  expect(t.inv.unit).toEqual({ zh: "万元", en: "CNY ×10k" });
  // The same 7 050万元 in USD: 7 050 ÷ 7.05 = 1 000万美元 of 2 000.
  expect(t.invUsd.actual).toBeCloseTo(1000, 9);
  expect(t.invUsd.gap).toBeCloseTo(1000, 9);
  expect(t.invUsd.share).toBeCloseTo(0.5, 12);
  expect(t.invUsd.unit).toEqual({ zh: "万美元", en: "USD ×10k" });
  // 1000万美元 = 0.1亿美元 of 0.5; the unit is US dollars like the figure, not 元.
  expect(t.fdi.actual).toBeCloseTo(0.1, 12);
  expect(t.fdi.gap).toBeCloseTo(0.4, 12);
  expect(t.fdi.share).toBeCloseTo(0.2, 12);
  expect(t.fdi.unit).toEqual({ zh: "亿美元", en: "USD ×100m" });
  // 200万美元 = 2 000 000 USD of 1 000 000: share 2, nothing left.
  expect(t.used).toMatchObject({ actual: 2e6, gap: 0, share: 2, met: true });
  expect(t.used.unit).toEqual({ zh: "美元", en: "USD" });
  // 1000万美元 × 7.05 / 7.66 = 920.37万欧元.
  expect(t.fdiEur.actual).toBeCloseTo((1000 * 7.05) / 7.66, 9);
  expect(t.fdiEur.unit).toEqual({ zh: "万欧元", en: "EUR ×10k" });
});

describe("where signed starts", () => {
  const stage = (id: string, zh: string): StageDef => ({ id, label: { zh, en: id }, aliases: [] });

  test("without a stage called 'signed', the second stage on counts as signed", () => {
    const model: ScoringModel = {
      ...withTargets([]),
      stages: [stage("talk", "洽谈"), stage("deal", "签约"), stage("build", "开工")],
    };
    const table: CandidateTable = { count: 4, columns: { stage: ["洽谈", "签约", "开工", null] } };
    const p = portfolioSummary(table, [sc(0, 1), sc(1, 2), sc(2, 3), sc(3, 4)], model);
    expect(p.signed).toEqual([1, 2]);
    expect(p.ifTopSign.candidates).toEqual([0]);
  });

  test("a 'signed' stage first in the model: every known stage is signed, none can be assumed to", () => {
    const model: ScoringModel = {
      ...withTargets([]),
      stages: [stage("signed", "签约"), stage("started", "开工")],
    };
    const table: CandidateTable = { count: 3, columns: { stage: ["签约", "开工", null] } };
    const p = portfolioSummary(table, [sc(0, 1), sc(1, 2), sc(2, 3)], model);
    expect(p.signed).toEqual([0, 1]);
    expect(p.ifTopSign.candidates).toEqual([]);
  });

  test("the first stage (对接) is before signing: its candidates may be assumed to sign", () => {
    const table: CandidateTable = { count: 3, columns: { stage: ["对接", "洽谈", "已签约"] } };
    const p = portfolioSummary(table, [sc(0, 1), sc(1, 2), sc(2, 3)], withTargets([]));
    expect(p.ifTopSign.candidates).toEqual([0, 1]);
  });
});

describe("the what-if", () => {
  test("who signs: by rank, then score, then row; never excluded, never a score past the table", () => {
    const table: CandidateTable = { count: 7, columns: { stage: Array(7).fill("洽谈") } };
    const scores = [
      sc(5, null, { score: 10 }),
      sc(4, null, { score: 10 }), // unranked, same score as 5: row order
      sc(3, null, { score: 30 }),
      sc(2, null, { score: 40 }), // unranked: by score, 40 before 30
      sc(0, 2, { score: 90 }),
      sc(1, 1, { score: 60 }), // rank 1 goes first, though its score is lower
      sc(6, 3, { excluded: true }),
      sc(7, 4), // no row 7 (the table has 7 rows) nor 9
      sc(9, 5),
    ];
    const who = (topK?: number) =>
      portfolioSummary(table, scores, withTargets([]), topK === undefined ? {} : { topK }).ifTopSign
        .candidates;
    expect(who(10)).toEqual([1, 0, 2, 3, 4, 5]);
    expect(who(2)).toEqual([1, 0]);
    expect(who(2.9)).toEqual([1, 0]);
    expect(who(0)).toEqual([]);
    expect(who()).toEqual([1, 0, 2, 3, 4, 5]); // 10 by default
  });

  test("utilised capital stays as it is today; contracted capital and counts grow", () => {
    const table: CandidateTable = {
      count: 2,
      columns: { stage: ["已签约", "洽谈"], contractedFdi: [50, 80], utilisedFdi: [50, 80] },
      contexts: WAN_USD,
    };
    const usd = { currency: "USD" as const, multiplier: 1e4 };
    const p = portfolioSummary(
      table,
      [sc(0, 2), sc(1, 1)],
      withTargets([
        { id: "n", label: { zh: "签约", en: "signed" }, measure: "signedCount", value: 2 },
        {
          id: "used",
          label: { zh: "到资", en: "used" },
          measure: "utilisedFdi",
          value: 100,
          ...usd,
        },
        {
          id: "fdi",
          label: { zh: "合同", en: "FDI" },
          measure: "contractedFdi",
          value: 100,
          ...usd,
        },
      ]),
      { topK: 1 }
    );
    // Today: 1 signed, 50万美元 utilised and 50万美元 contracted. If row 1 signs: 2 signed and
    // 50 + 80 = 130万美元 contracted (both met); utilised stays 50 (its 80 would arrive later).
    expect(p.ifTopSign.candidates).toEqual([1]);
    expect(p.targets.map((x) => [x.id, x.actual])).toEqual([
      ["n", 1],
      ["used", 50],
      ["fdi", 50],
    ]);
    expect(p.ifTopSign.targets.map((x) => [x.id, x.actual, x.met])).toEqual([
      ["n", 2, true],
      ["used", 50, false],
      ["fdi", 130, true],
    ]);
    expect(p.ifTopSign.targets[1]).toEqual(p.targets[1]);
    expect(p.ifTopSign.met).toEqual(["n", "fdi"]);
    expect(p.ifTopSign.newlyMet).toEqual(["n", "fdi"]);
  });
});
