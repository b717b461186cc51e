import ExcelJS from "exceljs";
import { compileModel, loadModel, validateModel } from "../../src/engine/model";
import { scoreTable, tableFromRows } from "../../src/engine/score";
import { resolveStage } from "../../src/engine/answers";
import { CandidateScore, CellValue } from "../../src/engine/types";
import {
  buildSampleWorkbook,
  HOSTILE_FILE,
  INVENTED,
  NAMED,
  SAMPLE_SHEET,
} from "../../scripts/make-sample";
import { cellOf, model, readSheet, scoreSample, ScoredSample } from "./sample-helpers";

describe("the default Pinghu 2023 model", () => {
  test("validates", () => {
    const r = validateModel(model);
    if (!r.ok) console.log(JSON.stringify(r.errors, null, 1));
    expect(r.ok).toBe(true);
  });

  test("every dimension, criterion, gate and chain says why, in zh and en", () => {
    for (const x of [...model.dimensions, ...model.criteria, ...model.chain!.chains]) {
      expect(x.description?.zh).toBeTruthy();
      expect(x.description?.en).toBeTruthy();
    }
    for (const g of model.gates) expect(g.reason.zh && g.reason.en).toBeTruthy();
    expect(model.fx.source).toMatch(/国家统计局/);
  });

  test("targets default to the 2023 figures of the article", () => {
    // Source article: 新签约不少于100个、投资总额不少于350亿元；合同外资10亿美元，实际利用外资4.8亿美元，招大引强18个以上.
    const t = Object.fromEntries(model.targets!.items.map((x) => [x.measure, x]));
    expect(model.targets!.year).toBe(2023);
    expect(t.signedCount.value).toBe(100);
    expect([
      t.signedInvestment.value,
      t.signedInvestment.multiplier,
      t.signedInvestment.currency,
    ]).toEqual([350, 1e8, "CNY"]);
    expect([t.contractedFdi.value, t.contractedFdi.multiplier, t.contractedFdi.currency]).toEqual([
      10,
      1e8,
      "USD",
    ]);
    expect([t.utilisedFdi.value, t.utilisedFdi.multiplier, t.utilisedFdi.currency]).toEqual([
      4.8,
      1e8,
      "USD",
    ]);
    expect([t.flagCount.value, t.flagCount.flag]).toEqual([18, "zdyq"]);
  });

  test("decisions: grades A/B/C/D to 优先推进 / 积极跟进 / 一般关注 / 暂缓; 待补充 and delivery advice by rule", () => {
    expect(model.decisions.map((d) => [d.grades.join(), d.label.zh, d.label.en])).toEqual([
      ["A", "优先推进", "Prioritise"],
      ["B", "积极跟进", "Follow up actively"],
      ["C", "一般关注", "Keep watching"],
      ["", "待补充", "Needs information"],
      ["", "加快落地", "Land it quickly"],
      ["", "加快建设投产", "Speed construction to production"],
      ["", "已投产·做好服务", "In production: aftercare"],
      ["D", "暂缓", "Defer"],
    ]);
    // Before signing the advice is about pursuit; from signing on it is about delivery.
    expect(model.stages!.map((st) => [st.id, st.decision ?? null])).toEqual([
      ["contact", null],
      ["negotiating", null],
      ["signed", "land"],
      ["registered", "land"],
      ["landSupplied", "land"],
      ["started", "build"],
      ["production", "producing"],
      // Dropped or on hold: no step and no advice of its own; the gate halted excludes it (暂缓).
      ["halted", null],
    ]);
    expect(model.stages!.filter((st) => st.halted).map((st) => st.id)).toEqual(["halted"]);
    expect(model.gates.find((g) => g.id === "halted")).toMatchObject({
      pass: 'not (stage == "halted")',
      effect: "exclude",
    });
  });
});

