/**
 * One-pass forms held to their reference paths (issue 16/17 speed work): the weighted product for one
 * weight vector against its aggregator's stored logs, and from the raw cells' logs against Π r^w, normalised values read from the raw cells against
 * the y copy, ARAS against the matrix extended by its optimal row as Zavadskas & Turskis write it,
 * entropy's fused sums against the tiny-column rescan, column sums taken with the range, column
 * totals taken without it (MOORA, EDAS), and the column statistics `toMatrix` takes while it reads the
 * cells against the ones taken from the data afterwards; row sums and VIKOR's S and R taken four rows at a
 * time against the one-row loop; entropy's fused pass against logsInto's logs.
 */
import fc from "fast-check";
import { aras, weightedRowSums } from "../../../src/engine/mcda/methods";
import { logsInto, xLogXColumns } from "../../../src/engine/mcda/logexp";
import {
  topsis,
  vikor,
  waspas,
  weightedProduct,
  weightedProductAggregator,
  weightedSum,
} from "../../../src/engine/mcda/aggregate";
import {
  CriterionType,
  McdaError,
  columnRange,
  columnSums,
  columnTotals,
  matrix,
  normalizeWeights,
  toMatrix,
} from "../../../src/engine/mcda/matrix";
import {
  Normalization,
  columnMaps,
  mappedData,
  mappedRows,
  normalizeMatrix,
} from "../../../src/engine/mcda/normalize";
import { entropyWeights } from "../../../src/engine/mcda/weights";
import type { Distance } from "../../../src/engine/mcda/normalize";

/** Positive matrices (1–12 rows, 1–6 columns) with weights and types. */
const problems = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 }))
  .chain(([rows, cols]) =>
    fc.record({
      rows: fc.array(
        fc.array(fc.double({ min: 0.01, max: 1e5, noNaN: true }), {
          minLength: cols,
          maxLength: cols,
        }),
        { minLength: rows, maxLength: rows }
      ),
      weights: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 10, noNaN: true })), {
        minLength: cols,
        maxLength: cols,
      }),
      types: fc.array(fc.constantFrom<CriterionType>(1, -1), { minLength: cols, maxLength: cols }),
    })
  )
  .filter(({ weights }) => weights.some((w) => w > 0));

const close = (a: ArrayLike<number>, b: ArrayLike<number>, tolerance: number) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++)
    expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(b[i])));
};

test("property: the weighted product of one weight vector equals its aggregator's, bit for bit", () => {
  fc.assert(
    fc.property(
      problems,
      fc.constantFrom<Normalization>("linear", "sum", "max", "vector", "minmax"),
      ({ rows, weights, types }, normalization) => {
        const m = toMatrix(rows);
        let direct: Float64Array;
        try {
          direct = weightedProduct(m, weights, types, { normalization });
        } catch (e) {
          // A refusal (max of a cost column gives r < 0 …) must be the aggregator's too.
          expect(() =>
            weightedProductAggregator(types, { normalization }).prepare(m)(
              normalizeWeights(weights)
            )
          ).toThrow((e as Error).message);
          return;
        }
        const stored = weightedProductAggregator(types, { normalization }).prepare(m)(
          normalizeWeights(weights)
        );
        expect(Array.from(direct)).toEqual(Array.from(stored));
      }
    ),
    { numRuns: 300, seed: 16 }
  );
});

test("property: the weighted product from the raw cells' logs (ln r = ln s ± ln x) equals Π r^w over the normalised matrix", () => {
  // Linear, sum and none only scale each column (r = s·x, or s/x for cost under linear and sum), so
  // the logs are taken of the raw cells; max and vector scale benefit columns only (a cost column
  // sends the whole matrix down the normalised-values path). Reference: Π r^w straight from
  // normalizeMatrix, with Math.pow.
  fc.assert(
    fc.property(
      problems,
      fc.constantFrom<Normalization>("linear", "sum", "max", "vector", "none"),
      fc.double({ min: 0, max: 1, noNaN: true }),
      ({ rows, weights, types }, normalization, lambda) => {
        const t = normalization === "none" ? types.map(() => 1 as const) : types;
        const m = toMatrix(rows);
        const r = normalizeMatrix(m, t, normalization);
        const w = normalizeWeights(weights);
        const expected = Array.from({ length: m.rows }, (_, i) => {
          let sum = 0;
          let product = 1;
          for (let j = 0; j < m.cols; j++) {
            if (w[j] === 0) continue;
            sum += w[j] * r.data[i * m.cols + j];
            product *= r.data[i * m.cols + j] ** w[j];
          }
          return lambda * sum + (1 - lambda) * product;
        });
        close(waspas(m, weights, t, { lambda, normalization }), expected, 1e-12);
        close(
          weightedProduct(m, weights, t, { normalization }),
          expected.map((_, i) => {
            let product = 1;
            for (let j = 0; j < m.cols; j++)
              if (w[j] !== 0) product *= r.data[i * m.cols + j] ** w[j];
            return product;
          }),
          1e-12
        );
      }
    ),
    { numRuns: 400, seed: 19 }
  );
});

