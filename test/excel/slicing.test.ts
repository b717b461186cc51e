/**
 * How the Excel host sizes its round trips (src/excel/excel-host.ts): read slices from what the rows
 * cost, writes packed to the budget, number formats as one value per column run, and no request or
 * response over Excel on the web's 5 MB cap (the fake refuses one and records it).
 */
import fc from "fast-check";
import model from "../../src/models/pinghu-2023.json";
import type { CellValue, ScoringModel } from "../../src/engine/types";
import {
  ExcelHost,
  packRuns,
  PAYLOAD_BUDGET,
  payloadBytes,
  RowSlicer,
} from "../../src/excel/excel-host";
import { openTable, Scoring } from "../../src/taskpane/session";
import { RESULT_SHEET_NAME } from "../../src/workbook";
import { FakeExcel, REQUEST_LIMIT } from "./fake-excel";

const MODEL = model as unknown as ScoringModel;

describe("RowSlicer", () => {
  test("without a guess the first slice is a sample; then rows fill the budget, spread evenly", () => {
    const slicer = new RowSlicer(1000);
    expect(slicer.next(100)).toBe(16);
    slicer.read(16, 160); // 10 bytes a row: 100 rows fit
    expect(slicer.fit()).toBe(100);
    expect(slicer.next(84)).toBe(84);
    // 250 rows need three slices: 84, 83, 83, not 100, 100 and a remainder of 50.
    expect(slicer.next(250)).toBe(84);
    expect(slicer.next(166)).toBe(83);
  });

  test("a guess sizes the first slice; the rows read then replace it", () => {
    const slicer = new RowSlicer(1000, 20);
    expect(slicer.fit()).toBe(50);
    slicer.read(50, 250);
    expect(slicer.fit()).toBe(200);
  });

  test("one wide row does not shrink the slices: the average counts, not the widest row", () => {
    const slicer = new RowSlicer(1000);
    // 99 rows of 10 bytes and one of 100: 10.9 bytes a row, 91 rows a slice (the widest would give 10).
    slicer.read(100, 99 * 10 + 100);
    expect(slicer.fit()).toBe(91);
  });

  test("rows growing wider down the table: the last slice's cost counts when above the average", () => {
    const slicer = new RowSlicer(1000);
    slicer.read(100, 1000);
    slicer.read(10, 400); // 40 bytes a row now; the average is 12.7
    expect(slicer.fit()).toBe(25);
  });
});

describe("packRuns", () => {
  /** Each row one text cell of the given length: payloadBytes [["…"]] row = length + 4, plus its comma. */
  const rowCost = (n: number) => n + 5;

  test("cuts a run between rows where a chunk fills, and every row is written once, in order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 30 }), { maxLength: 5 }),
        fc.integer({ min: 5, max: 200 }),
        (lengths, budget) => {
          const written: { run: number; from: number; rows: unknown[][]; chunk: number }[] = [];
          let chunk = -1;
          const runs = lengths.map((ls, run) => ({
            rows: ls.map((n) => ["x".repeat(n)]),
            write: (_: unknown, from: number, rows: unknown[][]) =>
              void written.push({ run, from, rows, chunk }),
          }));
          const chunks = packRuns(runs, budget);
          chunks.forEach((c, k) => {
            chunk = k;
            for (const write of c) write(null as unknown as Excel.RequestContext);
          });
          // Every run's rows once, in order, pieces in order.
          const back = lengths.map(() => [] as unknown[][]);
          for (const w of written) {
            expect(w.from).toBe(back[w.run].length);
            back[w.run].push(...w.rows);
          }
          expect(back).toEqual(runs.map((r) => r.rows));
          // A chunk stays under the budget unless it is one row; it is full: the next row would not fit.
          const cost = chunks.map((_, k) =>
            written
              .filter((w) => w.chunk === k)
              .flatMap((w) => w.rows.map((row) => rowCost(String((row as string[])[0]).length)))
          );
          cost.forEach((rows, k) => {
            const bytes = rows.reduce((n, b) => n + b, 0);
            expect(rows.length).toBeGreaterThan(0);
            if (rows.length > 1) expect(bytes).toBeLessThanOrEqual(budget);
            if (k < cost.length - 1) expect(bytes + cost[k + 1][0]).toBeGreaterThan(budget);
          });
        }
      )
    );
  });

  test("a row's cost is its JSON in the range's array: the packer's sum is the request's values", () => {
    const rows = [["项目", 1.5, null, 'a"b']];
    expect(payloadBytes(rows)).toBe(Buffer.byteLength(JSON.stringify(rows), "utf8"));
  });
});

/** A list on sheet 清单: a header row, then `rows` rows of a number, a name, an amount and a note. */
function listWith(rows: number, note: (i: number) => string): FakeExcel {
  const excel = new FakeExcel("清单");
  const sheet = excel.sheet("清单");
  sheet.rows.push(["序号", "项目名称", "总投资", "备注"]);
  for (let i = 0; i < rows; i++)
    sheet.rows.push([i + 1, `项目${i + 1}`, `${(i % 50) + 1}亿元`, note(i)]);
  excel.select({ top: 1, left: 1, bottom: 1, right: 1 });
  return excel;
}

/** Notes of 200 to 260 characters (600 to 780 bytes), the same mix in every stretch of 7 rows. */
const NOTE = (i: number) => "项目进展顺利".repeat(40 + (i % 7) * 2).slice(0, 200 + (i % 7) * 10);

