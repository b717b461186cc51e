/**
 * Data-type cells: on CustomFunctionsRuntime 1.4 hosts a cell holding a data type reaches an `any` parameter
 * as its JSON object (shapes as Excel's valuesAsJson gives them, ExcelApi 1.16 typings: DoubleCellValue,
 * StringCellValue, BooleanCellValue, FormattedNumberCellValue, EntityCellValue, EmptyCellValue). The
 * functions read what the cell shows, never "[object Object]". And clean() is the fast path of
 * Number(x.toPrecision(12)) (issue 16): property tests hold it equal to that reference over every
 * magnitude, sign and the near-half cases where the fast path hands over to the string path.
 */
import fc from "fast-check";
import {
  cellValue,
  clean,
  spillColumn,
  spillRow,
  grid,
  isBlank,
  matrixStorage,
  number,
  optNumber,
  optText,
  plain,
  run,
} from "../../src/functions/args";
import { amount, chainfit, critic, score, topsisFn, vikorFn } from "../../src/functions/functions";

const double = { type: "Double", basicType: "Double", basicValue: 2.5 };
const formatted = { type: "FormattedNumber", basicValue: 1500, numberFormat: "#,##0" };
const str = { type: "String", basicType: "String", basicValue: "1500万美元" };
const bool = { type: "Boolean", basicValue: true };
const empty = { type: "Empty", basicValue: "" };
// The add-in's own score card: an entity whose basic value is #VALUE! and whose text is what the cell shows.
const card = {
  type: "Entity",
  text: "新能源整车项目",
  basicType: "Error",
  basicValue: "#VALUE!",
  properties: { 得分: { type: "Double", basicValue: 73.17 } },
};

