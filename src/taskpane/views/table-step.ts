/* global HTMLDetailsElement, HTMLElement */
/**
 * Step 1: which table was found and which model scores it. Collapses to its one-line summary once
 * the list is scored, and opens again on request.
 */
import { h } from "../../ui/dom";
import type { Store } from "../store";
import { MessageView } from "./message";
import { setText, text, type View } from "./view";

const T = {
  step: { zh: "1. 候选项目表", en: "1. Candidate table" },
  rows: { zh: "行", en: "rows" },
  cols: { zh: "列", en: "columns" },
  reread: { zh: "重新读取", en: "Read again" },
  insertModel: { zh: "插入评分模型工作表", en: "Insert the scoring model sheet" },
  fromSheet: { zh: "使用工作簿中的评分模型", en: "Using the workbook's scoring model" },
  byDefault: { zh: "使用默认模型", en: "Using the default model" },
  none: { zh: "未找到候选项目表", en: "No candidate table found" },
};

export class TableStepView implements View {
  readonly el: HTMLElement;
  private readonly found = h("p", { class: "found", "data-testid": "table-found" });
  private readonly modelLine = h("p", { class: "muted" });
  private readonly summaryText = h("span", { class: "muted" });
  private readonly insert: HTMLElement;
  private readonly message: MessageView;

  constructor(private readonly store: Store) {
    this.message = new MessageView(store, "table");
    this.insert = h(
      "button",
      { type: "button", "data-focus": "insert-model", onclick: () => void store.insertModel() },
      text(store, T.insertModel)
    );
    this.el = h(
      "details",
      { class: "step", id: "step-table", open: true },
      h("summary", {}, h("h2", {}, text(store, T.step)), " ", this.summaryText),
      this.found,
      this.modelLine,
      h(
        "div",
        { class: "actions" },
        h(
          "button",
          { type: "button", "data-focus": "reread", onclick: () => void store.read() },
          text(store, T.reread)
        ),
        this.insert
      ),
      this.message.el
    );
    this.update(new Set(["table", "scores"]));
  }

  update(changes: ReadonlySet<string>): void {
    const s = this.store.state;
    if (changes.has("message")) this.message.update();
    if (changes.has("table") || changes.has("mapping")) {
      const t = s.table;
      const line = t
        ? `${t.read.address} · ${t.location.dataRows.length} ${text(this.store, T.rows)} · ${t.location.lastCol - t.location.firstCol + 1} ${text(this.store, T.cols)}`
        : text(this.store, T.none);
      setText(this.found, line);
      setText(
        this.summaryText,
        t ? `${t.location.dataRows.length} ${text(this.store, T.rows)}` : ""
      );
      setText(
        this.modelLine,
        s.modelSource === "sheet"
          ? `${text(this.store, T.fromSheet)}「${s.modelSheet ?? ""}」 · ${s.model.name[s.lang]}`
          : `${text(this.store, T.byDefault)} · ${s.model.name[s.lang]}`
      );
      this.insert.hidden = !t || s.modelSource === "sheet";
    }
    // Scored: the step folds to its summary line; reading again opens it.
    if (changes.has("scores")) (this.el as HTMLDetailsElement).open = s.scoring === null;
  }
}
