/**
 * Every worksheet of every corpus file (test/fixtures/corpus/README.md: the writers and sources),
 * read by the CLI's reader (src/cli/ooxml-read, through openWorkbook/sheetOf) and by the pane
 * preview's reader (src/preview/xlsx-reader), cell by cell against LibreOffice's reading of the
 * same sheet: one headless soffice run exports every sheet of every file as CSV with "save cell
 * contents as shown" off, so it writes stored values rather than their display, but for dates
 * (in the order of their format's locale, or ISO), times and percents (0.7%); a second run writes
 * every cell as shown, for times and durations. A run's log names each sheet's
 * CSV in workbook order, which maps them (names would not: it writes poi-userproject's sheet
 * "sheet1" as "sheet1 -1"). Chart sheets hold no cells and are not compared.
 *
 * What is compared, per cell of the union of the three readings:
 * - blank: no cell or an empty text in ours, an empty field in LibreOffice's (CSV cannot tell them apart);
 * - numbers: when ours is a number and LibreOffice's field parses as one (a percent divided by
 *   100), within 1e-9 relative;
 * - booleans: ours true/false against TRUE/FALSE;
 * - dates: a number in a date format, or a t="d" date-time, is an ISO date in ours
 *   (src/workbook/dates.ts, the readers' convention: the day, time of day dropped), compared with
 *   the date part of LibreOffice's field (yyyy-mm-dd, or dd/mm/yyyy and mm/dd/yyyy, either order);
 * - times and durations: a number in a time-only or duration format is the text Excel shows in
 *   ours (12:30, 36:15:00). LibreOffice's stored-value CSV writes them in its own time formats
 *   (12:11:00 AM for [hh]:mm, a date-time past one day), so they are compared with a second export
 *   with "as shown" on;
 * - anything else as text, exactly.
 * The differences that remain are legitimate and listed in EXPECTED per file, with the reason; the
 * test fails on any other difference and on any listed one that no longer occurs.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { CellValue } from "../../src/engine/types";
import { openWorkbook, sheetOf } from "../../src/cli/xlsx";
import { readXlsx } from "../../src/preview/xlsx-reader";
import { parseCsv, soffice } from "./libreoffice-tools";
import { tempDir } from "./helpers";

const CORPUS = path.join(__dirname, "../fixtures/corpus");
const FILES = fs.readdirSync(CORPUS).filter((f) => f.endsWith(".xlsx"));

const PIVOT_OUTPUT =
  "ClosedXML writes the pivot table's definition and cache but an empty <sheetData/>; LibreOffice " +
  "builds the pivot's output on load. Our readers read the cells the file holds: none.";
const NO_RESULT =
  'a formula stored without its result: LibreOffice computes it; our readers give "=" (a formula ' +
  "without its result is unreadable, as the other hosts pass it: src/engine/cells.ts).";
const RECALCULATED_ERROR =
  "a formula whose stored result is an error: LibreOffice recalculates it on load and gets another " +
  "error (#NULL! of a range intersection → #REF!, the external link [1]Feuil8!A1 → #NAME?, " +
  "SQRT(-4) and VLOOKUP past the range → Err:502); our readers give the result Excel stored.";
const EARLY_SERIAL =
  "date formats on serials below 61 (0.007, 2.1): our readers count days as Excel does, from " +
  "1900-01-00 with its 29 Feb 1900 (src/workbook/dates.ts), LibreOffice from 1899-12-30.";
const SECONDS_ROUNDED =
  "a time of 10:04.8 in formats showing whole seconds: our readers round to the second as Excel " +
  'does (0:10:05; SheetJS/sheetjs#2560: "In excel the time is properly rounded"), LibreOffice ' +
  "truncates (0:10:04).";
/**
 * Legitimate differences, per file: "reader sheet!where" → why. The reader is cli, preview or
 * both; where is a cell (A1), a column (B: its cells that differ) or * (the sheet's cells that differ).
 * Each entry is asserted to occur, so the list cannot outlive what it explains.
 */
