/**
 * logsInto and expsInto (src/engine/mcda/logexp.ts) against Math.log and Math.exp: within 2 ulps
 * everywhere, the same double at the special values, and (logs) relative accuracy kept next to 1, where
 * ln x → 0.
 */
import fc from "fast-check";
import { expsInto, logBlockRows, logsInto, xLogXColumns } from "../../../src/engine/mcda/logexp";

/** How many doubles apart a and b are (same sign assumed). */
function ulps(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  return Math.abs(Number(view.getBigInt64(0) - view.getBigInt64(8)));
}

function logs(xs: number[]): number[] {
  const out = new Float64Array(xs.length);
  logsInto(Float64Array.from(xs), 0, xs.length, out, 0);
  return Array.from(out);
}

const exponent = fc.integer({ min: -1022, max: 1023 });
const fraction = fc.integer({ min: 0, max: 2 ** 30 }).map((n) => 1 + n / 2 ** 30);

test("property: within 2 ulps of Math.log over every normal magnitude", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fraction, exponent), { minLength: 1, maxLength: 50 }),
      (pairs) => {
        const xs = pairs.map(([m, e]) => Math.min(m * 2 ** e, Number.MAX_VALUE));
        const got = logs(xs);
        xs.forEach((x, n) => expect(ulps(got[n], Math.log(x))).toBeLessThanOrEqual(2));
      }
    ),
    { numRuns: 2000 }
  );
});

test("property: within 2 ulps next to 1, where ln x is tiny and cancellation would show", () => {
  const nearOne = fc
    .tuple(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.integer({ min: 12, max: 52 }))
    .map(([n, s]) => 1 + n / 2 ** (40 + s));
  fc.assert(
    fc.property(fc.array(nearOne, { minLength: 1, maxLength: 50 }), (xs) => {
      const got = logs(xs);
      xs.forEach((x, n) => expect(ulps(got[n], Math.log(x))).toBeLessThanOrEqual(2));
    }),
    { numRuns: 2000 }
  );
});

test("exact at powers of two, 1, e and the values Math.log decides itself", () => {
  const exact = [1, 2, 0.5, 1024, 2 ** -1022, 2 ** 1023];
  expect(logs(exact)).toEqual(exact.map(Math.log));
  expect(logs([1])[0]).toBe(0);
  expect(Math.abs(logs([Math.E])[0] - 1)).toBeLessThanOrEqual(Number.EPSILON);
  const special = [0, -0, -1, Infinity, -Infinity, NaN, 5e-324, 1e-310, Number.MAX_VALUE];
  logs(special).forEach((y, n) => expect(Object.is(y, Math.log(special[n]))).toBe(true));
});

test("writes only its run, at the offset given, reading a view that starts inside a buffer", () => {
  const buffer = new Float64Array([7, 1, Math.E, 4, 9]);
  const src = buffer.subarray(1, 4); // 1, e, 4: a view whose byteOffset is not 0
  const dst = new Float64Array(5).fill(-1);
  logsInto(src, 1, 3, dst, 2);
  expect(dst[0]).toBe(-1);
  expect(dst[1]).toBe(-1);
  expect(Math.abs(dst[2] - 1)).toBeLessThanOrEqual(Number.EPSILON);
  expect(ulps(dst[3], Math.log(4))).toBeLessThanOrEqual(2);
  expect(dst[4]).toBe(-1);
});

function exps(ys: number[]): number[] {
  const out = new Float64Array(ys.length);
  expsInto(Float64Array.from(ys), 0, ys.length, out, 0);
  return Array.from(out);
}

test("property: e^y within 2 ulps of Math.exp from −745 to 710", () => {
  const wide = fc.integer({ min: -745_000_000, max: 709_000_000 }).map((n) => n / 1e6);
  const small = fc.integer({ min: -(2 ** 30), max: 2 ** 30 }).map((n) => n / 2 ** 40);
  fc.assert(
    fc.property(fc.array(fc.oneof(wide, small), { minLength: 1, maxLength: 50 }), (ys) => {
      const got = exps(ys);
      ys.forEach((y, n) => expect(ulps(got[n], Math.exp(y))).toBeLessThanOrEqual(2));
    }),
    { numRuns: 2000 }
  );
});

test("e^y: 1 at 0, 2 at ln 2; Math.exp's own beyond ±700, at ±∞ and NaN", () => {
  expect(exps([0, -0])).toEqual([1, 1]);
  expect(exps([Math.LN2])[0]).toBe(2);
  const edges = [-Infinity, Infinity, NaN, -800, 800, -700, 700, 709.7, -745.1];
  exps(edges).forEach((y, n) => expect(Object.is(y, Math.exp(edges[n]))).toBe(true));
});

