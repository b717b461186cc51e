/* global document, HTMLElement, HTMLInputElement, requestAnimationFrame */
/**
 * The weights tab: one percentage per dimension (they always sum to 100), the model's default beside
 * each, reset, "apply and write" with its outcome beside it, the AHP helper, and the live top 10 with
 * each move since the last write marked ▲▼. Slider moves within one frame make a single re-rank.
 */
import { formatNumber } from "../../workbook/format";
import { h } from "../../ui/dom";
import * as perf from "../perf";
import type { Store } from "../store";
import { MessageView } from "./message";
import { RowList } from "./rows";
import { DeferredView, setText, text, type View } from "./view";

const T = {
  hint: {
    zh: "各维度权重为百分比，合计 100%；拖动即重新排名，点“应用并写入”前不写入工作簿。",
    en: "Dimension weights in percent, summing to 100%; moving one re-ranks at once, nothing is written until Apply.",
  },
  model: { zh: "默认", en: "default" },
  total: { zh: "合计", en: "Total" },
  apply: { zh: "应用并写入", en: "Apply and write" },
  reset: { zh: "恢复模型权重", en: "Reset to model" },
  top: {
    zh: "当前前 10 名（▲▼ 为相对上次写入的名次变化）",
    en: "Live top 10 (▲▼: places moved since the last write)",
  },
};

const TOP = 10;

export class WeightsView implements View {
  readonly el: HTMLElement;
  private readonly inputs = new Map<
    string,
    { range: HTMLInputElement; num: HTMLInputElement; pct: HTMLElement }
  >();
  private readonly total = h("p", { class: "muted small", "data-testid": "weights-total" });
  private readonly top: RowList;
  private readonly ahp: DeferredView;
  private readonly committee: DeferredView;
  private readonly message: MessageView;
  private pending: Record<string, number> | null = null;

  constructor(private readonly store: Store) {
    const s = store.state;
    const t = (l: { zh: string; en: string }) => text(store, l);
    this.top = new RowList(store, t(T.top), "weights-top");
    // The AHP helper and the committee come in one chunk when the tab is first shown.
    this.ahp = new DeferredView(() =>
      import(/* webpackChunkName: "weights-tools" */ "./ahp").then((m) => new m.AhpView(store))
    );
    this.committee = new DeferredView(() =>
      import(/* webpackChunkName: "weights-tools" */ "./committee").then(
        (m) => new m.CommitteeView(store)
      )
    );
    this.message = new MessageView(store, "weights");
    const rows = s.model.dimensions.map((d) => {
      const id = `w-${d.id}`;
      const range = h("input", {
        type: "range",
        id,
        min: 0,
        max: 100,
        step: 1,
        "data-dimension": d.id,
      });
      const num = h("input", {
        type: "number",
        min: 0,
        max: 100,
        step: 0.5,
        class: "num-input",
        id: `wn-${d.id}`,
        "aria-label": `${d.label[s.lang]} %`,
      });
      const pct = h("span", { class: "muted pct", "data-pct": d.id });
      range.addEventListener("input", () => this.move(d.id, Number(range.value)));
      num.addEventListener("change", () => this.move(d.id, Number(num.value)));
      this.inputs.set(d.id, { range, num, pct });
      return h(
        "div",
        { class: "weight" },
        h("label", { for: id }, d.label[s.lang]),
        range,
        num,
        pct,
        h(
          "span",
          { class: "muted small default" },
          `${t(T.model)} ${formatNumber(d.weight * 100, 1)}%`
        )
      );
    });
    this.el = h(
      "div",
      {},
      h("p", { class: "muted" }, t(T.hint)),
      ...rows,
      this.total,
      h(
        "div",
        { class: "actions" },
        h(
          "button",
          {
            type: "button",
            class: "primary",
            id: "apply-weights",
            onclick: () => void store.apply(),
          },
          t(T.apply)
        ),
        h(
          "button",
          { type: "button", id: "reset-weights", onclick: () => store.resetWeights() },
          t(T.reset)
        )
      ),
      this.message.el,
      this.ahp.el,
      this.committee.el,
      h("h3", { class: "sub" }, t(T.top)),
      this.top.el
    );
  }

  /** Moves within one frame make one re-rank. */
  private move(id: string, percent: number): void {
    const first = this.pending === null;
    this.pending = { ...(this.pending ?? {}), [id]: Math.max(0, percent) / 100 };
    if (!first) return;
    requestAnimationFrame(() => {
      const next = this.pending;
      this.pending = null;
      if (!next) return;
      perf.start("zs:rerank");
      this.store.setWeights(next);
      perf.end("zs:rerank", this.top.el);
    });
  }

  update(changes: ReadonlySet<string>): void {
    const s = this.store.state;
    const scoring = s.scoring;
    if (!scoring) return;
    if (changes.has("message")) this.message.update();
    if (changes.has("pairwise") || changes.has("show")) this.ahp.update(changes);
    if (["committee", "show", "scores", "table"].some((c) => changes.has(c)))
      this.committee.update(changes);
    if (changes.has("scores")) this.top.reset();
    if (
      changes.has("weights") ||
      changes.has("scores") ||
      changes.has("show") ||
      changes.has("list")
    ) {
      const w = scoring.weights();
      let sum = 0;
      for (const [id, { range, num, pct }] of this.inputs) {
        const p = Math.round(w[id] * 1000) / 10;
        sum += w[id] * 100;
        // The control the user is moving keeps their value; the others show the normalised share.
        if (document.activeElement !== range) range.value = String(Math.round(p));
        if (document.activeElement !== num) num.value = String(p);
        setText(pct, `${formatNumber(p, 1)}%`);
      }
      setText(this.total, `${text(this.store, T.total)} ${formatNumber(sum, 1)}%`);
      const best = scoring
        .rows()
        .filter((r) => r.rank !== null)
        .sort((a, b) => a.rank! - b.rank! || a.index - b.index)
        .slice(0, TOP);
      this.top.show(best);
    }
  }
}
