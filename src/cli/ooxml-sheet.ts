/**
 * What our results add around a worksheet's cells: column widths (<cols>), the score column's colour
 * scale (<conditionalFormatting>), print setup (<sheetPr>/<pageSetUpPr>, <pageSetup>, <headerFooter>)
 * and, in the workbook part, the hidden names that mark our columns and the print titles. Each edit
 * keeps the user's entries and puts ours where the schema's element order wants them.
 */
import { rangeAddress } from "../workbook/a1";
import { keyOfName, replaceMarks } from "../workbook/marker";
import { SCORE_SCALE } from "../workbook/palette";
import type { PrintSetup, ResultRange, SheetName } from "../workbook/types";
import { escapeXml, unescapeXml } from "./ooxml-write";

/** CT_Worksheet's children after sheetData, in the order the schema requires. */
const TAIL_ORDER = [
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Inserts `el` (a `name` element) after the elements before it in the schema's order. */
export function insertInOrder(xml: string, p: string, name: string, el: string): string {
  const later = TAIL_ORDER.slice(TAIL_ORDER.indexOf(name) + 1);
  let at = -1;
  for (const n of later) {
    const m = new RegExp(`<${p}${n}[\\s/>]`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf(`</${p}worksheet>`);
  return xml.slice(0, at) + el + xml.slice(at);
}

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

/** Whether a conditional format is the colour scale an earlier run put on the score column. */
function isOurScale(el: string): boolean {
  return (
    (el.match(/<([\w.-]+:)?cfRule[\s>]/g) ?? []).length === 1 &&
    [SCORE_SCALE.low, SCORE_SCALE.mid, SCORE_SCALE.high].every((c) => el.includes(argb(c)))
  );
}

/** The tail of a sheet (from </sheetData> on) with the colour scale and print setup. */
export function patchTail(
  tail: string,
  p: string,
  score: ResultRange | null,
  print: PrintSetup | null
): string {
  let xml = tail.replace(
    new RegExp(`<${p}conditionalFormatting\\b[\\s\\S]*?</${p}conditionalFormatting>`, "g"),
    (el) => (isOurScale(el) ? "" : el)
  );
  if (score) {
    const priorities = [...xml.matchAll(/\spriority="(\d+)"/g)].map((m) => Number(m[1]));
    const priority = Math.max(0, ...priorities) + 1;
    xml = insertInOrder(
      xml,
      p,
      "conditionalFormatting",
      `<${p}conditionalFormatting sqref="${rangeAddress(score)}"><${p}cfRule type="colorScale" priority="${priority}"><${p}colorScale><${p}cfvo type="min"/><${p}cfvo type="percentile" val="50"/><${p}cfvo type="max"/><${p}color rgb="${argb(SCORE_SCALE.low)}"/><${p}color rgb="${argb(SCORE_SCALE.mid)}"/><${p}color rgb="${argb(SCORE_SCALE.high)}"/></${p}colorScale></${p}cfRule></${p}conditionalFormatting>`
    );
  }
  if (print) {
    const setup = new RegExp(`<${p}pageSetup\\b[^>]*?/>`).exec(xml);
    if (setup) {
      // The user's paper size and margins stay; orientation and fitting are what printing needs.
      const el = setup[0]
        .replace(/\s(orientation|fitToWidth|fitToHeight)="[^"]*"/g, "")
        .replace(/\/>$/, ' orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
      xml = xml.slice(0, setup.index) + el + xml.slice(setup.index + setup[0].length);
    } else {
      if (!new RegExp(`<${p}pageMargins[\\s/>]`).test(xml))
        xml = insertInOrder(
          xml,
          p,
          "pageMargins",
          `<${p}pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`
        );
      xml = insertInOrder(
        xml,
        p,
        "pageSetup",
        `<${p}pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`
      );
    }
    // A page header the user set is theirs.
    if (!new RegExp(`<${p}headerFooter[\\s/>]`).test(xml))
      xml = insertInOrder(
        xml,
        p,
        "headerFooter",
        `<${p}headerFooter><${p}oddHeader>${escapeXml(headerCode(print))}</${p}oddHeader><${p}oddFooter>&amp;C&amp;P / &amp;N</${p}oddFooter></${p}headerFooter>`
      );
  }
  return xml;
}

/** The page header in Excel's codes (&L left, &R right; a literal & doubled). */
export function headerCode(print: PrintSetup): string {
  const esc = (s: string) => s.replace(/&/g, "&&");
  return `&L${esc(print.header.left)}&R${esc(print.header.right)}`;
}

/** The head of a sheet (before <sheetData>) with our column widths and fit-to-page. */
export function patchHead(
  head: string,
  p: string,
  widths: { col: number; width: number }[],
  fitToPage: boolean
): string {
  let xml = head;
  if (fitToPage) {
    const pr = new RegExp(`<${p}sheetPr\\b[^>]*?(/?)>`).exec(xml);
    const setUp = `<${p}pageSetUpPr fitToPage="1"/>`;
    if (!pr) {
      const open = new RegExp(`<${p}worksheet\\b[^>]*>`).exec(xml);
      if (open) {
        const at = open.index + open[0].length;
        xml = `${xml.slice(0, at)}<${p}sheetPr>${setUp}</${p}sheetPr>${xml.slice(at)}`;
      }
    } else if (pr[1] === "/") {
      const el = `${pr[0].slice(0, -2)}>${setUp}</${p}sheetPr>`;
      xml = xml.slice(0, pr.index) + el + xml.slice(pr.index + pr[0].length);
    } else {
      const existing = new RegExp(`<${p}pageSetUpPr\\b[^>]*?/>`).exec(xml);
      if (existing) {
        const el = existing[0]
          .replace(/\sfitToPage="[^"]*"/, "")
          .replace(/\/>$/, ' fitToPage="1"/>');
        xml = xml.slice(0, existing.index) + el + xml.slice(existing.index + existing[0].length);
      } else {
        const close = xml.indexOf(`</${p}sheetPr>`);
        xml = xml.slice(0, close) + setUp + xml.slice(close);
      }
    }
  }
  if (widths.length === 0) return xml;
  const cols = new RegExp(`<${p}cols>([\\s\\S]*?)</${p}cols>`).exec(xml);
  const el = `<${p}cols>${mergeCols(cols?.[1] ?? "", p, widths)}</${p}cols>`;
  if (cols) return xml.slice(0, cols.index) + el + xml.slice(cols.index + cols[0].length);
  // <cols> goes after sheetFormatPr (or sheetViews, dimension, sheetPr), before sheetData.
  for (const before of ["sheetFormatPr", "sheetViews", "dimension", "sheetPr"]) {
    const m = new RegExp(`<${p}${before}\\b[^>]*?(/>|>[\\s\\S]*?</${p}${before}>)`).exec(xml);
    if (m) {
      const at = m.index + m[0].length;
      return xml.slice(0, at) + el + xml.slice(at);
    }
  }
  const open = new RegExp(`<${p}worksheet\\b[^>]*>`).exec(xml);
  const at = open ? open.index + open[0].length : xml.length;
  return xml.slice(0, at) + el + xml.slice(at);
}

/**
 * The user's <col> ranges with ours set: a range covering one of our columns is split so only our
 * column gets our width (its other attributes, such as a style, kept).
 */
function mergeCols(inner: string, p: string, widths: { col: number; width: number }[]): string {
  type Col = { min: number; max: number; attrs: string };
  let cols: Col[] = [...inner.matchAll(new RegExp(`<${p}col\\b([^>]*?)/>`, "g"))].map((m) => ({
    min: Number(/\smin="(\d+)"/.exec(m[1])?.[1]),
    max: Number(/\smax="(\d+)"/.exec(m[1])?.[1]),
    attrs: m[1].replace(/\s(min|max)="\d+"/g, ""),
  }));
  for (const w of widths) {
    const c = w.col + 1;
    const sized = (attrs: string) =>
      `${attrs.replace(/\s(width|customWidth|bestFit)="[^"]*"/g, "")} width="${w.width}" customWidth="1"`;
    const hit = cols.find((x) => x.min <= c && c <= x.max);
    if (!hit) {
      cols.push({ min: c, max: c, attrs: sized("") });
      continue;
    }
    cols = cols.filter((x) => x !== hit);
    if (hit.min < c) cols.push({ min: hit.min, max: c - 1, attrs: hit.attrs });
    cols.push({ min: c, max: c, attrs: sized(hit.attrs) });
    if (c < hit.max) cols.push({ min: c + 1, max: hit.max, attrs: hit.attrs });
  }
  return cols
    .sort((a, b) => a.min - b.min)
    .map((x) => `<${p}col min="${x.min}" max="${x.max}"${x.attrs}/>`)
    .join("");
}

/**
 * The workbook part with a table's names replaced: its earlier "_ZS." names go, `names` come
 * (hidden; made distinct from another table's on the same sheet), and print titles are added when
 * the sheet has none.
 */
export function patchNames(
  wbXml: string,
  localSheetId: number,
  names: SheetName[],
  print: PrintSetup | null,
  sheetRef: string
): string {
  const dn = /<(([\w.-]+:)?)definedNames\b[^>]*?(\/?)>/.exec(wbXml);
  const p = dn?.[1] ?? /<([\w.-]+:)?workbook[\s>]/.exec(wbXml)?.[1] ?? "";
  const local = `localSheetId="${localSheetId}"`;
  // Ours on this sheet: scoped to it, or made workbook-wide by a tool that dropped the scope.
  const element = new RegExp(`<${p}definedName\\b([^>]*)>([^<]*)</${p}definedName>`, "g");
  const ours: { name: string; ref: string; el: string }[] = [];
  for (let m = element.exec(wbXml); m !== null; m = element.exec(wbXml)) {
    const [el, attrs, text] = m;
    const name = unescapeXml(/\sname="([^"]*)"/.exec(attrs)?.[1] ?? "");
    const ref = unescapeXml(text);
    if (
      keyOfName(name) !== null &&
      (attrs.includes(local) || (!/\slocalSheetId=/.test(attrs) && ref.startsWith(sheetRef)))
    )
      ours.push({ name, ref, el });
  }
  const plan = replaceMarks(ours, names);
  const dropped = new Set(plan.drop.map((n) => n.el));
  let xml = dropped.size > 0 ? wbXml.replace(element, (el) => (dropped.has(el) ? "" : el)) : wbXml;
  const hasTitles = new RegExp(
    `<${p}definedName\\b[^>]*name="_xlnm\\.Print_Titles"[^>]*${local}|<${p}definedName\\b[^>]*${local}[^>]*name="_xlnm\\.Print_Titles"`
  ).test(xml);
  const add = plan.names.map(
    (n) =>
      `<${p}definedName name="${escapeXml(n.name)}" ${local} hidden="1">${escapeXml(n.ref)}</${p}definedName>`
  );
  if (print && !hasTitles) {
    const [a, b] = print.titleRows;
    add.push(
      `<${p}definedName name="_xlnm.Print_Titles" ${local}>${escapeXml(`${sheetRef}$${a + 1}:$${b + 1}`)}</${p}definedName>`
    );
  }
  if (add.length === 0) return xml;
  const open = new RegExp(`<${p}definedNames\\b[^>]*?(/?)>`).exec(xml);
  if (open && open[1] === "/")
    return `${xml.slice(0, open.index)}<${p}definedNames>${add.join("")}</${p}definedNames>${xml.slice(open.index + open[0].length)}`;
  if (open) {
    const close = xml.indexOf(`</${p}definedNames>`);
    return xml.slice(0, close) + add.join("") + xml.slice(close);
  }
  // definedNames follows sheets (and functionGroups, externalReferences when present).
  let at = -1;
  for (const n of ["externalReferences", "functionGroups", "sheets"]) {
    const close = new RegExp(`</${p}${n}>|<${p}${n}\\b[^>]*/>`).exec(xml);
    if (close) {
      at = close.index + close[0].length;
      break;
    }
  }
  if (at < 0) return xml;
  return `${xml.slice(0, at)}<${p}definedNames>${add.join("")}</${p}definedNames>${xml.slice(at)}`;
}
