/* global Excel, Office, setTimeout */
/**
 * The Office.js host: finds the candidate table in the open workbook, reads it in one load, and writes
 * the workbook layer's result plan in as few round trips as Excel on the web's 5 MB request cap allows.
 */
import type { CellValue } from "../engine/types";
import { columnLetters, MAX_ROWS, parseAreasAddress } from "../workbook/a1";
import { cellReference, keyOfName, MARKER_ROWS, marksOf, replaceMarks } from "../workbook/marker";
import { noSuchSheet, type SheetChoice } from "../workbook/pipeline";
import { SCORE_SCALE } from "../workbook/palette";
import { numberLook, serialDate, timeText } from "../workbook/dates";
import type { SummaryPlan } from "../workbook/summary";
import type {
  CellColour,
  Grid,
  PlannedResults,
  PrintSetup,
  SheetData,
  SheetName,
  WriteBlock,
} from "../workbook/types";
import {
  parseSettings,
  SETTINGS_KEY,
  type Host,
  type PaneSettings,
  type ScoreCard,
  type TableSource,
  type WorkbookRead,
  type WriteReport,
} from "../workbook/host";

/** Runs a batch against a request context: Excel.run in Excel, a fake in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  run?: ExcelRun;
  /** Office.context.requirements.isSetSupported, injectable for tests. */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Bytes per request we aim under (Excel on the web refuses requests over 5 MB). */
  payloadBudget?: number;
  /** Lets the pane breathe between chunks (desktop Excel restarts add-ins unresponsive for 5 s). */
  yieldToUi?: () => Promise<void>;
}

/** Columns read beyond the table, so our earlier result columns and any user cells in their way are seen. */
const EXTRA_COLUMNS = 16;
const LAST_COLUMN = 16383;
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;
/** Rows sampled around the selection to size the read. */
const SAMPLE_ROWS = 16;
/** Bytes assumed per cell when the sample is too small to say (a selection on an empty cell). */
const DEFAULT_CELL_BYTES = 48;
/** What an empty cell the sample did not cover costs: its value `"",` and its format `"General",`. */
const EMPTY_VALUE_BYTES = 3;
const EMPTY_FORMAT_BYTES = 10;
/** The error code of a response over Excel on the web's cap (Excel.ErrorCodes; no Excel global in tests). */
const RESPONSE_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";

/** A row slice of the read: its values over the whole width and its number formats within the box. */
interface Slice {
  cells: Excel.Range;
  formats: Excel.Range;
}

/**
 * Queues the read of `rows` rows of `range` from `start`: values over the whole width, number formats
 * only within `box` (the columns widened past the used range hold no values, so their formats would
 * only double their cost). `clip` keeps a slice asked for before the row count is known inside the range.
 */
function queueSlice(
  range: Excel.Range,
  box: Excel.Range,
  start: number,
  rows: number,
  clip: boolean
): Slice {
  const rowsAsked = range.getRow(start).getResizedRange(rows - 1, 0);
  const cells = clip ? rowsAsked.getIntersection(range) : rowsAsked;
  cells.load("columnIndex,values");
  const formats = cells.getIntersection(box);
  formats.load("columnIndex,numberFormat");
  return { cells, formats };
}

/**
 * Appends a synced slice's rows (date-formatted serials as ISO dates, in the workbook's date
 * system); returns its rows and bytes.
 */
function appendSlice(
  grid: CellValue[][],
  values: unknown[][],
  valuesLeft: number,
  formats: unknown[][],
  formatsLeft: number,
  date1904: boolean
): { rows: number; bytes: number } {
  const offset = formatsLeft - valuesLeft;
  values.forEach((row, r) => {
    const line = formats[r];
    grid.push(row.map((v, c) => numberFormatted(v as CellValue, line?.[c - offset], date1904)));
  });
  return { rows: values.length, bytes: payloadBytes(values) + payloadBytes(formats) };
}

/**
 * Estimated response bytes per row of a read whose values span `width` columns and number formats
 * `formatWidth` of them, from the rows sampled: their average leaving out the narrowest and the widest
 * (a header row, one long note among the first rows), columns the sample did not cover taken as empty.
 */
