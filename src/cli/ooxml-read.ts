/**
 * Reading only what scoring needs from an .xlsx package, streaming: the workbook's sheet list,
 * 1904 flag and defined names, shared strings and the number format of each cell style (saxes);
 * one sheet's cells, merges, hidden columns, comments and data validations (xml-scan.ts, built for
 * the one large part). Element names are matched
 * by local name, so prefixed documents (ClosedXML's x:) and strict OOXML read the same. A DOCTYPE
 * is refused (no entity is ever expanded); every part and count has a limit.
 */
import type { Buffer } from "buffer";
import * as path from "path";
import { SaxesParser } from "saxes";
import type { SaxesTagPlain } from "saxes";
import type { CellValue } from "../engine/types";
import { cellAddress, columnIndex, MAX_COLUMNS, MAX_ROWS } from "../workbook/a1";
import type { NumberLook } from "../workbook/dates";
import { serialDate, styleLook, timeText } from "../workbook/dates";
import { decodeXstring } from "../workbook/ooxml-text";
import type { UnreadableCell } from "../workbook/pipeline";
import type { Grid, MergeArea, SheetData } from "../workbook/types";
import { L, UsageError } from "./errors";
import type { Package } from "./zip";
import { textChunks } from "./zip";
import { attributeAt, attributeStart, local, XmlScanner } from "./xml-scan";

/** Limits on what is read (uncompressed bytes and counts), so hostile packages are refused fast. */
export const LIMITS = {
  smallPart: 64 << 20,
  sheetPart: 1536 << 20,
  sharedStrings: 4_000_000,
  styles: 200_000,
  /** Cells kept from one sheet: ~120 bytes each, so about 1.2 GB at the limit is never reached. */
  cells: 6_000_000,
  rows: MAX_ROWS,
  cols: MAX_COLUMNS,
};

export interface SheetEntry {
  name: string;
  /** Part name without a leading slash, e.g. xl/worksheets/sheet1.xml. */
  part: string;
  state: "visible" | "hidden" | "veryHidden";
  kind: "worksheet" | "chartsheet" | "other";
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export interface WorkbookInfo {
  part: string;
  /** Content type of the workbook part: says .xlsx, .xlsm or strict. */
  contentType: string;
  date1904: boolean;
  sheets: SheetEntry[];
  definedNames: { name: string; value: string; localSheetId?: number }[];
}

export interface ReadSheet extends SheetData {
  part: string;
  occupied: MergeArea[];
  unreadable: UnreadableCell[];
}

function refuseDoctype(part: string): never {
  throw new UsageError(
    L(
      `部件 ${part} 含有 DOCTYPE（可能用于实体展开攻击），工作簿不会这样写，已拒绝读取。`,
      `part ${part} holds a DOCTYPE (used for entity-expansion attacks; workbooks never have one); refused.`
    )
  );
}

function parser(part: string): SaxesParser {
  const p = new SaxesParser({ xmlns: false, position: false });
  p.on("doctype", () => refuseDoctype(part));
  p.on("error", (e: Error) => {
    throw new UsageError(
      L(`部件 ${part} 不是有效的 XML：${e.message}`, `part ${part} is not valid XML: ${e.message}`)
    );
  });
  return p;
}

/** Parses a small part fully; `open`/`text`/`close` see local names. */
async function parseSmall(
  pkg: Package,
  part: string,
  on: {
    open?: (name: string, attrs: Record<string, string>) => void;
    text?: (t: string) => void;
    close?: (name: string) => void;
  },
  limit = LIMITS.smallPart
): Promise<void> {
  const p = parser(part);
  if (on.open) p.on("opentag", (t: SaxesTagPlain) => on.open!(local(t.name), t.attributes));
  if (on.text) p.on("text", on.text);
  if (on.close) p.on("closetag", (t: SaxesTagPlain) => on.close!(local(t.name)));
  p.write(await pkg.text(part, limit)).close();
}

export function parseRels(xml: string, part: string): Relationship[] {
  const out: Relationship[] = [];
  const p = parser(part);
  p.on("opentag", (t: SaxesTagPlain) => {
    if (local(t.name) !== "Relationship") return;
    const a = t.attributes;
    out.push({
      id: a.Id,
      type: a.Type ?? "",
      target: a.Target ?? "",
      external: a.TargetMode === "External",
    });
  });
  p.write(xml).close();
  return out;
}

/** The rels part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPart(part: string): string {
  const dir = path.posix.dirname(part);
  return `${dir === "." ? "" : `${dir}/`}_rels/${path.posix.basename(part)}.rels`;
}

/** A relationship's target as a part name (no leading slash). */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return path.posix.normalize(target.slice(1));
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromPart), decodeURI(target)));
}

