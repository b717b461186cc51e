/**
 * The functions bundle at ES2017 (issue 16). Desktop Excel runs custom functions in a sandboxed engine whose
 * language level Microsoft does not document, and Microsoft's own template compiles to ES5; we build for
 * ES2017 (async functions, Object.entries, String.prototype.padStart; no ?., ??, object spread in
 * libraries' raw form, Object.fromEntries or Array.prototype.flat). Syntax is checked here with a
 * standards parser; built-ins by docs.test.ts, which runs every documented example in a context where
 * the newer built-ins are deleted.
 */
import * as acorn from "acorn";
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import {
  AFTER_ES2017,
  DIST,
  bareContext,
  ensureBuilt,
  loadBundleIn,
} from "../functions/loadBundle";

ensureBuilt();
const bundle = fs.readFileSync(path.join(DIST, "functions.js"), "utf8");

/** Where a parse at `ecmaVersion` fails, with the code around it, or null when it parses. */
function parseFailure(code: string, ecmaVersion: acorn.ecmaVersion): string | null {
  try {
    acorn.parse(code, { ecmaVersion, sourceType: "script" });
    return null;
  } catch (e) {
    const pos = (e as { pos?: number }).pos ?? 0;
    return `${(e as Error).message}: …${code.slice(Math.max(0, pos - 60), pos + 20)}…`;
  }
}

describe("dist/functions.js language level", () => {
  test("parses as ES2017 script", () => {
    expect(parseFailure(bundle, 2017)).toBeNull();
  });

  test("the check can fail: ES2020 syntax is refused at 2017", () => {
    expect(parseFailure("const a = b ?? c?.d;", 2017)).toMatch(/Unexpected token/);
    expect(parseFailure("const a = b ?? c?.d;", 2020)).toBeNull();
  });

  test("loads and registers every function with the post-ES2017 built-ins deleted", () => {
    const stripped = loadBundleIn({ without: AFTER_ES2017 });
    expect(stripped.functions.size).toBe(stripped.metadata.functions.length);
  });

  test("the stripped context really lacks each of them", () => {
    const context = bareContext({}, AFTER_ES2017);
    const present = AFTER_ES2017.filter(
      (p) => vm.runInContext(`typeof ${p}`, context) !== "undefined"
    );
    expect(present).toEqual([]);
    expect(vm.runInContext("typeof Object.entries + typeof ''.padStart", context)).toBe(
      "functionfunction"
    );
  });
});
