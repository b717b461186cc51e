/* global HTMLElement */
/**
 * A message slot beside an action: it shows the store's message when it belongs to its place. It is a
 * polite live region present from the start, so screen readers announce the outcome of an action and
 * nothing else. A refused write offers the safe alternative right there.
 */
import { h } from "../../ui/dom";
import type { Place, Store } from "../store";
import { text, type View } from "./view";

const USE_SHEET = { zh: "改写到结果工作表", en: "Write to the result sheet instead" };

export class MessageView implements View {
  readonly el: HTMLElement;
  private readonly body = h("div", {});

  constructor(
    private readonly store: Store,
    private readonly place: Place
  ) {
    this.el = h(
      "div",
      { class: "msg-slot", "aria-live": "polite", "data-place": place },
      this.body
    );
    this.update();
  }

  update(): void {
    const m = this.store.state.message;
    if (!m || m.place !== this.place) {
      if (this.body.childNodes.length > 0) this.body.replaceChildren();
      return;
    }
    const box = h(
      "div",
      { class: `msg ${m.kind}`, "data-testid": `msg-${this.place}` },
      text(this.store, m.text)
    );
    if (m.refusal)
      box.append(
        h(
          "button",
          {
            type: "button",
            class: "primary",
            "data-focus": "use-sheet",
            onclick: () => void this.store.useResultSheet(),
          },
          text(this.store, USE_SHEET)
        )
      );
    this.body.replaceChildren(box);
  }
}
