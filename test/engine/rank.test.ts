import fc from "fast-check";
import {
  breakTies,
  competitionRanks,
  DEFAULT_TIE_TOLERANCE,
  rank,
  RankOptions,
  rankOrder,
  tied,
} from "../../src/engine/rank";

describe("rank", () => {
  test("competition ranking: ties share a rank and the next rank is skipped", () => {
    expect(rank([90, 80, 80, 70])).toEqual([1, 2, 2, 4]);
    expect(rank([70, 80, 90, 80])).toEqual([4, 2, 1, 2]);
  });

  test("ascending order ranks the smallest first", () => {
    expect(rank([0.3, 0.1, 0.2, 0.1], { order: "asc" })).toEqual([4, 1, 3, 1]);
  });

  test("values within the relative tolerance tie; beyond it they do not", () => {
    expect(rank([1, 1 + 1e-12, 0.5])).toEqual([1, 1, 3]);
    expect(rank([1, 1 + 1e-6, 0.5])).toEqual([2, 1, 3]);
    expect(rank([1, 1 + 1e-6, 0.5], { tolerance: 1e-5 })).toEqual([1, 1, 3]);
    expect(rank([1, 1 + 1e-12], { tolerance: 0 })).toEqual([2, 1]);
  });

  test("a run of tiny steps does not chain into one tie group", () => {
    const step = 0.6 * DEFAULT_TIE_TOLERANCE;
    expect(rank([1, 1 - step, 1 - 2 * step])).toEqual([1, 1, 3]);
  });

  test("null, NaN and infinities get no rank and come last in order", () => {
    expect(rank([null, 5, NaN, 7, Infinity])).toEqual([null, 2, null, 1, null]);
    expect(rankOrder([null, 5, NaN, 7, Infinity])).toEqual([3, 1, 0, 2, 4]);
  });

  test("order is stable among ties, also for near-ties sorted by value", () => {
    expect(rankOrder([2, 3, 3, 1, 3])).toEqual([1, 2, 4, 0, 3]);
    expect(rankOrder([1, 1 + 1e-12, 1 - 1e-12])).toEqual([0, 1, 2]);
  });

  test("empty input and a single value", () => {
    expect(rank([])).toEqual([]);
    expect(rank([42])).toEqual([1]);
  });

  test("works on typed arrays", () => {
    expect(rank(new Float64Array([0.2, 0.9, 0.5]))).toEqual([3, 1, 2]);
  });

  test("a negative or non-finite tolerance is refused", () => {
    expect(() => rank([1, 2], { tolerance: -1 })).toThrow(/tolerance/);
    expect(() => rank([1, 2], { tolerance: NaN })).toThrow(/tolerance/);
  });

  test("tied is symmetric and relative", () => {
    expect(tied(1e6, 1e6 + 1e-4)).toBe(true);
    expect(tied(1e-6, 1e-6 + 1e-4)).toBe(false);
    expect(tied(0, 0)).toBe(true);
  });

  test("property: ranks agree with pairwise comparisons under exact ties", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 30 }), (xs) => {
        const r = rank(xs, { tolerance: 0 }) as number[];
        xs.forEach((x, i) => {
          expect(r[i]).toBe(1 + xs.filter((y) => y > x).length);
        });
      })
    );
  });

  test("property: order is a permutation; ranks never decrease along it; a new rank means a smaller value", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { maxLength: 30 }),
        (xs) => {
          const o = rankOrder(xs);
          const r = rank(xs) as number[];
          expect([...o].sort((a, b) => a - b)).toEqual(xs.map((_, i) => i));
          for (let k = 1; k < o.length; k++) {
            expect(r[o[k]]).toBeGreaterThanOrEqual(r[o[k - 1]]);
            if (r[o[k]] === r[o[k - 1]]) expect(o[k]).toBeGreaterThan(o[k - 1]);
            else expect(xs[o[k]]).toBeLessThan(xs[o[k - 1]]);
          }
        }
      )
    );
  });
});