export async function readRels(pkg: Package, part: string): Promise<Relationship[]> {
  const rels = relsPart(part);
  return pkg.entry(rels) ? parseRels(await pkg.text(rels, LIMITS.smallPart), rels) : [];
}

/** The content type of each part: Override by name, else Default by extension. */
export async function contentTypes(pkg: Package): Promise<(part: string) => string> {
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  await parseSmall(pkg, "[Content_Types].xml", {
    open: (n, a) => {
      if (n === "Override")
        overrides.set((a.PartName ?? "").replace(/^\//, "").toLowerCase(), a.ContentType);
      if (n === "Default") defaults.set((a.Extension ?? "").toLowerCase(), a.ContentType);
    },
  });
  return (part) =>
    overrides.get(part.toLowerCase()) ??
    defaults.get(path.posix.extname(part).slice(1).toLowerCase()) ??
    "";
}

export async function readWorkbookInfo(pkg: Package): Promise<WorkbookInfo> {
  const root = await readRels(pkg, "");
  const doc = root.find((r) => r.type.endsWith("/officeDocument"));
  if (!doc || !pkg.entry(resolveTarget("", doc.target)))
    throw new UsageError(
      L(
        `${pkg.file} 中找不到工作簿部件（缺少 officeDocument 关系），不是有效的 .xlsx。`,
        `${pkg.file} has no workbook part (no officeDocument relationship); not a valid .xlsx.`
      )
    );
  const part = resolveTarget("", doc.target);
  const typeOf = await contentTypes(pkg);
  const contentType = typeOf(part);
  if (/binary/i.test(contentType))
    throw new UsageError(
      L(
        `${pkg.file} 是二进制工作簿（.xlsb），无法读取。请在 Excel 中另存为 .xlsx（Excel 工作簿）后再试。`,
        `${pkg.file} is a binary workbook (.xlsb) and cannot be read. Save it as .xlsx (Excel Workbook) in Excel and try again.`
      )
    );
  const rels = new Map((await readRels(pkg, part)).map((r) => [r.id, r]));
  const info: WorkbookInfo = { part, contentType, date1904: false, sheets: [], definedNames: [] };
  let name: { name: string; localSheetId?: number; value: string } | null = null;
  await parseSmall(pkg, part, {
    open: (n, a) => {
      if (n === "workbookPr") info.date1904 = a.date1904 === "1" || a.date1904 === "true";
      else if (n === "sheet") {
        const rid = Object.entries(a).find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1];
        const rel = rid ? rels.get(rid) : undefined;
        const type = rel?.type ?? "";
        info.sheets.push({
          name: a.name ?? "",
          part: rel ? resolveTarget(part, rel.target) : "",
          state: a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible",
          kind: type.endsWith("/worksheet")
            ? "worksheet"
            : type.endsWith("/chartsheet")
              ? "chartsheet"
              : "other",
        });
      } else if (n === "definedName") {
        name = { name: a.name ?? "", value: "" };
        if (a.localSheetId !== undefined) name.localSheetId = Number(a.localSheetId);
      }
    },
    text: (t) => {
      if (name) name.value += t;
    },
    close: (n) => {
      if (n === "definedName" && name) {
        info.definedNames.push(name);
        name = null;
      }
    },
  });
  return info;
}

/** The shared strings, in order; rich text as its plain text, phonetic runs left out, _xHHHH_ decoded. */
export async function readSharedStrings(pkg: Package, part: string | null): Promise<string[]> {
  const out: string[] = [];
  if (!part || !pkg.entry(part)) return out;
  let cur: string | null = null;
  let inT = false;
  let inPhonetic = 0;
  const p = parser(part);
  p.on("opentag", (t: SaxesTagPlain) => {
    const n = local(t.name);
    if (n === "si") {
      if (out.length >= LIMITS.sharedStrings)
        tooMany(part, LIMITS.sharedStrings, "个共享字符串", "shared strings");
      cur = "";
    } else if (n === "rPh") inPhonetic++;
    else if (n === "t" && inPhonetic === 0) inT = true;
  });
  p.on("text", (t: string) => {
    if (inT && cur !== null) cur += t;
  });
  p.on("closetag", (t: SaxesTagPlain) => {
    const n = local(t.name);
    if (n === "t") inT = false;
    else if (n === "rPh") inPhonetic--;
    else if (n === "si") {
      out.push(own(decodeXstring(cur ?? "")));
      cur = null;
    }
  });
  await textChunks(await pkg.stream(part, LIMITS.smallPart * 4), (t) => p.write(t));
  p.close();
  return out;
}

function tooMany(part: string, n: number, zh: string, en: string): never {
  throw new UsageError(
    L(
      `部件 ${part} 含有超过 ${n} ${zh}，已拒绝读取。`,
      `part ${part} holds more than ${n} ${en}; refused.`
    )
  );
}

export interface Styles {
  /** How cell style i shows a number: a date, a time or duration, or a number. */
  looks: NumberLook[];
}

export async function readStyles(pkg: Package, part: string | null): Promise<Styles> {
  const looks: NumberLook[] = [];
  if (!part || !pkg.entry(part)) return { looks };
  const codes = new Map<number, string>();
  const xfNumFmt: number[] = [];
  let inCellXfs = false;
  await parseSmall(pkg, part, {
    open: (n, a) => {
      if (n === "numFmt") codes.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (n === "cellXfs") inCellXfs = true;
      else if (n === "xf" && inCellXfs) {
        if (xfNumFmt.length >= LIMITS.styles)
          tooMany(part, LIMITS.styles, "个单元格样式", "cell styles");
        xfNumFmt.push(Number(a.numFmtId ?? 0));
      }
    },
    close: (n) => {
      if (n === "cellXfs") inCellXfs = false;
    },
  });
  for (const id of xfNumFmt) looks.push(styleLook(id, codes));
  return { looks };
}

/**
 * A string of its own: text cut from a parsed chunk would otherwise keep the whole chunk alive
 * (V8 slices refer to their parent), holding the whole part in memory.
 */
function own(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

/** "B7" → [row 6, col 1], fast (no regular expression per cell). */
export function cellRef(r: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < r.length; i++) {
    const ch = r.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) col = col * 26 + ch - 96;
    else if (ch !== 36) break;
  }
  const row = Number(r.slice(i).replace("$", ""));
  if (col === 0 || col > LIMITS.cols || !Number.isInteger(row) || row < 1 || row > LIMITS.rows)
    return null;
  return [row - 1, col - 1];
}

