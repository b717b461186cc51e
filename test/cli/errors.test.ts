/**
 * Each refusal of the CLI asserted by its exact message in both languages (issue 20): a check that is
 * switched off must fail its test, not pass because another refusal happens to share a word.
 */
import * as fs from "fs";
import * as path from "path";
import * as yazl from "yazl";
import { candidateWorkbook } from "../fixtures/workbooks/candidates";
import { runCli, tempDir } from "./helpers";

/** The CLI's two-line error: 错误：zh, then Error: en. */
const refusal = (zh: string, en: string) => `错误：${zh}\nError: ${en}\n`;

/** stderr starts with the refusal (argument errors add the usage after it). */
function expectRefusal(stderr: string, zh: string, en: string): void {
  const want = refusal(zh, en);
  expect(stderr.slice(0, want.length)).toBe(want);
}

async function workbook(dir: string, name: string, wb = candidateWorkbook()): Promise<void> {
  await wb.xlsx.writeFile(path.join(dir, name));
}

describe("arguments", () => {
  const dir = tempDir();
  test.each<[string[], string, string]>([
    [[], "缺少输入文件", "no input file given"],
    [
      ["a.xlsx", "--out", "x.xlsx", "--in-place"],
      "--out 与 --in-place 不能同时使用",
      "--out and --in-place cannot be used together",
    ],
    [
      ["a.xlsx", "--model", "m.json", "--model-sheet"],
      "--model 与 --model-sheet 不能同时使用",
      "--model and --model-sheet cannot be used together",
    ],
    [
      ["a.xlsx", "b.xlsx", "--out", "x.xlsx"],
      "--out 只能用于一个输入文件；多个文件各自写到 <文件>-scored.xlsx",
      "--out takes one input file; several inputs are each written to <file>-scored.xlsx",
    ],
    // Checked before the input is read: a missing a.xlsx must not be what refuses it.
    [
      ["a.xlsx", "--out", "x.csv"],
      "输出文件须以 .xlsx 或 .xlsm 结尾：x.csv",
      "the output file must end in .xlsx or .xlsm: x.csv",
    ],
    [
      ["a.xlsx", "--merge", "all.csv"],
      "汇总文件须以 .xlsx 结尾：all.csv",
      "the merged file must end in .xlsx: all.csv",
    ],
    [
      ["a.xlsx", "--table", "0"],
      "--table 须是正整数，而不是“0”",
      '--table must be a whole number ≥ 1, not "0"',
    ],
    [
      ["a.xlsx", "--lang", "fr"],
      "--lang 只能是 zh 或 en，而不是“fr”",
      '--lang must be zh or en, not "fr"',
    ],
    [
      ["a.xlsx", "--unit", "总投资"],
      "--unit 应写作 列=单位（如 总投资=万元），而不是“总投资”",
      '--unit takes column=unit (e.g. 总投资=万元), not "总投资"',
    ],
    [["a.xlsx", "--bogus"], "未知选项 --bogus", "unknown option --bogus"],
    [["a.xlsx", "--out"], "--out 后面缺少参数值", "--out needs a value"],
    [["a.xlsx", "--sheet", "--json"], "--sheet 后面缺少参数值", "--sheet needs a value"],
  ])("%j", async (argv, zh, en) => {
    const r = await runCli(argv, dir);
    expect(r.code).toBe(2);
    expectRefusal(r.stderr, zh, en);
  });
});