/** Ranking as first written (a comparator sort over plain arrays): the oracle for the fast one. */
function referenceRanking(values: (number | null)[], options: RankOptions) {
  const sign = options.order === "asc" ? 1 : -1;
  const tolerance = options.tolerance ?? DEFAULT_TIE_TOLERANCE;
  const ok = (x: number | null): x is number => typeof x === "number" && Number.isFinite(x);
  const ranked = values.map((_, i) => i).filter((i) => ok(values[i]));
  const v = (i: number) => values[i] as number;
  ranked.sort((a, b) => sign * (v(a) - v(b)) || a - b);
  const ranks: (number | null)[] = values.map(() => null);
  for (let start = 0; start < ranked.length;) {
    let end = start + 1;
    while (end < ranked.length && tied(v(ranked[start]), v(ranked[end]), tolerance)) end++;
    const group = ranked.slice(start, end).sort((a, b) => a - b);
    group.forEach((i, k) => {
      ranked[start + k] = i;
      ranks[i] = start + 1;
    });
    start = end;
  }
  const order = ranked.concat(values.map((_, i) => i).filter((i) => !ok(values[i])));
  return { order, ranks };
}

describe("rank gives the reference's answers on large inputs (radix path)", () => {
  const value = fc.oneof(
    fc.constantFrom(0, -0, 1, -1, 50, 99.5, 100, 1 + 1e-12, 1 - 1e-12, 1e300, -1e300, 5e-324),
    fc.constantFrom(null, NaN, Infinity, -Infinity),
    fc.integer({ min: -3, max: 3 }).map((k) => 42 + k * 0.6 * DEFAULT_TIE_TOLERANCE * 42),
    fc.double(),
    fc.integer({ min: -20, max: 20 })
  );
  const options = fc.record({
    order: fc.constantFrom<"asc" | "desc" | undefined>("asc", "desc", undefined),
    tolerance: fc.constantFrom(0, 1e-9, 1e-3, undefined),
  });

  test("order, ranks and competitionRanks agree with the reference", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 500, maxLength: 1500 }), options, (xs, o) => {
        const opts: RankOptions = { ...o };
        if (o.tolerance === undefined) delete opts.tolerance;
        const ref = referenceRanking(xs, opts);
        expect(rankOrder(xs, opts)).toEqual(ref.order);
        expect(rank(xs, opts)).toEqual(ref.ranks);
        expect(Array.from(competitionRanks(xs, opts))).toEqual(ref.ranks.map((r) => r ?? 0));
      }),
      { numRuns: 150, endOnFailure: true }
    );
  });

  test("scores of 100 000 candidates (many exact ties) rank as the reference ranks them", () => {
    const xs = Array.from(
      { length: 100_000 },
      (_, i) => Math.round(((i * 7919) % 10007) / 10) / 10
    );
    expect(rank(xs)).toEqual(referenceRanking(xs, {}).ranks);
  });
});

describe("breakTies", () => {
  test("a tie group is re-ranked by the second key, larger first; equal second keys stay tied", () => {
    const ranks = competitionRanks([50, 70, 50, 50, 10, NaN]);
    expect(Array.from(ranks)).toEqual([2, 1, 2, 2, 5, 0]);
    expect(Array.from(breakTies(ranks, [31, 90, 44, 31, 5, 1]))).toEqual([3, 1, 2, 3, 5, 0]);
  });

  test("without ties the ranks come back unchanged (the same array)", () => {
    const ranks = competitionRanks([3, 2, 1]);
    expect(breakTies(ranks, [0, 0, 0])).toBe(ranks);
  });

  test("a second key that cannot be ranked places its member last in the group", () => {
    const ranks = competitionRanks([5, 5, 5]);
    expect(Array.from(breakTies(ranks, [NaN, 2, 1]))).toEqual([3, 1, 2]);
  });
});
