import {
  McdaError,
  columnRange,
  columnTotals,
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
import { refusal } from "./refusal";

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

describe("every refusal by its argument and both languages", () => {
  const long = "一二三四五六七八九十一二三四五六七八九十"; // 20 characters
  test.each<[string, () => unknown, string, string, string]>([
    [
      "no array at all",
      () => toMatrix(undefined as never),
      "matrix",
      "matrix：为空",
      "matrix: is empty",
    ],
    [
      "a ragged row",
      () => toMatrix([[1, 2], [3]]),
      "matrix",
      "matrix 第 2 行：有 1 列，第 1 行有 2 列",
      "matrix row 2: has 1 columns, row 1 has 2",
    ],
    [
      "an infinity",
      () => toMatrix([[1], [-Infinity]]),
      "matrix",
      "matrix 第 2 行第 1 列：数值超出范围（-Infinity）",
      "matrix row 2, column 1: number out of range (-Infinity)",
    ],
    [
      "a text of 20 characters, shown whole",
      () => toMatrix([[long]]),
      "matrix",
      `matrix 第 1 行第 1 列：应为数字，实为 "${long}"`,
      `matrix row 1, column 1: expected a number, got "${long}"`,
    ],
    [
      "a text of 21 characters, cut at 20",
      () => toMatrix([[long + "!"]]),
      "matrix",
      `matrix 第 1 行第 1 列：应为数字，实为 "${long}…"`,
      `matrix row 1, column 1: expected a number, got "${long}…"`,
    ],
    [
      "imputeMissing: types of another length",
      () => imputeMissing(toMatrix([[1, 2]]), [1], "mean"),
      "types",
      "types：有 1 项，但矩阵有 2 个指标（列）",
      "types: has 1 entries but the matrix has 2 criteria (columns)",
    ],
    [
      "imputeMissing: a blank column",
      () => imputeMissing(toMatrix([[1, null]], { allowBlank: true }), [1, 1], "worst"),
      "matrix",
      "matrix：第 2 列整列为空，无法填补",
      "matrix: column 2 is blank throughout",
    ],
    ["toVector: empty", () => toVector([], "w"), "w", "w：为空", "w: is empty"],
    ["toTypes: empty", () => toTypes([]), "types", "types：为空", "types: is empty"],
    [
      "toVector: rows of one cell and a longer one",
      () => toVector([[1], [2, 3]], "w"),
      "w",
      "w：应为一行或一列，实为 2 行 × 1 列",
      "w: expected one row or one column, got 2 × 1",
    ],
    [
      "toTypes: a word it does not know",
      () => toTypes(["max", "up"]),
      "types",
      'types 第 2 项：无法识别 "up"，应为 1/-1、"+"/"-" 或 "max"/"min"',
      'types item 2: cannot read "up"; use 1/-1, "+"/"-" or "max"/"min"',
    ],
    [
      "toWeights: a blank",
      () => toWeights([1, undefined]),
      "weights",
      "weights 第 2 项：空单元格",
      "weights item 2: blank cell",
    ],
    [
      "normalizeWeights: empty",
      () => normalizeWeights([]),
      "weights",
      "weights：为空",
      "weights: is empty",
    ],
    [
      "normalizeWeights: NaN",
      () => normalizeWeights([1, NaN]),
      "weights",
      "weights 第 2 项：应为数字，实为 NaN",
      "weights item 2: expected a number, got NaN",
    ],
    [
      "normalizeWeights: an infinity",
      () => normalizeWeights([Infinity, 1], 2, "w"),
      "w",
      "w 第 1 项：应为数字，实为 Infinity",
      "w item 1: expected a number, got Infinity",
    ],
    [
      "normalizeWeights: a negative",
      () => normalizeWeights([1, -2]),
      "weights",
      "weights 第 2 项：权重不能为负（-2）",
      "weights item 2: a weight cannot be negative (-2)",
    ],
    [
      "normalizeWeights: all zero",
      () => normalizeWeights([0, 0]),
      "weights",
      "weights：权重全为 0",
      "weights: all weights are zero",
    ],
  ])("%s", (_, run, argument, zh, en) => {
    expect(refusal(run)).toEqual({ argument, zh, en });
  });

  test("the error is an McdaError by name too, with the position", () => {
    const e = errorOf(() => toMatrix([[1, "x"]]));
    expect(e.name).toBe("McdaError");
    expect(String(e)).toBe('McdaError: matrix row 1, column 2: expected a number, got "x"');
    expect([e.row, e.col]).toEqual([1, 2]);
  });
});

describe("matrix, toMatrix, imputeMissing, toTypes, removeRow: the edges", () => {
  test("matrix() takes zero rows or columns and refuses negative ones", () => {
    expect(matrix(0, 3, new Float64Array(0)).rows).toBe(0);
    expect(matrix(2, 0, new Float64Array(0)).cols).toBe(0);
    expect(() => matrix(-1, 2, new Float64Array(0))).toThrow(
      "matrix: rows and cols must be integers ≥ 0, got -1 × 2"
    );
    expect(() => matrix(2, -1, new Float64Array(0))).toThrow(
      "matrix: rows and cols must be integers ≥ 0, got 2 × -1"
    );
  });

  test("undefined is a blank cell like null", () => {
    const m = toMatrix([[1, undefined]], { allowBlank: true });
    expect(Number.isNaN(m.data[1])).toBe(true);
  });

  test("`into` is asked for rows × cols cells", () => {
    const asked: number[] = [];
    toMatrix(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { into: (n) => (asked.push(n), undefined) }
    );
    expect(asked).toEqual([6]);
  });

  test("worst fills a cost column with its maximum wherever it stands", () => {
    const m = toMatrix([[30], [10], [null]], { allowBlank: true });
    expect(toRows(imputeMissing(m, [-1], "worst"))).toEqual([[30], [10], [30]]);
  });

  test("types are read trimmed", () => {
    expect(toTypes([" max ", " 成本 "])).toEqual([1, -1]);
  });

  test("removeRow's matrix holds exactly its cells", () => {
    const m = removeRow(
      toMatrix([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
      2
    );
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4]);
  });
});

describe("columnRange and columnTotals past the first block of 128 rows", () => {
  // 130 rows × 3 columns, built by matrix() so nothing is carried: each takes the stats itself.
  const rows = 130;
  const cols = 3;
  const data = Float64Array.from({ length: rows * cols }, (_, k) => ((k * 37) % 101) - 50);
  const byColumn = (f: (xs: number[]) => number) =>
    Array.from({ length: cols }, (_, j) => f(Array.from(data).filter((_, k) => k % cols === j)));
  const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);

  test("minimum, maximum and sums of every row, each once", () => {
    const bare = matrix(rows, cols, data);
    const range = columnRange(bare);
    expect(Array.from(range.min)).toEqual(byColumn((xs) => Math.min(...xs)));
    expect(Array.from(range.max)).toEqual(byColumn((xs) => Math.max(...xs)));
    // Sums not asked for are not taken: zeros, and `summed` says so.
    expect([range.summed, ...range.sum, ...range.sumSq]).toEqual([false, 0, 0, 0, 0, 0, 0]);
    const summed = columnRange(bare, "matrix", { sum: true });
    expect(Array.from(summed.sum)).toEqual(byColumn(sum));
    expect(Array.from(summed.sumSq)).toEqual(byColumn((xs) => sum(xs.map((x) => x * x))));
    expect(Array.from(columnTotals(matrix(rows, cols, data), false))).toEqual(byColumn(sum));
    const carried = toMatrix(toRows(bare), { stats: "range" }).stats;
    expect(Array.from(carried?.min ?? [])).toEqual(byColumn((xs) => Math.min(...xs)));
    expect(Array.from(carried?.sum ?? [])).toEqual([0, 0, 0]);
  });
});
