/**
 * The summary's charts as DrawingML parts: a drawing anchoring each chart to cells, and a chart
 * part per chart whose series refer to the summary's cells (with cached values, so a reader that
 * does not recalculate, such as a viewer, still draws them). Excel, LibreOffice and WPS open these
 * as native charts that follow the cells when they change.
 */
import type { CellValue } from "../engine/types";
import { boxRef } from "../workbook/summary";
import type { CellBox, SummaryChart } from "../workbook/summary";
import type { Grid } from "../workbook/types";
import { escapeXml } from "./ooxml-write";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
};
export const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const REL = {
  drawing: `${NS.r}/drawing`,
  chart: `${NS.r}/chart`,
};
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function cells(grid: Grid, b: CellBox): CellValue[] {
  const out: CellValue[] = [];
  for (let r = b.top; r <= b.bottom; r++)
    for (let c = b.left; c <= b.right; c++) out.push(grid[r]?.[c] ?? null);
  return out;
}

function strRef(sheet: string, grid: Grid, b: CellBox): string {
  const pts = cells(grid, b)
    .map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v === null ? "" : String(v))}</c:v></c:pt>`)
    .join("");
  const n = (b.bottom - b.top + 1) * (b.right - b.left + 1);
  return `<c:strRef><c:f>${escapeXml(boxRef(sheet, b))}</c:f><c:strCache><c:ptCount val="${n}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(sheet: string, grid: Grid, b: CellBox): string {
  const values = cells(grid, b);
  const pts = values
    .map((v, i) => (typeof v === "number" ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ""))
    .join("");
  return `<c:numRef><c:f>${escapeXml(boxRef(sheet, b))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`;
}

function text(t: string, size: number, bold: boolean): string {
  return `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(t)}</a:t></a:r></a:p></c:rich>`;
}

/** A bar chart part (c:chartSpace) drawing `chart` from the summary sheet's cells. */
export function chartXml(chart: SummaryChart, sheet: string, grid: Grid): string {
  const series = chart.series
    .map((s, k) => {
      const name = { top: s.name.row, left: s.name.col, bottom: s.name.row, right: s.name.col };
      return `<c:ser><c:idx val="${k}"/><c:order val="${k}"/><c:tx>${strRef(sheet, grid, name)}</c:tx><c:spPr><a:solidFill><a:srgbClr val="${s.colour.slice(1).toUpperCase()}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/><c:cat>${strRef(sheet, grid, chart.categories)}</c:cat><c:val>${numRef(sheet, grid, s.values)}</c:val></c:ser>`;
    })
    .join("");
  const percent = chart.grouping === "percentStacked";
  const horizontal = chart.direction === "bar";
  return (
    `${HEAD}<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx>${text(chart.title, 1200, true)}</c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="${chart.direction}"/><c:grouping val="${chart.grouping}"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="5001"/><c:axId val="5002"/></c:barChart>` +
    // Horizontal bars list the categories top to bottom, as the table does.
    `<c:catAx><c:axId val="5001"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="5002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="5002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/><c:numFmt formatCode="${percent ? "0%" : "0"}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="5001"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part anchoring each chart (relationship ids rIds[k]) over its cells. */
export function drawingXml(charts: SummaryChart[], rIds: string[]): string {
  const anchors = charts
    .map((c, k) => {
      const at = (col: number, row: number) =>
        `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${at(c.anchor.left, c.anchor.top)}</xdr:from><xdr:to>${at(c.anchor.right + 1, c.anchor.bottom + 1)}</xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="${escapeXml(c.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${rIds[k]}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return `${HEAD}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors}</xdr:wsDr>`;
}

/** A relationships part. */
export function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
    .join("")}</Relationships>`;
}