describe("lines drawn in US dollars follow the model's USD rate", () => {
  /** The default model with its USD rate set, scoring rows given by field id. */
  function scored(usd: number, rows: Record<string, CellValue>[]) {
    const m = loadModel({ ...model, fx: { ...model.fx, rates: { ...model.fx.rates, USD: usd } } });
    const s = scoreTable(tableFromRows(rows, m), compileModel(m));
    const flag = (id: string) => Array.from(s.flagHits[m.flags.findIndex((f) => f.id === id)]);
    const criterion = (id: string) =>
      Array.from(s.criterionValues[m.criteria.findIndex((c) => c.id === id)]);
    return { flag, criterion };
  }

  test("editing the USD rate moves the 招大引强 1亿美元 line (10 000万美元 × fx_USD, in 万元)", () => {
    // A US investor's 7.1亿元 = 71 000万元: over 1亿美元 at 7.05 (70 500万元), under it at 7.2 (72 000万元).
    // A domestic 9亿元 is never counted by the dollar line (the line is a foreign-capital tally).
    const rows: Record<string, CellValue>[] = [
      { totalInvestment: "7.1亿元", country: "美资" },
      { totalInvestment: "1亿美元" },
      { totalInvestment: "9亿元", country: "浙江杭州" },
    ];
    expect(scored(7.05, rows).flag("zdyqForeign")).toEqual([1, 1, 0]);
    expect(scored(7.2, rows).flag("zdyqForeign")).toEqual([0, 1, 0]);
    expect(scored(7.2, rows).flag("zdyq")).toEqual([0, 1, 0]);
  });

  test("the 合同外资 breakpoints are in dollars: 1000万 0.5, 5000万 0.8, 1亿 1, whatever the rate", () => {
    const rows = ["1000万美元", "5000万美元", "1亿美元", "3000万美元", "7050万元"].map((c) => ({
      contractedFdi: c,
    }));
    const at705 = scored(7.05, rows).criterion("contractedFdi");
    const at72 = scored(7.2, rows).criterion("contractedFdi");
    // 3000万美元 is halfway from 1000万 to 5000万: 0.5 + 0.3 / 2.
    expect(at705.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0.5, 0.8, 1, 0.65, 0.5]);
    expect(at72.slice(0, 4).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0.5, 0.8, 1, 0.65]);
    // 7050万元 is 1000万美元 at 7.05 but only 979万美元 at 7.2.
    expect(at72[4]).toBeLessThan(0.5);
  });

  test("a project written in 万美元 is 外资 even without a country column", () => {
    const rows: Record<string, CellValue>[] = [
      { name: "美元项目", totalInvestment: "1500万美元" },
      { name: "欧元注册资本", totalInvestment: "2亿元", registeredCapital: "1000万欧元" },
      { name: "人民币项目", totalInvestment: "1.8亿元", registeredCapital: "5000万元" },
      { name: "未填", totalInvestment: "待定" },
    ];
    expect(scored(7.05, rows).flag("foreign")).toEqual([1, 1, 0, 0]);
  });
});

