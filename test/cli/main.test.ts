import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { JsonOutput } from "../../src/cli/main";
import { candidateWorkbook, PROJECTS } from "../fixtures/workbooks/candidates";
import { marksIn, readBook, runCli, tempDir } from "./helpers";

async function sample(dir: string, name = "in.xlsx", wb = candidateWorkbook()): Promise<string> {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Columns (1-based) our hidden names mark in the file's sheet, all on header row `headerRow` (1-based). */
async function ourColumns(file: string, sheet: string, headerRow: number): Promise<Set<number>> {
  const marks = await marksIn(file, sheet);
  expect(marks.every((m) => m.row === headerRow - 1)).toBe(true);
  return new Set(marks.map((m) => m.col + 1));
}

/** Every cell, style, note, merge, width and sheet of `a` is in `b`, except our own columns. */
function expectKept(
  a: ExcelJS.Workbook,
  b: ExcelJS.Workbook,
  skip: Map<string, Set<number>>
): number {
  let checked = 0;
  expect(b.worksheets.map((w) => w.name).slice(0, a.worksheets.length)).toEqual(
    a.worksheets.map((w) => w.name)
  );
  for (const wa of a.worksheets) {
    const wbk = b.getWorksheet(wa.name)!;
    const ours = skip.get(wa.name) ?? new Set<number>();
    expect(wbk.model.merges).toEqual(wa.model.merges);
    for (let c = 1; c <= wa.columnCount; c++)
      expect(wbk.getColumn(c).width).toBe(wa.getColumn(c).width);
    for (let r = 1; r <= Math.max(wa.rowCount, wbk.rowCount); r++) {
      for (let c = 1; c <= Math.max(wa.columnCount, wbk.columnCount); c++) {
        if (ours.has(c)) continue;
        const x = wa.getCell(r, c);
        const y = wbk.getCell(r, c);
        expect({ at: `${wa.name}!${x.address}`, v: y.value, s: y.style, n: y.note }).toEqual({
          at: `${wa.name}!${x.address}`,
          v: x.value,
          s: x.style,
          n: x.note,
        });
        checked++;
      }
    }
  }
  return checked;
}

describe("zs-score on a candidate list", () => {
  const dir = tempDir();
  let input: string;
  let out: string;
  let first: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    input = await sample(dir);
    out = path.join(dir, "in-scored.xlsx");
    first = await runCli(["in.xlsx"], dir);
  });

  test("exit 0, a copy next to the input, the input untouched", async () => {
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect(first.stdout).toContain(out);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("prints the mapping with the unit read from the header, and a ranked table aligned with Chinese", () => {
    expect(first.stdout).toMatch(/D 计划总投资（万美元） → 总投资 \[×10000 USD\]/);
    const table = first.stdout.split("\n").filter((l) => /^\s+\d+\s+\d+\s/.test(l));
    expect(table).toHaveLength(PROJECTS.length);
    // the score column ends at the same display column on every row
    const { displayWidth } = jest.requireActual(
      "../../src/cli/width"
    ) as typeof import("../../src/cli/width");
    // The score is the figure right before the grade (the investment column holds figures too).
    const score = /\d+\.\d\d(?=\s+[A-D—]\s)/;
    const ends = table.map((l) =>
      displayWidth(l.slice(0, l.search(score) + l.match(score)![0].length))
    );
    expect(new Set(ends).size).toBe(1);
    // Investment as the pane shows it (workbook/format): 1500万美元 × 7.05 = 10 575万元 = 1.06亿元.
    expect(table.find((l) => l.includes("诺瓦瑞斯"))).toContain(" 1.06亿元 ");
    expect(first.stdout).toMatch(/排名\s+行\s+项目名称\s+总投资\s+得分/);
  });

  test("every input cell, style, formula, comment, merge, width and other sheet is kept", async () => {
    const a = await readBook(input);
    const b = await readBook(out);
    const ws = b.getWorksheet("重点项目")!;
    const ours = await ourColumns(out, "重点项目", 4);
    expect([...ours]).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    // Clean headers, one decimal, fitted widths (说明 wraps), the user's header look copied.
    expect(ws.getCell("G4").value).toBe("得分");
    expect(ws.getCell("G5").numFmt).toBe("0.0");
    expect(ws.getCell("R5").alignment).toMatchObject({ wrapText: true });
    expect(ws.getColumn(18).width).toBeGreaterThan(20);
    expect(ws.getCell("G4").font).toEqual(ws.getCell("F4").font);
    expect(ws.getCell("G4").fill).toEqual(ws.getCell("F4").fill);
    const checked = expectKept(a, b, new Map([["重点项目", ours]]));
    expect(checked).toBeGreaterThan(60);
    // spot checks of what matters most
    expect(ws.getCell("D11").value).toMatchObject({ formula: "SUM(D5:D10)" });
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 16 });
    expect(ws.getCell("B5").note).toBe("首个签约的法资项目");
    expect(ws.getCell("D5").numFmt).toBe("#,##0");
    expect(ws.getCell("G11").value).toBeNull();
    expect(ws.getCell("G12").value).toBeNull();
  });

  test("a rerun updates our columns and adds none", async () => {
    const before = await readBook(out);
    const again = await runCli(["in-scored.xlsx", "--in-place", "--lang", "en"], dir);
    expect(again.code).toBe(0);
    const after = await readBook(out);
    const ws = after.getWorksheet("重点项目")!;
    expect(ws.columnCount).toBe(before.getWorksheet("重点项目")!.columnCount);
    expect([...(await ourColumns(out, "重点项目", 4))]).toEqual([
      7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
    ]);
    expect(ws.getCell("G4").value).toBe("Score");
    expect(ws.getCell("G5").value).toBe(before.getWorksheet("重点项目")!.getCell("G5").value);
    expect(after.worksheets.map((w) => w.name)).toEqual(["重点项目", "联系人"]);
  });

  test("--json: one object per candidate with row, name, score, grade, rank, dimensions, gates and explanation", async () => {
    const r = await runCli(["in.xlsx", "--json", "--out", "j.xlsx"], dir);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as JsonOutput;
    expect(Object.keys(printed)).toEqual(["file", "sheet", "reading", "results"]);
    expect([printed.file, printed.sheet]).toEqual(["in.xlsx", "重点项目"]);
    // How each mapped column was read: the counts the report line on stderr gives, one object a column.
    expect(printed.reading.find((c) => c.field === "totalInvestment")).toEqual({
      field: "totalInvestment",
      letter: "D",
      header: "计划总投资（万美元）",
      read: 5,
      noted: 0,
      guessed: 0,
      missing: 1,
      unreadable: 0,
      firstUnreadable: [],
    });
    expect(r.stderr).toContain(
      "D 计划总投资（万美元）: 单位 万美元（表头 D4）; 例 1500; 已读 5，空缺 1\n"
    );
    for (const c of printed.reading)
      expect(c.read + c.noted + c.guessed + c.missing + c.unreadable).toBe(PROJECTS.length);
    expect(printed.reading.map((c) => c.letter)).toEqual(["B", "C", "D", "E", "F"]);
    const rows = printed.results;
    expect(rows.map((x) => [x.row, x.name])).toEqual(PROJECTS.map((p, i) => [5 + i, p[0]]));
    for (const x of rows) {
      expect(typeof x.score).toBe("number");
      expect(Object.keys(x.dimensions).length).toBeGreaterThan(0);
      expect(Array.isArray(x.gates)).toBe(true);
      expect(x.summary.length).toBeGreaterThan(0);
      expect(x.explanation.criteria.length).toBeGreaterThan(0);
    }
    expect(
      rows
        .filter((x) => x.rank !== null)
        .map((x) => x.rank)
        .sort((p, q) => p! - q!)[0]
    ).toBe(1);
    // the cells written hold the same numbers as printed
    const ws = (await readBook(path.join(dir, "j.xlsx"))).getWorksheet("重点项目")!;
    expect(
      rows.map((x) => [ws.getCell(x.row, 7).value, ws.getCell(x.row, 9).value ?? null])
    ).toEqual(rows.map((x) => [x.score, x.rank]));
  });
});

