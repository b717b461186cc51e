#!/usr/bin/env node
/* eslint-disable no-undef */
/**
 * `npm run bench`: the one place where speed, size and memory are measured (issue 9).
 * Builds dist/ when a bundle is missing or older than src/, runs each module under bench/ in its own
 * Node process (TypeScript through ts-node, transpile only), compares every figure with its baseline
 * from the same run and with its target, prints one table and writes the same figures to
 * bench/results.json. A figure whose subject is missing is reported as "not available: why".
 *
 *   npm run bench                      all modules; writes bench/results.json
 *   npm run bench -- --only engine,cli some modules; prints only (results.json keeps the full run)
 *   npm run bench -- --markdown        the table as Markdown (for README)
 *   npm run bench -- --print [--markdown]  the table of the last bench/results.json, without running
 */
const { execFileSync, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { newestMtime } = require("./preview.js");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const RESULTS = path.join(ROOT, "bench", "results.json");
const BUNDLES = ["functions.js", "taskpane.html", path.join("cli", "zs-score.js")];

/**
 * Every figure the benchmark reports, in table order. `better` says which way is good; a target has
 * `max` (figure at most), `min` (at least) and/or `maxRatio` (figure ÷ baseline at most).
 */
const CATALOGUE = [
  ["engine", "engine.score.1000", "Score 1 000 candidates (default model)", "ms", {}],
  ["engine", "engine.score.10000", "Score 10 000 candidates", "ms", {}],
  ["engine", "engine.score.100000", "Score 100 000 candidates", "ms", { max: 250 }],
  ["engine", "engine.topsis", "TOPSIS 100 000 × 15", "ms", { max: 30, maxRatio: 0.2 }],
  ["engine", "engine.wsum", "Weighted sum 100 000 × 15", "ms", { max: 30 }],
  ["engine", "engine.amount", "parseAmount, realistic mix", "strings/s", {}, "higher"],
  [
    "functions",
    "functions.score",
    "ZS.SCORE, per distinct row (10 000 rows, model cached)",
    "µs",
    { max: 15 },
  ],
  ["functions", "functions.amount", "ZS.AMOUNT, per call (10 000 calls)", "µs", {}],
  ["mcda", "functions.topsis", "ZS.TOPSIS 100 000 × 15, arrays of rows", "ms", { maxRatio: 1 }],
  ["mcda", "functions.vikor", "ZS.VIKOR 100 000 × 15, arrays of rows", "ms", { maxRatio: 1 }],
  ["mcda", "functions.wsum", "ZS.WSUM 100 000 × 15, arrays of rows", "ms", { maxRatio: 1 }],
  // The other MCDA functions with a vectorised numpy form (issue 17): at most 2× numpy.
  ["mcda", "functions.wpm", "ZS.WPM 100 000 × 15", "ms", { maxRatio: 2 }],
  ["mcda", "functions.waspas", "ZS.WASPAS 100 000 × 15", "ms", { maxRatio: 2 }],
  ["mcda", "functions.edas", "ZS.EDAS 100 000 × 15", "ms", { maxRatio: 2 }],
  ["mcda", "functions.moora", "ZS.MOORA 100 000 × 15", "ms", { maxRatio: 2 }],
  ["mcda", "functions.copras", "ZS.COPRAS 100 000 × 15", "ms", { maxRatio: 2 }],
  ["mcda", "functions.mabac", "ZS.MABAC 100 000 × 15", "ms", { maxRatio: 2 }],
  ["mcda", "functions.aras", "ZS.ARAS 100 000 × 15", "ms", { maxRatio: 2 }],
  ["mcda", "functions.codas", "ZS.CODAS 2 000 × 15", "ms", { maxRatio: 2 }],
  ["mcda", "functions.marcos", "ZS.MARCOS 100 000 × 15", "ms", { maxRatio: 2 }],
  ["mcda", "functions.spotis", "ZS.SPOTIS 100 000 × 15", "ms", { maxRatio: 2 }],
  ["mcda", "functions.cocoso", "ZS.COCOSO 100 000 × 15", "ms", { maxRatio: 2 }],
  ["mcda", "functions.promethee", "ZS.PROMETHEE 2 000 × 15", "ms", { maxRatio: 2 }],
  ["mcda", "functions.multimoora", "ZS.MULTIMOORA 2 000 × 15", "ms", { maxRatio: 2 }],
  ["mcda", "functions.entropy", "ZS.ENTROPY 100 000 × 15", "ms", { maxRatio: 2 }],
  ["mcda", "functions.critic", "ZS.CRITIC 100 000 × 15", "ms", { maxRatio: 2 }],
  ["mcda", "functions.merec", "ZS.MEREC 100 000 × 15", "ms", { maxRatio: 2 }],
  ["mcda", "functions.stdweights", "ZS.STDWEIGHTS 100 000 × 15", "ms", { maxRatio: 2 }],
  ["excel", "excel.syncs.100", "Excel syncs to score 100 rows", "syncs", { max: 3 }],
  ["excel", "excel.syncs.10000", "Excel syncs to score 10 000 rows", "syncs", { max: 3 }],
  ["excel", "excel.syncs.100000", "Excel syncs to score 100 000 rows", "syncs", { max: 3 }],
  ["excel", "excel.bytes.100", "Excel payload to score 100 rows", "KB", {}],
  ["excel", "excel.bytes.10000", "Excel payload to score 10 000 rows", "KB", {}],
  ["excel", "excel.bytes.100000", "Excel payload to score 100 000 rows", "KB", {}],
  ["pane", "pane.gzip", "Pane JavaScript shipped (gzip, preview excluded)", "KB", { max: 150 }],
  ["pane", "pane.render.1000", "Pane first render, 1 000 candidates", "ms", {}],
  ["pane", "pane.render.10000", "Pane first render, 10 000 candidates", "ms", {}],
  ["pane", "pane.rerank.1000", "Pane re-rank on a weight change, 1 000", "ms", { max: 16 }],
  ["pane", "pane.rerank.10000", "Pane re-rank on a weight change, 10 000", "ms", {}],
  ["pane", "pane.detail.1000", "Pane opening a detail, 1 000 candidates", "ms", { max: 50 }],
  ["cli", "cli.wall.10000", "CLI end to end, 10 000 rows", "s", { max: 2 }],
  ["cli", "cli.rss.10000", "CLI peak memory, 10 000 rows", "MB", { max: 500 }],
  ["cli", "cli.wall.100000", "CLI end to end, 100 000 rows", "s", { max: 15 }],
  ["cli", "cli.rss.100000", "CLI peak memory, 100 000 rows", "MB", { max: 500 }],
].map(([module, id, name, unit, target, better = "lower"]) => ({
  module,
  id,
  name,
  unit,
  target,
  better,
}));

const MODULES = [...new Set(CATALOGUE.map((m) => m.module))];
// Each module's own time limit: the whole run must stay under 5 minutes on 2 cores.
const MODULE_TIMEOUT_S = { engine: 60, functions: 90, mcda: 120, excel: 60, pane: 90, cli: 200 };

/** Builds dist/ once when a bundle is missing or older than src/. Returns why it could not, or null. */
function ensureBuilt() {
  const srcTime = newestMtime(path.join(ROOT, "src"));
  const stale = BUNDLES.filter((b) => {
    const file = path.join(DIST, b);
    return !fs.existsSync(file) || fs.statSync(file).mtimeMs < srcTime;
  });
  if (stale.length === 0) return null;
  console.log(
    `Building dist/ (npx webpack --mode production): ${stale.join(", ")} missing or stale …`
  );
  // The pane bench runs offline, so it measures the self-hosted office.js build.
  const r = spawnSync("npx", ["webpack", "--mode", "production"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ZS_OFFICE_JS: "self-hosted" },
  });
  if (r.status === 0) {
    // Outputs whose content did not change are left unwritten by webpack: mark them built now, or
    // test/functions/loadBundle.ts would build the functions bundle again in each module.
    const now = new Date();
    for (const file of [...BUNDLES, "functions.json"]) {
      if (fs.existsSync(path.join(DIST, file))) fs.utimesSync(path.join(DIST, file), now, now);
    }
    return null;
  }
  const lines = `${r.stdout}\n${r.stderr}`.split("\n").filter((l) => l.trim());
  const first =
    lines.find((l) => /ERROR|Error:/.test(l)) || lines[lines.length - 1] || `exit ${r.status}`;
  return `webpack failed (${first.trim().slice(0, 160)})`;
}

