import { boundNote, BoundedReading, sumBound } from "../../src/engine/bounds";
import type { AmountBound } from "../../src/engine/types";

const zh = (v: number) => `${v}万元`;
const en = (v: number) => `${v} 10k CNY`;
const reading = (r: Partial<BoundedReading>): BoundedReading => ({
  value: 3,
  low: 3,
  high: 3,
  bound: "exact",
  vague: false,
  ...r,
});

describe("boundNote: the whole note, word for word, for each kind of figure", () => {
  test("exact, about, at least and at most use the figure itself", () => {
    expect(boundNote(reading({}), "mid", zh, en)).toEqual({
      zh: "读作 3万元",
      en: "read as 3 10k CNY",
    });
    expect(boundNote(reading({ bound: "approximate" }), "mid", zh, en)).toEqual({
      zh: "读作约数 3万元，按该数取值",
      en: "read as about 3 10k CNY; used that figure",
    });
    expect(boundNote(reading({ bound: "atLeast" }), "mid", zh, en)).toEqual({
      zh: "读作下限：不少于 3万元；单边界，取界值本身",
      en: "read as at least 3 10k CNY; one-sided bound, used the bound itself",
    });
    expect(boundNote(reading({ bound: "atMost" }), "high", zh, en)).toEqual({
      zh: "读作上限：不超过 3万元；单边界，取界值本身",
      en: "read as at most 3 10k CNY; one-sided bound, used the bound itself",
    });
  });

  test("a written range says which end was used and adds nothing about vagueness", () => {
    const r = reading({ value: 4, low: 3, high: 5, bound: "range" });
    expect(boundNote(r, "mid", zh, en)).toEqual({
      zh: "读作区间 3万元–5万元；取中值 4万元",
      en: "read as the range 3 10k CNY–5 10k CNY; used the midpoint, 4 10k CNY",
    });
    expect(boundNote({ ...r, value: 3 }, "low", zh, en)).toEqual({
      zh: "读作区间 3万元–5万元；取下限 3万元",
      en: "read as the range 3 10k CNY–5 10k CNY; used the low end, 3 10k CNY",
    });
  });

  test("a range from 数/几/多/余 (or 两三, 三五) says it is a vague figure", () => {
    const r = reading({ value: 5, low: 3, high: 5, bound: "range", vague: true });
    expect(boundNote(r, "high", zh, en)).toEqual({
      zh: "读作区间 3万元–5万元（约数）；取上限 5万元",
      en: "read as the range 3 10k CNY–5 10k CNY (a vague figure); used the high end, 5 10k CNY",
    });
  });
});

describe("sumBound: how a sum of figures stands", () => {
  test.each<[AmountBound[], AmountBound | null]>([
    [[], "exact"],
    [["exact", "exact"], "exact"],
    [["exact", "approximate"], "approximate"],
    [["approximate", "atLeast"], "atLeast"],
    [["exact", "atMost", "atMost"], "atMost"],
    [["approximate", "range"], "range"],
    [["atLeast", "atMost"], null],
    [["range", "atLeast"], null],
  ])("%p → %p", (bounds, expected) => {
    expect(sumBound(bounds)).toBe(expected);
  });
});
