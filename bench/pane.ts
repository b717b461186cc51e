/* global console, document, Event, HTMLElement, HTMLInputElement, MutationObserver, performance, process, require, setTimeout, URL, window */
/**
 * The task pane in headless Chromium, served from dist/ by scripts/preview.js on 127.0.0.1:
 * - JavaScript shipped: every script the page loads, gzipped (ours; the preview's own chunk and
 *   office.js reported beside it, since Excel users download neither from us);
 * - first render: a generated workbook of N candidates chosen in the preview's file picker, until the
 *   ranked list shows after Score (baseline: the bundled sample workbook the same way);
 * - re-rank: main-thread work from a weight slider's input event to the laid-out list (the pane
 *   re-ranks in the next animation frame), baseline: the sample;
 * - opening a detail: main-thread work from clicking a row of 1 000 to its detail laid out.
 */
import fs from "fs";
import path from "path";
import zlib from "zlib";
import type { Browser, Page } from "playwright-core";
import defaultModel from "../src/models/pinghu-2023.json";
import type { ScoringModel } from "../src/engine/types";
import { main, median, reason, ROOT, unavailable, type Baseline, type Figure } from "./lib/measure";
import { candidateWorkbook } from "./lib/workbook";

const MODEL = defaultModel as unknown as ScoringModel;
const DIST = path.join(ROOT, "dist");
const SAMPLE = path.join(DIST, "examples", "pinghu-candidates.xlsx");

const preview = require(path.join(ROOT, "scripts", "preview.js")) as {
  CHROMIUM_ARGS: string[];
  startServer: (o?: {
    root?: string;
    port?: number;
  }) => Promise<{ server: import("http").Server; url: string }>;
};

async function launch(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  // launch() gives each browser a fresh temporary profile (it refuses a --user-data-dir argument).
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    args: preview.CHROMIUM_ARGS,
  });
}

/** The preview's own chunk: loaded only outside Office, so not part of what Excel users download. */
const PREVIEW_CHUNK = "preview.js";

/**
 * Gzipped bytes of every script the page loaded from our origin: ours (the production pane), the
 * preview's chunk, and office.js.
 */
function shippedScripts(
  urls: string[],
  origin: string
): { ours: number; office: number; preview: number; files: string[] } {
  let ours = 0;
  let office = 0;
  let preview = 0;
  const files: string[] = [];
  for (const url of new Set(urls)) {
    if (!url.startsWith(origin)) continue;
    const rel = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, "");
    const file = path.join(DIST, rel);
    if (!fs.existsSync(file)) continue;
    const gz = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
    if (rel.startsWith("office-js/")) office += gz;
    else if (rel === PREVIEW_CHUNK) preview += gz;
    else {
      ours += gz;
      files.push(rel);
    }
  }
  return { ours, office, preview, files };
}

/** Chunks the pane fetches only when a feature is first used (the weights tab's AHP helper and committee, the targets tab, compare, committee, a model sheet, the 汇总 sheet). */
const LAZY_CHUNKS = [
  "weights-tools.js",
  "targets.js",
  "compare.js",
  "committee.js",
  "model-sheet.js",
  "summary.js",
  "summary-writer.js",
];

function lazyChunks(): string {
  const sizes = LAZY_CHUNKS.filter((f) => fs.existsSync(path.join(DIST, f))).map(
    (f) =>
      `${f} ${(zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length / 1024).toFixed(1)} KB`
  );
  return sizes.length > 0 ? `fetched on first use: ${sizes.join(", ")}; ` : "";
}

async function openPane(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  page.setDefaultTimeout(60_000);
  await page.goto(url);
  await page.waitForSelector('[data-testid="table-found"]');
  return page;
}

/** How many of the pane's User Timing measures `name` the page has recorded (src/taskpane/perf.ts). */
function measures(page: Page, name: string): Promise<number> {
  return page.evaluate((n) => performance.getEntriesByName(n, "measure").length, name);
}

