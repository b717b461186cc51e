/* global process */
/**
 * Worksheet functions through the built dist/functions.js, measured the way Excel runs them (issue 16):
 * the bundle evaluated in this (main) realm with only the CustomFunctions and Office stubs added — a vm
 * sandbox makes every global lookup slower than Excel's engine and overstates costs — arguments passed
 * as arrays of rows, and each ZS.SCORE call given a row it has not seen (and, for a note beside the
 * figure, header and model ranges parsed anew per call). Baseline: the engine's batch path for ZS.SCORE. The MCDA functions, loaded the same way, are in bench/mcda.ts.
 */
import defaultModel from "../src/models/pinghu-2023.json";
import type { CellValue, ScoringModel } from "../src/engine/types";
import type { Bundle } from "../test/functions/loadBundle";
import { bundle, failed } from "./lib/bundle";
import { amountStrings, candidateGrid, candidateTable } from "./lib/generate";
import { main, median, sampleMs, timed, tryRequire, unavailable, type Figure } from "./lib/measure";

const MODEL = defaultModel as unknown as ScoringModel;
const CALLS = 10_000;

/** Microseconds per item of each timed run. */
const perCall = (samples: number[], count: number) => samples.map((ms) => (ms * 1000) / count);
const nowUs = () => Number(process.hrtime.bigint()) / 1e3;

/**
 * Microseconds of each call, every call on a row not scored before (ZS.SCORE's cache never hits). With
 * `anew`, the header and model ranges are parsed from JSON just before each call (untimed), as Excel hands
 * each call its own copy: their texts are new string objects, so recognising them compares content, and
 * the parse leaves the processor's caches as a call in Excel finds them.
 */
function perDistinctRow(
  b: Bundle,
  rows: CellValue[][][],
  headers: CellValue[][],
  model: unknown,
  anew = false
) {
  const [headerText, modelText] = [JSON.stringify(headers), JSON.stringify(model)];
  const out = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const h = anew ? (JSON.parse(headerText) as unknown) : headers;
    const m = anew ? (JSON.parse(modelText) as unknown) : model;
    const t0 = nowUs();
    b.call("SCORE", rows[i], h, m);
    out[i] = nowUs() - t0;
  }
  return out;
}

function score(): Figure[] {
  const b = bundle();
  const sheet = tryRequire<{ modelToGrid: (m: ScoringModel, lang: "zh" | "en") => CellValue[][] }>(
    "src/workbook/modelSheet"
  );
  if (!("mod" in sheet)) return [unavailable("functions.score", sheet.why)];
  const modelRange = sheet.mod.modelToGrid(MODEL, "zh");
  // Warm-up rows and timed rows from different seeds: every timed call is a row the bundle has not seen.
  const warm = candidateGrid(MODEL, CALLS, 11);
  const grid = candidateGrid(MODEL, CALLS, 1);
  const headers = [grid[0]];
  const first = b.call("SCORE", [warm[1]], headers, modelRange);
  const problem = failed(first);
  if (problem) return [unavailable("functions.score", `ZS.SCORE gave ${problem}`)];
  perDistinctRow(
    b,
    warm.slice(1).map((r) => [r]),
    headers,
    modelRange
  );
  const samples = perDistinctRow(
    b,
    grid.slice(1).map((r) => [r]),
    headers,
    modelRange
  );
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
  // Baseline: the same candidates scored in one batch by the engine (per candidate).
  const engine = tryRequire<{
    loadModel: (json: unknown) => ScoringModel;
    compileModel: (m: ScoringModel) => unknown;
  }>("src/engine/model");
  const scorer = tryRequire<{ scoreTable: (t: unknown, c: unknown) => unknown }>(
    "src/engine/score"
  );
  let baseline;
  if ("mod" in engine && "mod" in scorer) {
    const compiled = engine.mod.compileModel(engine.mod.loadModel(defaultModel));
    const table = candidateTable(MODEL, CALLS);
    const batch = sampleMs(() => scorer.mod.scoreTable(table, compiled), { warmup: 1, runs: 5 });
    baseline = { name: "engine batch, per candidate", value: median(perCall(batch, CALLS)) };
  }
  // For comparison with earlier figures only: the same calls in a vm sandbox.
  const sandboxed = bundle({ realm: "bare" });
  const vmRows = grid.slice(1, 2001).map((r) => [r]);
  const vm = median(perDistinctRow(sandboxed, vmRows, headers, modelRange));
  // The same rows with the ranges parsed anew per call, as Excel passes them (a note beside the figure).
  const anew = median(
    perDistinctRow(
      b,
      grid.slice(1).map((r) => [r]),
      headers,
      modelRange,
      true
    )
  );
  return [
    {
      ...timed("functions.score", samples, baseline),
      samples: undefined,
      note: `median of ${CALLS} distinct rows in the main realm; mean ${mean.toFixed(1)} µs; header and model ranges parsed anew before each call, as Excel passes them: ${anew.toFixed(1)} µs; in a vm sandbox ${vm.toFixed(1)} µs`,
    },
  ];
}

function amount(): Figure[] {
  const b = bundle();
  const strings = amountStrings(CALLS);
  const samples = sampleMs(() => strings.forEach((s) => b.call("AMOUNT", s)), {
    warmup: 1,
    runs: 5,
  });
  const parser = tryRequire<{ parseAmount: (s: string) => unknown }>("src/engine/amount");
  let baseline;
  if ("mod" in parser) {
    const direct = sampleMs(() => strings.forEach((s) => parser.mod.parseAmount(s)), {
      warmup: 1,
      runs: 5,
    });
    baseline = { name: "parseAmount called directly", value: median(perCall(direct, CALLS)) };
  }
  return [timed("functions.amount", perCall(samples, CALLS), baseline)];
}

main([
  { ids: ["functions.score"], run: score },
  { ids: ["functions.amount"], run: amount },
]);
