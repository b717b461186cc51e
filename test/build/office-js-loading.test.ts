/**
 * Loads the built pages in Chromium the way Excel starts them, for each office.js source the build offers.
 * The query `_host_Info=Excel$Win32$16.01$zh-CN$$$$0` (Mac$16.00, Web$16.00; en-US) is what Excel puts on
 * the page's URL; it makes office.js run its host start-up: the locale strings <base><locale>/office_strings.js
 * (else <base>en-us/…, else it throws), the host file <base>excel-<platform>-<version>[-core].js, then the
 * handshake with the host (window.external.GetContext on desktop; on the web a getAppContextAsync message
 * posted to Excel's frame, whose conversation and URL Excel passes in the `_xdm_Info` fragment). Each page must get every script it asks
 * for with 200 and throw nothing before that handshake.
 * - self-hosted: served from the build's own office-js/ copy.
 * - cdn, cdn-21vianet: no network here, so requests to the CDN are answered from @microsoft/office-js's
 *   dist/ by path under the CDN's base. Chromium still enforces the page's CSP, and every URL office.js
 *   builds must sit under the option's base.
 * On the build before this test (office_strings.js copied flat into dist/office-js/), the self-hosted check
 * fails: "GET /office-js/zh-cn/office_strings.js → 404" and office.js throws "Neither the locale, zh-cn,
 * provided by the host app nor the fallback locale en-us are supported." Set ZS_LOADING_DIST to a built
 * self-hosted dist/ to check that build instead of building one.
 */
import { spawn } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import type { Server } from "http";
import { parse } from "acorn";
import { chromium, type Browser, type Page } from "playwright-core";

/* eslint-disable @typescript-eslint/no-require-imports */
const { startServer, CHROMIUM_ARGS } = require("../../scripts/preview.js");
const { OPTIONS, PACKAGE_DIST, officeJsOption } = require("../../scripts/office-js.js");
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.resolve(__dirname, "../..");
const CHROME = process.env.CHROME_PATH || "/usr/bin/chromium";
const PAGES = ["taskpane.html", "functions.html", "commands.html"];
const HOSTS = [
  { platform: "Win32", version: "16.01" },
  { platform: "Mac", version: "16.00" },
  { platform: "Web", version: "16.00" },
];
const LOCALES = ["zh-CN", "en-US"];
const WEB_HOST = "https://excel.officeapps.live.com/x/_layouts/xlviewerinternal.aspx";

interface OfficeJsOption {
  name: string;
  base: string;
  source: string;
  selfHosted: boolean;
}

/**
 * Builds the pages (add-in and functions builds) with office.js from `option` into a fresh directory. The
 * CDN variants differ from the self-hosted one only in the pages' office.js tags and CSP, so they skip the
 * minifier (development mode) to keep this test's builds short; all three skip the type check.
 */
function build(option: string, out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const mode = option === "self-hosted" ? "production" : "development";
    const child = spawn(
      "npx",
      [
        ...["webpack", "--mode", mode, "--config-name", "addin", "--config-name", "functions"],
        // Types are checked by `npm run build` and `npm run typecheck`; here only the pages matter.
        ...["--env", `officeJs=${option}`, "--env", "transpileOnly", "--output-path", out],
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] }
    );
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    child.on("close", (code) =>
      code === 0 && fs.existsSync(path.join(out, "taskpane.html"))
        ? resolve()
        : reject(
            new Error(`webpack --env officeJs=${option} failed (${code}):\n${log.slice(-3000)}`)
          )
    );
  });
}

interface Load {
  /** Script URLs the page asked for, with the status each got (0: never answered, e.g. refused by the CSP). */
  scripts: Map<string, number>;
  /** Errors thrown (or console errors) before the handshake, and CSP refusals at any time. */
  problems: string[];
  handshake: string | null;
}

/**
 * Stands in for the host's side of the handshake, so reaching it is observable: desktop office.js calls
 * window.external.GetContext() (we throw, as Office is absent, which office.js catches); on the web it posts
 * getAppContextAsync to Excel's frame (here the page itself, so the post is watched, not answered).
 */
function hostStub(platform: string): void {
  const w = window as unknown as { __zs: { handshake: string | null; errors: string[] } };
  w.__zs = { handshake: null, errors: [] };
  const reached = (how: string) => (w.__zs.handshake = w.__zs.handshake ?? how);
  window.addEventListener("error", (e) => {
    if (!w.__zs.handshake) w.__zs.errors.push(String(e.message));
  });
  if (platform === "Web") {
    const post = window.postMessage.bind(window);
    window.postMessage = ((message: unknown, target: string) => {
      if (String(message).includes("getAppContextAsync"))
        reached("getAppContextAsync to the host frame");
      return post(message, target);
    }) as typeof window.postMessage;
  } else {
    (window.external as unknown as { GetContext: () => never }).GetContext = () => {
      reached("window.external.GetContext");
      throw new Error("no Office host in this test");
    };
  }
}

