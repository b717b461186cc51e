/* global Blob, BlobPart, DecompressionStream, Response, TextDecoder */
/**
 * A small .xlsx reader for the browser preview: unzips with DecompressionStream and scans the parts'
 * XML as text (DOMParser built a DOM of every cell: about 13 s for a sheet of 10 000 rows × 42
 * columns under load). It needs no DOM, so it is tested in Node against the CLI's reader. It reads
 * values only (shared and inline strings, numbers, booleans,
 * formula results), merges and hidden columns — enough to hand a grid to the workbook layer without
 * shipping a full spreadsheet library in the pane bundle.
 */
import type { CellValue } from "../engine/types";
import { MAX_COLUMNS, MAX_ROWS } from "../workbook/a1";
import type { NumberLook } from "../workbook/dates";
import { serialDate, styleLook, timeText } from "../workbook/dates";
import { decodeXstring, utf16Of } from "../workbook/ooxml-text";

export interface XlsxMerge {
  /** 0-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface XlsxSheet {
  name: string;
  hidden: boolean;
  /** Rows from row 1 and columns from column A, trailing empties trimmed. */
  grid: CellValue[][];
  /** 0-based indexes of hidden columns. */
  hiddenColumns: number[];
  merges: XlsxMerge[];
}

interface ZipEntry {
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** A file the preview cannot read, said in both languages (the message carries both, Chinese first). */
export class XlsxReadError extends Error {
  constructor(readonly text: { zh: string; en: string }) {
    super(`${text.zh} / ${text.en}`);
  }
}

function u16(view: DataView, at: number): number {
  return view.getUint16(at, true);
}
function u32(view: DataView, at: number): number {
  return view.getUint32(at, true);
}

function zipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65535 bytes (comment).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (u32(view, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw new XlsxReadError({
      zh: "不是 zip 压缩包（.xlsx）：缺少中央目录结尾记录",
      en: "not a zip archive (.xlsx): end of central directory missing",
    });
  const count = u16(view, eocd + 10);
  let at = u32(view, eocd + 16);
  const names = new TextDecoder();
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(view, at) !== 0x02014b50) {
      throw new XlsxReadError({
        zh: `zip 中央目录在第 ${i + 1} 项处损坏`,
        en: `corrupt zip central directory at entry ${i + 1}`,
      });
    }
    const nameLength = u16(view, at + 28);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // Part names are case-insensitive (ECMA-376 Part 2 §9.1.1.1).
    entries.set(name.toLowerCase(), {
      method: u16(view, at + 10),
      compressedSize: u32(view, at + 20),
      localOffset: u32(view, at + 42),
    });
    at += 46 + nameLength + u16(view, at + 30) + u16(view, at + 32);
  }
  return entries;
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function entryText(bytes: Uint8Array, entry: ZipEntry, name: string): Promise<string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (u32(view, at) !== 0x04034b50)
    throw new XlsxReadError({ zh: `zip 条目 ${name} 已损坏`, en: `corrupt zip entry ${name}` });
  const start = at + 30 + u16(view, at + 26) + u16(view, at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  let raw: Uint8Array;
  if (entry.method === 0) raw = data;
  else if (entry.method === 8) raw = await inflate(data);
  else
    throw new XlsxReadError({
      zh: `zip 条目 ${name} 使用了不支持的压缩方式 ${entry.method}`,
      en: `zip entry ${name} uses unsupported compression method ${entry.method}`,
    });
  // XML parts may be UTF-16 (with its byte-order mark); UTF-8's mark is dropped by the decoder.
  return new TextDecoder(utf16Of(raw) ?? "utf-8").decode(raw);
}

/** Text of XML character data: the five predefined entities and character references decoded. */
function unescapeXml(t: string): string {
  if (t.indexOf("&") < 0) return t;
  return t.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] !== "#") return ENTITIES[e];
    const n = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return n <= 0x10ffff ? String.fromCodePoint(n) : "";
  });
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** A cell's text from its element's raw content: line ends normalized (XML 1.0 §2.11, before character references are decoded), entities (outside CDATA) and _xHHHH_ decoded. */
function cellText(raw: string): string {
  const lines = raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n");
  // A CDATA section's text is literal.
  const text =
    lines.indexOf("<![CDATA[") < 0
      ? unescapeXml(lines)
      : lines
          .split(/<!\[CDATA\[([\s\S]*?)\]\]>/)
          .map((part, i) => (i % 2 === 1 ? part : unescapeXml(part)))
          .join("");
  return decodeXstring(text);
}

/** An attribute's value in a start tag's attribute text (either quote). */
function attr(attrs: string, name: string): string | null {
  let re = ATTRIBUTES.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRIBUTES.set(name, re);
  }
  const m = re.exec(attrs);
  return m ? unescapeXml(m[1] ?? m[2]) : null;
}

const ATTRIBUTES = new Map<string, RegExp>();

