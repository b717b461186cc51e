import {
  McdaError,
  imputeMissing,
  matrix,
  normalizeWeights,
  removeRow,
  requireComplete,
  toMatrix,
  toRows,
  toTypes,
  toVector,
  toWeights,
} from "../../../src/engine/mcda/matrix";

function errorOf(f: () => unknown): McdaError {
  try {
    f();
  } catch (e) {
    if (e instanceof McdaError) return e;
    throw e;
  }
  throw new Error("expected an McdaError");
}

describe("toMatrix", () => {
  test("builds a row-major matrix from numbers and numeric text", () => {
    const m = toMatrix([
      [1, "2.5"],
      [" 3 ", -4e2],
    ]);
    expect(m.rows).toBe(2);
    expect(m.cols).toBe(2);
    expect(Array.from(m.data)).toEqual([1, 2.5, 3, -400]);
    expect(toRows(m)).toEqual([
      [1, 2.5],
      [3, -400],
    ]);
  });

  test("a blank cell is refused with its position, in both languages", () => {
    const e = errorOf(() =>
      toMatrix([
        [1, 2],
        [3, ""],
      ])
    );
    expect(e.argument).toBe("matrix");
    expect([e.row, e.col]).toEqual([2, 2]);
    expect(e.message).toBe("matrix row 2, column 2: blank cell");
    expect(e.label.zh).toBe("matrix 第 2 行第 2 列：空单元格");
  });

  test("blank cells are kept as NaN when allowed", () => {
    const m = toMatrix(
      [
        [1, null],
        [NaN, "  "],
      ],
      { allowBlank: true }
    );
    expect(Array.from(m.data).map(Number.isNaN)).toEqual([false, true, true, true]);
    expect(() => requireComplete(m)).toThrow("matrix row 1, column 2: blank cell");
  });

  test("text, booleans and infinities are refused by position", () => {
    expect(() => toMatrix([[1, "一千"]], { argument: "data" })).toThrow(
      'data row 1, column 2: expected a number, got "一千"'
    );
    expect(() => toMatrix([[true, 1]])).toThrow(
      "matrix row 1, column 1: expected a number, got true"
    );
    expect(() => toMatrix([[1], [Infinity]])).toThrow(
      "matrix row 2, column 1: number out of range (Infinity)"
    );
  });

  test("`cell` reads only the cells that are not finite numbers, and its result is checked like any cell", () => {
    const seen: unknown[] = [];
    const cell = (v: unknown) => {
      seen.push(v);
      return typeof v === "object" && v !== null ? (v as { shown: unknown }).shown : v;
    };
    const m = toMatrix(
      [
        [1, { shown: "2.5" }],
        [{ shown: 3 }, 4],
      ],
      { cell }
    );
    expect(Array.from(m.data)).toEqual([1, 2.5, 3, 4]);
    expect(seen).toEqual([{ shown: "2.5" }, { shown: 3 }]);
    expect(() => toMatrix([[1, { shown: "x" }]], { cell })).toThrow(
      'matrix row 1, column 2: expected a number, got "x"'
    );
    expect(() => toMatrix([[{ shown: null }]], { cell })).toThrow(
      "matrix row 1, column 1: blank cell"
    );
  });

  test("empty and ragged matrices are refused", () => {
    expect(() => toMatrix([])).toThrow("matrix: is empty");
    expect(() => toMatrix([[]])).toThrow("matrix: is empty");
    expect(() => toMatrix([[1, 2], [3]])).toThrow("matrix row 2: has 1 columns, row 1 has 2");
  });

  test("matrix() checks the data length", () => {
    expect(() => matrix(2, 2, new Float64Array(3))).toThrow(/needs 4 values/);
    expect(matrix(1, 2, new Float64Array([1, 2])).cols).toBe(2);
  });
});

