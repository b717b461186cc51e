/**
 * The cell styles our results need, appended to styles.xml without changing any existing entry.
 * They all derive from one named cell style, "ZS Scorer": a cell whose style derives from it is
 * ours, so a rerun knows exactly which cells it wrote earlier (users rarely apply that style
 * by hand; Excel keeps it through a save). Fonts, fills and formats are reused when an identical
 * entry exists, so a rerun appends nothing.
 */
import type { CellColour } from "../workbook/types";
import { escapeXml, unescapeXml } from "./ooxml-write";

export const OUR_STYLE_NAME = "ZS Scorer";

/**
 * What a result cell looks like: a number format code (or none); a header (bold on a light fill,
 * or the look of the user's header cell `base`, a cellXfs index); colours; wrapped text.
 */
export interface CellLook {
  numberFormat?: string;
  header?: boolean;
  base?: number;
  colour?: CellColour;
  wrap?: boolean;
  /** Bold text (titles of the summary's tables). */
  bold?: boolean;
}

/** Our own header look where the user's cannot be read: bold on light grey, wrapped, centred. */
const HEADER_FILL = "#F2F2F2";

export interface StylePatch {
  /** The new styles.xml. */
  xml: string;
  /** The cell style index (s) for a look. */
  styleOf(look: CellLook): number;
  /** Cell style indices that are ours (this run's and earlier runs'). */
  ours: Set<number>;
}

/** Excel's built-in number formats we may use, by code. */
const BUILTIN: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
};

interface Section {
  /** Index of the start tag, and of the text after the last child. */
  start: number;
  end: number;
  /** The children as text, and their attributes. */
  children: string[];
  selfClosing: boolean;
}

/** Element names with the document's prefix (ClosedXML writes x:). */
function tags(p: string, name: string) {
  return {
    open: new RegExp(`<${p}${name}(\\s[^>]*?)?(/?)>`, "g"),
    close: `</${p}${name}>`,
    child: (childName: string) =>
      new RegExp(
        `<${p}${childName}(?=[\\s/>])(?:[^>]*?/>|[^>]*?>[\\s\\S]*?</${p}${childName}>)`,
        "g"
      ),
  };
}

function section(xml: string, p: string, name: string, childName: string): Section | null {
  const t = tags(p, name);
  const m = t.open.exec(xml);
  if (!m) return null;
  if (m[2] === "/")
    return { start: m.index, end: m.index + m[0].length, children: [], selfClosing: true };
  const bodyStart = m.index + m[0].length;
  const close = xml.indexOf(t.close, bodyStart);
  if (close < 0) return null;
  const body = xml.slice(bodyStart, close);
  return {
    start: m.index,
    end: close,
    children: body.match(t.child(childName)) ?? [],
    selfClosing: false,
  };
}

function attr(el: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(el);
  return m ? m[1] : undefined;
}

/** Appends children to a section (creating it before `before` when missing); returns the new xml. */
function append(
  xml: string,
  p: string,
  name: string,
  childName: string,
  add: string[],
  before: string[]
): string {
  if (add.length === 0) return xml;
  const s = section(xml, p, name, childName);
  const count = (s?.children.length ?? 0) + add.length;
  if (!s) {
    const el = `<${p}${name} count="${count}">${add.join("")}</${p}${name}>`;
    for (const b of before) {
      const m = new RegExp(`<${p}${b}[\\s/>]`).exec(xml);
      if (m) return xml.slice(0, m.index) + el + xml.slice(m.index);
    }
    const end = xml.lastIndexOf(`</${p}styleSheet>`);
    return xml.slice(0, end) + el + xml.slice(end);
  }
  const startTag = tags(p, name).open;
  startTag.lastIndex = s.start;
  const m = startTag.exec(xml)!;
  // Without the space before "/>" of a self-closing list (SpreadsheetGear writes <numFmts count="0" />).
  const attrs = (m[1] ?? "").replace(/\scount="\d*"/, "").trimEnd();
  const head = `<${p}${name}${attrs} count="${count}">`;
  if (s.selfClosing)
    return xml.slice(0, s.start) + head + add.join("") + `</${p}${name}>` + xml.slice(s.end);
  return (
    xml.slice(0, s.start) +
    head +
    xml.slice(m.index + m[0].length, s.end) +
    add.join("") +
    xml.slice(s.end)
  );
}

