/**
 * The pane's one state store: what the user sees and every action on it, as plain TypeScript over a
 * Host (no DOM), so the whole flow is testable in Node. Views subscribe and update only the parts a
 * change touches; they never hold state of their own beyond their DOM nodes.
 *
 * One scoring source: the list, re-ranking, stability, targets and the detail all read the engine's
 * ScoredTable held by `state.scoring` (gates, bonuses and caps included).
 */
import type { Label, Lang, ScoringModel, TargetDef } from "../engine";
import { findModelSheet, MODEL_SHEET_NAME, Refusal, RESULT_SHEET_NAME } from "../workbook";
import { isModelGrid } from "../workbook/marker";
import type { MappingOverride, PlannedResults } from "../workbook/types";
import type { SheetChoice } from "../workbook/pipeline";
import type { SummaryResult } from "../workbook/summary";
import type { Aggregation, CommitteeRead } from "../workbook/committee";
import type { Host, PaneSettings, ScoreCard } from "../workbook/host";
import {
  headerSignature,
  LabelledError,
  openTable,
  type Row,
  Scoring,
  type Table,
} from "./session";

export const TABS = ["ranked", "weights", "stability", "targets"] as const;
export type Tab = (typeof TABS)[number];

export const SORT_KEYS = [
  "rank",
  "name",
  "score",
  "investment",
  "tax",
  "completeness",
  "chain",
  "stage",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";

/** Where a message belongs: shown next to the action that caused it. */
export type Place = "table" | "score" | "weights" | "targets";

export interface Message {
  place: Place;
  kind: "info" | "error" | "ok";
  text: Label;
  /** The write was refused: offer the result sheet instead. */
  refusal?: boolean;
}

export interface Filters {
  search: string;
  chain: string;
  stage: string;
  grade: string;
  origin: "" | "foreign" | "domestic";
}

export const NO_FILTERS: Filters = { search: "", chain: "", stage: "", grade: "", origin: "" };

export type Targets = NonNullable<ScoringModel["targets"]>;

export interface State {
  lang: Lang;
  model: ScoringModel;
  modelSource: "sheet" | "default";
  /** The workbook's model sheet (found by its marker, whatever its name), null when it has none. */
  modelSheet: string | null;
  /** The workbook's sheets as last read (names, visibility, first rows). */
  sheets: SheetChoice[];
  table: Table | null;
  override: MappingOverride;
  target: "columns" | "sheet";
  cards: boolean;
  /** Write the 汇总 sheet with the results (hosts with writeSummary only). */
  summary: boolean;
  scoring: Scoring | null;
  busy: boolean;
  tab: Tab;
  /** Candidate whose detail is open, and the one to return focus to when it closes. */
  detail: number | null;
  lastDetail: number | null;
  filters: Filters;
  sort: { key: SortKey; dir: SortDir };
  /** How many rows the list shows (more on request). */
  limit: number;
  /** k of "stays in the top k" and "if the top k sign". */
  topK: number;
  message: Message | null;
  /** AHP judgements: pairwise[i][j] for i < j, Saaty's 1/9…9. */
  pairwise: number[][];
  /** A review committee's judgements or scores as last read (null before any). */
  committee: CommitteeRead | null;
}

/** What changed, so views update only what they show. */
export type Change =
  | "lang"
  | "table"
  | "mapping"
  | "scores"
  | "weights"
  | "view"
  | "detail"
  | "list"
  | "message"
  | "busy"
  | "targets"
  | "pairwise"
  | "committee"
  | "options";

export type Listener = (changes: ReadonlySet<Change>) => void;

export const PAGE = 200;
/** Largest k offered. */
export const MAX_K = 20;

/** The model sheet's reader and writer: their own chunk, fetched when a workbook has a marked model sheet or one is written. */
function modelSheetCode(): Promise<typeof import("../workbook/modelSheet")> {
  return import(/* webpackChunkName: "model-sheet" */ "../workbook/modelSheet");
}

/** The committee readers and group AHP: their own chunk, fetched on first use. */
function committeeCode(): Promise<typeof import("../workbook/committee")> {
  return import(/* webpackChunkName: "committee" */ "../workbook/committee");
}

/** Bilingual text for an error of any shape. */
export function errorLabel(e: unknown): Label {
  if (e instanceof LabelledError) return { zh: e.zh, en: e.en };
  if (e instanceof Refusal) return e.label;
  const text = e instanceof Error ? e.message : String(e);
  return { zh: text, en: text };
}

export class Store {
  state: State;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly host: Host,
    private readonly defaultModel: ScoringModel,
    lang: Lang
  ) {
    this.state = {
      lang,
      model: defaultModel,
      modelSource: "default",
      modelSheet: null,
      sheets: [],
      table: null,
      override: {},
      target: "columns",
      cards: false,
      summary: false,
      scoring: null,
      busy: false,
      tab: "ranked",
      detail: null,
      lastDetail: null,
      filters: { ...NO_FILTERS },
      sort: { key: "rank", dir: "asc" },
      limit: PAGE,
      topK: 5,
      message: null,
      pairwise: square(defaultModel.dimensions.length),
      committee: null,
    };
  }

  get hostKind(): Host["kind"] {
    return this.host.kind;
  }

  get hostTitle(): string {
    return this.host.title;
  }

  get supportsCards(): boolean {
    return this.host.supportsCards;
  }

  get supportsSummary(): boolean {
    return typeof this.host.writeSummary === "function";
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<State>, ...changes: Change[]): void {
    Object.assign(this.state, patch);
    const set = new Set(changes);
    for (const l of this.listeners) l(set);
  }

  private say(place: Place, kind: Message["kind"], text: Label, refusal = false): void {
    this.set({ message: { place, kind, text, refusal } }, "message");
  }

  // --- workbook ---------------------------------------------------------------------------------

  async start(): Promise<void> {
    const settings = await this.host.loadSettings().catch(() => null);
    this.set(
      {
        lang: settings?.lang ?? this.state.lang,
        target: settings?.target ?? this.state.target,
        cards: settings?.cards === true,
        summary: settings?.summary === true,
      },
      "lang",
      "options"
    );
    await this.read(settings);
  }

  /** Reads the workbook (again): its model sheet, the table and the saved mapping for its headers. */
  async read(settings: PaneSettings | null = null): Promise<void> {
    this.set({ scoring: null, detail: null, lastDetail: null, message: null }, "scores", "message");
    let modelWarning: Label | undefined;
    try {
      const read = await this.host.readWorkbook(RESULT_SHEET_NAME[this.state.lang]);
      const { model, modelSheet, warning } = await this.workbookModel(read.sheets);
      modelWarning = warning;
      // The model holds even when no table is found (inserting or saving it then goes to its sheet).
      Object.assign(this.state, {
        sheets: read.sheets,
        model,
        modelSheet,
        modelSource: model === this.defaultModel ? "default" : "sheet",
        pairwise:
          this.state.pairwise.length === model.dimensions.length
            ? this.state.pairwise
            : square(model.dimensions.length),
      });
      const first = openTable(read, model);
      const saved = settings?.mapping;
      const override =
        saved && saved.headers === headerSignature(first.location) ? saved.override : {};
      const table = Object.keys(override).length > 0 ? openTable(read, model, override) : first;
      this.set({ table, override }, "table", "mapping", "targets");
      if (modelWarning) this.say("table", "error", modelWarning);
    } catch (e) {
      this.set({ table: null }, "table", "mapping", "targets");
      // Both are said: the model sheet's problem stays true when no table is found either.
      const problem = errorLabel(e);
      this.say(
        "table",
        "error",
        modelWarning
          ? { zh: `${modelWarning.zh}\n${problem.zh}`, en: `${modelWarning.en}\n${problem.en}` }
          : problem
      );
    }
  }

  /**
   * The model of the sheet carrying the model marker (the workbook layer's rule, as the CLI applies
   * it), read in full only when there is one. The CLI refuses a workbook whose model sheet cannot be
   * read, or that holds two; the pane goes on with the default model and says why.
   */
  private async workbookModel(
    sheets: SheetChoice[]
  ): Promise<{ model: ScoringModel; modelSheet: string | null; warning?: Label }> {
    let name: string | null = null;
    try {
      name = findModelSheet(sheets.map((s) => s.data))?.name ?? null;
      if (name === null) return { model: this.defaultModel, modelSheet: null };
      const [sheet, code] = await Promise.all([this.host.readSheet(name), modelSheetCode()]);
      return { model: code.modelFromSheet(sheet, this.defaultModel), modelSheet: name };
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      // A sheet we cannot read is still ours: writing the model replaces it rather than adding another.
      return {
        model: this.defaultModel,
        modelSheet: name,
        warning: {
          zh: `${e.label.zh}\n暂用默认模型。`,
          en: `${e.label.en}\nUsing the default model.`,
        },
      };
    }
  }

  /**
   * Where the model is written: the workbook's model sheet, else a new sheet under a free name (a
   * user's sheet called 评分模型 is never overwritten). Two marked sheets are refused, as on reading.
   */
  private modelSheetName(): string {
    if (this.state.modelSheet !== null) return this.state.modelSheet;
    const marked = findModelSheet(this.state.sheets.map((s) => s.data));
    if (marked) return marked.name;
    const taken = new Set(this.state.sheets.map((s) => s.data.name));
    let name = MODEL_SHEET_NAME.zh;
    for (let k = 2; taken.has(name); k++) name = `${MODEL_SHEET_NAME.zh} (${k})`;
    return name;
  }

  setLang(lang: Lang): void {
    this.set({ lang }, "lang");
    void this.saveSettings();
  }

  private async saveSettings(): Promise<void> {
    const s = this.state;
    const settings: PaneSettings = {
      version: 1,
      lang: s.lang,
      target: s.target,
      model: s.modelSource,
      cards: s.cards,
      summary: s.summary,
    };
    if (s.table && Object.keys(s.override).length > 0)
      settings.mapping = { headers: headerSignature(s.table.location), override: s.override };
    await this.host.saveSettings(settings).catch(() => undefined);
  }

  /** Maps a field to a grid column (null: leave it unmapped); scores are dropped until scored again. */
  remap(field: string, column: number | null): void {
    const { table, model } = this.state;
    if (!table) return;
    const override = { ...this.state.override, [field]: column };
    this.set(
      { override, table: openTable(table.read, model, override), scoring: null, detail: null },
      "mapping",
      "scores"
    );
    void this.saveSettings();
  }

  setTarget(target: State["target"]): void {
    this.set({ target }, "options");
    void this.saveSettings();
  }

  setCards(cards: boolean): void {
    this.set({ cards }, "options");
    void this.saveSettings();
  }

  setSummary(summary: boolean): void {
    this.set({ summary }, "options");
    void this.saveSettings();
  }

  async insertModel(): Promise<void> {
    const { model, lang } = this.state;
    try {
      const { modelToGrid } = await modelSheetCode();
      const name = this.modelSheetName();
      await this.host.writeModelSheet(name, modelToGrid(model, lang));
      await this.read();
      this.say("table", "ok", {
        zh: `已插入评分模型工作表「${name}」`,
        en: `Scoring model sheet "${name}" inserted`,
      });
    } catch (e) {
      this.say("table", "error", errorLabel(e));
    }
  }

  // --- scoring and writing ----------------------------------------------------------------------

  /** Scores the table and writes the results (to `target`, default the chosen one). */
  async score(target = this.state.target): Promise<void> {
    const { table, model } = this.state;
    if (!table) return;
    if (table.problem) {
      // The CLI refuses the same mapping: the user fixes it in the mapping step.
      this.say("score", "error", table.problem);
      return;
    }
    this.set({ busy: true, target, message: null }, "busy", "options", "message");
    try {
      const scoring = new Scoring(table, model);
      this.set({ scoring, detail: null, limit: PAGE }, "scores");
      await this.write("score");
      void this.saveSettings();
    } catch (e) {
      this.say("score", "error", errorLabel(e));
    }
    this.set({ busy: false }, "busy");
  }

  /** Writes the scores under the current weights (after a weight change). */
  async apply(place: Place = "weights"): Promise<void> {
    if (!this.state.scoring) return;
    this.set({ busy: true, message: null }, "busy", "message");
    try {
      await this.write(place);
    } catch (e) {
      this.say(place, "error", errorLabel(e));
    }
    this.set({ busy: false }, "busy");
  }

  /** After a refusal: the same scores (and weights) go to the result sheet instead. */
  async useResultSheet(): Promise<void> {
    const place = this.state.message?.place ?? "score";
    this.set({ target: "sheet" }, "options");
    void this.saveSettings();
    if (this.state.scoring) await this.apply(place);
    else await this.score("sheet");
  }

  /**
   * Plans and writes; a refusal explains itself (and offers the result sheet). After a write the
   * workbook is read again, so the next plan sees our own columns as ours and not as cells in the way.
   */
  private async write(place: Place): Promise<void> {
    const { scoring, target, lang, cards, model, override } = this.state;
    if (!scoring) return;
    const plan = scoring.plan(target, lang);
    if (!plan.ok) {
      this.say(place, "error", plan.message, true);
      return;
    }
    // Planned before anything is written: a refused summary leaves the workbook as it was.
    const summary =
      this.state.summary && this.supportsSummary ? await this.summaryPlan(scoring) : null;
    if (summary && !summary.ok) {
      this.say(place, "error", summary.message);
      return;
    }
    const report = await this.host.writeResults(
      plan,
      this.host.supportsCards && cards ? this.cards(plan, scoring) : undefined
    );
    if (summary) await this.host.writeSummary!(summary);
    scoring.markWritten();
    const read = await this.host.readWorkbook(RESULT_SHEET_NAME[lang]);
    const table = openTable(read, model, override);
    if (table.location.dataRows.length === scoring.count) scoring.table = table;
    this.set({ table }, "list");
    this.say(place, "ok", {
      zh: `已评分并写入 ${report.address}`,
      en: `Scored and written to ${report.address}`,
    });
  }

  /** The 汇总 sheet's plan, or the workbook layer's refusal when a user's sheet has its name. */
  private async summaryPlan(s: Scoring): Promise<SummaryResult> {
    const { lang } = this.state;
    // The summary writer is its own chunk, fetched when the option is first used.
    const { planSummary, SUMMARY_SHEET_NAME } = await import(
      /* webpackChunkName: "summary" */ "../workbook/summary"
    );
    const read = await this.host.readWorkbook(RESULT_SHEET_NAME[lang], SUMMARY_SHEET_NAME[lang]);
    const names: string[] = new Array(s.count);
    for (const r of s.rows()) names[r.index] = r.name;
    return planSummary(s.scored, {
      lang,
      names,
      title: this.host.title,
      existingSheet: read.summarySheet ?? null,
    });
  }

  /** One card per candidate, on its row: the table's row, or the result sheet's (ordered by rank). */
  private cards(plan: PlannedResults, s: Scoring): ScoreCard[] {
    const { lang, model } = this.state;
    const rows = s.rows();
    const sheetOrder =
      plan.target === "sheet"
        ? [...rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.index - b.index)
        : [];
    const rowOf = new Map(sheetOrder.map((r, k) => [r.index, plan.headerRow + 1 + k]));
    const L = (zh: string, en: string) => (lang === "zh" ? zh : en);
    return rows.map((r) => ({
      row: rowOf.get(r.index) ?? r.sheetRow,
      text: s.summary(r.index, lang),
      title: r.name,
      properties: [
        { name: L("得分", "Score"), value: Math.round(r.score * 100) / 100 },
        { name: L("等级", "Grade"), value: r.grade ?? "—" },
        { name: L("排名", "Rank"), value: r.rank ?? "—" },
        ...model.dimensions.map((d, k) => ({
          name: d.label[lang],
          value: Math.round(s.scored.dimensionScores[k][r.index] * 10) / 10,
        })),
      ],
    }));
  }

  // --- weights ----------------------------------------------------------------------------------

  /** Live re-ranking under new dimension weights (any scale: normalised); nothing is written. */
  setWeights(weights: Record<string, number>): void {
    const s = this.state.scoring;
    if (!s) return;
    s.setWeights({ ...s.weights(), ...weights });
    this.set({}, "weights", "list");
  }

  resetWeights(): void {
    const s = this.state.scoring;
    if (s) this.setWeights(s.modelWeights());
  }

  setJudgement(i: number, j: number, value: number): void {
    const pairwise = this.state.pairwise.map((r) => [...r]);
    pairwise[i][j] = value;
    this.set({ pairwise }, "pairwise");
  }

  /**
   * Reads a committee's long table (pasted from Excel): combined weights, each CR, agreement. The
   * reader and group AHP are their own chunk, fetched on first use.
   */
  async readJudgements(text: string, aggregation: Aggregation = "aij"): Promise<void> {
    const { readCommittee } = await committeeCode();
    this.set({ committee: readCommittee(text, this.state.model, aggregation) }, "committee");
  }

  /**
   * The sheets an expert's judgements may be on: visible ones other than the candidate list, the
   * model sheet and our result sheet.
   */
  expertSheetChoices(): string[] {
    const { sheets, table, modelSheet } = this.state;
    const ours = new Set([table?.read.table.name, modelSheet, ...Object.values(RESULT_SHEET_NAME)]);
    return sheets
      .filter((s) => !s.hidden && !ours.has(s.data.name) && !isModelGrid(s.data.grid))
      .map((s) => s.data.name);
  }

  /** Reads a committee from one sheet per expert (the sheet's name is the expert's), through the host. */
  async readExpertSheets(names: string[], aggregation: Aggregation = "aij"): Promise<void> {
    try {
      const { committeeFromSheets } = await committeeCode();
      const sheets = [];
      // One sheet after another: each read is its own round trip, kept under Excel's payload cap.
      for (const name of names) sheets.push(await this.host.readSheet(name));
      this.set(
        { committee: committeeFromSheets(sheets, this.state.model, aggregation) },
        "committee"
      );
    } catch (e) {
      this.set({ committee: { ok: false, message: errorLabel(e) } }, "committee");
    }
  }

  // --- list and detail --------------------------------------------------------------------------

  setTab(tab: Tab): void {
    this.set({ tab, detail: null }, "view");
  }

  openDetail(index: number): void {
    this.set({ detail: index, lastDetail: index }, "detail");
  }

  closeDetail(): void {
    this.set({ detail: null }, "detail");
  }

  setFilter<K extends keyof Filters>(key: K, value: Filters[K]): void {
    this.set({ filters: { ...this.state.filters, [key]: value }, limit: PAGE }, "list");
  }

  clearFilters(): void {
    this.set({ filters: { ...NO_FILTERS }, limit: PAGE }, "list", "view");
  }

  /** Sorts by `key`; the same key again reverses the direction. */
  sortBy(key: SortKey, dir?: SortDir): void {
    const cur = this.state.sort;
    const next: SortDir =
      dir ?? (cur.key === key ? (cur.dir === "asc" ? "desc" : "asc") : defaultDir(key));
    this.set({ sort: { key, dir: next } }, "list");
  }

  showMore(): void {
    this.set({ limit: this.state.limit + PAGE }, "list");
  }

  /** Selects the candidate's row in the sheet (Excel) or the preview's view. */
  async selectRow(sheet: string, row: number, left: number, right: number): Promise<void> {
    await this.host.selectRow(sheet, row, left, right);
  }

  setTopK(k: number): void {
    const topK = Number.isFinite(k) ? Math.max(1, Math.min(MAX_K, Math.round(k))) : 5;
    this.set({ topK }, "targets");
  }

  /** The rows the list shows, filtered and sorted (all of them; the view shows `limit`). */
  visibleRows(): Row[] {
    const s = this.state.scoring;
    if (!s) return [];
    const f = this.state.filters;
    const q = f.search.trim().toLowerCase();
    const rows = s
      .rows()
      .filter(
        (r) =>
          (!q || r.name.toLowerCase().includes(q)) &&
          (!f.chain || r.chain === f.chain) &&
          (!f.stage || r.stage === f.stage) &&
          (!f.grade || r.grade === f.grade) &&
          (!f.origin || (f.origin === "foreign") === r.foreign)
      );
    const { key, dir } = this.state.sort;
    const sign = dir === "asc" ? 1 : -1;
    const byRank = (a: Row, b: Row) =>
      (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.index - b.index;
    const locale = this.state.lang === "zh" ? "zh-CN" : "en";
    const text = (a: string, b: string) => a.localeCompare(b, locale);
    // Unknown values sort last in either direction.
    const num = (a: number, b: number) =>
      a === b ? 0 : a !== a ? 1 : b !== b ? -1 : sign * (a - b);
    const stageAt = (r: Row) => {
      const k = (this.state.model.stages ?? []).findIndex((st) => st.id === r.stage);
      return k < 0 ? NaN : k;
    };
    const compare: Record<SortKey, (a: Row, b: Row) => number> = {
      rank: (a, b) => num(a.rank ?? NaN, b.rank ?? NaN) || a.index - b.index,
      score: (a, b) => num(a.score, b.score) || byRank(a, b),
      name: (a, b) => sign * text(a.name, b.name) || byRank(a, b),
      investment: (a, b) => num(a.investment, b.investment) || byRank(a, b),
      tax: (a, b) => num(a.tax, b.tax) || byRank(a, b),
      completeness: (a, b) => num(a.completeness, b.completeness) || byRank(a, b),
      chain: (a, b) =>
        a.chain === b.chain
          ? byRank(a, b)
          : a.chain === null
            ? 1
            : b.chain === null
              ? -1
              : sign *
                text(
                  chainName(this.state.model, a.chain, this.state.lang),
                  chainName(this.state.model, b.chain, this.state.lang)
                ),
      stage: (a, b) => num(stageAt(a), stageAt(b)) || byRank(a, b),
    };
    return rows.sort(compare[key]);
  }

  /** Whether any filter narrows the list. */
  filtered(): boolean {
    const f = this.state.filters;
    return Object.values(f).some((v) => v !== "");
  }

  // --- targets ----------------------------------------------------------------------------------

  /**
   * Saves edited targets with the workbook's model: the 评分模型 sheet is written (inserted when the
   * workbook has none), so the year and figures travel with the file.
   */
  async saveTargets(targets: Targets): Promise<void> {
    const checked = checkTargets(targets);
    if (!checked.ok) {
      this.say("targets", "error", checked.message);
      return;
    }
    const model: ScoringModel = { ...this.state.model, targets };
    this.set({ busy: true }, "busy");
    try {
      const { modelToGrid } = await modelSheetCode();
      const name = this.modelSheetName();
      await this.host.writeModelSheet(name, modelToGrid(model, this.state.lang));
      this.set({ model, modelSource: "sheet", modelSheet: name }, "targets", "table");
      this.say("targets", "ok", {
        zh: `目标已保存到工作簿的“${name}”工作表`,
        en: `Targets saved in the workbook's "${name}" sheet`,
      });
    } catch (e) {
      this.say("targets", "error", errorLabel(e));
    }
    this.set({ busy: false }, "busy");
  }
}

/** Descending first for figures where more is better; ascending for rank, names and pipeline order. */
function defaultDir(key: SortKey): SortDir {
  return key === "score" || key === "investment" || key === "tax" || key === "completeness"
    ? "desc"
    : "asc";
}

export function chainName(model: ScoringModel, id: string | null, lang: Lang): string {
  if (!id) return "—";
  return model.chain?.chains.find((c) => c.id === id)?.name[lang] ?? id;
}

function square(n: number): number[][] {
  return Array.from({ length: n }, () => new Array<number>(n).fill(1));
}

/** A target year and values a person could mean, or what is wrong and where. */
export function checkTargets(targets: Targets): { ok: true } | { ok: false; message: Label } {
  if (!(Number.isInteger(targets.year) && targets.year >= 2000 && targets.year <= 2100))
    return {
      ok: false,
      message: {
        zh: `目标年份应为 2000–2100 之间的整数，实为“${targets.year}”`,
        en: `The target year must be a whole number from 2000 to 2100, got "${targets.year}"`,
      },
    };
  const bad = targets.items.find((t: TargetDef) => !(Number.isFinite(t.value) && t.value >= 0));
  if (bad)
    return {
      ok: false,
      message: {
        zh: `目标“${bad.label.zh}”应为不小于 0 的数，实为“${bad.value}”`,
        en: `Target "${bad.label.en}" must be a number ≥ 0, got "${bad.value}"`,
      },
    };
  return { ok: true };
}
