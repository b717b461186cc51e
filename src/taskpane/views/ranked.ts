/* global Event, HTMLElement, HTMLInputElement, HTMLSelectElement */
/**
 * The ranking tab: search, filters, sort by any column in either direction, the score distribution,
 * the rows, and the detail of one candidate in place of the list. Closing the detail (button or Esc)
 * returns focus to the row it was opened from.
 */
import { h, option } from "../../ui/dom";
import { SORT_KEYS, chainName, type Filters, type SortKey, type Store } from "../store";
import { DetailView } from "./detail";
import { DistributionView } from "./distribution";
import { RowList } from "./rows";
import { setText, text, type View } from "./view";

const T = {
  list: { zh: "排名", en: "Ranking" },
  search: { zh: "搜索项目", en: "Search projects" },
  allChains: { zh: "全部产业链", en: "All chains" },
  allStages: { zh: "全部进度", en: "All stages" },
  allGrades: { zh: "全部等级", en: "All grades" },
  allOrigins: { zh: "内外资", en: "Foreign & domestic" },
  foreign: { zh: "外资", en: "Foreign" },
  domestic: { zh: "内资", en: "Domestic" },
  sortBy: { zh: "排序", en: "Sort by" },
  asc: { zh: "升序", en: "Ascending" },
  desc: { zh: "降序", en: "Descending" },
  shown: { zh: "显示", en: "Showing" },
  more: { zh: "显示更多", en: "Show more" },
  empty: { zh: "没有符合条件的项目。", en: "No project matches these filters." },
  clear: { zh: "清除筛选", en: "Clear filters" },
};

const SORT_LABEL: Record<SortKey, { zh: string; en: string }> = {
  rank: { zh: "排名", en: "Rank" },
  name: { zh: "项目名称", en: "Name" },
  score: { zh: "得分", en: "Score" },
  investment: { zh: "总投资", en: "Investment" },
  tax: { zh: "年税收", en: "Annual tax" },
  completeness: { zh: "数据完整度", en: "Completeness" },
  chain: { zh: "产业链", en: "Chain" },
  stage: { zh: "进度", en: "Stage" },
};

export class RankedView implements View {
  readonly el: HTMLElement;
  private readonly listBox: HTMLElement;
  private readonly rows: RowList;
  private readonly count = h("p", { class: "muted count" });
  private readonly empty: HTMLElement;
  private readonly more: HTMLElement;
  private readonly dir: HTMLElement;
  private readonly sort: HTMLSelectElement;
  private readonly search: HTMLInputElement;
  private readonly selects = new Map<keyof Filters, HTMLSelectElement>();
  private readonly distribution: DistributionView;
  private readonly detail: DetailView;

  constructor(private readonly store: Store) {
    const t = (l: { zh: string; en: string }) => text(store, l);
    this.rows = new RowList(store, t(T.list), "ranked-list");
    this.distribution = new DistributionView(store);
    this.detail = new DetailView(store);
    this.search = h("input", {
      id: "search",
      type: "search",
      placeholder: t(T.search),
      oninput: (e: Event) => store.setFilter("search", (e.target as HTMLInputElement).value),
    });
    this.sort = h(
      "select",
      {
        id: "sort",
        "data-testid": "sort",
        onchange: (e: Event) =>
          store.sortBy((e.target as HTMLSelectElement).value as SortKey, undefined),
      },
      ...SORT_KEYS.map((k) => option(k, t(SORT_LABEL[k])))
    );
    this.dir = h("button", {
      type: "button",
      id: "sort-dir",
      class: "icon",
      "data-testid": "sort-dir",
      onclick: () =>
        store.sortBy(store.state.sort.key, store.state.sort.dir === "asc" ? "desc" : "asc"),
    });
    this.empty = h(
      "div",
      { class: "empty", "data-testid": "empty" },
      h("p", {}, t(T.empty)),
      h("button", { type: "button", id: "clear-filters", onclick: () => this.clear() }, t(T.clear))
    );
    this.more = h(
      "button",
      { type: "button", class: "more", id: "more", onclick: () => store.showMore() },
      t(T.more)
    );
    const toolbar = h(
      "div",
      { class: "toolbar" },
      h(
        "div",
        { class: "field grow" },
        h("label", { for: "search", class: "sr-only" }, t(T.search)),
        this.search
      ),
      this.filter("chain", T.allChains),
      this.filter("stage", T.allStages),
      this.filter("grade", T.allGrades),
      this.filter("origin", T.allOrigins),
      h(
        "div",
        { class: "field sort" },
        h("label", { for: "sort" }, t(T.sortBy)),
        this.sort,
        this.dir
      )
    );
    this.listBox = h(
      "div",
      { class: "list" },
      toolbar,
      this.distribution.el,
      this.count,
      this.empty,
      this.rows.el,
      this.more
    );
    this.el = h("div", {}, this.listBox, this.detail.el);
  }