function runModule(name, buildProblem) {
  const out = path.join(os.tmpdir(), `zs-bench-${process.pid}-${name}.json`);
  fs.rmSync(out, { force: true });
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      "--max-old-space-size=4096",
      "-r",
      "ts-node/register/transpile-only",
      path.join(ROOT, "bench", `${name}.ts`),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ZS_BENCH_OUT: out, ZS_BENCH_BUILD: buildProblem || "" },
      encoding: "utf8",
      timeout: MODULE_TIMEOUT_S[name] * 1000,
      maxBuffer: 64 * 1024 * 1024,
    }
  );
  const seconds = (Date.now() - started) / 1000;
  let figures = [];
  try {
    figures = JSON.parse(fs.readFileSync(out, "utf8"));
  } catch {
    figures = []; // never written, or cut off when the module was stopped
  }
  fs.rmSync(out, { force: true });
  if (r.status === 0 && !r.error) return { figures, seconds };
  // Stopped or crashed: what it finished stands, the rest says why.
  const why = r.error
    ? r.error.code === "ETIMEDOUT"
      ? `stopped at bench/${name}.ts's limit of ${MODULE_TIMEOUT_S[name]} s`
      : r.error.message
    : `bench/${name}.ts exited ${r.status}: ${(r.stderr || "").trim().split("\n").slice(-1)[0]}`;
  return { figures, seconds, why };
}

