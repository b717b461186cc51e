/* global describe, expect, require, test */
/**
 * How `npm run bench` judges its figures: targets met or missed by how much, ratios to the baseline,
 * lower bounds, and subjects that could not be measured. (The figures themselves are not tested:
 * speed is measured by the benchmark, never by tests.)
 */
const bench = require("../../scripts/bench.js") as {
  CATALOGUE: { id: string; module: string; target: Record<string, number> }[];
  judge: (entry: unknown, figure: unknown) => Record<string, unknown>;
  textTable: (rows: unknown[]) => string;
  markdownTable: (rows: unknown[]) => string;
};

const entry = (id: string) => {
  const e = bench.CATALOGUE.find((x) => x.id === id);
  if (!e) throw new Error(`no catalogue entry ${id}`);
  return e;
};

describe("bench judge", () => {
  test("a figure under its limit meets the target, with its ratio to the baseline", () => {
    const row = bench.judge(entry("engine.score.100000"), {
      id: "engine.score.100000",
      value: 150,
      baseline: { name: "one at a time", value: 600 },
    });
    expect(row.met).toBe(true);
    expect(row.ratio).toBe(0.25);
    expect(row.target).toBe("≤ 250 ms");
    expect(row.miss).toBeUndefined();
  });

  test("a missed limit says by how much, in units and per cent", () => {
    const row = bench.judge(entry("engine.score.100000"), {
      id: "engine.score.100000",
      value: 375,
    });
    expect(row.met).toBe(false);
    expect(row.miss).toBe("over by 125 ms (50 %)");
  });

  test("TOPSIS needs both its limit and a 5× speed-up over the baseline", () => {
    const fastEnough = bench.judge(entry("engine.topsis"), {
      id: "engine.topsis",
      value: 20,
      baseline: { name: "arrays", value: 200 },
    });
    expect(fastEnough.met).toBe(true);
    const notFaster = bench.judge(entry("engine.topsis"), {
      id: "engine.topsis",
      value: 20,
      baseline: { name: "arrays", value: 50 },
    });
    expect(notFaster.met).toBe(false);
    expect(notFaster.miss).toBe("only 2.5× faster than baseline, not 5×");
  });

  test("a run stopped at its time limit is a lower bound, and the miss says 'at least'", () => {
    const row = bench.judge(entry("cli.wall.100000"), {
      id: "cli.wall.100000",
      value: 30,
      atLeast: true,
    });
    // The catalogue's target for 100 000 rows is 15 s.
    expect(row.met).toBe(false);
    expect(row.miss).toBe("over by at least 15 s (at least 100 %)");
    expect(bench.textTable([row])).toContain("> 30 s");
  });

  test("a limit given with the figure (syncs once a write needs chunks) replaces the catalogue's", () => {
    const row = bench.judge(entry("excel.syncs.100000"), {
      id: "excel.syncs.100000",
      value: 5,
      limit: 5,
    });
    expect(row.met).toBe(true);
    expect(row.target).toBe("≤ 5 syncs");
  });

  test("a subject that could not be measured is 'not available' with why, never a number", () => {
    const row = bench.judge(entry("pane.gzip"), {
      id: "pane.gzip",
      unavailable: "dist/taskpane.html is missing",
    });
    expect(row.met).toBeNull();
    expect(row.value).toBeUndefined();
    expect(bench.textTable([row])).toContain("not available: dist/taskpane.html is missing");
    expect(bench.judge(entry("pane.gzip"), undefined).unavailable).toBe("not measured");
  });

  test("a measure without a target is reported but neither met nor missed", () => {
    const row = bench.judge(entry("engine.amount"), { id: "engine.amount", value: 250000 });
    expect(row.met).toBeNull();
    expect(bench.markdownTable([row])).toMatch(
      /\| parseAmount, realistic mix \| 250,000 strings\/s \|/
    );
  });
});
