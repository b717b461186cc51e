/**
 * The default model on lists that give figures per 亩 (标准地 lists: 亩均税收 ≥35万元/亩, 投资强度, 亩均产值)
 * beside or instead of the totals. Lines: 标准地控制指标 default row — investment intensity 300万元/亩,
 * tax per 亩 25 (admission) and 35 (full marks), output per 亩 600 (src/models/pinghu-2023.json tables).
 */
import { scoreCandidates } from "../../src/engine";
import { CellValue, ScoringModel } from "../../src/engine/types";
import pinghu from "../../src/models/pinghu-2023.json";

const model = pinghu as unknown as ScoringModel;
type Scored = ReturnType<typeof scoreCandidates>[number];
const score = (rows: Record<string, CellValue>[]) => scoreCandidates(rows, model);
const gate = (c: Scored, id: string) => c.gates.find((g) => g.gate === id)!;
const criterion = (c: Scored, id: string) =>
  c.explanation.criteria.find((x) => x.criterion === id)!;

// An industrial project on one of the chains, 5亿元 (the intensities below are the only differences).
const base = { chain: "新能源汽车", description: "生产基地", totalInvestment: "5亿元" };

describe("figures per 亩 the list gives stand in where the totals are not both given", () => {
  test("亩均税收 ≥35万元/亩 with no annual tax: full marks on tax per 亩, the gate passes, the note says why", () => {
    const [c] = score([{ ...base, landArea: 100, statedTaxPerMu: "≥35万元/亩" }]);
    expect(criterion(c, "taxPerMu")).toMatchObject({
      raw: 35,
      used: { zh: "亩均税收 = 35", en: "Tax per 亩 = 35" },
      normalized: 1,
      note: {
        zh: "按表中填写的亩均税收（未同时填年税收和用地）",
        en: "the tax per 亩 the list gives (annual tax and land not both given)",
      },
    });
    expect(gate(c, "taxPerMu").status).toBe("passed");
    // Without the stated figure the criterion is missing and the gate does not apply.
    const [none] = score([{ ...base, landArea: 100 }]);
    expect(criterion(none, "taxPerMu").normalized).toBe(0);
    expect(gate(none, "taxPerMu").status).toBe("notApplicable");
    expect(c.score - none.score).toBeCloseTo(100 * criterion(c, "taxPerMu").weight, 9);
  });

  test("with no land at all the stated figure still counts (a 标准地 commitment), and a low one fails the gate", () => {
    const [c] = score([{ ...base, statedTaxPerMu: "20万元/亩" }]);
    expect(criterion(c, "taxPerMu")).toMatchObject({ raw: 20, normalized: 0 });
    expect(gate(c, "taxPerMu").status).toBe("failed");
    expect(gate(c, "taxPerMu").detail!.zh).toBe(
      "亩均税收：20（按表中填写的亩均税收（未同时填年税收和用地））；标准地控制指标·亩均税收下限（其他工业项目（默认））：25万元/亩"
    );
    expect(c.score).toBeLessThanOrEqual(69.9);
  });

  test("annual tax and land given: their quotient is used; a stated figure more than a tenth off is named", () => {
    // 3400万元 / 100亩 = 34, within a tenth of 35: no note. 2000万元 / 100亩 = 20: noted.
    const [near, far] = score([
      { ...base, landArea: 100, tax: "3400万元", statedTaxPerMu: "35万元/亩" },
      { ...base, landArea: 100, tax: "2000万元", statedTaxPerMu: "35万元/亩" },
    ]);
    expect(criterion(near, "taxPerMu")).toMatchObject({ raw: 34, used: { zh: "亩均税收 = 34" } });
    expect(criterion(near, "taxPerMu").note).toBeUndefined();
    expect(criterion(far, "taxPerMu")).toMatchObject({
      raw: 20,
      normalized: 0,
      note: { zh: "表中填写的亩均税收与年税收÷用地相差一成以上，按后者" },
    });
    expect(gate(far, "taxPerMu").status).toBe("failed");
  });

  test("亩均产值 stands in for output per 亩 the same way", () => {
    const [given, computed] = score([
      { ...base, landArea: 50, statedOutputPerMu: "600万元/亩" },
      { ...base, landArea: 50, revenue: "1.5亿元", statedOutputPerMu: "600万元/亩" },
    ]);
    expect(criterion(given, "outputPerMu")).toMatchObject({
      raw: 600,
      normalized: 1,
      note: { zh: "按表中填写的亩均产出（未同时填达产营业额和用地）" },
    });
    // 1.5亿元 / 50亩 = 300: half the full-marks line, and half the stated figure (noted).
    expect(criterion(computed, "outputPerMu")).toMatchObject({
      raw: 300,
      normalized: 0.5,
      note: { zh: "表中填写的亩均产出与达产营业额÷用地相差一成以上，按后者" },
    });
  });

  test("investment intensity: fixed-asset investment ÷ land, else the stated intensity, else total investment ÷ land", () => {
    const [fixed, stated, total, statedNoLand] = score([
      {
        ...base,
        landArea: 100,
        fixedAssetInvestment: "3.5亿元",
        statedInvestmentIntensity: "200万元/亩",
      },
      { ...base, landArea: 100, statedInvestmentIntensity: "280万元/亩" },
      { ...base, landArea: 100 },
      { ...base, statedInvestmentIntensity: "350万元/亩" },
    ]);
    expect(gate(fixed, "investmentIntensity")).toMatchObject({ status: "passed" });
    expect(gate(stated, "investmentIntensity")).toMatchObject({
      status: "failed",
      detail: {
        zh: "投资强度：280（按表中填写的投资强度（未同时填固定资产投资和用地））；标准地控制指标·固定资产投资强度下限（其他工业项目（默认））：300万元/亩",
      },
    });
    // 5亿元 / 100亩 = 500, an upper estimate that passes: the stated 280 above is the better figure.
    expect(gate(total, "investmentIntensity")).toMatchObject({ status: "passed" });
    expect(gate(statedNoLand, "investmentIntensity")).toMatchObject({ status: "passed" });
  });
});
