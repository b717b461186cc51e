/**
 * An .xlsx file as the CLI's workbook host: opened as a package (refusing other formats with what
 * to do), its sheets read on demand, and results written by patching a copy of the package.
 */
import { Buffer } from "buffer";
import * as fs from "fs";
import * as path from "path";
import { cellAddress, sheetPrefix } from "../workbook/a1";
import { marksOf } from "../workbook/marker";
import type { SummaryPlan } from "../workbook/summary";
import type { Grid, PlannedResults, PrintSetup, SheetName } from "../workbook/types";
import { L, UsageError } from "./errors";
import type { ReadSheet, SheetEntry, Styles, WorkbookInfo } from "./ooxml-read";
import {
  parseRels,
  readRels,
  readSharedStrings,
  readSheet,
  readStyles,
  readWorkbookInfo,
  relsPart,
  resolveTarget,
  LIMITS,
} from "./ooxml-read";
import type { CellLook } from "./ooxml-styles";
import { patchStyles } from "./ooxml-styles";
import { patchHead, patchNames, patchTail } from "./ooxml-sheet";
import type { OutCell, OutRows, SheetEdits } from "./ooxml-write";
import {
  escapeXml,
  insertChild,
  newSheet,
  patchSheet,
  unescapeXml,
  utf8Stream,
} from "./ooxml-write";
import { CHART_TYPE, chartXml, DRAWING_TYPE, drawingXml, REL, relsXml } from "./ooxml-chart";
import { insertInOrder } from "./ooxml-sheet";
import type { PartSource } from "./zip";
import { Package } from "./zip";

const OLE_CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Says what a file that is not an .xlsx most likely is, and how to convert it. */
function checkSignature(file: string, head: Buffer): void {
  if (head.subarray(0, 8).equals(OLE_CFB))
    throw new UsageError(
      L(
        `${file} 是旧版 .xls 工作簿或加密（有密码保护）的工作簿，无法读取。请在 Excel 中（如有密码先取消密码）另存为 .xlsx，或用 LibreOffice：soffice --headless --convert-to xlsx 文件名。`,
        `${file} is an old .xls workbook or a password-protected (encrypted) one and cannot be read. Save it as .xlsx in Excel (removing any password first), or with LibreOffice: soffice --headless --convert-to xlsx FILE.`
      )
    );
  if (head.subarray(0, 4).equals(ZIP)) {
    if (head.includes(Buffer.from("application/vnd.oasis.opendocument")))
      throw new UsageError(
        L(
          `${file} 是 OpenDocument 表格（.ods），不是 .xlsx。请在 LibreOffice 或 WPS 中另存为 .xlsx，或运行：soffice --headless --convert-to xlsx 文件名。`,
          `${file} is an OpenDocument spreadsheet (.ods), not .xlsx. Save it as .xlsx in LibreOffice or WPS, or run: soffice --headless --convert-to xlsx FILE.`
        )
      );
    return;
  }
  const text =
    head.length > 0 && [...head].every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
  throw new UsageError(
    text
      ? L(
          `${file} 是文本文件（如 CSV），不是 .xlsx 工作簿。请在 Excel 中打开并另存为 .xlsx。`,
          `${file} is a text file (such as CSV), not an .xlsx workbook. Open it in Excel and save it as .xlsx.`
        )
      : L(
          `${file} 不是 .xlsx 工作簿（文件格式无法识别）。`,
          `${file} is not an .xlsx workbook (unrecognised file format).`
        )
  );
}

export interface Workbook {
  file: string;
  pkg: Package;
  info: WorkbookInfo;
  strings: string[];
  styles: Styles;
  stylesPart: string | null;
  worksheets: SheetEntry[];
}

