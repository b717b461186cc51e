import {
  chainFitOf,
  compileTransform,
  keywords,
  linear,
  logarithmic,
  piecewise,
  threshold,
} from "../../src/engine/transforms";
import { evaluateRow } from "../../src/engine/expression";
import { readNumber, readNumericCell } from "../../src/engine/model/fields";
import { readDate } from "../../src/engine/dateText";
import {
  CellValue,
  FieldDef,
  ChainModel,
  CriterionDef,
  ScoringModel,
  Transform,
} from "../../src/engine/types";
import full from "../fixtures/models/full.json";

const criterion = (transform: Transform, direction: "more" | "less" = "more"): CriterionDef => ({
  id: "c",
  label: { zh: "指标", en: "Criterion" },
  dimension: "d",
  field: "f",
  transform,
  direction,
  weight: 1,
  missing: "zero",
});

function numeric(transform: Transform, direction: "more" | "less" = "more"): (x: number) => number {
  const t = compileTransform(criterion(transform, direction), "num", { f: "num" });
  if (t.input !== "num") throw new Error("expected a numeric transform");
  return t.apply;
}

function text(transform: Transform, direction: "more" | "less" = "more"): (s: string) => number {
  const t = compileTransform(criterion(transform, direction), "str", { f: "str" });
  if (t.input !== "str") throw new Error("expected a text transform");
  return t.apply;
}

describe("numeric transforms", () => {
  test("linear: 0 at min, 1 at max, clamped outside", () => {
    expect([0, 25, 50, 100, 150, -10].map((x) => linear(x, 0, 100))).toEqual([
      0, 0.25, 0.5, 1, 1, 0,
    ]);
    // less is better: 1 − t
    expect(numeric({ type: "linear", min: 0, max: 100 }, "less")(25)).toBe(0.75);
  });

  test("linear: a range not starting at 0 is measured from its min", () => {
    // 用地 10–20 亩: 12.5 is a quarter of the way, 15 halfway
    expect([5, 10, 12.5, 15, 20, 25].map((x) => linear(x, 10, 20))).toEqual([
      0, 0, 0.25, 0.5, 1, 1,
    ]);
  });

  test("log: each tenfold step between 1 000 and 100 000 earns half", () => {
    // ln(10 000 / 1 000) / ln(100 000 / 1 000) = 1/2
    expect(logarithmic(10000, 1000, 100000)).toBeCloseTo(0.5, 12);
    expect(logarithmic(1000, 1000, 100000)).toBe(0);
    expect(logarithmic(1e9, 1000, 100000)).toBe(1);
    expect(logarithmic(0, 1000, 100000)).toBe(0);
    expect(logarithmic(-5, 1000, 100000)).toBe(0);
  });

  test("piecewise: interpolates between breakpoints, flat beyond the ends", () => {
    const pts: [number, number][] = [
      [0, 0],
      [500, 0.6],
      [2000, 1],
    ];
    // 250 is halfway to 500: 0.3; 1250 is halfway from 500 to 2000: 0.6 + 0.4/2 = 0.8
    expect([-1, 0, 250, 500, 1250, 2000, 9999].map((x) => piecewise(x, pts))).toEqual([
      0, 0, 0.3, 0.6, 0.8, 1, 1,
    ]);
  });

  test("threshold: full marks at the threshold, linear deduction to zero, either direction", () => {
    // 亩均税收: full at 35, zero at 0 (more is better)
    expect([40, 35, 17.5, 0, -3].map((x) => threshold(x, 35, 0))).toEqual([1, 1, 0.5, 0, 0]);
    // energy per unit: full at or below 0.5, zero at 1.5 (less is better); direction does not flip it again
    const f = numeric({ type: "threshold", full: 0.5, zero: 1.5 }, "less");
    expect([0.2, 0.5, 1, 1.5, 2].map(f)).toEqual([1, 1, 0.5, 0, 0]);
  });

  test("boolean: yes 1, no 0; flipped when less is better (e.g. a penalty record)", () => {
    expect([1, 0].map(numeric({ type: "boolean" }))).toEqual([1, 0]);
    expect([1, 0].map(numeric({ type: "boolean" }, "less"))).toEqual([0, 1]);
  });
});