function sampleRowBytes(
  values: unknown[][],
  formats: unknown[][],
  width: number,
  formatWidth: number
): number {
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  if (rows < 3 || cols < 2) return width * DEFAULT_CELL_BYTES;
  // Each row with its commas in the two arrays.
  const bytes = values.map((row, r) => payloadBytes(row) + payloadBytes(formats[r]) + 2);
  const sum = bytes.reduce((n, b) => n + b, 0) - Math.min(...bytes) - Math.max(...bytes);
  return (
    sum / (rows - 2) +
    Math.max(0, width - cols) * EMPTY_VALUE_BYTES +
    Math.max(0, formatWidth - cols) * EMPTY_FORMAT_BYTES
  );
}

/**
 * Sizes the row slices of a read from what the rows read so far cost (before any, from a guess, or a
 * first slice of SAMPLE_ROWS rows without one): as many rows as fit the budget, spread evenly over the
 * slices the rows left need, so no slice is a small remainder. A row costs the average so far, or the
 * last slice's if higher (rows that grow wider down the table): an average of whole slices, not the
 * widest row, so one long note does not shrink every slice. A slice of rows wider than that runs
 * past the budget (4 MB, a quarter under the 5 MB cap); one past the cap is asked again in halves.
 */
export class RowSlicer {
  private rows = 0;
  private bytes = 0;
  private last = 0;

  constructor(
    private readonly budget: number,
    private readonly guess: number | null = null
  ) {}

  /** Rows that fit the budget by what a row costs so far (the first slice of a read of unknown length). */
  fit(): number {
    const perRow = this.rows > 0 ? Math.max(this.bytes / this.rows, this.last) : this.guess;
    return perRow === null ? SAMPLE_ROWS : Math.max(1, Math.floor(this.budget / perRow));
  }

  /** Rows for the next slice of the `left` rows still to read. */
  next(left: number): number {
    const fit = this.fit();
    if (left <= fit) return left;
    return this.rows === 0 && this.guess === null ? fit : Math.ceil(left / Math.ceil(left / fit));
  }

  /** Counts a slice read. */
  read(rows: number, bytes: number): void {
    this.rows += rows;
    this.bytes += bytes;
    this.last = bytes / rows;
  }
}

/**
 * Syncs the slice `queue(rows)` asks for and returns it. A response Excel refuses as over its cap
 * (rows far wider than those read before) is asked again with half the rows.
 */
async function syncRows<T>(
  context: Excel.RequestContext,
  rows: number,
  queue: (rows: number) => T
): Promise<T> {
  for (let asked = rows; ; asked = Math.ceil(asked / 2)) {
    const slice = queue(asked);
    try {
      // One sync per slice is the point: each response must stay under the 5 MB cap.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      return slice;
    } catch (e) {
      if (asked === 1 || (e as { code?: unknown }).code !== RESPONSE_TOO_LARGE) throw e;
    }
  }
}

const SCALE = {
  minimum: { formula: null, type: "LowestValue", color: SCORE_SCALE.low },
  midpoint: { formula: "50", type: "Percentile", color: SCORE_SCALE.mid },
  maximum: { formula: null, type: "HighestValue", color: SCORE_SCALE.high },
} as unknown as Excel.ConditionalColorScaleCriteria;

/** Our header look where the user's cannot be copied (a result sheet): as the CLI writes it. */
export const HEADER_FILL = "#F2F2F2";

/** Excel's column width in points for a width in characters of "0" (7 px each, 5 px padding). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75);
}

/** A defined name as read: scoped to a sheet (its name) or the workbook (null). */
interface NameRead {
  name: string;
  ref: string;
  sheet: string | null;
}

/** Names of a collection loaded with "items/name,items/formula". */
function namesOf(c: Excel.NamedItemCollection, sheet: string | null): NameRead[] {
  return c.items.map((n) => ({ name: n.name, ref: String(n.formula), sheet }));
}

