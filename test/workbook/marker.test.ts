import type { CellValue } from "../../src/engine/types";
import {
  cellReference,
  copyName,
  isModelGrid,
  keyOfName,
  markedHeader,
  markerKey,
  markName,
  marksOf,
  replaceMarks,
  safeKey,
} from "../../src/workbook/marker";

test("our names carry the result key; other names are not ours (names ignore case)", () => {
  expect(keyOfName("_ZS.score")).toBe("score");
  expect(keyOfName("_zs.dim.scale")).toBe("dim.scale");
  expect(keyOfName("_ZS.")).toBeNull();
  expect(keyOfName("_xlnm.Print_Titles")).toBeNull();
  expect(keyOfName("Score")).toBeNull();
});

test("a second table's copy of a name marks the same key", () => {
  expect(copyName("_ZS.score", 2)).toBe("_ZS.score.__2");
  expect(copyName("_ZS.dim.scale.__2", 3)).toBe("_ZS.dim.scale.__3");
  expect(keyOfName("_ZS.score.__2")).toBe("score");
  expect(keyOfName("_ZS.dim.scale.__12")).toBe("dim.scale");
  expect(keyOfName("_ZS.dim.scale_2")).toBe("dim.scale_2");
});

test("a table's new marks replace its own earlier ones and #REF! ones; another table's stay", () => {
  const ours = [
    { name: "_ZS.score", ref: "='两区'!$D$1" }, // table 1's header row
    { name: "_ZS.grade", ref: "='两区'!$E$1" },
    { name: "_ZS.score.__2", ref: "='两区'!$D$6" }, // table 2's
    { name: "_ZS.rank", ref: "=#REF!" }, // its column was deleted
  ];
  // Table 2 written again: its own mark and the dead one go; table 1's stay and keep their names.
  const second = replaceMarks(ours, [
    { sheet: "两区", name: "_ZS.score", ref: "'两区'!$D$6" },
    { sheet: "两区", name: "_ZS.rank", ref: "'两区'!$F$6" },
  ]);
  expect(second.drop.map((n) => n.name)).toEqual(["_ZS.score.__2", "_ZS.rank"]);
  expect(second.names.map((n) => n.name)).toEqual(["_ZS.score.__2", "_ZS.rank"]);
  // Table 1 written again: its marks go and keep their plain names.
  const first = replaceMarks(ours, [{ sheet: "两区", name: "_zs.SCORE", ref: "'两区'!$D$1" }]);
  expect(first.drop.map((n) => n.name)).toEqual(["_ZS.score", "_ZS.grade", "_ZS.rank"]);
  expect(first.names).toEqual([{ sheet: "两区", name: "_zs.SCORE", ref: "'两区'!$D$1" }]);
  // A third table takes the next free copy number (names ignore case).
  const third = replaceMarks(ours, [{ sheet: "两区", name: "_ZS.score", ref: "'两区'!$D$12" }]);
  expect(third.names.map((n) => n.name)).toEqual(["_ZS.score.__3"]);
});

test("references as Excel and the package write them, quoted sheets included", () => {
  expect(cellReference("=Sheet1!$H$4")).toEqual({ sheet: "Sheet1", row: 3, col: 7 });
  expect(cellReference("'候选 项目'!$AA$10")).toEqual({ sheet: "候选 项目", row: 9, col: 26 });
  expect(cellReference("='It''s'!B2")).toEqual({ sheet: "It's", row: 1, col: 1 });
  expect(cellReference("=#REF!")).toBeNull();
  expect(cellReference("=Sheet1!$H$4:$H$9")).toBeNull();
});

test("marks of one sheet: names of other sheets and broken references are left out", () => {
  const names = [
    { name: "_ZS.score", ref: "=清单!$D$2" },
    { name: "_ZS.grade", ref: "=#REF!" },
    { name: "_ZS.rank", ref: "=其他!$F$2" },
    { name: "MyRange", ref: "=清单!$A$1" },
  ];
  expect(marksOf(names, "清单")).toEqual([{ key: "score", row: 1, col: 3 }]);
});

test("tagged headers of earlier versions give their key, with characters names cannot hold replaced", () => {
  expect(markerKey("综合得分 [ZS:score]")).toBe("score");
  expect(markerKey("投资规模得分 [ZS:dim.a-b]")).toBe("dim.a_b");
  expect(markerKey("得分")).toBeNull();
});

test("a reference to row 0, and one with spaces around it", () => {
  expect(cellReference("=Sheet1!$A$0")).toBeNull();
  expect(cellReference("  =Sheet1!XFD1048576 ")).toEqual({
    sheet: "Sheet1",
    row: 1048575,
    col: 16383,
  });
});

test("old tagged headers: the marker at the end only; model sheets by the marker in the first five rows", () => {
  expect(markedHeader("综合得分", "score")).toBe("综合得分 [ZS:score]");
  expect(markerKey(markedHeader("综合得分", "score"))).toBe("score");
  expect(markerKey("得分[ZS:score]  ")).toBe("score");
  expect(markerKey("[ZS:score] 得分")).toBeNull();
  expect(markerKey(12)).toBeNull();
  expect(markerKey(undefined)).toBeNull();
  expect(markName("dim.scale")).toBe("_ZS.dim.scale");
  expect(safeKey("规模 a/b")).toBe("___a_b");
  const rows = (at: number) =>
    Array.from({ length: 7 }, (_, i) => [i === at ? "评分模型 [ZS:model]" : null]);
  expect(isModelGrid(rows(0))).toBe(true);
  expect(isModelGrid(rows(4))).toBe(true);
  expect(isModelGrid(rows(5))).toBe(false);
  expect(isModelGrid([[null, "评分模型 [ZS:model]"]])).toBe(false);
  expect(isModelGrid([[], ["得分 [ZS:score]"]])).toBe(false);
});

test("marks that keep their name are the caller's own objects; only renamed ones are copies", () => {
  const mine = { sheet: "两区", name: "_ZS.grade", ref: "'两区'!$E$6" };
  const clash = { sheet: "两区", name: "_ZS.score", ref: "'两区'!$D$6" };
  const { names } = replaceMarks([{ name: "_ZS.score", ref: "='两区'!$D$1" }], [mine, clash]);
  expect(names[0]).toBe(mine);
  expect(names[1]).not.toBe(clash);
  expect(names[1]).toEqual({ ...clash, name: "_ZS.score.__2" });
});

test("a reference is read from its start: text before a quoted sheet name is no reference", () => {
  expect(cellReference("=Bad'Sheet'!$A$1")).toBeNull();
  expect(cellReference("x'候选 项目'!$H$4")).toBeNull();
});

test("a grid with missing rows (null in a JSON grid) is read past them", () => {
  const grid = [null, ["评分模型 [ZS:model]"]] as unknown as CellValue[][];
  expect(isModelGrid(grid)).toBe(true);
  expect(isModelGrid([null] as unknown as CellValue[][])).toBe(false);
});
