/* global Event, HTMLElement, KeyboardEvent */
/**
 * The scored list's tabs (ranking, weights, stability, targets): each panel is built once and kept;
 * switching shows one and hides the others, so a panel keeps its scroll, inputs and focus targets.
 */
import { h } from "../../ui/dom";
import { TABS, type Store, type Tab } from "../store";
import { text, type View } from "./view";

const T: Record<Tab, { zh: string; en: string }> = {
  ranked: { zh: "排名", en: "Ranking" },
  weights: { zh: "权重", en: "Weights" },
  stability: { zh: "稳定性", en: "Stability" },
  targets: { zh: "目标", en: "Targets" },
};

export class ResultsView implements View {
  readonly el: HTMLElement;
  private readonly tabs = new Map<Tab, HTMLElement>();
  private readonly panels = new Map<Tab, HTMLElement>();

  constructor(
    private readonly store: Store,
    private readonly views: Record<Tab, View>
  ) {
    const list = h("div", { role: "tablist", class: "tabs" });
    for (const id of TABS) {
      const tab = h(
        "button",
        {
          type: "button",
          role: "tab",
          id: `tab-${id}`,
          "aria-controls": `panel-${id}`,
          onclick: () => store.setTab(id),
          onkeydown: (e: Event) => this.key(e as KeyboardEvent),
        },
        text(store, T[id])
      );
      this.tabs.set(id, tab);
      list.append(tab);
      const panel = h(
        "div",
        { role: "tabpanel", id: `panel-${id}`, "aria-labelledby": `tab-${id}`, tabindex: -1 },
        views[id].el
      );
      this.panels.set(id, panel);
    }
    this.el = h("section", { class: "results" }, list, ...this.panels.values());
    this.update(new Set(["view", "scores"]));
  }

  private key(e: KeyboardEvent): void {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    const k = TABS.indexOf(this.store.state.tab);
    const next = TABS[(k + step + TABS.length) % TABS.length];
    this.store.setTab(next);
    this.tabs.get(next)!.focus();
  }

  update(changes: ReadonlySet<string>): void {
    const s = this.store.state;
    this.el.hidden = s.scoring === null;
    if (changes.has("view") || changes.has("scores")) {
      for (const id of TABS) {
        const on = id === s.tab;
        const tab = this.tabs.get(id)!;
        tab.setAttribute("aria-selected", String(on));
        tab.tabIndex = on ? 0 : -1;
        this.panels.get(id)!.hidden = !on;
      }
    }
    if (s.scoring === null) return;
    // Only the visible panel works; the others catch up when shown.
    const shown =
      changes.has("view") || changes.has("scores") ? new Set([...changes, "show"]) : changes;
    this.views[s.tab].update(shown);
  }
}
