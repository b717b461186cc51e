/**
 * Writing results into an .xlsx package by patching it: the target sheet's XML is streamed through
 * and our cells are inserted into their rows in order (rows we need that do not exist are inserted
 * between the others); every other byte of that sheet stays as it was. A new result sheet is a new
 * part, with its relationship, content type and workbook entry added.
 */
import { Buffer } from "buffer";
import { Readable } from "stream";
import { StringDecoder } from "string_decoder";
import type { CellValue } from "../engine/types";
import { cellAddress, columnLetters } from "../workbook/a1";
import { L, UsageError } from "./errors";
import { areaRef } from "./ooxml-read";
import { attribute } from "./xml-scan";

/** One cell to write: its value (null: remove our earlier cell there, if any) and cell style. */
export interface OutCell {
  col: number;
  value: CellValue;
  style: number;
}

/** The cells to write, row by row (0-based rows in increasing order; cells by increasing column). */
export interface OutRows {
  rows: number[];
  cells(row: number): OutCell[];
}

// Characters XML 1.0 cannot hold (C0 controls but tab, LF, CR; U+FFFE/FFFF) are dropped.
// eslint-disable-next-line no-control-regex
const XML_UNSAFE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Escapes text for XML content or a quoted attribute; characters XML cannot hold are dropped. */
export function escapeXml(s: string): string {
  return s.replace(XML_UNSAFE, (ch) =>
    ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : ch === '"' ? "&quot;" : ""
  );
}

/** Text of XML content or an attribute value: the five named entities and character references. */
export function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_all, e: string) =>
    e === "amp"
      ? "&"
      : e === "lt"
        ? "<"
        : e === "gt"
          ? ">"
          : e === "quot"
            ? '"'
            : e === "apos"
              ? "'"
              : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
  );
}

