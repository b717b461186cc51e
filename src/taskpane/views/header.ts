/* global Event, HTMLElement, HTMLSelectElement */
/** The pane's title bar and language choice. */
import type { Lang } from "../../engine";
import { h, option } from "../../ui/dom";
import type { Store } from "../store";
import { text, type View } from "./view";

const T = {
  title: { zh: "招商评分", en: "ZS Scorer" },
  lang: { zh: "语言", en: "Language" },
};

export class HeaderView implements View {
  readonly el: HTMLElement;

  constructor(store: Store) {
    const select = h(
      "select",
      {
        id: "lang",
        onchange: (e: Event) => store.setLang((e.target as HTMLSelectElement).value as Lang),
      },
      option("zh", "简体中文", store.state.lang === "zh"),
      option("en", "English", store.state.lang === "en")
    );
    this.el = h(
      "header",
      { class: "bar" },
      h("h1", {}, text(store, T.title)),
      h("label", { for: "lang", class: "sr-only" }, text(store, T.lang)),
      select
    );
  }

  update(): void {}
}