export async function openWorkbook(file: string): Promise<Workbook> {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, "r");
    head = Buffer.alloc(512);
    const n = fs.readSync(fd, head, 0, 512, 0);
    fs.closeSync(fd);
    head = head.subarray(0, n);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(
      code === "ENOENT"
        ? L(`找不到文件：${file}`, `file not found: ${file}`)
        : code === "EISDIR"
          ? L(`${file} 是文件夹，不是文件`, `${file} is a folder, not a file`)
          : L(
              `无法读取文件 ${file}（${code ?? String(e)}）`,
              `cannot read ${file} (${code ?? String(e)})`
            )
    );
  }
  checkSignature(file, head);
  const pkg = await Package.open(file);
  try {
    if (!pkg.entry("[Content_Types].xml"))
      throw new UsageError(
        L(
          `${file} 是 zip 文件，但不是 .xlsx 工作簿（缺少 [Content_Types].xml）。`,
          `${file} is a zip file but not an .xlsx workbook (no [Content_Types].xml).`
        )
      );
    const info = await readWorkbookInfo(pkg);
    const rels = await readRels(pkg, info.part);
    const partOf = (suffix: string) => {
      const r = rels.find((x) => x.type.endsWith(suffix) && !x.external);
      return r ? resolveTarget(info.part, r.target) : null;
    };
    const stylesPart = partOf("/styles");
    const strings = await readSharedStrings(pkg, partOf("/sharedStrings"));
    const styles = await readStyles(pkg, stylesPart);
    const worksheets = info.sheets.filter((s) => s.kind === "worksheet" && pkg.entry(s.part));
    return { file, pkg, info, strings, styles, stylesPart, worksheets };
  } catch (e) {
    pkg.close();
    throw e;
  }
}

/** A sheet's cells, with the marks our hidden names give (scoped to it, or workbook-wide naming it). */
export async function sheetOf(
  wb: Workbook,
  entry: SheetEntry,
  maxRows?: number
): Promise<ReadSheet> {
  const sheet = await readSheet(wb.pkg, entry, {
    strings: wb.strings,
    styles: wb.styles,
    date1904: wb.info.date1904,
    maxRows,
  });
  const local = wb.info.sheets.indexOf(entry);
  const names = wb.info.definedNames
    .filter((n) => n.localSheetId === local || n.localSheetId === undefined)
    .map((n) => ({ name: n.name, ref: n.value }));
  const marks = marksOf(names, entry.name);
  return marks.length > 0 ? { ...sheet, marks } : sheet;
}

/** The looks of the plan's cells: header, data by column, and each colour a column may take. */
function planLooks(plan: PlannedResults, headerBase: number | undefined): CellLook[] {
  const header: CellLook = headerBase !== undefined ? { base: headerBase } : { header: true };
  const looks: CellLook[] = [header];
  for (const c of plan.columns) {
    looks.push(dataLook(c.numberFormat, c.wrap));
    for (const colour of Object.values(c.colours ?? {}))
      looks.push({ ...dataLook(c.numberFormat, c.wrap), colour });
  }
  return looks;
}

function dataLook(numberFormat: string | undefined, wrap: boolean | undefined): CellLook {
  return { ...(numberFormat ? { numberFormat } : {}), ...(wrap ? { wrap } : {}) };
}

/** The plan's cells row by row, computed from its blocks as the writer asks (no copy per cell). */
function outRows(
  plan: PlannedResults,
  styleOf: (l: CellLook) => number,
  header: CellLook
): OutRows {
  const byCol = new Map(plan.columns.map((c) => [c.col, c]));
  const headerStyle = styleOf(header);
  // One style per column, and per column and coloured value, looked up once (not once per cell).
  const plain = new Map(
    plan.columns.map((c) => [c.col, styleOf(dataLook(c.numberFormat, c.wrap))])
  );
  const coloured = new Map<string, number>();
  const style = (row: number, col: number, value: unknown): number => {
    if (row === plan.headerRow) return headerStyle;
    const c = byCol.get(col);
    const colour = c?.colours && typeof value === "string" ? c.colours[value] : undefined;
    if (!colour) return plain.get(col) ?? 0;
    const key = `${col}\u0000${colour}`;
    let s = coloured.get(key);
    if (s === undefined)
      coloured.set(key, (s = styleOf({ ...dataLook(c?.numberFormat, c?.wrap), colour })));
    return s;
  };
  const rows = new Set<number>();
  for (const b of plan.blocks) for (let i = 0; i < b.values.length; i++) rows.add(b.top + i);
  const blocks = [...plan.blocks].sort((a, b) => a.left - b.left);
  return {
    rows: [...rows].sort((a, b) => a - b),
    cells: (row) => {
      const out: OutCell[] = [];
      for (const b of blocks) {
        const vals = b.values[row - b.top];
        if (!vals) continue;
        for (let j = 0; j < vals.length; j++) {
          const col = b.left + j;
          out.push({ col, value: vals[j], style: style(row, col, vals[j]) });
        }
      }
      return out;
    },
  };
}

