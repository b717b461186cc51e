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