  private filter(key: keyof Filters, all: { zh: string; en: string }): HTMLElement {
    const id = `filter-${key}`;
    const select = h("select", {
      id,
      "data-testid": id,
      onchange: (e: Event) =>
        this.store.setFilter(key, (e.target as HTMLSelectElement).value as Filters[typeof key]),
    });
    select.append(option("", text(this.store, all)));
    this.selects.set(key, select);
    return h(
      "div",
      { class: "field" },
      h("label", { for: id, class: "sr-only" }, text(this.store, all)),
      select
    );
  }

  private clear(): void {
    this.store.clearFilters();
    this.search.focus();
  }

  /** Filter choices from the scored rows (only chains and stages that occur). */
  private fillFilters(): void {
    const s = this.store.state;
    const rows = s.scoring?.rows() ?? [];
    const chains = [...new Set(rows.map((r) => r.chain).filter((c): c is string => !!c))].sort();
    const values: Record<keyof Filters, [string, string][]> = {
      search: [],
      chain: chains.map((c) => [c, chainName(s.model, c, s.lang)]),
      stage: (s.model.stages ?? [])
        .filter((st) => rows.some((r) => r.stage === st.id))
        .map((st) => [st.id, st.label[s.lang]]),
      grade: s.model.grades.bands.map((b) => [b.grade, b.label[s.lang]]),
      origin: [
        ["foreign", text(this.store, T.foreign)],
        ["domestic", text(this.store, T.domestic)],
      ],
    };
    for (const [key, select] of this.selects) {
      const first = select.options[0];
      select.replaceChildren(first, ...values[key].map(([v, label]) => option(v, label)));
    }
  }

  update(changes: ReadonlySet<string>): void {
    const s = this.store.state;
    if (!s.scoring) return;
    const fresh = changes.has("scores") || changes.has("show");
    if (changes.has("scores")) {
      this.rows.reset();
      this.fillFilters();
    }
    if (fresh || changes.has("list")) {
      // Controls show the state (cleared filters, a sort chosen elsewhere).
      for (const [key, select] of this.selects) select.value = s.filters[key];
      if (this.search.value !== s.filters.search) this.search.value = s.filters.search;
      this.sort.value = s.sort.key;
      const asc = s.sort.dir === "asc";
      setText(this.dir, asc ? "↑" : "↓");
      this.dir.setAttribute(
        "aria-label",
        `${text(this.store, T.sortBy)}: ${text(this.store, asc ? T.asc : T.desc)}`
      );
    }
    if (fresh || changes.has("list") || changes.has("weights")) this.renderList();
    if (fresh || changes.has("weights")) this.distribution.update();
    // Opening or closing a detail touches only the detail: the list stays as it was.
    if (fresh || changes.has("detail") || changes.has("weights") || changes.has("list"))
      this.showDetail(changes);
  }

  private renderList(): void {
    const s = this.store.state;
    const rows = this.store.visibleRows();
    const shown = rows.slice(0, s.limit);
    this.rows.show(shown);
    setText(this.count, `${text(this.store, T.shown)} ${shown.length} / ${rows.length}`);
    this.empty.hidden = rows.length > 0;
    this.more.hidden = rows.length <= shown.length;
  }

  private showDetail(changes: ReadonlySet<string>): void {
    const s = this.store.state;
    const open = s.detail !== null;
    const wasOpen = !this.detail.el.hidden;
    this.listBox.hidden = open;
    this.detail.el.hidden = !open;
    if (open) {
      this.detail.show(s.detail!, !wasOpen || changes.has("detail"));
    } else if (wasOpen && s.lastDetail !== null) {
      // Back from a detail: focus the row it was opened from.
      this.listBox.querySelector<HTMLElement>(`button.row[data-index="${s.lastDetail}"]`)?.focus();
    }
  }
}