const round = (x) => (Math.abs(x) >= 100 ? Math.round(x) : Number(x.toPrecision(3)));
const fmt = (x, unit) =>
  unit === "strings/s"
    ? `${Math.round(x).toLocaleString("en-US")} ${unit}`
    : unit === "syncs"
      ? `${x} ${x === 1 ? "sync" : "syncs"}`
      : `${round(x).toLocaleString("en-US")} ${unit}`;

function targetText(entry, limit) {
  const t = entry.target;
  const parts = [];
  if (limit !== undefined) parts.push(`≤ ${fmt(limit, entry.unit)}`);
  if (t.min !== undefined) parts.push(`≥ ${fmt(t.min, entry.unit)}`);
  if (t.maxRatio !== undefined)
    parts.push(t.maxRatio === 1 ? "≤ baseline" : `≥ ${round(1 / t.maxRatio)}× faster`);
  return parts.join(", ");
}

/** A catalogue entry with its figure: ratio to baseline, target met or by how much it is missed. */
function judge(entry, figure) {
  const row = { id: entry.id, name: entry.name, unit: entry.unit, better: entry.better };
  const limit = figure && figure.limit !== undefined ? figure.limit : entry.target.max;
  row.target = targetText(entry, limit) || null;
  if (!figure || figure.unavailable !== undefined || typeof figure.value !== "number") {
    row.unavailable = (figure && figure.unavailable) || "not measured";
    row.met = null;
    return row;
  }
  Object.assign(row, {
    value: figure.value,
    baseline: figure.baseline || null,
    samples: figure.samples,
    note: figure.note,
    atLeast: figure.atLeast || undefined,
  });
  if (figure.baseline && figure.baseline.value > 0) {
    row.ratio = figure.value / figure.baseline.value;
  }
  const misses = [];
  if (limit !== undefined && figure.value > limit) {
    const over = figure.value - limit;
    const atLeast = row.atLeast ? "at least " : "";
    misses.push(
      `over by ${atLeast}${fmt(over, entry.unit)} (${atLeast}${Math.round((over / limit) * 100)} %)`
    );
  }
  if (entry.target.min !== undefined && figure.value < entry.target.min) {
    misses.push(`short by ${fmt(entry.target.min - figure.value, entry.unit)}`);
  }
  if (entry.target.maxRatio !== undefined) {
    if (row.ratio === undefined) misses.push("no baseline to compare with");
    else if (row.ratio > entry.target.maxRatio) {
      misses.push(
        `only ${round(1 / row.ratio)}× faster than baseline, not ${round(1 / entry.target.maxRatio)}×`
      );
    }
  }
  row.met = row.target ? misses.length === 0 : null;
  if (misses.length) row.miss = misses.join("; ");
  return row;
}

function machine() {
  const cpus = os.cpus();
  let chromium = null;
  const browser = process.env.CHROME_PATH || "/usr/bin/chromium";
  try {
    chromium = execFileSync(browser, ["--version"], {
      encoding: "utf8",
      timeout: 10000,
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    chromium = null;
  }
  let commit = null;
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: ROOT,
      encoding: "utf8",
    }).trim();
  } catch {
    commit = null;
  }
  return {
    cpu: cpus[0] ? cpus[0].model.trim() : "unknown",
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium,
    commit,
  };
}

function ratioText(row) {
  if (row.ratio === undefined) return "—";
  const r = round(row.ratio);
  // For time, a ratio under 1 reads better as "N× faster".
  if (row.ratio < 1 && row.ratio > 0 && ["ms", "µs", "s"].includes(row.unit))
    return `${r}× (${round(1 / row.ratio)}× faster)`;
  return `${r}×`;
}