/** Waits for the page's next measure `name` after `seen` of them; its duration in ms. */
async function nextMeasure(page: Page, name: string, seen: number): Promise<number> {
  await page.waitForFunction(
    ([n, k]) => performance.getEntriesByName(n as string, "measure").length > (k as number),
    [name, seen] as const,
    { polling: 50 }
  );
  return page.evaluate(
    ([n, k]) => performance.getEntriesByName(n as string, "measure")[k as number].duration,
    [name, seen] as const
  );
}

interface Render {
  /** From choosing the file to the ranked list shown. */
  total: number;
  /** The pane's part: locating and mapping the table (zs:read), scoring to the list laid out (zs:first-render). */
  read: number;
  score: number;
}

/**
 * Choosing `file` in the picker, then Score, to the ranked list. The views update in place, so the
 * steps are told apart by the pane's own measures, not by new elements.
 */
async function firstRender(page: Page, file: string, rows?: number): Promise<Render> {
  const reads = await measures(page, "zs:read");
  const renders = await measures(page, "zs:first-render");
  // The same file chosen twice in a row fires no change event: clear the picker first.
  await page.setInputFiles('[data-testid="file"]', []);
  const t0 = Date.now();
  await page.setInputFiles('[data-testid="file"]', file);
  const read = await nextMeasure(page, "zs:read", reads);
  if (rows !== undefined) {
    const text = await page.locator('[data-testid="table-found"]').innerText();
    if (!new RegExp(`\\b${rows}\\b`).test(text))
      throw new Error(`the pane found "${text}", not ${rows} rows`);
  }
  await page.click('[data-testid="score"]');
  const score = await nextMeasure(page, "zs:first-render", renders);
  await page.waitForSelector('.results:not([hidden]) [data-testid="ranked-list"] li');
  return { total: Date.now() - t0, read, score };
}

/**
 * Main-thread milliseconds of each weight change: the input handler, then the animation-frame work it
 * schedules, each followed by a forced layout so style and layout count too.
 */
async function rerank(page: Page, runs: number): Promise<number[]> {
  await page.getByRole("tab", { name: /权重|Weights/ }).click();
  await page.waitForSelector('input[type="range"][data-dimension]');
  return page.evaluate(async (count) => {
    const range = document.querySelector<HTMLInputElement>('input[type="range"][data-dimension]')!;
    const list = document.querySelector('[data-testid="weights-top"]')!;
    const raf = window.requestAnimationFrame.bind(window);
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      let work = 0;
      let changed = false;
      const observer = new MutationObserver(() => (changed = true));
      observer.observe(list, { childList: true, subtree: true, characterData: true });
      window.requestAnimationFrame = (cb) =>
        raf((ts) => {
          const s = performance.now();
          cb(ts);
          void document.body.offsetHeight;
          work += performance.now() - s;
        });
      range.value = String(i % 2 ? 10 : 90);
      const s = performance.now();
      range.dispatchEvent(new Event("input", { bubbles: true }));
      void document.body.offsetHeight;
      work += performance.now() - s;
      const deadline = performance.now() + 5000;
      while (!changed && performance.now() < deadline)
        await new Promise((r) => raf(() => setTimeout(r, 0)));
      window.requestAnimationFrame = raf;
      observer.disconnect();
      if (!changed) throw new Error("the ranked list did not change after a weight move");
      out.push(work);
    }
    return out;
  }, runs);
}

/** Main-thread milliseconds from clicking a row to its detail laid out; the detail is closed between runs. */
async function openDetails(page: Page, runs: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      const rows = document.querySelectorAll<HTMLElement>('[data-testid="ranked-list"] button.row');
      const s = performance.now();
      rows[i % rows.length].click();
      void document.body.offsetHeight;
      out.push(performance.now() - s);
      document.getElementById("detail-back")!.click();
      await new Promise((r) => setTimeout(r, 0));
    }
    return out;
  }, runs);
}

