/**
 * Writing results into an .xlsx package by patching it: the target sheet's XML is streamed through
 * and our cells are inserted into their rows in order (rows we need that do not exist are inserted
 * between the others); every other byte of that sheet stays as it was. A new result sheet is a new
 * part, with its relationship, content type and workbook entry added.
 */
import { Buffer } from "buffer";
import { Readable } from "stream";
import type { CellValue } from "../engine/types";
import { cellAddress, columnLetters } from "../workbook/a1";
import { encodeXstring } from "../workbook/ooxml-text";
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

/** A cell element: numbers and booleans as values, text as an inline string (no shared-string change) in ST_Xstring form. */
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
  return `<${p}c r="${r}"${s} t="inlineStr"><${p}is><${p}t${space}>${escapeXml(encodeXstring(v))}</${p}t></${p}is></${p}c>`;
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

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EMPTY: Buffer = Buffer.alloc(0);

/** Index of the `>` ending the tag that starts at `from` in bytes, outside quoted values; -1 if not there yet. */
function tagEndAt(b: Buffer, from: number): number {
  let quote = 0;
  for (let i = from; i < b.length; i++) {
    const ch = b[i];
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === 34 || ch === 39) quote = ch;
    else if (ch === GT) return i;
  }
  return -1;
}

/** Whether byte `ch` may follow an element name (space, `/` or `>`). */
function endsName(ch: number | undefined): boolean {
  return ch === 32 || ch === SLASH || ch === GT || ch === 9 || ch === 10 || ch === 13;
}

function startsWith(b: Buffer, at: number, what: Buffer): boolean {
  if (at + what.length > b.length) return false;
  for (let k = 0; k < what.length; k++) if (b[at + k] !== what[k]) return false;
  return true;
}

/**
 * Streams a worksheet's XML with our cells merged in. Existing cells at our positions are replaced
 * only when ours or empty; a user's cell there is kept and reported in `ctx.conflicts`.
 *
 * Works on the bytes (markup is ASCII, and its bytes never occur inside a multi-byte character):
 * rows without cells of ours are copied as they are, and a row whose cells all lie left of ours
 * (results right of the table, the usual case) gets ours spliced in before its end. Only the start
 * tags read and the rows where ours fall between the user's cells are decoded to text: decoding a
 * 150 MB sheet of Chinese text to UTF-16 and back doubled the write's memory and time.
 */
