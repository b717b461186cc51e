/**
 * Drives the task pane on its preview host in headless Chromium: score, ranked list, detail, weights,
 * filters, language, the user's own .xlsx through the file picker, and a hostile project name.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import type { Server } from "http";
import { chromium, type BrowserContext, type Page } from "playwright-core";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureBuilt, startServer } = require("../../scripts/preview.js");

const CHROME = process.env.CHROME_PATH || "/usr/bin/chromium";
const HOSTILE = "<img src=x onerror=alert(1)>";

let browser: BrowserContext;
let server: Server;
let url: string;
let profile: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROME)) {
    throw new Error(
      `No Chromium at ${CHROME}: install it (apt-get install -y chromium) or set CHROME_PATH`
    );
  }
  ensureBuilt();
  ({ server, url } = await startServer({ port: 0 }));
  profile = fs.mkdtempSync(path.join(os.tmpdir(), "zs-chrome-"));
  // a fresh profile (user data dir) per run
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME,
    locale: "zh-CN",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  dialogs: string[];
  foreign: string[];
}

async function open(width = 360): Promise<Opened> {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: 900 });
  const dialogs: string[] = [];
  const foreign: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("request", (r) => {
    if (!r.url().startsWith(new URL(url).origin) && !r.url().startsWith("data:"))
      foreign.push(r.url());
  });
  await page.goto(url);
  await page.getByTestId("table-found").waitFor();
  return { page, dialogs, foreign };
}

async function names(page: Page): Promise<string[]> {
  return page.locator("[data-testid=ranked-list] .name").allTextContents();
}

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
  await page.getByTestId("file").setInputFiles({
    name: "mine.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await userWorkbook(),
  });
  await page.getByTestId("table-found").filter({ hasText: "我的清单" }).waitFor();
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
  await page.screenshot({
    path: path.join(__dirname, "../../docs/screenshots/ranked-list.png"),
    fullPage: false,
  });

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
  const top = await names(page);
  // all weight on one dimension, then on another: the order must change
  const sliders = page.locator("input[type=range]");
  const n = await sliders.count();
  for (let k = 0; k < n; k++) await sliders.nth(k).fill(k === 0 ? "100" : "0");
  const scaleOnly = await names(page);
  for (let k = 0; k < n; k++) await sliders.nth(k).fill(k === n - 1 ? "100" : "0");
  const other = await names(page);
  expect(scaleOnly).not.toEqual(other);
  expect(top.length).toBeGreaterThan(0);

  await page.locator("header select").selectOption("en");
  await expect(page.getByRole("tab", { name: "Weights" }).isVisible()).resolves.toBe(true);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("en-US");
  expect(dialogs).toEqual([]);
  await page.close();
});