async function measurePane(): Promise<Figure[]> {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error(
      `dist/taskpane.html is missing${process.env.ZS_BENCH_BUILD ? `: ${process.env.ZS_BENCH_BUILD}` : ""}`
    );
  }
  const { server, url } = await preview.startServer({ root: DIST });
  const browser = await launch();
  const out: Figure[] = [];
  try {
    const origin = new URL(url).origin;
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on("response", (r) => {
      if (r.request().resourceType() === "script") scripts.push(r.url());
    });
    await page.goto(url);
    // Scripts loaded later (chunks) come in by the first render; the count holds without it too.
    await page.waitForSelector('[data-testid="table-found"]').catch(() => undefined);
    await page.close();
    const shipped = shippedScripts(scripts, origin);
    const functions = path.join(DIST, "functions.js");
    out.push({
      id: "pane.gzip",
      value: shipped.ours / 1024,
      baseline: fs.existsSync(functions)
        ? {
            name: "functions bundle (engine, no UI)",
            value: zlib.gzipSync(fs.readFileSync(functions), { level: 9 }).length / 1024,
          }
        : undefined,
      note: `${shipped.files.join(", ")}; ${lazyChunks()}the preview's ${PREVIEW_CHUNK} adds ${Math.round(shipped.preview / 1024)} KB outside Office; office.js from our origin adds ${Math.round(shipped.office / 1024)} KB`,
    });

    // Baselines: the bundled sample through the same steps.
    let renderBase: Baseline | undefined;
    let rerankBase: Baseline | undefined;
    if (fs.existsSync(SAMPLE)) {
      const p = await openPane(browser, url);
      try {
        const times = [];
        for (let i = 0; i < 3; i++) times.push((await firstRender(p, SAMPLE)).total);
        renderBase = { name: "the bundled sample", value: median(times.slice(1)) };
        rerankBase = { name: "the bundled sample", value: median((await rerank(p, 7)).slice(2)) };
      } catch (e) {
        console.error(`pane: no baseline from the sample: ${reason(e)}`);
      } finally {
        await p.close();
      }
    }
    for (const rows of [1000, 10_000]) {
      const p = await openPane(browser, url);
      try {
        const file = await candidateWorkbook(MODEL, rows);
        const runs = rows >= 10_000 ? 1 : 3;
        const renders: Render[] = [];
        for (let i = 0; i <= runs; i++) renders.push(await firstRender(p, file, rows));
        const timed = renders.slice(1);
        const ms = (k: keyof Render) => Math.round(median(timed.map((r) => r[k])));
        out.push({
          id: `pane.render.${rows}`,
          value: median(timed.map((r) => r.total)),
          samples: timed.map((r) => r.total),
          baseline: renderBase,
          note: `median of ${runs} after a warm-up: the pane ${ms("read")} ms locating and mapping, ${ms("score")} ms scoring to the list; the rest is the preview reading the .xlsx`,
        });
        if (rows === 1000) {
          const opened = await openDetails(p, 7);
          out.push({
            id: "pane.detail.1000",
            value: median(opened.slice(2)),
            samples: opened.slice(2),
            note: "click to the detail laid out (zs:detail measure plus the click handler)",
          });
        }
        const work = (await rerank(p, 9)).slice(2);
        out.push({
          id: `pane.rerank.${rows}`,
          value: median(work),
          samples: work,
          baseline: rerankBase,
        });
      } catch (e) {
        // One size failing (a pane still in progress) leaves the other's figures standing.
        const ids = [`pane.render.${rows}`, `pane.rerank.${rows}`];
        if (rows === 1000) ids.push("pane.detail.1000");
        for (const id of ids) {
          if (!out.some((f) => f.id === id)) out.push(unavailable(id, reason(e)));
        }
      } finally {
        await p.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}

main([
  {
    ids: [
      "pane.gzip",
      "pane.render.1000",
      "pane.render.10000",
      "pane.rerank.1000",
      "pane.rerank.10000",
      "pane.detail.1000",
    ],
    run: measurePane,
  },
]);
