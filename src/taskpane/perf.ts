/* global performance */
/**
 * User Timing entries the pane records, so the benchmark (issue 9) and DevTools can see how long the
 * work a user waits for takes. Each is a `performance.measure` (read them with
 * `performance.getEntriesByName("zs:rerank", "measure")`):
 *   "zs:read"          reading the workbook (or the picked .xlsx), locating and mapping the table;
 *   "zs:first-render"  from Score to the ranked list built and laid out (scoring, writing results to
 *                      the host, building the list; the paint after it is not included);
 *   "zs:rerank"        from applying a weight change to the re-ranked list laid out (at most one per
 *                      animation frame: moves within a frame are coalesced);
 *   "zs:detail"        building one candidate's detail and laying it out.
 */

export type Measure = "zs:read" | "zs:first-render" | "zs:rerank" | "zs:detail";

/** Marks the start of `name`; `end(name, el)` closes it once `el` is laid out. */
export function start(name: Measure): void {
  performance.mark(`${name}:start`);
}

/** Ends `name`: reading a layout property settles style and layout now, so the measure covers them. */
export function end(name: Measure, laidOut?: { offsetHeight: number }): void {
  const mark = `${name}:start`;
  if (performance.getEntriesByName(mark, "mark").length === 0) return;
  void laidOut?.offsetHeight;
  performance.measure(name, mark);
  performance.clearMarks(mark);
}