test("property: values normalised from the raw cells equal the maps applied to the y copy", () => {
  fc.assert(
    fc.property(
      problems,
      fc.constantFrom<Normalization>("linear", "sum", "max", "vector", "minmax"),
      ({ rows, types }, how) => {
        const m = toMatrix(rows);
        const maps = columnMaps(m, types, how);
        const y = mappedData(m, maps);
        const cols = m.cols;
        const fromCopy = y.map(
          (v, k) => maps.scale[k % cols] * (v - maps.ref[k % cols]) + maps.fill[k % cols]
        );
        const normalized = normalizeMatrix(m, types, how).data;
        expect(Array.from(normalized)).toEqual(Array.from(fromCopy));
        // A block of rows a column at a time (CoCoSo): the same doubles.
        for (let from = 0; from < m.rows; from++) {
          const block = new Float64Array((m.rows - from) * cols);
          mappedRows(m, maps, from, m.rows, block);
          expect(Array.from(block)).toEqual(Array.from(normalized.subarray(from * cols)));
        }
        // The copy holds 1/x exactly where the maps say so.
        y.forEach((v, k) =>
          expect(v).toBe(maps.reciprocal[k % cols] === 1 ? 1 / m.data[k] : m.data[k])
        );
      }
    ),
    { numRuns: 300, seed: 17 }
  );
});

test("property: WASPAS is λ × the weighted sum + (1 − λ) × the aggregator's weighted product", () => {
  fc.assert(
    fc.property(problems, fc.double({ min: 0, max: 1, noNaN: true }), (p, lambda) => {
      const { rows, weights, types } = p;
      const m = toMatrix(rows);
      const normalization = "linear";
      const sum = weightedSum(m, weights, types, { normalization });
      const product = weightedProductAggregator(types, { normalization }).prepare(m)(
        normalizeWeights(weights)
      );
      close(
        waspas(m, weights, types, { lambda }),
        sum.map((s, i) => lambda * s + (1 - lambda) * product[i]),
        1e-12
      );
    }),
    { numRuns: 200, seed: 18 }
  );
});

/** ARAS as Zavadskas & Turskis (2010) write it: the optimal row added, sum-normalised (cost via 1/x). */
function textbookAras(rows: number[][], weights: number[], types: CriterionType[]): number[] {
  const w = normalizeWeights(weights);
  const optimal = types.map((t, j) =>
    t === 1 ? Math.max(...rows.map((r) => r[j])) : Math.min(...rows.map((r) => r[j]))
  );
  const extended = [optimal, ...rows].map((r) => r.map((x, j) => (types[j] === 1 ? x : 1 / x)));
  const totals = types.map((_, j) => extended.reduce((s, r) => s + r[j], 0));
  const s = extended.map((r) => r.reduce((acc, y, j) => acc + (w[j] * y) / totals[j], 0));
  return s.slice(1).map((x) => x / s[0]);
}

test("property: ARAS equals the textbook steps over the extended matrix", () => {
  fc.assert(
    fc.property(problems, ({ rows, weights, types }) => {
      close(aras(toMatrix(rows), weights, types), textbookAras(rows, weights, types), 1e-12);
    }),
    { numRuns: 300, seed: 19 }
  );
});

test("property: entropy weights do not change when a column is scaled into the tiny range", () => {
  fc.assert(
    fc.property(
      problems.filter(({ rows }) => rows.length >= 2),
      fc.nat(),
      ({ rows }, pick) => {
        const j = pick % rows[0].length;
        let reference: Float64Array;
        try {
          reference = entropyWeights(toMatrix(rows));
        } catch {
          return; // every column constant: refused either way
        }
        // 2^-1000 is exact: p is unchanged, and the column sum falls below the rescan threshold.
        const tiny = rows.map((r) => r.map((x, k) => (k === j ? x * 2 ** -1000 : x)));
        close(entropyWeights(toMatrix(tiny)), reference, 1e-12);
      }
    ),
    { numRuns: 200, seed: 20 }
  );
});

