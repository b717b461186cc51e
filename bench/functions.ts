/* global process */
/**
 * Worksheet functions through the built dist/functions.js, loaded the way Excel's JavaScript-only
 * runtime loads it (test/functions/loadBundle.ts): 10 000 ZS.SCORE calls over one model range with
 * the model cached, and 10 000 ZS.AMOUNT calls. Baselines: the same work through the engine directly.
 */
import defaultModel from "../src/models/pinghu-2023.json";
import type { CellValue, ScoringModel } from "../src/engine/types";
import type { Bundle } from "../test/functions/loadBundle";
import { amountStrings, candidateGrid, candidateTable } from "./lib/generate";
import { main, median, sampleMs, timed, tryRequire, unavailable, type Figure } from "./lib/measure";

const MODEL = defaultModel as unknown as ScoringModel;
const CALLS = 10_000;

function bundle(): Bundle {
  const build = process.env.ZS_BENCH_BUILD;
  const loader = tryRequire<{ loadBundle: () => Bundle }>("test/functions/loadBundle");
  if (!("mod" in loader)) throw new Error(loader.why);
  try {
    return loader.mod.loadBundle();
  } catch (e) {
    throw new Error(build ? `dist/functions.js: ${build}` : (e as Error).message);
  }
}

/** Whether a call gave an Excel error (the loader returns the thrown CustomFunctions.Error). */
function failed(result: unknown): string | null {
  if (result && typeof result === "object" && "code" in result) {
    const { code, message } = result as { code: string; message?: string };
    return `${code} ${message ?? ""}`.trim();
  }
  return null;
}

/** Microseconds per item of each timed run. */
const perCall = (samples: number[], count: number) => samples.map((ms) => (ms * 1000) / count);

function score(): Figure[] {
  const b = bundle();
  const sheet = tryRequire<{ modelToGrid: (m: ScoringModel, lang: "zh" | "en") => CellValue[][] }>(
    "src/workbook/modelSheet"
  );
  if (!("mod" in sheet)) return [unavailable("functions.score", sheet.why)];
  const modelRange = sheet.mod.modelToGrid(MODEL, "zh");
  const grid = candidateGrid(MODEL, CALLS);
  const headers = [grid[0]];
  const rows = grid.slice(1).map((r) => [r]);
  const first = b.call("SCORE", rows[0], headers, modelRange);
  const problem = failed(first);
  if (problem) return [unavailable("functions.score", `ZS.SCORE gave ${problem}`)];
  const samples = sampleMs(() => rows.forEach((r) => b.call("SCORE", r, headers, modelRange)), {
    warmup: 1,
    runs: 5,
  });
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
  return [timed("functions.score", perCall(samples, CALLS), baseline)];
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