const EXPECTED: Record<string, Record<string, string>> = {
  "excelize-charts.xlsx": {
    ...Object.fromEntries(
      ["Sheet1", "CopySheet"].flatMap((sheet) =>
        ["G10", "B19", "C19"].map((c) => [`both ${sheet}!${c}`, NO_RESULT])
      )
    ),
    "both Sheet2!F1":
      'a t="str" value with a leading space (" Hello"): LibreOffice drops the space, our readers ' +
      "keep the stored text (the workbook layer trims cell text: src/workbook/text.ts).",
    "both Sheet2!M":
      "a negative number (-37947.75) in date formats: no date in our readers' convention (serialDate " +
      "gives none below 0), so the number; LibreOffice prints a date in 1796.",
    ...Object.fromEntries(
      ["N", "O"].flatMap((c) =>
        [12, 13, 14, 15, 20].map((r) => [`both Sheet2!${c}${r}`, EARLY_SERIAL])
      )
    ),
    ...Object.fromEntries(["N17", "N19", "N29"].map((c) => [`both Sheet2!${c}`, SECONDS_ROUNDED])),
  },
  "closedxml-pivots.xlsx": Object.fromEntries(
    [
      "pvt1",
      "pvt2",
      "pvt3",
      "pvtCollapsedFields",
      "pvtFieldAsValueAndLabel",
      "pvtFilter",
      "pvtHideSubTotals",
      "pvtInteger",
      "pvtNoColumnLabels",
      "pvtSort",
    ].map((sheet) => [`both ${sheet}!*`, PIVOT_OUTPUT])
  ),
  "excel-2007-errors.xlsx": Object.fromEntries(
    ["A4", "A5", "A6", "A7"].map((c) => [`both Feuil1!${c}`, RECALCULATED_ERROR])
  ),
  "excel-mac-book1.xlsx": Object.fromEntries(
    ["E11", "F11", "G11", "H11", "I11"].map((c) => [`both Sheet2!${c}`, NO_RESULT])
  ),
};

const bin = soffice();
const dir = tempDir();
/** LibreOffice's CSV of each sheet, stored values: file → sheet index in the workbook → rows. */
const lo = new Map<string, string[][][]>();
/** The same, every cell as shown (for times and durations). */
const loShown = new Map<string, string[][][]>();