test("property: column sums taken with the range equal row-order sums", () => {
  fc.assert(
    fc.property(problems, ({ rows }) => {
      const m = toMatrix(rows);
      const { sum, sumSq, min, max } = columnRange(m, "matrix", { sum: true, sumSq: true });
      rows[0].forEach((_, j) => {
        let s = 0;
        let q = 0;
        for (const r of rows) {
          s += r[j];
          q += r[j] * r[j];
        }
        expect(sum[j]).toBe(s);
        expect(sumSq[j]).toBe(q);
        expect(min[j]).toBe(Math.min(...rows.map((r) => r[j])));
        expect(max[j]).toBe(Math.max(...rows.map((r) => r[j])));
      });
    }),
    { numRuns: 200, seed: 21 }
  );
});

test("property: column totals without the range equal the range pass's sums, and refuse the same blank", () => {
  fc.assert(
    fc.property(
      problems,
      fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: undefined }),
      ({ rows }, blank) => {
        if (blank !== undefined) {
          // One blank cell, kept as NaN with allowBlank: both passes name that cell, whether they take
          // the totals from the matrix's statistics or from its data.
          const [i, j] = [blank[0] % rows.length, blank[1] % rows[0].length];
          const cells: (number | null)[][] = rows.map((r) => [...r]);
          cells[i][j] = null;
          const carried = toMatrix(cells, { allowBlank: true });
          const m = matrix(carried.rows, carried.cols, carried.data);
          let expected = "";
          try {
            columnRange(m, "matrix", { sum: true });
          } catch (e) {
            expected = (e as Error).message;
          }
          expect(expected).toContain(`row ${i + 1}, column ${j + 1}`);
          for (const x of [m, carried]) {
            expect(() => columnRange(x)).toThrow(expected);
            expect(() => columnTotals(x, false)).toThrow(expected);
            expect(() => columnTotals(x, true)).toThrow(expected);
          }
          return;
        }
        const m = matrix(rows.length, rows[0].length, toMatrix(rows).data);
        const { sum, sumSq } = columnRange(m, "matrix", { sum: true, sumSq: true });
        expect(Array.from(columnTotals(m, false))).toEqual(Array.from(sum));
        expect(Array.from(columnTotals(m, true))).toEqual(Array.from(sumSq));
      }
    ),
    { numRuns: 300, seed: 22 }
  );
});

/** Matrices with blanks, ±0 and both signs, over 1–300 rows: more than one block of `toMatrix`. */
const withBlanks = fc
  .tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 7 }))
  .chain(([rows, cols]) =>
    fc.array(
      fc.array(
        fc.oneof(
          { weight: 8, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
          { weight: 1, arbitrary: fc.constantFrom<number | null>(0, -0, null) }
        ),
        { minLength: cols, maxLength: cols }
      ),
      { minLength: rows, maxLength: rows }
    )
  );

test("property: the statistics toMatrix takes while reading equal row-order loops over the data", () => {
  fc.assert(
    fc.property(withBlanks, (cells) => {
      const carried = toMatrix(cells, { allowBlank: true });
      const { rows, cols, data } = carried;
      const stats = carried.stats!;
      for (let j = 0; j < cols; j++) {
        let [lo, hi, s, q] = [Infinity, -Infinity, 0, 0];
        for (let i = 0; i < rows; i++) {
          const x = data[i * cols + j];
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
          s += x;
          q += x * x;
        }
        // Object.is: NaN equals NaN, and −0 differs from +0.
        expect(
          [stats.min[j], stats.max[j], stats.sum[j], stats.sumSq[j]].map((x, t) =>
            Object.is(x, [lo, hi, s, q][t])
          )
        ).toEqual([true, true, true, true]);
      }
      // The same from the data alone (the scan a matrix without statistics gets).
      const bare = matrix(rows, cols, data);
      let fromBare: unknown;
      let fromCarried: unknown;
      try {
        fromBare = columnRange(bare, "matrix", { sum: true, sumSq: true });
      } catch (e) {
        fromBare = (e as Error).message;
      }
      try {
        fromCarried = columnRange(carried);
      } catch (e) {
        fromCarried = (e as Error).message;
      }
      expect(fromCarried).toEqual(fromBare);
    }),
    { numRuns: 300, seed: 23 }
  );
});

/**
 * What a range can hold, for `toMatrix`'s one pass (a finite number stored as it is, anything else read
 * or refused by position, statistics taken per block): finite numbers (some large enough for a column sum to overflow), NaN, ±∞, blanks, numeric and other
 * text, booleans; now and then a ragged row.
 */
const anyCells = fc
  .tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 5 }), fc.nat(3), fc.nat(3))
  .chain(([rows, cols, odd, other]) =>
    fc.array(
      fc.array(
        fc.oneof(
          { weight: 200, arbitrary: fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 100) },
          {
            weight: odd,
            arbitrary: fc.constantFrom<unknown>(1e308, -1e308, NaN, Infinity, -Infinity),
          },
          {
            weight: other === 3 ? 1 : 0,
            arbitrary: fc.constantFrom<unknown>(null, "", " 2.5 ", "x", true),
          }
        ),
        { minLength: other === 2 && cols > 1 ? cols - 1 : cols, maxLength: cols }
      ),
      { minLength: rows, maxLength: rows }
    )
  );

