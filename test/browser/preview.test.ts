/**
 * Drives the task pane on its preview host in headless Chromium: score, ranked list, detail, weights,
 * filters, language, the user's own .xlsx through the file picker, and a hostile project name.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import { frames, names, pickXlsx, readmeShot, tableFoundOn, usePreview } from "./browser";

const HOSTILE = "<img src=x onerror=alert(1)>";
const { open } = usePreview();

async function userWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("我的清单");
  ws.addRow(["项目名称", "总投资", "所属产业链", "项目进度", "投资方国别", "主要产品"]);
  ws.addRow([HOSTILE, "15亿元", "新能源汽车", "签约", "德国", "动力电池"]);
  ws.addRow(["数控机床项目", "4400万美元", "高档数控机床", "开工", "日本", "数控机床"]);
  ws.addRow(["种苗基地", "5000万元", "种子种苗", "洽谈", "中国", "种子种苗"]);
  ws.addRow(["光通信模块", "3亿元", "光电通信", "在谈", "中国", "光模块"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("a user's .xlsx opens through the file picker, scores, and a hostile name stays text", async () => {
  const { page, dialogs, foreign } = await open();
  await pickXlsx(page, "mine.xlsx", await userWorkbook());
  await tableFoundOn(page, "我的清单");
  await expect(page.getByTestId("table-found").textContent()).resolves.toContain("4 行");
  await page.getByTestId("score").click();
  await page.getByTestId("ranked-list").waitFor();
  const list = await names(page);
  expect(list).toHaveLength(4);
  expect(list).toContain(HOSTILE);
  await expect(page.getByText(HOSTILE, { exact: true }).first().isVisible()).resolves.toBe(true);
  expect(await page.locator("img").count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(foreign).toEqual([]);

  // detail view of the top candidate, with a bar per criterion and the explanation
  await page.locator("[data-testid=ranked-list] button.row").first().click();
  await page.getByTestId("explanation").waitFor();
  expect(await page.locator("li.bar").count()).toBeGreaterThan(3);
  await page.close();
});

test("sample: score, filter by chain, move a weight to change the order, switch language", async () => {
  const { page, dialogs } = await open(420);
  await page.getByTestId("score").click();
  await page.getByTestId("ranked-list").waitFor();
  const before = await names(page);
  expect(before.length).toBeGreaterThan(3);
  // README shows docs/screenshots/ranked-list.png (refreshed when ZS_UPDATE_SCREENSHOTS=1).
  await page.evaluate(() => document.querySelector("#app .results")?.scrollIntoView());
  const shot = await readmeShot(page, "ranked-list");
  expect(fs.statSync(shot).size).toBeGreaterThan(10_000);

  const chain = page.getByTestId("filter-chain");
  const chains = await chain
    .locator("option")
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  await chain.selectOption(chains[1]);
  const filtered = await names(page);
  expect(filtered.length).toBeGreaterThan(0);
  expect(filtered.length).toBeLessThan(before.length);
  await chain.selectOption("");

  await page.getByRole("tab", { name: "权重" }).click();
  const top = await names(page, "weights-top");
  // all weight on one dimension, then on another: the order must change
  const sliders = page.locator("input[type=range]");
  const n = await sliders.count();
  for (let k = 0; k < n; k++) await sliders.nth(k).fill(k === 0 ? "100" : "0");
  await frames(page);
  const scaleOnly = await names(page, "weights-top");
  for (let k = 0; k < n; k++) await sliders.nth(k).fill(k === n - 1 ? "100" : "0");
  await frames(page);
  const other = await names(page, "weights-top");
  expect(scaleOnly).not.toEqual(other);
  expect(top.length).toBeGreaterThan(0);

  await page.locator("header select").selectOption("en");
  await expect(page.getByRole("tab", { name: "Weights" }).isVisible()).resolves.toBe(true);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("en-US");
  expect(dialogs).toEqual([]);
  await page.close();
});

test("mapping: each mapped column says how its cells were read — read, with a note (a bound …), guessed (？) and unreadable with the cell — in zh and en", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("报送清单");
  ws.addRow(["项目名称", "总投资", "所属产业链", "项目进度"]);
  ws.addRow(["甲项目", 40000, "新能源汽车", "签约"]);
  ws.addRow(["乙项目", "2亿元", "光电通信", "洽谈"]);
  ws.addRow(["丙项目", "#N/A", "生物医药", "开工"]);
  ws.addRow(["丁项目", 5000, "种子种苗", "洽谈"]);
  ws.addRow(["戊项目", "约3亿元", "种子种苗", "洽谈"]);
  const { page } = await open(320);
  await pickXlsx(page, "bare.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
  await tableFoundOn(page, "报送清单");
  const reading = page.getByTestId("reading-totalInvestment");
  await expect(reading.locator("p").first().innerText()).resolves.toBe(
    "单元格：已读 1，带说明 1，猜测 2，无法读取 1"
  );
  await expect(reading.locator(".noted li").innerText()).resolves.toBe(
    "B6：读作约数 3 亿元，按该数取值"
  );
  await expect(reading.locator(".guessed").innerText()).resolves.toBe("？按假定单位读取：B2、B5");
  await expect(reading.locator(".unreadable li").innerText()).resolves.toMatch(/^B4：/);
  await page.locator("#lang").selectOption("en");
  const en = page.getByTestId("reading-totalInvestment");
  await expect(en.locator("p").first().innerText()).resolves.toBe(
    "Cells: read 1, with a note 1, guessed 2, unreadable 1"
  );
  await expect(en.locator(".noted li").innerText()).resolves.toMatch(/^B6: read as about /);
  await expect(en.locator(".guessed").innerText()).resolves.toBe(
    "? read in an assumed unit: B2, B5"
  );
  await expect(en.locator(".unreadable li").innerText()).resolves.toMatch(/^B4: /);
  await page.close();
});

test("a file that is not an .xlsx is refused in the pane's language, naming the file, and the open workbook stays", async () => {
  const { page, dialogs } = await open(320);
  await pickXlsx(page, "清单.xlsx", Buffer.from("项目名称,总投资\nA,100\n"));
  const status = page.locator("#preview .msg-inline");
  await status.filter({ hasText: "清单.xlsx" }).waitFor();
  await expect(status.textContent()).resolves.toBe(
    "清单.xlsx：不是 zip 压缩包（.xlsx）：缺少中央目录结尾记录"
  );
  await expect(page.getByTestId("open-file").textContent()).resolves.toBe("pinghu-candidates.xlsx");
  expect(dialogs).toEqual([]);
  await page.close();
});
