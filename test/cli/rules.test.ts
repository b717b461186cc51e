/**
 * zs-score's rules on real files: never writing over a user's cell, reruns, which sheet and table
 * is scored, unreadable key cells, formats it refuses, --in-place, several workbooks and --merge.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { JsonOutput } from "../../src/cli/main";
import { Package } from "../../src/cli/zip";
import { writeMerged } from "../../src/cli/merged";
import { openWorkbook, sheetOf } from "../../src/cli/xlsx";
import { candidateWorkbook, PROJECTS } from "../fixtures/workbooks/candidates";
import { marksIn, readBook, runCli, tempDir } from "./helpers";
import { model as defaultModel } from "../models/default-model";

async function save(dir: string, name: string, wb: ExcelJS.Workbook): Promise<string> {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The candidate list with one change to its first sheet. */
function edited(change: (ws: ExcelJS.Worksheet) => void): ExcelJS.Workbook {
  const wb = candidateWorkbook();
  change(wb.getWorksheet("重点项目")!);
  return wb;
}

describe("a cell holding anything of the user's is never written over", () => {
  const dir = tempDir();
  test.each<[string, (ws: ExcelJS.Worksheet) => void, string]>([
    [
      "=NA() without a saved result",
      (ws) => (ws.getCell("H7").value = { formula: "NA()" } as ExcelJS.CellFormulaValue),
      "H7",
    ],
    [
      'a formula returning ""',
      (ws) =>
        (ws.getCell("H7").value = {
          formula: 'IF(1,"","x")',
          result: "",
        } as ExcelJS.CellFormulaValue),
      "H7",
    ],
    ["a space", (ws) => (ws.getCell("H7").value = " "), "H7"],
    ["a note on an empty cell", (ws) => (ws.getCell("H7").note = "复核"), "H7"],
    [
      "data validation on an empty cell",
      (ws) =>
        (ws.getCell("H7").dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: ['"是,否"'],
        }),
      "H7",
    ],
    ["part of a merged area", (ws) => ws.mergeCells("H6:I7"), "H6"],
  ])("%s", async (what, change, address) => {
    const name = `${what.replace(/\W+/g, "_")}.xlsx`;
    await save(dir, name, edited(change));
    const r = await runCli([name], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(address);
    expect(fs.existsSync(path.join(dir, name.replace(".xlsx", "-scored.xlsx")))).toBe(false);
  });
});

test("a rerun replaces exactly its own cells: a note typed under the result columns stays", async () => {
  const dir = tempDir();
  await save(dir, "in.xlsx", candidateWorkbook());
  expect((await runCli(["in.xlsx"], dir)).code).toBe(0);
  const scored = await readBook(path.join(dir, "in-scored.xlsx"));
  const ws = scored.getWorksheet("重点项目")!;
  expect(ws.getCell("G4").value).toBe("得分");
  const marks = await marksIn(path.join(dir, "in-scored.xlsx"), "重点项目");
  ws.getCell("G11").value = "复核：分数偏高";
  ws.getCell("H12").value = "待议";
  await scored.xlsx.writeFile(path.join(dir, "in-scored.xlsx"));
  const again = await runCli(["in-scored.xlsx", "--in-place"], dir);
  expect(again.stderr).toBe("");
  expect(again.code).toBe(0);
  const after = (await readBook(path.join(dir, "in-scored.xlsx"))).getWorksheet("重点项目")!;
  expect(after.getCell("G11").value).toBe("复核：分数偏高");
  expect(after.getCell("H12").value).toBe("待议");
  expect(typeof after.getCell("G5").value).toBe("number");
  // exceljs kept our names workbook-wide: the rerun found the same columns and added none.
  expect(await marksIn(path.join(dir, "in-scored.xlsx"), "重点项目")).toEqual(marks);
  expect(after.getCell("S4").value).toBeNull();
});