describe("imputeMissing", () => {
  const m = toMatrix(
    [
      [1, 10],
      [null, 30],
      [3, null],
    ],
    { allowBlank: true }
  );

  test("worst fills the column's worst value by criterion type", () => {
    expect(toRows(imputeMissing(m, [1, -1], "worst"))).toEqual([
      [1, 10],
      [1, 30],
      [3, 30],
    ]);
  });

  test("mean fills the column mean", () => {
    expect(toRows(imputeMissing(m, [1, 1], "mean"))).toEqual([
      [1, 10],
      [2, 30],
      [3, 20],
    ]);
  });

  test("a column with no value is refused", () => {
    const empty = toMatrix(
      [
        [1, null],
        [2, null],
      ],
      { allowBlank: true }
    );
    expect(() => imputeMissing(empty, [1, 1], "mean")).toThrow(
      "matrix: column 2 is blank throughout"
    );
  });
});

describe("toVector, toTypes, toWeights", () => {
  test("a row, a column, a list or a single value", () => {
    expect(toVector([[1, 2, 3]], "w")).toEqual([1, 2, 3]);
    expect(toVector([[1], [2], [3]], "w")).toEqual([1, 2, 3]);
    expect(toVector([1, 2], "w")).toEqual([1, 2]);
    expect(toVector(5, "w")).toEqual([5]);
    expect(() =>
      toVector(
        [
          [1, 2],
          [3, 4],
        ],
        "weights"
      )
    ).toThrow("weights: expected one row or one column, got 2 × 2");
  });

  test("types accept the usual spellings", () => {
    expect(
      toTypes([
        [1, -1, "+", "-", "MAX", "min", "benefit", "cost", "效益", "成本", "越大越好", "越小越好"],
      ])
    ).toEqual([1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1]);
    expect(() => toTypes(["+", "up"])).toThrow('types item 2: cannot read "up"');
    expect(() => toTypes([1, 1], 3)).toThrow(
      "types: has 2 entries but the matrix has 3 criteria (columns)"
    );
  });

  test("weights are scaled to sum to 1", () => {
    expect(Array.from(toWeights([[30], [20], [50]], 3))).toEqual([0.3, 0.2, 0.5]);
    expect(Array.from(normalizeWeights([2, 2]))).toEqual([0.5, 0.5]);
  });

  test("bad weights: length, negative, all zero, blank, text", () => {
    expect(() => toWeights([1, 2], 3)).toThrow(
      "weights: has 2 entries but the matrix has 3 criteria (columns)"
    );
    expect(() => toWeights([1, -2])).toThrow("weights item 2: a weight cannot be negative (-2)");
    expect(() => toWeights([0, 0])).toThrow("weights: all weights are zero");
    expect(() => toWeights([1, ""])).toThrow("weights item 2: blank cell");
    expect(() => toWeights(["a", 1])).toThrow('weights item 1: expected a number, got "a"');
  });
});

test("removeRow drops one alternative", () => {
  const m = toMatrix([
    [1, 2],
    [3, 4],
    [5, 6],
  ]);
  expect(toRows(removeRow(m, 1))).toEqual([
    [1, 2],
    [5, 6],
  ]);
  expect(toRows(removeRow(m, 0))).toEqual([
    [3, 4],
    [5, 6],
  ]);
});

test("toMatrix fills storage it is given when the size fits, else a new array", () => {
  const storage = new Float64Array(4).fill(-1);
  const m = toMatrix(
    [
      [1, 2],
      [3, 4],
    ],
    { into: () => storage }
  );
  expect(m.data).toBe(storage);
  expect(Array.from(storage)).toEqual([1, 2, 3, 4]);
  const wrong = new Float64Array(5);
  const n = toMatrix([[7, 8]], { into: () => wrong });
  expect(n.data).not.toBe(wrong);
  expect(Array.from(n.data)).toEqual([7, 8]);
  expect(Array.from(toMatrix([[9]], { into: () => undefined }).data)).toEqual([9]);
});
