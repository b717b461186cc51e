/** Several methods side by side with their rank correlations to a reference (the pane's stability tab). */
import { compareMethods, RANKING_METHODS } from "../../../src/engine/mcda/compare";
import { topsis, vikor } from "../../../src/engine/mcda/aggregate";
import { McdaError, toMatrix } from "../../../src/engine/mcda/matrix";
import { RANKING_EXAMPLES } from "../../fixtures/mcda-examples";

const e = RANKING_EXAMPLES.mabac;
const m = toMatrix(e.matrix);

describe("compareMethods", () => {
  test("a method compared with its own scores correlates 1; its reverse −1", () => {
    const closeness = topsis(m, e.weights, e.types).closeness;
    const [same] = compareMethods(m, e.weights, e.types, closeness, ["topsis"]);
    expect(same.spearman).toBeCloseTo(1, 12);
    expect(same.kendall).toBeCloseTo(1, 12);
    const q = vikor(m, e.weights, e.types).Q;
    // VIKOR's Q ranks ascending: as a reference it must be read "asc" to agree with itself.
    const [v] = compareMethods(m, e.weights, e.types, q, ["vikor"], "asc");
    expect(v.spearman).toBeCloseTo(1, 12);
    const [reversed] = compareMethods(m, e.weights, e.types, q, ["vikor"], "desc");
    expect(reversed.spearman).toBeCloseTo(-1, 12);
  });

  test("defaults to TOPSIS, VIKOR and PROMETHEE; every registered method runs on a published matrix", () => {
    const reference = e.expected; // MABAC's published scores, higher better
    expect(compareMethods(m, e.weights, e.types, reference).map((r) => r.method)).toEqual([
      "topsis",
      "vikor",
      "promethee",
    ]);
    const all = compareMethods(m, e.weights, e.types, reference, RANKING_METHODS);
    expect(all.map((r) => r.method)).toEqual(RANKING_METHODS);
    for (const r of all) {
      expect([r.method, r.ranks.length]).toEqual([r.method, 7]);
      expect([r.method, r.spearman >= -1 && r.spearman <= 1]).toEqual([r.method, true]);
    }
    // MABAC against its own published scores ranks identically.
    const mabac = all.find((r) => r.method === "mabac");
    expect(mabac?.spearman).toBeCloseTo(1, 12);
  });

  test("a reference of the wrong length and an unknown method are refused", () => {
    expect(() => compareMethods(m, e.weights, e.types, [1, 2])).toThrow("reference: has 2 entries");
    expect(() =>
      compareMethods(m, e.weights, e.types, e.expected, ["electre" as "topsis"])
    ).toThrow('method: unknown method "electre"');
  });

  test("the unknown-method refusal lists the methods, in both languages", () => {
    expect(RANKING_METHODS.length).toBeGreaterThan(1);
    let label: unknown;
    try {
      compareMethods(m, e.weights, e.types, e.expected, ["electre" as "topsis"]);
    } catch (err) {
      label = (err as McdaError).label;
    }
    expect(label).toEqual({
      zh: `method：未知方法 "electre"，可选：${RANKING_METHODS.join("、")}`,
      en: `method: unknown method "electre"; one of ${RANKING_METHODS.join(", ")}`,
    });
  });
});
