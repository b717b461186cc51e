/* global HTMLElement, HTMLTextAreaElement */
/**
 * A review committee (评审会) in the weights tab: several experts' pairwise judgements, or their
 * scores of the projects, pasted from Excel as one long table (committee.ts reads it). Shows the
 * combined weights, each expert's consistency ratio and the experts' agreement (Kendall's W), and
 * applies the combined weights like any other weight change.
 */
import type { Label } from "../../engine";
import { formatNumber, formatPercent } from "../../workbook/format";
import { h } from "../../ui/dom";
import type { Committee } from "../../workbook/committee";
import type { Store } from "../store";
import { text, type View } from "./view";

const T = {
  title: { zh: "评审会：多位专家的判断", en: "Review committee: several experts" },
  hint: {
    zh: "从 Excel 复制长表粘贴到这里（含表头亦可）：每行“专家、维度 A、维度 B、判断值”（A 比 B 重要几倍，1–9 或 1/3 这样的倒数），或“专家、项目、评分”。",
    en: 'Paste a long table copied from Excel (a header row is fine): one row per "expert, dimension A, dimension B, judgement" (how many times A matters more than B, 1–9 or a reciprocal such as 1/3), or "expert, project, score".',
  },
  input: { zh: "专家判断（长表）", en: "Experts' judgements (long table)" },
  read: { zh: "合并判断", en: "Combine" },
  weights: {
    zh: "合并后的维度权重（判断的几何平均，AHP）",
    en: "Combined dimension weights (geometric mean of the judgements, AHP)",
  },
  experts: { zh: "各专家的一致性比率", en: "Each expert's consistency ratio" },
  groupCr: { zh: "合并判断的 CR", en: "CR of the combined judgements" },
  unreliable: { zh: "超过 0.1：权重不可靠", en: "above 0.1: the weights are unreliable" },
  agreement: { zh: "专家一致性 Kendall W", en: "Agreement, Kendall's W" },
  apply: { zh: "采用合并权重", en: "Use the combined weights" },
};

/** Schmidt (1997) reading of Kendall's W: 0.1 very weak … 0.9 unusually strong agreement. */
const AGREEMENT: [number, Label][] = [
  [0.9, { zh: "极强", en: "unusually strong" }],
  [0.7, { zh: "强", en: "strong" }],
  [0.5, { zh: "中等", en: "moderate" }],
  [0.3, { zh: "弱", en: "weak" }],
  [-Infinity, { zh: "很弱", en: "very weak" }],
];

export class CommitteeView implements View {
  readonly el: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly result = h("div", { "aria-live": "polite", "data-testid": "committee-result" });

  constructor(private readonly store: Store) {
    const t = (l: Label) => text(store, l);
    this.input = h("textarea", { id: "committee-input", rows: 5, class: "committee-input" });
    this.el = h(
      "details",
      { class: "committee", "data-testid": "committee" },
      h("summary", {}, t(T.title)),
      h("p", { class: "muted small" }, t(T.hint)),
      h("label", { for: "committee-input" }, t(T.input)),
      this.input,
      h(
        "button",
        {
          type: "button",
          id: "committee-read",
          onclick: () => void store.readJudgements(this.input.value),
        },
        t(T.read)
      ),
      this.result
    );
  }

  update(): void {
    const r = this.store.state.committee;
    if (r === null) this.result.replaceChildren();
    else if (!r.ok)
      this.result.replaceChildren(h("p", { class: "msg error" }, text(this.store, r.message)));
    else this.result.replaceChildren(...this.show(r.committee));
  }

  private show(c: Committee): HTMLElement[] {
    const s = this.store.state;
    const t = (l: Label) => text(this.store, l);
    const sep = s.lang === "zh" ? "：" : ": ";
    const w = (x: number) =>
      x === x
        ? `${t(T.agreement)} = ${formatNumber(x, 2)}（${t(AGREEMENT.find(([at]) => x >= at)![1])}）`
        : "";
    if (c.kind === "scores")
      return [
        h(
          "p",
          { "data-testid": "committee-agreement" },
          s.lang === "zh"
            ? `${c.experts.length} 位专家对 ${c.projects} 个项目评分。`
            : `${c.experts.length} experts scored ${c.projects} projects. `,
          w(c.agreement)
        ),
      ];
    const cr = (x: number) => `CR ${formatNumber(x, 3)}${x > 0.1 ? ` ⚠ ${t(T.unreliable)}` : " ✓"}`;
    return [
      h("h3", { class: "sub" }, t(T.weights)),
      h(
        "ul",
        { class: "small", "data-testid": "committee-weights" },
        ...s.model.dimensions.map((d) =>
          h(
            "li",
            { "data-dimension": d.id },
            `${d.label[s.lang]}${sep}${formatPercent(c.weights[d.id], 1)}`
          )
        )
      ),
      h("h3", { class: "sub" }, t(T.experts)),
      h(
        "ul",
        { class: "small", "data-testid": "committee-experts" },
        ...c.experts.map((e) =>
          h("li", { class: e.cr > 0.1 ? "warn" : "" }, `${e.name}${sep}${cr(e.cr)}`)
        ),
        h("li", {}, `${t(T.groupCr)}${sep}${cr(c.cr)}`)
      ),
      h("p", { "data-testid": "committee-agreement" }, w(c.agreement)),
      h(
        "button",
        {
          type: "button",
          id: "committee-apply",
          class: "primary",
          onclick: () => this.store.setWeights(c.weights),
        },
        t(T.apply)
      ),
    ];
  }
}
