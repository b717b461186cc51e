/* global Event, HTMLDetailsElement, HTMLElement, HTMLSelectElement */
/**
 * Step 2: every model field, key fields first, each with a column choice showing the letter and a
 * sample value, the unit and where it came from, and what leaving it unmapped does. Unrecognised
 * columns that look like a field are offered in one click. Rebuilt in place on a mapping change,
 * with focus kept on the field being edited.
 */
import type { ColumnReport } from "../../workbook/types";
import { readingCounts } from "../../workbook/reading";
import { h, keepFocus, option } from "../../ui/dom";
import { mappingInfo, type FieldInfo } from "../mapping-info";
import type { Store } from "../store";
import { setText, text, truncate, type View } from "./view";

const T = {
  step: { zh: "2. 列映射", en: "2. Column mapping" },
  key: { zh: "关键字段", en: "Key fields" },
  optional: { zh: "可选字段", en: "Optional fields" },
  none: { zh: "（不使用）", en: "(not used)" },
  required: { zh: "必需", en: "required" },
  unit: { zh: "单位：", en: "Unit: " },
  guess: { zh: "（猜测，请确认）", en: " (a guess: please check)" },
  maybe: { zh: "可能是：", en: "Looks like: " },
  use: { zh: "使用", en: "Use" },
  missingKey: { zh: "缺少关键列：", en: "Key columns missing: " },
  mapped: { zh: "已映射", en: "mapped" },
  cells: { zh: "单元格：", en: "Cells: " },
  guessed: { zh: "？按假定单位读取：", en: "? read in an assumed unit: " },
  noted: { zh: "～带说明读取：", en: "~ read with a note: " },
};

export class MappingView implements View {
  readonly el: HTMLElement;
  private readonly summaryText = h("span", { class: "muted" });
  private readonly body = h("div", { class: "mapping-body" });

  constructor(private readonly store: Store) {
    this.el = h(
      "details",
      { class: "step", id: "step-mapping", open: true },
      h("summary", {}, h("h2", {}, text(store, T.step)), " ", this.summaryText),
      this.body
    );
    this.update(new Set(["mapping", "scores"]));
  }

  update(changes: ReadonlySet<string>): void {
    const s = this.store.state;
    if (changes.has("mapping") || changes.has("table")) keepFocus(this.el, () => this.render());
    if (changes.has("scores")) (this.el as HTMLDetailsElement).open = s.scoring === null;
    this.el.hidden = s.table === null;
  }

  private render(): void {
    const { table, model, lang } = this.store.state;
    if (!table) {
      this.body.replaceChildren();
      return;
    }
    const info = mappingInfo(table, model, lang);
    const all = [...info.key, ...info.optional];
    const mapped = all.filter((f) => f.mapped).length;
    setText(this.summaryText, `${mapped}/${all.length} ${text(this.store, T.mapped)}`);
    const missing = info.key.filter((f) => !f.mapped).map((f) => f.field.label[lang]);
    const field = (f: FieldInfo) => {
      const id = `map-${f.field.id}`;
      const select = h(
        "select",
        {
          id,
          "data-focus": id,
          "data-field": f.field.id,
          onchange: (e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            this.store.remap(f.field.id, v === "" ? null : Number(v));
          },
        },
        option("", text(this.store, T.none), !f.mapped)
      );
      for (const c of info.columns) {
        const sample = c.sample ? ` · ${truncate(c.sample, 16)}` : "";
        select.append(
          option(
            String(c.column),
            `${c.letter} · ${c.header}${sample}`,
            f.mapped?.column === c.column
          )
        );
      }
      const guess = f.mapped && f.mapped.how === "fuzzy";
      const lines = [
        f.unit ? h("p", { class: "muted small" }, text(this.store, T.unit), f.unit) : null,
        f.reading ? this.reading(f.field.id, f.reading) : null,
        f.mapped ? null : h("p", { class: "muted small consequence" }, f.ifUnmapped),
        ...f.suggestions.slice(0, 2).map((c) =>
          h(
            "p",
            { class: "small suggestion" },
            text(this.store, T.maybe),
            `${c.letter} ${c.header}`,
            c.sample ? `（${truncate(c.sample, 12)}）` : "",
            " ",
            h(
              "button",
              {
                type: "button",
                class: "link",
                "data-focus": id,
                "aria-label": `${text(this.store, T.use)} ${c.letter} ${c.header} → ${f.field.label[lang]}`,
                onclick: () => this.store.remap(f.field.id, c.column),
              },
              text(this.store, T.use)
            )
          )
        ),
      ];
      return h(
        "div",
        { class: guess ? "map-field guess" : "map-field", "data-testid": `map-${f.field.id}` },
        h(
          "label",
          { for: id },
          f.field.label[lang],
          f.field.key ? h("span", { class: "tag" }, text(this.store, T.required)) : null,
          guess ? h("span", { class: "muted small" }, text(this.store, T.guess)) : null
        ),
        select,
        ...lines
      );
    };
    const optionalMapped = info.optional.filter((f) => f.mapped).length;
    const optional = h(
      "details",
      { class: "map-group" },
      h(
        "summary",
        { "data-focus": "map-optional" },
        `${text(this.store, T.optional)} ${optionalMapped}/${info.optional.length}`
      ),
      ...info.optional.map(field)
    );
    const previous = this.body.querySelector<HTMLDetailsElement>("details.map-group");
    if (previous) optional.open = previous.open;
    const warn = h(
      "p",
      { class: "msg info" },
      text(this.store, T.missingKey),
      missing.join(lang === "zh" ? "、" : ", ")
    );
    warn.hidden = missing.length === 0;
    this.body.replaceChildren(
      warn,
      h("h3", { class: "group" }, text(this.store, T.key)),
      ...info.key.map(field),
      optional
    );
  }

  /**
   * How the column's cells read: counts, the first cells read with a note (a bound, a range …) with
   * the note, the first read with an assumed unit (？) and the first unreadable with why.
   */
  private reading(field: string, r: ColumnReport): HTMLElement {
    const lang = this.store.state.lang;
    const sep = lang === "zh" ? "、" : ", ";
    return h(
      "div",
      { class: "reading", "data-testid": `reading-${field}` },
      h(
        "p",
        { class: r.unreadable > 0 ? "small" : "muted small" },
        text(this.store, T.cells),
        readingCounts(r, lang)
      ),
      r.firstNoted.length > 0
        ? h(
            "div",
            { class: "muted small noted" },
            text(this.store, T.noted),
            h(
              "ul",
              {},
              ...r.firstNoted.map((n) =>
                h("li", {}, `${n.address}${lang === "zh" ? "：" : ": "}${n.note[lang]}`)
              ),
              r.noted > r.firstNoted.length ? h("li", {}, "…") : null
            )
          )
        : null,
      r.firstGuessed.length > 0
        ? h(
            "p",
            { class: "muted small guessed" },
            text(this.store, T.guessed),
            `${r.firstGuessed.join(sep)}${r.guessed > r.firstGuessed.length ? "…" : ""}`
          )
        : null,
      r.firstUnreadable.length > 0
        ? h(
            "ul",
            { class: "small unreadable" },
            ...r.firstUnreadable.map((u) =>
              h("li", {}, `${u.address}${lang === "zh" ? "：" : ": "}${u.reason[lang]}`)
            )
          )
        : null
    );
  }
}