/** UTF-8 size of values as JSON, the way they travel in a request. */
export function payloadBytes(values: unknown): number {
  let bytes = 0;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      bytes += 1 + v.length;
      for (const x of v) walk(x);
    } else if (typeof v === "string") {
      bytes += 2;
      for (let i = 0; i < v.length; i++) {
        const c = v.charCodeAt(i);
        bytes += c < 0x80 ? (c === 34 || c === 92 || c < 0x20 ? 2 : 1) : c < 0x800 ? 2 : 3;
      }
    } else if (v !== null && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        bytes += k.length + 4;
        walk(x);
      }
    } else bytes += String(v).length;
  };
  walk(values);
  return bytes;
}

/** Rows written as one range each; `write` queues `rows`, the run's rows from `from` on. */
interface RowRun {
  rows: unknown[][];
  write: (context: Excel.RequestContext, from: number, rows: unknown[][]) => void;
}

type Chunk = ((context: Excel.RequestContext) => void)[];

/**
 * Packs runs, in order, into chunks of at most `budget` request bytes: a run is cut between rows where
 * a chunk fills, so every chunk but the last is full to a row (a row over the whole budget goes alone).
 */
export function packRuns(runs: RowRun[], budget: number): Chunk[] {
  const chunks: Chunk[] = [];
  let chunk: Chunk = [];
  let room = budget;
  for (const run of runs) {
    for (let start = 0; start < run.rows.length;) {
      let end = start;
      let bytes = 0;
      for (; end < run.rows.length; end++) {
        // The row and its comma in the range's array.
        const row = payloadBytes(run.rows[end]) + 1;
        if (bytes + row > room && (end > start || chunk.length > 0)) break;
        bytes += row;
      }
      if (end > start) {
        const from = start;
        const rows = run.rows.slice(start, end);
        chunk.push((context) => run.write(context, from, rows));
        room -= bytes;
        start = end;
      }
      if (start < run.rows.length) {
        chunks.push(chunk);
        chunk = [];
        room = budget;
      }
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

function blockRun(block: WriteBlock): RowRun {
  return {
    rows: block.values,
    write: (context, from, rows) => {
      context.workbook.worksheets
        .getItem(block.sheet)
        .getRangeByIndexes(block.top + from, block.left, rows.length, rows[0].length).values =
        rows as never;
    },
  };
}

/**
 * One number format for every cell of `range`, sent as a single value rather than a 2-D array: the
 * request carries one string whatever the range's size (Microsoft, "Performance optimization using the
 * Excel JavaScript API", Update all cells in a range; the typings give the setter the getter's type).
 */
export function setNumberFormat(range: Excel.Range, format: string): void {
  range.numberFormat = format as unknown as string[][];
}

/** The result columns' number formats: one write per run of adjacent columns sharing a format. */
function formatRuns(plan: PlannedResults): RowRun[] {
  if (!plan.scoreRange) return [];
  const { top, bottom } = plan.scoreRange;
  const columns = plan.columns.filter((c) => c.numberFormat).sort((a, b) => a.col - b.col);
  const runs: RowRun[] = [];
  for (let i = 0; i < columns.length;) {
    const { col, numberFormat: format = "" } = columns[i];
    let j = i + 1;
    while (
      j < columns.length &&
      columns[j].col === col + j - i &&
      columns[j].numberFormat === format
    )
      j++;
    const width = j - i;
    runs.push({
      rows: [[format]],
      write: (context) =>
        setNumberFormat(
          context.workbook.worksheets
            .getItem(plan.sheet)
            .getRangeByIndexes(top, col, bottom - top + 1, width),
          format
        ),
    });
    i = j;
  }
  return runs;
}

function cardValue(card: ScoreCard): Excel.EntityCellValue {
  const properties: Record<string, Excel.CellValue> = {};
  for (const p of card.properties) {
    properties[p.name] =
      typeof p.value === "number"
        ? ({ type: "Double", basicValue: p.value } as Excel.DoubleCellValue)
        : ({ type: "String", basicValue: p.value } as Excel.StringCellValue);
  }
  return { type: "Entity", text: card.text || card.title, properties } as Excel.EntityCellValue;
}

/** Cards on consecutive rows as one valuesAsJson write per run. */
function cardRuns(sheet: string, col: number, cards: ScoreCard[]): RowRun[] {
  const sorted = [...cards].sort((a, b) => a.row - b.row);
  const runs: RowRun[] = [];
  for (let k = 0; k < sorted.length;) {
    const top = sorted[k].row;
    const rows: Excel.EntityCellValue[][] = [];
    while (k < sorted.length && sorted[k].row === top + rows.length)
      rows.push([cardValue(sorted[k++])]);
    runs.push({
      rows,
      write: (context, from, part) => {
        context.workbook.worksheets
          .getItem(sheet)
          .getRangeByIndexes(top + from, col, part.length, 1).valuesAsJson =
          part as Excel.EntityCellValue[][];
      },
    });
  }
  return runs;
}

function toSheetData(
  name: string,
  values: CellValue[][],
  row: number,
  col: number,
  merged?: Excel.RangeAreas | null
): SheetData {
  const data: SheetData = { name, grid: values, origin: { row, col } };
  const merges = merged && !merged.isNullObject ? parseAreasAddress(merged.address) : null;
  return merges !== null && merges.length > 0 ? { ...data, merges } : data;
}

export class ExcelHost implements Host {
  readonly kind = "excel" as const;
  readonly title: string;
  readonly supportsCards: boolean;
  private readonly readsMerges: boolean;
  private readonly run: ExcelRun;
  private readonly budget: number;
  private readonly yieldToUi: () => Promise<void>;
  /** The defined names the last read found: a write replaces ours without reading them again. */
  private names: NameRead[] = [];

  constructor(options: ExcelHostOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    const supported =
      options.isSetSupported ??
      ((name, version) => Office.context.requirements.isSetSupported(name, version));
    this.supportsCards = supported("ExcelApi", "1.16");
    // Merged areas (a group header over 一期/二期, a section row) tell the table's shape: ExcelApi 1.13.
    this.readsMerges = supported("ExcelApi", "1.13");
    this.budget = options.payloadBudget ?? PAYLOAD_BUDGET;
    this.yieldToUi = options.yieldToUi ?? (() => new Promise((resolve) => setTimeout(resolve, 0)));
    this.title = "Excel";
  }

  /**
   * Two round trips for a table that fits one response: one to find the table (and sample its first
   * rows), one to read the cells. A larger table is read in row slices, each response under the budget.
   */
  async readWorkbook(resultSheet: string, summarySheet?: string): Promise<WorkbookRead> {
    return this.run(async (context) => {
      const workbook = context.workbook;
      const selection = workbook.getSelectedRange();
      selection.load("rowIndex");
      const sheet = workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      const tables = selection.getTables(false);
      const tableCount = tables.getCount();
      const region = selection.getSurroundingRegion();
      region.load("columnIndex,rowCount,columnCount");
      // The first rows around the selection tell how many bytes a row of this list costs.
      const sample = region
        .getRow(0)
        .getResizedRange(SAMPLE_ROWS - 1, 0)
        .getIntersection(region);
      sample.load("values,numberFormat");
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("columnIndex,columnCount");
      // Every sheet's name and visibility; their first rows come with the first slice.
      const worksheets = workbook.worksheets.load("items/name,items/visibility");
      const results = workbook.worksheets.getItemOrNullObject(resultSheet);
      results.load("name");
      // Our hidden names mark our columns (workbook-wide ones too: some tools drop the scope).
      const sheetNames = sheet.names.load("items/name,items/formula");
      const bookNames = workbook.names.load("items/name,items/formula");
      const summary =
        summarySheet === undefined ? null : workbook.worksheets.getItemOrNullObject(summarySheet);
      summary?.load("name");
      // Office.js does not say which date system the workbook uses; DATE does: 1904-01-02 is serial 1
      // in the 1904 system (Excel for Mac's old default), 1463 in the 1900 one.
      const dateProbe = workbook.functions.date(1904, 1, 2);
      dateProbe.load("value");
      await context.sync();
      const date1904 = dateProbe.value === 1;
      const global = namesOf(bookNames, null);
      const known = [...namesOf(sheetNames, sheet.name), ...global];

      // The table's range, made anew for each try of the first slice (a refused batch's objects may
      // not be usable after it).
      let found: () => Excel.Range;
      let source: TableSource;
      // A ClientResult needs no load() (the rule does not know it): its value is there after the sync.
      // eslint-disable-next-line office-addins/load-object-before-read
      if (tableCount.value > 0) {
        found = () => tables.getFirst().getRange();
        source = "table";
      } else if (region.rowCount > 1 && region.columnCount > 1) {
        found = () => region;
        source = "region";
      } else if (!used.isNullObject) {
        found = () => used;
        source = "used";
      } else {
        throw new Error(
          `工作表 ${sheet.name} 是空的 / Sheet ${sheet.name} is empty: select your candidate list`
        );
      }
      const usedLeft = used.isNullObject ? region.columnIndex : used.columnIndex;
      const usedRight = used.isNullObject
        ? region.columnIndex + region.columnCount - 1
        : used.columnIndex + used.columnCount - 1;
      const extra = Math.max(0, Math.min(EXTRA_COLUMNS, LAST_COLUMN - usedRight));
      const boxWidth =
        Math.max(usedRight, region.columnIndex + region.columnCount - 1) -
        Math.min(usedLeft, region.columnIndex) +
        1;
      const slicer = new RowSlicer(
        this.budget,
        sampleRowBytes(sample.values, sample.numberFormat, boxWidth + extra, boxWidth)
      );
      // The first slice comes with the other sheets' sizes; their cells are read after the table, in
      // slices of their own, so no response carries more than the budget. Column A of each sheet's
      // first rows tells which one holds the model (its marker), wherever it is and however named.
      // The table's row count is not known yet: the slice fills the budget, within the sheet (the
      // table starts at or above the selection). Everything is queued again if the slice is refused.
      const head = await syncRows(
        context,
        Math.min(slicer.fit(), MAX_ROWS - selection.rowIndex),
        (rows) => {
          const table = found();
          const box = used.isNullObject ? table : table.getBoundingRect(used);
          const readRange = table
            .getEntireRow()
            .getIntersection(extra > 0 ? box.getResizedRange(0, extra) : box);
          readRange.load("address,rowIndex,columnIndex,rowCount");
          const merged = this.readsMerges
            ? readRange.getMergedAreasOrNullObject().load("address")
            : null;
          const resultRange = results.isNullObject ? null : results.getUsedRangeOrNullObject(false);
          resultRange?.load("rowIndex,columnIndex,rowCount");
          const summaryRange =
            summary === null || summary.isNullObject
              ? null
              : summary.getUsedRangeOrNullObject(true);
          summaryRange?.load("rowCount");
          return {
            readRange,
            merged,
            tops: worksheets.items.map((ws) =>
              ws.getRangeByIndexes(0, 0, MARKER_ROWS, 1).load("values")
            ),
            resultRange,
            resultNames: results.isNullObject
              ? null
              : results.names.load("items/name,items/formula"),
            summaryRange,
            summaryNames:
              summary === null || summary.isNullObject
                ? null
                : summary.names.load("items/name,items/formula"),
            box,
            cells: queueSlice(readRange, box, 0, rows, true),
          };
        }
      );
      const { readRange, merged, box, tops, resultRange, resultNames, summaryRange, summaryNames } =
        head;

      const grid: CellValue[][] = [];
      const total = readRange.rowCount;
      for (let slice = head.cells; ;) {
        const got = appendSlice(
          grid,
          slice.cells.values,
          slice.cells.columnIndex,
          slice.formats.numberFormat,
          slice.formats.columnIndex,
          date1904
        );
        slicer.read(got.rows, got.bytes);
        if (grid.length >= total) break;
        await this.yieldToUi();
        const start = grid.length;
        slice = await syncRows(context, slicer.next(total - start), (rows) =>
          queueSlice(readRange, box, start, rows, false)
        );
      }
      const resultGrid =
        resultRange && !resultRange.isNullObject
          ? await this.readValues(context, resultRange, resultRange.rowCount)
          : null;
      const resultNamesRead = resultNames ? namesOf(resultNames, resultSheet) : [];
      const summaryNamesRead =
        summaryNames && summarySheet ? namesOf(summaryNames, summarySheet) : [];
      this.names = [...known, ...resultNamesRead, ...summaryNamesRead];
      const marked = (data: SheetData, names: NameRead[]): SheetData => {
        const marks = marksOf([...names, ...global], data.name);
        return marks.length > 0 ? { ...data, marks } : data;
      };
      // The summary is only checked for being ours or empty: its first rows tell.
      const summaryGrid =
        summaryRange && !summaryRange.isNullObject
          ? await this.readValues(
              context,
              summaryRange,
              Math.min(summaryRange.rowCount, SAMPLE_ROWS)
            )
          : null;
      return {
        table: marked(
          toSheetData(sheet.name, grid, readRange.rowIndex, readRange.columnIndex, merged),
          known
        ),
        address: readRange.address,
        source,
        sheets: worksheets.items.map((ws, k): SheetChoice => ({
          data: { name: ws.name, grid: tops[k].values as CellValue[][] },
          hidden: ws.visibility !== "Visible",
        })),
        resultSheet: !resultRange
          ? null
          : marked(
              resultGrid === null
                ? { name: resultSheet, grid: [] }
                : toSheetData(
                    resultSheet,
                    resultGrid,
                    resultRange.rowIndex,
                    resultRange.columnIndex
                  ),
              resultNamesRead
            ),
        ...(summarySheet !== undefined
          ? {
              summarySheet:
                summary === null || summary.isNullObject
                  ? null
                  : marked({ name: summarySheet, grid: summaryGrid ?? [] }, summaryNamesRead),
            }
          : {}),
      };
    });
  }

  /** The sheet's used cells, read in slices under the budget. */
  async readSheet(name: string): Promise<SheetData> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      const sheet = sheets.items.find((ws) => ws.name === name);
      if (!sheet)
        throw noSuchSheet(
          name,
          sheets.items.map((ws) => ws.name)
        );
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount");
      await context.sync();
      if (used.isNullObject) return { name, grid: [] };
      // Loaded with the first slice of values.
      const merged = this.readsMerges ? used.getMergedAreasOrNullObject().load("address") : null;
      const grid = await this.readValues(context, used, used.rowCount);
      return toSheetData(name, grid, used.rowIndex, used.columnIndex, merged);
    });
  }

  /** Values of `range` (`rows` rows) in row slices under the budget, sized by RowSlicer. */
  private async readValues(
    context: Excel.RequestContext,
    range: Excel.Range,
    rows: number
  ): Promise<CellValue[][]> {
    const grid: CellValue[][] = [];
    const slicer = new RowSlicer(this.budget);
    while (grid.length < rows) {
      const start = grid.length;
      await this.yieldToUi();
      const slice = await syncRows(context, slicer.next(rows - start), (count) =>
        range
          .getRow(start)
          .getResizedRange(count - 1, 0)
          .load("values")
      );
      slicer.read(slice.values.length, payloadBytes(slice.values));
      for (const row of slice.values) grid.push(row as CellValue[]);
    }
    return grid;
  }

  /**
   * One round trip when the plan fits the payload budget, else one per chunk, each under the budget.
   * Calculation is left on (no suspendApiCalculationUntilNextSync, which would leave formulas that depend on
   * the score columns stale until the user recalculates); the colour scale goes with the last chunk.
   */
  async writeResults(plan: PlannedResults, cards?: ScoreCard[]): Promise<WriteReport> {
    const runs = [...plan.blocks.map(blockRun), ...formatRuns(plan)];
    const explanation = plan.columns.find((c) => c.key === "explanation");
    if (cards && this.supportsCards && explanation)
      runs.push(...cardRuns(plan.sheet, explanation.col, cards));
    const chunks = packRuns(runs, this.budget);
    const cells = plan.blocks.reduce((n, b) => n + b.values.length * (b.values[0]?.length ?? 0), 0);
    let syncs = 0;
    await this.run(async (context) => {
      for (let i = 0; i < Math.max(1, chunks.length); i++) {
        if (i === 0 && plan.createSheet) context.workbook.worksheets.add(plan.sheet);
        for (const write of chunks[i] ?? []) write(context);
        if (i === Math.max(1, chunks.length) - 1 && plan.scoreRange) {
          const s = plan.scoreRange;
          const range = context.workbook.worksheets
            .getItem(plan.sheet)
            .getRangeByIndexes(s.top, s.left, s.bottom - s.top + 1, s.right - s.left + 1);
          range.conditionalFormats.clearAll();
          const format = range.conditionalFormats.add(
            "ColorScale" as Excel.ConditionalFormatType.colorScale
          );
          format.colorScale.criteria = SCALE;
        }
        if (i === Math.max(1, chunks.length) - 1) this.queueLook(context, plan);
        // One sync per chunk is the point: each request must stay under the 5 MB cap.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        syncs++;
        if (i < chunks.length - 1) await this.yieldToUi();
      }
    });
    const address = plan.scoreRange?.address ?? plan.sheet;
    return { address, cells, syncs };
  }

  /**
   * The look of the result columns, queued with the last chunk: headers like the user's (copied) or
   * ours, widths, wrap, grade and advice colours (conditional formats on the text, so a rerun or an
   * edit keeps them right), our names replaced, and print setup.
   */
  private queueLook(context: Excel.RequestContext, plan: PlannedResults): void {
    const ws = context.workbook.worksheets.getItem(plan.sheet);
    const first = Math.min(...plan.columns.map((c) => c.col));
    const last = Math.max(...plan.columns.map((c) => c.col));
    const header = ws.getRangeByIndexes(plan.headerRow, first, 1, last - first + 1);
    if (plan.headerLook) {
      const look = ws.getRangeByIndexes(plan.headerLook.row, plan.headerLook.col, 1, 1);
      for (const c of plan.columns)
        ws.getRangeByIndexes(plan.headerRow, c.col, 1, 1).copyFrom(
          look,
          "Formats" as Excel.RangeCopyType.formats
        );
    } else {
      header.format.font.bold = true;
      header.format.fill.color = HEADER_FILL;
      header.format.wrapText = true;
    }
    const bottom = plan.scoreRange?.bottom ?? plan.headerRow;
    for (const c of plan.columns) {
      ws.getRangeByIndexes(0, c.col, 1, 1).getEntireColumn().format.columnWidth = widthPoints(
        c.width
      );
      if (bottom <= plan.headerRow) continue;
      const data = ws.getRangeByIndexes(plan.headerRow + 1, c.col, bottom - plan.headerRow, 1);
      if (c.wrap) data.format.wrapText = true;
      if (c.colours) {
        data.conditionalFormats.clearAll();
        for (const [text, colour] of Object.entries(c.colours)) queueTextColour(data, text, colour);
      }
    }
    this.queueNames(context, plan.sheet, plan.names);
    queuePrint(ws, plan.print);
  }

  /** Replaces a table's "_ZS." names with `names` (hidden; replaceMarks), using what the last read found. */
  private queueNames(context: Excel.RequestContext, sheet: string, names: SheetName[]): void {
    const ws = context.workbook.worksheets.getItem(sheet);
    const ours = this.names.filter(
      (n) =>
        keyOfName(n.name) !== null && (n.sheet ?? cellReference(n.ref)?.sheet ?? null) === sheet
    );
    const plan = replaceMarks(ours, names);
    const wanted = new Set(plan.names.map((n) => n.name.toUpperCase()));
    // A collection is a navigation, not a value read: nothing to load (the rule cannot tell).
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const sheetNames = ws.names;
    for (const n of plan.drop) {
      // Names written again are updated in place below; the others go.
      if (n.sheet === null) context.workbook.names.getItem(n.name).delete();
      else if (!wanted.has(n.name.toUpperCase())) sheetNames.getItem(n.name).delete();
    }
    const existing = new Set(
      plan.drop.filter((n) => n.sheet === sheet).map((n) => n.name.toUpperCase())
    );
    for (const n of plan.names) {
      if (existing.has(n.name.toUpperCase())) sheetNames.getItem(n.name).formula = `=${n.ref}`;
      else sheetNames.add(n.name, `=${n.ref}`).visible = false;
    }
    // What the workbook holds once this lands, for a write that follows without a read.
    this.names = [
      ...this.names.filter((n) => !plan.drop.includes(n)),
      ...plan.names.map((n) => ({ name: n.name, ref: `=${n.ref}`, sheet })),
    ];
  }

  /**
   * The 汇总 sheet: its cells, number formats, colours and widths, two native charts from its cells
   * (stay live on edit), our name and print setup. One round trip. The sheet and chart code is its
   * own chunk (summary-writer.js), fetched on the first summary.
   */
  async writeSummary(plan: SummaryPlan): Promise<void> {
    const { queueSummary } = await import(
      /* webpackChunkName: "summary-writer" */ "./summary-writer"
    );
    await this.run(async (context) => {
      const ws = await queueSummary(context, plan);
      this.queueNames(context, plan.sheet, plan.names);
      queuePrint(ws, plan.print);
      await context.sync();
    });
  }

  async writeModelSheet(name: string, grid: Grid): Promise<void> {
    const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
    if (grid.length === 0 || width === 0) throw new Error("model grid is empty");
    const values = grid.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
    await this.run(async (context) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(name);
      existing.load("name");
      await context.sync();
      const sheet = existing.isNullObject ? context.workbook.worksheets.add(name) : existing;
      if (!existing.isNullObject) sheet.getRange().clear("Contents");
      sheet.getRangeByIndexes(0, 0, values.length, width).values = values;
      await context.sync();
    });
  }

  async selectRow(sheet: string, row: number, left: number, right: number): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRangeByIndexes(row, left, 1, right - left + 1).select();
      await context.sync();
    });
  }

  async loadSettings(): Promise<PaneSettings | null> {
    return this.run(async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
      item.load("value");
      await context.sync();
      return item.isNullObject ? null : parseSettings(item.value);
    });
  }

  async saveSettings(settings: PaneSettings): Promise<void> {
    await this.run(async (context) => {
      context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(settings));
      await context.sync();
    });
  }
}