/** The style index (s) of one cell of a sheet part, read up to its row; undefined when not found. */
async function cellStyleAt(
  wb: Workbook,
  part: string,
  row: number,
  col: number
): Promise<number | undefined> {
  const ref = cellAddress(row, col);
  const rowTag = new RegExp(`<([\\w.-]+:)?row\\b[^>]*\\sr="${row + 1}"[^>]*>`);
  let text = "";
  for await (const chunk of await wb.pkg.stream(part, LIMITS.sheetPart)) {
    text += (chunk as Buffer).toString("utf8");
    const open = rowTag.exec(text);
    if (!open) {
      // Keep only what a row tag cut at the chunk's end may need.
      if (text.length > 1 << 20) text = text.slice(-4096);
      continue;
    }
    const end = text.indexOf("row>", open.index + open[0].length);
    if (end < 0) continue;
    const cell = new RegExp(`<([\\w.-]+:)?c\\b[^>]*\\sr="${ref}"[^>]*>`).exec(
      text.slice(open.index, end)
    );
    const s = cell ? /\ss="(\d+)"/.exec(cell[0])?.[1] : undefined;
    return s === undefined ? undefined : Number(s);
  }
  return undefined;
}

/** Widths, colour scale and print setup of the plan's sheet. */
function planEdits(plan: PlannedResults): SheetEdits {
  return {
    head: (head, p) => patchHead(head, p, plan.columns, true),
    tail: (tail, p) => patchTail(tail, p, plan.scoreRange, plan.print),
  };
}

const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/**
 * A part name not used yet (or used by a part left out, `omit`), `${stem}N.xml` as Excel names them
 * (some readers find sheets only so).
 */
function freePart(
  wb: Workbook,
  replace: Map<string, PartSource>,
  dir: string,
  stem: string,
  from: number,
  omit: ReadonlySet<string> = new Set()
): string {
  for (let i = from; ; i++) {
    const name = `${dir}/${stem}${i}.xml`;
    const key = name.toLowerCase();
    if ((!wb.pkg.entry(name) || omit.has(key)) && !replace.has(key)) return name;
  }
}

/** The part a relationships part belongs to: xl/_rels/workbook.xml.rels → xl/workbook.xml. */
function sourceOfRels(rels: string): string {
  const dir = path.posix.dirname(path.posix.dirname(rels));
  const name = path.posix.basename(rels).replace(/\.rels$/i, "");
  return dir === "." ? name : `${dir}/${name}`;
}

/**
 * The parts only `sheetPart` uses (lower-case names): what its relationships reach, and theirs
 * (a summary's drawing, charts, their relationships and chart styles), less any part a relationship
 * from elsewhere in the package still targets. Rewriting the sheet leaves these unused.
 */
async function partsOnlyUnder(wb: Workbook, sheetPart: string): Promise<Set<string>> {
  const start = sheetPart.toLowerCase();
  const own = relsPart(start);
  const under = new Set<string>();
  for (const queue = [start]; queue.length > 0;) {
    const part = queue.pop()!;
    const rels = relsPart(part);
    if (!wb.pkg.entry(rels)) continue;
    if (part !== start) under.add(rels);
    for (const r of parseRels(await wb.pkg.text(rels, LIMITS.smallPart), rels)) {
      const target = resolveTarget(part, r.target).toLowerCase();
      if (r.external || target === start || under.has(target) || !wb.pkg.entry(target)) continue;
      under.add(target);
      queue.push(target);
    }
  }
  for (const [key, e] of wb.pkg.entries) {
    if (!key.endsWith(".rels") || key === own || under.has(key)) continue;
    const from = sourceOfRels(e.fileName);
    for (const r of parseRels(await wb.pkg.text(e.fileName, LIMITS.smallPart), e.fileName))
      if (!r.external) under.delete(resolveTarget(from, r.target).toLowerCase());
  }
  return under;
}

