/**
 * The write step and the grade badges on the preview host, in both languages: the 汇总 option is
 * offered only by a host that can write the sheet (the preview cannot, so it is absent), the step
 * stays axe-clean, and every grade badge takes its colour from the one palette (src/workbook/palette.ts).
 */
import type { Page } from "playwright-core";
import type { Lang } from "../../src/engine/types";
import { gradeTone } from "../../src/workbook/palette";
import { axeViolations, usePreview } from "./browser";

const { open } = usePreview();

/** "#RRGGBB" as the computed style writes it. */
function rgb(hex: string): string {
  const n = (k: number) => parseInt(hex.slice(k, k + 2), 16);
  return `rgb(${n(1)}, ${n(3)}, ${n(5)})`;
}

async function opened(lang: Lang): Promise<Page> {
  const { page } = await open();
  if (lang === "en") await page.locator("#lang").selectOption("en");
  return page;
}

/** Each badge's text and computed background. */
async function badges(page: Page, scope: string): Promise<{ grade: string; bg: string }[]> {
  return page
    .locator(`${scope} .grade`)
    .evaluateAll((els) =>
      els.map((e) => ({ grade: e.textContent ?? "", bg: getComputedStyle(e).backgroundColor }))
    );
}

// Colour contrast is checked in Chinese only: the same colours in both languages (see axeViolations).
for (const lang of ["zh", "en"] as Lang[]) {
  describe(`write step and badges (${lang})`, () => {
    test("no 汇总 option where the host cannot write it; the write step is axe-clean", async () => {
      const page = await opened(lang);
      const step = page.locator(".score-step");
      await step.waitFor();
      await expect(step.locator("input[type=radio]").count()).resolves.toBe(2);
      await expect(page.getByTestId("summary").count()).resolves.toBe(0);
      await expect(
        step.getByText(lang === "zh" ? "汇总" : "Summary", { exact: false }).count()
      ).resolves.toBe(0);
      expect(await axeViolations(page, { contrast: lang === "zh" })).toEqual([]);
      await page.close();
    });

    test("grade badges in the list and the detail use the palette's colours", async () => {
      const page = await opened(lang);
      await page.getByTestId("score").click();
      await page.getByTestId("ranked-list").waitFor();
      const list = await badges(page, "[data-testid=ranked-list]");
      expect(list.length).toBeGreaterThan(3);
      // More than one grade shows, each in its own palette colour.
      expect(new Set(list.map((b) => b.grade)).size).toBeGreaterThan(1);
      for (const b of list)
        expect(b.bg).toBe(rgb(gradeTone(b.grade === "—" ? null : b.grade).strong));
      await page.locator("[data-testid=ranked-list] button.row").first().click();
      const detail = await badges(page, ".detail .headline");
      expect(detail).toHaveLength(1);
      expect(detail[0]).toEqual(list[0]);
      expect(await axeViolations(page, { contrast: lang === "zh" })).toEqual([]);
      await page.close();
    });
  });
}
