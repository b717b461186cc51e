import * as expression from "../../../src/engine/expression";
import { compileModel, loadModel } from "../../../src/engine/model";
import { scoreTable, tableFromRows } from "../../../src/engine/score";
import full from "../../fixtures/models/full.json";

describe("compileModel", () => {
  test("compiles every expression once per model, never per row", () => {
    const spy = jest.spyOn(expression, "compileExpression");
    const m = loadModel(full);
    spy.mockClear();
    const compiled = compileModel(m);
    // 2 derived + 1 expression transform + 3 gate tests + 2 appliesWhen + 1 bonus + 1 flag
    expect(spy).toHaveBeenCalledTimes(10);
    const rows = Array.from({ length: 500 }, (_, i) => ({
      investment: `${i}万元`,
      landArea: i % 7,
      country: "中国",
    }));
    scoreTable(tableFromRows(rows, m), compiled);
    expect(compileModel(m)).toBe(compiled); // memoised
    expect(spy).toHaveBeenCalledTimes(10);
    spy.mockRestore();
  });

  test("criterion weights are shares of their dimension; only needed fields are read", () => {
    const c = compileModel(loadModel(full));
    // scale: investment 2, tax 1 → 2/3 and 1/3
    expect(c.criteria.slice(0, 2).map((k) => k.share)).toEqual([2 / 3, 1 / 3]);
    expect(c.derived.map((d) => d.def.id)).toEqual(["investPerMu", "taxPerMu"]);
    expect(c.inputs).not.toContain("name");
    // Chain fit reads its chain and role cells from the table: they are not read as columns.
    expect(c.inputs).not.toContain("chain");
    expect(c.inputs).not.toContain("role");
    expect(c.inputs).toEqual(
      expect.arrayContaining(["investment", "tax", "landArea", "description", "country"])
    );
  });

  test("derived fields are ordered after the fields they read", () => {
    const m = JSON.parse(JSON.stringify(full));
    m.derived.reverse();
    m.derived[0].expression = "investPerMu * 2"; // taxPerMu now reads investPerMu, listed after it
    const c = compileModel(loadModel(m));
    expect(c.derived.map((d) => d.def.id)).toEqual(["investPerMu", "taxPerMu"]);
  });
});
