/* global document, HTMLElement, KeyboardEvent */
/**
 * The pane: one store, views built once and updated in place on each change. A language change is
 * the one full rebuild (every label changes), with focus put back on the language menu.
 */
import type { Lang, ScoringModel } from "../engine";
import type { Host } from "../workbook/host";
import { keepFocus } from "../ui/dom";
import { Store, type Tab } from "./store";
import * as perf from "./perf";
import { HeaderView } from "./views/header";
import { MappingView } from "./views/mapping";
import { RankedView } from "./views/ranked";
import { ResultsView } from "./views/results";
import { ScoreStepView } from "./views/score-step";
import { StabilityView } from "./views/stability";
import { TableStepView } from "./views/table-step";
import { DeferredView, type View } from "./views/view";
import { WeightsView } from "./views/weights";

export interface PaneOptions {
  host: Host;
  defaultModel: ScoringModel;
  lang: Lang;
  root: HTMLElement;
}

export class Pane {
  readonly store: Store;
  private views: View[] = [];
  private focusBeforeBusy: HTMLElement | null = null;
  private builtFor: ScoringModel | null = null;

  constructor(private readonly options: PaneOptions) {
    this.store = new Store(options.host, options.defaultModel, options.lang);
    this.store.subscribe((changes) => {
      if (changes.has("lang")) {
        this.build();
        document.getElementById("lang")?.focus();
        return;
      }
      // Another model (the workbook's 评分模型 sheet, or saved targets): views list its dimensions
      // and fields, so they are built again, focus kept.
      if (this.store.state.model !== this.builtFor) {
        keepFocus(this.options.root, () => this.build());
        return;
      }
      if (changes.has("busy")) this.busy(this.store.state.busy);
      for (const v of this.views) v.update(changes);
    });
    // Esc closes a candidate's detail, wherever focus is.
    document.addEventListener("keydown", (e: KeyboardEvent) => {
      if (e.key === "Escape" && this.store.state.detail !== null) {
        e.preventDefault();
        this.store.closeDetail();
      }
    });
    this.build();
  }

  async start(): Promise<void> {
    perf.start("zs:read");
    await this.store.start();
    perf.end("zs:read", this.options.root);
  }

  /** Reads the workbook again (another file was opened in the preview). */
  async read(): Promise<void> {
    perf.start("zs:read");
    await this.store.read();
    perf.end("zs:read", this.options.root);
  }

  private build(): void {
    const store = this.store;
    this.builtFor = store.state.model;
    document.documentElement.lang = store.state.lang === "zh" ? "zh-CN" : "en-US";
    const tabs: Record<Tab, View> = {
      ranked: new RankedView(store),
      weights: new WeightsView(store),
      stability: new StabilityView(store),
      // Not needed for the first render: its code comes when its tab is first shown.
      targets: new DeferredView(() =>
        import(/* webpackChunkName: "targets" */ "./views/targets").then(
          (m) => new m.TargetsView(store)
        )
      ),
    };
    this.views = [
      new HeaderView(store),
      new TableStepView(store),
      new MappingView(store),
      new ScoreStepView(store),
      new ResultsView(store, tabs),
    ];
    this.options.root.replaceChildren(...this.views.map((v) => v.el));
    const all = new Set(["table", "mapping", "scores", "message", "options", "view", "show"]);
    for (const v of this.views) v.update(all);
  }

  /** While working: buttons disabled, then focus back on the control that started the work. */
  private busy(on: boolean): void {
    const root = this.options.root;
    root.setAttribute("aria-busy", on ? "true" : "false");
    if (on) {
      this.focusBeforeBusy = document.activeElement as HTMLElement | null;
      perf.start("zs:first-render");
    }
    for (const b of Array.from(root.querySelectorAll("button"))) b.disabled = on;
    if (on) return;
    perf.end("zs:first-render", root);
    const was = this.focusBeforeBusy;
    this.focusBeforeBusy = null;
    if (was && was.isConnected && !was.hidden && document.activeElement !== was) was.focus();
  }
}