/** "A1:C3" (or "B2") → the area; null when it is not a reference. */
export function areaRef(ref: string): MergeArea | null {
  const [a, b = a] = ref.split(":");
  const p = cellRef(a);
  const q = cellRef(b);
  if (!p || !q) {
    // Whole columns (A:C) or rows (2:4).
    const c1 = columnIndex(a.replace(/\$/g, ""));
    const c2 = columnIndex(b.replace(/\$/g, ""));
    if (c1 !== null && c2 !== null) return { top: 0, left: c1, bottom: LIMITS.rows - 1, right: c2 };
    return null;
  }
  return { top: p[0], left: p[1], bottom: q[0], right: q[1] };
}

/** The whole number written from byte `at` to the closing quote (NaN for anything else). */
function digits(b: Buffer, at: number): number {
  let n = 0;
  let i = at;
  for (; b[i] >= 48 && b[i] <= 57; i++) n = n * 10 + b[i] - 48;
  return i > at && (b[i] === 34 || b[i] === 39) ? n : NaN;
}

/** A cell reference ("B7", "$B$7") written from byte `at` to the closing quote: [row, col], or null. */
function cellRefAt(b: Buffer, at: number): [number, number] | null {
  let col = 0;
  let i = at;
  for (; ; i++) {
    const ch = b[i];
    if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) col = col * 26 + ch - 96;
    else if (ch !== 36 /* $ */) break;
    if (col > LIMITS.cols) return null;
  }
  if (b[i] === 36) i++;
  const row = digits(b, i);
  if (col === 0 || !(row >= 1 && row <= LIMITS.rows)) return null;
  return [row - 1, col - 1];
}

