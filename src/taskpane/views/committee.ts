/* global HTMLElement, HTMLInputElement, HTMLSelectElement, HTMLTextAreaElement */
/**
 * A review committee (评审会) in the weights tab: several experts' pairwise judgements, or their
 * scores of the projects, pasted from Excel as one long table or read from one sheet per expert
 * (workbook/committee reads both). Shows the combined weights, each expert's consistency ratio and
 * the experts' agreement (Kendall's W), and applies the combined weights like any other weight change.
 */
import type { Label } from "../../engine";
import { formatNumber, formatPercent } from "../../workbook/format";
import { h } from "../../ui/dom";
import type { Aggregation, Committee } from "../../workbook/committee";
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
  aggregation: { zh: "合并方式", en: "Combine by" },
  aij: {
    zh: "合并后的维度权重（判断的几何平均，AHP）",
    en: "Combined dimension weights (geometric mean of the judgements, AHP)",
  },
  aip: {
    zh: "合并后的维度权重（各专家权重的几何平均，AHP）",
    en: "Combined dimension weights (geometric mean of each expert's weights, AHP)",
  },
  aijOption: { zh: "判断的几何平均（AIJ，评审会整体）", en: "the judgements (AIJ, one committee)" },
  aipOption: {
    zh: "各专家权重的几何平均（AIP，各自独立）",
    en: "each expert's weights (AIP, each on their own)",
  },
  sheets: {
    zh: "或：每位专家一张工作表（表名即专家名）",
    en: "Or: one sheet per expert (the sheet's name is the expert's)",
  },
  sheetsHint: {
    zh: "每张表为判断矩阵（表头和首列为各维度名）或评分表（“项目”和“评分”两列）。",
    en: 'Each sheet holds a pairwise matrix (the dimensions across its header row and down its first column) or a scores table ("project" and "score" columns).',
  },
  noSheets: {
    zh: "工作簿中没有其他可选的工作表。",
    en: "The workbook has no other sheet to choose.",
  },
  readSheets: { zh: "读取所选工作表", en: "Read the chosen sheets" },
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
  private readonly aggregation: HTMLSelectElement;
  private readonly sheetList = h("div", { "data-testid": "committee-sheets" });
  /** The choices last drawn, so a redraw keeps what the user ticked. */
  private drawn = "";
  private readonly result = h("div", { "aria-live": "polite", "data-testid": "committee-result" });

  constructor(private readonly store: Store) {
    const t = (l: Label) => text(store, l);
    this.input = h("textarea", { id: "committee-input", rows: 5, class: "committee-input" });
    this.aggregation = h(
      "select",
      { id: "committee-aggregation" },
      h("option", { value: "aij" }, t(T.aijOption)),
      h("option", { value: "aip" }, t(T.aipOption))
    );
    const how = () => this.aggregation.value as Aggregation;
    this.el = h(
      "details",
      { class: "committee", "data-testid": "committee" },
      h("summary", {}, t(T.title)),
      h(
        "div",
        { class: "committee-how" },
        h("label", { for: "committee-aggregation" }, t(T.aggregation)),
        this.aggregation
      ),
      h("p", { class: "muted small" }, t(T.hint)),
      h("label", { for: "committee-input" }, t(T.input)),
      this.input,
      h(
        "button",
        {
          type: "button",
          id: "committee-read",
          onclick: () => void store.readJudgements(this.input.value, how()),
        },
        t(T.read)
      ),
      h(
        "fieldset",
        { class: "committee-sheets" },
        h("legend", {}, t(T.sheets)),
        h("p", { class: "muted small" }, t(T.sheetsHint)),
        this.sheetList,
        h(
          "button",
          {
            type: "button",
            id: "committee-read-sheets",
            onclick: () => void store.readExpertSheets(this.chosen(), how()),
          },
          t(T.readSheets)
        )
      ),
      this.result
    );
  }

  /** The sheets ticked, in workbook order. */
  private chosen(): string[] {
    return [...this.sheetList.querySelectorAll<HTMLInputElement>("input:checked")].map(
      (i) => i.value
    );
  }

  /** One checkbox per sheet an expert's judgements may be on (redrawn only when the list changes). */
  private drawSheets(): void {
    const names = this.store.expertSheetChoices();
    if (names.join("\n") === this.drawn && this.sheetList.childElementCount > 0) return;
    this.drawn = names.join("\n");
    const ticked = new Set(this.chosen());
    this.sheetList.replaceChildren(
      ...(names.length === 0
        ? [h("p", { class: "muted small" }, text(this.store, T.noSheets))]
        : names.map((name, k) =>
            h(
              "div",
              { class: "check" },
              h("input", {
                type: "checkbox",
                id: `committee-sheet-${k}`,
                value: name,
                checked: ticked.has(name),
              }),
              h("label", { for: `committee-sheet-${k}` }, name)
            )
          ))
    );
  }

  update(): void {
    this.drawSheets();
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
      h("h3", { class: "sub" }, t(T[c.aggregation])),
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
        // AIP combines weights, not judgements: there is no combined matrix to check.
        c.aggregation === "aij" ? h("li", {}, `${t(T.groupCr)}${sep}${cr(c.cr)}`) : null
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