describe("data-type arguments", () => {
  test("scalars read as their basic value, entities as their text, empty as blank", () => {
    expect(number(double, "x")).toBe(2.5);
    expect(number(formatted, "x")).toBe(1500);
    expect(optText(str, "x")).toBe("1500万美元");
    expect(cellValue(bool)).toBe(true);
    expect(cellValue(card)).toBe("新能源整车项目");
    expect(isBlank(empty)).toBe(true);
    expect(optNumber(empty, "x", 7)).toBe(7);
    expect(optText([[card]], "x")).toBe("新能源整车项目");
  });

  test("ranges holding data types are read cell by cell; plain ranges are passed through untouched", () => {
    expect(
      grid(
        [
          [double, "a"],
          [card, 3],
        ],
        "r"
      )
    ).toEqual([
      [2.5, "a"],
      ["新能源整车项目", 3],
    ]);
    const plainRange = [[1, "b"]];
    expect(plain(plainRange)).toBe(plainRange);
  });

  test("worksheet functions get the value, not [object Object]", () => {
    // 1500万美元 in USD, 万 (10 000) units: 1500
    expect(amount(str, "USD", "万")).toBe(1500);
    expect(amount([[formatted]])).toBe(1500);
    expect(chainfit([[card]])).toBe(chainfit("新能源整车项目"));
  });

  test("ZS.SCORE reads a row's data-type cells one by one, as the values they show", () => {
    const headers = [["项目名称", "总投资", "年税收", "所属行业"]];
    const typed = [
      { type: "String", basicType: "String", basicValue: "新能源汽车电池项目" },
      { type: "FormattedNumber", basicValue: 50000, numberFormat: "#,##0" },
      { type: "Double", basicType: "Double", basicValue: 3000 },
      card,
    ];
    const shown = ["新能源汽车电池项目", 50000, 3000, card.text];
    expect(score([typed], headers)).toBe(score([shown], headers));
    expect(score([typed], headers)).not.toBe(score([["新能源汽车电池项目", "", "", ""]], headers));
  });

  test("a decision matrix holding data-type cells scores as the numbers they show", () => {
    const types = [["+", "+"]];
    const weights = [[1, 1]];
    expect(
      topsisFn(
        [
          [double, 4],
          [1, formatted],
        ],
        weights,
        types
      )
    ).toEqual(
      topsisFn(
        [
          [2.5, 4],
          [1, 1500],
        ],
        weights,
        types
      )
    );
  });
});

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

  test("equals it along columns whose numbers share a decade, then change it (as spills call it)", () => {
    const column = fc
      .tuple(fc.integer({ min: -12, max: 12 }), fc.integer({ min: 1, max: 40 }))
      .chain(([e, n]) =>
        fc.array(
          fc.integer({ min: 1, max: 9_999_999 }).map((m) => (m / 1e6) * 10 ** e),
          { minLength: n, maxLength: n }
        )
      );
    fc.assert(
      fc.property(fc.array(column, { minLength: 1, maxLength: 5 }), (columns) =>
        columns.every((c) => c.every((x) => same(clean(x), reference(x))))
      ),
      { numRuns: 20_000 }
    );
  });

  test("equals it when a result's columns, each in its own decade, are cleaned row by row (VIKOR's S, R, Q)", () => {
    const cell = fc
      .tuple(fc.integer({ min: -13, max: 13 }), fc.integer({ min: 1, max: 9_999_999 }))
      .map(([e, m]) => (m / 1e6) * 10 ** e);
    const rows = fc.array(fc.tuple(cell, cell, cell, fc.integer({ min: 0, max: 9 })), {
      minLength: 1,
      maxLength: 40,
    });
    fc.assert(
      fc.property(rows, (rs) =>
        rs.every(([a, b, c, col]) =>
          [a, b, c].every((x, j) => same(clean(x, j + col), reference(x)))
        )
      ),
      { numRuns: 5_000 }
    );
  });

  test("a number just below a power of ten keeps its 12th digit after a column's larger numbers", () => {
    // 0.9999999999951 × 10^11 rounds to 10^11, as if it were 1: the power to use is 10^12.
    for (const x of [0.9999999999951, 9.9999999999951, 0.0099999999999951]) {
      clean(x * 2); // a number of the next decade sets the column's power
      expect(clean(x)).toBe(reference(x));
    }
    expect(clean(0.9999999999951)).toBe(0.999999999995);
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

describe("reused matrix storage", () => {
  test("one matrix per call gets it; a second in the same call, or a nested call's, a new array", () => {
    run(() => {
      const first = matrixStorage(6);
      expect(first?.length).toBe(6);
      expect(matrixStorage(6)).toBeUndefined();
      run(() => expect(matrixStorage(4)).toBeUndefined());
    });
    // Freed when the call ends, also by an error; grown when a call needs more.
    expect(() =>
      run(() => {
        expect(matrixStorage(10)?.length).toBe(10);
        throw new Error("boom");
      })
    ).toThrow();
    run(() => expect(matrixStorage(3)?.length).toBe(3));
  });

  test("calls in turn on matrices of other sizes give what each gives alone", () => {
    const big = Array.from({ length: 40 }, (_, i) => [
      1 + (i % 7),
      2 + ((i * 3) % 5),
      10 - (i % 4),
    ]);
    const small = [
      [1, 9],
      [3, 2],
      [2, 5],
    ];
    const w3 = [[1, 2, 3]];
    const t3 = [["+", "-", "+"]];
    const kept = [topsisFn(big, w3, t3), vikorFn(small, [[1, 1]], [["+", "+"]]), critic(big, t3)];
    const alone = kept.map((r) => JSON.stringify(r));
    for (let round = 0; round < 2; round++) {
      expect(JSON.stringify(topsisFn(big, w3, t3))).toBe(alone[0]);
      expect(JSON.stringify(vikorFn(small, [[1, 1]], [["+", "+"]]))).toBe(alone[1]);
      expect(JSON.stringify(critic(big, t3))).toBe(alone[2]);
    }
    // No result shares the storage: the first ones are unchanged by the calls after them.
    expect(kept.map((r) => JSON.stringify(r))).toEqual(alone);
  });
});
