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

describe("compileModel: what the scorer reads", () => {
  const label = (zh: string, en: string) => ({ zh, en });
  const field = (id: string, type: string) => ({ id, label: label(id, id), type, aliases: [id] });
  const table = (id: string, by: string, key: string) => ({
    id,
    label: label("表", "table"),
    by,
    columns: [{ id: "line", label: label("下限", "line") }],
    rows: [{ id: "general", label: label("一般", "general"), match: [key], values: { line: 1 } }],
    default: "general",
    source: label("测试", "test"),
  });
  // full.json plus fields read only through a lookup key, a derived field's note, or the chain's
  // role scale: each must still be parsed. The note also reads its own field (validation checks
  // cycles in expressions, not notes).
  const reachModel = () => {
    const m = JSON.parse(JSON.stringify(full));
    m.fields.push(field("industry", "text"), field("fixedAssets", "amount"));
    m.fields.push(field("registered", "amount"));
    m.tables = [table("byIndustry", "industry", "汽车"), table("byChain", "chain", "nev")];
    m.gates.push({
      id: "lines",
      label: label("下限", "lines"),
      pass: "byIndustry_line + byChain_line >= 0",
      effect: "flag",
      reason: label("低于下限", "below the line"),
    });
    m.derived[0].notes = [
      { when: "isNaN(fixedAssets)", text: label("无固投", "no fixed assets") },
      { when: "investPerMu > 1000", text: label("请核实", "please check") },
    ];
    m.chain.roleScale = { role: "leader", field: "registered", min: 1000, score: 0.8 };
    return loadModel(m);
  };

  test("a lookup's key field, a note's fields and the role scale's field are inputs", () => {
    const c = compileModel(reachModel());
    expect(c.inputs).toEqual(expect.arrayContaining(["industry", "fixedAssets", "registered"]));
    // A table chosen by the chain reads the chain criterion's result, not the chain column.
    expect(c.inputs).not.toContain("chain");
    expect(c.currencyInputs).toEqual([]);
  });

  test("only amount fields get a currency name; a non-amount field's `_currency` stays its own", () => {
    const m = JSON.parse(JSON.stringify(full));
    // "landArea_currency" is free for a field of its own: landArea is a number, not an amount.
    m.fields.push(field("landArea_currency", "number"));
    m.gates.push({
      id: "odd",
      label: label("奇", "odd"),
      pass: "landArea_currency >= 0",
      effect: "flag",
      reason: label("负", "negative"),
    });
    const c = compileModel(loadModel(m));
    expect(c.kinds.investment_currency).toBe("str");
    expect(c.kinds.tax_currency).toBe("str");
    expect(c.kinds.landArea_currency).toBe("num");
    expect(c.kinds).not.toHaveProperty("name_currency");
    expect(c.inputs).toContain("landArea_currency");
    expect(c.currencyInputs).toEqual([]);
  });

  test("a dimension whose criteria all weigh 0 gives them share 0, not 0/0", () => {
    const m = JSON.parse(JSON.stringify(full));
    m.dimensions.push({ id: "idle", label: label("闲置", "idle"), weight: 0 });
    m.criteria.push({ ...m.criteria[0], id: "idleInvestment", dimension: "idle", weight: 0 });
    const model = loadModel(m);
    const c = compileModel(model);
    expect(c.criteria[c.criteria.length - 1].share).toBe(0);
    // It adds nothing: the total is the one without that dimension.
    const rows = [{ investment: "5000万元", landArea: 10 }];
    const base = loadModel(full);
    const without = scoreTable(tableFromRows(rows, base), compileModel(base)).total[0];
    expect(without).toBeGreaterThan(0);
    expect(scoreTable(tableFromRows(rows, model), c).total[0]).toBe(without);
  });

  test("an expression transform over a text field sees x as text", () => {
    const m = JSON.parse(JSON.stringify(full));
    const rd = m.criteria.find((c: { id: string }) => c.id === "rdShare");
    Object.assign(rd, {
      id: "domestic",
      field: "country",
      transform: { type: "expression", expression: 'x == "中国" ? 1 : 0.25' },
    });
    const model = loadModel(m);
    const c = compileModel(model);
    const k = c.criteria.findIndex((x) => x.def.id === "domestic");
    const rows = [{ country: "中国" }, { country: "美国" }];
    const s = scoreTable(tableFromRows(rows, model), c);
    expect(Array.from(s.criterionValues[k])).toEqual([1, 0.25]);
  });
});