/** The cell type t written from byte `at` ("s", "n", "str", "inlineStr" …) without decoding the common ones. */
function cellType(b: Buffer, at: number, scan: XmlScanner): string {
  const end = b.indexOf(b[at - 1], at);
  if (end === at + 1) {
    const ch = b[at];
    if (ch === 115) return "s";
    if (ch === 110) return "n";
    if (ch === 98) return "b";
    if (ch === 101) return "e";
    if (ch === 100) return "d";
  } else if (end === at + 3 && b[at] === 115 && b[at + 1] === 116 && b[at + 2] === 114)
    return "str";
  return scan.text(b, at, end);
}

export interface SheetReadOptions {
  strings: string[];
  styles: Styles;
  date1904: boolean;
  /** Stop after this many rows (finding tables and model sheets reads only the top). */
  maxRows?: number;
}

/** Reads one worksheet's cells into a grid (sparse: memory follows the cells, not the dimension). */
export async function readSheet(
  pkg: Package,
  entry: SheetEntry,
  o: SheetReadOptions
): Promise<ReadSheet> {
  const { part } = entry;
  const grid: Grid = [];
  const merges: MergeArea[] = [];
  const hiddenColumns: number[] = [];
  const occupied: MergeArea[] = [];
  const unreadable: UnreadableCell[] = [];
  const maxRows = o.maxRows ?? Infinity;
  let cells = 0;
  let row = -1;
  let col = -1;
  let type = "";
  let style = 0;
  let value: string | null = null;
  let formula = false;
  let inline: string | null = null;
  let capture: "v" | "t" | null = null;
  let inCell = false;
  let stop = false;

  const scan = new XmlScanner(
    {
      open: opened,
      text(b, start, end) {
        // Texts that recur are shared (cachedText); numbers and shared-string indexes are not.
        if (capture === "v")
          value += type === "str" ? scan.cachedText(b, start, end) : scan.text(b, start, end);
        else if (capture === "t") inline += scan.cachedText(b, start, end);
      },
      close: closed,
    },
    part
  );
  function opened(name: string, b: Buffer, start: number, end: number): void {
    const a = (n: string) => attributeAt(b, start, end, n, scan);
    switch (name) {
      case "row": {
        const v = attributeStart(b, start, end, "r");
        const r = v < 0 ? row + 1 : digits(b, v) - 1;
        if (!Number.isInteger(r) || r < 0 || r >= LIMITS.rows)
          throw new UsageError(
            L(`${part} 中的行号 ${a("r")} 无效`, `invalid row number ${a("r")} in ${part}`)
          );
        row = r;
        col = -1;
        if (row >= maxRows) stop = true;
        break;
      }
      case "c": {
        inCell = true;
        const v = attributeStart(b, start, end, "r");
        const ref = v < 0 ? [row, col + 1] : cellRefAt(b, v);
        if (!ref || ref[1] >= LIMITS.cols)
          throw new UsageError(
            L(`${part} 中的单元格地址 ${a("r")} 无效`, `invalid cell address ${a("r")} in ${part}`)
          );
        [row, col] = ref;
        const t = attributeStart(b, start, end, "t");
        type = t < 0 ? "n" : cellType(b, t, scan);
        const st = attributeStart(b, start, end, "s");
        style = st < 0 ? 0 : digits(b, st);
        value = null;
        inline = null;
        formula = false;
        break;
      }
      case "v":
        if (inCell) ((capture = "v"), (value = ""));
        break;
      case "f":
        if (inCell) formula = true;
        break;
      case "is":
        inline = "";
        break;
      case "t":
        if (inline !== null) capture = "t";
        break;
      case "rPh":
        capture = null;
        break;
      case "col": {
        const hidden = a("hidden");
        if (hidden === "1" || hidden === "true") {
          const max = Math.min(Number(a("max")), LIMITS.cols);
          for (let c = Number(a("min")); c <= max; c++) hiddenColumns.push(c - 1);
        }
        break;
      }
      case "mergeCell": {
        const m = areaRef(a("ref") ?? "");
        if (m) merges.push(m);
        break;
      }
      case "dataValidation":
        for (const ref of (a("sqref") ?? "").split(/\s+/)) {
          const m = areaRef(ref);
          if (m) occupied.push(m);
        }
        break;
    }
  }
  function closed(n: string): void {
    if (n === "v" || n === "t") capture = null;
    else if (n === "c") {
      inCell = false;
      const v = cellValue();
      if (v === undefined) return;
      if (++cells > LIMITS.cells)
        throw new UsageError(
          L(
            `工作表「${entry.name}」有超过 ${LIMITS.cells} 个单元格，超出本工具的处理上限。`,
            `sheet "${entry.name}" holds more than ${LIMITS.cells} cells, more than this tool handles.`
          )
        );
      (grid[row] ??= [])[col] = v;
    }
  }

  /** The cell just closed: its value (an error as its text, a formula without a result as "="), undefined for an empty cell. */
  function cellValue(): CellValue | undefined {
    const at = { top: row, left: col, bottom: row, right: col };
    if (type === "inlineStr" || (inline !== null && value === null))
      return decodeXstring(inline ?? "");
    if (value === null) {
      if (!formula) return undefined;
      occupied.push(at);
      unreadable.push({ row, col, why: "formula" });
      // As the other hosts pass it (engine/cells.ts): a formula without its result is unreadable, never blank.
      return "=";
    }
    switch (type) {
      case "s": {
        // An empty <v/> names no shared string (LibreOffice reads the cell blank), not string 0.
        if (value.trim() === "") return "";
        const s = o.strings[Number(value)];
        if (s === undefined)
          throw new UsageError(
            L(
              `${pkg.file} 工作表「${entry.name}」的单元格 ${cellAddress(row, col)} 引用了不存在的共享字符串 ${value}（部件 ${part}）`,
              `cell ${cellAddress(row, col)} of sheet "${entry.name}" in ${pkg.file} refers to shared string ${value}, which does not exist (part ${part})`
            )
          );
        return s;
      }
      case "str":
        return decodeXstring(value);
      case "b":
        return value === "1" || value === "true";
      case "e":
        occupied.push(at);
        unreadable.push({ row, col, why: "error", text: value });
        return value;
      case "d":
        return value.length >= 10 ? value.slice(0, 10) : value;
      default: {
        const x = Number(value);
        if (value.trim() === "" || !Number.isFinite(x)) return value;
        const look = o.styles.looks[style];
        if (look === "date") {
          unreadable.push({ row, col, why: "date", text: serialDate(x, o.date1904) ?? value });
          return serialDate(x, o.date1904) ?? x;
        }
        return look ? (timeText(x, look) ?? x) : x;
      }
    }
  }

  const bytes = await pkg.stream(part, LIMITS.sheetPart);
  try {
    for await (const chunk of bytes) {
      scan.write(chunk as Buffer);
      if (stop) break;
    }
  } finally {
    bytes.destroy();
  }
  if (!stop) scan.end();

  for (const c of await commentCells(pkg, part)) occupied.push(c);
  return { name: entry.name, part, grid, merges, hiddenColumns, occupied, unreadable };
}

/** Cells with a note or a threaded comment (from the sheet's comment parts). */
async function commentCells(pkg: Package, sheetPart: string): Promise<MergeArea[]> {
  const out: MergeArea[] = [];
  for (const r of await readRels(pkg, sheetPart)) {
    if (r.external || !/\/(comments|threadedComment)$/.test(r.type)) continue;
    const part = resolveTarget(sheetPart, r.target);
    if (!pkg.entry(part)) continue;
    await parseSmall(pkg, part, {
      open: (n, a) => {
        if ((n === "comment" || n === "threadedComment") && a.ref) {
          const m = areaRef(a.ref);
          if (m) out.push(m);
        }
      },
    });
  }
  return out;
}
