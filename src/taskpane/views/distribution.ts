/* global HTMLElement, SVGElement */
/**
 * How the scores spread: a histogram of the ranked candidates' scores in 5-point bins, with the grade
 * cut-offs marked (the model's minimum for absolute grades; the lowest score given each grade for
 * percentile grades). The same counts are listed for screen readers.
 */
import { h, svg } from "../../ui/dom";
import type { Store } from "../store";
import { text } from "./view";

const T = {
  title: { zh: "得分分布", en: "Score distribution" },
  count: { zh: "个项目", en: "projects" },
};

const BINS = 20;
const W = 300;
const H = 90;
const BASE = 72;

export class DistributionView {
  readonly el: HTMLElement;
  private readonly chart: SVGElement;
  private readonly spoken = h("p", { class: "sr-only" });

  constructor(private readonly store: Store) {
    this.chart = svg("svg", {
      viewBox: `0 0 ${W} ${H}`,
      width: "100%",
      class: "chart distribution",
      role: "img",
      "data-testid": "distribution",
    });
    this.el = h("figure", { class: "dist" }, this.chart, this.spoken);
  }

  /** Cut-off score of each grade, best grade first. */
  cutoffs(): { grade: string; at: number }[] {
    const { model, scoring } = this.store.state;
    const bands = model.grades.bands;
    if (model.grades.method === "absolute")
      return bands.filter((b) => (b.min ?? 0) > 0).map((b) => ({ grade: b.grade, at: b.min! }));
    const rows = scoring?.rows() ?? [];
    return bands
      .map((b) => {
        const scores = rows.filter((r) => r.grade === b.grade).map((r) => r.score);
        return { grade: b.grade, at: scores.length ? Math.min(...scores) : NaN };
      })
      .filter((c) => c.at === c.at && c.at > 0);
  }

  update(): void {
    const s = this.store.state;
    const rows = (s.scoring?.rows() ?? []).filter((r) => r.rank !== null);
    const counts = new Array<number>(BINS).fill(0);
    for (const r of rows) counts[Math.min(BINS - 1, Math.floor(r.score / (100 / BINS)))]++;
    const top = Math.max(1, ...counts);
    const bw = W / BINS;
    const parts: SVGElement[] = [svg("line", { x1: 0, y1: BASE, x2: W, y2: BASE, class: "axis" })];
    counts.forEach((c, k) => {
      if (c === 0) return;
      const height = (c / top) * (BASE - 14);
      parts.push(
        svg("rect", { x: k * bw + 1, y: BASE - height, width: bw - 2, height, class: "chart-bar" })
      );
    });
    for (const cut of this.cutoffs()) {
      const x = (cut.at / 100) * W;
      parts.push(
        svg("line", { x1: x, y1: 4, x2: x, y2: BASE, class: "cut", "data-grade": cut.grade }),
        svg("text", { x: x + 2, y: 12, class: "chart-label" }, `${cut.grade} ≥ ${cut.at}`)
      );
    }
    for (const v of [0, 50, 100])
      parts.push(
        svg(
          "text",
          { x: v === 100 ? W - 16 : v === 50 ? W / 2 - 6 : 0, y: H - 4, class: "chart-label" },
          String(v)
        )
      );
    this.chart.replaceChildren(...parts);
    const label = `${text(this.store, T.title)}: ${rows.length} ${text(this.store, T.count)}; ${this.cutoffs()
      .map((c) => `${c.grade} ≥ ${c.at}`)
      .join(", ")}`;
    this.chart.setAttribute("aria-label", label);
    const bins = counts
      .map((c, k) => (c > 0 ? `${k * 5}–${k * 5 + 5}: ${c}` : ""))
      .filter(Boolean)
      .join("; ");
    this.spoken.textContent = bins;
  }
}
