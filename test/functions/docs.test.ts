/**
 * docs/functions.md: every function the bundle registers has an example there, and every example formula,
 * run through the built bundle, gives the result the page shows (to the digits shown) — in a bare context,
 * and again in one stripped of every built-in newer than ES2017 (the runtime's language level is not
 * documented; see test/build/functions-language-level.test.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { parseFormula, parseLiteral, Value } from "./formula";
import { AFTER_ES2017, ROOT, loadBundle, loadBundleIn } from "./loadBundle";

const { metadata } = loadBundle();
const doc = fs.readFileSync(path.join(ROOT, "docs/functions.md"), "utf8");

/** Table rows whose last two cells are `=ZS.…` and `result`. */
const examples = doc
  .split("\n")
  .map((line) => /\|\s*`(=ZS\.[^`]+)`\s*\|\s*`([^`]+)`\s*\|\s*$/.exec(line))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ formula: m[1], result: m[2] }));

/** Half a unit in the last digit the page prints; integers must match exactly. */
function expectShown(actual: unknown, shown: string, expected: Value, where: string): void {
  if (Array.isArray(expected)) {
    const got = actual as unknown[][];
    expect(Array.isArray(got) ? got.map((r) => r.length) : got).toEqual(
      expected.map((r) => r.length)
    );
    const cells = shown.slice(1, -1).split(/[,;](?=(?:[^"]*"[^"]*")*[^"]*$)/);
    // concat, not got.flat(): arrays from the stripped context have no flat.
    const gotCells = ([] as unknown[]).concat(...got);
    expected.flat().forEach((e, k) => expectShown(gotCells[k], cells[k], e, `${where} [${k}]`));
    return;
  }
  if (typeof expected === "number") {
    const decimals = /\.(\d+)$/.exec(shown.trim())?.[1].length ?? 0;
    const tolerance =
      decimals === 0 ? 1e-9 * Math.max(1, Math.abs(expected)) : 0.5 * 10 ** -decimals + 1e-12;
    expect([where, Math.abs((actual as number) - expected) <= tolerance]).toEqual([where, true]);
    return;
  }
  expect([where, actual]).toEqual([where, expected]);
}

describe("docs/functions.md", () => {
  test("documents every registered function with an example", () => {
    const documented = new Set(examples.map((e) => parseFormula(e.formula).id));
    expect(metadata.functions.map((f) => f.id).filter((id) => !documented.has(id))).toEqual([]);
  });

  describe.each([
    ["bare context", () => loadBundle()],
    ["ES2017 built-ins only", () => loadBundleIn({ without: AFTER_ES2017 })],
  ] as const)("%s", (_, load) => {
    const { call } = load();
    test.each(examples.map((e) => [e.formula.slice(0, 60), e] as const))("%s", (_, e) => {
      const { id, args } = parseFormula(e.formula);
      expectShown(call(id, ...args), e.result, parseLiteral(e.result), e.formula);
    });
  });
});
