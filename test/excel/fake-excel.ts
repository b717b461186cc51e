/**
 * A faithful-enough fake of the Excel JavaScript API objects the adapter uses. Like Office.js it queues
 * work until context.sync(): loaded properties can only be read after a sync, writes land at the sync,
 * methods on null objects fail at the sync. It counts syncs and request/response bytes and refuses, and
 * records, a request or a response over Excel on the web's 5 MB cap (with Excel's error code), so tests
 * and the benchmark can hold the adapter to both.
 */
import type { CellValue } from "../../src/engine/types";

export const REQUEST_LIMIT = 5 * 1024 * 1024;
/** Bytes a queued operation costs beyond its values (method name, object path, ids). */
const OP_OVERHEAD = 64;

export interface Rect {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A sync Excel refused as over its cap (nothing it read came back). */
export interface Refusal {
  code: "RequestPayloadSizeLimitExceeded" | "ResponsePayloadSizeLimitExceeded";
  bytes: number;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  /** Whether calculation was suspended for this sync (suspendApiCalculationUntilNextSync). */
  calculationSuspended: boolean;
  writes: number;
}

interface SheetState {
  name: string;
  rows: CellValue[][];
  formats: Map<string, string>;
  entities: Map<string, unknown>;
  conditionalFormats: {
    rect: Rect;
    type: string;
    criteria?: unknown;
    rule?: unknown;
    fill?: string;
    font?: string;
  }[];
  /** Format properties set on ranges, in order: "font.bold", "fill.color", "wrapText", "columnWidth" … */
  looks: { rect: Rect; prop: string; value: unknown }[];
  /** Range.copyFrom(source, "Formats") calls. */
  copies: { from: Rect; to: Rect; type: string }[];
  charts: FakeChartState[];
  /** PageLayout properties set, and print title rows. */
  pageLayout: Record<string, unknown>;
  /** Worksheet.visibility: "Visible" unless set. */
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Merged areas (FakeExcel.merge). */
  merges: Omit<Rect, "sheet">[];
}

export interface FakeChartState {
  type: string;
  source: Rect;
  seriesBy: string;
  title?: string;
  position?: [string, string];
  legend?: string;
  reversed?: boolean;
  /** Series left after deletions: their column in the source, and their colour. */
  series: { col: number; colour?: string }[];
}

/** A defined name: scoped to a sheet, or to the workbook (sheet null). */
export interface FakeName {
  name: string;
  sheet: string | null;
  formula: string;
  visible: boolean;
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
}

function isEmpty(v: CellValue | undefined): boolean {
  return v === null || v === undefined || v === "";
}

function letters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function a1(rect: Rect): string {
  const sheet = /^[A-Za-z_][A-Za-z0-9_]*$/.test(rect.sheet) ? rect.sheet : `'${rect.sheet}'`;
  const a = `${letters(rect.left)}${rect.top + 1}`;
  const b = `${letters(rect.right)}${rect.bottom + 1}`;
  return `${sheet}!${a === b ? a : `${a}:${b}`}`;
}

/** A formula cell: its value computed from the workbook, as Excel's automatic calculation would. */
export interface Formula {
  sheet: string;
  row: number;
  col: number;
  compute: (excel: FakeExcel) => CellValue;
}

export class FakeExcel {
  readonly sheets = new Map<string, SheetState>();
  /** Recalculated after every sync whose calculation was not suspended (automatic calculation mode). */
  readonly formulas: Formula[] = [];
  readonly tables: { name: string; rect: Rect }[] = [];
  readonly settings = new Map<string, string>();
  readonly names: FakeName[] = [];
  readonly syncs: SyncRecord[] = [];
  /** Syncs refused as over the 5 MB cap: a test asserts there are none, or exactly the ones it provokes. */
  readonly refusals: Refusal[] = [];
  selection: Rect;
  activeSheet: string;
  /** The workbook's date system (Excel for Mac's old default, or set in Excel's options): serial 0 is 1904-01-01. */
  date1904 = false;

  constructor(sheetName = "Sheet1") {
    this.addSheet(sheetName);
    this.activeSheet = sheetName;
    this.selection = { sheet: sheetName, top: 0, left: 0, bottom: 0, right: 0 };
  }

