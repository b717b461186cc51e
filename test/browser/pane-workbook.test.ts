/**
 * The pane over a user's workbook in headless Chromium (the preview host): the model sheet found by
 * its marker though renamed and hidden, and a review committee read from one sheet per expert —
 * combined weights with each expert's CR and the agreement, then a sheet that differs named with
 * its cell.
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/engine/types";
import { modelToGrid } from "../../src/workbook";
import { model } from "../models/sample-helpers";
import { axeViolations, pickXlsx, tableFoundOn, usePreview } from "./browser";

const { open } = usePreview();
jest.setTimeout(180_000);

const dims = model.dimensions;
const a = dims.map((_, i) => dims.length - i);
const b = dims.map((_, i) => (i === 0 ? dims.length : i + 1));

/** An expert's consistent judgements w_i / w_j as a matrix under a title, upper side only. */
function matrixRows(w: number[]): CellValue[][] {
  return [
    ["专家判断矩阵"],
    [],
    ["维度", ...dims.map((d) => d.label.zh)],
    ...dims.map((d, i) => [d.label.zh, ...dims.map((_, j) => (j >= i ? w[i] / w[j] : null))]),
  ];
}

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const list = wb.addWorksheet("候选清单");
  list.addRow(["项目名称", "总投资", "所属产业链", "项目进度", "投资方国别"]);
  list.addRow(["动力电池项目", "15亿元", "新能源汽车", "签约", "德国"]);
  list.addRow(["数控机床项目", "4400万美元", "高档数控机床", "开工", "日本"]);
  list.addRow(["光通信模块", "3亿元", "光电通信", "在谈", "中国"]);
  const m = wb.addWorksheet("模型 2024");
  m.state = "hidden";
  for (const row of modelToGrid(model, "zh")) m.addRow(row);
  wb.addWorksheet("王").addRows(matrixRows(a));
  wb.addWorksheet("李").addRows(matrixRows(b));
  const bad = wb.addWorksheet("赵");
  bad.addRows(matrixRows(a));
  // C4: the first dimension's judgement against the second.
  bad.getCell("C4").value = "很重要";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("a renamed, hidden model sheet is used; a committee is read from one sheet per expert", async () => {
  const { page, dialogs } = await open(320);
  // The model sheet's reader is a chunk fetched only for a workbook with a marked model sheet.
  const chunks = () =>
    page.evaluate(() =>
      performance.getEntriesByType("resource").map((e) => e.name.replace(/^.*\//, ""))
    );
  expect(await chunks()).not.toContain("model-sheet.js");
  await pickXlsx(page, "committee.xlsx", await workbook());
  await tableFoundOn(page, "候选清单");
  await page.getByText("使用工作簿中的评分模型「模型 2024」").waitFor();
  expect(await chunks()).toContain("model-sheet.js");
  await page.getByTestId("score").click();
  await page.getByTestId("ranked-list").locator("li").first().waitFor();

  await page.getByRole("tab", { name: "权重" }).click();
  const committee = page.getByTestId("committee");
  await committee.locator("summary").click();
  // The experts' sheets are offered; the list and the (hidden) model sheet are not.
  const offered = committee.getByTestId("committee-sheets").locator("label");
  await expect(offered.allTextContents()).resolves.toEqual(["王", "李", "赵"]);
  await committee.getByLabel("王", { exact: true }).check();
  await committee.getByLabel("李", { exact: true }).check();
  await page.locator("#committee-read-sheets").click();
  // The committee's reader is a chunk fetched on first use: wait for its three lines.
  const experts = page.getByTestId("committee-experts").locator("li");
  await experts.nth(2).waitFor();
  await expect(experts.allTextContents()).resolves.toEqual([
    "王：CR 0 ✓",
    "李：CR 0 ✓",
    "合并判断的 CR：CR 0 ✓",
  ]);
  await expect(page.getByTestId("committee-agreement").textContent()).resolves.toMatch(
    /^专家一致性 Kendall W = 0\.\d\d/
  );
  await expect(page.getByTestId("committee-weights").locator("li").count()).resolves.toBe(
    dims.length
  );
  expect(await axeViolations(page)).toEqual([]);
  // Excel's narrowest pane: nothing scrolls sideways.
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth
    )
  ).toBe(true);

  // AIP: no combined matrix, so no combined CR line.
  await page.locator("#committee-aggregation").selectOption("aip");
  await page.locator("#committee-read-sheets").click();
  await page.getByText("合并后的维度权重（各专家权重的几何平均，AHP）").waitFor();
  await expect(experts.count()).resolves.toBe(2);

  // A sheet whose cell is not a judgement is named with the cell.
  await committee.getByLabel("赵", { exact: true }).check();
  await page.locator("#committee-read-sheets").click();
  await expect(
    page.getByTestId("committee-result").locator(".msg.error").textContent()
  ).resolves.toBe("工作表「赵」的 C4：“很重要”不是判断值（应为 1–9，或 1/3 这样的倒数）");
  expect(dialogs).toEqual([]);
  await page.close();
});
