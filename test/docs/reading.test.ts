/**
 * docs/reading.md "How cells are read": every example in its tables is read as the table says, through
 * the same path hosts use (a sheet located, mapped with its unit rows and headers, then read).
 */
import * as fs from "fs";
import * as path from "path";
import pinghu from "../../src/models/pinghu-2023.json";
import { amountOptions, compileModel, loadModel, parseAmount, scoreTable } from "../../src/engine";
import { readFieldNumber } from "../../src/engine/model/fields";
import { readRole } from "../../src/engine/chain";
import { locateTable } from "../../src/workbook/table";
import { mapColumns } from "../../src/workbook/mapping";
import { toCandidateTable } from "../../src/workbook/candidates";
import type { CellValue, ParseAmountOptions } from "../../src/engine/types";
import type { ColumnReport, Grid } from "../../src/workbook/types";

const model = loadModel(pinghu);
const compiled = compileModel(model);
const DOC = fs.readFileSync(path.resolve(__dirname, "../../docs/reading.md"), "utf8");

/** Table rows of the section under `heading`: [form, example, unit row / header, read as]. */
function rows(heading: string): string[][] {
  const at = DOC.indexOf(`## ${heading}`);
  const section = DOC.slice(at, DOC.indexOf("\n## ", at + 3) >>> 0 || undefined);
  return section
    .split("\n")
    .filter((l) => l.startsWith("|") && !l.startsWith("|---") && !l.startsWith("| Form"))
    .map((l) =>
      l
        .slice(1, -1)
        .split("|")
        .map((c) => c.trim())
    );
}

/** A one-candidate sheet: the unit row (if any), a header row, the example under `header`. */
function sheetWith(context: string, header: string, cell: CellValue) {
  const isRow = context.includes("单位");
  const h = context === "" || isRow ? header : context.replace(/\s*\(.*\)$/, "");
  const grid: Grid = [...(isRow ? [[context]] : []), ["项目名称", h], ["甲", cell]];
  const sheet = { name: "s", grid };
  const located = locateTable(sheet, model);
  if (!located.ok) throw new Error(located.message.en);
  const mapping = mapColumns(located.table.headers, model, {}, [], { sheet, table: located.table });
  return { sheet, table: located.table, mapping };
}

/** What the note of a reading with each bound says (its English form). */
const NOTE_SAYS: Record<string, RegExp> = {
  atLeast: /at least/,
  atMost: /at most/,
  approximate: /about/,
  range: /range/,
};
/** The doc's marks for a bound, as in the amounts table. */
const MARKS: Record<string, string> = { "≤ ": "atMost", "≥ ": "atLeast", "≈ ": "approximate" };

/** The example as a cell: a number when the doc writes a plain number. */
const cellOf = (example: string): CellValue =>
  /^\d+(\.\d+)?$/.test(example) ? Number(example) : example;

test("the doc has all its tables", () => {
  expect(rows("Amounts").length).toBeGreaterThanOrEqual(40);
  expect(rows("Land areas").length).toBeGreaterThanOrEqual(8);
  expect(rows("Percent columns").length).toBeGreaterThanOrEqual(4);
  expect(rows("Number columns").length).toBeGreaterThanOrEqual(5);
  expect(rows("Yes/no columns").length).toBeGreaterThanOrEqual(10);
  expect(rows("Stages").length).toBeGreaterThanOrEqual(6);
  expect(rows("Columns several items share").length).toBeGreaterThanOrEqual(5);
  expect(rows("Dates").length).toBeGreaterThanOrEqual(20);
  expect(rows("Chain roles").length).toBeGreaterThanOrEqual(8);
  expect(rows("Figures per 亩").length).toBeGreaterThanOrEqual(8);
});

describe("amounts", () => {
  test.each(rows("Amounts"))("%s: %s", (_, example, context, expected) => {
    // No context: as ZS.AMOUNT reads (no column); else as the column's field reads it.
    let options: ParseAmountOptions = {};
    if (context !== "") {
      const { mapping } = sheetWith(context, "总投资", cellOf(example));
      const m = mapping.mapped.find((x) => x.column === 1)!;
      const field = model.fields.find((f) => f.id === m.field)!;
      expect(field.type).toBe("amount");
      options = amountOptions(m.context, field);
    }
    const r = parseAmount(cellOf(example), options);
    if (expected === "error") return expect(r.ok || r.code === "missing").toBe(false);
    if (expected === "missing") return expect(r).toMatchObject({ ok: false, code: "missing" });
    const m = /^([≤≥≈] )?(-?[\d.]+)(?:–(-?[\d.]+))? ([A-Z]{3})$/.exec(expected);
    if (!m) throw new Error(`cannot check "${expected}"`);
    if (!r.ok) throw new Error(r.message.en);
    const bound = m[1] === undefined ? "exact" : MARKS[m[1]];
    expect([r.low, r.high, r.currency]).toEqual([Number(m[2]), Number(m[3] ?? m[2]), m[4]]);
    expect(r.bound).toBe(m[3] !== undefined ? "range" : bound);
    // A bound or range is counted apart in the column's reading report (带说明), with its note.
    if (r.bound !== "exact") {
      const report = sheetWith(context, "总投资", cellOf(example)).mapping.report!;
      const line = report.find((x) => x.column === 1)!;
      expect([line.noted, line.read]).toEqual([1, 0]);
      expect(line.firstNoted[0].note.en).toMatch(NOTE_SAYS[r.bound]);
    }
  });
});

