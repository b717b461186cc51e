/**
 * Land areas as bureau lists write them, in 亩. Conversions: 1 公顷 = 15 亩 and 1 亩 = 10 000/15 ≈ 666.67
 * 平方米 (市制 亩, GB 3100-93 appendix / the 1984 国务院 order on legal units of measurement).
 */
import { headerLandUnit, readArea } from "../../src/engine/land";
import { readNumber, readNumericCell } from "../../src/engine/model/fields";
import pinghu from "../../src/models/pinghu-2023.json";
import type { ScoringModel } from "../../src/engine/types";

const model = pinghu as unknown as ScoringModel;

test.each([
  ["80亩", 80, "亩"],
  ["约 6.7 公顷", 100.5, "公顷"],
  ["5万m2", 75, "平方米"],
  ["5万平方米", 75, "万平方米"],
  ["1.2万亩", 12000, "亩"],
  ["一百亩", 100, "亩"],
  ["三十五亩", 35, "亩"],
  ["工业用地80亩", 80, "亩"],
  ["用地：50 亩", 50, "亩"],
  ["新增用地面积 约120亩", 120, "亩"],
  ["120亩左右", 120, "亩"],
  ["200 亩（一期）", 200, "亩"],
  ["100-150亩", 125, "亩"],
  ["100亩～150亩", 125, "亩"],
  ["6 至 10 公顷", 120, "公顷"],
  ["53,360 平方米", 80.04, "平方米"],
  ["1.2 万 亩", 12000, "亩"],
  [" 工业用地80亩", 80, "亩"],
])("%s reads as %d 亩", (cell, mu, unit) => {
  const r = readArea(cell);
  expect(r?.unit).toBe(unit);
  expect(r?.value).toBeCloseTo(mu, 9);
});

test.each([
  ["80", "a bare number: the column's unit decides"],
  ["100亩-15公顷", "a range over two units"],
  ["租赁厂房2万平方米", "leased floor space, not land"],
  ["80亩，另租厂房", "more than an area"],
  ["1.2万方", "方 is no land unit (cubic or square metres)"],
  ["亩", "no number"],
  ["100-150", "a range with no unit"],
])("%s is not an area (%s)", (cell) => {
  expect(readArea(cell)).toBeNull();
});

test.each([
  // 数/几 write a range, read as amounts (数十亿 = 10–100亿) and 多/余 read them: the midpoint, vague.
  ["数十亩", 10, 100, "range"],
  ["十几亩", 10, 20, "range"],
  ["十几万平方米", 150, 300, "range"],
  // 100余亩: 一百余 is any figure from 100 to 200 (余 runs to the next unit of the last digit), as
  // 3000多万 is 3000万–4000万 for amounts.
  ["100余亩", 100, 200, "range"],
  // A range with no high end is open upward: at least its figure, as 以上.
  ["100亩~", 100, 100, "atLeast"],
  ["100亩-", 100, 100, "atLeast"],
])("%s reads from %d to %d 亩 (%s)", (cell, low, high, bound) => {
  const r = readArea(cell);
  expect(r && [r.low, r.high, r.bound, r.vague]).toEqual([low, high, bound, bound === "range"]);
  expect(r?.value).toBeCloseTo((low + high) / 2, 9);
});

test("a range written twice (十几余亩) is no area", () => {
  expect(readArea("十几余亩")).toBeNull();
});

test.each([
  ["用地面积（平方米）", "平方米"],
  ["用地/ha", "公顷"],
  ["用地面积（单位：平方米）", "平方米"],
  ["用地面积（单位亩）", "亩"],
  ["用地面积", null],
  ["用地面积（万元）", null],
])("the header %s states the land unit %s", (header, unit) => {
  expect(headerLandUnit(header)).toBe(unit);
});

test("a number field reads an area it cannot convert, or a volume, as nothing rather than the bare number", () => {
  const land = model.fields.find((f) => f.id === "landArea")!;
  expect(readNumericCell("约 6.7 公顷", land, undefined, model)).toBeCloseTo(100.5, 9);
  expect(readNumericCell("100-150亩", land, undefined, model)).toBe(125);
  for (const cell of ["1.2万方", "租赁厂房2万平方米", "3000立方米", "3 公里"])
    expect(readNumericCell(cell, land, undefined, model)).toBeNaN();
  expect(readNumber("6.7 公顷")).toBeNaN();
  expect(readNumber("83.6亩")).toBe(83.6);
  expect(readNumber("1.2万人")).toBe(12000);
});

test("‰ is a scale of its own: 5‰ is 0.005, in a percent field whatever the column's unit", () => {
  const rd = model.fields.find((f) => f.id === "rdShare")!;
  expect(readNumber("5‰")).toBe(0.005);
  expect(readNumber("15%")).toBe(0.15);
  expect(readNumericCell("5‰", rd, { multiplier: 0.01 }, model)).toBe(0.005);
  expect(readNumericCell("3.5", rd, { multiplier: 0.01 }, model)).toBe(0.035);
});

describe("多/余 and bound words on an area", () => {
  // 多/余 run up to the next unit of the last digit, as for amounts (50余亩 = 50–60 亩).
  test.each<[string, number, number, string]>([
    ["50余亩", 50, 60, "range"],
    ["50多亩", 50, 60, "range"],
    ["1.2万多亩", 12000, 13000, "range"],
    ["2多公顷", 30, 45, "range"],
    ["约100亩", 100, 100, "approximate"],
    ["约100亩（其中一期50亩）", 100, 100, "approximate"],
    ["120亩左右", 120, 120, "approximate"],
    ["超50亩", 50, 50, "atLeast"],
    ["50亩以上", 50, 50, "atLeast"],
    ["80亩以内", 80, 80, "atMost"],
    ["100亩(6.67公顷)", 100, 100, "exact"],
  ])("%s reads %d–%d 亩 (%s)", (cell, low, high, bound) => {
    const r = readArea(cell)!;
    expect([r.low, r.high, r.bound]).toEqual([low, high, bound]);
    expect(r.value).toBe(bound === "range" ? (low + high) / 2 : low);
  });

  test.each(["0余亩", "50余-60亩", "50多亩-60亩", "超50亩以下"])("%s is not read", (cell) => {
    expect(readArea(cell)).toBeNull();
  });
});