/** Content types without the overrides of `parts` (lower-case names). */
function dropContentTypes(xml: string, parts: ReadonlySet<string>): string {
  return xml.replace(/<([\w.-]+:)?Override\b[^>]*?\/>/g, (el) => {
    const name = /\sPartName="\/?([^"]*)"/.exec(el)?.[1];
    return name !== undefined && parts.has(unescapeXml(name).toLowerCase()) ? "" : el;
  });
}

/** Adds a content-type override for a new part. */
async function addContentType(
  wb: Workbook,
  replace: Map<string, PartSource>,
  part: string,
  type: string
): Promise<void> {
  const ctXml = await partText(wb, replace, "[Content_Types].xml");
  replace.set("[content_types].xml", {
    text: insertChild(ctXml, "Types", "Override", ` PartName="/${part}" ContentType="${type}"`),
  });
}

/**
 * The parts a new sheet needs besides its own: workbook entry, relationship, content type; returns
 * the new part's name. Edits build on earlier ones of the same write (a result sheet and a summary).
 */
async function addSheetParts(
  wb: Workbook,
  name: string,
  replace: Map<string, PartSource>,
  ns: string,
  body: OutRows,
  around?: SheetEdits
): Promise<string> {
  const { info } = wb;
  const relsName = relsPart(info.part);
  const relsXml = await partText(wb, replace, relsName);
  const rels = parseRels(relsXml, info.part);
  const sheetRel = rels.find((r) => r.type.endsWith("/worksheet"));
  const type =
    sheetRel?.type ??
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
  const dir = sheetRel
    ? path.posix.dirname(resolveTarget(info.part, sheetRel.target))
    : "xl/worksheets";
  const part = freePart(wb, replace, dir, "sheet", info.sheets.length + 1);
  const ids = new Set(rels.map((r) => r.id));
  let id = "rIdZS1";
  for (let i = 2; ids.has(id); i++) id = `rIdZS${i}`;
  const target = path.posix.relative(path.posix.dirname(info.part), part);
  replace.set(relsName.toLowerCase(), {
    text: insertChild(
      relsXml,
      "Relationships",
      "Relationship",
      ` Id="${id}" Type="${type}" Target="${target}"`
    ),
  });

  const wbXml = await partText(wb, replace, info.part);
  const ids2 = [...wbXml.matchAll(/\ssheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const sheetId = Math.max(0, ...ids2) + 1;
  // The relationships namespace the workbook binds (transitional or strict), declared on our element
  // itself: writers such as openpyxl declare it on each sheet element, not on the root.
  const relNs =
    /xmlns:[\w.-]+="(http:\/\/purl\.oclc\.org\/ooxml\/officeDocument\/relationships)"/.exec(
      wbXml
    )?.[1] ?? "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  replace.set(info.part.toLowerCase(), {
    text: insertChild(
      wbXml,
      "sheets",
      "sheet",
      ` name="${escapeXml(name)}" sheetId="${sheetId}" r:id="${id}" xmlns:r="${relNs}"`
    ),
  });
  await addContentType(wb, replace, part, WORKSHEET_TYPE);
  replace.set(part.toLowerCase(), {
    name: part,
    stream: async () => utf8Stream(newSheet(ns, body, around)),
  });
  return part;
}

/** Each cell of the summary's grid with its look: titles bold, table headers as ours, formats, colours. */
function summaryCells(summary: SummaryPlan): Map<string, CellLook> {
  const looks = new Map<string, CellLook>();
  looks.set(`${summary.titleCell.row},${summary.titleCell.col}`, { bold: true });
  for (const t of summary.tables) {
    looks.set(`${t.top},${t.left}`, { bold: true });
    for (let c = t.left; c <= t.right; c++) looks.set(`${t.top + 1},${c}`, { header: true });
    for (let r = t.top + 2; r <= t.bottom; r++)
      for (let c = t.left; c <= t.right; c++) {
        const v = summary.grid[r]?.[c];
        const fmt = t.numberFormats[c - t.left];
        const colour =
          typeof v === "string" ? t.colours?.find((x) => x.col === c)?.byText[v] : undefined;
        looks.set(`${r},${c}`, {
          ...dataLook(fmt, t.wrap?.includes(c)),
          ...(colour ? { colour } : {}),
        });
      }
  }
  return looks;
}

