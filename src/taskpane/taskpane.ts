/* global document, navigator, Office, HTMLElement, HTMLInputElement, CSSStyleSheet */
/**
 * Entry of the task pane. In Excel the pane runs on the Office.js host; opened in a plain browser
 * (Office.onReady gives no host) it runs on the preview host over the bundled sample workbook.
 */
import defaultModelJson from "../models/pinghu-2023.json";
import { loadModel } from "../engine/model";
import type { Lang } from "../engine/types";
import { ExcelHost } from "../excel/excel-host";
import { PreviewHost } from "../preview/preview-host";
import { App } from "./app";
import { h } from "./dom";
import css from "./taskpane.css";

function langOf(tag: string | undefined): Lang {
  return tag && !/^zh/i.test(tag) ? "en" : "zh";
}

/**
 * Styles as a constructed sheet where the webview has them (Safari 16.4+, Chromium 73+), else as a <style>
 * element: the CSP allows no inline style except this stylesheet's hash (webpack.config.js styleHash).
 */
function adoptStyles(): void {
  if ("adoptedStyleSheets" in document && "replaceSync" in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } else {
    document.head.append(h("style", {}, css));
  }
}

async function startPreview(root: HTMLElement, lang: Lang): Promise<void> {
  const chrome = document.getElementById("preview")!;
  const view = h("div", { class: "sheet-view", "aria-label": "Workbook preview" });
  const fileId = "open-xlsx";
  const input = h("input", {
    type: "file",
    id: fileId,
    accept: ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "data-testid": "file",
  });
  const status = h("span", { class: "muted", role: "status" });
  chrome.hidden = false;
  chrome.append(
    h(
      "p",
      { class: "muted" },
      "预览模式：不在 Excel 中，使用示例工作簿。文件只在本页中读取，不会上传。 / Preview: outside Excel, on the sample workbook. Files are read in this page and never uploaded."
    ),
    h("label", { for: fileId, class: "button" }, "打开 .xlsx / Open .xlsx"),
    input,
    status
  );
  const model = loadModel(defaultModelJson);
  let host: PreviewHost;
  try {
    host = await PreviewHost.sample(view);
  } catch (e) {
    host = new PreviewHost(
      "—",
      [{ name: "Sheet1", hidden: false, grid: [[]], hiddenColumns: [], merges: [] }],
      view
    );
    status.textContent = e instanceof Error ? e.message : String(e);
  }
  const app = new App({ host, defaultModel: model, lang, root });
  input.addEventListener("change", async () => {
    const file = (input as HTMLInputElement).files?.[0];
    if (!file) return;
    try {
      await host.open(file.name, await file.arrayBuffer());
      status.textContent = file.name;
      await app.read();
    } catch (e) {
      status.textContent = e instanceof Error ? e.message : String(e);
    }
  });
  chrome.append(view);
  await app.start();
}

async function main(): Promise<void> {
  adoptStyles();
  const root = document.getElementById("app")!;
  const info = typeof Office === "undefined" ? null : await Office.onReady();
  if (info && info.host === Office.HostType.Excel) {
    const app = new App({
      host: new ExcelHost(),
      defaultModel: loadModel(defaultModelJson),
      lang: langOf(Office.context.displayLanguage),
      root,
    });
    await app.start();
  } else {
    await startPreview(root, langOf(navigator.language));
  }
}

void main();
