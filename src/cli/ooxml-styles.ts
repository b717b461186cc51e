/**
 * The cell styles our results need, appended to styles.xml without changing any existing entry.
 * They all derive from one named cell style, "ZS Scorer": a cell whose style derives from it is
 * ours, so a rerun knows exactly which cells it wrote earlier (users rarely apply that style
 * by hand; Excel keeps it through a save).
 */
import { escapeXml } from "./ooxml-write";

export const OUR_STYLE_NAME = "ZS Scorer";

/** What a result cell looks like: a number format code (or none), and whether it is a header. */
export interface CellLook {
  numberFormat?: string;
  header?: boolean;
}

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

const lookKey = (l: CellLook) => `${l.header ? "h" : "d"}|${l.numberFormat ?? "General"}`;

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
  const attrs = (m[1] ?? "").replace(/\scount="\d*"/, "");
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

  const ourNamed = named?.children.find((c) => attr(c, "name") === OUR_STYLE_NAME);
  const style = new Map<string, number>();
  const ours = new Set<number>();
  const xfCount = cellXfs?.children.length ?? 0;
  let ourXfId: number;
  const addStyleXfs: string[] = [];
  const addNamed: string[] = [];
  if (ourNamed) {
    ourXfId = Number(attr(ourNamed, "xfId"));
    const codes = new Map<number, string>(
      (numFmts?.children ?? []).map((n) => [
        Number(attr(n, "numFmtId")),
        unescapeAttr(attr(n, "formatCode") ?? ""),
      ])
    );
    const builtinCode = new Map(Object.entries(BUILTIN).map(([k, v]) => [v, k]));
    cellXfs?.children.forEach((xf, i) => {
      if (Number(attr(xf, "xfId") ?? 0) !== ourXfId) return;
      ours.add(i);
      const id = Number(attr(xf, "numFmtId") ?? 0);
      const code = codes.get(id) ?? builtinCode.get(id) ?? "General";
      const key = `${attr(xf, "applyFont") === "1" ? "h" : "d"}|${code}`;
      if (!style.has(key)) style.set(key, i);
    });
  } else {
    // Without any cell style format, xfId 0 would be ours: keep a plain one first.
    if (!styleXfs || styleXfs.children.length === 0)
      addStyleXfs.push(`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`);
    ourXfId = (styleXfs?.children.length ?? 0) + addStyleXfs.length;
    addStyleXfs.push(`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`);
    if (!named || named.children.length === 0)
      addNamed.push(`<${p}cellStyle name="Normal" xfId="0" builtinId="0"/>`);
    addNamed.push(`<${p}cellStyle name="${OUR_STYLE_NAME}" xfId="${ourXfId}"/>`);
  }

  const needed = looks.filter(
    (l, i) => looks.findIndex((x) => lookKey(x) === lookKey(l)) === i && !style.has(lookKey(l))
  );
  const addFonts: string[] = [];
  let boldFont = -1;
  if (needed.some((l) => l.header)) {
    const base = fonts?.children[0];
    boldFont = fonts?.children.length ?? 0;
    addFonts.push(
      base && !base.endsWith("/>")
        ? base.replace(/^(<[^>]*>)/, `$1<${p}b/>`)
        : `<${p}font><${p}b/></${p}font>`
    );
  }
  const addNumFmts: string[] = [];
  let nextFmt =
    Math.max(163, ...(numFmts?.children ?? []).map((n) => Number(attr(n, "numFmtId")) || 0)) + 1;
  const addXfs: string[] = [];
  for (const l of needed) {
    const code = l.numberFormat ?? "General";
    let id = BUILTIN[code];
    if (id === undefined) {
      id = nextFmt++;
      addNumFmts.push(`<${p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    }
    const font = l.header && boldFont >= 0 ? ` fontId="${boldFont}" applyFont="1"` : ` fontId="0"`;
    style.set(lookKey(l), xfCount + addXfs.length);
    ours.add(xfCount + addXfs.length);
    addXfs.push(
      `<${p}xf numFmtId="${id}"${font} fillId="0" borderId="0" xfId="${ourXfId}"${id ? ' applyNumberFormat="1"' : ""}/>`
    );
  }
  // Without any cell format, s="0" must stay the default look: keep a plain one first.
  if (!cellXfs && addXfs.length > 0) {
    addXfs.unshift(`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
    for (const [k, v] of style) style.set(k, v + 1);
    const shifted = [...ours].map((i) => i + 1);
    ours.clear();
    shifted.forEach((i) => ours.add(i));
  }
  xml = append(xml, p, "numFmts", "numFmt", addNumFmts, after("numFmts"));
  xml = append(xml, p, "fonts", "font", addFonts, after("fonts"));
  xml = append(xml, p, "cellStyleXfs", "xf", addStyleXfs, after("cellStyleXfs"));
  xml = append(xml, p, "cellXfs", "xf", addXfs, after("cellXfs"));
  xml = append(xml, p, "cellStyles", "cellStyle", addNamed, after("cellStyles"));
  return {
    xml,
    ours,
    styleOf: (l) => style.get(lookKey(l)) ?? 0,
  };
}

function unescapeAttr(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** A minimal styles.xml for a package that has none. */
export function emptyStyles(ns: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
}