  addSheet(name: string, rows: CellValue[][] = []): SheetState {
    if (this.sheets.has(name)) throw new Error(`ItemAlreadyExists: sheet ${name}`);
    const sheet: SheetState = {
      name,
      rows: rows.map((r) => [...r]),
      formats: new Map(),
      entities: new Map(),
      conditionalFormats: [],
      looks: [],
      copies: [],
      charts: [],
      pageLayout: {},
      merges: [],
    };
    this.sheets.set(name, sheet);
    return sheet;
  }

  sheet(name: string): SheetState {
    const s = this.sheets.get(name);
    if (!s) throw new Error(`ItemNotFound: sheet ${name}`);
    return s;
  }

  cell(sheet: string, row: number, col: number): CellValue {
    return this.sheet(sheet).rows[row]?.[col] ?? null;
  }

  setCell(sheet: string, row: number, col: number, value: CellValue): void {
    const rows = this.sheet(sheet).rows;
    while (rows.length <= row) rows.push([]);
    const line = rows[row];
    while (line.length < col) line.push(null);
    line[col] = value;
  }

  /** Merges an area (its value stays in its top-left cell, as Excel keeps it). */
  merge(sheet: string, area: Omit<Rect, "sheet">): void {
    this.sheet(sheet).merges.push(area);
  }

  select(rect: Omit<Rect, "sheet"> & { sheet?: string }): void {
    this.selection = { sheet: rect.sheet ?? this.activeSheet, ...rect } as Rect;
    this.activeSheet = this.selection.sheet;
  }

