/* global document, HTMLInputElement */
/**
 * The preview outside Office: a banner naming the open workbook, one file picker, and a read-only
 * look at the sheets, around the same pane. Loaded by the pane's entry only when Office has no host,
 * as its own chunk, so production taskpane.js does not carry it.
 */
import type { Lang } from "../engine";
import type { Host } from "../workbook/host";
import { h } from "../ui/dom";
import { PreviewHost } from "./preview-host";
import { XlsxReadError } from "./xlsx-reader";

/** What the preview needs of the pane it hosts (given by the pane's entry: no import upward). */
export interface HostedPane {
  start(): Promise<void>;
  /** Reads the workbook again after another file was opened. */
  read(): Promise<void>;
}

const T = {
  mode: {
    zh: "预览模式（不在 Excel 中）。文件只在本页中读取，不会上传。",
    en: "Preview (outside Excel). Files are read in this page and never uploaded.",
  },
  file: { zh: "当前文件：", en: "Open file: " },
  sample: { zh: "（示例工作簿）", en: " (sample workbook)" },
  open: { zh: "打开其他 .xlsx…", en: "Open another .xlsx…" },
};

export async function startPreview(
  lang: Lang,
  paneOver: (host: Host) => HostedPane
): Promise<void> {
  // A file the reader refuses is said in the pane's language; anything else as it came.
  const problem = (e: unknown) =>
    e instanceof XlsxReadError ? e.text[lang] : e instanceof Error ? e.message : String(e);
  const chrome = document.getElementById("preview")!;
  const view = h("div", {
    class: "sheet-view",
    role: "region",
    "aria-label": lang === "zh" ? "工作簿预览" : "Workbook preview",
  });
  const input = h("input", {
    type: "file",
    id: "open-xlsx",
    class: "sr-only",
    accept: ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "data-testid": "file",
  });
  const fileName = h("strong", { "data-testid": "open-file" });
  const status = h("span", { class: "msg-inline", "aria-live": "polite" });
  let sample = true;
  const banner = () => {
    fileName.textContent = host.title;
    note.textContent = sample ? T.sample[lang] : "";
  };
  const note = h("span", { class: "muted" });
  chrome.hidden = false;
  chrome.append(
    h(
      "div",
      { class: "banner", role: "region", "aria-label": lang === "zh" ? "预览" : "Preview" },
      h("p", { class: "muted" }, T.mode[lang]),
      h(
        "p",
        {},
        T.file[lang],
        fileName,
        note,
        " ",
        h("label", { for: "open-xlsx", class: "button" }, T.open[lang]),
        input
      ),
      status
    )
  );
  let host: PreviewHost;
  try {
    host = await PreviewHost.sample(view);
  } catch (e) {
    host = new PreviewHost(
      "—",
      [{ name: "Sheet1", hidden: false, grid: [[]], hiddenColumns: [], merges: [] }],
      view
    );
    status.textContent = problem(e);
  }
  banner();
  const pane = paneOver(host);
  input.addEventListener("change", async () => {
    const file = (input as HTMLInputElement).files?.[0];
    if (!file) return;
    try {
      await host.open(file.name, await file.arrayBuffer());
      sample = false;
      banner();
      status.textContent = "";
      await pane.read();
    } catch (e) {
      status.textContent = `${file.name}${lang === "zh" ? "：" : ": "}${problem(e)}`;
    }
  });
  chrome.append(view);
  await pane.start();
}
