/* global __dirname, console, process, require */
/**
 * What a benchmark module hands back to scripts/bench.js, and the timing helpers they share.
 * Targets live in scripts/bench.js (one catalogue); modules only report figures and baselines.
 */
import fs from "fs";
import path from "path";

export const ROOT = path.resolve(__dirname, "../..");

export interface Baseline {
  /** What the figure is compared against, e.g. "arrays of arrays (bench/baselines)". */
  name: string;
  value: number;
}

/** One measured figure. `unavailable` instead of a value when its subject cannot be measured yet. */
export interface Figure {
  id: string;
  value?: number;
  baseline?: Baseline;
  unavailable?: string;
  /** The raw samples the median came from (same unit as value). */
  samples?: number[];
  /** Overrides the catalogue's limit when it depends on the run (e.g. syncs once a write needs chunks). */
  limit?: number;
  /** The subject was stopped at its time limit: the true figure is at least `value`. */
  atLeast?: boolean;
  note?: string;
}

export interface TimingOptions {
  warmup?: number;
  runs?: number;
  /**
   * Milliseconds the whole sampling may take (default 8 000): a slow subject gets fewer warm-ups and
   * runs (at least one run), so the benchmark always finishes in its time.
   */
  budgetMs?: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/** Milliseconds of each timed run of `fn`, after up to `warmup` untimed runs (JIT, caches). */
export function sampleMs(fn: () => unknown, options: TimingOptions = {}): number[] {
  const { warmup = 2, runs = 5, budgetMs = 8000 } = options;
  const start = nowMs();
  for (let i = 0; i < warmup; i++) {
    const t0 = nowMs();
    fn();
    const took = nowMs() - t0;
    // So slow that a second run would not fit: this (cold) run is the figure.
    if (i === 0 && took * 2 > budgetMs) return [took];
    // One more warm-up and the runs would not fit: go on to the timed runs.
    if (took * (runs + 1) > budgetMs) break;
  }
  const out: number[] = [];
  while (out.length < runs && (out.length === 0 || nowMs() - start < budgetMs)) {
    const t0 = nowMs();
    fn();
    out.push(nowMs() - t0);
  }
  return out;
}

/** Median of the samples as the figure, keeping the samples. */
export function timed(id: string, samples: number[], baseline?: Baseline, note?: string): Figure {
  return { id, value: median(samples), samples, baseline, note };
}

export function unavailable(id: string, why: string): Figure {
  return { id, unavailable: why };
}

/** The first line of an error, for "not available: …". */
export function reason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split("\n")[0].slice(0, 200);
}

/**
 * Requires a module of the project by its path from the repository root ("src/engine/amount"), or
 * returns why it cannot: the subject may not have landed yet. The caller checks the exports it needs.
 */
export function tryRequire<T>(file: string): { mod: T } | { why: string } {
  const full = path.join(ROOT, file);
  try {
    require.resolve(full);
  } catch {
    return { why: `${file} has not landed` };
  }
  try {
    return { mod: require(full) as T };
  } catch (e) {
    return { why: `${file} does not load: ${reason(e)}` };
  }
}

/** Writes the module's figures where scripts/bench.js reads them (ZS_BENCH_OUT), or to stdout. */
export function report(figures: Figure[]): void {
  const json = JSON.stringify(figures);
  const out = process.env.ZS_BENCH_OUT;
  if (out) fs.writeFileSync(out, json);
  else console.log(json);
}

/** Figures measured together; if `run` throws, each of `ids` is reported "not available" with why. */
export interface Part {
  ids: string[];
  run: () => Figure[] | Promise<Figure[]>;
}

/**
 * Runs a module's parts one after another: one part's failure (a subject still in progress) must not
 * hide the others' figures. Every id a part owns is reported, measured or not. The figures are written
 * after each part, so a module stopped at its time limit still hands over what it finished.
 */
export function main(parts: Part[]): void {
  (async () => {
    const out: Figure[] = [];
    for (const part of parts) {
      try {
        const figures = await part.run();
        const seen = new Set(figures.map((f) => f.id));
        out.push(
          ...figures,
          ...part.ids.filter((id) => !seen.has(id)).map((id) => unavailable(id, "not measured"))
        );
      } catch (e) {
        out.push(...part.ids.map((id) => unavailable(id, reason(e))));
      }
      if (process.env.ZS_BENCH_OUT) report(out);
    }
    report(out);
  })().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
