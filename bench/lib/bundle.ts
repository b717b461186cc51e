/* global process */
/**
 * The built dist/functions.js as the bench loads it (test/functions/loadBundle: the main realm with only
 * the CustomFunctions and Office stubs), and how a call's Excel error shows.
 */
import type { Bundle, LoadOptions } from "../../test/functions/loadBundle";
import { tryRequire } from "./measure";

/** The bundle evaluated anew (main realm by default), or an error saying why it cannot load. */
export function bundle(options: LoadOptions = { realm: "main" }): Bundle {
  const build = process.env.ZS_BENCH_BUILD;
  const loader = tryRequire<{ loadBundleIn: (o: LoadOptions) => Bundle }>(
    "test/functions/loadBundle"
  );
  if (!("mod" in loader)) throw new Error(loader.why);
  try {
    return loader.mod.loadBundleIn(options);
  } catch (e) {
    throw new Error(build ? `dist/functions.js: ${build}` : (e as Error).message);
  }
}

/** Whether a call gave an Excel error (the loader returns the thrown CustomFunctions.Error). */
export function failed(result: unknown): string | null {
  if (result && typeof result === "object" && "code" in result) {
    const { code, message } = result as { code: string; message?: string };
    return `${code} ${message ?? ""}`.trim();
  }
  return null;
}
