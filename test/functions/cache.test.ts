import fc from "fast-check";
import { RangeCache } from "../../src/functions/cache";
import { defaultModel, modelArg } from "../../src/functions/models";
import { modelToGrid } from "../../src/workbook/modelSheet";

/** A fresh deep copy, as Excel passes a range to every call. */
const copy = (g: unknown[][]): unknown[][] => g.map((r) => r.slice());

describe("model ranges are read and compiled once per distinct content", () => {
  const sheet = modelToGrid(defaultModel().model, "zh") as unknown[][];

  test("fresh copies of the same 评分模型 range give the very same compiled model", () => {
    const first = modelArg(copy(sheet));
    for (let i = 0; i < 50; i++) expect(modelArg(copy(sheet)).compiled).toBe(first.compiled);
    // Blank and empty-string cells are the same content (hosts send either).
    const blanksAsNull = sheet.map((r) => r.map((c) => (c === "" ? null : c)));
    expect(modelArg(blanksAsNull).compiled).toBe(first.compiled);
  });

  test("an edited model is a new model, compiled once; the earlier one stays cached", () => {
    // The one-cell form: the model kept as JSON text in a cell.
    const doc = defaultModel().model;
    const original = [[JSON.stringify(doc)]];
    const edited = [[JSON.stringify({ ...doc, name: { zh: "改过的模型", en: "Edited model" } })]];
    const a = modelArg(copy(original));
    const b = modelArg(copy(edited));
    expect(b.compiled).not.toBe(a.compiled);
    expect(b.model.name.en).toBe("Edited model");
    expect(modelArg(copy(edited)).compiled).toBe(b.compiled);
    expect(modelArg(copy(original)).compiled).toBe(a.compiled);
  });

  test("the cache builds once per content and forgets the least recently used beyond its capacity", () => {
    const cache = new RangeCache<number>(2);
    let builds = 0;
    const build = () => ++builds;
    const a = [[1, "a"]];
    const b = [[2, "b"]];
    const c = [[3, "c"]];
    expect(cache.get(copy(a), build)).toBe(1);
    expect(cache.get(copy(a), build)).toBe(1);
    expect(cache.get(copy(b), build)).toBe(2);
    expect(cache.get(copy(a), build)).toBe(1); // a is now the most recent
    expect(cache.get(copy(c), build)).toBe(3); // evicts b
    expect(cache.get(copy(a), build)).toBe(1);
    expect(cache.get(copy(b), build)).toBe(4); // b was forgotten: built again
    expect(builds).toBe(4);
    expect(cache.size).toBe(2);
  });

  test("the cache keeps its own copy: changing the caller's array afterwards does not change the key", () => {
    const cache = new RangeCache<string>(4);
    const range = [[1, 2]];
    cache.get(range, () => "first");
    range[0][0] = 9;
    expect(cache.get([[1, 2]], () => "rebuilt")).toBe("first");
    expect(cache.get([[9, 2]], () => "second")).toBe("second");
  });
});

describe("a range is recognised exactly when its content is the same", () => {
  const blank = (c: unknown) => c === null || c === undefined || c === "";
  /** The reference: cell for cell, blank for blank, a bare value standing for a one-cell row. */
  const sameContent = (a: unknown[], b: unknown[]) => {
    const rows = (g: unknown[]) => g.map((r) => (Array.isArray(r) ? r : [r]));
    const [x, y] = [rows(a), rows(b)];
    return (
      x.length === y.length &&
      x.every(
        (r, i) =>
          r.length === y[i].length && r.every((c, j) => (blank(c) ? blank(y[i][j]) : c === y[i][j]))
      )
    );
  };
  const cell = fc.oneof(
    fc.constantFrom(null, undefined, "", "总投资", "年税收", "1", 1, 0, -0.5, true, false),
    fc.integer({ min: -3, max: 3 })
  );
  const row = fc.oneof(fc.array(cell, { minLength: 1, maxLength: 3 }), cell);
  const range = fc.array(row, { minLength: 1, maxLength: 3 });

  /** A copy of `a` with blanks respelt, and maybe one cell (row, column) replaced by `c`. */
  const variant = (a: unknown[], at: [number, number] | null, c: unknown, spell: unknown) =>
    a.map((r, i) => {
      const cells = (Array.isArray(r) ? r : [r]).map((x) => (blank(x) ? spell : x));
      if (at && at[0] % a.length === i) cells[at[1] % cells.length] = c;
      return Array.isArray(r) || cells.length !== 1 ? cells : cells[0];
    });
  const pairs = fc.oneof(
    fc.tuple(range, range),
    fc
      .tuple(
        range,
        fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: null }),
        cell,
        fc.constantFrom(null, undefined, "")
      )
      .map(([a, at, c, spell]) => [a, variant(a, at, c, spell)] as [unknown[], unknown[]])
  );

  test("property: a hit exactly when the reference comparison says the content is the same", () => {
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        const cache = new RangeCache<string>(2);
        cache.get(a as unknown[][], () => "a");
        const got = cache.get(b as unknown[][], () => "b");
        expect(got === "a").toBe(sameContent(a, b));
      }),
      { numRuns: 3000, seed: 16 }
    );
  });

  test("a cell edited anywhere in a 评分模型 range, blank or not, is a new range", () => {
    const sheet = modelToGrid(defaultModel().model, "zh") as unknown[][];
    const cache = new RangeCache<string>(2);
    cache.get(sheet, () => "model");
    const edited = copy(sheet);
    edited[100][5] = edited[100][5] === null ? "新内容" : null;
    expect(cache.get(edited, () => "edited")).toBe("edited");
    expect(cache.get(copy(sheet), () => "again")).toBe("model");
  });
});
