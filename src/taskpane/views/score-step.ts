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
};

export class ScoreStepView implements View {
  readonly el: HTMLElement;
  private readonly button: HTMLElement;
  private readonly radios: HTMLInputElement[] = [];
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
    const cards = store.supportsCards
      ? h(
          "div",
          { class: "check" },
          h("input", {
            type: "checkbox",
            id: "cards",
            checked: store.state.cards,
            "data-testid": "cards",
            onchange: (e: Event) => store.setCards((e.target as HTMLInputElement).checked),
          }),
          h("label", { for: "cards" }, text(store, T.cards))
        )
      : null;
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
      h("div", { class: "primary-bar" }, this.button, this.message.el)
    );
    this.update(new Set(["table", "options"]));
  }

  update(changes: ReadonlySet<string>): void {
    const s = this.store.state;
    if (changes.has("message")) this.message.update();
    if (changes.has("options")) for (const r of this.radios) r.checked = r.value === s.target;
    if (changes.has("scores") || changes.has("table"))
      this.button.textContent = text(this.store, s.scoring ? T.rescore : T.score);
    this.el.hidden = s.table === null;
  }
}
