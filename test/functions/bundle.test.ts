/**
 * The built dist/functions.js in a bare JavaScript context (issue 2, issue 6): it registers every
 * function of dist/functions.json, and the metadata is complete enough for Excel's autocomplete.
 */
import { loadBundle } from "./loadBundle";

const bundle = loadBundle();
const ids = bundle.metadata.functions.map((f) => f.id);

describe("dist/functions.js in a bare context", () => {
  test("registers exactly the functions of dist/functions.json", () => {
    expect(ids.length).toBeGreaterThan(0);
    expect([...bundle.functions.keys()].sort()).toEqual([...ids].sort());
  });

  test("ids are upper case and unique", () => {
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z0-9.]*$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("every function and parameter is described", () => {
    for (const f of bundle.metadata.functions) {
      expect(`${f.id}: ${f.description ?? ""}`).toMatch(/: \S/);
      for (const p of f.parameters)
        expect(`${f.id}(${p.name}): ${p.description ?? ""}`).toMatch(/\): \S/);
    }
  });
});