test("property: logs and exponentials four at a time give each cell the double it gets alone, in place too", () => {
  // The runs are taken four cells at a time, with one range test per group; a group holding a value
  // outside the table step (0, negatives, subnormals, ±∞, NaN; beyond ±700 for e^y) is taken cell by
  // cell. Either way each cell's result must not depend on its neighbours or where the run starts.
  const cell = fc.oneof(
    { weight: 5, arbitrary: fc.double({ min: -800, max: 800, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(0, -0, -1, 5e-324, 1e-310, Infinity, -Infinity, NaN) }
  );
  fc.assert(
    fc.property(fc.array(cell, { minLength: 1, maxLength: 40 }), fc.nat(3), (xs, start) => {
      const src = Float64Array.from([0, 0, 0, ...xs]);
      const from = 3 - start;
      const to = src.length;
      for (const into of [logsInto, expsInto]) {
        const alone = xs.map((x) => {
          const one = new Float64Array(1);
          into(Float64Array.of(x), 0, 1, one, 0);
          return one[0];
        });
        const out = new Float64Array(to);
        into(src, from, to, out, from);
        const inPlace = Float64Array.from(src);
        into(inPlace, from, to, inPlace, from);
        xs.forEach((_, n) => {
          expect(Object.is(out[3 + n], alone[n])).toBe(true);
          expect(Object.is(inPlace[3 + n], alone[n])).toBe(true);
        });
      }
    }),
    { numRuns: 1000, seed: 41 }
  );
});

test("the table steps, not Math.log and Math.exp, give these doubles (the step is what is faster)", () => {
  // One ulp from Math's at each: a change that sends every cell to Math.log or Math.exp shows here.
  expect(logs([1.009, 1.019])).toEqual([0.008959741371471801, 0.01882175424058767]);
  expect(exps([4 / 37, 9 / 37])).toEqual([1.114168189490938, 1.275378813670175]);
});

test("within 2 ulps where the log series' remainder is largest: halfway between table points next to 1", () => {
  // |r| is near its bound 2⁻⁸ and ln x is small, so an error in the series' last terms shows in ulps.
  const xs = [1 + 1 / 256, 1 - 1 / 256, 1 + 1 / 256 - 2 ** -40, 1 - 1 / 512, 1 + 3 / 256];
  logs(xs).forEach((y, n) => expect(ulps(y, Math.log(xs[n]))).toBeLessThanOrEqual(2));
});

test("runs of 1 to 9 cells: each cell's own result, nothing written before or after the run", () => {
  for (let len = 1; len <= 9; len++) {
    const src = Float64Array.from({ length: len + 4 }, (_, k) => 1.5 + k / 7);
    for (const [into, f] of [
      [logsInto, Math.log],
      [expsInto, Math.exp],
    ] as const) {
      const dst = new Float64Array(len + 4).fill(-1);
      into(src, 2, 2 + len, dst, 2);
      expect([dst[0], dst[1], dst[len + 2], dst[len + 3]]).toEqual([-1, -1, -1, -1]);
      for (let n = 2; n < len + 2; n++) expect(ulps(dst[n], f(src[n]))).toBeLessThanOrEqual(2);
    }
  }
});

test("each cell's log reads its own exponent, whatever its neighbours' low words hold", () => {
  // Cells near 1000 whose low 32 bits look like the high word of 1.0: a cell read with a neighbour's
  // low word for its exponent would be taken for a number in [1, 2).
  const view = new DataView(new ArrayBuffer(8));
  const cell = (n: number) => {
    view.setUint32(0, 0x408f4000 + n); // high word: 1000 and a little more
    view.setUint32(4, 0x3ff00000); // low word
    return view.getFloat64(0);
  };
  const xs = Array.from({ length: 16 }, (_, n) => cell(n));
  for (let from = 0; from < 4; from++) {
    const got = new Float64Array(16);
    logsInto(Float64Array.from(xs), from, 16, got, from);
    for (let n = from; n < 16; n++) expect(ulps(got[n], Math.log(xs[n]))).toBeLessThanOrEqual(2);
  }
});

describe("xLogXColumns", () => {
  /** Σx, min, max and Σ x ln x per column in row order, x ln x from logsInto's logs (0 for x ≤ 0). */
  function byRows(data: Float64Array, cols: number) {
    const ln = new Float64Array(data.length);
    logsInto(data, 0, data.length, ln, 0);
    const out = {
      sum: new Float64Array(cols),
      min: new Float64Array(cols).fill(Infinity),
      max: new Float64Array(cols).fill(-Infinity),
      xlnx: new Float64Array(cols),
    };
    data.forEach((x, k) => {
      const j = k % cols;
      out.sum[j] += x;
      out.min[j] = Math.min(out.min[j], x);
      out.max[j] = Math.max(out.max[j], x);
      out.xlnx[j] += x > 0 ? x * ln[k] : 0;
    });
    return out;
  }

  test("equal to summing logsInto's logs in row order, bit for bit, over one block or many", () => {
    // 3 columns × 13 rows (groups of four rows and a tail), 700 columns × 5 rows (blocks of 2 rows).
    // Column 1 of the first holds only subnormals, zeros and negatives (Math.log's side of x ln x).
    for (const [rows, cols] of [
      [13, 3],
      [5, 700],
    ]) {
      const data = Float64Array.from({ length: rows * cols }, (_, k) =>
        cols === 3 && k % 3 === 1 ? [1e-310, 0, -2, 3e-320][k % 4] : 0.5 + ((k * 7919) % 1000) / 97
      );
      const got = xLogXColumns(data, cols);
      const want = byRows(data, cols);
      for (const key of ["sum", "min", "max", "xlnx"] as const)
        expect(Array.from(got[key])).toEqual(Array.from(want[key]));
    }
    // One column of four rows, one term not 0 (a sum would round a last-bit difference away) where
    // the table's log is a double away from Math.log's: each row of a group must take the table's.
    for (let at = 0; at < 4; at++) {
      const data = new Float64Array(4).fill(1);
      data[at] = 1.009;
      expect(xLogXColumns(data, 1).xlnx[0]).toBe(byRows(data, 1).xlnx[0]);
    }
  });
});

test("a block of rows holds about 2 048 cells, and at least one row however wide", () => {
  expect([1, 15, 100, 2048, 2049, 5000].map(logBlockRows)).toEqual([2048, 136, 20, 1, 1, 1]);
});