/** Where the rule "finite numbers and numeric text read; blanks only when allowed" first fails, in row order. */
function firstProblem(cells: unknown[][], allowBlank: boolean): [number, number?] | undefined {
  const cols = cells[0].length;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i].length !== cols) return [i + 1];
    for (let j = 0; j < cols; j++) {
      const v = cells[i][j];
      const blank = v === null || v === "" || (typeof v === "number" && Number.isNaN(v));
      const readable = (typeof v === "number" && Number.isFinite(v)) || v === " 2.5 ";
      if (blank ? !allowBlank : !readable) return [i + 1, j + 1];
    }
  }
  return undefined;
}

test("property: toMatrix reads every readable cell, names the first bad one in row order, and carries the statistics of its data", () => {
  fc.assert(
    fc.property(anyCells, fc.boolean(), (cells, allowBlank) => {
      const expected = firstProblem(cells, allowBlank);
      let m;
      try {
        m = toMatrix(cells, { allowBlank });
      } catch (e) {
        if (!(e instanceof McdaError)) throw e;
        expect([e.row, e.col]).toEqual([expected?.[0], expected?.[1]]);
        return;
      }
      expect(expected).toBeUndefined();
      const read = cells.map((row) =>
        row.map((v) => (v === " 2.5 " ? 2.5 : typeof v === "number" ? v : NaN))
      );
      expect(Array.from(m.data)).toEqual(read.flat());
      // The carried statistics are the ones a matrix without them gets from its data.
      const bare = matrix(m.rows, m.cols, m.data);
      const sums = { sum: true, sumSq: true };
      const outcome = (f: () => unknown) => {
        try {
          return f();
        } catch (e) {
          return (e as Error).message;
        }
      };
      expect(outcome(() => columnRange(m, "matrix"))).toEqual(
        outcome(() => columnRange(bare, "matrix", sums))
      );
    }),
    { numRuns: 400, seed: 31 }
  );
});

test("property: a matrix read with fewer statistics gives the same range, and the same sums when asked for later", () => {
  fc.assert(
    fc.property(withBlanks, (cells) => {
      const outcome = (f: () => unknown) => {
        try {
          return f();
        } catch (e) {
          return (e as Error).message;
        }
      };
      const summed = toMatrix(cells, { allowBlank: true });
      const rangeOnly = toMatrix(cells, { allowBlank: true, stats: "range" });
      const bare = toMatrix(cells, { allowBlank: true, stats: "none" });
      expect(rangeOnly.stats?.summed).toBe(false);
      expect(bare.stats).toBeUndefined();
      expect(Array.from(bare.data)).toEqual(Array.from(summed.data));
      const { min, max } = rangeOnly.stats!;
      expect([Array.from(min), Array.from(max)]).toEqual([
        Array.from(summed.stats!.min),
        Array.from(summed.stats!.max),
      ]);
      const all = { sum: true, sumSq: true };
      for (const fewer of [rangeOnly, bare]) {
        expect(outcome(() => columnRange(fewer, "matrix", all))).toEqual(
          outcome(() => columnRange(summed, "matrix", all))
        );
        for (const squares of [false, true]) {
          expect(outcome(() => columnTotals(fewer, squares))).toEqual(
            outcome(() => columnTotals(summed, squares))
          );
        }
      }
    }),
    { numRuns: 300, seed: 24 }
  );
});