describe("text transforms", () => {
  test("category table ignores width and case; unknown categories get the default", () => {
    const f = text({ type: "category", table: { 签约: 1, 洽谈: 0.5, Signed: 1 }, default: 0.2 });
    expect(["签约", " 洽谈 ", "SIGNED", "ｓｉｇｎｅｄ", "对接"].map(f)).toEqual([
      1, 0.5, 1, 1, 0.2,
    ]);
    expect(text({ type: "category", table: { a: 1 } })("b")).toBe(0);
  });

  test("category with less is better: 1 − the table's value, the default flipped too", () => {
    // 环评类别: 报告书 (heaviest review) scores 0, 登记表 1
    const f = text(
      { type: "category", table: { 报告书: 1, 报告表: 0.5, 登记表: 0 }, default: 0.4 },
      "less"
    );
    expect(["报告书", "报告表", "登记表", "未定"].map(f)).toEqual([0, 0.5, 1, 0.6]);
  });

  test("keywords: the best matching rule wins; default when nothing matches", () => {
    const rules = [
      { words: ["总部", "headquarters"], score: 1 },
      { words: ["研发", "R&D"], score: 0.7 },
    ];
    expect(keywords("研发及生产基地", rules, 0.1)).toBe(0.7);
    expect(keywords("中国总部及研发中心", rules, 0.1)).toBe(1);
    expect(keywords("Regional HEADQUARTERS", rules, 0.1)).toBe(1);
    expect(keywords("仓储物流", rules, 0.1)).toBe(0.1);
  });

  test("keywords: the highest rule found wins whatever order the rules are listed in", () => {
    const lowFirst = [
      { words: ["仓储"], score: 0.4 },
      { words: ["研发"], score: 0.7 },
      { words: ["总部"], score: 1 },
    ];
    expect(keywords("中国总部及研发中心", lowFirst, 0.1)).toBe(1);
    expect(keywords("仓储及研发基地", lowFirst, 0.1)).toBe(0.7);
  });

  test("keywords: a word in an intention earns its share of the rule's score, not the default", () => {
    const rules = [
      { words: ["总部"], score: 1 },
      { words: ["省级研发中心"], score: 0.8 },
      { words: ["仓储"], score: 0.3 },
    ];
    // 拟申报: half of 0.8 by default, the model's own share when it gives one
    expect(keywords("拟申报省级研发中心", rules, 0.1)).toBe(0.4);
    expect(keywords("拟申报省级研发中心", rules, 0.1, 0.25)).toBe(0.2);
    // an intended headquarters (1 × 0.5) beats a lower rule's fact only when above it
    expect(keywords("拟设立总部，现有省级研发中心", rules, 0.1)).toBe(0.8);
    expect(keywords("现有仓储，拟设立总部", rules, 0.1)).toBe(0.5);
    // through the compiled transform, the rule's `intended` share
    const f = text({ type: "keywords", rules, default: 0.1, intended: 0.25 });
    expect(f("拟申报省级研发中心")).toBe(0.2);
  });
});

describe("expression transform", () => {
  test("sees x and the row's fields; direction flips its result", () => {
    const t = compileTransform(
      criterion({ type: "expression", expression: "min(x / cap, 1)" }),
      "num",
      { f: "num", cap: "num" }
    );
    if (t.input !== "expression") throw new Error("expected an expression transform");
    expect(evaluateRow(t.expr, { x: 0.03, cap: 0.06 })).toBeCloseTo(0.5, 12);
    const less = compileTransform(
      criterion({ type: "expression", expression: "x / 10" }, "less"),
      "num",
      { f: "num" }
    );
    if (less.input !== "expression") throw new Error("expected an expression transform");
    expect(evaluateRow(less.expr, { x: 2 })).toBeCloseTo(0.8, 12);
  });

  test("direction less flips the batch path too, rows 0…count−1 only, missing staying missing", () => {
    const less = compileTransform(
      criterion({ type: "expression", expression: "x / 10" }, "less"),
      "num",
      { f: "num" }
    );
    if (less.input !== "expression") throw new Error("expected an expression transform");
    const x = Float64Array.from([2, 5, 10, NaN, 3]);
    const column = less.expr.column({
      num: (name) => (name === "x" ? x : undefined),
      str: () => undefined,
    });
    // a buffer longer than the rows asked for: the cell past `count` is not the column's to write
    const out = new Float64Array(5).fill(7);
    column(out, 4);
    expect(Array.from(out)).toEqual([0.8, 0.5, 0, NaN, 7]);
  });
});

describe("cell readers", () => {
  test("yes/no in Chinese and English", () => {
    const yes = ["是", "有", "√", "✓", "Y", "yes", "TRUE", "true", "1", "ｙ", true, 1];
    const no = ["否", "无", "×", "N", "no", "FALSE", "0", false, 0];
    const yesNo: FieldDef = {
      id: "flag",
      label: { zh: "标记", en: "Flag" },
      type: "boolean",
      aliases: [],
    };
    const readBoolean = (c: CellValue) =>
      readNumericCell(c, yesNo, undefined, full as unknown as ScoringModel);
    expect(yes.map(readBoolean)).toEqual(yes.map(() => 1));
    expect(no.map(readBoolean)).toEqual(no.map(() => 0));
    expect(["", "待定", "不详", "maybe", null, 2].map(readBoolean)).toEqual([
      NaN,
      NaN,
      NaN,
      NaN,
      NaN,
      NaN,
    ]);
  });

  test("numbers as sheets write them; missing marks are not zero", () => {
    expect(["83.6亩", "1,200", "约 30", "１５００", "15%", "1.2万人", 42].map(readNumber)).toEqual([
      83.6, 1200, 30, 1500, 0.15, 12000, 42,
    ]);
    expect(["", "-", "—", "/", "待定", "N/A", "many", null, true].map(readNumber)).toEqual(
      Array(9).fill(NaN)
    );
  });

  test("dates as Excel serial days", () => {
    // 2023-03-03 is Excel day 44988
    expect(["2023-03-03", "2023年3月3日", "2023/3/3", 44988].map((c) => readDate(c))).toEqual([
      44988, 44988, 44988, 44988,
    ]);
    expect(["2023-02-30", "next spring"].map((c) => readDate(c))).toEqual([NaN, NaN]);
  });
});

describe("chain fit (through engine/chain)", () => {
  const chain = full.chain as unknown as ChainModel;
  test("an explicit chain wins; the role sets the base; missing text and chain is missing", () => {
    const columns = {
      chain: ["新能源汽车", null, null],
      role: ["链主", null, null],
      description: [null, "数控机床", null],
    };
    const a = chainFitOf(columns, 0, chain);
    expect(a).toMatchObject({ chain: "nev", role: "leader", value: 1 });
    const b = chainFitOf(columns, 1, chain);
    expect(b?.chain).toBe("cnc");
    expect(b?.role).toBe("supplier"); // the default role
    expect(chainFitOf(columns, 2, chain)).toBeNull();
  });
});
