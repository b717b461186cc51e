/** columnMaps' refusals and sign conventions, each by its exact message or value. */
import { matrix, toMatrix } from "../../../src/engine/mcda/matrix";
import {
  columnMaps,
  mappedData,
  mappedRows,
  normalizeMatrix,
} from "../../../src/engine/mcda/normalize";
import { refusal } from "./refusal";

describe("columnMaps refuses the cells a normalisation cannot take, at their row and column", () => {
  test.each<[string, number[][], 1 | -1, "sum" | "max", string, string]>([
    [
      "sum: a negative benefit value (a zero before it is taken)",
      [[0], [-1], [3]],
      1,
      "sum",
      "matrix 第 2 行第 1 列：求和归一化要求数值不小于 0，实为 -1",
      "matrix row 2, column 1: sum normalisation needs values ≥ 0, got -1",
    ],
    [
      "sum: a benefit column of zeros (no positive sum)",
      [[0], [0]],
      1,
      "sum",
      "matrix 第 1 行第 1 列：求和归一化要求数值大于 0，实为 0",
      "matrix row 1, column 1: sum normalisation needs values > 0, got 0",
    ],
    [
      "max: a column with no positive value",
      [[-2], [0]],
      -1,
      "max",
      "matrix 第 1 行第 1 列：最大值归一化要求数值大于 0，实为 -2",
      "matrix row 1, column 1: max normalisation needs values > 0, got -2",
    ],
  ])("%s", (_, rows, type, how, zh, en) => {
    expect(refusal(() => columnMaps(toMatrix(rows), [type], how))).toEqual({
      argument: "matrix",
      zh,
      en,
    });
  });

  test("sum takes zeros beside positive values; max takes negatives below a positive maximum", () => {
    expect(Array.from(normalizeMatrix(toMatrix([[0], [1], [3]]), [1], "sum").data)).toEqual([
      0, 0.25, 0.75,
    ]);
    expect(Array.from(normalizeMatrix(toMatrix([[-2], [4]]), [-1], "max").data)).toEqual([1.5, 0]);
  });
});

test("none keeps a benefit column and negates a cost column", () => {
  expect(
    Array.from(
      normalizeMatrix(
        toMatrix([
          [1, 2],
          [3, 4],
        ]),
        [1, -1],
        "none"
      ).data
    )
  ).toEqual([1, -2, 3, -4]);
});

test("vector and sum take their sums from a matrix that does not carry them (built by matrix())", () => {
  const bare = () => matrix(2, 1, Float64Array.from([3, 4]));
  const [a, b] = normalizeMatrix(bare(), [1], "vector").data;
  expect([a, b].map((x) => Math.round(x * 1e12) / 1e12)).toEqual([0.6, 0.8]);
  expect(Array.from(normalizeMatrix(bare(), [1], "sum").data)).toEqual([3 / 7, 4 / 7]);
});

describe("the maps applied: mappedRows, mappedData, a reciprocal column's y range", () => {
  const m = () =>
    toMatrix([
      [2, 10],
      [4, 20],
      [5, 30],
    ]);

  test("mappedRows writes rows [from, to) from offset 0 and nothing past them", () => {
    // Column 0 reciprocal (a cost column of sum), then column 0 plain: both loops end at the block.
    for (const types of [[-1, 1] as const, [1, -1] as const]) {
      const maps = columnMaps(m(), types, "sum");
      const whole = normalizeMatrix(m(), types, "sum").data;
      const out = new Float64Array(6).fill(-7); // a block buffer reused, longer than these rows
      mappedRows(m(), maps, 1, 2, out);
      expect(Array.from(out)).toEqual([whole[2], whole[3], -7, -7, -7, -7]);
    }
  });

  test("mappedData copies only when a column is reciprocal", () => {
    const a = m();
    expect(mappedData(a, columnMaps(a, [1, -1], "minmax"))).toBe(a.data);
    const y = mappedData(a, columnMaps(a, [-1, 1], "linear"));
    expect(Array.from(y)).toEqual([1 / 2, 10, 1 / 4, 20, 1 / 5, 30]);
    expect(Array.from(a.data)).toEqual([2, 10, 4, 20, 5, 30]);
  });

  test("a reciprocal column's y runs from 1/max to 1/min", () => {
    const maps = columnMaps(m(), [-1, 1], "linear");
    expect([maps.yMin[0], maps.yMax[0]]).toEqual([1 / 5, 1 / 2]);
    expect([maps.yMin[1], maps.yMax[1]]).toEqual([10, 30]);
  });
});