describe("which sheet and table is scored", () => {
  const dir = tempDir();

  test("a hidden sheet is not chosen by itself; --sheet names it", async () => {
    const wb = candidateWorkbook();
    wb.getWorksheet("重点项目")!.state = "hidden";
    await save(dir, "hidden.xlsx", wb);
    const r = await runCli(["hidden.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/隐藏的工作表「重点项目」[\s\S]*hidden sheet "重点项目"/);
    expect((await runCli(["hidden.xlsx", "--sheet", "重点项目"], dir)).code).toBe(0);
  });

  /** Sheet 两区: tables with headers on rows 1 and 6, columns A–C. */
  function twoTables(): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("两区");
    const header = ["项目名称", "进展情况", "计划总投资（万元）"];
    ws.addRows([
      header,
      ...PROJECTS.slice(0, 3).map((p) => [p[0], p[1], p[2]]),
      [],
      header,
      ...PROJECTS.slice(3).map((p) => [p[0], p[1], p[2] || 100]),
    ]);
    return wb;
  }

  test("two tables separated by a blank row are two tables; --table chooses", async () => {
    await save(dir, "two.xlsx", twoTables());
    const first = await runCli(["two.xlsx", "--json"], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/第 1\/2 个表格/);
    expect((JSON.parse(first.stdout) as JsonOutput).results.map((x) => x.name)).toEqual(
      PROJECTS.slice(0, 3).map((p) => p[0])
    );
    const second = await runCli(["two.xlsx", "--json", "--table", "2", "--out", "two-b.xlsx"], dir);
    expect(second.code).toBe(0);
    const results = (JSON.parse(second.stdout) as JsonOutput).results;
    expect(results.map((x) => x.name)).toEqual(PROJECTS.slice(3).map((p) => p[0]));
    expect(results.map((x) => x.row)).toEqual([7, 8, 9]);
  });

  test("each of two tables on one sheet keeps its own marks, so reruns replace each one's cells", async () => {
    await save(dir, "both.xlsx", twoTables());
    // When the second table's names replaced the first's, the third run no longer knew D1… as ours:
    // it took them for the table's and wrote a second set of result columns from P1.
    for (const table of ["1", "2", "1", "2"]) {
      const r = await runCli(["both.xlsx", "--in-place", "--table", table], dir);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
    }
    const marks = await marksIn(path.join(dir, "both.xlsx"), "两区");
    const at = (row: number) =>
      marks
        .filter((m) => m.row === row)
        .map((m) => `${m.key}@${m.col}`)
        .sort();
    expect(at(0).length).toBeGreaterThan(4);
    // Both tables' results start in column D, right of their own columns A–C.
    expect(Math.min(...marks.map((m) => m.col))).toBe(3);
    expect(at(5)).toEqual(at(0));
    expect(marks).toHaveLength(2 * at(0).length);
    // Defined names are unique within their sheet: the second table's are distinct copies.
    const pkg = await Package.open(path.join(dir, "both.xlsx"));
    const wbXml = await pkg.text("xl/workbook.xml", 1 << 20);
    pkg.close();
    const names = [...wbXml.matchAll(/<definedName name="(_ZS\.[^"]*)"/g)].map((m) => m[1]);
    expect(names).toHaveLength(marks.length);
    expect(new Set(names.map((n) => n.toUpperCase())).size).toBe(names.length);
    expect(names).toContain("_ZS.score");
    expect(names).toContain("_ZS.score.__2");
  });

  test("headers that only resemble the model's fields are refused, not scored", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("表").addRows([
      ["名称", "投资额"],
      ["甲项目", 100],
      ["乙项目", 200],
    ]);
    await save(dir, "fuzzy.xlsx", wb);
    const r = await runCli(["fuzzy.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/只是与模型字段相似[\s\S]*only resemble/);
  });

  test("key cells that cannot be read stop the run with their addresses", async () => {
    await save(
      dir,
      "unreadable.xlsx",
      edited((ws) => {
        ws.getCell("D6").value = { formula: "D5*2" } as ExcelJS.CellFormulaValue;
        ws.getCell("D7").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
        ws.getCell("D8").value = new Date(Date.UTC(2023, 0, 1));
      })
    );
    const r = await runCli(["unreadable.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /D6 公式没有保存计算结果；D7 错误值 #N\/A；D8 日期（不是金额） 2023-01-01/
    );
    expect(fs.existsSync(path.join(dir, "unreadable-scored.xlsx"))).toBe(false);
  });
});

describe("formats", () => {
  const dir = tempDir();

  test(".xlsm is scored into .xlsm with its macros byte for byte", async () => {
    const src = await save(dir, "plain.xlsx", candidateWorkbook());
    const pkg = await Package.open(src);
    const types = (await pkg.text("[Content_Types].xml", 1 << 20))
      .replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
      )
      .replace(
        "</Types>",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'
      );
    const vba = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37) % 256));
    await pkg.write(
      path.join(dir, "macro.xlsm"),
      new Map([
        ["[content_types].xml", { text: types }],
        ["xl/vbaproject.bin", { name: "xl/vbaProject.bin", bytes: vba }],
      ])
    );
    pkg.close();
    const r = await runCli(["macro.xlsm"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = await Package.open(path.join(dir, "macro-scored.xlsm"));
    expect(await out.text("[Content_Types].xml", 1 << 20)).toContain("macroEnabled.main+xml");
    const chunks: Buffer[] = [];
    for await (const c of await out.stream("xl/vbaProject.bin", 1 << 20)) chunks.push(c as Buffer);
    out.close();
    expect(Buffer.concat(chunks).equals(vba)).toBe(true);
    expect((await runCli(["macro.xlsm", "--out", "m.xlsx"], dir)).stderr).toMatch(/\.xlsm/);
  });

  test(".ods and .xlsb are refused, naming the format and how to convert", async () => {
    const ods = new ExcelJS.Workbook();
    ods.addWorksheet("x");
    const src = await save(dir, "base.xlsx", ods);
    const pkg = await Package.open(src);
    // An OpenDocument file starts with its stored mimetype entry.
    const yazl = await import("yazl");
    const z = new yazl.ZipFile();
    z.addBuffer(Buffer.from("application/vnd.oasis.opendocument.spreadsheet"), "mimetype", {
      compress: false,
    });
    z.addBuffer(Buffer.from("<office:document-content/>"), "content.xml");
    z.end();
    await new Promise<void>((resolve) =>
      z.outputStream
        .pipe(fs.createWriteStream(path.join(dir, "list.ods")))
        .on("close", () => resolve())
    );
    const types = (await pkg.text("[Content_Types].xml", 1 << 20)).replace(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      "application/vnd.ms-excel.sheet.binary.macroEnabled.main"
    );
    await pkg.write(
      path.join(dir, "book.xlsb"),
      new Map([["[content_types].xml", { text: types }]])
    );
    pkg.close();
    const a = await runCli(["list.ods"], dir);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/\.ods[\s\S]*--convert-to xlsx/);
    const b = await runCli(["book.xlsb"], dir);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/\.xlsb[\s\S]*Save it as \.xlsx/);
  });
});

