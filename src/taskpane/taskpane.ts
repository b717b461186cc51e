/* global document, navigator, Office, CSSStyleSheet */
/**
 * Entry of the task pane. In Excel the pane runs on the Office.js host; opened in a plain browser
 * (Office.onReady gives no host) it loads the preview (its own chunk) over the bundled sample workbook.
 */
import defaultModelJson from "../models/pinghu-2023.json";
import { withDefaults } from "../engine/model";
import type { Lang, ScoringModel } from "../engine/types";
import { ExcelHost } from "../excel/excel-host";
import { Pane } from "./main";
import { h } from "../ui/dom";
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

async function main(): Promise<void> {
  adoptStyles();
  const root = document.getElementById("app")!;
  // The bundled model passes the validator in its tests (test/engine/model/validate.test.ts), so the
  // pane starts without it: the validator comes with the model sheet's chunk, for workbook models.
  const model = withDefaults(defaultModelJson) as ScoringModel;
  const info = typeof Office === "undefined" ? null : await Office.onReady();
  if (info && info.host === Office.HostType.Excel) {
    const pane = new Pane({
      host: new ExcelHost(),
      defaultModel: model,
      lang: langOf(Office.context.displayLanguage),
      root,
    });
    await pane.start();
  } else {
    const { startPreview } = await import(/* webpackChunkName: "preview" */ "../preview/main");
    const lang = langOf(navigator.language);
    await startPreview(lang, (host) => new Pane({ host, defaultModel: model, lang, root }));
  }
}

void main();