describe("files", () => {
  test("a folder as input with no workbook in it", async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "empty"));
    fs.writeFileSync(path.join(dir, "empty", "notes.txt"), "x");
    const r = await runCli(["empty"], dir);
    expect(r.code).toBe(2);
    expectRefusal(
      r.stderr,
      "文件夹 empty 中没有 .xlsx 或 .xlsm 文件",
      "the folder empty holds no .xlsx or .xlsm file"
    );
  });

  test("a folder of two workbooks with --out", async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "in"));
    await workbook(dir, "in/a.xlsx");
    await workbook(dir, "in/b.xlsx");
    const r = await runCli(["in", "--out", "x.xlsx"], dir);
    expect(r.code).toBe(2);
    expectRefusal(r.stderr, "--out 只能用于一个输入文件", "--out takes one input file");
  });

  test("a model file that cannot be read", async () => {
    const dir = tempDir();
    await workbook(dir, "in.xlsx");
    const r = await runCli(["in.xlsx", "--model", "missing.json"], dir);
    const file = path.join(dir, "missing.json");
    expect(r.code).toBe(2);
    expectRefusal(r.stderr, `无法读取模型文件：${file}`, `cannot read the model file: ${file}`);
  });

  test("an output that cannot be written (its folder does not exist): nothing is left behind", async () => {
    const dir = tempDir();
    await workbook(dir, "in.xlsx");
    const r = await runCli(["in.xlsx", "--out", "nowhere/out.xlsx"], dir);
    const target = path.join(dir, "nowhere", "out.xlsx");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        `^错误：无法写入 ${target}：ENOENT[^\\n]*\\nError: cannot write ${target}: ENOENT`.replace(
          /[/.]/g,
          (c) => `\\${c}`
        )
      )
    );
    expect(fs.readdirSync(dir)).toEqual(["in.xlsx"]);
  });

  test("the output named as the input", async () => {
    const dir = tempDir();
    await workbook(dir, "in.xlsx");
    const r = await runCli(["in.xlsx", "--out", "in.xlsx"], dir);
    expect(r.code).toBe(2);
    expectRefusal(
      r.stderr,
      "输出文件与输入文件相同；如确需覆盖请用 --in-place",
      "the output is the input file; use --in-place to overwrite it"
    );
  });

  test("an output of another extension than the input", async () => {
    const dir = tempDir();
    await workbook(dir, "in.xlsx");
    const r = await runCli(["in.xlsx", "--out", "out.xlsm"], dir);
    expect(r.code).toBe(2);
    expectRefusal(
      r.stderr,
      "输出文件的扩展名须与输入相同（.xlsx）：Excel 不打开扩展名与内容不符的文件，.xlsm 另存为 .xlsx 会丢失宏。",
      "the output must keep the input's extension (.xlsx): Excel does not open a file whose extension does not match its content, and macros need .xlsm."
    );
    expect(fs.existsSync(path.join(dir, "out.xlsm"))).toBe(false);
  });
});

describe("the workbook", () => {
  test("--model-sheet without a model sheet", async () => {
    const dir = tempDir();
    await workbook(dir, "in.xlsx");
    const r = await runCli(["in.xlsx", "--model-sheet"], dir);
    expect(r.code).toBe(2);
    expectRefusal(
      r.stderr,
      "工作簿中没有「评分模型」表（--model-sheet）",
      "the workbook has no scoring-model sheet (--model-sheet)"
    );
  });

  test("--sheet naming a sheet that does not exist lists the sheets there are", async () => {
    const dir = tempDir();
    await workbook(dir, "in.xlsx");
    const r = await runCli(["in.xlsx", "--sheet", "Sheet9"], dir);
    expect(r.code).toBe(2);
    expectRefusal(
      r.stderr,
      "没有名为「Sheet9」的工作表（现有：重点项目、联系人）",
      'no sheet named "Sheet9" (sheets: 重点项目, 联系人)'
    );
  });

  test("no sheet to score: the only table is on a hidden sheet, which is named", async () => {
    const dir = tempDir();
    const wb = candidateWorkbook();
    for (const ws of wb.worksheets) ws.state = "hidden";
    wb.addWorksheet("空白");
    wb.getWorksheet("空白")!.state = "hidden";
    await workbook(dir, "hidden.xlsx", wb);
    const r = await runCli(["hidden.xlsx"], dir);
    expect(r.code).toBe(2);
    expectRefusal(
      r.stderr,
      "工作簿中没有可评分的工作表\n隐藏的工作表「重点项目」中有表格；如需评分请用 --sheet 指定。",
      'the workbook has no sheet to score\nThe hidden sheet "重点项目" holds a table; name it with --sheet to score it.'
    );
  });
});