/** A1 of a cell without its sheet. */
export function cellName(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function queueFill(range: Excel.Range, colour: CellColour): void {
  range.format.fill.color = colour.fill;
  range.format.font.color = colour.font;
}

/** Colours the cells of `range` equal to `text` (a conditional format, ExcelApi 1.6). */
function queueTextColour(range: Excel.Range, text: string, colour: CellColour): void {
  const format = range.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType.cellValue);
  format.cellValue.rule = {
    formula1: `="${text.replace(/"/g, '""')}"`,
    operator: "EqualTo",
  } as Excel.ConditionalCellValueRule;
  format.cellValue.format.fill.color = colour.fill;
  format.cellValue.format.font.color = colour.font;
}

/** Landscape, one page wide, title rows, a page header (PageLayout is ExcelApi 1.9, declared). */
function queuePrint(ws: Excel.Worksheet, print: PrintSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = "Landscape" as Excel.PageOrientation;
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.setPrintTitleRows(`$${print.titleRows[0] + 1}:$${print.titleRows[1] + 1}`);
  const esc = (t: string) => t.replace(/&/g, "&&");
  layout.headersFooters.defaultForAllPages.leftHeader = esc(print.header.left);
  layout.headersFooters.defaultForAllPages.rightHeader = esc(print.header.right);
}

/**
 * Excel hands dates and times back as serial numbers: give date-formatted cells as ISO dates and
 * time or duration cells as the text Excel shows, as the CLI and the preview do (src/workbook/dates.ts).
 */
function numberFormatted(value: CellValue, format: unknown, date1904: boolean): CellValue {
  if (typeof value !== "number" || typeof format !== "string") return value;
  const look = numberLook(format);
  if (look === "date") return serialDate(value, date1904) ?? value;
  return look ? (timeText(value, look) ?? value) : value;
}
