/**
 * Issue 15 in headless Chromium on the preview, at Excel's pane widths (320 and 450 px), in Chinese and
 * English: one list with amounts, dimension bars and 待补充, sorting both ways, empty state, the score
 * distribution; the detail by dimension in plain words; the full mapping; weights as percentages with
 * defaults and ▲▼; AHP on Saaty's verbal scale with a confirmation; editable targets; rescoring after
 * a weight change; focus after every action (keyboard only); and axe-core finding no violations.
 */
import type { Page } from "playwright-core";
import { model } from "../models/sample-helpers";
import { axeViolations, focused, readmeShot, settled, usePreview } from "./browser";

const { open } = usePreview();
// Each test opens a page, scores and scans with axe: minutes on a loaded two-core machine.
jest.setTimeout(180_000);

type Lang = "zh" | "en";
const L = (lang: Lang, zh: string, en: string) => (lang === "zh" ? zh : en);

/**
 * Colour contrast is checked at 320 px in Chinese and at 450 px in English: each state at both widths
 * and in both languages, at half the cost (see axeViolations).
 */
const axeAt = (width: number, lang: Lang) => ({ contrast: (width === 320) === (lang === "zh") });

/** The pane at `width` in `lang`, scored; `axeBefore`: axe-clean before scoring too (the list test). */
async function scored(width: number, lang: Lang, { axeBefore = false } = {}): Promise<Page> {
  const { page, dialogs } = await open(width);
  if (lang === "en") {
    await page.locator("#lang").selectOption("en");
    await page.getByRole("heading", { name: "ZS Scorer" }).waitFor();
  }
  if (axeBefore) expect(await axeViolations(page, axeAt(width, lang))).toEqual([]);
  // Keyboard: focus Score and press Enter; focus stays on the button once the list is there.
  await page.getByTestId("score").focus();
  await page.keyboard.press("Enter");
  await page.getByTestId("ranked-list").locator("li").first().waitFor();
  await page.waitForFunction(
    () => document.querySelector("#app")?.getAttribute("aria-busy") === "false"
  );
  expect(await focused(page)).toBe("score");
  expect(dialogs).toEqual([]);
  return page;
}

/** README's screenshots come from the 450 px Chinese runs. */
async function shotFor(
  page: Page,
  width: number,
  lang: Lang,
  name: string,
  at: string
): Promise<void> {
  if (width !== 450 || lang !== "zh") return;
  await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView(), at);
  await readmeShot(page, name);
}

const rowNames = (page: Page, list = "ranked-list") =>
  page.locator(`[data-testid=${list}] .name`).allTextContents();

