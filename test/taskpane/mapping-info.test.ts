/**
 * The mapping step's facts: every model field (key first), column letters and samples, units and
 * their source, what leaving a field out does, and suggestions for unrecognised columns.
 */
import { mappingInfo } from "../../src/taskpane/mapping-info";
import { openTable } from "../../src/taskpane/session";
import type { SheetData } from "../../src/workbook";
import { model, readSheet } from "../models/sample-helpers";

function open(sheet: SheetData) {
  return openTable(
    { table: sheet, address: "A1", source: "used", sheets: [], resultSheet: null },
    model
  );
}

test("every field of the model is listed once, key fields in their own group", async () => {
  const info = mappingInfo(open(await readSheet()), model, "zh");
  expect([...info.key, ...info.optional].map((f) => f.field.id).sort()).toEqual(
    model.fields.map((f) => f.id).sort()
  );
  expect(info.key.every((f) => f.field.key)).toBe(true);
  expect(info.optional.some((f) => f.field.key)).toBe(false);
});

test("columns carry their letter and first value; units say where they came from", async () => {
  const sheet = await readSheet();
  const info = mappingInfo(open(sheet), model, "zh");
  const inv = info.key.find((f) => f.field.id === "totalInvestment")!;
  const choice = info.columns.find((c) => c.column === inv.mapped!.column)!;
  expect(choice.letter).toBe("H");
  expect(choice.sample).toBe("1500万美元");
  // The sample's 计划总投资 header names no unit: its bare numbers take the model's, flagged as assumed.
  expect(inv.unit).toBe("万元（模型默认，假定）");
  const land = info.optional.find((f) => f.field.id === "landArea")!;
  expect(land.unit).toBe("亩（表头 N4）");
});

test("a header with its unit: 总投资（万美元） reads as 万美元 from the header", () => {
  const sheet: SheetData = {
    name: "S",
    grid: [
      ["项目名称", "总投资（万美元）", "推进情况", "所在区域"],
      ["甲", 1500, "已签约", "独山港"],
      ["乙", 800, "洽谈中", "当湖街道"],
    ],
  };
  const info = mappingInfo(open(sheet), model, "zh");
  expect(info.key.find((f) => f.field.id === "totalInvestment")!.unit).toBe("万美元（表头 B1）");
  // 推进情况 is one of 项目进度's headers (the model's aliases).
  const stage = info.key.find((f) => f.field.id === "stage")!;
  expect(stage.mapped?.header).toBe("推进情况");
  expect(stage.ifUnmapped).toContain("目标进度");
  expect(info.columns.map((c) => `${c.letter}:${c.header}`)).toEqual([
    "A:项目名称",
    "B:总投资（万美元）",
    "C:推进情况",
    "D:所在区域",
  ]);
});

test("leaving a field unmapped names the criteria and rules it feeds, in words", async () => {
  const info = mappingInfo(open(await readSheet()), model, "en");
  const tax = info.optional.find((f) => f.field.id === "tax")!;
  expect(tax.ifUnmapped).toMatch(/^If left unmapped: /);
  expect(tax.ifUnmapped).toContain("Annual tax");
  const remarks = info.optional.find((f) => f.field.id === "remarks")!;
  expect(remarks.ifUnmapped).toBe("no effect on scores; for reference");
});

test("each mapped column carries the workbook layer's reading report: read, guessed with the model's unit, unreadable with the address", () => {
  const sheet: SheetData = {
    name: "清单",
    grid: [
      ["项目名称", "总投资", "所属产业链"],
      ["甲", 40000, "新能源汽车"],
      ["乙", "2亿元", "光电通信"],
      ["丙", "#N/A", "生物医药"],
      ["丁", 5000, "种子种苗"],
    ],
  };
  const info = mappingInfo(open(sheet), model, "zh");
  const inv = info.key.find((f) => f.field.id === "totalInvestment")!;
  // Two bare numbers take the model's 万元 (a guess), 2亿元 reads as written, #N/A cannot be read.
  expect(inv.reading).toMatchObject({
    letter: "B",
    read: 1,
    guessed: 2,
    missing: 0,
    unreadable: 1,
  });
  expect(inv.reading!.firstGuessed).toEqual(["B2", "B5"]);
  expect(inv.reading!.firstUnreadable.map((u) => u.address)).toEqual(["B4"]);
  const unmapped = [...info.key, ...info.optional].find((f) => !f.mapped)!;
  expect(unmapped.reading).toBeNull();
});

test("an unmapped field is offered a column that shares its name, never a ratio column (亩均税收 for 年税收)", () => {
  // 收税 shares both characters of 税收 (offered) but no bigram with the field's names (not mapped).
  const grid = [
    ["项目名称", "总投资", "亩均税收", "收税"],
    ["甲", 1500, 30, 800],
  ];
  const info = mappingInfo(open({ name: "S", grid }), model, "zh");
  const tax = info.optional.find((f) => f.field.id === "tax")!;
  expect(tax.mapped).toBeNull();
  expect(tax.suggestions.map((c) => `${c.letter} ${c.header}`)).toEqual(["D 收税"]);
});