// Tags with any namespace prefix (some writers use x:c, x:row).
const PHONETIC = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g;
const TEXT_RUN = /<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g;
const VALUE = /<(?:[\w.-]+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?v>)/;
const INLINE = /<(?:[\w.-]+:)?is\b/;
const STRING_ITEM = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
const ROW_OR_CELL = /<([\w.-]+:)?(row|c)\b([^>]*?)(\/?)>/g;
const HIDDEN_COL = /<(?:[\w.-]+:)?col\b([^>]*?)\/?>/g;
const MERGE = /<(?:[\w.-]+:)?mergeCell\b([^>]*?)\/?>/g;
const FORMULA = /<(?:[\w.-]+:)?f\b/;
const NUM_FMT = /<(?:[\w.-]+:)?numFmt\b([^>]*?)\/?>/g;
const CELL_XFS = /<(?:[\w.-]+:)?cellXfs\b[\s\S]*?<\/(?:[\w.-]+:)?cellXfs>/;
const XF = /<(?:[\w.-]+:)?xf\b([^>]*?)\/?>/g;
const SHEET = /<(?:[\w.-]+:)?sheet\b([^>]*?)\/?>/g;
const RELATIONSHIP = /<(?:[\w.-]+:)?Relationship\b([^>]*?)\/?>/g;

/** Text of a rich or plain string item's XML, leaving out phonetic runs (rPh). */
function stringItemText(xml: string): string {
  let out = "";
  for (const m of xml.replace(PHONETIC, "").matchAll(TEXT_RUN)) out += m[1] ?? "";
  return cellText(out);
}

/** "BC12" → { row: 11, col: 54 } (0-based). */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (col > MAX_COLUMNS || row < 1 || row > MAX_ROWS) return null;
  return { row: row - 1, col: col - 1 };
}

/** A relationship's target as a part name, from the folder (e.g. "xl/") of the part whose rels hold it. */
function resolveTarget(folder: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = (folder + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== ".") out.push(p);
  }
  return out.join("/");
}

/** How cells are shown: how each style shows a number, and the workbook's date system. */
interface Looks {
  numbers: NumberLook[];
  date1904: boolean;
}

/** How each cell style (cellXfs, by index) shows a number, from styles.xml. */
function numberLooks(stylesXml: string | null): NumberLook[] {
  if (!stylesXml) return [];
  const codes = new Map<number, string>();
  for (const [, attrs] of stylesXml.matchAll(NUM_FMT))
    codes.set(Number(attr(attrs, "numFmtId")), attr(attrs, "formatCode") ?? "");
  const xfs = CELL_XFS.exec(stylesXml)?.[0] ?? "";
  return Array.from(xfs.matchAll(XF), ([, attrs]) =>
    styleLook(Number(attr(attrs, "numFmtId") ?? 0), codes)
  );
}

/**
 * One cell's value as the CLI's reader gives it: a date-styled number as its ISO date, a time- or
 * duration-styled one as the text Excel shows, a formula
 * without a stored result as "=" (both unreadable where an amount is expected), an error as its text.
 */
function readCell(
  type: string,
  style: number,
  content: string,
  shared: string[],
  looks: Looks
): CellValue {
  if (type === "inlineStr") {
    const at = content.search(INLINE);
    return at < 0 ? null : stringItemText(content.slice(at));
  }
  const m = VALUE.exec(content);
  if (!m || m[1] === undefined) return FORMULA.test(content) ? "=" : null;
  const v = unescapeXml(m[1]);
  switch (type) {
    case "s": {
      const s = shared[Number(v)];
      return s === undefined ? null : s;
    }
    case "b":
      return v === "1" || v === "true";
    case "str":
      return cellText(m[1]);
    case "e":
      return v;
    case "d":
      return v.length >= 10 ? v.slice(0, 10) : v;
    default: {
      const n = Number(v);
      if (v.trim() === "" || !Number.isFinite(n)) return v;
      const look = looks.numbers[style];
      if (look === "date") return serialDate(n, looks.date1904) ?? n;
      return look ? (timeText(n, look) ?? n) : n;
    }
  }
}