  /** Bounding rect of non-empty cells (and, unless valuesOnly, formatted cells); null for an empty sheet. */
  usedRect(name: string, valuesOnly: boolean): Rect | null {
    const sheet = this.sheet(name);
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    sheet.rows.forEach((line, r) =>
      line.forEach((v, c) => {
        if (isEmpty(v)) return;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      })
    );
    if (!valuesOnly) {
      for (const key of sheet.formats.keys()) {
        const [r, c] = key.split(",").map(Number);
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
    return bottom < 0 ? null : { sheet: name, top, left, bottom, right };
  }

  /** Excel's current region: grow while any neighbouring cell (diagonals too) holds a value. */
  region(rect: Rect): Rect {
    const r = { ...rect };
    const filled = (row: number, col: number) =>
      row >= 0 && col >= 0 && !isEmpty(this.cell(r.sheet, row, col));
    const anyInRow = (row: number) => {
      for (let c = r.left - 1; c <= r.right + 1; c++) if (filled(row, c)) return true;
      return false;
    };
    const anyInCol = (col: number) => {
      for (let row = r.top - 1; row <= r.bottom + 1; row++) if (filled(row, col)) return true;
      return false;
    };
    // Each side grows as far as it can before the others are checked again: linear in the region's cells.
    for (let grew = true; grew;) {
      grew = false;
      while (r.top > 0 && anyInRow(r.top - 1)) (r.top--, (grew = true));
      while (anyInRow(r.bottom + 1)) (r.bottom++, (grew = true));
      while (r.left > 0 && anyInCol(r.left - 1)) (r.left--, (grew = true));
      while (anyInCol(r.right + 1)) (r.right++, (grew = true));
    }
    return r;
  }

  values(rect: Rect): CellValue[][] {
    const out: CellValue[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const line = this.sheet(rect.sheet).rows[r];
      const row: CellValue[] = [];
      for (let c = rect.left; c <= rect.right; c++) {
        const v = line?.[c];
        row.push(v === null || v === undefined ? "" : v);
      }
      out.push(row);
    }
    return out;
  }

  addFormula(formula: Formula): void {
    this.formulas.push(formula);
    this.recalculate();
  }

  recalculate(): void {
    for (const f of this.formulas) this.setCell(f.sheet, f.row, f.col, f.compute(this));
  }

  /** Excel.run over this fake. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    return batch(context as unknown as Excel.RequestContext);
  };

  get syncCount(): number {
    return this.syncs.length;
  }

  get requestBytes(): number {
    return this.syncs.reduce((n, s) => n + s.requestBytes, 0);
  }

  resetStats(): void {
    this.syncs.length = 0;
    this.refusals.length = 0;
  }
}

type Op = { bytes: number; write: boolean; run: () => number };

class FakeContext {
  readonly workbook: FakeWorkbook;
  readonly application: { suspendApiCalculationUntilNextSync: () => void };
  private queue: Op[] = [];
  private suspend = false;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    this.application = { suspendApiCalculationUntilNextSync: () => void (this.suspend = true) };
  }

  /** Queues work done at the next sync; `run` returns the response bytes it produced. */
  enqueue(run: () => number, bytes = 0, write = false): void {
    this.queue.push({ run, bytes: bytes + OP_OVERHEAD, write });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const requestBytes = ops.reduce((n, op) => n + op.bytes, 0);
    const calculationSuspended = this.suspend;
    this.suspend = false;
    if (requestBytes > REQUEST_LIMIT) this.refuse("RequestPayloadSizeLimitExceeded", requestBytes);
    let responseBytes = 0;
    for (const op of ops) responseBytes += op.run();
    if (!calculationSuspended && ops.some((o) => o.write)) this.excel.recalculate();
    if (responseBytes > REQUEST_LIMIT)
      this.refuse("ResponsePayloadSizeLimitExceeded", responseBytes);
    this.excel.syncs.push({
      requestBytes,
      responseBytes,
      calculationSuspended,
      writes: ops.filter((o) => o.write).length,
    });
  }

  /** Fails the sync as Excel on the web does (RichApi.Error, its code one of Excel.ErrorCodes). */
  private refuse(code: Refusal["code"], bytes: number): never {
    this.excel.refusals.push({ code, bytes });
    throw Object.assign(new Error(`${code}: ${bytes} bytes over ${REQUEST_LIMIT}`), { code });
  }
}

/** Base of proxy objects: properties loaded at a sync become readable after it. */
class Loadable {
  protected loaded: Record<string, unknown> | null = null;
  protected synced = false;

  constructor(protected readonly context: FakeContext) {}

  protected read<T>(prop: string): T {
    if (!this.loaded || !(prop in this.loaded)) {
      throw new Error(`PropertyNotLoaded: ${prop} (call load("${prop}") and sync first)`);
    }
    return this.loaded[prop] as T;
  }

  get isNullObject(): boolean {
    if (!this.synced) throw new Error("PropertyNotLoaded: isNullObject before a sync");
    return this.loaded === null;
  }

  load(props: string): this {
    if (!props || typeof props !== "string")
      throw new Error("the adapter must name the properties it loads");
    const names = props.split(",").map((p) => p.trim());
    this.context.enqueue(() => {
      this.synced = true;
      const all = this.snapshot();
      if (all === null) {
        this.loaded = null;
        return 0;
      }
      this.loaded = {};
      for (const n of names) {
        if (!(n in all)) throw new Error(`InvalidArgument: unknown property ${n}`);
        this.loaded[n] = all[n]();
      }
      return jsonBytes(this.loaded);
    }, props.length);
    return this;
  }

  /** Property getters of the object as it is at the sync, or null for a null object. */
  protected snapshot(): Record<string, () => unknown> | null {
    return {};
  }
}

/** RangeAreas: only its address ("Sheet1!A1:C1, Sheet1!D2:D3"); a null object when no area. */
class FakeRangeAreas extends Loadable {
  constructor(
    context: FakeContext,
    private readonly areas: () => Rect[] | null
  ) {
    super(context);
  }
  get address(): string {
    return this.read<string>("address");
  }
  protected override snapshot(): Record<string, () => unknown> | null {
    const areas = this.areas();
    return areas === null ? null : { address: () => areas.map(a1).join(", ") };
  }
}

class FakeRange extends Loadable {
  readonly conditionalFormats: {
    add: (type: string) => {
      colorScale: { criteria: unknown };
      cellValue: { rule: unknown; format: { fill: { color: unknown }; font: { color: unknown } } };
    };
    clearAll: () => void;
  };
  /** Range.format: each property set is recorded on the sheet at the sync. */
  readonly format: {
    font: { bold: unknown; color: unknown };
    fill: { color: unknown };
    wrapText: unknown;
    columnWidth: unknown;
  };

  constructor(
    context: FakeContext,
    readonly resolve: () => Rect | null
  ) {
    super(context);
    const rect = () => this.must();
    const format = this.recorder("", ["wrapText", "columnWidth"]);
    format.font = this.recorder("font.", ["bold", "color"]);
    format.fill = this.recorder("fill.", ["color"]);
    this.format = format as FakeRange["format"];
    this.conditionalFormats = {
      add: (type: string) => {
        const proxy = {
          colorScale: { criteria: undefined as unknown },
          cellValue: {
            rule: undefined as unknown,
            format: {
              fill: { color: undefined as unknown },
              font: { color: undefined as unknown },
            },
          },
        };
        context.enqueue(
          () => {
            const r = rect();
            const cv = proxy.cellValue;
            context.excel.sheet(r.sheet).conditionalFormats.push({
              rect: r,
              type,
              ...(type === "ColorScale"
                ? { criteria: proxy.colorScale.criteria }
                : {
                    rule: cv.rule,
                    fill: cv.format.fill.color as string,
                    font: cv.format.font.color as string,
                  }),
            });
            return 0;
          },
          0,
          true
        );
        return proxy;
      },
      clearAll: () =>
        context.enqueue(
          () => {
            const r = rect();
            const s = context.excel.sheet(r.sheet);
            s.conditionalFormats = s.conditionalFormats.filter(
              (f) =>
                f.rect.bottom < r.top ||
                f.rect.top > r.bottom ||
                f.rect.right < r.left ||
                f.rect.left > r.right
            );
            return 0;
          },
          0,
          true
        ),
    };
  }

  private must(): Rect {
    const r = this.resolve();
    if (!r) throw new Error("InvalidObjectPath: method called on a null object");
    return r;
  }

  /** An object whose properties, when set, are recorded as `${prefix}${name}` at the sync. */
  private recorder(prefix: string, props: string[]): Record<string, unknown> {
    const target: Record<string, unknown> = {};
    for (const prop of props)
      Object.defineProperty(target, prop, {
        set: (value: unknown) =>
          this.context.enqueue(
            () => {
              const r = this.must();
              this.context.excel.sheet(r.sheet).looks.push({ rect: r, prop: prefix + prop, value });
              return 0;
            },
            jsonBytes(value),
            true
          ),
        get: () => {
          throw new Error(`PropertyNotLoaded: ${prefix}${prop}`);
        },
      });
    return target;
  }

  getEntireColumn(): FakeRange {
    return this.derive((r) => ({ ...r, top: 0, bottom: 1048575 }));
  }

  copyFrom(source: FakeRange, type: string): void {
    this.context.enqueue(
      () => {
        const to = this.must();
        this.context.excel.sheet(to.sheet).copies.push({ from: source.must(), to, type });
        return 0;
      },
      0,
      true
    );
  }

  private derive(f: (r: Rect) => Rect | null): FakeRange {
    return new FakeRange(this.context, () => f(this.must()));
  }

  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13): the merged areas that meet this range, whole. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const r = this.must();
      const meets = (m: Omit<Rect, "sheet">) =>
        m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left;
      const areas = this.context.excel.sheet(r.sheet).merges.filter(meets);
      return areas.length === 0 ? null : areas.map((m) => ({ ...m, sheet: r.sheet }));
    });
  }

  protected override snapshot(): Record<string, () => unknown> | null {
    const r = this.resolve();
    if (!r) return null;
    const excel = this.context.excel;
    return {
      address: () => a1(r),
      rowIndex: () => r.top,
      columnIndex: () => r.left,
      rowCount: () => r.bottom - r.top + 1,
      columnCount: () => r.right - r.left + 1,
      values: () => excel.values(r),
      numberFormat: () => {
        const formats = excel.sheet(r.sheet).formats;
        const out: string[][] = [];
        for (let row = r.top; row <= r.bottom; row++) {
          const line: string[] = [];
          for (let c = r.left; c <= r.right; c++)
            line.push(formats.get(`${row},${c}`) ?? "General");
          out.push(line);
        }
        return out;
      },
    };
  }

  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): CellValue[][] {
    return this.read("values");
  }
  set values(values: CellValue[][]) {
    const copy = values.map((row) => [...row]);
    this.context.enqueue(
      () => {
        const r = this.must();
        if (
          copy.length !== r.bottom - r.top + 1 ||
          copy.some((row) => row.length !== r.right - r.left + 1)
        ) {
          throw new Error(
            `InvalidArgument: values of ${copy.length} rows do not match range ${a1(r)}`
          );
        }
        copy.forEach((row, i) =>
          row.forEach((v, j) => this.context.excel.setCell(r.sheet, r.top + i, r.left + j, v))
        );
        return 0;
      },
      jsonBytes(copy),
      true
    );
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  /** A 2-D array the range's size, or one format for every cell (Office's "Update all cells in a range"). */
  set numberFormat(formats: string[][] | string) {
    this.context.enqueue(
      () => {
        const r = this.must();
        const sheet = this.context.excel.sheet(r.sheet);
        if (typeof formats === "string") {
          for (let row = r.top; row <= r.bottom; row++)
            for (let c = r.left; c <= r.right; c++) sheet.formats.set(`${row},${c}`, formats);
          return 0;
        }
        if (
          formats.length !== r.bottom - r.top + 1 ||
          formats.some((row) => row.length !== r.right - r.left + 1)
        )
          throw new Error(`InvalidArgument: number formats do not match range ${a1(r)}`);
        formats.forEach((row, i) =>
          row.forEach((f, j) => sheet.formats.set(`${r.top + i},${r.left + j}`, f))
        );
        return 0;
      },
      jsonBytes(formats),
      true
    );
  }
  set valuesAsJson(values: unknown[][]) {
    this.context.enqueue(
      () => {
        const r = this.must();
        const sheet = this.context.excel.sheet(r.sheet);
        values.forEach((row, i) =>
          row.forEach((v, j) => {
            sheet.entities.set(`${r.top + i},${r.left + j}`, v);
            // What Range.values (and formulas) then see: an entity's basic value is #VALUE!.
            const cell = v as { type?: string; basicValue?: CellValue };
            this.context.excel.setCell(
              r.sheet,
              r.top + i,
              r.left + j,
              cell.type === "Entity" ? "#VALUE!" : (cell.basicValue ?? null)
            );
          })
        );
        return 0;
      },
      jsonBytes(values),
      true
    );
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.must().sheet);
  }
  getSurroundingRegion(): FakeRange {
    return this.derive((r) => this.context.excel.region({ ...r, bottom: r.top, right: r.left }));
  }
  getRow(row: number): FakeRange {
    return this.derive((r) => {
      if (row < 0 || r.top + row > 1048575) throw new Error(`InvalidArgument: getRow(${row})`);
      return { ...r, top: r.top + row, bottom: r.top + row };
    });
  }
  getEntireRow(): FakeRange {
    return this.derive((r) => ({ ...r, left: 0, right: 16383 }));
  }
  getIntersection(other: FakeRange): FakeRange {
    return this.derive((r) => {
      const o = other.must();
      const out = {
        sheet: r.sheet,
        top: Math.max(r.top, o.top),
        left: Math.max(r.left, o.left),
        bottom: Math.min(r.bottom, o.bottom),
        right: Math.min(r.right, o.right),
      };
      if (o.sheet !== r.sheet || out.top > out.bottom || out.left > out.right)
        throw new Error("InvalidArgument: ranges do not intersect");
      return out;
    });
  }
  getBoundingRect(other: FakeRange): FakeRange {
    return this.derive((r) => {
      const o = other.must();
      return {
        sheet: r.sheet,
        top: Math.min(r.top, o.top),
        left: Math.min(r.left, o.left),
        bottom: Math.max(r.bottom, o.bottom),
        right: Math.max(r.right, o.right),
      };
    });
  }
  getResizedRange(rows: number, cols: number): FakeRange {
    return this.derive((r) => {
      const out = { ...r, bottom: r.bottom + rows, right: r.right + cols };
      if (out.bottom < out.top || out.right < out.left || out.right > 16383)
        throw new Error("InvalidArgument: resize out of bounds");
      return out;
    });
  }
  getTables(fullyContained?: boolean): FakeTableCollection {
    return new FakeTableCollection(this.context, () => {
      const r = this.must();
      const inside = (t: Rect) =>
        t.top >= r.top && t.bottom <= r.bottom && t.left >= r.left && t.right <= r.right;
      const touches = (t: Rect) =>
        !(t.bottom < r.top || t.top > r.bottom || t.right < r.left || t.left > r.right);
      return this.context.excel.tables.filter(
        (t) => t.rect.sheet === r.sheet && (fullyContained ? inside(t.rect) : touches(t.rect))
      );
    });
  }
  select(): void {
    this.context.enqueue(() => {
      this.context.excel.select(this.must());
      return 0;
    });
  }
  clear(applyTo?: string): void {
    this.context.enqueue(
      () => {
        const r = this.must();
        if (applyTo !== "Contents") throw new Error("the fake only clears contents");
        for (let row = r.top; row <= r.bottom; row++) {
          const line = this.context.excel.sheet(r.sheet).rows[row];
          if (line)
            for (let c = r.left; c <= Math.min(r.right, line.length - 1); c++) line[c] = null;
        }
        return 0;
      },
      0,
      true
    );
  }
}

class FakeTableCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly find: () => { name: string; rect: Rect }[]
  ) {}
  getCount(): { value: number } {
    const result = { loaded: null as number | null };
    this.context.enqueue(() => {
      result.loaded = this.find().length;
      return 8;
    });
    return {
      get value(): number {
        if (result.loaded === null)
          throw new Error("PropertyNotLoaded: ClientResult.value before a sync");
        return result.loaded;
      },
    };
  }
  getFirst(): FakeTable {
    return new FakeTable(this.context, () => {
      const first = this.find()[0];
      if (!first) throw new Error("ItemNotFound: no table");
      return first;
    });
  }
}

class FakeTable extends Loadable {
  constructor(
    context: FakeContext,
    private readonly find: () => { name: string; rect: Rect } | null
  ) {
    super(context);
  }
  protected override snapshot(): Record<string, () => unknown> | null {
    const t = this.find();
    return t ? { name: () => t.name } : null;
  }
  get name(): string {
    return this.read("name");
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.find();
      if (!t) throw new Error("InvalidObjectPath: getRange on a null table");
      return t.rect;
    });
  }
}

class FakeWorksheet extends Loadable {
  constructor(
    context: FakeContext,
    private readonly resolveName: () => string | null
  ) {
    super(context);
  }
  private must(): string {
    const n = this.resolveName();
    if (n === null) throw new Error("InvalidObjectPath: method called on a null worksheet");
    return n;
  }
  protected override snapshot(): Record<string, () => unknown> | null {
    const n = this.resolveName();
    return n === null
      ? null
      : {
          name: () => n,
          visibility: () => this.context.excel.sheet(n).visibility ?? "Visible",
        };
  }
  /** Marks the listed properties loaded now, as a collection's load does for its items at the sync. */
  loadNow(props: string[]): void {
    const all = this.snapshot()!;
    this.synced = true;
    this.loaded = {};
    for (const p of props) {
      if (!(p in all)) throw new Error(`InvalidArgument: unknown property ${p}`);
      this.loaded[p] = all[p]();
    }
  }
  get name(): string {
    return this.read("name");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  getRange(address?: string): FakeRange {
    if (address !== undefined) throw new Error("the fake addresses ranges by index only");
    return new FakeRange(this.context, () => ({
      sheet: this.must(),
      top: 0,
      left: 0,
      bottom: 1048575,
      right: 16383,
    }));
  }
  getRangeByIndexes(top: number, left: number, rows: number, cols: number): FakeRange {
    if (rows < 1 || cols < 1)
      throw new Error(`InvalidArgument: getRangeByIndexes with ${rows} × ${cols}`);
    return new FakeRange(this.context, () => ({
      sheet: this.must(),
      top,
      left,
      bottom: top + rows - 1,
      right: left + cols - 1,
    }));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () =>
      this.context.excel.usedRect(this.must(), valuesOnly === true)
    );
  }
  activate(): void {
    this.context.enqueue(() => {
      this.context.excel.activeSheet = this.must();
      return 0;
    });
  }
  get names(): FakeNames {
    return new FakeNames(this.context, () => this.must());
  }
  get charts(): FakeCharts {
    return new FakeCharts(this.context, () => this.must());
  }
  get pageLayout(): Record<string, unknown> {
    const sheet = () => this.context.excel.sheet(this.must()).pageLayout;
    const set = (prop: string) => (value: unknown) =>
      this.context.enqueue(() => ((sheet()[prop] = value), 0), jsonBytes(value) ?? 0, true);
    const layout: Record<string, unknown> = {
      setPrintTitleRows: (rows: string) => set("printTitleRows")(rows),
      headersFooters: { defaultForAllPages: {} as Record<string, unknown> },
    };
    for (const prop of ["orientation", "zoom"])
      Object.defineProperty(layout, prop, { set: set(prop) });
    for (const prop of ["leftHeader", "centerHeader", "rightHeader"])
      Object.defineProperty(
        (layout.headersFooters as { defaultForAllPages: object }).defaultForAllPages,
        prop,
        { set: set(prop) }
      );
    return layout;
  }
}

