/* global Blob, BlobPart, DecompressionStream, Document, DOMParser, Element, Response, TextDecoder */
/**
 * A small .xlsx reader for the browser preview: unzips with DecompressionStream and parses the
 * sheet XML with DOMParser. It reads values only (shared and inline strings, numbers, booleans,
 * formula results), merges and hidden columns — enough to hand a grid to the workbook layer without
 * shipping a full spreadsheet library in the pane bundle.
 */
import type { CellValue } from "../engine/types";

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

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export class XlsxReadError extends Error {}

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
    throw new XlsxReadError("not a zip archive (.xlsx): end of central directory missing");
  const count = u16(view, eocd + 10);
  let at = u32(view, eocd + 16);
  const names = new TextDecoder();
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(view, at) !== 0x02014b50) {
      throw new XlsxReadError(`corrupt zip central directory at entry ${i + 1}`);
    }
    const nameLength = u16(view, at + 28);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
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
  if (u32(view, at) !== 0x04034b50) throw new XlsxReadError(`corrupt zip entry ${name}`);
  const start = at + 30 + u16(view, at + 26) + u16(view, at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  let raw: Uint8Array;
  if (entry.method === 0) raw = data;
  else if (entry.method === 8) raw = await inflate(data);
  else
    throw new XlsxReadError(
      `zip entry ${name} uses unsupported compression method ${entry.method}`
    );
  return new TextDecoder().decode(raw);
}

function parseXml(text: string, name: string): Document {
  const doc = new DOMParser().parseFromString(text, "application/xml");
  if (doc.getElementsByTagName("parsererror").length > 0)
    throw new XlsxReadError(`${name} is not well-formed XML`);
  return doc;
}

function byTag(node: Document | Element, tag: string): Element[] {
  return Array.from(node.getElementsByTagNameNS("*", tag));
}

function childrenByTag(node: Element, tag: string): Element[] {
  return Array.from(node.children).filter((c) => c.localName === tag);
}

/** Text of a rich or plain string item, leaving out phonetic runs (rPh). */
function stringItemText(si: Element): string {
  const direct = childrenByTag(si, "t");
  if (direct.length > 0) return direct[0].textContent ?? "";
  return childrenByTag(si, "r")
    .map((r) => childrenByTag(r, "t")[0]?.textContent ?? "")
    .join("");
}

/** "BC12" → { row: 11, col: 54 } (0-based). */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (col > MAX_COLS || row < 1 || row > MAX_ROWS) return null;
  return { row: row - 1, col: col - 1 };
}

function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ("xl/" + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== ".") out.push(p);
  }
  return out.join("/");
}

function readCell(c: Element, shared: string[]): CellValue {
  const type = c.getAttribute("t") ?? "n";
  if (type === "inlineStr") {
    const is = childrenByTag(c, "is")[0];
    return is ? stringItemText(is) : null;
  }
  const v = childrenByTag(c, "v")[0]?.textContent;
  if (v === undefined || v === null) return null;
  switch (type) {
    case "s": {
      const s = shared[Number(v)];
      return s === undefined ? null : s;
    }
    case "b":
      return v === "1";
    case "str":
    case "e":
      return v;
    default: {
      const n = Number(v);
      return Number.isFinite(n) ? n : v;
    }
  }
}

function readSheet(doc: Document, name: string, hidden: boolean, shared: string[]): XlsxSheet {
  const grid: CellValue[][] = [];
  for (const row of byTag(doc, "row")) {
    const rowNumber = Number(row.getAttribute("r"));
    let nextCol = 0;
    for (const c of childrenByTag(row, "c")) {
      const ref = parseCellRef(c.getAttribute("r") ?? "");
      const r = ref ? ref.row : rowNumber - 1;
      const col = ref ? ref.col : nextCol;
      nextCol = col + 1;
      if (!(r >= 0 && r < MAX_ROWS)) continue;
      const value = readCell(c, shared);
      if (value === null || value === "") continue;
      while (grid.length <= r) grid.push([]);
      const line = grid[r];
      while (line.length < col) line.push(null);
      line[col] = value;
    }
  }
  const width = grid.reduce((w, line) => Math.max(w, line.length), 0);
  for (const line of grid) while (line.length < width) line.push(null);

  const hiddenColumns: number[] = [];
  for (const col of byTag(doc, "col")) {
    if (col.getAttribute("hidden") !== "1" && col.getAttribute("hidden") !== "true") continue;
    const min = Number(col.getAttribute("min"));
    const max = Math.min(Number(col.getAttribute("max")), Math.max(width, min));
    for (let i = min; i <= max; i++) hiddenColumns.push(i - 1);
  }
  const merges: XlsxMerge[] = [];
  for (const m of byTag(doc, "mergeCell")) {
    const [a, b] = (m.getAttribute("ref") ?? "").split(":");
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
    const entry = zip.get(name);
    return entry ? entryText(bytes, entry, name) : null;
  };
  const workbookXml = await text("xl/workbook.xml");
  if (workbookXml === null)
    throw new XlsxReadError("not an Excel workbook: xl/workbook.xml missing");
  const relsXml = await text("xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  if (relsXml) {
    for (const rel of byTag(parseXml(relsXml, "workbook.xml.rels"), "Relationship")) {
      targets.set(rel.getAttribute("Id") ?? "", resolveTarget(rel.getAttribute("Target") ?? ""));
    }
  }
  const sharedXml = await text("xl/sharedStrings.xml");
  const shared = sharedXml
    ? byTag(parseXml(sharedXml, "sharedStrings.xml"), "si").map(stringItemText)
    : [];

  const sheets: XlsxSheet[] = [];
  const sheetNodes = byTag(parseXml(workbookXml, "workbook.xml"), "sheet");
  for (let i = 0; i < sheetNodes.length; i++) {
    const node = sheetNodes[i];
    const name = node.getAttribute("name") ?? `Sheet${i + 1}`;
    const rid =
      node.getAttributeNS(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "id"
      ) ??
      node.getAttribute("r:id") ??
      "";
    const path = targets.get(rid) ?? `xl/worksheets/sheet${i + 1}.xml`;
    const xml = await text(path);
    if (xml === null) continue; // chart sheets and dialog sheets have no grid
    sheets.push(
      readSheet(
        parseXml(xml, path),
        name,
        (node.getAttribute("state") ?? "visible") !== "visible",
        shared
      )
    );
  }
  if (sheets.length === 0) throw new XlsxReadError("the workbook has no worksheet");
  return sheets;
}