describe("--in-place", () => {
  test("keeps the file's mode, writes through a symlink, leaves no temporary file and cleans stale ones", async () => {
    const dir = tempDir();
    const real = await save(dir, "real.xlsx", candidateWorkbook());
    fs.chmodSync(real, 0o640);
    fs.symlinkSync("real.xlsx", path.join(dir, "link.xlsx"));
    const stale = path.join(dir, ".real.xlsx.zs-999999.tmp");
    fs.writeFileSync(stale, "left by a killed run");
    const r = await runCli(["link.xlsx", "--in-place"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(fs.lstatSync(path.join(dir, "link.xlsx")).isSymbolicLink()).toBe(true);
    expect(fs.statSync(real).mode & 0o777).toBe(0o640);
    const ws = (await readBook(real)).getWorksheet("重点项目")!;
    expect(ws.getCell("G4").value).toBe("得分");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("a failed write leaves the file as it was and no temporary file", async () => {
    const dir = tempDir();
    const file = await save(
      dir,
      "in.xlsx",
      edited((ws) => (ws.getCell("H7").value = "批示"))
    );
    const before = fs.readFileSync(file);
    expect((await runCli(["in.xlsx", "--in-place"], dir)).code).toBe(2);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

test("several workbooks and --merge: one ranking with source workbook, sheet and row; duplicates counted once", async () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, "zones"));
  await save(dir, "zones/a.xlsx", candidateWorkbook());
  const b = new ExcelJS.Workbook();
  b.addWorksheet("乡镇").addRows([
    ["项目名称", "进展情况", "计划总投资（万美元）"],
    [`${PROJECTS[1][0]}`, "已开工", PROJECTS[1][2]],
    ["新项目", "洽谈中", 800],
  ]);
  await save(dir, "zones/b.xlsx", b);
  const r = await runCli(["zones", "--merge", "all.xlsx"], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/2 个工作簿，8 个项目，其中疑似重复 1 个（只计一次），计 7 个项目/);
  expect(fs.existsSync(path.join(dir, "zones", "a-scored.xlsx"))).toBe(true);
  const merged = (await readBook(path.join(dir, "all.xlsx"))).worksheets[0];
  const rows = (merged.getSheetValues() as unknown[][]).slice(2).map((v) => v.slice(1));
  expect(rows.length).toBe(8);
  const dup = rows.filter((v) => v[9]);
  expect(dup.length).toBe(1);
  expect(dup[0][0]).toBeUndefined();
  expect(String(dup[0][4])).toBe(PROJECTS[1][0]);
  expect(rows.map((v) => `${v[6]} ${v[7]}!${v[8]}`)).toContain(
    `${path.join("zones", "b.xlsx")} 乡镇!3`
  );
});

test("several workbooks with --json: one object each, naming its file, with its reading and results", async () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, "zones"));
  await save(dir, "zones/a.xlsx", candidateWorkbook());
  const b = new ExcelJS.Workbook();
  b.addWorksheet("乡镇").addRows([
    ["项目名称", "计划总投资（万美元）"],
    ["新项目", "约800"],
    ["另一项目", "#N/A"],
  ]);
  await save(dir, "zones/b.xlsx", b);
  const r = await runCli(["zones", "--json"], dir);
  expect(r.code).toBe(0);
  // One pretty-printed object per workbook, one after the other.
  const outputs = r.stdout
    .trim()
    .split(/\n(?=\{)/)
    .map((x) => JSON.parse(x) as JsonOutput);
  expect(outputs.map((o) => [o.file, o.sheet, o.results.length])).toEqual([
    [path.join("zones", "a.xlsx"), "重点项目", PROJECTS.length],
    [path.join("zones", "b.xlsx"), "乡镇", 2],
  ]);
  expect(outputs[1].reading.find((c) => c.field === "totalInvestment")).toEqual({
    field: "totalInvestment",
    letter: "B",
    header: "计划总投资（万美元）",
    read: 0,
    noted: 1,
    guessed: 0,
    missing: 0,
    unreadable: 1,
    firstUnreadable: [{ address: "B3", reason: "Excel 错误值 #N/A" }],
  });
});

test("the combined ranking keeps names as written: a literal _xHHHH_ and control characters read back unchanged", async () => {
  const file = path.join(tempDir(), "all.xlsx");
  const name = "甲_x0041_乙\u0001丙";
  await writeMerged(
    file,
    [
      {
        name,
        investor: "_x4E2D_ Ltd",
        amount: null,
        file: "a_x0030_.xlsx",
        sheet: "S",
        row: 5,
        score: 70,
        grade: "B",
        decision: "follow",
        duplicateOf: null,
      },
    ],
    "zh"
  );
  const wb = await openWorkbook(file);
  try {
    const row = (await sheetOf(wb, wb.worksheets[0])).grid[1];
    expect([row[4], row[5], row[6]]).toEqual([name, "_x4E2D_ Ltd", "a_x0030_.xlsx"]);
  } finally {
    wb.pkg.close();
  }
});

test("a per-亩 column is read as the figure per 亩, never as the total: 50 earns the 亩均税收 marks, 20 none", async () => {
  const dir = tempDir();
  const rows = [
    ["甲汽车零部件项目", "5亿元", "新能源汽车", 100],
    ["乙光通信模块项目", "3.5亿元", "光电通信", 40],
  ];
  const book = (withRatio: boolean) => {
    const wb = new ExcelJS.Workbook();
    const head = ["项目名称", "总投资", "所属产业链", "用地（亩）"];
    wb.addWorksheet("项目").addRows([
      withRatio ? [...head, "亩均税收（万元/亩）"] : head,
      ...rows.map((r, i) => (withRatio ? [...r, [50, 20][i]] : r)),
    ]);
    return wb;
  };
  await save(dir, "ratio.xlsx", book(true));
  await save(dir, "plain.xlsx", book(false));
  const r = await runCli(["ratio.xlsx", "--out", "ratio-out.xlsx"], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(
    "  E 亩均税收（万元/亩） → 亩均税收（表中） [×10000 CNY/亩]（别名 0.95）"
  );
  expect(r.stdout).toContain("  E 亩均税收（万元/亩）: 单位 万元/亩（表头 E1）; 例 50; 已读 2");
  expect(r.stdout).not.toContain("未使用的列");
  const json = async (file: string) =>
    (JSON.parse((await runCli([file, "--json"], dir)).stdout) as JsonOutput).results.map(
      (x) => x.score
    );
  const [withRatio, plain] = [await json("ratio.xlsx"), await json("plain.xlsx")];
  // 50 is above the full-marks line (35): the criterion's whole weight, 4 points (5亿元 stays below
  // the 招大引强 floor, which would hide them); 20 is below the admission line (25): nothing. Annual
  // tax stays missing in both books.
  const weight = defaultModel.criteria.find((c) => c.id === "taxPerMu")!.weight;
  const dimension = defaultModel.dimensions.find((d) => d.id === "tax")!.weight;
  expect(withRatio[0] - plain[0]).toBeCloseTo(100 * weight * dimension, 2);
  expect(withRatio[1]).toBe(plain[1]);
});