/** A sheet's names (scope its name) or the workbook's (scope null). */
class FakeNames {
  private loaded: { name: string; formula: string }[] | null = null;
  constructor(
    private readonly context: FakeContext,
    private readonly scope: () => string | null
  ) {}
  private get list(): FakeName[] {
    return this.context.excel.names;
  }
  load(props: string): this {
    if (props !== "items/name,items/formula")
      throw new Error(`the fake loads names as items/name,items/formula, not ${props}`);
    this.context.enqueue(() => {
      const scope = this.scope();
      this.loaded = this.list
        .filter((n) => n.sheet === scope)
        .map((n) => ({ name: n.name, formula: n.formula }));
      return jsonBytes(this.loaded);
    }, props.length);
    return this;
  }
  get items(): { name: string; formula: string }[] {
    if (!this.loaded) throw new Error("PropertyNotLoaded: items");
    return this.loaded;
  }
  private find(name: string): FakeName {
    const scope = this.scope();
    const n = this.list.find(
      (x) => x.sheet === scope && x.name.toUpperCase() === name.toUpperCase()
    );
    if (!n) throw new Error(`ItemNotFound: name ${name}`);
    return n;
  }
  add(name: string, reference: string): { visible: boolean } {
    const item: FakeName = { name, sheet: null, formula: reference, visible: true };
    this.context.enqueue(
      () => {
        item.sheet = this.scope();
        if (
          this.list.some(
            (x) => x.sheet === item.sheet && x.name.toUpperCase() === name.toUpperCase()
          )
        )
          throw new Error(`ItemAlreadyExists: name ${name}`);
        this.list.push(item);
        return 0;
      },
      name.length + reference.length,
      true
    );
    const context = this.context;
    return {
      set visible(v: boolean) {
        context.enqueue(() => ((item.visible = v), 0), 8, true);
      },
      get visible(): boolean {
        throw new Error("PropertyNotLoaded: visible");
      },
    };
  }
  getItem(name: string): { formula: string; delete: () => void } {
    const context = this.context;
    const find = () => this.find(name);
    const list = this.list;
    return {
      set formula(f: string) {
        context.enqueue(() => ((find().formula = f), 0), f.length, true);
      },
      get formula(): string {
        throw new Error("PropertyNotLoaded: formula");
      },
      delete: () =>
        context.enqueue(
          () => {
            list.splice(list.indexOf(find()), 1);
            return 0;
          },
          name.length,
          true
        ),
    };
  }
}

