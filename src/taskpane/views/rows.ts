/* global HTMLElement */
/**
 * Ranked rows: rank with its move since the last write (▲▼), name, chain · stage · decision, the key
 * amounts (总投资, 年税收), 待补充 when criteria lack data, a small bar of the dimensions' points, and
 * the score with its grade. Each row's nodes are built once and updated in place on a re-rank; the
 * order is restored with focus kept on the row the user was on.
 */
import { decisionLabel } from "../../workbook";
import { formatMoney, formatScore } from "../../workbook/format";
import { h, keepFocus } from "../../ui/dom";
import type { Row } from "../session";
import { chainName, type Store } from "../store";
import { paintGrade, setText, text } from "./view";

const T = {
  zdyq: { zh: "招大引强", en: "Big & strong" },
  foreign: { zh: "外资", en: "Foreign" },
  gate: { zh: "未过门槛", en: "Gate failed" },
  missing: { zh: "待补充", en: "Data missing" },
  items: { zh: "项", en: "" },
  investment: { zh: "总投资", en: "Investment" },
  tax: { zh: "年税收", en: "Tax" },
  up: { zh: "上升", en: "up" },
  down: { zh: "下降", en: "down" },
  stageUnknown: { zh: "进度未识别", en: "stage not recognised" },
};

interface Item {
  li: HTMLElement;
  update(r: Row): void;
}

export class RowList {
  readonly el: HTMLElement;
  private readonly items = new Map<number, Item>();

  constructor(
    private readonly store: Store,
    label: string,
    private readonly testId: string
  ) {
    this.el = h("ol", { class: "ranked", "aria-label": label, "data-testid": testId });
  }

  /** Shows `rows` in order, reusing each row's nodes. */
  show(rows: Row[]): void {
    keepFocus(this.el, () => this.el.replaceChildren(...rows.map((r) => this.item(r).li)));
  }

  /** Forgets the rows (new scores: indices mean other candidates). */
  reset(): void {
    this.items.clear();
    this.el.replaceChildren();
  }

  private item(r: Row): Item {
    const cached = this.items.get(r.index);
    if (cached) {
      cached.update(r);
      return cached;
    }
    const store = this.store;
    const s = store.state;
    const flags = h("span", { class: "flags" });
    if (r.flags.some((f) => f.startsWith("zdyq")))
      flags.append(h("span", { class: "tag strong" }, text(store, T.zdyq)));
    if (r.foreign) flags.append(h("span", { class: "tag" }, text(store, T.foreign)));
    if (r.gateFailed) flags.append(h("span", { class: "tag warn" }, text(store, T.gate)));
    if (r.missing > 0)
      flags.append(
        h(
          "span",
          { class: "tag todo", title: `${Math.round(r.completeness * 100)}%` },
          `${text(store, T.missing)} ${r.missing}${text(store, T.items)}`
        )
      );
    const rank = h("span", { class: "rank" });
    const move = h("span", { class: "move" });
    const meta = h("span", { class: "meta" });
    const value = h("span", { class: "value" });
    const grade = h("span", { class: "grade" });
    const amounts = h("span", { class: "amounts" });
    const money = (v: number) =>
      formatMoney(v * s.model.amountMultiplier, s.model.currency, s.lang);
    const parts = [
      r.investment === r.investment ? `${text(store, T.investment)} ${money(r.investment)}` : "",
      r.tax === r.tax ? `${text(store, T.tax)} ${money(r.tax)}` : "",
    ].filter(Boolean);
    amounts.textContent = parts.join(" · ");
    const dims = s.model.dimensions;
    const segments = dims.map((d, k) =>
      h("span", { class: `seg d${k % 8}`, title: d.label[s.lang] })
    );
    const bar = h("span", { class: "dimbar", "aria-hidden": "true" }, ...segments);
    const li = h(
      "li",
      {},
      h(
        "button",
        {
          type: "button",
          class: "row",
          "data-index": r.index,
          "data-focus": `row-${this.testId}-${r.index}`,
          onclick: () => store.openDetail(r.index),
        },
        h("span", { class: "rank-box" }, rank, move),
        h(
          "span",
          { class: "main" },
          h("span", { class: "name" }, r.name),
          meta,
          amounts,
          bar,
          flags
        ),
        h("span", { class: "score" }, value, grade)
      )
    );
    const update = (x: Row) => {
      const scoring = store.state.scoring!;
      setText(rank, x.rank === null ? "—" : String(x.rank));
      const change = scoring.rankChange(x.index);
      setText(move, change > 0 ? `▲${change}` : change < 0 ? `▼${-change}` : "");
      move.className = change > 0 ? "move up" : change < 0 ? "move down" : "move";
      if (change !== 0)
        move.setAttribute(
          "aria-label",
          `${text(store, change > 0 ? T.up : T.down)} ${Math.abs(change)}`
        );
      else move.removeAttribute("aria-label");
      setText(
        meta,
        `${chainName(s.model, x.chain, s.lang)} · ${this.stageName(x)} · ${decisionLabel(s.model, x.decision, s.lang)}`
      );
      setText(value, formatScore(x.score));
      paintGrade(grade, x.grade);
      // Each dimension's points under the current weights, on the 0–100 scale of the score.
      const sc = scoring.scored;
      segments.forEach((seg, k) => {
        const v = sc.dimensionScores[k][x.index];
        seg.style.width = `${v === v ? sc.dimensionWeights[k] * v : 0}%`;
      });
    };
    update(r);
    const item = { li, update };
    this.items.set(r.index, item);
    return item;
  }

  private stageName(r: Row): string {
    const s = this.store.state;
    const st = s.model.stages?.find((x) => x.id === r.stage);
    if (st) return st.label[s.lang];
    return r.stageText ? `${r.stageText} (${text(this.store, T.stageUnknown)})` : "—";
  }
}
