/* global document, Event, HTMLDetailsElement, HTMLElement, HTMLInputElement, HTMLSelectElement, KeyboardEvent, requestAnimationFrame */
/**
 * The task pane UI: plain DOM over a Host. Steps: table found → mapping → Score → ranked list with
 * detail, weights (live re-ranking, AHP helper), stability and targets. Bilingual, keyboard usable.
 */
import type { Label, Lang, ScoringModel } from "../engine";
import {
  decisionLabel,
  gridToModel,
  isModelGrid,
  MODEL_SHEET_NAME,
  modelToGrid,
  RESULT_SHEET_NAME,
} from "../workbook";
import type { MappingOverride, PlannedResults } from "../workbook/types";
import { clear, h, option, svg, uid } from "../ui/dom";
import type { Host, PaneSettings, ScoreCard } from "../workbook/host";
import {
  ahpWeights,
  headerSignature,
  LabelledError,
  openTable,
  type Row,
  Scoring,
  type Table,
} from "./session";
import * as perf from "./perf";

const T = {
  title: { zh: "招商评分", en: "ZS Scorer" },
  lang: { zh: "语言", en: "Language" },
  step1: { zh: "1. 候选项目表", en: "1. Candidate table" },
  step2: { zh: "2. 列映射", en: "2. Column mapping" },
  step3: { zh: "3. 评分", en: "3. Score" },
  reread: { zh: "重新读取", en: "Read again" },
  rows: { zh: "行", en: "rows" },
  cols: { zh: "列", en: "columns" },
  field: { zh: "字段", en: "Field" },
  column: { zh: "列", en: "Column" },
  confidence: { zh: "可信度", en: "Confidence" },
  none: { zh: "（不使用）", en: "(not used)" },
  unmappedKey: { zh: "缺少关键列：", en: "Key columns missing: " },
  target: { zh: "结果写到", en: "Write results to" },
  toColumns: { zh: "表格右侧的结果列", en: "Result columns beside the table" },
  toSheet: { zh: "单独的结果工作表", en: "A separate result sheet" },
  score: { zh: "评分", en: "Score" },
  scored: { zh: "已评分并写入", en: "Scored and written to" },
  useSheet: { zh: "改写到结果工作表", en: "Write to the result sheet instead" },
  tabRanked: { zh: "排名", en: "Ranking" },
  tabWeights: { zh: "权重", en: "Weights" },
  tabStability: { zh: "稳定性", en: "Stability" },
  tabTargets: { zh: "目标", en: "Targets" },
  search: { zh: "搜索项目", en: "Search projects" },
  allChains: { zh: "全部产业链", en: "All chains" },
  allStages: { zh: "全部进度", en: "All stages" },
  allGrades: { zh: "全部等级", en: "All grades" },
  allOrigins: { zh: "内外资", en: "Foreign & domestic" },
  foreign: { zh: "外资", en: "Foreign" },
  domestic: { zh: "内资", en: "Domestic" },
  sortBy: { zh: "排序", en: "Sort by" },
  rank: { zh: "排名", en: "Rank" },
  name: { zh: "项目", en: "Project" },
  scoreCol: { zh: "得分", en: "Score" },
  grade: { zh: "等级", en: "Grade" },
  decision: { zh: "建议", en: "Decision" },
  chain: { zh: "产业链", en: "Chain" },
  stage: { zh: "进度", en: "Stage" },
  zdyq: { zh: "招大引强", en: "Big & strong" },
  gate: { zh: "未过门槛", en: "Gate failed" },
  shown: { zh: "显示", en: "Showing" },
  of: { zh: "共", en: "of" },
  more: { zh: "显示更多", en: "Show more" },
  back: { zh: "返回列表", en: "Back to list" },
  goTo: { zh: "定位到行", en: "Go to row" },
  contributions: { zh: "各项得分贡献", en: "Contribution of each criterion" },
  notes: { zh: "说明", en: "Notes" },
  apply: { zh: "应用并写入", en: "Apply and write" },
  reset: { zh: "恢复模型权重", en: "Reset to model" },
  weightsHint: {
    zh: "拖动即重新排名；点“应用”前不写入工作簿。",
    en: "Moving a weight re-ranks at once; nothing is written until Apply.",
  },
  ahp: { zh: "AHP 两两比较", en: "AHP pairwise comparison" },
  ahpUse: { zh: "采用 AHP 权重", en: "Use AHP weights" },
  ahpMore: { zh: "比…重要", en: "vs" },
  cr: { zh: "一致性比率 CR", en: "Consistency ratio CR" },
  stabilityHint: {
    zh: "各维度权重随机变动 ±20%（400 次）时，前几名仍留在前 k 名的概率。",
    en: "Probability of staying in the top k when dimension weights vary randomly by ±20% (400 runs).",
  },
  targetsHint: {
    zh: "已签约及以后的项目对年度目标的完成情况；虚线为排名前 k 的在谈项目签约后的预计。",
    en: "Progress of signed (and later) projects; the dashed mark shows the projection if the top k projects in negotiation sign.",
  },
  gap: { zh: "差距", en: "Gap" },
  ifTop: { zh: "若前 k 名签约", en: "If the top k sign" },
  insertModel: { zh: "插入评分模型工作表", en: "Insert the scoring model sheet" },
  modelFromSheet: { zh: "使用工作簿中的评分模型", en: "Using the workbook's scoring model" },
  modelDefault: { zh: "使用默认模型", en: "Using the default model" },
  modelInserted: { zh: "已插入评分模型工作表", en: "Scoring model sheet inserted" },
  working: { zh: "处理中…", en: "Working…" },
  cards: {
    zh: "在“说明”列附加明细卡片（Excel 数据类型；得分列仍为数字）",
    en: "Add breakdown cards in the Explanation column (Excel data types; scores stay numbers)",
  },
  stay: { zh: "留在前 k 名的概率", en: "Probability of staying in the top k" },
  met: { zh: "已完成", en: "Met" },
  newlyMet: { zh: "签约后新完成：", en: "Newly met if they sign: " },
  stageUnknown: { zh: "进度未识别", en: "Stage not recognised" },
} satisfies Record<string, Label>;

