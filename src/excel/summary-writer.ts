/* global Excel */
/**
 * The 汇总 sheet's cells, formats, widths and native charts, queued on a request context. Loaded by
 * ExcelHost.writeSummary on first use, so the pane starts without it.
 */
import type { SummaryPlan } from "../workbook/summary";
import { cellName, HEADER_FILL, queueFill, setNumberFormat, widthPoints } from "./excel-host";

/** Queues the summary sheet (created or rewritten, an earlier summary's charts replaced); returns it. */
export async function queueSummary(
  context: Excel.RequestContext,
  plan: SummaryPlan
): Promise<Excel.Worksheet> {
  const width = plan.grid.reduce((w, row) => Math.max(w, row.length), 0);
  const ws = plan.createSheet
    ? context.workbook.worksheets.add(plan.sheet)
    : context.workbook.worksheets.getItem(plan.sheet);
  const charts = plan.createSheet ? null : ws.charts.load("items/name");
  const all = ws.getRangeByIndexes(0, 0, plan.grid.length, width);
  all.values = plan.grid.map((row) =>
    Array.from({ length: width }, (_, c) => row[c] ?? "")
  ) as never;
  all.format.font.bold = false;
  ws.getRangeByIndexes(plan.titleCell.row, plan.titleCell.col, 1, 1).format.font.bold = true;
  for (const t of plan.tables) {
    ws.getRangeByIndexes(t.top, t.left, 1, 1).format.font.bold = true;
    const head = ws.getRangeByIndexes(t.top + 1, t.left, 1, t.right - t.left + 1);
    head.format.font.bold = true;
    head.format.fill.color = HEADER_FILL;
    const rows = t.bottom - t.top - 1;
    if (rows <= 0) continue;
    t.numberFormats.forEach((f, k) => {
      if (f) setNumberFormat(ws.getRangeByIndexes(t.top + 2, t.left + k, rows, 1), f);
    });
    for (const c of t.colours ?? []) {
      const data = ws.getRangeByIndexes(t.top + 2, c.col, rows, 1);
      for (let r = 0; r < rows; r++) {
        const v = plan.grid[t.top + 2 + r]?.[c.col];
        const colour = typeof v === "string" ? c.byText[v] : undefined;
        if (colour) queueFill(data.getRow(r), colour);
      }
    }
    for (const c of t.wrap ?? [])
      ws.getRangeByIndexes(t.top + 2, c, rows, 1).format.wrapText = true;
  }
  for (const w of plan.widths)
    ws.getRangeByIndexes(0, w.col, 1, 1).getEntireColumn().format.columnWidth = widthPoints(
      w.width
    );
  if (charts) {
    // An earlier summary's charts are ours: replaced, not stacked.
    await context.sync();
    for (const c of charts.items) c.delete();
  }
  for (const c of plan.charts) {
    const categories = c.categories;
    const last = Math.max(...c.series.map((s) => s.values.right));
    // The source is the table from its header row: categories, then the series' columns.
    const source = ws.getRangeByIndexes(
      categories.top - 1,
      categories.left,
      categories.bottom - categories.top + 2,
      last - categories.left + 1
    );
    const type = c.grouping === "percentStacked" ? "BarStacked100" : "BarStacked";
    const chart = ws.charts.add(type as Excel.ChartType, source, "Columns" as Excel.ChartSeriesBy);
    chart.title.text = c.title;
    chart.setPosition(
      cellName(c.anchor.top, c.anchor.left),
      cellName(c.anchor.bottom, c.anchor.right)
    );
    chart.legend.position = "Bottom" as Excel.ChartLegendPosition;
    chart.axes.categoryAxis.reversePlotOrder = true;
    // Columns between the categories and the series (the goal beside done and gap) are dropped.
    const wantedCols = new Set(c.series.map((s) => s.values.left));
    const dropped: number[] = [];
    for (let col = categories.left + 1; col <= last; col++)
      if (!wantedCols.has(col)) dropped.push(col - categories.left - 1);
    for (const k of dropped.reverse()) chart.series.getItemAt(k).delete();
    c.series.forEach((s, k) => chart.series.getItemAt(k).format.fill.setSolidColor(s.colour));
  }
  return ws;
}
