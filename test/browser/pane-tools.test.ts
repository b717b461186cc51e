/**
 * The pane's tools in headless Chromium on the sample workbook: AHP helper, stability chart, targets
 * (checked against the engine's portfolioSummary), reset to model, keyboard use, and the 320 px pane.
 */
import type { Page } from "playwright-core";
import { portfolioSummary } from "../../src/engine/portfolio";
import { formatNumber } from "../../src/workbook/format";
import { model, scoreSample } from "../models/sample-helpers";
import { names, settled, usePreview } from "./browser";

const { open } = usePreview();

async function scored(width = 360): Promise<Page> {
  const { page } = await open(width);
  await page.getByTestId("score").click();
  await page.getByTestId("ranked-list").waitFor();
  return page;
}

/** The weights, as the percentages shown beside the sliders. */
async function shownWeights(page: Page): Promise<string[]> {
  return page.locator("[data-pct]").allTextContents();
}

test("AHP: consistent judgements give CR 0, and adopting them re-ranks with the first dimension weighed most", async () => {
  const page = await scored();
  await page.getByRole("tab", { name: "权重" }).click();
  const before = await names(page, "weights-top");
  await page.getByText("AHP 两两比较").click();
  const cr = page.getByTestId("ahp-cr");
  await settled(page, "ahp-cr");
  await expect(cr.textContent()).resolves.toMatch(/^一致性比率 CR = 0\.000/);
  // The first dimension extremely more important than every other, the others equal: consistent.
  const firstPairs = page.locator('select[data-pair^="0-"]');
  for (let k = 0; k < (await firstPairs.count()); k++) await firstPairs.nth(k).selectOption("9");
  await settled(page, "ahp-cr");
  const consistent = (await cr.textContent())!;
  expect(Number(/CR = ([\d.]+)/.exec(consistent)![1])).toBeLessThanOrEqual(0.1);
  await expect(cr.getAttribute("class")).resolves.not.toContain("error");
  const modelWeights = await shownWeights(page);
  await page.locator("#ahp-use").click();
  const adopted = await shownWeights(page);
  expect(adopted).not.toEqual(modelWeights);
  const pct = adopted.map((t) => parseFloat(t));
  expect(pct[0]).toBe(Math.max(...pct));
  expect(await names(page, "weights-top")).not.toEqual(before);
  await page.close();
});

test("reset to model restores the model's weights and ranking", async () => {
  const page = await scored();
  await page.getByRole("tab", { name: "权重" }).click();
  const modelWeights = await shownWeights(page);
  const modelOrder = await names(page, "weights-top");
  const sliders = page.locator("input[type=range]");
  await sliders.nth(0).fill("100");
  await sliders.nth(1).fill("0");
  await page.waitForFunction(() => performance.getEntriesByName("zs:rerank").length >= 1);
  expect(await shownWeights(page)).not.toEqual(modelWeights);
  expect(await names(page, "weights-top")).not.toEqual(modelOrder);
  await page.getByRole("button", { name: "恢复模型权重" }).click();
  expect(await shownWeights(page)).toEqual(modelWeights);
  expect(await names(page, "weights-top")).toEqual(modelOrder);
  // Focus stays on the button (the pane updated in place under it).
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("reset-weights");
  await page.close();
});

test("stability: one bar per top candidate, probabilities in 0–1, also as text for screen readers", async () => {
  const page = await scored();
  await page.getByRole("tab", { name: "稳定性" }).click();
  const chart = page.getByTestId("stability-chart");
  await chart.locator("rect.chart-bar").first().waitFor();
  await settled(page, "stability-chart");
  const bars = await chart.locator("rect.chart-bar").count();
  const items = page.getByTestId("stability-text").locator("li");
  expect(bars).toBe(10);
  expect(await items.count()).toBe(bars);
  const p = (await items.evaluateAll((li) => li.map((x) => Number(x.getAttribute("data-p")))))!;
  for (const x of p) expect(x >= 0 && x <= 1).toBe(true);
  // The leader is likelier to stay in the top 5 than the 10th is.
  expect(p[0]).toBeGreaterThanOrEqual(p[9]);
  const first = (await items.first().textContent())!;
  expect(first).toMatch(new RegExp(`^1\\. .+: ${Math.round(p[0] * 100)}%$`));
  await expect(chart.getAttribute("aria-label")).resolves.toContain("前 5 名");
  await page.close();
});

