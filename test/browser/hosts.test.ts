/**
 * The pane's UI reads the list of test/fixtures/hosts.ts as the other hosts do (ZS functions and the
 * CLI: test/functions/hosts.test.ts): the mapping step shows the workbook layer's reading report for
 * each column, and the scores the preview writes equal the workbook path's.
 */
import { readingCounts } from "../../src/workbook/reading";
import { listXlsx, ROWS, SHEET, workbookPath } from "../fixtures/hosts";
import { pickXlsx, tableFoundOn, usePreview } from "./browser";

const { open } = usePreview();

test("the pane shows the same readings and writes the same scores as the workbook path", async () => {
  const { mapping, scores } = workbookPath();
  const { page } = await open(450);
  await pickXlsx(page, "list.xlsx", await listXlsx());
  await tableFoundOn(page, SHEET, ROWS.length);
  expect(mapping.report!.length).toBeGreaterThan(4);
  for (const r of mapping.report!) {
    const line = page.getByTestId(`reading-${r.field}`).locator("p").first();
    // textContent: optional fields sit in a folded group.
    await expect(line.textContent()).resolves.toBe(`单元格：${readingCounts(r, "zh")}`);
  }
  // The unreadable #N/A in C4 is named with its address, as the CLI names it.
  await expect(
    page.getByTestId("reading-registeredCapital").locator(".unreadable").textContent()
  ).resolves.toContain("C4");

  await page.getByTestId("score").click();
  await page.getByTestId("ranked-list").waitFor();
  // The preview's sheet view shows the written cells: the score column under our clean header 得分.
  const rows = await page
    .locator(".sheet-view table.sheet tr")
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? ""))
    );
  expect(rows[0].filter((h) => h === "得分")).toHaveLength(1);
  const col = rows[0].indexOf("得分");
  expect(rows.slice(1, 1 + scores.length).map((r) => Number(r[col]))).toEqual(scores);
  await page.close();
});