test("refuses to write over a user's cell in the way and names it; --result-sheet works instead", async () => {
  const dir = tempDir();
  const wb = candidateWorkbook();
  wb.getWorksheet("重点项目")!.getCell("H7").value = "领导批示：重点跟进";
  await sample(dir, "in.xlsx", wb);
  const r = await runCli(["in.xlsx"], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("H7");
  expect(r.stderr).toContain("--result-sheet");
  expect(fs.existsSync(path.join(dir, "in-scored.xlsx"))).toBe(false);

  const ok = await runCli(["in.xlsx", "--result-sheet"], dir);
  expect(ok.code).toBe(0);
  const a = await readBook(path.join(dir, "in.xlsx"));
  const b = await readBook(path.join(dir, "in-scored.xlsx"));
  expectKept(a, b, new Map());
  const res = b.getWorksheet("评分结果")!;
  expect(res.getCell("A1").value).toBe("行号");
  expect(res.rowCount).toBe(1 + PROJECTS.length);
  // a rerun of the result sheet rewrites it rather than adding another
  expect((await runCli(["in-scored.xlsx", "--result-sheet", "--in-place"], dir)).code).toBe(0);
  expect((await readBook(path.join(dir, "in-scored.xlsx"))).worksheets.map((w) => w.name)).toEqual([
    "重点项目",
    "联系人",
    "评分结果",
  ]);
});

describe("bad input: exit 2 with a clear bilingual message", () => {
  const dir = tempDir();
  const write = (name: string, data: string | Buffer) =>
    fs.writeFileSync(path.join(dir, name), data);

  test.each([
    [
      "random.xlsx",
      Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 97 + 13) % 256)),
      /不是 \.xlsx 工作簿[\s\S]*not an \.xlsx workbook/,
    ],
    ["notes.xlsx", "这是一个文本文件\n", /文本文件[\s\S]*text file/],
    ["list.csv", "项目名称,总投资\nA,100\n", /CSV/],
    [
      "locked.xlsx",
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(504),
      ]),
      /密码保护[\s\S]*password-protected/,
    ],
    [
      "broken.xlsx",
      Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(100)]),
      /已损坏[\s\S]*damaged/,
    ],
  ])("%s", async (name, data, message) => {
    write(name, data);
    const r = await runCli([name], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^错误：.*\nError: /);
  });

  test("a missing file", async () => {
    const r = await runCli(["nothing-here.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("找不到文件");
  });

  test("a workbook without a candidate table", async () => {
    const wb = candidateWorkbook();
    wb.removeWorksheet(wb.getWorksheet("重点项目")!.id);
    wb.getWorksheet("联系人")!.getCell("A1").value = "会议纪要";
    await sample(dir, "empty.xlsx", wb);
    const r = await runCli(["empty.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/未找到候选项目表[\s\S]*No candidate table/);
  });

  test("no column maps to investment", async () => {
    const wb = candidateWorkbook();
    wb.getWorksheet("重点项目")!.getCell("D4").value = "联系电话";
    await sample(dir, "noinv.xlsx", wb);
    const r = await runCli(["noinv.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/没有一列能对应到「总投资」[\s\S]*maps to Total investment/);
  });

  // Argument refusals: test/cli/errors.test.ts, each by its exact message.

  test("--sheet naming a sheet that does not exist", async () => {
    await sample(dir, "ok.xlsx");
    const r = await runCli(["ok.xlsx", "--sheet", "Sheet9"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("重点项目");
  });

  test("an invalid model file names the path of the problem", async () => {
    await sample(dir, "ok.xlsx");
    write("m.json", JSON.stringify({ schema: "zs-scorer/model" }));
    const r = await runCli(["ok.xlsx", "--model", "m.json"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("m.json");
    // The file was found and read: the message is about its content, not about reading it.
    expect(r.stderr).not.toMatch(/cannot read the model file/);
  });
});

test("progress on large files goes to stderr", async () => {
  const dir = tempDir();
  await sample(dir, "big.xlsx", candidateWorkbook(1000));
  const r = await runCli(["big.xlsx"], dir);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain("正在评分 1000 个项目");
  expect(r.stdout).toContain("结果已写入");
});

test("--help", async () => {
  const r = await runCli(["--help"], tempDir());
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("--result-sheet");
});

describe("choosing the model", () => {
  const defaultDoc = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, "../../src/models/pinghu-2023.json"), "utf8")
  );
  /** The default model with all weight on one dimension: a visibly different ranking. */
  function oneDimensionModel(dimension: string): unknown {
    return {
      ...defaultDoc,
      dimensions: defaultDoc.dimensions.map((d: { id: string }) => ({
        ...d,
        weight: d.id === dimension ? 1 : 0,
      })),
    };
  }
  async function scores(dir: string, args: string[]): Promise<Map<number, number>> {
    const r = await runCli(["in.xlsx", "--json", ...args], dir);
    expect(r.stderr).not.toMatch(/错误|Error/);
    expect(r.code).toBe(0);
    return new Map((JSON.parse(r.stdout) as JsonOutput).results.map((x) => [x.row, x.score]));
  }

  test("--model FILE scores with that model (scores follow its weights)", async () => {
    const dir = tempDir();
    await sample(dir);
    const dimension = defaultDoc.dimensions[0].id as string;
    fs.writeFileSync(path.join(dir, "m.json"), JSON.stringify(oneDimensionModel(dimension)));
    const byDefault = await scores(dir, []);
    const byFile = await scores(dir, ["--model", "m.json"]);
    const r = await runCli(["in.xlsx", "--json", "--model", "m.json"], dir);
    const rows = (JSON.parse(r.stdout) as JsonOutput).results;
    // With all weight on one dimension, the score is that dimension's score (plus any bonus, capped).
    for (const x of rows) {
      const d = x.dimensions[dimension];
      if (typeof d === "number" && !x.excluded) expect(x.score).toBeGreaterThanOrEqual(d - 1e-9);
    }
    expect([...byFile.values()]).not.toEqual([...byDefault.values()]);
  });

  test("--model-sheet uses the workbook's own 评分模型 sheet, and says so when there is none", async () => {
    const dir = tempDir();
    const dimension = defaultDoc.dimensions[0].id as string;
    const { modelToGrid, MODEL_SHEET_NAME } = await import("../../src/workbook");
    const wb = candidateWorkbook();
    const ws = wb.addWorksheet(MODEL_SHEET_NAME.zh);
    for (const row of modelToGrid(oneDimensionModel(dimension) as never, "zh")) ws.addRow(row);
    await wb.xlsx.writeFile(path.join(dir, "in.xlsx"));
    fs.writeFileSync(path.join(dir, "m.json"), JSON.stringify(oneDimensionModel(dimension)));
    expect(await scores(dir, ["--model-sheet"])).toEqual(await scores(dir, ["--model", "m.json"]));

    await sample(dir, "plain.xlsx");
    const r = await runCli(["plain.xlsx", "--model-sheet"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--model-sheet");
  });
});

test("anything unexpected exits 1 with the cause, not 0 or 2", async () => {
  const dir = tempDir();
  await sample(dir);
  let stderr = "";
  const { main } = await import("../../src/cli/main");
  const code = await main(["in.xlsx"], {
    stdout: {
      write: () => {
        throw new Error("terminal went away");
      },
    },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: dir,
  });
  expect(code).toBe(1);
  expect(stderr).toContain("terminal went away");
});

describe("a 是否链主 column in the CLI's report", () => {
  const dir = tempDir();
  async function book(name: string, headers: string[], rows: string[][]): Promise<void> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("项目");
    ws.addRow(headers);
    for (const r of rows) ws.addRow(r);
    await sample(dir, name, wb);
  }
  const HEAD = ["项目名称", "总投资", "所属产业链", "是否链主", "项目进度"];

  test("mapped to 链上定位, 是 read as 链主, and the leader scores as one", async () => {
    await book("yn.xlsx", HEAD, [
      ["甲新能源汽车整车项目", "50亿元", "新能源汽车", "是", "签约"],
      ["乙新能源汽车整车项目", "5亿元", "新能源汽车", "否", "签约"],
    ]);
    const r = await runCli(["yn.xlsx", "--out", "yn-out.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("  D 是否链主 → 链上定位 [是 = 链主]（别名 0.95）");
    expect(r.stdout).not.toContain("未使用的列");
    expect(r.stdout).toContain("  D 是否链主: 例 是; 已读 0，带说明 2");
    expect(r.stdout).toContain("    ~ D2: 本列问是否链主，“是”读作链主");
    expect(r.stdout).toContain("    ~ D3: 本列问是否链主，“否”：不是链主，链上定位未写");
    const en = await runCli(["yn.xlsx", "--out", "yn-out.xlsx", "--lang", "en"], dir);
    expect(en.stdout).toContain("  D 是否链主 → Role in chain [yes = Chain leader]");
    expect(en.stdout).toContain(
      '    ~ D2: the column asks whether it is Chain leader: "是" read as Chain leader'
    );
  });

  test("beside a 链上定位 column it is listed unused, with the reason", async () => {
    await book(
      "both.xlsx",
      [...HEAD, "链上定位"],
      [["甲新能源汽车整车项目", "50亿元", "新能源汽车", "是", "签约", "关键环节"]]
    );
    const r = await runCli(["both.xlsx", "--out", "both-out.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("  F 链上定位 → 链上定位（精确 1.00）");
    expect(r.stdout).toContain(
      "  未使用的列: D 是否链主\n    ! D: 只问是否链主：链上定位取自「链上定位」列\n"
    );
  });
});
