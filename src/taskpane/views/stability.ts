/* global HTMLElement, SVGElement */
/**
 * The stability tab: for the top 10, how often each stays in the top k when the dimension weights vary
 * randomly by ±20% (400 draws), every draw scored by the engine (Scoring.stability). Shown as bars and,
 * for screen readers, as a list with the same figures. Below, the model's ranking beside TOPSIS, VIKOR
 * and PROMETHEE II on the same dimension scores, with Spearman's ρ and Kendall's τ (compare.ts, its own chunk).
 */
import { formatNumber, formatPercent } from "../../workbook/format";
import type { Comparison } from "../compare";
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
  methods: { zh: "换一种方法排名", en: "Ranked by other methods" },
  methodsHint: {
    zh: "同样的维度得分和权重，用 TOPSIS、VIKOR、PROMETHEE II 排名（未知维度按 0 计）。相关系数接近 1 表示排名不取决于所选方法。",
    en: "The same dimension scores and weights ranked by TOPSIS, VIKOR and PROMETHEE II (unknown dimensions count 0). Correlations near 1 mean the ranking does not hinge on the method.",
  },
  among: { zh: "仅比较前 {n} 名。", en: "Only the top {n} are compared." },
  project: { zh: "项目", en: "Project" },
  model: { zh: "模型", en: "Model" },
  agree: { zh: "与模型排名的相关", en: "Correlation with the model's ranking" },
};

const METHOD_NAME: Record<string, string> = {
  topsis: "TOPSIS",
  vikor: "VIKOR",
  promethee: "PROMETHEE II",
};

/** Rows of the method table (the correlations cover every candidate compared). */
const SHOWN = 10;

const BAR = 22;
const W = 300;
const LABEL_W = 120;

export class StabilityView implements View {
  readonly el: HTMLElement;
  private asked = 0;
  private readonly chart: SVGElement;
  private readonly spoken = h("ol", { class: "sr-only", "data-testid": "stability-text" });
  private readonly k: ReturnType<typeof topKInput>;
  private readonly methods = h("div", { class: "methods", "data-testid": "methods" });

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
      this.spoken,
      h("h3", { class: "sub" }, text(store, T.methods)),
      h("p", { class: "muted small" }, text(store, T.methodsHint)),
      this.methods
    );
  }

  /** The model's ranks beside each method's, for the top rows, then each method's ρ and τ. */
  private showMethods(c: Comparison): void {
    const t = (l: { zh: string; en: string }) => text(this.store, l);
    const position = new Map(c.rows.map((r, i) => [r.index, i]));
    const head = h(
      "tr",
      {},
      h("th", { scope: "col" }, t(T.project)),
      h("th", { scope: "col" }, t(T.model)),
      ...c.methods.map((m) => h("th", { scope: "col" }, METHOD_NAME[m.method] ?? m.method))
    );
    const body = c.rows.slice(0, SHOWN).map((r) =>
      h(
        "tr",
        { "data-index": r.index },
        h("th", { scope: "row" }, truncate(r.name, 10)),
        h("td", {}, String(r.rank)),
        ...c.methods.map((m) => {
          const rank = m.ranks[position.get(r.index)!];
          return h("td", { class: rank === r.rank ? "" : "moved" }, String(rank));
        })
      )
    );
    const r2 = (x: number) => (x === x ? formatNumber(x, 2) : "—");
    this.methods.replaceChildren(
      h("table", { class: "method-table" }, h("thead", {}, head), h("tbody", {}, ...body)),
      h(
        "ul",
        { class: "small", "aria-label": t(T.agree), "data-testid": "method-correlations" },
        ...c.methods.map((m) =>
          h(
            "li",
            { "data-method": m.method },
            `${METHOD_NAME[m.method] ?? m.method}${this.store.state.lang === "zh" ? "：" : ": "}Spearman ρ ${r2(m.spearman)} · Kendall τ ${r2(m.kendall)}`
          )
        )
      ),
      ...(c.truncated
        ? [h("p", { class: "muted small" }, t(T.among).replace("{n}", String(c.rows.length)))]
        : [])
    );
  }

  update(changes: ReadonlySet<string>): void {
    const s = this.store.state;
    const scoring = s.scoring;
    if (!scoring) return;
    if (!["show", "weights", "targets", "scores", "list"].some((c) => changes.has(c))) return;
    this.k.sync();
    // aria-busy until the latest answer is drawn (the weight draws' code may still be loading).
    const asked = ++this.asked;
    this.chart.setAttribute("aria-busy", "true");
    void scoring.stability(s.topK).then(({ pTopK }) => {
      if (asked !== this.asked) return;
      this.draw(scoring, pTopK);
      this.chart.removeAttribute("aria-busy");
    });
  }

  private draw(scoring: NonNullable<Store["state"]["scoring"]>, p: Float64Array): void {
    const s = this.store.state;
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
    // The comparison code is its own chunk, fetched the first time it is shown.
    void import(/* webpackChunkName: "compare" */ "../compare").then(({ compare }) => {
      if (this.store.state.scoring === scoring) this.showMethods(compare(scoring));
    });
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