test("targets: progress, gaps and the top-k projection agree with portfolioSummary on the sample", async () => {
  const sample = await scoreSample();
  // The pane's default k is 5.
  const expected = portfolioSummary(sample.table, sample.scores, model, { topK: 5 });
  const page = await scored();
  await page.getByRole("tab", { name: "目标" }).click();
  const fmt = (x: number) => formatNumber(x);
  expect(expected.targets.length).toBeGreaterThan(0);
  for (const [k, t] of expected.targets.entries()) {
    const box = page.locator(`[data-target="${t.id}"]`);
    const unit = t.unit.zh;
    await expect(box.getByTestId("target-actual").textContent()).resolves.toBe(
      `${fmt(t.actual)} / ${fmt(t.target)} ${unit}`
    );
    await expect(box.getByTestId("target-gap").textContent()).resolves.toBe(
      t.met ? "已完成" : `差距 ${fmt(t.gap)} ${unit}`
    );
    await expect(box.getByTestId("target-projected").textContent()).resolves.toBe(
      `若前 5 名签约: ${fmt(expected.ifTopSign.targets[k].actual)} ${unit}`
    );
    await expect(box.getByRole("progressbar").getAttribute("aria-valuenow")).resolves.toBe(
      String(Math.round(Math.min(100, t.share * 100)))
    );
  }
  await page.close();
});

test("keyboard: Tab reaches every weight control, arrow keys switch tabs", async () => {
  const page = await scored();
  const ranking = page.getByRole("tab", { name: "排名" });
  await ranking.focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("tab-weights");
  await expect(page.getByRole("tab", { name: "权重" }).getAttribute("aria-selected")).resolves.toBe(
    "true"
  );
  await page.keyboard.press("ArrowLeft");
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("tab-ranked");
  await page.keyboard.press("ArrowLeft");
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("tab-targets");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("tab-weights");

  // Tab from the tab list through the panel: each slider and its number field, each with a label.
  // (The committee's sheet checkboxes sit in a closed section further down: not weight controls.)
  const controls = await page
    .locator("#panel-weights input[type=range], #panel-weights input[type=number]")
    .count();
  const reached: string[] = [];
  for (let k = 0; k < controls + 2; k++) {
    await page.keyboard.press("Tab");
    reached.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement;
        const label = el.labels?.[0]?.textContent ?? el.getAttribute("aria-label") ?? "";
        return `${el.tagName}:${el.type}:${label}`;
      })
    );
  }
  const inputs = reached.filter((r) => r.startsWith("INPUT:"));
  expect(inputs.filter((r) => r.startsWith("INPUT:range:")).length).toBe(controls / 2);
  expect(inputs.filter((r) => r.startsWith("INPUT:number:")).length).toBe(controls / 2);
  expect(inputs.every((r) => r.split(":")[2].length > 0)).toBe(true);

  // An arrow key on a focused slider moves it and re-ranks.
  const slider = page.locator("input[type=range]").first();
  const before = await slider.inputValue();
  await slider.focus();
  await page.keyboard.press("ArrowRight");
  expect(Number(await slider.inputValue())).toBe(Number(before) + 1);
  await page.close();
});

test("at 320 px the pane never scrolls sideways, on any tab", async () => {
  const page = await scored(320);
  // What sticks out past the right edge, and by how much the page scrolls sideways ("" when nothing).
  const overflow = () =>
    page.evaluate(() => {
      const doc = document.documentElement;
      const wider = Array.from(document.querySelectorAll("body *"))
        .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 0.5)
        .filter((el) => !el.closest(".sheet-scroll"))
        .map((el) => `${el.tagName}.${el.getAttribute("class") ?? ""}`);
      const scroll = doc.scrollWidth - doc.clientWidth;
      return [...wider, ...(scroll > 0 ? [`scroll ${scroll}px`] : [])].join(" ");
    });
  expect(await overflow()).toBe("");
  for (const tab of ["权重", "稳定性", "目标"]) {
    await page.getByRole("tab", { name: tab }).click();
    expect(await overflow()).toBe("");
  }
  await page.getByRole("tab", { name: "权重" }).click();
  await page.getByText("AHP 两两比较").click();
  expect(await overflow()).toBe("");
  await page.close();
});

test("the pane records first-render and re-rank timings for the benchmark", async () => {
  const page = await scored();
  await page.getByRole("tab", { name: "权重" }).click();
  await page.locator("input[type=range]").first().fill("70");
  await page.waitForFunction(() => performance.getEntriesByName("zs:rerank").length > 0);
  const entries = await page.evaluate(() =>
    ["zs:read", "zs:first-render", "zs:rerank"].map((n) =>
      performance.getEntriesByName(n, "measure").map((e) => e.duration)
    )
  );
  for (const durations of entries) {
    expect(durations.length).toBeGreaterThan(0);
    for (const d of durations) expect(d).toBeGreaterThanOrEqual(0);
  }
  await page.close();
});