const SORTS = ["rank", "name", "score", "chain", "stage"] as const;
type SortKey = (typeof SORTS)[number];
const PAGE = 200;

interface Filters {
  search: string;
  chain: string;
  stage: string;
  grade: string;
  origin: "" | "foreign" | "domestic";
  sort: SortKey;
}

export interface AppOptions {
  host: Host;
  defaultModel: ScoringModel;
  lang: Lang;
  root: HTMLElement;
}

export class App {
  private lang: Lang;
  private model: ScoringModel;
  private modelSource: "sheet" | "default" = "default";
  private table: Table | null = null;
  private scoring: Scoring | null = null;
  private override: MappingOverride = {};
  private target: "columns" | "sheet" = "columns";
  /** Breakdown cards (entity values) in the explanation column: opt-in, Excel 1.16+ only. */
  private cardsOn = false;
  private tab: "ranked" | "weights" | "stability" | "targets" = "ranked";
  private filters: Filters = {
    search: "",
    chain: "",
    stage: "",
    grade: "",
    origin: "",
    sort: "rank",
  };
  private limit = PAGE;
  private detailIndex: number | null = null;
  private topK = 5;
  private message: { text: Label; kind: "info" | "error" | "ok" } | null = null;
  private refusal = false;
  private readonly host: Host;
  private readonly root: HTMLElement;
  private readonly defaultModel: ScoringModel;
  private pairwise: number[][] = [];
  private listBody: HTMLElement | null = null;
  /** List items by candidate index for the current render (see rowItem). */
  private ahpOpen = false;
  private pendingWeights: Record<string, number> | null = null;
  private items = new Map<number, { li: HTMLElement; update: (r: Row) => void }>();

  constructor(options: AppOptions) {
    this.host = options.host;
    this.root = options.root;
    this.lang = options.lang;
    this.defaultModel = options.defaultModel;
    this.model = options.defaultModel;
  }

  private t(label: Label): string {
    return label[this.lang];
  }

  async start(): Promise<void> {
    const settings = await this.host.loadSettings().catch(() => null);
    if (settings?.lang) this.lang = settings.lang;
    if (settings?.target) this.target = settings.target;
    this.cardsOn = settings?.cards === true;
    await this.read(settings);
  }

  /** Reads the workbook again (after the user changed it or picked another file). */
  async read(settings: PaneSettings | null = null): Promise<void> {
    this.scoring = null;
    this.detailIndex = null;
    this.refusal = false;
    perf.start("zs:read");
    try {
      const read = await this.host.readWorkbook(MODEL_SHEET_NAME.zh, RESULT_SHEET_NAME[this.lang]);
      this.model = this.defaultModel;
      this.modelSource = "default";
      if (read.modelGrid && isModelGrid(read.modelGrid)) {
        const fromSheet = gridToModel(read.modelGrid, this.defaultModel);
        if (fromSheet.ok) {
          this.model = fromSheet.model;
          this.modelSource = "sheet";
        } else {
          const e = fromSheet.errors[0];
          this.message = {
            kind: "error",
            text: {
              zh: `评分模型工作表有误（${e.address}）：${e.message.zh}`,
              en: `The scoring model sheet has an error (${e.address}): ${e.message.en}`,
            },
          };
        }
      }
      const first = openTable(read, this.model);
      const saved = settings?.mapping;
      this.override =
        saved && saved.headers === headerSignature(first.location) ? saved.override : {};
      this.table =
        Object.keys(this.override).length > 0 ? openTable(read, this.model, this.override) : first;
      if (!this.message || this.message.kind !== "error") this.message = null;
    } catch (e) {
      this.table = null;
      this.message = { kind: "error", text: errorLabel(e) };
    }
    this.render();
    perf.end("zs:read", this.root);
  }

  private setLang(lang: Lang): void {
    this.lang = lang;
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en-US";
    void this.saveSettings();
    this.render();
  }

  private async saveSettings(): Promise<void> {
    const settings: PaneSettings = {
      version: 1,
      lang: this.lang,
      target: this.target,
      model: this.modelSource,
      cards: this.cardsOn,
    };
    if (this.table && Object.keys(this.override).length > 0) {
      settings.mapping = { headers: headerSignature(this.table.location), override: this.override };
    }
    await this.host.saveSettings(settings).catch(() => undefined);
  }

  private remap(field: string, column: number | null): void {
    if (!this.table) return;
    this.override = { ...this.override, [field]: column };
    this.table = openTable(this.table.read, this.model, this.override);
    this.scoring = null;
    void this.saveSettings();
    this.render();
  }

