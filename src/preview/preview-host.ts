/* global fetch, HTMLElement */
/**
 * The host outside Office: a workbook held in memory (the bundled sample, or the user's own .xlsx read
 * in the page — it never leaves the browser). Writes land in the in-memory grids, shown as a sheet view.
 */
import type { CellValue } from "../engine/types";
import type { Grid, PlannedResults, SheetData } from "../workbook/types";
import { marksOf, rangeAddress } from "../workbook";
import { MARKER_ROWS } from "../workbook/marker";
import { noSuchSheet } from "../workbook/pipeline";
import { clear, h } from "../ui/dom";
import type { Host, PaneSettings, WorkbookRead, WriteReport } from "../workbook/host";
import { readXlsx, type XlsxSheet } from "./xlsx-reader";

export const SAMPLE_URL = "examples/pinghu-candidates.xlsx";
const VIEW_ROWS = 60;

export class PreviewHost implements Host {
  readonly kind = "preview" as const;
  readonly supportsCards = false;
  title: string;
  private sheets: XlsxSheet[];
  private active = 0;
  private settings: PaneSettings | null = null;
  private selected: { sheet: string; row: number } | null = null;

  constructor(
    title: string,
    sheets: XlsxSheet[],
    private readonly view: HTMLElement | null = null
  ) {
    this.title = title;
    this.sheets = sheets;
    this.active = Math.max(
      0,
      sheets.findIndex((s) => !s.hidden)
    );
    this.renderView();
  }

  /** Replaces the workbook with the user's own file (read here, in the page). */
  async open(title: string, bytes: ArrayBuffer): Promise<void> {
    const sheets = await readXlsx(bytes);
    this.title = title;
    this.sheets = sheets;
    this.active = Math.max(
      0,
      sheets.findIndex((s) => !s.hidden)
    );
    this.selected = null;
    this.renderView();
  }

  static async fromBytes(
    title: string,
    bytes: ArrayBuffer,
    view: HTMLElement | null
  ): Promise<PreviewHost> {
    return new PreviewHost(title, await readXlsx(bytes), view);
  }

  static async sample(view: HTMLElement | null): Promise<PreviewHost> {
    const response = await fetch(SAMPLE_URL);
    if (!response.ok) throw new Error(`sample workbook ${SAMPLE_URL}: HTTP ${response.status}`);
    return PreviewHost.fromBytes("pinghu-candidates.xlsx", await response.arrayBuffer(), view);
  }

  private find(name: string): XlsxSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Defined names as a workbook would keep them: our marks ("_ZS.<key>"), by name. */
  private readonly names = new Map<string, { name: string; ref: string }>();

  private data(sheet: XlsxSheet): SheetData {
    const marks = marksOf([...this.names.values()], sheet.name);
    return {
      name: sheet.name,
      grid: sheet.grid,
      hiddenColumns: sheet.hiddenColumns,
      merges: sheet.merges,
      ...(marks.length > 0 ? { marks } : {}),
    };
  }

  async readWorkbook(resultSheet: string): Promise<WorkbookRead> {
    const sheet = this.sheets[this.active];
    const width = sheet.grid.reduce((w, r) => Math.max(w, r.length), 0);
    const result = this.find(resultSheet);
    return {
      table: this.data(sheet),
      address: rangeAddress(
        {
          top: 0,
          left: 0,
          bottom: Math.max(0, sheet.grid.length - 1),
          right: Math.max(0, width - 1),
        },
        sheet.name
      ),
      source: "used",
      sheets: this.sheets.map((s) => ({
        data: { name: s.name, grid: s.grid.slice(0, MARKER_ROWS) },
        hidden: s.hidden,
      })),
      resultSheet: result ? this.data(result) : null,
    };
  }

  async readSheet(name: string): Promise<SheetData> {
    const sheet = this.find(name);
    if (!sheet)
      throw noSuchSheet(
        name,
        this.sheets.map((s) => s.name)
      );
    return this.data(sheet);
  }

  async writeResults(plan: PlannedResults): Promise<WriteReport> {
    if (plan.createSheet && !this.find(plan.sheet)) {
      this.sheets.push({
        name: plan.sheet,
        hidden: false,
        grid: [],
        hiddenColumns: [],
        merges: [],
      });
    }
    let cells = 0;
    for (const block of plan.blocks) {
      const sheet = this.find(block.sheet);
      if (!sheet) throw new Error(`sheet ${block.sheet} does not exist`);
      block.values.forEach((row, i) =>
        row.forEach((v, j) => {
          setCell(sheet.grid, block.top + i, block.left + j, v);
          cells++;
        })
      );
    }
    // Our names for that sheet are replaced, as the Excel host and the CLI do.
    for (const [key, n] of this.names)
      if (marksOf([n], plan.sheet).length > 0) this.names.delete(key);
    for (const n of plan.names) this.names.set(n.name, { name: n.name, ref: n.ref });
    this.renderView(plan.sheet);
    return { address: plan.scoreRange?.address ?? plan.sheet, cells, syncs: 1 };
  }

  async writeModelSheet(name: string, grid: Grid): Promise<void> {
    const existing = this.find(name);
    if (existing) existing.grid = grid.map((r) => [...r]);
    else
      this.sheets.push({
        name,
        hidden: false,
        grid: grid.map((r) => [...r]),
        hiddenColumns: [],
        merges: [],
      });
    this.renderView();
  }

  async selectRow(sheet: string, row: number): Promise<void> {
    this.selected = { sheet, row };
    this.renderView(sheet);
    this.view?.querySelector(".selected")?.scrollIntoView({ block: "nearest" });
  }

  async loadSettings(): Promise<PaneSettings | null> {
    return this.settings;
  }

  async saveSettings(settings: PaneSettings): Promise<void> {
    this.settings = settings;
  }

  /** A read-only look at a sheet: the first rows, as text. */
  private renderView(name?: string): void {
    const view = this.view;
    if (!view) return;
    const sheet = (name && this.find(name)) || this.sheets[this.active];
    clear(view);
    const tabs = h("div", { class: "sheet-tabs", role: "list" });
    for (const s of this.sheets) {
      tabs.append(
        h("span", { role: "listitem", class: s === sheet ? "sheet-tab on" : "sheet-tab" }, s.name)
      );
    }
    const width = Math.min(
      40,
      sheet.grid.reduce((w, r) => Math.max(w, r.length), 0)
    );
    const rows = sheet.grid.slice(0, VIEW_ROWS).map((r, i) =>
      h(
        "tr",
        {
          class:
            this.selected && this.selected.sheet === sheet.name && this.selected.row === i
              ? "selected"
              : "",
        },
        h("th", {}, String(i + 1)),
        ...Array.from({ length: width }, (_, c) => h("td", {}, text(r[c])))
      )
    );
    view.append(
      tabs,
      // Focusable, so keyboard users can scroll the sheet too.
      h(
        "div",
        { class: "sheet-scroll", tabindex: 0, "aria-label": sheet.name },
        h("table", { class: "sheet" }, h("tbody", {}, ...rows))
      )
    );
  }
}

function text(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}

function setCell(grid: CellValue[][], row: number, col: number, v: CellValue): void {
  while (grid.length <= row) grid.push([]);
  const line = grid[row];
  while (line.length < col) line.push(null);
  line[col] = v;
}
