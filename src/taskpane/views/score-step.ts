/* global Event, HTMLElement, HTMLInputElement */
/**
 * Step 3: where results go, and the Score button. The bar sticks to the bottom of the pane, so the
 * primary action stays in view however long the mapping is; its outcome is reported right under it.
 */
import { h } from "../../ui/dom";
import type { Store } from "../store";
import { MessageView } from "./message";
import { text, type View } from "./view";

const T = {
  step: { zh: "3. 评分", en: "3. Score" },
  target: { zh: "结果写到", en: "Write results to" },
  columns: { zh: "表格右侧的结果列", en: "Result columns beside the table" },
  sheet: { zh: "单独的结果工作表", en: "A separate result sheet" },
  score: { zh: "评分", en: "Score" },
  rescore: { zh: "重新评分", en: "Score again" },
  cards: {
    zh: "在“说明”列附加明细卡片（Excel 数据类型；得分列仍为数字）",
    en: "Add breakdown cards in the Explanation column (Excel data types; scores stay numbers)",
  },
  summary: {
    zh: "另写“汇总”工作表（按等级、建议、产业链统计，目标进度，前 10 名及图表）",
    en: "Also write a 汇总 (Summary) sheet: counts by grade, advice and chain, targets, top 10, charts",
  },
};

export class ScoreStepView implements View {
  readonly el: HTMLElement;
  private readonly button: HTMLElement;
  private readonly radios: HTMLInputElement[] = [];
  private readonly checks: { id: "cards" | "summary"; input: HTMLInputElement }[] = [];
  private readonly message: MessageView;

  constructor(private readonly store: Store) {
    this.message = new MessageView(store, "score");
    const radio = (value: "columns" | "sheet", label: { zh: string; en: string }) => {
      const id = `target-${value}`;
      const input = h("input", {
        type: "radio",
        name: "target",
        id,
        value,
        checked: store.state.target === value,
        onchange: () => store.setTarget(value),
      });
      this.radios.push(input);
      return h("div", { class: "radio" }, input, h("label", { for: id }, text(store, label)));
    };
    this.button = h(
      "button",
      {
        type: "button",
        class: "primary",
        id: "score",
        "data-testid": "score",
        onclick: () => void store.score(),
      },
      text(store, T.score)
    );
    const check = (id: "cards" | "summary", set: (on: boolean) => void) => {
      const input = h("input", {
        type: "checkbox",
        id,
        "data-testid": id,
        onchange: (e: Event) => set((e.target as HTMLInputElement).checked),
      });
      this.checks.push({ id, input });
      return h("div", { class: "check" }, input, h("label", { for: id }, text(store, T[id])));
    };
    const cards = store.supportsCards ? check("cards", (on) => store.setCards(on)) : null;
    // Only where the host can write the sheet and its charts (Excel; not the preview).
    const summary = store.supportsSummary ? check("summary", (on) => store.setSummary(on)) : null;
    this.el = h(
      "section",
      { class: "step score-step", "aria-labelledby": "step-score-title" },
      h("h2", { id: "step-score-title" }, text(store, T.step)),
      h(
        "fieldset",
        {},
        h("legend", {}, text(store, T.target)),
        radio("columns", T.columns),
        radio("sheet", T.sheet)
      ),
      cards,
      summary,
      h("div", { class: "primary-bar" }, this.button, this.message.el)
    );
    this.update(new Set(["table", "options"]));
  }

  update(changes: ReadonlySet<string>): void {
    const s = this.store.state;
    if (changes.has("message")) this.message.update();
    if (changes.has("options")) {
      for (const r of this.radios) r.checked = r.value === s.target;
      for (const c of this.checks) c.input.checked = s[c.id];
    }
    if (changes.has("scores") || changes.has("table"))
      this.button.textContent = text(this.store, s.scoring ? T.rescore : T.score);
    this.el.hidden = s.table === null;
  }
}