function readSheet(
  xml: string,
  name: string,
  hidden: boolean,
  shared: string[],
  looks: Looks
): XlsxSheet {
  const grid: CellValue[][] = [];
  let rowNumber = 0;
  let nextCol = 0;
  const tags = new RegExp(ROW_OR_CELL.source, "g");
  for (let m = tags.exec(xml); m; m = tags.exec(xml)) {
    const [, prefix = "", tag, attrs, selfClosing] = m;
    if (tag === "row") {
      rowNumber = Number(attr(attrs, "r") ?? rowNumber + 1);
      nextCol = 0;
      continue;
    }
    let content = "";
    if (!selfClosing) {
      const close = `</${prefix}c>`;
      const end = xml.indexOf(close, tags.lastIndex);
      if (end < 0)
        throw new XlsxReadError({
          zh: `${name}：有单元格没有结束标记`,
          en: `${name}: a cell is not closed`,
        });
      content = xml.slice(tags.lastIndex, end);
      tags.lastIndex = end + close.length;
    }
    const ref = parseCellRef(attr(attrs, "r") ?? "");
    const r = ref ? ref.row : rowNumber - 1;
    const col = ref ? ref.col : nextCol;
    nextCol = col + 1;
    if (!(r >= 0 && r < MAX_ROWS)) continue;
    const style = Number(attr(attrs, "s") ?? 0);
    const value = readCell(attr(attrs, "t") ?? "n", style, content, shared, looks);
    if (value === null || value === "") continue;
    while (grid.length <= r) grid.push([]);
    const line = grid[r];
    while (line.length < col) line.push(null);
    line[col] = value;
  }
  const width = grid.reduce((w, line) => Math.max(w, line.length), 0);
  for (const line of grid) while (line.length < width) line.push(null);

  const hiddenColumns: number[] = [];
  for (const [, attrs] of xml.matchAll(HIDDEN_COL)) {
    const flag = attr(attrs, "hidden");
    if (flag !== "1" && flag !== "true") continue;
    const min = Number(attr(attrs, "min"));
    const max = Math.min(Number(attr(attrs, "max")), Math.max(width, min));
    for (let i = min; i <= max; i++) hiddenColumns.push(i - 1);
  }
  const merges: XlsxMerge[] = [];
  for (const [, attrs] of xml.matchAll(MERGE)) {
    const [a, b] = (attr(attrs, "ref") ?? "").split(":");
    const from = parseCellRef(a ?? "");
    const to = parseCellRef(b ?? a ?? "");
    if (from && to) merges.push({ top: from.row, left: from.col, bottom: to.row, right: to.col });
  }
  return { name, hidden, grid, hiddenColumns, merges };
}

/** All worksheets of an .xlsx file, in workbook order. Throws XlsxReadError on a file it cannot read. */
export async function readXlsx(data: ArrayBuffer | Uint8Array): Promise<XlsxSheet[]> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const zip = zipDirectory(bytes);
  const text = async (name: string): Promise<string | null> => {
    const entry = zip.get(name.toLowerCase());
    return entry ? entryText(bytes, entry, name) : null;
  };
  /** A part's relationships: id → { type, target part }. */
  const relsOf = async (part: string) => {
    const folder = part.slice(0, part.lastIndexOf("/") + 1);
    const xml = await text(`${folder}_rels/${part.slice(folder.length)}.rels`);
    const out = new Map<string, { type: string; part: string }>();
    for (const [, attrs] of xml?.matchAll(RELATIONSHIP) ?? [])
      out.set(attr(attrs, "Id") ?? "", {
        type: attr(attrs, "Type") ?? "",
        part: resolveTarget(folder, attr(attrs, "Target") ?? ""),
      });
    return out;
  };
  const ofType = (rels: Map<string, { type: string; part: string }>, type: string) =>
    [...rels.values()].find((r) => r.type.endsWith(type))?.part;
  // The workbook part is wherever the package's officeDocument relationship says (xl/workbook.xml by custom).
  const workbookPart = ofType(await relsOf(""), "/officeDocument") ?? "xl/workbook.xml";
  const workbookXml = await text(workbookPart);
  if (workbookXml === null)
    throw new XlsxReadError({
      zh: `不是 Excel 工作簿：缺少 ${workbookPart}`,
      en: `not an Excel workbook: ${workbookPart} missing`,
    });
  const rels = await relsOf(workbookPart);
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  const sharedXml = await text(ofType(rels, "/sharedStrings") ?? `${folder}sharedStrings.xml`);
  const shared = sharedXml
    ? Array.from(sharedXml.matchAll(STRING_ITEM), (m) => stringItemText(m[1] ?? ""))
    : [];

  const sheets: XlsxSheet[] = [];
  const pr = /<(?:[\w.-]+:)?workbookPr\b([^>]*?)\/?>/.exec(workbookXml);
  const date1904 = pr !== null && /^(1|true)$/.test(attr(pr[1], "date1904") ?? "");
  const looks: Looks = {
    numbers: numberLooks(await text(ofType(rels, "/styles") ?? `${folder}styles.xml`)),
    date1904,
  };
  const sheetTags = Array.from(workbookXml.matchAll(SHEET), (m) => m[1]);
  for (let i = 0; i < sheetTags.length; i++) {
    const attrs = sheetTags[i];
    const name = attr(attrs, "name") ?? `Sheet${i + 1}`;
    // The relationship id: r:id, whatever prefix the writer bound to the relationships namespace.
    const rid = /(?:^|\s)[\w.-]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attrs);
    const path =
      rels.get(rid ? (rid[1] ?? rid[2]) : "")?.part ?? `${folder}worksheets/sheet${i + 1}.xml`;
    const xml = await text(path);
    // Chart sheets and dialog sheets have no grid.
    if (xml === null || !/<(?:[\w.-]+:)?worksheet\b/.test(xml)) continue;
    const state = attr(attrs, "state") ?? "visible";
    sheets.push(readSheet(xml, name, state !== "visible", shared, looks));
  }
  if (sheets.length === 0)
    throw new XlsxReadError({ zh: "工作簿中没有工作表", en: "the workbook has no worksheet" });
  return sheets;
}
