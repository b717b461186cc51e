import { ColumnReader, TextMemo } from "../../src/engine/memo";
import { CellValue } from "../../src/engine/types";

describe("TextMemo / ColumnReader", () => {
  test("a repeating column is read once per distinct text, and gives what reading each cell gives", () => {
    let reads = 0;
    const read = (c: CellValue) => {
      reads++;
      return c === null ? -1 : String(c).length;
    };
    const cells: CellValue[] = Array.from({ length: 10_000 }, (_, i) =>
      i % 7 === 0 ? null : i % 11 === 0 ? i : ["签约", "洽谈中", "已投产"][i % 3]
    );
    const out = new Array<number>(cells.length);
    new ColumnReader(read).into(cells, cells.length, out);
    expect(out).toEqual(cells.map(read));
    reads = 0;
    new ColumnReader(read).into(cells, cells.length, out);
    // Three distinct texts, plus every blank and number as it comes.
    expect(reads).toBe(3 + cells.filter((c) => typeof c !== "string").length);
  });

  test("a column that does not repeat stops remembering and still reads every cell right", () => {
    let reads = 0;
    const memo = new TextMemo((t) => (reads++, t.length));
    const texts = Array.from({ length: 6000 }, (_, i) => `项目${i}`);
    expect(texts.map((t) => memo.get(t))).toEqual(texts.map((t) => t.length));
    reads = 0;
    // Past the trial nothing is remembered: asking again reads again.
    texts.slice(0, 100).forEach((t) => memo.get(t));
    expect(reads).toBe(100);
  });

  test("a column whose texts repeat less than a third of the time stops remembering", () => {
    let reads = 0;
    const memo = new TextMemo((t) => (reads++, t.length));
    // Every text comes twice in a row, one in three: 2 048 texts read, 682 repeats.
    for (let i = 0; i < 2048; i++) {
      memo.get(`项目${i}`);
      if (i % 3 === 0) memo.get(`项目${i}`);
    }
    reads = 0;
    memo.get("项目2047");
    expect(reads).toBe(1);
  });

  test("exactly 1 024 repeats in the first 2 048 texts is enough to keep remembering", () => {
    let reads = 0;
    const memo = new TextMemo((t) => (reads++, t.length));
    for (let i = 0; i < 2048; i++) {
      memo.get(`项目${i}`);
      if (i < 1024) memo.get(`项目${i}`);
    }
    reads = 0;
    memo.get("项目2047");
    expect(reads).toBe(0);
  });

  test("a column whose texts repeat half the time keeps remembering", () => {
    let reads = 0;
    const memo = new TextMemo((t) => (reads++, t.length));
    for (let i = 0; i < 4096; i++) memo.get(`项目${i >> 1}`);
    reads = 0;
    memo.get("项目2047");
    expect(reads).toBe(0);
  });

  test("remembers at most its capacity, then starts again (values stay right)", () => {
    let reads = 0;
    const memo = new TextMemo((t) => (reads++, t + "!"));
    // Every text repeats at once, so the memo stays on past its capacity of 65 536.
    let wrong = 0;
    for (let i = 0; i < 70_000; i++) {
      if (memo.get(`t${i}`) !== `t${i}!` || memo.get(`t${i}`) !== `t${i}!`) wrong++;
    }
    expect([wrong, reads]).toEqual([0, 70_000]);
    // The first texts were dropped when it started again; the last ones are still there.
    expect([memo.get("t1"), memo.get("t69999"), reads]).toEqual(["t1!", "t69999!", 70_001]);
  });
});
