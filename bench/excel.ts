/**
 * Excel round trips: the Office.js adapter (src/excel) scores tables of 100, 10 000 and 100 000 rows
 * against the fake Excel of its tests (test/excel/fake-excel.ts), which counts syncs and payload bytes.
 * The flow is the pane's (src/taskpane/session): read the workbook, open the table, score, plan, write.
 */
import defaultModel from "../src/models/pinghu-2023.json";
import type { ScoringModel } from "../src/engine/types";
import type { ExcelHost as ExcelHostType } from "../src/excel/excel-host";
import type { FakeExcel as FakeExcelType } from "../test/excel/fake-excel";
import type * as Session from "../src/taskpane/session";
import type * as Workbook from "../src/workbook";
import { candidateGrid } from "./lib/generate";
import { main, reason, tryRequire, type Figure } from "./lib/measure";

const SIZES = [100, 10_000, 100_000];

interface Subjects {
  ExcelHost: typeof ExcelHostType;
  payloadBytes: (v: unknown) => number;
  PAYLOAD_BUDGET: number;
  FakeExcel: typeof FakeExcelType;
  session: typeof Session;
  workbook: typeof Workbook;
  model: ScoringModel;
}

let loaded: Subjects | null = null;

function need<T>(file: string): T {
  const r = tryRequire<T>(file);
  if ("why" in r) throw new Error(r.why);
  return r.mod;
}

function subjects(): Subjects {
  if (loaded) return loaded;
  loaded = {
    ...need<Pick<Subjects, "ExcelHost" | "payloadBytes" | "PAYLOAD_BUDGET">>(
      "src/excel/excel-host"
    ),
    ...need<Pick<Subjects, "FakeExcel">>("test/excel/fake-excel"),
    session: need<typeof Session>("src/taskpane/session"),
    workbook: need<typeof Workbook>("src/workbook"),
    model: need<{ loadModel: (json: unknown) => ScoringModel }>("src/engine").loadModel(
      defaultModel
    ),
  };
  return loaded;
}

async function roundTrips(s: Subjects, rows: number): Promise<Figure[]> {
  const { model } = s;
  const grid = candidateGrid(model, rows);
  const excel = new s.FakeExcel("重点项目");
  grid.forEach((row, r) => row.forEach((v, c) => excel.setCell("重点项目", r, c, v)));
  excel.select({ top: 1, left: 0, bottom: 1, right: 0 });
  excel.resetStats();

  // The pane's steps (src/taskpane/session): read, open the table, score, plan, write.
  const host = new s.ExcelHost({
    run: excel.run,
    isSetSupported: () => false,
    yieldToUi: async () => {},
  });
  const read = await host.readWorkbook(s.workbook.RESULT_SHEET_NAME.zh);
  const scoring = new s.session.Scoring(s.session.openTable(read, model), model);
  const plan = scoring.plan("columns", "zh");
  if (!plan.ok) throw new Error(plan.message.en);
  await host.writeResults(plan);
  // A sync Excel refuses as over its cap is a failure, whatever the adapter does next.
  if (excel.refusals.length > 0)
    throw new Error(`${excel.refusals.length} sync(s) over the 5 MB cap refused`);

  const syncs = excel.syncs.length;
  const bytes = excel.syncs.reduce((n, x) => n + x.requestBytes + x.responseBytes, 0);
  const writeBytes = s.payloadBytes(plan.blocks.map((b) => b.values));
  // The least any adapter moves: the table's values read and the result values written.
  const valueBytes = s.payloadBytes(read.table.grid) + writeBytes;
  // Only a table over the payload budget may take more round trips: one more per extra chunk of what
  // the read moved (values and number formats) or of the write ("at most 3 syncs for a table that fits
  // one payload"; beyond that, no sync the 5 MB cap does not force).
  const chunksOf = (bytes: number) => Math.max(1, Math.ceil(bytes / s.PAYLOAD_BUDGET));
  const readBytes = excel.syncs
    .filter((x) => x.writes === 0)
    .reduce((n, x) => n + x.responseBytes, 0);
  const readChunks = chunksOf(readBytes);
  const writeChunks = chunksOf(writeBytes);
  const extra = readChunks - 1 + writeChunks - 1;
  const largest = Math.max(...excel.syncs.map((x) => Math.max(x.requestBytes, x.responseBytes)));
  return [
    {
      id: `excel.syncs.${rows}`,
      value: syncs,
      baseline: { name: "a sync per row written", value: rows + 2 },
      limit: 3 + extra,
      note:
        extra > 0
          ? `over the ${s.PAYLOAD_BUDGET / 2 ** 20} MB budget: read in ${readChunks}, written in ${writeChunks} chunks`
          : undefined,
    },
    {
      id: `excel.bytes.${rows}`,
      value: bytes / 1024,
      baseline: { name: "the values alone", value: valueBytes / 1024 },
      note: `largest request or response ${(largest / 2 ** 20).toFixed(2)} MB`,
    },
  ];
}

// A larger table goes the same way as a smaller one that failed, only slower: it is not tried.
let failed: string | null = null;

main(
  SIZES.map((rows) => ({
    ids: [`excel.syncs.${rows}`, `excel.bytes.${rows}`],
    run: async () => {
      if (failed) throw new Error(`not tried: ${failed}`);
      try {
        return await roundTrips(subjects(), rows);
      } catch (e) {
        failed = `${rows} rows already failed (${reason(e)})`;
        throw new Error(`the adapter failed: ${reason(e)}`);
      }
    },
  }))
);