/**
 * Writes the summary sheet (new, or over the one an earlier run wrote) with its drawing and chart
 * parts, content types and relationships.
 */
async function addSummary(
  wb: Workbook,
  summary: SummaryPlan,
  looks: Map<string, CellLook>,
  styleOf: (l: CellLook) => number,
  replace: Map<string, PartSource>,
  omit: Set<string>
): Promise<void> {
  const grid = summary.grid;
  const body: OutRows = {
    rows: grid.map((_, r) => r),
    cells: (r) =>
      grid[r].map((value, col) => {
        const look = looks.get(`${r},${col}`);
        return { col, value, style: look ? styleOf(look) : 0 };
      }),
  };
  const drawingRel = "rIdZSd1";
  const around: SheetEdits = {
    head: (head, p) => patchHead(head, p, summary.widths, true),
    tail: (tail, p) =>
      insertInOrder(
        patchTail(tail, p, null, summary.print),
        p,
        "drawing",
        `<${p}drawing r:id="${drawingRel}"/>`
      ),
  };
  const existing = wb.worksheets.find((e) => e.name === summary.sheet);
  const ns = await sheetNamespace(wb);
  let part: string;
  if (existing) {
    part = existing.part;
    replace.set(part.toLowerCase(), { stream: async () => utf8Stream(newSheet(ns, body, around)) });
    // The earlier run's drawing and charts go with the sheet they were drawn on (names reused).
    for (const p of await partsOnlyUnder(wb, part)) omit.add(p);
    const types = await partText(wb, replace, "[Content_Types].xml");
    replace.set("[content_types].xml", { text: dropContentTypes(types, omit) });
  } else part = await addSheetParts(wb, summary.sheet, replace, ns, body, around);

  const drawing = freePart(wb, replace, "xl/drawings", "drawing", 1, omit);
  const chartParts: string[] = [];
  for (const chart of summary.charts) {
    const c = freePart(wb, replace, "xl/charts", "chart", 1, omit);
    chartParts.push(c);
    replace.set(c.toLowerCase(), { name: c, text: chartXml(chart, summary.sheet, grid) });
    await addContentType(wb, replace, c, CHART_TYPE);
  }
  const chartIds = chartParts.map((_, k) => `rId${k + 1}`);
  replace.set(drawing.toLowerCase(), { name: drawing, text: drawingXml(summary.charts, chartIds) });
  await addContentType(wb, replace, drawing, DRAWING_TYPE);
  const rel = (from: string, to: string) => path.posix.relative(path.posix.dirname(from), to);
  const drawingRels = relsPart(drawing);
  replace.set(drawingRels.toLowerCase(), {
    name: drawingRels,
    text: relsXml(
      chartParts.map((c, k) => ({ id: chartIds[k], type: REL.chart, target: rel(drawing, c) }))
    ),
  });
  // Our summary sheet has no relationships but its drawing.
  const sheetRels = relsPart(part);
  replace.set(sheetRels.toLowerCase(), {
    name: sheetRels,
    text: relsXml([{ id: drawingRel, type: REL.drawing, target: rel(part, drawing) }]),
  });
  await nameSheet(wb, replace, summary.sheet, summary.names, summary.print);
}

/** The workbook part with a sheet's marks and print titles (see patchNames). */
async function nameSheet(
  wb: Workbook,
  replace: Map<string, PartSource>,
  sheet: string,
  names: SheetName[],
  print: PrintSetup
): Promise<void> {
  const wbXml = await partText(wb, replace, wb.info.part);
  replace.set(wb.info.part.toLowerCase(), {
    text: patchNames(wbXml, sheetIndex(wbXml, sheet), names, print, sheetPrefix(sheet)),
  });
}

/** Index of a sheet among the workbook's sheets (localSheetId), from the workbook part as edited. */
function sheetIndex(wbXml: string, name: string): number {
  const names = [...wbXml.matchAll(/<([\w.-]+:)?sheet\s[^>]*?name="([^"]*)"/g)].map((m) =>
    unescapeXml(m[2])
  );
  return names.indexOf(name);
}