export async function* patchSheet(
  input: AsyncIterable<Buffer>,
  out: OutRows,
  ctx: PatchContext
): AsyncGenerator<Buffer> {
  // Set by the helpers below as they read (asserted: a plain initialiser would narrow it for good).
  let state = "head" as "head" | "rows" | "tail";
  let p = "";
  let rowOpen = EMPTY;
  let rowClose = EMPTY;
  let dataClose = EMPTY;
  let cellOpen = EMPTY;
  let cellClose = EMPTY;
  let next = 0; // index into out.rows
  let lastRow = -1;
  let maxRow = -1;
  let maxCol = -1;
  const tail: Buffer[] = [];
  for (const r of out.rows)
    for (const c of out.cells(r))
      if (c.value !== null) {
        maxRow = r;
        maxCol = Math.max(maxCol, c.col);
      }
  const pieces: Buffer[] = [];
  let size = 0;
  const emit = (b: Buffer | string) => {
    const x = typeof b === "string" ? Buffer.from(b, "utf8") : b;
    if (x.length === 0) return;
    pieces.push(x);
    size += x.length;
  };
  const flush = (): Buffer => {
    const b = pieces.length === 1 ? pieces[0] : Buffer.concat(pieces, size);
    pieces.length = 0;
    size = 0;
    return b;
  };

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

  /** Row `r` (bytes [lt, end) of `b`, start tag ending at `te`) with our cells in it. */
  function mergeRow(b: Buffer, lt: number, te: number, end: number, r: number): void {
    const mine = out.cells(r);
    // spans is an optional hint that our cells would contradict.
    let head = b.toString("utf8", lt, te + 1).replace(/\sspans\s*=\s*"[^"]*"/, "");
    const selfClosing = b[te - 1] === SLASH;
    if (selfClosing) head = head.slice(0, -2) + ">";
    const bodyEnd = selfClosing ? te + 1 : end - rowClose.length;
    const after = selfClosing ? -1 : lastCellEnd(b, te + 1, bodyEnd, mine);
    if (after >= 0) {
      emit(head);
      emit(b.subarray(te + 1, after));
      let ours = "";
      for (const m of mine) if (m.value !== null) ours += cellXml(p, r, m);
      emit(ours);
      emit(b.subarray(after, end));
      return;
    }
    const body = selfClosing ? "" : b.toString("utf8", te + 1, bodyEnd);
    emit(head + mergeCells(body, r, mine) + `</${p}row>`);
  }

  /**
   * The end of the row's last cell when it lies left of our first (cells are in column order,
   * ECMA-376 18.3.1.4, so no other cell needs reading); -1 when the row must be merged cell by cell.
   */
  function lastCellEnd(b: Buffer, from: number, to: number, mine: OutCell[]): number {
    if (mine.length === 0) return -1;
    let at = b.lastIndexOf(cellOpen, to - 1);
    while (at >= from && !endsName(b[at + cellOpen.length]))
      at = at > 0 ? b.lastIndexOf(cellOpen, at - 1) : -1;
    if (at < from) return -1;
    const te = tagEndAt(b, at);
    if (te < 0 || te >= to) return -1;
    const ref = attribute(b.toString("utf8", at, te + 1), "r");
    if (ref === undefined || refColumn(ref) >= mine[0].col) return -1;
    if (b[te - 1] === SLASH) return te + 1;
    const close = b.indexOf(cellClose, te);
    return close < 0 || close >= to ? -1 : close + cellClose.length;
  }

  /** A row's cells (its body as text) with ours merged in column order. */
  function mergeCells(body: string, r: number, mine: OutCell[]): string {
    const open = `<${p}c`;
    const close = `</${p}c>`;
    let result = "";
    let k = 0;
    let i = 0;
    let col = -1;
    while (i < body.length) {
      const lt = body.indexOf("<", i);
      if (lt < 0) {
        result += body.slice(i);
        break;
      }
      const isCell = body.startsWith(open, lt) && /[\s/>]/.test(body[lt + open.length] ?? "");
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
      const end = tag.endsWith("/>") ? te + 1 : body.indexOf(close, te) + close.length;
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
    return result;
  }

  function patchHead(head: string): string {
    if (maxRow < 0 || maxCol < 0) return head;
    return head.replace(
      new RegExp(`(<${p}dimension\\s[^>]*ref=")([^"]*)(")`),
      (all, a: string, ref: string, b: string) => {
        const area = areaRef(ref);
        if (!area) return all;
        const bottom = Math.max(area.bottom, maxRow);
        const right = Math.max(area.right, maxCol);
        return `${a}${cellAddress(area.top, area.left)}:${cellAddress(bottom, right)}${b}`;
      }
    );
  }

  /** Reads the head once <sheetData> is in `b`: index after it, or -1 to wait for more. */
  function readHead(b: Buffer): number {
    // latin1 maps each byte to one character: indexes in this text are byte offsets.
    const text = b.toString("latin1");
    p = /<([A-Za-z_][\w.-]*:)?worksheet[\s>]/.exec(text)?.[1] ?? "";
    const m = new RegExp(`<${p}sheetData(\\s[^>]*)?(/?)>`).exec(text);
    if (!m) return -1;
    [rowOpen, rowClose, dataClose, cellOpen, cellClose] = [
      `<${p}row`,
      `</${p}row>`,
      `</${p}sheetData`,
      `<${p}c`,
      `</${p}c>`,
    ].map((t) => Buffer.from(t, "latin1"));
    let head = patchHead(b.toString("utf8", 0, m.index).replace(/^\uFEFF/, ""));
    if (ctx.around) head = ctx.around.head(head, p);
    if (m[2] === "/") {
      emit(`${head}<${p}sheetData>${newRowsBefore(Infinity)}</${p}sheetData>`);
      state = "tail";
    } else {
      emit(head);
      emit(b.subarray(m.index, m.index + m[0].length));
      state = "rows";
    }
    return m.index + m[0].length;
  }

  /** Copies and merges the complete rows of `b` from `pos`; returns where it stopped. */
  function readRows(b: Buffer, pos: number): number {
    for (;;) {
      const lt = b.indexOf(LT, pos);
      if (lt < 0) {
        emit(b.subarray(pos));
        return b.length;
      }
      emit(b.subarray(pos, lt));
      pos = lt;
      // A tag name cut off at the chunk's end: wait for the rest.
      if (b.length - lt <= dataClose.length) return pos;
      if (startsWith(b, lt, dataClose)) {
        emit(newRowsBefore(Infinity));
        state = "tail";
        return pos;
      }
      if (b[lt + 1] === 0x21 /* ! */ && b[lt + 2] === 0x2d && b[lt + 3] === 0x2d) {
        const e = b.indexOf("-->", lt + 4, "latin1");
        if (e < 0) return pos;
        emit(b.subarray(lt, e + 3));
        pos = e + 3;
        continue;
      }
      if (!startsWith(b, lt, rowOpen) || !endsName(b[lt + rowOpen.length]))
        throw new UsageError(
          L(
            `工作表「${ctx.sheetName}」的 XML 在 sheetData 中有意外内容，无法写入结果。`,
            `the XML of sheet "${ctx.sheetName}" holds unexpected content in sheetData; results cannot be written.`
          )
        );
      const te = tagEndAt(b, lt);
      if (te < 0) return pos;
      let end: number;
      if (b[te - 1] === SLASH) end = te + 1;
      else {
        const c = b.indexOf(rowClose, te);
        if (c < 0) return pos;
        end = c + rowClose.length;
      }
      const rAttr = attribute(b.toString("latin1", lt, te + 1), "r");
      const r = rAttr !== undefined ? Number(rAttr) - 1 : lastRow + 1;
      lastRow = r;
      emit(newRowsBefore(r));
      if (next < out.rows.length && out.rows[next] === r) {
        next++;
        mergeRow(b, lt, te, end, r);
      } else emit(b.subarray(lt, end));
      pos = end;
    }
  }

  let rest: Buffer = EMPTY;
  for await (const chunk of input) {
    const b = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let pos = 0;
    if (state === "head") {
      pos = readHead(b);
      if (pos < 0) {
        rest = b;
        continue;
      }
    }
    if (state === "rows") pos = readRows(b, pos);
    if (state === "tail") {
      // The tail is small (conditional formats, print setup): kept whole for the edits.
      if (ctx.around) tail.push(b.subarray(pos));
      else emit(b.subarray(pos));
      pos = b.length;
    }
    // Kept as a copy: the rest must not hold the whole chunk alive.
    rest = pos < b.length ? Buffer.from(b.subarray(pos)) : EMPTY;
    if (size > 0) yield flush();
  }
  if (state !== "tail" || rest.length > 0)
    throw new UsageError(
      L(
        `工作表「${ctx.sheetName}」的 XML 不完整（缺少 sheetData），无法写入结果。`,
        `the XML of sheet "${ctx.sheetName}" is incomplete (no sheetData); results cannot be written.`
      )
    );
  if (ctx.around) emit(ctx.around.tail(Buffer.concat(tail).toString("utf8"), p));
  if (size > 0) yield flush();
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

/** Text or byte chunks as a byte stream for the zip writer. */
export function utf8Stream(
  chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>
): Readable {
  return Readable.from(
    (async function* () {
      for await (const t of chunks)
        if (t.length > 0) yield typeof t === "string" ? Buffer.from(t, "utf8") : t;
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