async function readList(excel: FakeExcel, budget = PAYLOAD_BUDGET) {
  excel.resetStats();
  const host = new ExcelHost({
    run: excel.run,
    isSetSupported: () => false,
    payloadBudget: budget,
    yieldToUi: async () => {},
  });
  const read = await host.readWorkbook(RESULT_SHEET_NAME.zh);
  // The first sync finds the table; the others are its slices.
  const slices = excel.syncs.slice(1).map((s) => s.responseBytes);
  return { host, read, slices, total: slices.reduce((n, b) => n + b, 0) };
}

describe("ExcelHost read slices", () => {
  test("a table a little under the budget is read in one slice, a little over in two", async () => {
    const excel = listWith(2000, NOTE);
    // What the whole table costs in one response (well under the cap).
    const { total } = await readList(excel, REQUEST_LIMIT);
    expect(total).toBeLessThan(REQUEST_LIMIT);

    const under = await readList(excel, Math.ceil(total / 0.97));
    expect(under.slices).toHaveLength(1);
    const over = await readList(excel, Math.floor(total / 1.03));
    expect(over.slices).toHaveLength(2);
    expect(over.read.table.grid).toEqual(under.read.table.grid);
    expect(under.read.table.grid).toHaveLength(2001);
    expect(excel.refusals).toEqual([]);
  }, 60_000);

  test.each([
    ["among the sampled first rows", 3],
    ["in the middle", 5000],
  ])(
    "one 30 000-character note %s neither shrinks the slices nor takes one over the cap",
    async (_, at) => {
      const long = "备注".repeat(15_000);
      const excel = listWith(10_000, (i) => (i === at ? long : NOTE(i)));
      const { read, slices, total } = await readList(excel);
      expect(total).toBeGreaterThan(PAYLOAD_BUDGET);
      // No more slices than the bytes need at the budget, none refused, none over the cap.
      expect(slices.length).toBe(Math.ceil(total / PAYLOAD_BUDGET));
      expect(Math.max(...slices)).toBeLessThanOrEqual(REQUEST_LIMIT);
      expect(excel.refusals).toEqual([]);
      expect(read.table.grid[at + 1][3]).toBe(long);
      expect(read.table.grid).toHaveLength(10_001);
    },
    60_000
  );

  test("rows far wider down the table: a slice refused as over the cap is asked again in halves", async () => {
    // 3 000 short rows, then 2 000 with 2 000-character notes (6 KB each): the first slice, sized from
    // the short rows, would carry 12 MB.
    const wide = "签约".repeat(1000);
    const excel = listWith(5000, (i) => (i < 3000 ? "" : wide));
    const { read, slices } = await readList(excel);
    expect(excel.refusals.length).toBeGreaterThan(0);
    expect(excel.refusals.every((r) => r.code === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(Math.max(...slices)).toBeLessThanOrEqual(REQUEST_LIMIT);
    expect(read.table.grid).toHaveLength(5001);
    expect(read.table.grid[4000][3]).toBe(wide);
    expect(read.table.grid[5000].slice(0, 4)).toEqual([5000, "项目5000", "50亿元", wide]);
  }, 60_000);
});

describe("ExcelHost write requests", () => {
  /** Scores the list through the pane's steps and writes the result columns beside it. */
  async function scoreAndWrite(excel: FakeExcel) {
    const { host, read } = await readList(excel);
    const plan = new Scoring(openTable(read, MODEL), MODEL).plan("columns", "zh");
    if (!plan.ok) throw new Error(plan.message.en);
    excel.resetStats();
    const report = await host.writeResults(plan);
    return { plan, report };
  }

  test("number formats go as one value per run of adjacent columns, and land on every data cell", async () => {
    const excel = listWith(3000, NOTE);
    const { plan, report } = await scoreAndWrite(excel);
    expect(report.syncs).toBe(1);
    // The request is the values and a few hundred bytes more per operation, not a format per cell.
    const values = payloadBytes(plan.blocks.map((b) => b.values));
    expect(excel.syncs[0].requestBytes - values).toBeLessThan(20_000);
    const { top, bottom } = plan.scoreRange!;
    const formats = excel.sheet("清单").formats;
    for (const c of plan.columns) {
      const seen = new Set<string | undefined>();
      for (let r = top; r <= bottom; r++) seen.add(formats.get(`${r},${c.col}`));
      expect([...seen]).toEqual([c.numberFormat]);
      // The header keeps its look: no format written above the data.
      expect(formats.has(`${top - 1},${c.col}`)).toBe(false);
    }
    expect(plan.columns.filter((c) => c.numberFormat === "0.0").length).toBeGreaterThan(1);
  }, 60_000);

  test("a write a little over the budget takes two requests, each under it, every value landing", async () => {
    const excel = listWith(400, NOTE);
    const { read } = await readList(excel);
    const plan = new Scoring(openTable(read, MODEL), MODEL).plan("columns", "zh");
    if (!plan.ok) throw new Error(plan.message.en);
    const values = payloadBytes(plan.blocks.map((b) => b.values));
    for (const [budget, requests] of [
      [Math.ceil(values / 0.97), 1],
      [Math.floor(values / 1.03), 2],
    ]) {
      // The host replaces the names its own read found.
      const { host: small } = await readList(excel, budget);
      excel.resetStats();
      expect((await small.writeResults(plan)).syncs).toBe(requests);
      // The first of two holds values to the budget (and an operation's few bytes); the look (names,
      // colours, print setup) rides on the last.
      if (requests === 2) expect(excel.syncs[0].requestBytes).toBeLessThanOrEqual(budget + 256);
    }
    const block = plan.blocks[0];
    block.values.forEach((row, i) =>
      row.forEach((v, j) =>
        expect(excel.cell("清单", block.top + i, block.left + j) ?? "").toBe(v as CellValue)
      )
    );
  }, 60_000);
});
