/* global Event, HTMLElement, HTMLInputElement */
/** The k of "stays in the top k" and "if the top k sign": one number in the store, shown where it is used. */
import { h } from "../../ui/dom";
import { MAX_K, type Store } from "../store";
import { text } from "./view";

const LABEL = { zh: "前 k 名的 k", en: "k (top k)" };

export function topKInput(store: Store, id: string): { el: HTMLElement; sync(): void } {
  const input = h("input", {
    id,
    type: "number",
    min: 1,
    max: MAX_K,
    class: "num-input",
    value: store.state.topK,
    onchange: (e: Event) => store.setTopK(Number((e.target as HTMLInputElement).value)),
  });
  return {
    el: h("div", { class: "field k" }, h("label", { for: id }, text(store, LABEL)), input),
    sync: () => {
      if (input.value !== String(store.state.topK)) input.value = String(store.state.topK);
    },
  };
}