/** A sheet's charts: added from a range, with the calls the adapter makes on them recorded. */
class FakeCharts {
  private loaded: { delete: () => void }[] | null = null;
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => string
  ) {}
  load(props: string): this {
    if (props !== "items/name")
      throw new Error(`the fake loads charts as items/name, not ${props}`);
    this.context.enqueue(() => {
      const state = this.context.excel.sheet(this.sheet());
      this.loaded = state.charts.map((c) => ({
        delete: () =>
          this.context.enqueue(
            () => ((state.charts = state.charts.filter((x) => x !== c)), 0),
            8,
            true
          ),
      }));
      return 16 * state.charts.length;
    });
    return this;
  }
  get items(): { delete: () => void }[] {
    if (!this.loaded) throw new Error("PropertyNotLoaded: items");
    return this.loaded;
  }
  add(type: string, source: FakeRange, seriesBy: string): unknown {
    const context = this.context;
    let chart: FakeChartState | null = null;
    const later = (f: (c: FakeChartState) => void) =>
      context.enqueue(
        () => {
          if (!chart) throw new Error("InvalidObjectPath: chart not added");
          f(chart);
          return 0;
        },
        32,
        true
      );
    context.enqueue(
      () => {
        const rect = (source as unknown as { resolve: () => Rect | null }).resolve()!;
        chart = { type, source: rect, seriesBy, series: [] };
        // One series per column after the first (the categories), as Excel does for "Columns".
        for (let c = rect.left + 1; c <= rect.right; c++) chart.series.push({ col: c });
        context.excel.sheet(this.sheet()).charts.push(chart);
        return 0;
      },
      64,
      true
    );
    const setter = (f: (c: FakeChartState, v: unknown) => void) => ({
      set: (v: unknown) => later((c) => f(c, v)),
    });
    const title = {};
    Object.defineProperty(
      title,
      "text",
      setter((c, v) => (c.title = String(v)))
    );
    const legend = {};
    Object.defineProperty(
      legend,
      "position",
      setter((c, v) => (c.legend = String(v)))
    );
    const categoryAxis = {};
    Object.defineProperty(
      categoryAxis,
      "reversePlotOrder",
      setter((c, v) => (c.reversed = v === true))
    );
    return {
      title,
      legend,
      axes: { categoryAxis },
      setPosition: (a: string, b: string) => later((c) => (c.position = [a, b])),
      series: {
        getItemAt: (k: number) => ({
          delete: () => later((c) => c.series.splice(k, 1)),
          format: {
            fill: {
              setSolidColor: (colour: string) => later((c) => (c.series[k].colour = colour)),
            },
          },
        }),
      },
    };
  }
}

