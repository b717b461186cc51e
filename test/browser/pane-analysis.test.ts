/**
 * The pane's decision-analysis parts at Excel's narrowest pane (320 px), in zh and en, axe clean:
 * the stability tab's model ranking beside TOPSIS, VIKOR and PROMETHEE II with Spearman and Kendall
 * correlations, and a review committee's judgements pasted as a long table, combined into weights
 * with each expert's CR and their agreement (Kendall's W), then applied.
 */
import type { Page } from "playwright-core";
import { model } from "../models/sample-helpers";
import { axeViolations, usePreview } from "./browser";

const { open } = usePreview();
jest.setTimeout(180_000);

type Lang = "zh" | "en";
const L = (lang: Lang, zh: string, en: string) => (lang === "zh" ? zh : en);
const dims = model.dimensions;

async function scored(lang: Lang): Promise<Page> {
  const { page, dialogs } = await open(320);
  if (lang === "en") {
    await page.locator("#lang").selectOption("en");
    await page.getByRole("heading", { name: "ZS Scorer" }).waitFor();
  }
  await page.getByTestId("score").click();
  await page.getByTestId("ranked-list").locator("li").first().waitFor();
  expect(dialogs).toEqual([]);
  return page;
}

/** Pairs judged as w_i / w_j by each expert (consistent), named by the dimension labels shown. */
function judgements(lang: Lang, experts: [string, number[]][]): string {
  const rows = [L(lang, "专家\t维度A\t维度B\t判断值", "expert\tA\tB\tjudgement")];
  for (const [name, w] of experts)
    for (let i = 0; i < dims.length; i++)
      for (let j = i + 1; j < dims.length; j++)
        rows.push([name, dims[i].label[lang], dims[j].label[lang], String(w[i] / w[j])].join("\t"));
  return rows.join("\n");
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

// Colour contrast is checked in Chinese only: the same colours in both languages (see axeViolations).
for (const lang of ["zh", "en"] as Lang[]) {
  describe(`320 px, ${lang}`, () => {
    test("stability: the model's ranking beside TOPSIS, VIKOR and PROMETHEE II with ρ and τ", async () => {
      const page = await scored(lang);
      await page.getByRole("tab", { name: L(lang, "稳定性", "Stability") }).click();
      const methods = page.getByTestId("methods");
      await methods.locator("table").waitFor();
      await expect(methods.locator("thead th").allTextContents()).resolves.toEqual([
        L(lang, "项目", "Project"),
        L(lang, "模型", "Model"),
        "TOPSIS",
        "VIKOR",
        "PROMETHEE II",
      ]);
      // The model's column is its ranking, top first.
      const modelRanks = await methods.locator("tbody tr td:nth-of-type(1)").allTextContents();
      expect(modelRanks.map(Number)).toEqual([...modelRanks.map(Number)].sort((a, b) => a - b));
      const lines = await page.getByTestId("method-correlations").locator("li").allTextContents();
      expect(lines).toHaveLength(3);
      for (const line of lines)
        expect(line).toMatch(/Spearman ρ -?\d\.\d\d · Kendall τ -?\d\.\d\d$/);
      expect(await noSidewaysScroll(page)).toBe(true);
      expect(await axeViolations(page, { contrast: lang === "zh" })).toEqual([]);
      await page.close();
    });

    test("committee: two experts' judgements pasted, combined weights with each CR and Kendall's W, then applied", async () => {
      const page = await scored(lang);
      await page.getByRole("tab", { name: L(lang, "权重", "Weights") }).click();
      const committee = page.getByTestId("committee");
      await committee.locator("summary").click();
      const a = dims.map((_, i) => dims.length - i);
      const b = dims.map((_, i) => (i === 0 ? dims.length : i + 1));
      await page.locator("#committee-input").fill(
        judgements(lang, [
          ["王", a],
          ["Li", b],
        ])
      );
      await page.locator("#committee-read").click();
      const experts = page.getByTestId("committee-experts").locator("li");
      // The committee's reader is a chunk fetched on first use: wait for its three lines.
      await experts.nth(2).waitFor();
      await expect(experts.allTextContents()).resolves.toEqual([
        `王${L(lang, "：", ": ")}CR 0 ✓`,
        `Li${L(lang, "：", ": ")}CR 0 ✓`,
        `${L(lang, "合并判断的 CR", "CR of the combined judgements")}${L(lang, "：", ": ")}CR 0 ✓`,
      ]);
      await expect(page.getByTestId("committee-agreement").textContent()).resolves.toMatch(
        L(lang, "专家一致性 Kendall W = ", "Agreement, Kendall's W = ")
      );
      const combined = await page.getByTestId("committee-weights").locator("li").allTextContents();
      expect(combined).toHaveLength(dims.length);
      expect(await noSidewaysScroll(page)).toBe(true);
      expect(await axeViolations(page, { contrast: lang === "zh" })).toEqual([]);

      // Applied: each dimension's share is the combined weight (shown to one decimal in both places).
      await page.locator("#committee-apply").click();
      const shares = await page.locator("[data-pct]").allTextContents();
      expect(shares).toEqual(combined.map((line) => line.split(/：|: /)[1]));
      await expect(page.getByTestId("weights-total").textContent()).resolves.toMatch(/100%$/);

      // A dimension the model does not have is named with its row.
      await page.locator("#committee-input").fill(`王\t${dims[0].label[lang]}\tXYZ\t3`);
      await page.locator("#committee-read").click();
      await expect(
        page.getByTestId("committee-result").locator(".msg.error").textContent()
      ).resolves.toMatch(
        L(lang, "第 1 行：“XYZ”不是模型的维度", 'row 1: "XYZ" is not a dimension of the model')
      );
      expect(await axeViolations(page, { contrast: lang === "zh" })).toEqual([]);
      await page.close();
    });
  });
}