for (const width of [320, 450]) {
  for (const lang of ["zh", "en"] as Lang[]) {
    describe(`${width} px, ${lang}`, () => {
      test("list: amounts, dimension bars, 待补充, sort both ways, empty state, distribution; steps fold; no sideways scroll; axe clean", async () => {
        const page = await scored(width, lang, { axeBefore: true });
        const first = page.locator("[data-testid=ranked-list] li").first();
        await expect(first.locator(".amounts").textContent()).resolves.toMatch(
          lang === "zh" ? /^总投资 [\d,.]+(亿|万)元/ : /^Investment CNY [\d,.]+(bn|m|k)?/
        );
        expect(await first.locator(".dimbar .seg").count()).toBe(model.dimensions.length);
        expect(await page.locator(".tag.todo").count()).toBeGreaterThan(0);
        // Steps 1 and 2 folded after scoring; the Score button is still in the pane.
        expect(
          await page.locator("#step-table").evaluate((d) => (d as HTMLDetailsElement).open)
        ).toBe(false);
        expect(
          await page.locator("#step-mapping").evaluate((d) => (d as HTMLDetailsElement).open)
        ).toBe(false);
        // Distribution with one cut line per grade above 0.
        const cuts = model.grades.bands.filter((b) => (b.min ?? 0) > 0).length;
        expect(await page.locator("[data-testid=distribution] line.cut").count()).toBe(cuts);

        // Sort by investment: descending first, then ascending with the direction button.
        await page.getByTestId("sort").selectOption("investment");
        const amounts = async () =>
          page
            .locator("[data-testid=ranked-list] button.row")
            .evaluateAll((rows) => rows.map((r) => r.querySelector(".amounts")?.textContent ?? ""));
        const desc = await rowNames(page);
        await page.getByTestId("sort-dir").click();
        expect(await focused(page)).toBe("sort-dir");
        const asc = await rowNames(page);
        expect(asc).not.toEqual(desc);
        expect((await amounts())[0]).not.toBe("");
        await page.getByTestId("sort").selectOption("rank");

        // A search that matches nothing: an empty state with a way out, focus lands in the search box.
        await page.locator("#search").fill("zzzz no such project");
        await page.getByTestId("empty").waitFor();
        await page.locator("#clear-filters").click();
        expect(await focused(page)).toBe("search");
        expect((await rowNames(page)).length).toBe(69);

        const overflow = await page.evaluate(() => {
          const doc = document.documentElement;
          return Array.from(document.querySelectorAll("#app *"))
            .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 0.5)
            .map((el) => `${el.tagName}.${el.getAttribute("class") ?? ""}`);
        });
        expect(overflow).toEqual([]);
        expect(await axeViolations(page, axeAt(width, lang))).toEqual([]);
        await page.close();
      });

      test("detail: dimension chart, criteria by dimension in words, unknowns folded; Esc returns to the row", async () => {
        const page = await scored(width, lang);
        const row = page.locator("[data-testid=ranked-list] button.row").nth(2);
        const index = await row.getAttribute("data-index");
        await row.focus();
        await page.keyboard.press("Enter");
        await page.getByTestId("detail").waitFor();
        expect(await focused(page)).toBe("detail-name");
        await shotFor(page, width, lang, "detail", "#app .results");
        const chart = page.getByTestId("dimension-chart");
        expect(await chart.locator("li").count()).toBe(model.dimensions.length);
        expect(await page.locator(".dim-block").count()).toBe(model.dimensions.length);
        // innerText keeps the line breaks between blocks, so "CNY 141m" + "Registered / total" is not read as one camelCase word.
        const words = await page.getByTestId("detail").innerText();
        expect(words).not.toMatch(/isNaN|\?\s|max\(|[a-z]+[A-Z][a-z]+ \/|==/);
        expect(words).toContain(L(lang, "分（", "pts"));
        const unknown = page.getByTestId("unknown").first();
        await expect(unknown.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
        await expect(unknown.locator("summary").textContent()).resolves.toContain(
          L(lang, "补充后最多可加", "supplying them could add up to")
        );
        expect(await axeViolations(page, axeAt(width, lang))).toEqual([]);
        await page.keyboard.press("Escape");
        await page.getByTestId("ranked-list").waitFor();
        expect(
          await page.evaluate(() => (document.activeElement as HTMLElement).dataset.index ?? "")
        ).toBe(index);
        await page.close();
      });

      test("mapping: every field, letters and samples, a change keeps focus on its field", async () => {
        const page = await scored(width, lang);
        await page.locator("#step-mapping > summary").click();
        await page.locator("details.map-group > summary").click();
        expect(await page.locator(".map-field").count()).toBe(model.fields.length);
        await shotFor(page, width, lang, "mapping", "#step-mapping");
        const inv = page.locator("#map-totalInvestment");
        await expect(inv.locator("option:checked").textContent()).resolves.toBe(
          "H · 计划总投资 · 1500万美元"
        );
        expect(await axeViolations(page, axeAt(width, lang))).toEqual([]);
        // Leave 备注 unmapped, by keyboard: focus stays on its select and the consequence shows.
        const remarks = page.locator("#map-remarks");
        await remarks.focus();
        await remarks.selectOption("");
        expect(await focused(page)).toBe("map-remarks");
        await expect(
          page.getByTestId("map-remarks").locator(".consequence").textContent()
        ).resolves.toBe(L(lang, "不影响评分，仅供查看", "no effect on scores; for reference"));
        await page.close();
      });

      test("weights: percentages summing to 100 with defaults, ▲▼ in the live top 10, apply then score again", async () => {
        const page = await scored(width, lang);
        await page.getByRole("tab", { name: L(lang, "权重", "Weights") }).click();
        await expect(page.getByTestId("weights-total").textContent()).resolves.toMatch(/100%$/);
        expect(await page.locator(".weight .default").count()).toBe(model.dimensions.length);
        const before = await rowNames(page, "weights-top");
        await page.locator("input[type=range]").first().fill("5");
        await page.waitForFunction(() => performance.getEntriesByName("zs:rerank").length > 0);
        await expect(page.getByTestId("weights-total").textContent()).resolves.toMatch(/100%$/);
        expect(await rowNames(page, "weights-top")).not.toEqual(before);
        expect(
          await page
            .locator("[data-testid=weights-top] .move.up, [data-testid=weights-top] .move.down")
            .count()
        ).toBeGreaterThan(0);
        expect(await axeViolations(page, axeAt(width, lang))).toEqual([]);
        await page.locator("#apply-weights").click();
        const msg = page.locator("[data-place=weights] .msg");
        await msg.waitFor();
        await expect(msg.getAttribute("class")).resolves.toContain("ok");
        expect(await focused(page)).toBe("apply-weights");
        // The message sits right below the button that caused it.
        const gap = await page.evaluate(() => {
          const b = document.getElementById("apply-weights")!.getBoundingClientRect();
          const m = document.querySelector("[data-place=weights] .msg")!.getBoundingClientRect();
          return m.top - b.bottom;
        });
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThan(40);
        // Writing again (Score) reuses our own columns: no refusal.
        await page.getByTestId("score").click();
        await page.locator("[data-place=score] .msg.ok").waitFor();
        // No error shown (the AHP confirmation box is there, hidden).
        expect(await page.locator(".msg.error:visible").count()).toBe(0);
        await page.close();
      });

      test("AHP: Saaty's verbal scale, the worst judgement named with a suggestion, confirmation above CR 0.1", async () => {
        const page = await scored(width, lang);
        await page.getByRole("tab", { name: L(lang, "权重", "Weights") }).click();
        await page.locator("details.ahp > summary").click();
        const pairs = page.locator("select[data-pair]");
        const labels = await pairs.first().locator("option").allTextContents();
        expect(labels.join(" ")).toContain(L(lang, "极端重要", "extremely"));
        expect(labels.join(" ")).toContain(L(lang, "同等重要", "equally important"));
        // 0 ≫ 1, 1 ≫ 2, yet 2 ≫ 0: a cycle.
        const pair = (i: number, j: number) => page.locator(`select[data-pair="${i}-${j}"]`);
        await pair(0, 1).selectOption("9");
        await pair(1, 2).selectOption("9");
        await pair(0, 2).selectOption(String(1 / 9));
        await settled(page, "ahp-cr");
        await expect(page.getByTestId("ahp-cr").textContent()).resolves.toContain("CR > 0.1");
        await expect(page.getByTestId("ahp-advice").textContent()).resolves.toContain(
          L(lang, "建议改为", "try")
        );
        await shotFor(page, width, lang, "weights-ahp", "#panel-weights .ahp");
        const weights = await page.locator("[data-pct]").allTextContents();
        await page.locator("#ahp-use").click();
        await page.locator("#ahp-cancel").waitFor();
        expect(await focused(page)).toBe("ahp-cancel");
        expect(await axeViolations(page, axeAt(width, lang))).toEqual([]);
        await page.keyboard.press("Enter");
        expect(await page.locator("[data-pct]").allTextContents()).toEqual(weights);
        expect(await focused(page)).toBe("ahp-use");
        await page.locator("#ahp-use").click();
        await page.locator("#ahp-confirm").click();
        expect(await page.locator("[data-pct]").allTextContents()).not.toEqual(weights);
        await page.close();
      });
    });
  }
}

test("targets: edited, saved into the workbook's 评分模型 sheet, with k on the same tab", async () => {
  const page = await scored(450, "zh");
  await page.getByRole("tab", { name: "目标" }).click();
  await page.locator("#k-targets").fill("3");
  await page.locator("#k-targets").press("Tab");
  await expect(page.getByTestId("target-projected").first().textContent()).resolves.toMatch(
    /^若前 3 名签约/
  );
  const first = model.targets!.items[0];
  await page.locator(`#target-${first.id}`).fill("120");
  await page.locator("#target-year").fill("2026");
  await page.locator("#save-targets").click();
  await page.locator("[data-place=targets] .msg.ok").waitFor();
  expect(await page.locator(".sheet-tab", { hasText: "评分模型" }).count()).toBe(1);
  await expect(
    page.locator(`[data-target="${first.id}"] [data-testid=target-actual]`).textContent()
  ).resolves.toMatch(/ \/ 120 /);
  expect(await axeViolations(page)).toEqual([]);
  await page.close();
});

test("preview: the banner names the open file and there is one file picker", async () => {
  const { page } = await open(450);
  await expect(page.getByTestId("open-file").textContent()).resolves.toBe("pinghu-candidates.xlsx");
  expect(await page.locator("input[type=file]").count()).toBe(1);
  expect(await page.locator("label[for=open-xlsx]").count()).toBe(1);
  expect(await axeViolations(page)).toEqual([]);
  await page.close();
});
