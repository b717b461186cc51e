/* global HTMLElement */
/**
 * One candidate: score, grade, rank and decision; the dimensions as bars with their points; then each
 * dimension's criteria in plain language (from describe.ts), its unknown criteria folded with what
 * supplying them could add; gates, bonuses and flags with their reasons; and "go to row".
 */
import { decisionLabel } from "../../workbook";
import { formatNumber, formatScore } from "../../workbook/format";
import { h } from "../../ui/dom";
import { describe } from "../describe";
import * as perf from "../perf";
import type { Store } from "../store";
import { paintGrade, text, type View } from "./view";

const T = {
  back: { zh: "返回列表", en: "Back to list" },
  rank: { zh: "排名", en: "Rank" },
  dims: { zh: "各维度得分", en: "Points by dimension" },
  pts: { zh: "分", en: "pts" },
  of: { zh: "满分", en: "of" },
  unknown: { zh: "项未知", en: "unknown" },
  couldAdd: { zh: "补充后最多可加", en: "supplying them could add up to" },
  gates: { zh: "门槛与标记", en: "Gates and flags" },
  passed: { zh: "项门槛已通过", en: "gates passed" },
  notes: { zh: "说明", en: "Notes" },
  goTo: { zh: "在工作表中定位到该行", en: "Go to the row in the sheet" },
  noneUnknown: { zh: "各项数据齐全", en: "No data missing" },
};

export class DetailView implements View {
  readonly el: HTMLElement;
  constructor(private readonly store: Store) {
    this.el = h("article", {
      class: "detail",
      "aria-labelledby": "detail-name",
      "data-testid": "detail",
    });
    this.el.hidden = true;
  }

  update(): void {}

  /** Builds the detail of candidate `index` (again, after a weight change); focuses its title when opened. */
  show(index: number, opened: boolean): void {
    perf.start("zs:detail");
    const store = this.store;
    const s = store.state;
    const scoring = s.scoring!;
    const t = (l: { zh: string; en: string }) => text(store, l);
    const d = describe(scoring.scored, index, scoring.table, s.lang);
    const row = scoring.rows()[index];
    const pts = t(T.pts);
    const sep = s.lang === "zh" ? "：" : ": ";

    const dimChart = h(
      "ul",
      { class: "dims", "data-testid": "dimension-chart", "aria-label": t(T.dims) },
      ...d.dimensions.map((dim) => {
        const full = dim.weight * 100;
        const track = h("span", { class: "bar-full" });
        const fill = h("span", { class: "bar-fill" });
        // Track length: the dimension's weight (its full marks); fill: the points earned.
        track.style.width = `${Math.min(100, (full / maxWeight(d.dimensions)) * 100)}%`;
        fill.style.width = `${full > 0 ? (dim.points / full) * 100 : 0}%`;
        track.append(fill);
        return h(
          "li",
          { class: "bar", "data-dimension": dim.id },
          h("span", { class: "bar-label" }, dim.label),
          h("span", { class: "bar-track", "aria-hidden": "true" }, track),
          h(
            "span",
            { class: "bar-value" },
            `${formatScore(dim.points)} / ${formatNumber(full, 1)} ${pts}`
          )
        );
      })
    );

    const blocks = d.dimensions.map((dim) => {
      const section = h(
        "section",
        { class: "dim-block", "data-dimension": dim.id },
        h("h4", {}, `${dim.label} · ${formatScore(dim.points)} ${pts}`)
      );
      if (dim.criteria.length > 0)
        section.append(
          h(
            "ul",
            { class: "criteria" },
            ...dim.criteria.map((c) =>
              h(
                "li",
                { "data-criterion": c.id },
                h("span", { class: "crit" }, c.text),
                c.derived ? h("span", { class: "muted small derived" }, c.derived) : null,
                c.reading ? h("span", { class: "muted small reading" }, c.reading) : null,
                c.note ? h("span", { class: "muted small note" }, c.note) : null
              )
            )
          )
        );
      if (dim.unknown.length > 0) {
        const add = dim.unknown.reduce((a, u) => a + u.couldAdd, 0);
        section.append(
          h(
            "details",
            { class: "unknown", "data-testid": "unknown" },
            h(
              "summary",
              {},
              `${dim.unknown.length} ${t(T.unknown)} · ${t(T.couldAdd)} ${formatScore(add)} ${pts}`
            ),
            h(
              "ul",
              {},
              ...dim.unknown.map((u) =>
                h("li", {}, `${u.label}${sep}${u.now}（+${formatScore(u.couldAdd)} ${pts}）`)
              )
            )
          )
        );
      }
      return section;
    });

    const gateItems = [
      ...d.gates.map((g) =>
        h(
          "li",
          { class: g.kind === "failed" ? "gate failed" : "gate unknown" },
          `${g.label}${sep}${g.text}`
        )
      ),
      ...d.bonuses.map((b) => h("li", { class: "bonus" }, b)),
      ...d.flags.map((f) => h("li", { class: "flag" }, f)),
      h("li", { class: "muted" }, `${d.passedGates} ${t(T.passed)}`),
    ];
    const table = scoring.table;
    const origin = table.read.table.origin ?? { row: 0, col: 0 };
    this.el.replaceChildren(
      h(
        "button",
        { type: "button", class: "link", id: "detail-back", onclick: () => store.closeDetail() },
        `← ${t(T.back)}`
      ),
      h("h3", { id: "detail-name", tabindex: -1 }, row.name),
      h(
        "p",
        { class: "headline" },
        h("span", { class: "big" }, formatScore(d.score.score)),
        paintGrade(h("span", { class: "grade" }), d.score.grade),
        ` ${t(T.rank)} ${d.score.rank ?? "—"} · ${decisionLabel(s.model, d.score.decision, s.lang)}`
      ),
      h(
        "p",
        { class: "summary", "data-testid": "explanation" },
        d.score.explanation.summary[s.lang]
      ),
      h(
        "p",
        { class: "muted small" },
        d.unknownCount > 0
          ? `${d.unknownCount} ${t(T.unknown)} · ${t(T.couldAdd)} ${formatScore(d.couldAdd)} ${pts}`
          : t(T.noneUnknown)
      ),
      h("h4", {}, t(T.dims)),
      dimChart,
      ...blocks,
      h("h4", {}, t(T.gates)),
      h("ul", { class: "notes", "data-testid": "gates" }, ...gateItems),
      ...(d.notes.length > 0
        ? [
            h("h4", {}, t(T.notes)),
            h("ul", { class: "notes" }, ...d.notes.map((n) => h("li", {}, n))),
          ]
        : []),
      h(
        "button",
        {
          type: "button",
          id: "goto-row",
          onclick: () =>
            void store.selectRow(
              table.read.table.name,
              row.sheetRow,
              origin.col + table.location.firstCol,
              origin.col + table.location.lastCol
            ),
        },
        t(T.goTo)
      )
    );
    if (opened) this.el.querySelector<HTMLElement>("#detail-name")?.focus();
    perf.end("zs:detail", this.el);
  }
}

function maxWeight(dims: { weight: number }[]): number {
  return Math.max(1e-9, ...dims.map((x) => x.weight * 100));
}
