/**
 * src/functions/args: clean() is the fast path of Number(x.toPrecision(12)) (issue 16) — the property
 * below holds it equal to that reference over every magnitude, sign and the near-half cases where the
 * fast path must hand over to the string path.
 */
import fc from "fast-check";
import { clean, spillColumn, spillRow } from "../../src/functions/args";

const reference = (x: number) => Number(x.toPrecision(12));
const same = (a: number, b: number) => Object.is(a, b);

describe("clean", () => {
  test("equals Number(x.toPrecision(12)) for any finite double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) =>
        same(clean(x), reference(x))
      ),
      { numRuns: 200_000 }
    );
  });

  test("equals it for doubles of spreadsheet magnitude (1e-6 … 1e12), both signs", () => {
    const magnitude = fc
      .tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: -6, max: 12 }))
      .map(([m, e]) => m * 10 ** e);
    fc.assert(
      fc.property(magnitude, fc.boolean(), (x, negative) => {
        const v = negative ? -x : x;
        return same(clean(v), reference(v));
      }),
      { numRuns: 200_000 }
    );
  });

  test("equals it on 12-digit halves, powers of ten and their neighbours", () => {
    const cases: number[] = [
      0,
      -0,
      0.1 + 0.2,
      1 / 3,
      2 / 3,
      1e-11,
      9.99999999999e-12,
      1e12,
      999999999999.5,
    ];
    for (let e = -11; e <= 12; e++) {
      const p = 10 ** e;
      cases.push(
        p,
        p * (1 + Number.EPSILON),
        p * (1 - Number.EPSILON / 2),
        1.5 * p,
        1.23456789012 * p
      );
      // x.xxxxxxxxxxx5 at every magnitude: exactly on (or one ulp beside) the rounding half.
      const half = 1.000000000005 * p;
      cases.push(half, half * (1 + Number.EPSILON), half * (1 - Number.EPSILON));
    }
    const wrong = cases.flatMap((x) => [x, -x]).filter((x) => !same(clean(x), reference(x)));
    expect(wrong).toEqual([]);
  });

  test("0.1 + 0.2 shows as 0.3", () => {
    expect(clean(0.1 + 0.2)).toBe(0.3);
  });
});

describe("spills", () => {
  test("a column and a row of cleaned numbers", () => {
    expect(spillColumn(Float64Array.of(0.1 + 0.2, 2), "x")).toEqual([[0.3], [2]]);
    expect(spillRow([1 / 3, 4], "x")).toEqual([[reference(1 / 3), 4]]);
  });
});