/** A cell element: numbers and booleans as values, text as an inline string (no shared-string change). */
export function cellXml(p: string, row: number, c: OutCell): string {
  const r = `${columnLetters(c.col)}${row + 1}`;
  const s = c.style ? ` s="${c.style}"` : "";
  const v = c.value;
  if (typeof v === "number")
    return Number.isFinite(v)
      ? `<${p}c r="${r}"${s}><${p}v>${v}</${p}v></${p}c>`
      : `<${p}c r="${r}"${s}/>`;
  if (typeof v === "boolean")
    return `<${p}c r="${r}"${s} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  if (v === null) return `<${p}c r="${r}"${s}/>`;
  const space = /^\s|\s$/.test(v) ? ' xml:space="preserve"' : "";
  return `<${p}c r="${r}"${s} t="inlineStr"><${p}is><${p}t${space}>${escapeXml(v)}</${p}t></${p}is></${p}c>`;
}

/** Index of the `>` ending the tag that starts at `from`, outside quoted attribute values; -1 if not in `s`. */
function tagEnd(s: string, from: number): number {
  let quote = 0;
  for (let i = from; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === 34 || ch === 39) quote = ch;
    else if (ch === 62) return i;
  }
  return -1;
}

/** Column (0-based) of a cell reference such as "AB12". */
function refColumn(r: string): number {
  let col = 0;
  for (let i = 0; i < r.length; i++) {
    const ch = r.charCodeAt(i) | 32;
    if (ch < 97 || ch > 122) break;
    col = col * 26 + ch - 96;
  }
  return col - 1;
}

export interface PatchContext {
  /** Cell styles that are ours: such cells may be replaced or removed. */
  ours: Set<number>;
  /**
   * Cells that are ours by position: our marked columns within the table's rows (for files saved
   * by a tool that dropped our named style).
   */
  ownArea?: { cols: Set<number>; top: number; bottom: number };
  /** Filled with cells in the way that the plan did not foresee (then nothing is written). */
  conflicts: string[];
  sheetName: string;
  /** Edits around the cells: the part before <sheetData>, and the part from </sheetData> on. */
  around?: SheetEdits;
}

/** Edits of a sheet's head and tail; `p` is the document's element prefix. */
export interface SheetEdits {
  head(head: string, p: string): string;
  tail(tail: string, p: string): string;
}

/**
 * Streams a worksheet's XML with our cells merged in. Existing cells at our positions are replaced
 * only when ours or empty; a user's cell there is kept and reported in `ctx.conflicts`.
 */
export async function* patchSheet(
  input: AsyncIterable<Buffer>,
  out: OutRows,
  ctx: PatchContext
): AsyncGenerator<string> {
  const dec = new StringDecoder("utf8");
  let buf = "";
  let pos = 0;
  let state: "head" | "rows" | "tail" = "head";
  let p = "";
  let next = 0; // index into out.rows
  let lastRow = -1;
  let maxRow = -1;
  let maxCol = -1;
  let tail = "";
  for (const r of out.rows)
    for (const c of out.cells(r))
      if (c.value !== null) {
        maxRow = r;
        maxCol = Math.max(maxCol, c.col);
      }

  /** New rows for ours before sheet row `before` (exclusive). */
  function newRowsBefore(before: number): string {
    let s = "";
    while (next < out.rows.length && out.rows[next] < before) {
      const r = out.rows[next++];
      const cells = out.cells(r).filter((c) => c.value !== null);
      if (cells.length > 0)
        s += `<${p}row r="${r + 1}">${cells.map((c) => cellXml(p, r, c)).join("")}</${p}row>`;
    }
    return s;
  }

  function mergeRow(rowXml: string, r: number): string {
    if (next >= out.rows.length || out.rows[next] !== r) return rowXml;
    next++;
    const mine = out.cells(r);
    const startEnd = tagEnd(rowXml, 0);
    let head = rowXml.slice(0, startEnd + 1);
    // spans is an optional hint that our cells would contradict.
    head = head.replace(/\sspans\s*=\s*"[^"]*"/, "");
    const selfClosing = head.endsWith("/>");
    if (selfClosing) head = head.slice(0, -2) + ">";
    const close = `</${p}row>`;
    const body = selfClosing ? "" : rowXml.slice(startEnd + 1, rowXml.length - close.length);
    let result = head;
    const cellOpen = `<${p}c`;
    const appended = appendAfterLast(body, cellOpen, mine, r);
    if (appended !== null) return head + appended + close;
    let k = 0;
    let i = 0;
    let col = -1;
    while (i < body.length) {
      const lt = body.indexOf("<", i);
      if (lt < 0) {
        result += body.slice(i);
        break;
      }
      const isCell =
        body.startsWith(cellOpen, lt) && /[\s/>]/.test(body[lt + cellOpen.length] ?? "");
      if (!isCell) {
        // Text, comments or an extLst after the cells: ours go before anything that is not a cell.
        if (!body.startsWith("<!--", lt)) {
          for (; k < mine.length; k++) if (mine[k].value !== null) result += cellXml(p, r, mine[k]);
        }
        result += body.slice(i);
        break;
      }
      result += body.slice(i, lt);
      const te = tagEnd(body, lt);
      const tag = body.slice(lt, te + 1);
      const end = tag.endsWith("/>") ? te + 1 : body.indexOf(`</${p}c>`, te) + `</${p}c>`.length;
      const cell = body.slice(lt, end);
      const ref = attribute(tag, "r");
      col = ref !== undefined ? refColumn(ref) : col + 1;
      for (; k < mine.length && mine[k].col < col; k++)
        if (mine[k].value !== null) result += cellXml(p, r, mine[k]);
      if (k < mine.length && mine[k].col === col) {
        const m = mine[k++];
        const style = Number(attribute(tag, "s") ?? 0);
        const empty = !/<([\w.-]+:)?(v|f|is)[\s>/]/.test(cell.slice(tag.length));
        const area = ctx.ownArea;
        const placed =
          area !== undefined && area.cols.has(col) && r >= area.top && r <= area.bottom;
        if (ctx.ours.has(style) || empty || placed) {
          if (m.value !== null) result += cellXml(p, r, m);
        } else {
          if (m.value !== null) ctx.conflicts.push(cellAddress(r, col));
          result += cell;
        }
      } else result += cell;
      i = end;
    }
    for (; k < mine.length; k++) if (mine[k].value !== null) result += cellXml(p, r, mine[k]);
    return result + close;
  }

  /**
   * The row's cells with ours after them, when its last cell lies left of our first: cells are in
   * column order (ECMA-376 18.3.1.4), so no other cell needs reading (the usual case: result columns
   * right of the table). Null when the row must be merged cell by cell.
   */
  function appendAfterLast(
    body: string,
    cellOpen: string,
    mine: OutCell[],
    row: number
  ): string | null {
    if (mine.length === 0) return null;
    let at = body.lastIndexOf(cellOpen);
    while (at >= 0 && !/[\s/>]/.test(body[at + cellOpen.length] ?? ""))
      at = body.lastIndexOf(cellOpen, at - 1);
    if (at < 0) return null;
    const te = tagEnd(body, at);
    if (te < 0) return null;
    const ref = attribute(body.slice(at, te + 1), "r");
    if (ref === undefined || refColumn(ref) >= mine[0].col) return null;
    const end = body[te - 1] === "/" ? te + 1 : body.indexOf(`</${p}c>`, te) + `</${p}c>`.length;
    if (end < te) return null;
    let ours = "";
    for (const m of mine) if (m.value !== null) ours += cellXml(p, row, m);
    return body.slice(0, end) + ours + body.slice(end);
  }

  function patchHead(head: string): string {
    p = /<([A-Za-z_][\w.-]*:)?worksheet[\s>]/.exec(head)?.[1] ?? "";
    if (maxRow < 0 || maxCol < 0) return head;
    return head.replace(
      new RegExp(`(<${p}dimension\\s[^>]*ref=")([^"]*)(")`),
      (_all, a: string, ref: string, b: string) => {
        const area = areaRef(ref);
        if (!area) return _all;
        const bottom = Math.max(area.bottom, maxRow);
        const right = Math.max(area.right, maxCol);
        return `${a}${cellAddress(area.top, area.left)}:${cellAddress(bottom, right)}${b}`;
      }
    );
  }

  const chunks = async function* () {
    for await (const d of input) yield dec.write(d);
    yield dec.end();
  };
  for await (const text of chunks()) {
    buf = buf.slice(pos) + text;
    pos = 0;
    if (state === "head") {
      if (buf.length === 0) continue;
      if (!p) p = /<([A-Za-z_][\w.-]*:)?worksheet[\s>]/.exec(buf)?.[1] ?? "";
      const m = new RegExp(`<${p}sheetData(\\s[^>]*)?(/?)>`).exec(buf);
      if (!m) continue;
      let head = patchHead(buf.slice(0, m.index).replace(/^\uFEFF/, ""));
      if (ctx.around) head = ctx.around.head(head, p);
      pos = m.index + m[0].length;
      if (m[2] === "/") {
        yield `${head}<${p}sheetData>${newRowsBefore(Infinity)}</${p}sheetData>`;
        state = "tail";
      } else {
        yield head + m[0];
        state = "rows";
      }
    }
    if (state === "rows") {
      let outText = "";
      const rowOpen = `<${p}row`;
      const rowClose = `</${p}row>`;
      const dataClose = `</${p}sheetData`;
      for (;;) {
        const lt = buf.indexOf("<", pos);
        if (lt < 0) {
          outText += buf.slice(pos);
          pos = buf.length;
          break;
        }
        outText += buf.slice(pos, lt);
        pos = lt;
        // A tag name cut off at the chunk's end: wait for the rest.
        if (buf.length - lt <= dataClose.length) break;
        if (buf.startsWith(dataClose, lt)) {
          outText += newRowsBefore(Infinity);
          state = "tail";
          break;
        }
        if (buf.startsWith("<!--", lt)) {
          const e = buf.indexOf("-->", lt);
          if (e < 0) break;
          outText += buf.slice(lt, e + 3);
          pos = e + 3;
          continue;
        }
        if (!buf.startsWith(rowOpen, lt) || !/[\s/>]/.test(buf[lt + rowOpen.length] ?? "")) {
          throw new UsageError(
            L(
              `工作表「${ctx.sheetName}」的 XML 在 sheetData 中有意外内容，无法写入结果。`,
              `the XML of sheet "${ctx.sheetName}" holds unexpected content in sheetData; results cannot be written.`
            )
          );
        }
        const te = tagEnd(buf, lt);
        if (te < 0) break;
        let end: number;
        if (buf[te - 1] === "/") end = te + 1;
        else {
          const c = buf.indexOf(rowClose, te);
          if (c < 0) break;
          end = c + rowClose.length;
        }
        const rowXml = buf.slice(lt, end);
        const rAttr = attribute(buf.slice(lt, te + 1), "r");
        const r = rAttr !== undefined ? Number(rAttr) - 1 : lastRow + 1;
        lastRow = r;
        outText += newRowsBefore(r) + mergeRow(rowXml, r);
        pos = end;
      }
      if (outText) yield outText;
    }
    if (state === "tail") {
      // The tail is small (conditional formats, print setup): kept whole for the edits.
      if (ctx.around) tail += buf.slice(pos);
      else yield buf.slice(pos);
      buf = "";
      pos = 0;
    }
  }
  if (ctx.around && state === "tail") yield ctx.around.tail(tail, p);
  if (state !== "tail")
    throw new UsageError(
      L(
        `工作表「${ctx.sheetName}」的 XML 不完整（缺少 sheetData），无法写入结果。`,
        `the XML of sheet "${ctx.sheetName}" is incomplete (no sheetData); results cannot be written.`
      )
    );
}