/** One soffice run exports the whole corpus as CSV into `into`; its log names each sheet's CSV in workbook order. */
function exportCsv(asShown: boolean, into: Map<string, string[][][]>): void {
  const out = path.join(dir, asShown ? "shown" : "csv");
  const log = execFileSync(
    bin!,
    [
      `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
      "--headless",
      "--norestore",
      "--convert-to",
      `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${asShown},false,false,-1`,
      "--outdir",
      out,
      ...FILES.map((f) => path.join(CORPUS, f)),
    ],
    { timeout: 170_000, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }
  );
  let current: string[][][] | null = null;
  for (const line of log.split("\n")) {
    const conv = /^convert (.+?) using filter/.exec(line);
    if (conv) into.set(path.basename(conv[1]), (current = []));
    const wrote = / -> (.+\.csv)$/.exec(line);
    if (wrote && current) current.push(parseCsv(fs.readFileSync(wrote[1], "utf8")));
  }
}

beforeAll(() => {
  if (bin === null) return;
  exportCsv(false, lo);
  exportCsv(true, loShown);
}, 360_000);

/** Whether entry "who sheet!where" covers difference "who sheet!A1". */
function covers(entry: string, diff: string): boolean {
  const at = entry.lastIndexOf("!");
  const where = entry.slice(at + 1);
  const prefix = entry.slice(0, at + 1);
  if (!diff.startsWith(prefix)) return false;
  const cell = diff.slice(prefix.length);
  return (
    where === "*" ||
    cell === where ||
    (/^[A-Z]+$/.test(where) && cell.replace(/\d+$/, "") === where)
  );
}

function col(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Whether our value reads as LibreOffice's CSV field (`shown`: the same cell as shown); `date` when
 * the cell is a date-styled number.
 */
function same(
  ours: CellValue | undefined,
  theirs: string,
  shown: string | undefined,
  date: boolean
): boolean {
  if (ours === null || ours === undefined || ours === "") return theirs === "";
  // A time or duration (LibreOffice writes its stored value as a time or date-time) reads as shown.
  if (typeof ours === "string" && /\d:\d\d/.test(theirs) && ours === shown) return true;
  if (typeof ours === "boolean") return theirs === (ours ? "TRUE" : "FALSE");
  if (typeof ours === "number") {
    // A number in a percent format comes out with its % (0.007 as 0.7%).
    const percent = /^(-?[\d.]+(?:E[+-]?\d+)?)%$/.exec(theirs);
    const x = percent ? Number(percent[1]) / 100 : Number(theirs);
    if (theirs.trim() === "" || !Number.isFinite(x)) return false;
    return Math.abs(ours - x) <= 1e-9 * Math.max(1, Math.abs(ours), Math.abs(x));
  }
  // An ISO date-time cell (t="d", openpyxl's iso_dates) reads as its day, as a date-styled number does.
  if ((date || /^\d{4}-\d\d-\d\d \d\d:\d\d/.test(theirs)) && /^\d{4}-\d\d-\d\d$/.test(ours)) {
    // A date in a locale's date format comes out in that locale's order: mm/dd/yyyy (en-US,
    // the profile's) or dd/mm/yyyy (a format tagged [$-380A], Spanish); ISO otherwise.
    const local = /^(\d\d)\/(\d\d)\/(\d{4})/.exec(theirs);
    if (!local) return theirs.slice(0, 10) === ours;
    const [, a, b, y] = local;
    return ours === `${y}-${a}-${b}` || ours === `${y}-${b}-${a}`;
  }
  return ours === theirs;
}

describe.each(FILES)("%s", (f) => {
  test("the CLI's and the preview's readings of every worksheet equal LibreOffice's", async () => {
    if (bin === null) {
      if (process.env.ZS_ALLOW_NO_SOFFICE === "1") return;
      throw new Error(
        "soffice not found on PATH: install LibreOffice Calc, or set ZS_ALLOW_NO_SOFFICE=1"
      );
    }
    const sheets = lo.get(f);
    const shownSheets = loShown.get(f);
    expect({ f, converted: sheets !== undefined }).toEqual({ f, converted: true });
    const preview = await readXlsx(fs.readFileSync(path.join(CORPUS, f)));
    const wb = await openWorkbook(path.join(CORPUS, f));
    const diffs: Record<string, string> = {};
    let compared = 0;
    try {
      for (const entry of wb.worksheets) {
        const theirs = sheets![wb.info.sheets.indexOf(entry)];
        const asShown = shownSheets?.[wb.info.sheets.indexOf(entry)];
        const cli = await sheetOf(wb, entry);
        const origin = cli.origin ?? { row: 0, col: 0 };
        const dates = new Set(
          cli.unreadable.filter((u) => u.why === "date").map((u) => `${u.row},${u.col}`)
        );
        const mine = preview.find((s) => s.name === entry.name);
        expect({ sheet: entry.name, preview: mine !== undefined }).toEqual({
          sheet: entry.name,
          preview: true,
        });
        const rows = Math.max(theirs.length, cli.grid.length + origin.row, mine!.grid.length);
        for (let r = 0; r < rows; r++) {
          const width = Math.max(
            theirs[r]?.length ?? 0,
            (cli.grid[r - origin.row]?.length ?? 0) + origin.col,
            mine!.grid[r]?.length ?? 0
          );
          for (let c = 0; c < width; c++) {
            const t = theirs[r]?.[c] ?? "";
            const date = dates.has(`${r},${c}`);
            const a = cli.grid[r - origin.row]?.[c - origin.col];
            const b = mine!.grid[r]?.[c];
            if (t !== "") compared++;
            const shown = asShown?.[r]?.[c];
            const okA = same(a, t, shown, date);
            const okB = same(b, t, shown, date);
            if (okA && okB) continue;
            const who = !okA && !okB ? "both" : okA ? "preview" : "cli";
            diffs[`${who} ${entry.name}!${col(c)}${r + 1}`] =
              `${JSON.stringify(who === "preview" ? b : a)} ≠ LibreOffice ${JSON.stringify(t)}`;
          }
        }
      }
    } finally {
      wb.pkg.close();
    }
    const expected = Object.keys(EXPECTED[f] ?? {});
    // Every difference is listed (an unlisted one is shown with both values), and every entry still occurs.
    const unlisted = Object.keys(diffs)
      .filter((k) => !expected.some((e) => covers(e, k)))
      .map((k) => `${k}: ${diffs[k]}`);
    const stale = expected.filter((e) => !Object.keys(diffs).some((k) => covers(e, k)));
    expect({ f, unlisted, stale }).toEqual({ f, unlisted: [], stale: [] });
    // Every file but the one whose only sheet holds no value gives cells to compare.
    expect({ f, compared: compared > 0 }).toEqual({ f, compared: f !== "excel-online.xlsx" });
  });
});