  private async score(target = this.target): Promise<void> {
    if (!this.table) return;
    this.target = target;
    perf.start("zs:first-render");
    this.busy(true);
    try {
      this.scoring = new Scoring(this.table, this.model);
      await this.write();
      void this.saveSettings();
    } catch (e) {
      this.message = { kind: "error", text: errorLabel(e) };
    }
    this.busy(false);
    this.render();
    perf.end("zs:first-render", this.root);
  }

  /** Plans and writes the current scores; a refusal explains itself and offers the result sheet. */
  private async write(): Promise<void> {
    if (!this.scoring) return;
    const plan = this.scoring.plan(this.target, this.lang);
    if (!plan.ok) {
      this.refusal = true;
      this.message = { kind: "error", text: plan.message };
      return;
    }
    this.refusal = false;
    const cards = this.host.supportsCards && this.cardsOn ? this.cards(plan) : undefined;
    const report = await this.host.writeResults(plan, cards);
    this.message = {
      kind: "ok",
      text: { zh: `${T.scored.zh} ${report.address}`, en: `${T.scored.en} ${report.address}` },
    };
  }

  /** One card per candidate, on its row: the table's row, or the result sheet's (ordered by rank). */
  private cards(plan: PlannedResults): ScoreCard[] {
    const s = this.scoring!;
    const rows = s.rows();
    const sheetOrder =
      plan.target === "sheet"
        ? [...rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.index - b.index)
        : [];
    const rowOf = new Map(sheetOrder.map((r, k) => [r.index, plan.headerRow + 1 + k]));
    return rows.map((r) => ({
      row: rowOf.get(r.index) ?? r.sheetRow,
      text: s.summary(r.index, this.lang),
      title: r.name,
      properties: [
        { name: this.t(T.scoreCol), value: Math.round(r.score * 100) / 100 },
        { name: this.t(T.grade), value: r.grade ?? "—" },
        { name: this.t(T.rank), value: r.rank ?? "—" },
        ...this.model.dimensions.map((d, k) => ({
          name: d.label[this.lang],
          value: Math.round(s.scored.dimensionScores[k][r.index] * 10) / 10,
        })),
      ],
    }));
  }

  private busy(on: boolean): void {
    this.root.setAttribute("aria-busy", on ? "true" : "false");
    for (const b of Array.from(this.root.querySelectorAll("button"))) b.disabled = on;
  }

  // --- rendering --------------------------------------------------------------------------------

  render(): void {
    document.documentElement.lang = this.lang === "zh" ? "zh-CN" : "en-US";
    clear(this.root);
    this.items.clear();
    this.root.append(this.header(), this.stepTable());
    if (this.table) this.root.append(this.stepMapping(), this.stepScore());
    if (this.scoring) this.root.append(this.results());
  }

  private header(): HTMLElement {
    const id = uid("lang");
    const select = h(
      "select",
      { id, onchange: (e: Event) => this.setLang((e.target as HTMLSelectElement).value as Lang) },
      option("zh", "简体中文", this.lang === "zh"),
      option("en", "English", this.lang === "en")
    );
    return h(
      "header",
      { class: "bar" },
      h("h1", {}, this.t(T.title)),
      h("label", { for: id, class: "sr-only" }, this.t(T.lang)),
      select
    );
  }

  private stepTable(): HTMLElement {
    const section = h(
      "section",
      { class: "step", "aria-labelledby": "step1" },
      h("h2", { id: "step1" }, this.t(T.step1))
    );
    if (this.table) {
      const { read, location } = this.table;
      section.append(
        h(
          "p",
          { class: "found", "data-testid": "table-found" },
          h("strong", {}, read.address),
          ` · ${location.dataRows.length} ${this.t(T.rows)} · ${location.lastCol - location.firstCol + 1} ${this.t(T.cols)}`
        ),
        h(
          "p",
          { class: "muted" },
          this.t(this.modelSource === "sheet" ? T.modelFromSheet : T.modelDefault),
          " · ",
          this.model.name[this.lang]
        )
      );
    }
    const actions = h(
      "div",
      { class: "actions" },
      h("button", { type: "button", onclick: () => void this.read() }, this.t(T.reread))
    );
    if (this.table && this.modelSource === "default") {
      actions.append(
        h(
          "button",
          { type: "button", onclick: () => void this.insertModel() },
          this.t(T.insertModel)
        )
      );
    }
    section.append(actions);
    if (this.message) {
      section.append(
        h(
          "div",
          {
            class: `msg ${this.message.kind}`,
            role: this.message.kind === "error" ? "alert" : "status",
          },
          this.t(this.message.text)
        )
      );
      if (this.refusal) {
        section.append(
          h(
            "button",
            { type: "button", class: "primary", onclick: () => void this.score("sheet") },
            this.t(T.useSheet)
          )
        );
      }
    }
    return section;
  }

  private async insertModel(): Promise<void> {
    await this.host.writeModelSheet(MODEL_SHEET_NAME.zh, modelToGrid(this.model, this.lang));
    this.message = { kind: "ok", text: T.modelInserted };
    await this.read();
  }