describe("scoring the sample workbook with the default model", () => {
  let s: ScoredSample;
  beforeAll(async () => {
    s = await scoreSample();
  });
  const of = (name: string): CandidateScore => s.scores[s.at(name)];

  test("the table is found under the title and every sample column that the model knows is mapped", () => {
    expect(s.table.count).toBe(NAMED.length + INVENTED.length);
    const mapped = new Set(s.mapping.mapped.map((m) => m.field));
    for (const f of [
      "name",
      "totalInvestment",
      "registeredCapital",
      "contractedFdi",
      "utilisedFdi",
      "tax",
      "landArea",
      "stage",
      "chain",
      "chainRole",
      "country",
      "owner",
    ]) {
      expect(mapped).toContain(f);
    }
    // The extra notes column is not mistaken for a model field.
    expect(s.mapping.mapped.find((m) => m.header === "跟进情况")).toBeUndefined();
  });

  test("the article's flagships are at least 积极跟进 and above every general supplier", () => {
    // 尼得科: 4400万美元, a 链主 of CNC serving NEV at a leader's scale (≥ 2亿元): the credible-leader
    //   floor carries it to B although output, tax and innovation are blank. It has started building,
    //   so its advice is delivery (加快建设投产), never "priority pursuit".
    // 中能科技: 10亿元 domestic, 招大引强 (10亿元+ tier): +8 and the floor of 50. Signed: 加快落地.
    for (const [name, decision] of [
      ["尼得科", "build"],
      ["中能科技", "land"],
    ]) {
      expect(of(name).score).toBeGreaterThanOrEqual(50);
      expect(["A", "B"]).toContain(of(name).grade);
      expect(of(name).decision).toBe(decision);
    }
    const general = s.scores.filter((c) => s.table.columns.chainRole[c.index] === "一般配套");
    expect(general.length).toBeGreaterThan(5);
    for (const c of general) {
      expect(of("尼得科").score).toBeGreaterThan(c.score);
      expect(of("中能科技").score).toBeGreaterThan(c.score);
    }
  });

  test("negotiation-stage projects with no figures need information first, unless a strong signal carries them", () => {
    for (const n of ["克力宝", "明湖"]) {
      expect(of("中能科技").score).toBeGreaterThan(of(n).score + 20);
      expect(of("尼得科").score).toBeGreaterThan(of(n).score + 20);
      expect(of(n).decision).toBe("needInfo");
    }
    // 存储产业: "上市公司" — a listed investor is a strong known signal (floor 50): follow it up.
    expect(of("存储产业").decision).toBe("followUp");
  });

  test("招大引强 by kind: foreign ≥ 1亿美元, domestic 10亿元 and its tiers, Fortune Global 500", () => {
    expect(of("中能科技").flags).toEqual(expect.arrayContaining(["zdyq", "zdyq10"]));
    expect(of("丙烷脱氢").flags).toEqual(expect.arrayContaining(["zdyq", "zdyq50"]));
    // 1-1.5亿美元 → mid 1.25亿美元 = 88 125万元: foreign over 1亿美元, and not a domestic tier.
    expect(of("韩资一体化压铸").flags).toEqual(expect.arrayContaining(["zdyq", "zdyqForeign"]));
    expect(of("韩资一体化压铸").flags).not.toContain("zdyq10");
    expect(of("美资水处理膜").flags).toEqual(expect.arrayContaining(["zdyq", "zdyq500"]));
    // 单抗 8亿元 is domestic and below 10亿元: not 招大引强 whatever its dollar value.
    expect(of("单抗药物").flags).not.toContain("zdyq");
    expect(of("诺瓦瑞斯").flags).not.toContain("zdyq");
    expect(of("诺瓦瑞斯").flags).toContain("foreign");
    expect(of("凯阳").flags).not.toContain("foreign");
    // 港澳台 capital is foreign (China's statistics): the 台资 and 港资 rows.
    expect(of("台资滚珠丝杠").flags).toContain("foreign");
    expect(of("港资数字营销").flags).toContain("foreign");
  });

  test("land gates apply only where land is known, and a veto excludes", () => {
    const gate = (name: string, id: string) => of(name).gates.find((g) => g.gate === id)!;
    // 特种光纤: 5000万元以上 on 20亩 = 250万元/亩 < 300; tax 400 / 20 = 20万元/亩 < 25.
    expect(gate("特种光纤", "investmentIntensity").passed).toBe(false);
    expect(gate("特种光纤", "taxPerMu").passed).toBe(false);
    expect(of("特种光纤").score).toBeLessThanOrEqual(69.9);
    // 诺瓦瑞斯 leases a plant (no land given): the gates do not apply.
    expect(gate("诺瓦瑞斯", "investmentIntensity").passed).toBe(true);
    expect(gate("诺瓦瑞斯", "investmentIntensity").status).toBe("notApplicable");
    expect(of("纺织服装").excluded).toBe(true);
    expect(of("纺织服装").rank).toBeNull();
  });

  test("each named project's explanation states its inputs as written and as converted", () => {
    const used = (name: string, criterion: string) =>
      of(name).explanation.criteria.find((c) => c.criterion === criterion)!;
    expect(used("诺瓦瑞斯", "investment").raw).toBe("1500万美元");
    expect(used("诺瓦瑞斯", "investment").used.zh).toBe("1500万美元 → 10 575 万元 @ 7.05");
    expect(used("诺瓦瑞斯", "registeredCapital").used.zh).toContain("7 050 万元");
    expect(used("诺瓦瑞斯", "revenue").used.zh).toContain("20 000 万元");
    expect(used("尼得科", "investment").used.zh).toBe("4400万美元 → 31 020 万元 @ 7.05");
    expect(used("尼得科", "registeredCapital").used.zh).toContain("13 254 万元");
    expect(used("尼得科", "chainFit").used.zh).toContain("协同 ×1.15");
    expect(used("艾本德", "investment").raw).toBe("一期1350万欧元");
    expect(used("艾本德", "investment").used.zh).toContain("10 341 万元 @ 7.66");
    expect(used("凯阳", "investment").used.zh).toContain("18 000 万元");
    expect(used("中能科技", "investment").used.zh).toContain("100 000 万元");
    expect(used("中能科技", "chainFit").used.zh).toContain("由文本判定");
    for (const n of ["克力宝", "存储产业", "明湖"]) {
      expect(used(n, "investment").raw).toBeNull();
      expect(used(n, "investment").contribution).toBe(0);
    }
    for (const n of [
      "尼得科",
      "中能科技",
      "诺瓦瑞斯",
      "艾本德",
      "凯阳",
      "克力宝",
      "存储产业",
      "明湖",
    ]) {
      expect(of(n).explanation.summary.zh).toBeTruthy();
      expect(of(n).explanation.summary.en).toBeTruthy();
    }
  });

  test("the judgement columns: land use, credit, veto in words, industry class, energy, listing", () => {
    const gate = (name: string, id: string) => of(name).gates.find((g) => g.gate === id)!;
    // Farmland and warehouse land are not held to the industrial admission gates.
    expect(gate("蔬菜种业基地", "investmentIntensity").status).toBe("notApplicable");
    expect(gate("冷链物流仓储中心", "taxPerMu").status).toBe("notApplicable");
    // "失信被执行人（2023年列入）" in the credit column and "有（2022年环保行政处罚）" in the veto column
    // exclude, each with its text as the reason; "无" and "无不良记录" do not.
    expect(gate("康复器械", "credit").detail!.zh).toContain("失信被执行人（2023年列入）");
    expect(gate("纺织服装", "veto").detail!.zh).toContain("有（2022年环保行政处罚）");
    expect([of("康复器械").excluded, of("纺织服装").excluded]).toEqual([true, true]);
    expect([of("德资汽车热管理").excluded, of("激光器").excluded]).toEqual([false, false]);
    // 限制类 caps at 49.9; 鼓励类 is flagged.
    expect(gate("BOPP", "policyRestricted").status).toBe("failed");
    expect(of("BOPP").score).toBeLessThanOrEqual(49.9);
    expect(of("德资电驱动桥").flags).toContain("policyEncouraged");
    // 丙烷脱氢: 80亿元 of revenue on 450 000 tce is 1.78万元 per tce < 2: capped, and an energy review.
    expect(gate("丙烷脱氢", "energyEfficiency").status).toBe("failed");
    expect(of("丙烷脱氢").flags).toContain("energyReview");
    // Nidec's parent is listed in Tokyo: the listing criterion reads it as listed.
    const listing = of("尼得科").explanation.criteria.find((c) => c.criterion === "listing")!;
    expect(listing.normalized).toBe(1);
  });

  test("标准地 by industry and the emission quota on the sample's own columns", () => {
    const gate = (name: string, id: string) => of(name).gates.find((g) => g.gate === id)!;
    // 光模块 (光电通信) at plot ratio 0.8: under electronics' 1.0 (国土资发〔2008〕24号 表2), the row named.
    expect(gate("光模块", "plotRatio").status).toBe("failed");
    expect(gate("光模块", "plotRatio").detail!.zh).toContain(
      "光电通信（通信设备、计算机及其他电子设备制造业）"
    );
    // BOPP (碳三和膜材料) at 0.8 clears chemicals' 0.6; 德资电驱动桥 at 1.3 clears NEV's 0.7.
    expect([gate("BOPP", "plotRatio").status, gate("德资电驱动桥", "plotRatio").status]).toEqual([
      "passed",
      "passed",
    ]);
    // Key polluters with a full EIA report wait for their emission quota; 锂电池隔膜 (报告表, 否) does not.
    expect(gate("环氧丙烷", "emissionQuota").status).toBe("failed");
    expect(gate("丙烷脱氢", "emissionQuota").status).toBe("failed");
    expect(gate("锂电池隔膜", "emissionQuota").status).toBe("notApplicable");
  });

  test("招大引强 carries only on a target chain; floor ties rank by their own score", () => {
    // 五星级酒店: 港资 8亿元 is 超亿美元外资 (counted, +8), but a hotel is no target chain: not carried.
    const hotel = of("五星级酒店");
    expect(hotel.flags).toEqual(expect.arrayContaining(["zdyq", "zdyqForeign", "zdyqOffChain"]));
    expect(hotel.score).toBeLessThan(50);
    expect(hotel.decision).not.toBe("followUp");
    // The candidates held at 50: one score, distinct ranks in the order of their own merit.
    const held = s.scores.filter((c) => c.score === 50).sort((a, b) => a.rank! - b.rank!);
    expect(held.length).toBeGreaterThanOrEqual(3);
    const own = held.map((c) => {
      const m = /本身 ([\d.]+) 分/.exec(c.explanation.notes.map((n) => n.zh).join())!;
      return Number(m[1]);
    });
    expect(new Set(held.map((c) => c.rank)).size).toBe(held.length);
    expect([...own].sort((a, b) => b - a)).toEqual(own);
  });

  test("every grade is used; decisions follow grades, the stage, or the unknowns", () => {
    const grades = new Set(s.scores.map((c) => c.grade));
    for (const g of ["A", "B", "C", "D"]) expect(grades).toContain(g);
    for (const c of s.scores.filter((x) => !x.excluded)) {
      const stage = model.stages!.find(
        (st) => st.id === resolveStage(s.table.columns.stage[c.index], model)
      );
      if (stage?.decision) expect(c.decision).toBe(stage.decision);
      else if (c.decision !== "needInfo")
        expect(model.decisions.find((d) => d.id === c.decision)!.grades).toContain(c.grade);
      else expect(["C", "D"]).toContain(c.grade);
    }
  });
});

