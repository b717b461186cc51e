/* global HTMLElement, HTMLInputElement */
/**
 * The targets tab: the year's targets, editable (year and each figure) and saved with the workbook's
 * model; progress of signed projects against each with the gap left; and, for the k chosen here, what
 * signing the top k projects now in negotiation would add.
 */
import type { Label } from "../../engine";
import { formatNumber } from "../../workbook/format";
import { h, keepFocus } from "../../ui/dom";
import type { Store, Targets } from "../store";
import { MessageView } from "./message";
import { topKInput } from "./top-k";
import { text, type View } from "./view";

const T = {
  hint: {
    zh: "已签约及以后的项目对年度目标的完成情况；虚线为排名前 k 的在谈项目签约后的预计。",
    en: "Progress of signed (and later) projects; the dashed mark shows the projection if the top k projects in negotiation sign.",
  },
  year: { zh: "目标年份", en: "Target year" },
  save: { zh: "保存目标到工作簿", en: "Save targets in the workbook" },
  gap: { zh: "差距", en: "Gap" },
  met: { zh: "已完成", en: "Met" },
  ifTop: { zh: "若前 k 名签约", en: "If the top k sign" },
  newlyMet: { zh: "签约后新完成：", en: "Newly met if they sign: " },
  none: { zh: "模型中没有年度目标。", en: "The model has no targets." },
};

export class TargetsView implements View {
  readonly el: HTMLElement;
  private readonly body = h("div", {});
  private readonly k: ReturnType<typeof topKInput>;
  private readonly message: MessageView;

  constructor(private readonly store: Store) {
    this.k = topKInput(store, "k-targets");
    this.message = new MessageView(store, "targets");
    this.el = h("div", {}, h("p", { class: "muted" }, text(store, T.hint)), this.k.el, this.body);
  }

  update(changes: ReadonlySet<string>): void {
    if (changes.has("message")) this.message.update();
    if (!["show", "weights", "targets", "scores", "list"].some((c) => changes.has(c))) return;
    this.k.sync();
    const s = this.store.state;
    const scoring = s.scoring;
    const targets = s.model.targets;
    if (!scoring || !targets || targets.items.length === 0) {
      this.body.replaceChildren(h("p", { class: "muted" }, text(this.store, T.none)));
      return;
    }
    const t = (l: Label) => text(this.store, l);
    const summary = scoring.portfolio(s.topK, s.model);
    const ifTop = t(T.ifTop).replace(/\bk\b/, String(summary.ifTopSign.topK));
    const year = h("input", {
      type: "number",
      id: "target-year",
      class: "num-input",
      min: 2000,
      max: 2100,
      value: targets.year,
    });
    const values = new Map<string, HTMLInputElement>();
    const boxes = summary.targets.map((p, k) => {
      const projected = summary.ifTopSign.targets[k].actual;
      const unit = p.unit[s.lang];
      const pct = Math.min(100, p.share * 100);
      const proj = Math.min(100, p.target > 0 ? (projected / p.target) * 100 : 100);
      const id = `target-${p.id}`;
      const input = h("input", {
        type: "number",
        id,
        class: "num-input",
        min: 0,
        step: "any",
        value: targets.items.find((x) => x.id === p.id)?.value ?? p.target,
      });
      values.set(p.id, input);
      const fill = h("span", { class: "progress-fill" });
      fill.style.width = `${pct}%`;
      const mark = h("span", { class: "progress-proj" });
      mark.style.left = `${proj}%`;
      const actual = `${formatNumber(p.actual)} / ${formatNumber(p.target)} ${unit}`;
      return h(
        "div",
        { class: "target", "data-target": p.id },
        h(
          "div",
          { class: "target-head" },
          h("label", { for: id }, p.label[s.lang]),
          h("span", { class: "target-edit" }, input, h("span", { class: "muted small" }, unit))
        ),
        h(
          "div",
          {
            class: "progress",
            role: "progressbar",
            "aria-valuemin": 0,
            "aria-valuemax": 100,
            "aria-valuenow": Math.round(pct),
            "aria-valuetext": actual,
            "aria-label": p.label[s.lang],
          },
          h("span", { class: "progress-inner" }, fill, mark)
        ),
        h(
          "div",
          { class: "muted small" },
          h("span", { "data-testid": "target-actual" }, actual),
          " · ",
          h(
            "span",
            { "data-testid": "target-gap" },
            p.met ? t(T.met) : `${t(T.gap)} ${formatNumber(p.gap)} ${unit}`
          ),
          " · ",
          h(
            "span",
            { "data-testid": "target-projected" },
            `${ifTop}: ${formatNumber(projected)} ${unit}`
          )
        )
      );
    });
    const save = () => {
      const next: Targets = {
        year: Number(year.value),
        items: targets.items.map((item) => ({
          ...item,
          value: Number(values.get(item.id)?.value ?? item.value),
        })),
      };
      void this.store.saveTargets(next);
    };
    const newly = summary.ifTopSign.newlyMet
      .map((id) => summary.targets.find((x) => x.id === id)?.label[s.lang] ?? id)
      .join(s.lang === "zh" ? "、" : ", ");
    keepFocus(this.body, () =>
      this.body.replaceChildren(
        h("div", { class: "field" }, h("label", { for: "target-year" }, t(T.year)), year),
        ...boxes,
        h(
          "div",
          { class: "actions" },
          h(
            "button",
            { type: "button", class: "primary", id: "save-targets", onclick: save },
            t(T.save)
          )
        ),
        this.message.el,
        newly ? h("p", { class: "msg info" }, t(T.newlyMet), newly) : h("span", {}),
        ...summary.notes.map((n) => h("p", { class: "muted small" }, n[s.lang]))
      )
    );
  }
}
