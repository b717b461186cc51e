/**
 * One headless Chromium (Debian's, fresh profile) and one preview server per test file, over dist/
 * built once (scripts/preview.js ensureBuilt). `open` gives a page on the preview host.
 */
import fs from "fs";
import os from "os";
import path from "path";
import type { Server } from "http";
import { chromium, type BrowserContext, type Page } from "playwright-core";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureBuilt, startServer, CHROMIUM_ARGS } = require("../../scripts/preview.js");

const CHROME = process.env.CHROME_PATH || "/usr/bin/chromium";

export interface Opened {
  page: Page;
  /** alert/confirm/prompt messages (none expected). */
  dialogs: string[];
  /** Requests that left our origin (none allowed). */
  foreign: string[];
}

export interface Preview {
  open(width?: number): Promise<Opened>;
}

/** Registers beforeAll/afterAll for the file and returns the shared preview. */
export function usePreview(): Preview {
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
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROME,
      locale: "zh-CN",
      args: CHROMIUM_ARGS,
    });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  return {
    async open(width = 360) {
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
    },
  };
}

/** Opens an .xlsx through the preview's file picker. */
export async function pickXlsx(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId("file").setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });
}

/**
 * Waits until step 1 shows the table found on `sheet` (with `rows` rows when given). Matched from the
 * start of the address: the sample's sheet names (重点招商对象清单, 经开区报送清单) contain 清单 too.
 */
export async function tableFoundOn(page: Page, sheet: string, rows?: number): Promise<void> {
  const name = sheet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const tail = rows === undefined ? "" : `\\S+ · ${rows} 行`;
  await page
    .getByTestId("table-found")
    .filter({ hasText: new RegExp(`^'?${name}'?!${tail}`) })
    .waitFor();
}

/** Waits until a part the pane fills asynchronously (aria-busy while its code loads or it works) shows its latest answer. */
export async function settled(page: Page, testId: string): Promise<void> {
  await page.locator(`[data-testid="${testId}"]:not([aria-busy])`).waitFor();
}

/** Project names in the ranked list (or the weights tab's live top 10), top first. */
export async function names(page: Page, list = "ranked-list"): Promise<string[]> {
  return page.locator(`[data-testid=${list}] .name`).allTextContents();
}

const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's violations on the page as "rule: target" lines (none expected). axe is evaluated through
 * the DevTools protocol, which the page's CSP (script-src 'self') does not govern; it is never shipped.
 * `contrast: false` leaves out the colour-contrast rule, about 85 % of a run on the scored list (8 of
 * 10 s on a two-core machine): colours come from one stylesheet whatever the width and language, so
 * files that repeat a state at several widths and languages check contrast in some of them.
 */
export async function axeViolations(page: Page, { contrast = true } = {}): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  const result = await page.evaluate(async (contrast) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown
          ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const rules = contrast ? {} : { "color-contrast": { enabled: false } };
    const r = await axe.run(document, { resultTypes: ["violations"], rules });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }, contrast);
  return result;
}

/** The id, or the data-focus key and tag, of the focused element. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "body";
    return el.id || el.dataset.focus || `${el.tagName}.${el.className}`;
  });
}

/** Waits two animation frames: weight moves re-rank on the next frame. */
export async function frames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  );
}

/**
 * A screenshot README shows: docs/screenshots/<name>.png when ZS_UPDATE_SCREENSHOTS=1, else under
 * test-output/, so an ordinary test run leaves tracked files alone. Returns the file written.
 */
export async function readmeShot(page: Page, name: string): Promise<string> {
  const file = process.env.ZS_UPDATE_SCREENSHOTS
    ? path.join(__dirname, `../../docs/screenshots/${name}.png`)
    : path.join(__dirname, `../../test-output/${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