/** The SpreadsheetML namespace the workbook uses (transitional or strict), for new sheets. */
async function sheetNamespace(wb: Workbook): Promise<string> {
  const wbXml = await wb.pkg.text(wb.info.part, LIMITS.smallPart);
  return (
    /"(http:\/\/purl\.oclc\.org\/ooxml\/spreadsheetml\/main)"/.exec(wbXml)?.[1] ??
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  );
}

/**
 * Writes a copy of the workbook with the plan's cells to `out` (a new file): only the target sheet,
 * styles.xml and, for a new result sheet, the workbook, its relationships and content types change.
 */
export async function writeResults(
  wb: Workbook,
  plan: PlannedResults,
  out: string,
  summary?: SummaryPlan
): Promise<void> {
  const replace = new Map<string, PartSource>();
  const entry = wb.worksheets.find((s) => s.name === plan.sheet);
  const base =
    entry && plan.headerLook
      ? await cellStyleAt(wb, entry.part, plan.headerLook.row, plan.headerLook.col)
      : undefined;
  // A header cell without a style of its own (s 0) has no look worth copying.
  const looks = planLooks(plan, base || undefined);
  const summaryLooks = summary ? summaryCells(summary) : new Map<string, CellLook>();
  looks.push(...summaryLooks.values());
  let styleOf: (l: CellLook) => number = () => 0;
  let ours = new Set<number>();
  if (wb.stylesPart) {
    const patch = patchStyles(await wb.pkg.text(wb.stylesPart, LIMITS.smallPart), looks);
    replace.set(wb.stylesPart.toLowerCase(), { text: patch.xml });
    styleOf = patch.styleOf;
    ours = patch.ours;
  }
  const body = outRows(plan, styleOf, looks[0]);
  const conflicts: string[] = [];
  const around = planEdits(plan);
  if (entry) {
    replace.set(entry.part.toLowerCase(), {
      stream: async () =>
        utf8Stream(
          patchSheet(await wb.pkg.stream(entry.part, LIMITS.sheetPart), body, {
            ours,
            conflicts,
            sheetName: plan.sheet,
            ownArea: {
              cols: new Set(plan.columns.filter((c) => c.existed).map((c) => c.col)),
              top: plan.headerRow,
              bottom: plan.scoreRange?.bottom ?? plan.headerRow,
            },
            around,
          })
        ),
    });
  } else {
    const ns = await sheetNamespace(wb);
    await addSheetParts(wb, plan.sheet, replace, ns, body, around);
  }
  await nameSheet(wb, replace, plan.sheet, plan.names, plan.print);
  const omit = new Set<string>();
  if (summary) await addSummary(wb, summary, summaryLooks, styleOf, replace, omit);
  await wb.pkg.write(out, replace, omit);
  if (conflicts.length > 0) {
    fs.rmSync(out, { force: true });
    throw new UsageError(
      L(
        `不能写入结果：工作表「${plan.sheet}」的 ${conflicts.slice(0, 8).join("、")} 已有内容，且不是本工具写入的。未做任何修改。`,
        `Cannot write results: ${conflicts.slice(0, 8).join(", ")} in sheet "${plan.sheet}" already hold content this tool did not write. Nothing was changed.`
      )
    );
  }
}

/** A small part's text as this write leaves it (an earlier edit of the same write, else the package's). */
async function partText(
  wb: Workbook,
  replace: Map<string, PartSource>,
  part: string
): Promise<string> {
  const edited = replace.get(part.toLowerCase());
  return edited && "text" in edited && edited.text !== undefined
    ? edited.text
    : wb.pkg.text(part, LIMITS.smallPart);
}

/**
 * Writes a copy of the workbook with one more sheet holding `grid` (plain cells, no style): how
 * a candidate list is added to any workbook, e.g. to test files written by other tools.
 */
export async function addSheet(wb: Workbook, name: string, grid: Grid, out: string): Promise<void> {
  const replace = new Map<string, PartSource>();
  const rows: OutRows = {
    rows: grid.map((_, r) => r),
    cells: (r) => grid[r].map((value, col) => ({ col, value, style: 0 })),
  };
  await addSheetParts(wb, name, replace, await sheetNamespace(wb), rows);
  await wb.pkg.write(out, replace);
}