class FakeWorkbook {
  readonly worksheets: {
    getItem: (name: string) => FakeWorksheet;
    getItemOrNullObject: (name: string) => FakeWorksheet;
    getActiveWorksheet: () => FakeWorksheet;
    add: (name: string) => FakeWorksheet;
    /** The sheets in tab order, as "items/<prop>,…" (readable after the sync). */
    load: (props: string) => { items: FakeWorksheet[] };
  };
  readonly settings: {
    getItemOrNullObject: (key: string) => Loadable & { value: string };
    add: (key: string, value: string) => void;
  };
  /** Workbook.functions: DATE only, as Excel computes it in the workbook's date system. */
  readonly functions: { date: (year: number, month: number, day: number) => FakeFunctionResult };

  constructor(private readonly context: FakeContext) {
    const excel = context.excel;
    this.worksheets = {
      getItem: (name) =>
        new FakeWorksheet(context, () => {
          excel.sheet(name);
          return name;
        }),
      getItemOrNullObject: (name) =>
        new FakeWorksheet(context, () => (excel.sheets.has(name) ? name : null)),
      getActiveWorksheet: () => new FakeWorksheet(context, () => excel.activeSheet),
      add: (name) => {
        context.enqueue(() => (excel.addSheet(name), 0), name.length, true);
        return new FakeWorksheet(context, () => name);
      },
      load: (props) => {
        const names = props.split(",").map((p) => /^items\/(\w+)$/.exec(p.trim())?.[1]);
        if (names.some((p) => p === undefined))
          throw new Error(`the fake loads worksheets as items/<prop>, not ${props}`);
        let items: FakeWorksheet[] | null = null;
        context.enqueue(() => {
          items = [...excel.sheets.keys()].map((n) => {
            const ws = new FakeWorksheet(context, () => (excel.sheets.has(n) ? n : null));
            ws.loadNow(names as string[]);
            return ws;
          });
          return jsonBytes(items.map((ws) => ws.name));
        }, props.length);
        return {
          get items(): FakeWorksheet[] {
            if (!items) throw new Error("PropertyNotLoaded: items");
            return items;
          },
        };
      },
    };
    this.functions = {
      date: (year, month, day) =>
        new FakeFunctionResult(context, () => {
          const days = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
          // 1904 system: 1462 days fewer (1900-01-01…1904-01-01 with Excel's 29 Feb 1900).
          return excel.date1904 ? days - 1462 : days;
        }),
    };
    this.settings = {
      getItemOrNullObject: (key) => new FakeSetting(context, () => excel.settings.get(key) ?? null),
      add: (key, value) =>
        context.enqueue(() => (excel.settings.set(key, value), 0), jsonBytes(value), true),
    };
  }

  get names(): FakeNames {
    return new FakeNames(this.context, () => null);
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => this.context.excel.selection);
  }
}

class FakeFunctionResult extends Loadable {
  constructor(
    context: FakeContext,
    private readonly compute: () => number
  ) {
    super(context);
  }
  protected override snapshot(): Record<string, () => unknown> {
    return { value: () => this.compute(), error: () => null };
  }
  get value(): number {
    return this.read("value");
  }
}

class FakeSetting extends Loadable {
  constructor(
    context: FakeContext,
    private readonly find: () => string | null
  ) {
    super(context);
  }
  protected override snapshot(): Record<string, () => unknown> | null {
    const v = this.find();
    return v === null ? null : { value: () => v };
  }
  get value(): string {
    return this.read("value");
  }
}