  private stepMapping(): HTMLElement {
    const { mapping, location } = this.table!;
    const headers = location.headers;
    const columnOf = new Map(mapping.mapped.map((m) => [m.field, m]));
    const fields = this.model.fields.filter((f) => columnOf.has(f.id) || f.key);
    const rows = fields.map((f) => {
      const m = columnOf.get(f.id);
      const id = uid("map");
      const select = h(
        "select",
        {
          id,
          onchange: (e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            this.remap(f.id, v === "" ? null : Number(v));
          },
        },
        option("", this.t(T.none), !m)
      );
      for (let c = location.firstCol; c <= location.lastCol; c++) {
        const text = headers[c];
        if (text === null || text === "") continue;
        select.append(option(String(c), String(text), m?.column === c));
      }
      const confidence = m ? Math.round(m.confidence * 100) : 0;
      return h(
        "tr",
        { class: m && m.how === "fuzzy" ? "guess" : "" },
        h("td", {}, h("label", { for: id }, f.label[this.lang], f.key ? " *" : "")),
        h("td", {}, select),
        h(
          "td",
          { class: "num" },
          m
            ? h("meter", {
                min: 0,
                max: 100,
                value: confidence,
                "aria-label": `${this.t(T.confidence)} ${confidence}%`,
              })
            : "",
          m ? ` ${confidence}%` : ""
        )
      );
    });
    const missing = mapping.unmapped.filter((u) => u.key).map((u) => u.label[this.lang]);
    const details = h(
      "details",
      { class: "step", open: !this.scoring },
      h(
        "summary",
        {},
        h("h2", {}, this.t(T.step2)),
        h("span", { class: "muted" }, ` ${mapping.mapped.length}/${this.model.fields.length}`)
      ),
      h(
        "table",
        { class: "mapping" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", {}, this.t(T.field)),
            h("th", {}, this.t(T.column)),
            h("th", {}, this.t(T.confidence))
          )
        ),
        h("tbody", {}, ...rows)
      )
    );
    if (missing.length > 0)
      details.append(h("p", { class: "msg info" }, this.t(T.unmappedKey), missing.join("、")));
    return details;
  }

  private stepScore(): HTMLElement {
    const radio = (value: "columns" | "sheet", text: Label) => {
      const id = uid("target");
      return h(
        "div",
        { class: "radio" },
        h("input", {
          type: "radio",
          name: "target",
          id,
          value,
          checked: this.target === value,
          onchange: () => {
            this.target = value;
          },
        }),
        h("label", { for: id }, this.t(text))
      );
    };
    return h(
      "section",
      { class: "step", "aria-labelledby": "step3" },
      h("h2", { id: "step3" }, this.t(T.step3)),
      h(
        "fieldset",
        {},
        h("legend", {}, this.t(T.target)),
        radio("columns", T.toColumns),
        radio("sheet", T.toSheet)
      ),
      this.host.supportsCards ? this.cardsOption() : null,
      h(
        "button",
        {
          type: "button",
          class: "primary",
          "data-testid": "score",
          onclick: () => void this.score(),
        },
        this.t(T.score)
      )
    );
  }

  private cardsOption(): HTMLElement {
    const id = uid("cards");
    return h(
      "div",
      { class: "check" },
      h("input", {
        type: "checkbox",
        id,
        checked: this.cardsOn,
        "data-testid": "cards",
        onchange: (e: Event) => {
          this.cardsOn = (e.target as HTMLInputElement).checked;
          void this.saveSettings();
        },
      }),
      h("label", { for: id }, this.t(T.cards))
    );
  }

  private results(): HTMLElement {
    const tabs: [typeof this.tab, Label][] = [
      ["ranked", T.tabRanked],
      ["weights", T.tabWeights],
      ["stability", T.tabStability],
      ["targets", T.tabTargets],
    ];
    const list = h("div", { role: "tablist", class: "tabs" });
    for (const [id, label] of tabs) {
      list.append(
        h(
          "button",
          {
            type: "button",
            role: "tab",
            id: `tab-${id}`,
            "aria-selected": String(this.tab === id),
            "aria-controls": "tabpanel",
            tabindex: this.tab === id ? 0 : -1,
            onclick: () => {
              this.tab = id;
              this.detailIndex = null;
              this.render();
              document.getElementById(`tab-${id}`)?.focus();
            },
            onkeydown: (e: Event) =>
              this.tabKey(
                e as KeyboardEvent,
                tabs.map((x) => x[0])
              ),
          },
          this.t(label)
        )
      );
    }
    const panel = h("div", {
      role: "tabpanel",
      id: "tabpanel",
      "aria-labelledby": `tab-${this.tab}`,
    });
    if (this.tab === "ranked")
      panel.append(this.detailIndex === null ? this.ranked() : this.detail(this.detailIndex));
    else if (this.tab === "weights") panel.append(this.weights());
    else if (this.tab === "stability") panel.append(this.stability());
    else panel.append(this.targets());
    return h("section", { class: "results" }, list, panel);
  }

  private tabKey(e: KeyboardEvent, ids: (typeof this.tab)[]): void {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    this.tab = ids[(ids.indexOf(this.tab) + step + ids.length) % ids.length];
    this.render();
    document.getElementById(`tab-${this.tab}`)?.focus();
  }

  /** Position in the model's pipeline; unknown stages last. */
  private stageOrder(id: string | null): number {
    const k = (this.model.stages ?? []).findIndex((st) => st.id === id);
    return k < 0 ? Infinity : k;
  }

  /** The model's stage label, else the cell as written (marked as not recognised). */
  private stageName(r: Row): string {
    const st = this.model.stages?.find((x) => x.id === r.stage);
    if (st) return st.label[this.lang];
    return r.stageText ? `${r.stageText} (${this.t(T.stageUnknown)})` : "—";
  }

  private chainName(id: string | null): string {
    if (!id) return "—";
    return this.model.chain?.chains.find((c) => c.id === id)?.name[this.lang] ?? id;
  }

  private visibleRows(): Row[] {
    const f = this.filters;
    const q = f.search.trim().toLowerCase();
    const rows = this.scoring!.rows().filter(
      (r) =>
        (!q || r.name.toLowerCase().includes(q)) &&
        (!f.chain || r.chain === f.chain) &&
        (!f.stage || r.stage === f.stage) &&
        (!f.grade || r.grade === f.grade) &&
        (!f.origin || (f.origin === "foreign") === r.foreign)
    );
    const byRank = (a: Row, b: Row) =>
      (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.index - b.index;
    const compare: Record<SortKey, (a: Row, b: Row) => number> = {
      rank: byRank,
      score: (a, b) => b.score - a.score || byRank(a, b),
      name: (a, b) => a.name.localeCompare(b.name, this.lang === "zh" ? "zh-CN" : "en"),
      chain: (a, b) =>
        this.chainName(a.chain).localeCompare(this.chainName(b.chain)) || byRank(a, b),
      stage: (a, b) => this.stageOrder(a.stage) - this.stageOrder(b.stage) || byRank(a, b),
    };
    return rows.sort(compare[f.sort]);
  }

  private filterSelect(
    key: "chain" | "stage" | "grade" | "origin",
    all: Label,
    values: [string, string][]
  ): HTMLElement {
    const id = uid(key);
    const select = h(
      "select",
      {
        id,
        "data-testid": `filter-${key}`,
        onchange: (e: Event) => {
          (this.filters[key] as string) = (e.target as HTMLSelectElement).value;
          this.limit = PAGE;
          this.renderList();
        },
      },
      option("", this.t(all), this.filters[key] === "")
    );
    for (const [v, text] of values) select.append(option(v, text, this.filters[key] === v));
    return h(
      "div",
      { class: "field" },
      h("label", { for: id, class: "sr-only" }, this.t(all)),
      select
    );
  }

  private ranked(): HTMLElement {
    const rows = this.scoring!.rows();
    const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();
    const searchId = uid("search");
    const sortId = uid("sort");
    const toolbar = h(
      "div",
      { class: "toolbar" },
      h(
        "div",
        { class: "field grow" },
        h("label", { for: searchId, class: "sr-only" }, this.t(T.search)),
        h("input", {
          id: searchId,
          type: "search",
          placeholder: this.t(T.search),
          value: this.filters.search,
          oninput: (e: Event) => {
            this.filters.search = (e.target as HTMLInputElement).value;
            this.renderList();
          },
        })
      ),
      this.filterSelect(
        "chain",
        T.allChains,
        uniq(rows.map((r) => r.chain)).map((c) => [c, this.chainName(c)])
      ),
      this.filterSelect(
        "stage",
        T.allStages,
        (this.model.stages ?? [])
          .filter((st) => rows.some((r) => r.stage === st.id))
          .map((st) => [st.id, st.label[this.lang]])
      ),
      this.filterSelect(
        "grade",
        T.allGrades,
        this.model.grades.bands.map((b) => [b.grade, b.label[this.lang]])
      ),
      this.filterSelect("origin", T.allOrigins, [
        ["foreign", this.t(T.foreign)],
        ["domestic", this.t(T.domestic)],
      ]),
      h(
        "div",
        { class: "field" },
        h("label", { for: sortId, class: "sr-only" }, this.t(T.sortBy)),
        h(
          "select",
          {
            id: sortId,
            "data-testid": "sort",
            onchange: (e: Event) => {
              this.filters.sort = (e.target as HTMLSelectElement).value as SortKey;
              this.renderList();
            },
          },
          ...SORTS.map((k) =>
            option(
              k,
              `${this.t(T.sortBy)}: ${this.t({ rank: T.rank, name: T.name, score: T.scoreCol, chain: T.chain, stage: T.stage }[k])}`,
              this.filters.sort === k
            )
          )
        )
      )
    );
    this.listBody = h("div", { class: "list", "data-testid": "ranked-list" });
    this.renderList();
    return h("div", {}, toolbar, this.listBody);
  }

  /** Re-renders only the list (filters, search and weight moves), keeping focus in the toolbar. */
  private renderList(): void {
    const body = this.listBody;
    if (!body || !this.scoring) return;
    const rows = this.visibleRows();
    const shown = rows.slice(0, this.limit);
    const items = shown.map((r) => this.rowItem(r));
    const count = `${this.t(T.shown)} ${shown.length} / ${rows.length}`;
    // A weight move only reorders: keep the list's nodes and move the (reused) items.
    const list = body.querySelector<HTMLElement>("ol.ranked");
    const status = body.querySelector<HTMLElement>("p.count");
    if (list && status) {
      status.textContent = count;
      list.replaceChildren(...items);
    } else {
      body.replaceChildren(
        h("p", { class: "muted count", role: "status" }, count),
        h("ol", { class: "ranked", "aria-label": this.t(T.tabRanked) }, ...items)
      );
    }
    const more = body.querySelector("button.more");
    if (rows.length > shown.length && !more) {
      body.append(
        h(
          "button",
          {
            type: "button",
            class: "more",
            onclick: () => {
              this.limit += PAGE;
              this.renderList();
            },
          },
          this.t(T.more)
        )
      );
    } else if (rows.length <= shown.length) more?.remove();
  }

  /** A row's list item, built once per render and updated in place when weights move. */
  private rowItem(r: Row): HTMLElement {
    const cached = this.items.get(r.index);
    if (cached) {
      cached.update(r);
      return cached.li;
    }
    const flags = h("span", { class: "flags" });
    if (r.flags.some((f) => f.startsWith("zdyq")))
      flags.append(h("span", { class: "tag strong" }, this.t(T.zdyq)));
    if (r.foreign) flags.append(h("span", { class: "tag" }, this.t(T.foreign)));
    if (r.gateFailed) flags.append(h("span", { class: "tag warn" }, this.t(T.gate)));
    const rank = h("span", { class: "rank" });
    const meta = h("span", { class: "meta" });
    const value = h("span", { class: "value" });
    const grade = h("span", {});
    const li = h(
      "li",
      {},
      h(
        "button",
        {
          type: "button",
          class: "row",
          "data-index": r.index,
          onclick: () => {
            this.detailIndex = r.index;
            this.render();
          },
        },
        rank,
        h("span", { class: "main" }, h("span", { class: "name" }, r.name), meta, flags),
        h("span", { class: "score" }, value, grade)
      )
    );
    const set = (el: HTMLElement, text: string) => {
      if (el.textContent !== text) el.textContent = text;
    };
    const update = (x: Row) => {
      set(rank, x.rank === null ? "—" : String(x.rank));
      set(
        meta,
        `${this.chainName(x.chain)} · ${this.stageName(x)} · ${decisionLabel(this.model, x.decision, this.lang)}`
      );
      set(value, x.score.toFixed(1));
      set(grade, x.grade ?? "—");
      grade.className = `grade g-${x.grade ?? "none"}`;
    };
    update(r);
    this.items.set(r.index, { li, update });
    return li;
  }

  private detail(index: number): HTMLElement {
    const s = this.scoring!.detail(index);
    const row = this.scoring!.rows()[index];
    const max = Math.max(1, ...s.explanation.criteria.map((c) => c.weight * 100));
    const bars = s.explanation.criteria.map((c) =>
      h(
        "li",
        { class: "bar" },
        h("span", { class: "bar-label" }, c.label[this.lang]),
        h(
          "span",
          {
            class: "bar-track",
            role: "img",
            "aria-label": `${c.contribution.toFixed(1)} / ${(c.weight * 100).toFixed(1)}`,
          },
          barFill(c.contribution, c.weight * 100, max)
        ),
        h("span", { class: "bar-value" }, `${c.contribution.toFixed(1)}`),
        h("span", { class: "bar-used muted" }, c.used[this.lang])
      )
    );
    const notes = [
      ...s.explanation.gates.filter((g) => !g.passed).map((g) => g.reason[this.lang]),
      ...s.explanation.bonuses.map((b) => `${b.label[this.lang]} +${b.points}`),
      ...s.explanation.notes.map((n) => n[this.lang]),
    ];
    const panel = h(
      "article",
      { class: "detail", "aria-labelledby": "detail-name" },
      h(
        "button",
        {
          type: "button",
          class: "link",
          onclick: () => {
            this.detailIndex = null;
            this.render();
          },
        },
        `← ${this.t(T.back)}`
      ),
      h("h3", { id: "detail-name" }, row.name),
      h(
        "p",
        { class: "headline" },
        h("span", { class: "big" }, s.score.toFixed(1)),
        h("span", { class: `grade g-${s.grade ?? "none"}` }, s.grade ?? "—"),
        ` ${this.t(T.rank)} ${s.rank ?? "—"} · ${decisionLabel(this.model, s.decision, this.lang)}`
      ),
      h("p", { class: "summary", "data-testid": "explanation" }, s.explanation.summary[this.lang]),
      h("h4", {}, this.t(T.contributions)),
      h("ul", { class: "bars" }, ...bars)
    );
    if (notes.length > 0)
      panel.append(
        h("h4", {}, this.t(T.notes)),
        h("ul", { class: "notes" }, ...notes.map((n) => h("li", {}, n)))
      );
    const table = this.table!;
    const origin = table.read.table.origin ?? { row: 0, col: 0 };
    panel.append(
      h(
        "button",
        {
          type: "button",
          onclick: () =>
            void this.host.selectRow(
              table.read.table.name,
              row.sheetRow,
              origin.col + table.location.firstCol,
              origin.col + table.location.lastCol
            ),
        },
        this.t(T.goTo)
      )
    );
    return panel;
  }

  private weights(): HTMLElement {
    const s = this.scoring!;
    const current = s.weights();
    const rows = this.model.dimensions.map((d) => {
      const id = uid("w");
      const pct = Math.round(current[d.id] * 1000) / 10;
      const range = h("input", {
        type: "range",
        id,
        min: 0,
        max: 100,
        step: 1,
        value: pct,
        "data-dimension": d.id,
      });
      const num = h("input", {
        type: "number",
        min: 0,
        max: 100,
        step: 0.5,
        value: pct,
        "aria-label": `${d.label[this.lang]} %`,
        class: "num-input",
      });
      const update = (v: number) => this.moveWeight(d.id, Math.max(0, v) / 100);
      range.addEventListener("input", () => {
        num.value = range.value;
        update(Number(range.value));
      });
      num.addEventListener("change", () => {
        range.value = num.value;
        update(Number(num.value));
      });
      return h(
        "div",
        { class: "weight" },
        h("label", { for: id }, d.label[this.lang]),
        range,
        num,
        h("span", { class: "muted pct", "data-pct": d.id }, `${pct}%`)
      );
    });
    this.listBody = h("div", { class: "list compact", "data-testid": "ranked-list" });
    const box = h(
      "div",
      {},
      h("p", { class: "muted" }, this.t(T.weightsHint)),
      ...rows,
      h(
        "div",
        { class: "actions" },
        h(
          "button",
          { type: "button", class: "primary", onclick: () => void this.applyWeights() },
          this.t(T.apply)
        ),
        h(
          "button",
          {
            type: "button",
            id: "reset-weights",
            onclick: () => {
              this.pendingWeights = null;
              s.setWeights(s.modelWeights());
              this.render();
              document.getElementById("reset-weights")?.focus();
            },
          },
          this.t(T.reset)
        )
      ),
      this.ahpHelper(),
      this.listBody
    );
    this.limit = 10;
    this.renderList();
    return box;
  }

  /** Weight moves wait for the next frame, and all moves within one frame make a single re-rank. */
  private moveWeight(id: string, value: number): void {
    const s = this.scoring!;
    const first = this.pendingWeights === null;
    this.pendingWeights = { ...(this.pendingWeights ?? s.weights()), [id]: value };
    if (!first) return;
    requestAnimationFrame(() => {
      const next = this.pendingWeights;
      this.pendingWeights = null;
      if (!next || this.scoring !== s) return;
      perf.start("zs:rerank");
      s.setWeights(next);
      this.refreshWeights();
      perf.end("zs:rerank", this.listBody ?? undefined);
    });
  }

  /** After a weight move: normalised percentages and the re-ranked top of the list. */
  private refreshWeights(): void {
    const w = this.scoring!.weights();
    for (const el of Array.from(this.root.querySelectorAll<HTMLElement>("[data-pct]"))) {
      el.textContent = `${(w[el.dataset.pct!] * 100).toFixed(1)}%`;
    }
    this.renderList();
  }

  private async applyWeights(): Promise<void> {
    this.busy(true);
    try {
      await this.write();
    } catch (e) {
      this.message = { kind: "error", text: errorLabel(e) };
    }
    this.busy(false);
    this.render();
  }

  private ahpHelper(): HTMLElement {
    const dims = this.model.dimensions;
    const n = dims.length;
    if (this.pairwise.length !== n) this.pairwise = dims.map(() => dims.map(() => 1));
    const scale = [9, 7, 5, 3, 1, 1 / 3, 1 / 5, 1 / 7, 1 / 9];
    const result = h("p", { class: "muted", role: "status" });
    const show = () => {
      const r = ahpWeights(this.pairwise);
      result.textContent = `${this.t(T.cr)} = ${r.cr.toFixed(3)}${r.warning ? ` — ${r.warning[this.lang]}` : ""}`;
      result.className = r.consistent ? "muted" : "msg error";
      return r;
    };
    const pairs: HTMLElement[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const id = uid("ahp");
        const select = h("select", {
          id,
          onchange: (e: Event) => {
            this.pairwise[i][j] = Number((e.target as HTMLSelectElement).value);
            show();
          },
        });
        for (const v of scale)
          select.append(
            option(
              String(v),
              v >= 1 ? String(v) : `1/${Math.round(1 / v)}`,
              Math.abs(this.pairwise[i][j] - v) < 1e-9
            )
          );
        pairs.push(
          h(
            "div",
            { class: "pair" },
            h(
              "label",
              { for: id },
              `${dims[i].label[this.lang]} ${this.t(T.ahpMore)} ${dims[j].label[this.lang]}`
            ),
            select
          )
        );
      }
    }
    show();
    return h(
      "details",
      {
        class: "ahp",
        open: this.ahpOpen,
        ontoggle: (e: Event) => (this.ahpOpen = (e.target as HTMLDetailsElement).open),
      },
      h("summary", {}, this.t(T.ahp)),
      ...pairs,
      result,
      h(
        "button",
        {
          type: "button",
          id: "ahp-use",
          onclick: () => {
            const r = show();
            this.scoring!.setWeights(Object.fromEntries(dims.map((d, k) => [d.id, r.weights[k]])));
            this.ahpOpen = true;
            this.render();
            document.getElementById("ahp-use")?.focus();
          },
        },
        this.t(T.ahpUse)
      )
    );
  }

  private stability(): HTMLElement {
    const s = this.scoring!;
    const p = s.stability(this.topK).pTopK;
    const top = s
      .rows()
      .filter((r) => r.rank !== null)
      .sort((a, b) => a.rank! - b.rank!)
      .slice(0, 10);
    const barH = 22;
    const width = 300;
    const labelW = 120;
    const stay = this.t(T.stay).replace(/\bk\b/, String(this.topK));
    const chart = svg("svg", {
      viewBox: `0 0 ${width} ${top.length * barH + 4}`,
      width: "100%",
      role: "img",
      "aria-label": `${this.t(T.tabStability)}: ${stay}`,
      class: "chart",
      "data-testid": "stability-chart",
    });
    top.forEach((r, k) => {
      const y = k * barH + 2;
      const w = (width - labelW - 40) * p[r.index];
      chart.append(
        svg(
          "text",
          { x: 0, y: y + 15, class: "chart-label" },
          truncate(`${r.rank}. ${r.name}`, 12)
        ),
        svg("rect", {
          x: labelW,
          y: y + 3,
          width: width - labelW - 40,
          height: barH - 8,
          class: "chart-track",
          rx: 2,
        }),
        svg("rect", {
          x: labelW,
          y: y + 3,
          width: Math.max(0, w),
          height: barH - 8,
          class: p[r.index] >= 0.8 ? "chart-bar" : "chart-bar weak",
          rx: 2,
        }),
        svg(
          "text",
          { x: width - 36, y: y + 15, class: "chart-value" },
          `${Math.round(p[r.index] * 100)}%`
        )
      );
    });
    // The chart is an image to assistive technology: the same figures as a list for screen readers.
    const spoken = h(
      "ol",
      { class: "sr-only", "aria-label": stay, "data-testid": "stability-text" },
      ...top.map((r) =>
        h(
          "li",
          { "data-p": String(p[r.index]) },
          `${r.rank}. ${r.name}: ${Math.round(p[r.index] * 100)}%`
        )
      )
    );
    const kId = uid("k");
    return h(
      "div",
      {},
      h("p", { class: "muted" }, this.t(T.stabilityHint)),
      h(
        "div",
        { class: "field" },
        h("label", { for: kId }, "k "),
        h("input", {
          id: kId,
          type: "number",
          min: 1,
          max: 20,
          value: this.topK,
          class: "num-input",
          onchange: (e: Event) => {
            this.topK = Math.max(
              1,
              Math.min(20, Number((e.target as HTMLInputElement).value) || 5)
            );
            this.render();
          },
        })
      ),
      chart,
      spoken
    );
  }

  private targets(): HTMLElement {
    const summary = this.scoring!.portfolio(this.topK);
    if (summary.targets.length === 0) return h("p", { class: "muted" }, "—");
    const fmt = (x: number) =>
      (Math.round(x * 100) / 100).toLocaleString(this.lang === "zh" ? "zh-CN" : "en-US");
    const ifTop = this.t(T.ifTop).replace(/\bk\b/, String(summary.ifTopSign.topK));
    const newly = summary.ifTopSign.newlyMet
      .map((id) => summary.targets.find((t) => t.id === id)?.label[this.lang] ?? id)
      .join("、");
    return h(
      "div",
      {},
      h("p", { class: "muted" }, this.t(T.targetsHint)),
      ...summary.targets.map((t, k) => {
        const projected = summary.ifTopSign.targets[k].actual;
        const unit = t.unit[this.lang];
        const pct = Math.min(100, t.share * 100);
        const proj = Math.min(100, t.target > 0 ? (projected / t.target) * 100 : 100);
        return h(
          "div",
          { class: "target", "data-target": t.id },
          h(
            "div",
            { class: "target-head" },
            h("span", {}, t.label[this.lang]),
            h(
              "span",
              { class: "muted", "data-testid": "target-actual" },
              `${fmt(t.actual)} / ${fmt(t.target)} ${unit}`
            )
          ),
          h(
            "div",
            {
              class: "progress",
              role: "progressbar",
              "aria-valuemin": 0,
              "aria-valuemax": 100,
              "aria-valuenow": Math.round(pct),
              "aria-valuetext": `${fmt(t.actual)} / ${fmt(t.target)} ${unit}`,
              "aria-label": t.label[this.lang],
            },
            progressFill(pct, proj)
          ),
          h(
            "div",
            { class: "muted small" },
            h(
              "span",
              { "data-testid": "target-gap" },
              t.met ? this.t(T.met) : `${this.t(T.gap)} ${fmt(t.gap)} ${unit}`
            ),
            " · ",
            h("span", { "data-testid": "target-projected" }, `${ifTop}: ${fmt(projected)} ${unit}`)
          )
        );
      }),
      newly ? h("p", { class: "msg info" }, this.t(T.newlyMet), newly) : null,
      ...summary.notes.map((n) => h("p", { class: "muted small" }, n[this.lang]))
    );
  }
}

function barFill(value: number, full: number, max: number): HTMLElement {
  const track = h("span", { class: "bar-full" });
  track.style.width = `${(full / max) * 100}%`;
  const fill = h("span", { class: "bar-fill" });
  fill.style.width = `${full > 0 ? (value / full) * 100 : 0}%`;
  track.append(fill);
  return track;
}

function progressFill(pct: number, projected: number): HTMLElement {
  const wrap = h("span", { class: "progress-inner" });
  const fill = h("span", { class: "progress-fill" });
  fill.style.width = `${pct}%`;
  const proj = h("span", { class: "progress-proj" });
  proj.style.left = `${projected}%`;
  wrap.append(fill, proj);
  return wrap;
}

function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

function errorLabel(e: unknown): Label {
  if (e instanceof LabelledError) return { zh: e.zh, en: e.en };
  const text = e instanceof Error ? e.message : String(e);
  return { zh: text, en: text };
}