describe("the sample workbook file", () => {
  test("is what the generator makes (regenerate with npm run sample after changing it)", async () => {
    const committed = await readSheet();
    const fresh = buildSampleWorkbook().getWorksheet(SAMPLE_SHEET)!;
    committed.grid.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = fresh.getCell(r + 1, c + 1);
        expect([
          r + 1,
          c + 1,
          cell.isMerged && cell.master !== cell ? null : cellOf(cell.value),
        ]).toEqual([r + 1, c + 1, v]);
      })
    );
  });

  test("looks like a bureau's list: merged title, blank row, header, 合计 row and a note line", async () => {
    const { grid } = await readSheet();
    expect(String(grid[0][0])).toContain("重点招商对象清单");
    expect(grid[2].every((v) => v === null)).toBe(true);
    expect(grid[3][1]).toBe("项目名称");
    const totalRow = grid.findIndex((r) => r[0] === "合计");
    expect(totalRow).toBe(4 + NAMED.length + INVENTED.length);
    expect(String(grid[totalRow + 2][0])).toMatch(/^注：/);
  });

  test("invented rows are marked as invented; the article's rows are not; no hostile names", async () => {
    const { grid } = await readSheet();
    const rows = grid.slice(4, 4 + NAMED.length + INVENTED.length);
    const remark = grid[3].indexOf("备注");
    expect(rows.slice(0, NAMED.length).every((r) => !String(r[remark]).includes("虚构"))).toBe(
      true
    );
    expect(rows.slice(NAMED.length).every((r) => r[remark] === "示例（虚构）")).toBe(true);
    expect(JSON.stringify(grid)).not.toMatch(/<|onerror|script/i);
  });

  test("the hostile-names test workbook exists separately", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(HOSTILE_FILE);
    expect(String(wb.worksheets[0].getCell(2, 1).value)).toBe("<img src=x onerror=alert(1)>");
  });
});