const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];
const after = (name: string) => ORDER.slice(ORDER.indexOf(name) + 1);

/**
 * Patches styles.xml so every look has a cell style: looks found from an earlier run are reused,
 * the others appended (with the named style, a bold font for headers and custom number formats).
 */
export function patchStyles(original: string, looks: CellLook[]): StylePatch {
  let xml = original;
  const p = /<([A-Za-z_][\w.-]*:)?styleSheet[\s>]/.exec(xml)?.[1] ?? "";
  const cellXfs = section(xml, p, "cellXfs", "xf");
  const styleXfs = section(xml, p, "cellStyleXfs", "xf");
  const named = section(xml, p, "cellStyles", "cellStyle");
  const fonts = section(xml, p, "fonts", "font");
  const numFmts = section(xml, p, "numFmts", "numFmt");

  const fills = section(xml, p, "fills", "fill");
  const ourNamed = named?.children.find((c) => attr(c, "name") === OUR_STYLE_NAME);
  const ours = new Set<number>();
  const xfs = cellXfs?.children ?? [];
  let ourXfId: number;
  const addStyleXfs: string[] = [];
  const addNamed: string[] = [];
  if (ourNamed) ourXfId = Number(attr(ourNamed, "xfId"));
  else {
    // Without any cell style format, xfId 0 would be ours: keep a plain one first.
    if (!styleXfs || styleXfs.children.length === 0)
      addStyleXfs.push(`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`);
    ourXfId = (styleXfs?.children.length ?? 0) + addStyleXfs.length;
    addStyleXfs.push(`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`);
    if (!named || named.children.length === 0)
      addNamed.push(`<${p}cellStyle name="Normal" xfId="0" builtinId="0"/>`);
    addNamed.push(`<${p}cellStyle name="${OUR_STYLE_NAME}" xfId="${ourXfId}"/>`);
  }
  // Our earlier cell formats, by what they hold: reused when a look comes out the same.
  const byKey = new Map<string, number>();
  xfs.forEach((xf, i) => {
    if (Number(attr(xf, "xfId") ?? 0) !== ourXfId) return;
    ours.add(i);
    if (!byKey.has(xfKey(xf))) byKey.set(xfKey(xf), i);
  });

  /** Index of an entry equal to `el` among a section's children, appending it when there is none. */
  const entry = (existing: string[], added: string[], el: string): number => {
    const i = existing.indexOf(el);
    if (i >= 0) return i;
    const j = added.indexOf(el);
    if (j >= 0) return existing.length + j;
    added.push(el);
    return existing.length + added.length - 1;
  };
  const fontList = fonts?.children ?? [];
  const fillList = fills?.children ?? [];
  const addFonts: string[] = [];
  const addFills: string[] = [];
  const baseFont = fontList[0];
  /** The workbook's default font, made bold and/or coloured. */
  const fontWith = (bold: boolean, rgb?: string): string => {
    const extra = `${bold ? `<${p}b/>` : ""}${rgb ? `<${p}color rgb="FF${rgb.slice(1)}"/>` : ""}`;
    if (!baseFont || baseFont.endsWith("/>")) return `<${p}font>${extra}</${p}font>`;
    const inner = baseFont.replace(/^<[^>]*>/, "").replace(new RegExp(`</${p}font>$`), "");
    // CT_Font is a choice: its children may come in any order; our colour replaces the default's.
    const kept = rgb ? inner.replace(new RegExp(`<${p}color\\b[^>]*?/>`), "") : inner;
    return `<${p}font>${extra}${kept}</${p}font>`;
  };
  const solid = (rgb: string) =>
    `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${rgb.slice(1)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
  // Fills 0 and 1 are reserved (none and gray125): an empty section gets them first.
  if (fillList.length === 0) {
    addFills.push(`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`);
    addFills.push(`<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`);
  }
  const codes = new Map<string, number>(Object.entries(BUILTIN));
  for (const n of numFmts?.children ?? [])
    codes.set(unescapeXml(attr(n, "formatCode") ?? ""), Number(attr(n, "numFmtId")));
  const addNumFmts: string[] = [];
  let nextFmt =
    Math.max(163, ...(numFmts?.children ?? []).map((n) => Number(attr(n, "numFmtId")) || 0)) + 1;
  const addXfs: string[] = [];
  // Without any cell format, s="0" must stay the default look: keep a plain one first.
  const shift = !cellXfs ? 1 : 0;
  if (shift) addXfs.push(`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);

  const style = new Map<string, number>();
  const styleFor = (l: CellLook): number => {
    const want = JSON.stringify(l);
    const known = style.get(want);
    if (known !== undefined) return known;
    const code = l.numberFormat ?? "General";
    let numFmtId = codes.get(code);
    if (numFmtId === undefined) {
      numFmtId = nextFmt++;
      codes.set(code, numFmtId);
      addNumFmts.push(`<${p}numFmt numFmtId="${numFmtId}" formatCode="${escapeXml(code)}"/>`);
    }
    const base = l.base !== undefined ? xfs[l.base] : undefined;
    let fontId = 0;
    let fillId = 0;
    let borderId = 0;
    let align = "";
    if (base) {
      fontId = Number(attr(base, "fontId") ?? 0);
      fillId = Number(attr(base, "fillId") ?? 0);
      borderId = Number(attr(base, "borderId") ?? 0);
      align = new RegExp(`<${p}alignment\\b[^>]*?/>`).exec(base)?.[0] ?? "";
    } else if (l.header) {
      fontId = entry(fontList, addFonts, fontWith(true));
      fillId = entry(fillList, addFills, solid(HEADER_FILL));
      align = `<${p}alignment vertical="center" wrapText="1"/>`;
    } else {
      if (l.colour || l.bold)
        fontId = entry(fontList, addFonts, fontWith(l.bold === true, l.colour?.font));
      if (l.colour) fillId = entry(fillList, addFills, solid(l.colour.fill));
      if (l.wrap) align = `<${p}alignment vertical="top" wrapText="1"/>`;
    }
    const applies = `${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}${borderId ? ' applyBorder="1"' : ""}${align ? ' applyAlignment="1"' : ""}`;
    const xf = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="${ourXfId}"${applies}${align ? `>${align}</${p}xf>` : "/>"}`;
    const key = xfKey(xf);
    let index = byKey.get(key);
    if (index === undefined) {
      index = xfs.length + addXfs.length;
      addXfs.push(xf);
      byKey.set(key, index);
      ours.add(index);
    }
    style.set(want, index);
    return index;
  };
  for (const l of looks) styleFor(l);
  if (shift) {
    for (const [k, v] of style) style.set(k, v + 1);
    const shifted = [...ours].map((i) => i + 1);
    ours.clear();
    shifted.forEach((i) => ours.add(i));
  }
  xml = append(xml, p, "numFmts", "numFmt", addNumFmts, after("numFmts"));
  xml = append(xml, p, "fonts", "font", addFonts, after("fonts"));
  xml = append(xml, p, "fills", "fill", addFills, after("fills"));
  xml = append(xml, p, "cellStyleXfs", "xf", addStyleXfs, after("cellStyleXfs"));
  xml = append(xml, p, "cellXfs", "xf", addXfs, after("cellXfs"));
  xml = append(xml, p, "cellStyles", "cellStyle", addNamed, after("cellStyles"));
  return {
    xml,
    ours,
    styleOf: (l) => style.get(JSON.stringify(l)) ?? 0,
  };
}

/** What a cell format holds, attribute order and prefixes aside: equal keys look the same. */
function xfKey(xf: string): string {
  const a = (n: string) => attr(xf, n) ?? "0";
  const align = /<([\w.-]+:)?alignment\b([^>]*?)\/>/.exec(xf)?.[2] ?? "";
  const alignAttrs = [...align.matchAll(/(\w+)="([^"]*)"/g)]
    .map((m) => `${m[1]}=${m[2]}`)
    .sort()
    .join(",");
  return [a("numFmtId"), a("fontId"), a("fillId"), a("borderId"), alignAttrs].join("|");
}

/** A minimal styles.xml for a package that has none. */
export function emptyStyles(ns: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
}