function cells(row) {
  if (row.unavailable !== undefined) {
    return [row.name, `not available: ${row.unavailable}`, "", "", row.target || "—", "—"];
  }
  const baseline = row.baseline
    ? `${fmt(row.baseline.value, row.unit)} (${row.baseline.name})`
    : "—";
  const met = row.met === null ? "—" : row.met ? "yes" : `NO: ${row.miss}`;
  const figure = `${row.atLeast ? "> " : ""}${fmt(row.value, row.unit)}`;
  return [row.name, figure, baseline, ratioText(row), row.target || "—", met];
}

const HEAD = ["measure", "figure", "baseline", "ratio", "target", "met?"];

/** Terminal columns count East Asian wide characters twice. */
const width = (s) =>
  [...s].reduce(
    (w, c) =>
      w +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        c
      )
        ? 2
        : 1),
    0
  );

function textTable(rows) {
  const all = [HEAD, ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => width(r[i]))));
  const line = (r) =>
    r
      .map((c, i) => c + " ".repeat(widths[i] - width(c)))
      .join("  ")
      .trimEnd();
  return [
    line(all[0]),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...all.slice(1).map(line),
  ].join("\n");
}

function markdownTable(rows) {
  const esc = (s) => s.replace(/\|/g, "\\|");
  return [
    `| ${HEAD.join(" | ")} |`,
    `|${HEAD.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${cells(r).map(esc).join(" | ")} |`),
  ].join("\n");
}

/** The table and machine line of a results document. */
function printResults(json, markdown) {
  const m = json.machine;
  console.log(markdown ? markdownTable(json.measures) : textTable(json.measures));
  console.log();
  console.log(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}` +
      `${m.chromium ? `, ${m.chromium}` : ""}. Load average ${m.load.before} before, ` +
      `${m.load.after} after. Whole run: ${json.seconds.total} s (${json.date}, commit ${m.commit}).`
  );
}

function main() {
  const args = process.argv.slice(2);
  if (args.includes("--print")) {
    printResults(JSON.parse(fs.readFileSync(RESULTS, "utf8")), args.includes("--markdown"));
    return;
  }
  const onlyArg = args.find((a) => a.startsWith("--only"));
  const only = onlyArg
    ? (onlyArg.includes("=") ? onlyArg.split("=")[1] : args[args.indexOf(onlyArg) + 1]).split(",")
    : null;
  const started = Date.now();
  // Other work on the machine skews every figure: the load average is kept with them.
  const loadBefore = os.loadavg()[0];
  const buildProblem = ensureBuilt();
  const figures = new Map();
  const moduleSeconds = {};
  for (const name of MODULES) {
    if (only && !only.includes(name)) continue;
    process.stdout.write(`bench/${name}.ts … `);
    const { figures: got, seconds, why } = runModule(name, buildProblem);
    moduleSeconds[name] = Math.round(seconds * 10) / 10;
    console.log(`${moduleSeconds[name]} s${why ? ` (${why})` : ""}`);
    for (const f of got) figures.set(f.id, f);
    if (why) {
      for (const entry of CATALOGUE.filter((e) => e.module === name && !figures.has(e.id))) {
        figures.set(entry.id, { id: entry.id, unavailable: why });
      }
    }
  }
  const rows = CATALOGUE.filter((e) => !only || only.includes(e.module)).map((e) =>
    judge(e, figures.get(e.id))
  );
  const totalSeconds = Math.round((Date.now() - started) / 100) / 10;
  const facts = {
    ...machine(),
    load: { before: round(loadBefore), after: round(os.loadavg()[0]) },
  };
  const json = {
    schema: "zs-scorer/bench",
    date: new Date().toISOString(),
    machine: facts,
    build: buildProblem || "ok",
    seconds: { total: totalSeconds, modules: moduleSeconds },
    measures: rows,
  };
  console.log();
  printResults(json, args.includes("--markdown"));
  if (buildProblem) console.log(`Build: ${buildProblem}`);
  if (only) return;
  const tmp = `${RESULTS}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(json, null, 2) + "\n");
  fs.renameSync(tmp, RESULTS);
  console.log(`Figures written to ${path.relative(ROOT, RESULTS)}.`);
}

module.exports = { CATALOGUE, judge, textTable, markdownTable };

if (require.main === module) main();