async function load(
  page: Page,
  url: string,
  platform: string,
  option: OfficeJsOption
): Promise<Load> {
  const scripts = new Map<string, number>();
  const problems: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.set(r.url(), 0);
  });
  page.on("response", (r) => {
    if (scripts.has(r.url())) scripts.set(r.url(), r.status());
  });
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  await page.addInitScript(hostStub, platform);
  if (!option.selfHosted) {
    // The CDN answered from the package: the same files under the same relative paths.
    await page.route(`${option.source}/**`, async (route) => {
      const requested = route.request().url();
      const rel = requested.startsWith(option.base) ? requested.slice(option.base.length) : null;
      const file = rel === null ? null : path.join(PACKAGE_DIST, rel.split("?")[0]);
      if (file && fs.existsSync(file) && fs.statSync(file).isFile()) {
        await route.fulfill({ path: file, contentType: "text/javascript; charset=utf-8" });
      } else {
        await route.fulfill({ status: 404, body: `not under ${option.base}: ${requested}` });
      }
    });
  }
  // The web host passes its conversation in the fragment: conversation id | add-in id | host frame URL
  // (a Microsoft host, so office.js trusts it and goes straight to the handshake).
  const xdm =
    platform === "Web" ? `#&_xdm_Info=zs-test|zs-addin|${encodeURIComponent(WEB_HOST)}` : "";
  await page.goto(`${url}${xdm}`);
  const handshake = await page
    .waitForFunction(
      () => (window as unknown as { __zs: { handshake: string | null } }).__zs.handshake,
      null,
      {
        timeout: 10_000,
      }
    )
    .then((h) => h.jsonValue() as Promise<string>)
    .catch(() => null);
  const errors = await page.evaluate(
    () => (window as unknown as { __zs: { errors: string[] } }).__zs.errors
  );
  problems.push(...errors);
  return { scripts, problems, handshake };
}

describe("office.js loads the way Excel starts the add-in", () => {
  let browser: Browser;
  let server: Server | undefined;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "zs-officejs-"));
  const dists: Record<string, string> = {};

  beforeAll(async () => {
    if (!fs.existsSync(CHROME))
      throw new Error(
        `No Chromium at ${CHROME}: install it (apt-get install -y chromium) or set CHROME_PATH`
      );
    // One build at a time: npm test runs other builds (functions bundle, preview) beside this file.
    for (const name of Object.keys(OPTIONS) as string[]) {
      if (name === "self-hosted" && process.env.ZS_LOADING_DIST) {
        dists[name] = path.resolve(process.env.ZS_LOADING_DIST);
        continue;
      }
      dists[name] = path.join(work, name);
      await build(name, dists[name]);
    }
    browser = await chromium.launch({ executablePath: CHROME, args: CHROMIUM_ARGS });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  test.each(Object.keys(OPTIONS))(
    "%s: every page, host and locale gets each script with 200 and reaches the handshake",
    async (name) => {
      const option: OfficeJsOption = officeJsOption(name);
      const started = await startServer({ root: dists[name], port: 0 });
      server = started.server;
      const origin = new URL(started.url).origin;
      const base = option.selfHosted ? `${origin}/${option.base}` : option.base;
      const failures: string[] = [];
      for (const pageName of PAGES) {
        const html = fs.readFileSync(path.join(dists[name], pageName), "utf8");
        // The page loads office.js (or the functions runtime) from the option's base, first.
        const entry = pageName === "functions.html" ? "custom-functions-runtime.js" : "office.js";
        if (
          !html.includes(`src=${option.base}${entry}`) &&
          !html.includes(`src="${option.base}${entry}"`)
        )
          failures.push(`${pageName}: does not load ${option.base}${entry}`);
        for (const { platform, version } of HOSTS) {
          for (const locale of LOCALES) {
            const hostInfo = `Excel$${platform}$${version}$${locale}$$$$0`;
            const page = await browser.newPage();
            const url = `${origin}/${pageName}?_host_Info=${hostInfo}`;
            const result = await load(page, url, platform, option);
            await page.close();
            const at = `${pageName} ${hostInfo}`;
            for (const [u, status] of result.scripts) {
              if (status !== 200) failures.push(`${at}: GET ${u} → ${status || "no response"}`);
              if (!u.startsWith(origin) && !u.startsWith(option.base))
                failures.push(`${at}: ${u} is outside ${option.base}`);
            }
            // office.js asked for the host's locale strings and host file under its base.
            const core = pageName === "functions.html" ? "-core" : "";
            for (const want of [
              `${base}${locale.toLowerCase()}/office_strings.js`,
              `${base}excel-${platform.toLowerCase()}-${version}${core}.js`,
            ]) {
              if (!result.scripts.has(want)) failures.push(`${at}: never asked for ${want}`);
            }
            for (const p of result.problems) failures.push(`${at}: ${p}`);
            if (!result.handshake) failures.push(`${at}: never reached the host handshake`);
          }
        }
      }
      expect(failures).toEqual([]);
    },
    300_000
  );
  // package.json's browserslist floor is Safari 14.1 (ES2020 syntax; flex gap and replaceChildren in the pane).
  test("the production bundles parse as ES2020, the syntax Safari 14.1 and Chromium 85 run", () => {
    const dist = dists["self-hosted"];
    for (const bundle of ["taskpane.js", "commands.js", "functions.js"]) {
      const code = fs.readFileSync(path.join(dist, bundle), "utf8");
      expect(() => parse(code, { ecmaVersion: 2020, sourceType: "script" })).not.toThrow();
    }
    // and a newer construct would be refused: the check can fail
    expect(() => parse("class A { static { } }", { ecmaVersion: 2020 })).toThrow();
  });

  test("without constructed stylesheets (Safari < 16.4) the pane is styled by a <style> the CSP allows", async () => {
    const started = await startServer({ root: dists["self-hosted"], port: 0 });
    server = started.server;
    const page = await browser.newPage();
    const csp: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) csp.push(m.text());
    });
    await page.addInitScript(() => {
      delete (Document.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    });
    await page.goto(started.url);
    await page.locator("main.pane").waitFor({ state: "attached" });
    const styled = await page.evaluate(() => ({
      adopted: "adoptedStyleSheets" in document,
      styles: document.querySelectorAll("style").length,
      padding: getComputedStyle(document.querySelector("main.pane")!).paddingLeft,
    }));
    await page.close();
    expect(styled).toEqual({ adopted: false, styles: 1, padding: "12px" });
    expect(csp).toEqual([]);
  });
});
