/* global HTMLElement, SVGElement */
/**
 * The stability tab: for the top 10, how often each stays in the top k when the dimension weights vary
 * randomly by ±20% (400 draws), every draw scored by the engine (Scoring.stability). Shown as bars and,
 * for screen readers, as a list with the same figures.
 */
import { formatPercent } from "../../workbook/format";
import { h, svg } from "../../ui/dom";
import type { Store } from "../store";
import { topKInput } from "./top-k";
import { text, truncate, type View } from "./view";

const T = {
  hint: {
    zh: "各维度权重随机变动 ±20%（400 次，每次按完整评分规则重新计分）时，前 10 名仍留在前 k 名的概率。",
    en: "How often each of the top 10 stays in the top k when the dimension weights vary randomly by ±20% (400 draws, each scored in full).",
  },
  stay: { zh: "留在前 k 名的概率", en: "Probability of staying in the top k" },
  title: { zh: "稳定性", en: "Stability" },
};

const BAR = 22;
const W = 300;
const LABEL_W = 120;

export class StabilityView implements View {
  readonly el: HTMLElement;
  private readonly chart: SVGElement;
  private readonly spoken = h("ol", { class: "sr-only", "data-testid": "stability-text" });
  private readonly k: ReturnType<typeof topKInput>;

  constructor(private readonly store: Store) {
    this.k = topKInput(store, "k-stability");
    this.chart = svg("svg", {
      width: "100%",
      role: "img",
      class: "chart",
      "data-testid": "stability-chart",
    });
    this.el = h(
      "div",
      {},
      h("p", { class: "muted" }, text(store, T.hint)),
      this.k.el,
      this.chart,
      this.spoken
    );
  }

  update(changes: ReadonlySet<string>): void {
    const s = this.store.state;
    const scoring = s.scoring;
    if (!scoring) return;
    if (!["show", "weights", "targets", "scores", "list"].some((c) => changes.has(c))) return;
    this.k.sync();
    const p = scoring.stability(s.topK).pTopK;
    const top = scoring
      .rows()
      .filter((r) => r.rank !== null)
      .sort((a, b) => a.rank! - b.rank! || a.index - b.index)
      .slice(0, 10);
    const stay = text(this.store, T.stay).replace(/\bk\b/, String(s.topK));
    this.chart.setAttribute("viewBox", `0 0 ${W} ${top.length * BAR + 4}`);
    this.chart.setAttribute("aria-label", `${text(this.store, T.title)}: ${stay}`);
    this.chart.replaceChildren(
      ...top.flatMap((r, k) => {
        const y = k * BAR + 2;
        const full = W - LABEL_W - 40;
        return [
          svg(
            "text",
            { x: 0, y: y + 15, class: "chart-label" },
            truncate(`${r.rank}. ${r.name}`, 12)
          ),
          svg("rect", {
            x: LABEL_W,
            y: y + 3,
            width: full,
            height: BAR - 8,
            class: "chart-track",
            rx: 2,
          }),
          svg("rect", {
            x: LABEL_W,
            y: y + 3,
            width: Math.max(0, full * p[r.index]),
            height: BAR - 8,
            class: p[r.index] >= 0.8 ? "chart-bar" : "chart-bar weak",
            rx: 2,
          }),
          svg("text", { x: W - 36, y: y + 15, class: "chart-value" }, formatPercent(p[r.index])),
        ];
      })
    );
    this.spoken.setAttribute("aria-label", stay);
    this.spoken.replaceChildren(
      ...top.map((r) =>
        h(
          "li",
          { "data-p": String(p[r.index]), "data-index": r.index },
          `${r.rank}. ${r.name}: ${formatPercent(p[r.index])}`
        )
      )
    );
  }
}