const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A new worksheet part holding only our cells (and what `around` adds: widths, print setup). */
export function* newSheet(ns: string, out: OutRows, around?: SheetEdits): Generator<string> {
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}" xmlns:r="${R_NS}">`;
  yield `${around ? around.head(head, "") : head}<sheetData>`;
  let batch = "";
  for (const r of out.rows) {
    const cells = out.cells(r).filter((c) => c.value !== null);
    if (cells.length > 0)
      batch += `<row r="${r + 1}">${cells.map((c) => cellXml("", r, c)).join("")}</row>`;
    if (batch.length > 1 << 16) {
      yield batch;
      batch = "";
    }
  }
  const tail = "</sheetData></worksheet>";
  yield batch + (around ? around.tail(tail, "") : tail);
}

/** Text chunks as a byte stream for the zip writer. */
export function utf8Stream(chunks: AsyncIterable<string> | Iterable<string>): Readable {
  return Readable.from(
    (async function* () {
      for await (const t of chunks) if (t) yield Buffer.from(t, "utf8");
    })()
  );
}

/**
 * Inserts an empty element `tag` with `attrs` (text starting with a space) before the closing tag of
 * `parent` (or expands its self-closing form), in the parent's prefix: `<ns0:Types>` (Python's
 * ElementTree, openpyxl) gets `<ns0:Override …/>`, since an unprefixed child would be in no namespace.
 */
export function insertChild(xml: string, parent: string, tag: string, attrs: string): string {
  const close = new RegExp(`</([\\w.-]+:)?${parent}>`).exec(xml);
  if (close)
    return (
      xml.slice(0, close.index) + `<${close[1] ?? ""}${tag}${attrs}/>` + xml.slice(close.index)
    );
  const empty = new RegExp(`<(([\\w.-]+:)?${parent})(\\s[^>]*)?/>`).exec(xml);
  if (!empty) return xml;
  const child = `<${empty[2] ?? ""}${tag}${attrs}/>`;
  return `${xml.slice(0, empty.index)}<${empty[1]}${empty[3] ?? ""}>${child}</${empty[1]}>${xml.slice(empty.index + empty[0].length)}`;
}