test("property: row sums taken four rows at a time equal the one-row loop, bit for bit, at every row count", () => {
  fc.assert(
    fc.property(problems, ({ rows, weights }) => {
      const m = toMatrix(rows);
      const got = weightedRowSums(m, weights);
      rows.forEach((r, i) => {
        let s = 0;
        r.forEach((x, j) => (s += weights[j] * x));
        expect(got[i]).toBe(s);
      });
    }),
    { numRuns: 300, seed: 31 }
  );
});

test("property: VIKOR's S and R, taken four rows at a time, equal the one-row loop bit for bit", () => {
  fc.assert(
    fc.property(problems, ({ rows, weights, types }) => {
      const m = toMatrix(rows);
      const { S, R } = vikor(m, weights, types);
      const w = normalizeWeights(weights, m.cols);
      const { min, max } = columnRange(m);
      rows.forEach((r, i) => {
        let s = 0;
        let worst = 0;
        r.forEach((x, j) => {
          const range = max[j] - min[j];
          const inv = range > 0 ? types[j] / range : 0;
          const best = types[j] === 1 ? max[j] : min[j];
          const t = w[j] * inv * (best - x);
          s += t;
          worst = Math.max(worst, t);
        });
        expect([S[i], R[i]]).toEqual([s, worst]);
      });
    }),
    { numRuns: 300, seed: 32 }
  );
});

test("property: the fused entropy pass equals Σx, min, max and Σ x ln x over logsInto's logs, bit for bit", () => {
  const cell = fc.oneof(
    { weight: 6, arbitrary: fc.double({ min: 1e-3, max: 1e9, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(0, -0, -2.5, 5e-324, 1e-310, Number.NaN) }
  );
  const matrices = fc
    .tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 7 }))
    .chain(([rows, cols]) =>
      fc.record({
        cols: fc.constant(cols),
        cells: fc.array(cell, { minLength: rows * cols, maxLength: rows * cols }),
      })
    );
  fc.assert(
    fc.property(matrices, ({ cols, cells }) => {
      const data = Float64Array.from(cells);
      const logs = new Float64Array(data.length);
      logsInto(data, 0, data.length, logs, 0);
      const got = xLogXColumns(data, cols);
      for (let j = 0; j < cols; j++) {
        let [sum, min, max, xlnx] = [0, Infinity, -Infinity, 0];
        for (let k = j; k < data.length; k += cols) {
          sum += data[k];
          min = Math.min(min, data[k]);
          max = Math.max(max, data[k]);
          if (data[k] > 0) xlnx += data[k] * logs[k];
        }
        expect([got.sum[j], got.min[j], got.max[j], got.xlnx[j]]).toEqual([sum, min, max, xlnx]);
      }
    }),
    { numRuns: 300, seed: 33 }
  );
});

test("property: columnSums, four columns at a time, equals row-order sums of x − shift and its square, bit for bit", () => {
  fc.assert(
    fc.property(
      problems,
      fc.array(fc.double({ min: -1e5, max: 1e5, noNaN: true }), { minLength: 6, maxLength: 6 }),
      ({ rows }, shifts) => {
        const m = toMatrix(rows);
        const shift = Float64Array.from(shifts.slice(0, m.cols));
        for (const square of [false, true]) {
          const got = columnSums(m, shift, square);
          rows[0].forEach((_, j) => {
            let t = 0;
            for (const r of rows) t += square ? (r[j] - shift[j]) ** 2 : r[j] - shift[j];
            expect(got[j]).toBe(t);
          });
        }
      }
    ),
    { numRuns: 300, seed: 34 }
  );
});

test("property: TOPSIS, four rows at a time, gives each row the closeness it has in any other position, bit for bit", () => {
  // Under min–max normalisation nothing but the row's own cells depends on the order of rows, so a row
  // mixed up with its group's neighbours, or a tail row taken wrongly, shows as a changed value.
  fc.assert(
    fc.property(
      problems,
      fc.constantFrom<Distance>("euclidean", "manhattan", "chebyshev"),
      ({ rows, weights, types }, distance) => {
        const options = { normalization: "minmax" as const, distance };
        const forward = topsis(toMatrix(rows), weights, types, options);
        const reversed = topsis(toMatrix([...rows].reverse()), weights, types, options);
        const back = (xs: Float64Array) => Array.from(xs).reverse();
        expect([
          Array.from(forward.closeness),
          Array.from(forward.dPlus),
          Array.from(forward.dMinus),
        ]).toEqual([back(reversed.closeness), back(reversed.dPlus), back(reversed.dMinus)]);
      }
    ),
    { numRuns: 300, seed: 35 }
  );
});