/**
 * The value scoring reads from the example's column (model units: 亩 for land, a fraction for
 * percents), and the reading report's line for that column.
 */
function scored(
  context: string,
  header: string,
  example: string
): { value: number; report: ColumnReport } {
  const { sheet, table, mapping } = sheetWith(context, header, cellOf(example));
  const s = scoreTable(toCandidateTable(sheet, table, mapping), compiled);
  const field = mapping.mapped.find((m) => m.column === 1)!.field;
  const report = mapping.report!.find((r) => r.column === 1)!;
  return { value: (s.columns[field] as Float64Array)[0], report };
}

/**
 * A number as the doc writes it: "0.03", "≥ 0.03", "≈ 100 亩", "10–20" (a range: its midpoint is used),
 * an optional unit after it. A bound or range is counted apart in the reading report (带说明), its
 * note saying which; a plain figure is read as written.
 */
function expectNumber(expected: string, read: { value: number; report: ColumnReport }): void {
  // Unreadable, counted so in the report (never missing, never 0).
  if (expected === "error") return expect([read.value, read.report.unreadable]).toEqual([NaN, 1]);
  // No figure of its own (a leased plant in a land column): counted as missing, as a blank is.
  if (expected === "missing") return expect([read.value, read.report.missing]).toEqual([NaN, 1]);
  const m = /^([≤≥≈] )?(-?[\d.]+)(?:–(-?[\d.]+))?(?: 亩)?( \(noted\))?$/.exec(expected);
  if (!m) throw new Error(`cannot check "${expected}"`);
  const [low, high] = [Number(m[2]), Number(m[3] ?? m[2])];
  expect(read.value).toBeCloseTo((low + high) / 2, 10);
  const bound = m[3] !== undefined ? "range" : m[1] === undefined ? "exact" : MARKS[m[1]];
  // "(noted)": read as written, with a note all the same (a figure in doubt).
  if (m[4] !== undefined) return expect([read.report.noted, read.report.read]).toEqual([1, 0]);
  // Read as written: counted as read, or as guessed where a rule settled the column's unit.
  if (bound === "exact") return expect(read.report.read + read.report.guessed).toBe(1);
  expect([read.report.noted, read.report.read]).toEqual([1, 0]);
  expect(read.report.firstNoted[0].note.en).toMatch(NOTE_SAYS[bound]);
}

test.each(rows("Land areas"))("land, %s: %s", (_, example, context, expected) => {
  expectNumber(expected, scored(context, "用地面积", example));
});

/** "intended (noted)": the reading and, marked, that the report counts it as read with a note. */
function noted(expected: string): { answer: string; noted: boolean } {
  const m = /^(\S+)( \(noted\))?$/.exec(expected)!;
  return { answer: m[1], noted: m[2] !== undefined };
}

test.each(rows("Yes/no columns"))("yes/no, %s: %s under %s", (_, example, column, expected) => {
  const value: Record<string, number> = { yes: 1, no: 0, intended: 0.5, unread: NaN };
  const { answer, noted: withNote } = noted(expected);
  expect(answer in value).toBe(true);
  const read = scored(column, column, example);
  expect(read.value).toBe(value[answer]);
  expect(read.report.noted).toBe(withNote ? 1 : 0);
});

test.each(rows("Stages"))("stage, %s: %s", (_, example, column, expected) => {
  const { answer, noted: withNote } = noted(expected);
  const { sheet, table, mapping } = sheetWith(column, column, cellOf(example));
  const s = scoreTable(toCandidateTable(sheet, table, mapping), compiled);
  const k = s.stage[0];
  expect(k < 0 ? "unread" : model.stages![k].id).toBe(answer);
  // A halted project is out of ranking and grading; any other stage leaves it in.
  expect(Boolean(s.excluded[0])).toBe(answer === "halted");
  // The report: read with a note when marked; a cell naming no stage, unnoted, is unreadable.
  const report = mapping.report!.find((r) => r.column === 1)!;
  expect([report.noted, report.unreadable]).toEqual([
    withNote ? 1 : 0,
    answer === "unread" && !withNote ? 1 : 0,
  ]);
});

