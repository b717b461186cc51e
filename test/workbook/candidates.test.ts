import { toCandidateTable } from "../../src/workbook/candidates";
import { mapColumns } from "../../src/workbook/mapping";
import { locateTable } from "../../src/workbook/table";
import { smallModel } from "../fixtures/workbooks/model";

test("candidates by field, header units as contexts, rowIds as 1-based sheet rows", () => {
  const model = smallModel();
  const sheet = {
    name: "S",
    origin: { row: 2, col: 1 },
    grid: [
      ["项目名称", "总投资（万美元）", "所属产业链"],
      ["A", 1500, "汽车"],
      ["合计", 1500, null],
      ["B", null, "机床"],
    ],
  };
  const loc = locateTable(sheet, model);
  if (!loc.ok) throw new Error(loc.message.en);
  const t = toCandidateTable(sheet, loc.table, mapColumns(loc.table.headers, model));
  expect(t.count).toBe(2);
  expect(t.rowIds).toEqual([4, 6]);
  expect(t.columns).toEqual({
    name: ["A", "B"],
    investment: [1500, null],
    chainText: ["汽车", "机床"],
  });
  expect(t.contexts).toMatchObject({
    investment: { multiplier: 1e4, currency: "USD", guess: false },
  });
});

test("a data row the host left out of a sparse grid gives blank cells, not a crash", () => {
  const model = smallModel();
  const grid = [
    ["项目名称", "总投资（万元）"],
    ["A", 1500],
  ];
  const sheet = { name: "S", grid };
  const loc = locateTable(sheet, model);
  if (!loc.ok) throw new Error(loc.message.en);
  const table = { ...loc.table, dataRows: [1, 3] };
  const t = toCandidateTable(sheet, table, mapColumns(loc.table.headers, model));
  expect(t.columns).toEqual({ name: ["A", null], investment: [1500, null] });
  expect(t.rowIds).toEqual([2, 4]);
});