describe("every edge of the result area is guarded (issue 20)", () => {
  // The sample's header is on row 4, its candidates on rows 5–10 (合计 on 11); results start at G.
  const dims = (
    JSON.parse(
      fs.readFileSync(path.resolve(__dirname, "../../src/models/pinghu-2023.json"), "utf8")
    ) as { dimensions: unknown[] }
  ).dimensions.length;
  const first = "G";
  const last = String.fromCharCode("G".charCodeAt(0) + 4 + dims); // score…decision, dimensions, 说明
  const columnsRefusal = (address: string) =>
    refusal(
      `不能写入结果：工作表「重点项目」的 ${address} 已有内容，且不是本工具写入的。为保护您的数据，未做任何修改。可改为把结果写入单独的工作表「评分结果」。\n可加 --result-sheet 选项改为写入单独的结果表。`,
      `Cannot write results: ${address} in sheet "重点项目" already hold content this tool did not write. Nothing was changed, to protect your data. Write the results to a separate sheet ("评分结果") instead.\nAdd --result-sheet to write the results to a separate sheet.`
    );

  test.each<[string, string, string]>([
    ["a space in the header row above the first result column", `${first}4`, " "],
    ["a space in the header row above the last result column", `${last}4`, " "],
    ["a note in the first row, first result column", `${first}5`, "备注"],
    ["a note in the first row, last result column", `${last}5`, "备注"],
    ["a note in the last row, first result column", `${first}10`, "备注"],
    ["a note in the last row, last result column", `${last}10`, "备注"],
  ])("%s (%s)", async (_, address, value) => {
    const dir = tempDir();
    const wb = candidateWorkbook();
    wb.getWorksheet("重点项目")!.getCell(address).value = value;
    await workbook(dir, "in.xlsx", wb);
    const r = await runCli(["in.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(columnsRefusal(address));
    expect(fs.existsSync(path.join(dir, "in-scored.xlsx"))).toBe(false);
  });

  test("a blank merge touching only the last result column", async () => {
    const dir = tempDir();
    const wb = candidateWorkbook();
    const beyond = String.fromCharCode(last.charCodeAt(0) + 1);
    wb.getWorksheet("重点项目")!.mergeCells(`${last}10:${beyond}11`);
    await workbook(dir, "in.xlsx", wb);
    const r = await runCli(["in.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(columnsRefusal(`${last}10`));
  });

  test("a user's sheet named 评分结果 with --result-sheet", async () => {
    const dir = tempDir();
    const wb = candidateWorkbook();
    wb.addWorksheet("评分结果").getCell("A1").value = "我的笔记";
    await workbook(dir, "in.xlsx", wb);
    const r = await runCli(["in.xlsx", "--result-sheet"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      refusal(
        "不能写入结果：已有名为「评分结果」的工作表，且内容不是本工具写入的。为保护您的数据，未做任何修改。请为结果表另取一个名字。",
        'Cannot write results: a sheet named "评分结果" already exists and holds content this tool did not write. Nothing was changed, to protect your data. Choose another name for the result sheet.'
      )
    );
  });
});

describe("files that are not .xlsx workbooks say what they are and how to convert them", () => {
  const dir = tempDir();
  /** A stored zip of the given parts. */
  async function zipOf(name: string, parts: Record<string, string>): Promise<void> {
    const z = new yazl.ZipFile();
    for (const [part, text] of Object.entries(parts))
      z.addBuffer(Buffer.from(text), part, { compress: false });
    z.end();
    await new Promise<void>((resolve) =>
      z.outputStream.pipe(fs.createWriteStream(path.join(dir, name))).on("close", () => resolve())
    );
  }

  test("an old .xls or an encrypted workbook (OLE compound file)", async () => {
    fs.writeFileSync(
      path.join(dir, "old.xlsx"),
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(504),
      ])
    );
    const file = path.join(dir, "old.xlsx");
    expectRefusal(
      (await runCli(["old.xlsx"], dir)).stderr,
      `${file} 是旧版 .xls 工作簿或加密（有密码保护）的工作簿，无法读取。请在 Excel 中（如有密码先取消密码）另存为 .xlsx，或用 LibreOffice：soffice --headless --convert-to xlsx 文件名。`,
      `${file} is an old .xls workbook or a password-protected (encrypted) one and cannot be read. Save it as .xlsx in Excel (removing any password first), or with LibreOffice: soffice --headless --convert-to xlsx FILE.`
    );
  });

  test("an OpenDocument spreadsheet", async () => {
    await zipOf("calc.xlsx", { mimetype: "application/vnd.oasis.opendocument.spreadsheet" });
    const file = path.join(dir, "calc.xlsx");
    expectRefusal(
      (await runCli(["calc.xlsx"], dir)).stderr,
      `${file} 是 OpenDocument 表格（.ods），不是 .xlsx。请在 LibreOffice 或 WPS 中另存为 .xlsx，或运行：soffice --headless --convert-to xlsx 文件名。`,
      `${file} is an OpenDocument spreadsheet (.ods), not .xlsx. Save it as .xlsx in LibreOffice or WPS, or run: soffice --headless --convert-to xlsx FILE.`
    );
  });

  test("a CSV file named .xlsx", async () => {
    fs.writeFileSync(path.join(dir, "list.xlsx"), "项目名称,总投资\nA,100\n");
    const file = path.join(dir, "list.xlsx");
    expectRefusal(
      (await runCli(["list.xlsx"], dir)).stderr,
      `${file} 是文本文件（如 CSV），不是 .xlsx 工作簿。请在 Excel 中打开并另存为 .xlsx。`,
      `${file} is a text file (such as CSV), not an .xlsx workbook. Open it in Excel and save it as .xlsx.`
    );
  });

  test("a zip that is not a workbook", async () => {
    await zipOf("photos.xlsx", { "a.txt": "x" });
    const file = path.join(dir, "photos.xlsx");
    expectRefusal(
      (await runCli(["photos.xlsx"], dir)).stderr,
      `${file} 是 zip 文件，但不是 .xlsx 工作簿（缺少 [Content_Types].xml）。`,
      `${file} is a zip file but not an .xlsx workbook (no [Content_Types].xml).`
    );
  });
});