test.each(rows("Chain roles"))("chain role, %s: %s under %s", (_, example, column, expected) => {
  const { answer, noted: withNote } = noted(expected);
  const { mapping } = sheetWith(column, column, example);
  const m = mapping.mapped.find((x) => x.column === 1)!;
  expect(m.field).toBe(model.chain!.roleField);
  // The role the engine reads with the mapping's context (scoring and explanations alike).
  const r = readRole(example, model.chain!, m.context?.yesRole);
  expect(r.role?.id ?? (r.problem ? "unread" : "none")).toBe(answer);
  const report = mapping.report!.find((x) => x.column === 1)!;
  expect([report.noted, report.unreadable]).toEqual([
    withNote ? 1 : 0,
    answer === "unread" ? 1 : 0,
  ]);
});

test.each(rows("Columns several items share"))(
  "shared column, %s: %s under %s",
  (_, example, column, expected) => {
    const { sheet, table, mapping } = sheetWith(column, column, example);
    const scored = scoreTable(toCandidateTable(sheet, table, mapping), compiled);
    const report = mapping.report!;
    for (const part of expected.split("; ")) {
      const [field, value] = part.split(" ");
      expect(mapping.mapped.find((m) => m.field === field)).toMatchObject({
        column: 1,
        context: { labelled: true },
      });
      const line = report.find((x) => x.field === field)!;
      const got = (scored.columns[field] as Float64Array)[0];
      if (value === "error") expect([line.unreadable, got]).toEqual([1, NaN]);
      else if (value === "missing") expect([line.missing, got]).toEqual([1, NaN]);
      // The model's unit is 万元 of CNY: the doc's figure in yuan, ÷ 1e4.
      else expect(got).toBe(Number(value) / 1e4);
    }
  }
);

test.each(rows("Figures per 亩"))("per 亩, %s: %s under %s", (_, example, column, expected) => {
  const { sheet, table, mapping } = sheetWith(column, column, cellOf(example));
  const [, field, value, noted] = /^(\w+) (\S+)( \(noted\))?$/.exec(expected)!;
  expect(mapping.mapped.map((m) => [m.column, m.field])).toEqual([
    [0, "name"],
    [1, field],
  ]);
  const scored = scoreTable(toCandidateTable(sheet, table, mapping), compiled);
  const got = (scored.columns[field] as Float64Array)[0];
  const report = mapping.report!.find((x) => x.column === 1)!;
  if (value === "error") return expect([report.unreadable, got]).toEqual([1, NaN]);
  // The model's unit is 万元 (per 亩 here), as the doc writes it.
  expect(got).toBeCloseTo(Number(value), 9);
  expect([report.read, report.noted]).toEqual(noted ? [0, 1] : [1, 0]);
});

test.each(rows("Number columns"))("number, %s: %s", (_, example, context, expected) => {
  expectNumber(expected, scored(context, context, example));
});

/** Excel's serial day of an ISO day. */
const serial = (iso: string): number =>
  (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86400000;

test.each(rows("Dates"))("date, %s: %s", (_, example, column, expected) => {
  const { sheet, table, mapping } = sheetWith(column, column, cellOf(example));
  const m = mapping.mapped.find((x) => x.column === 1)!;
  const field = model.fields.find((f) => f.id === m.field)!;
  expect(field.type).toBe("date");
  const report = mapping.report!.find((r) => r.column === 1)!;
  const value = readFieldNumber(sheet.grid[1][1], field, m.context, model);
  const counts = [report.read, report.noted, report.missing, report.unreadable];
  if (expected === "error") return expect([value, counts]).toEqual([NaN, [0, 0, 0, 1]]);
  if (expected === "missing") return expect([value, counts]).toEqual([NaN, [0, 0, 1, 0]]);
  const d = /^([≤≥≈] )?(\d{4}-\d\d-\d\d)(?:–(\d{4}-\d\d-\d\d))?( \(noted\))?$/.exec(expected);
  if (!d) throw new Error(`cannot check "${expected}"`);
  const [low, high] = [serial(d[2]), serial(d[3] ?? d[2])];
  // A period: its middle day (a whole day); a bound: the day itself.
  expect(value).toBe(low + Math.floor((high - low) / 2));
  const noted = d[1] !== undefined || d[3] !== undefined || d[4] !== undefined;
  expect(counts).toEqual(noted ? [0, 1, 0, 0] : [1, 0, 0, 0]);
  expect(table.dataRows.length).toBe(1);
});

test.each(rows("Percent columns"))("percent, %s: %s", (_, example, context, expected) => {
  expectNumber(expected, scored(context, "研发投入占比", example));
});
