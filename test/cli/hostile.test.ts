/**
 * Hostile and extreme packages are refused within seconds with one message (exit 2, no stack
 * trace), and a closed stdout ends the command quietly with the output written.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as yazl from "yazl";
import { candidateWorkbook } from "../fixtures/workbooks/candidates";
import { runCli, tempDir } from "./helpers";

const TRANSITIONAL = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const TRANSITIONAL_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MAIN = TRANSITIONAL;

/**
 * A minimal package around one sheet, with optional shared strings and styles (strict OOXML with
 * `rel`); `parts` replaces parts by name (null leaves one out).
 */
async function rawXlsx(
  file: string,
  sheet: string,
  extra: {
    sst?: string;
    styles?: string;
    main?: string;
    rel?: string;
    parts?: Record<string, string | null>;
  } = {}
): Promise<void> {
  const MAIN = extra.main ?? TRANSITIONAL;
  const REL = extra.rel ?? TRANSITIONAL_REL;
  const z = new yazl.ZipFile();
  const add = (name: string, text: string) => {
    const replaced = extra.parts?.[name];
    if (replaced !== null) z.addBuffer(Buffer.from(replaced ?? text), name);
  };
  add(
    "[Content_Types].xml",
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
  );
  add(
    "_rels/.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  add(
    "xl/workbook.xml",
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`
  );
  const rels = [`<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`];
  if (extra.sst !== undefined) {
    rels.push(`<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    add("xl/sharedStrings.xml", extra.sst);
  }
  if (extra.styles !== undefined) {
    rels.push(`<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>`);
    add("xl/styles.xml", extra.styles);
  }
  add(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`
  );
  add("xl/worksheets/sheet1.xml", sheet);
  z.end();
  await new Promise<void>((resolve) =>
    z.outputStream.pipe(fs.createWriteStream(file)).on("close", () => resolve())
  );
}

const sheetOf = (rows: string) =>
  `<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;

/**
 * Runs the CLI and checks it refused within `seconds` with one clear message (matched, or contained
 * as written) and no stack trace.
 */
async function refused(
  dir: string,
  file: string,
  message: RegExp | string,
  seconds = 5
): Promise<void> {
  const t0 = Date.now();
  const r = await runCli([file], dir);
  expect((Date.now() - t0) / 1000).toBeLessThan(seconds);
  expect(r.code).toBe(2);
  if (typeof message === "string") expect(r.stderr).toContain(message);
  else expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe("hostile packages are refused within seconds", () => {
  const dir = tempDir();

  test("a 3 KB file declaring A1:XFD1048576 with one value at XFD1048576", async () => {
    const sheet = `<worksheet xmlns="${MAIN}"><dimension ref="A1:XFD1048576"/><sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>`;
    await rawXlsx(path.join(dir, "far.xlsx"), sheet);
    expect(fs.statSync(path.join(dir, "far.xlsx")).size).toBeLessThan(3000);
    await refused(dir, "far.xlsx", /未找到候选项目表[\s\S]*No candidate table/);
  });

  test("a shared-strings decompression bomb", async () => {
    const si = "<si><t>a</t></si>".repeat(3_000_000);
    await rawXlsx(path.join(dir, "bomb.xlsx"), sheetOf(""), {
      sst: `<sst xmlns="${MAIN}">${si}</sst>`,
    });
    await refused(dir, "bomb.xlsx", /解压炸弹[\s\S]*decompression bomb/);
  });

  test("entity expansion (a DOCTYPE) in shared strings and in a sheet", async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>`;
    await rawXlsx(path.join(dir, "lol1.xlsx"), sheetOf(""), {
      sst: `${lol}<sst xmlns="${MAIN}"><si><t>&lol2;</t></si></sst>`,
    });
    await refused(
      dir,
      "lol1.xlsx",
      "part xl/sharedStrings.xml holds a DOCTYPE (used for entity-expansion attacks; workbooks never have one); refused."
    );
    await rawXlsx(
      path.join(dir, "lol2.xlsx"),
      `${lol}${sheetOf('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>')}`
    );
    await refused(
      dir,
      "lol2.xlsx",
      "part xl/worksheets/sheet1.xml holds a DOCTYPE or another declaration"
    );
  });

  test("hundreds of thousands of cell styles", async () => {
    const xfs = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'.repeat(250_000);
    await rawXlsx(path.join(dir, "styles.xlsx"), sheetOf(""), {
      styles: `<styleSheet xmlns="${MAIN}"><cellXfs>${xfs}</cellXfs></styleSheet>`,
    });
    await refused(dir, "styles.xlsx", /单元格样式[\s\S]*cell styles/);
  });

  test("not a zip at all, and a truncated one", async () => {
    fs.writeFileSync(
      path.join(dir, "noise.xlsx"),
      Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256))
    );
    await refused(dir, "noise.xlsx", /不是 \.xlsx 工作簿/);
    await rawXlsx(path.join(dir, "whole.xlsx"), sheetOf(""));
    fs.writeFileSync(
      path.join(dir, "cut.xlsx"),
      fs.readFileSync(path.join(dir, "whole.xlsx")).subarray(0, 600)
    );
    await refused(dir, "cut.xlsx", /可能已损坏[\s\S]*may be damaged/);
  });
});

describe("damaged packages are refused with what is wrong and where", () => {
  const dir = tempDir();
  const SHEET = "xl/worksheets/sheet1.xml";

  test("no officeDocument relationship", async () => {
    await rawXlsx(path.join(dir, "norel.xlsx"), sheetOf(""), { parts: { "_rels/.rels": null } });
    await refused(
      dir,
      "norel.xlsx",
      `${path.join(dir, "norel.xlsx")} has no workbook part (no officeDocument relationship); not a valid .xlsx.`
    );
  });

  test("a binary workbook (.xlsb) saved under the name .xlsx", async () => {
    const types = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>`;
    await rawXlsx(path.join(dir, "xlsb.xlsx"), sheetOf(""), {
      parts: { "[Content_Types].xml": types },
    });
    await refused(
      dir,
      "xlsb.xlsx",
      `${path.join(dir, "xlsb.xlsx")} is a binary workbook (.xlsb) and cannot be read. Save it as .xlsx (Excel Workbook) in Excel and try again.`
    );
  });

  test("shared strings that are not well-formed XML", async () => {
    await rawXlsx(path.join(dir, "badxml.xlsx"), sheetOf(""), {
      sst: `<sst xmlns="${MAIN}"><si><t>甲</si></sst>`,
    });
    await refused(dir, "badxml.xlsx", "part xl/sharedStrings.xml is not valid XML: ");
  });

  test("more cell styles than the limit, by the exact count", async () => {
    const xfs = '<xf numFmtId="0"/>'.repeat(200_001);
    await rawXlsx(path.join(dir, "xfs.xlsx"), sheetOf(""), {
      styles: `<styleSheet xmlns="${MAIN}"><cellXfs>${xfs}</cellXfs></styleSheet>`,
    });
    await refused(
      dir,
      "xfs.xlsx",
      "部件 xl/styles.xml 含有超过 200000 个单元格样式，已拒绝读取。\nError: part xl/styles.xml holds more than 200000 cell styles; refused."
    );
  });

  test("a shared string that does not exist: the file, sheet and cell named", async () => {
    await rawXlsx(
      path.join(dir, "sst.xlsx"),
      sheetOf('<row r="3"><c r="B3" t="s"><v>7</v></c></row>'),
      {
        sst: `<sst xmlns="${MAIN}"><si><t>项目</t></si></sst>`,
      }
    );
    await refused(
      dir,
      "sst.xlsx",
      new RegExp(
        `sst\\.xlsx 工作表「表」的单元格 B3 引用了不存在的共享字符串 7（部件 ${SHEET}）\\n` +
          `Error: cell B3 of sheet "表" in \\S*sst\\.xlsx refers to shared string 7, which does not exist \\(part ${SHEET}\\)`
      )
    );
  });

  test("a row numbered 0", async () => {
    await rawXlsx(path.join(dir, "row0.xlsx"), sheetOf('<row r="0"><c r="A1"><v>1</v></c></row>'));
    await refused(dir, "row0.xlsx", `invalid row number 0 in ${SHEET}`);
  });

  test("a cell address that is not one (row 0)", async () => {
    await rawXlsx(path.join(dir, "a0.xlsx"), sheetOf('<row r="1"><c r="A0"><v>1</v></c></row>'));
    await refused(dir, "a0.xlsx", `invalid cell address A0 in ${SHEET}`);
  });
});

test("a table reaching column XFD: refused with the reason, and --result-sheet works", async () => {
  const dir = tempDir();
  const cell = (ref: string, text: string | number) =>
    typeof text === "number"
      ? `<c r="${ref}"><v>${text}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const rows = [
    `<row r="1">${cell("XFB1", "项目名称")}${cell("XFC1", "进展情况")}${cell("XFD1", "总投资（万元）")}</row>`,
    `<row r="2">${cell("XFB2", "甲项目")}${cell("XFC2", "已签约")}${cell("XFD2", 5000)}</row>`,
    `<row r="3">${cell("XFB3", "乙项目")}${cell("XFC3", "洽谈中")}${cell("XFD3", 800)}</row>`,
  ].join("");
  await rawXlsx(path.join(dir, "xfd.xlsx"), sheetOf(rows));
  await refused(dir, "xfd.xlsx", /XFD[\s\S]*--result-sheet/);
  const r = await runCli(["xfd.xlsx", "--result-sheet"], dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/甲项目/);
});

test("a closed stdout (zs-score … | head -1) ends quietly with the output written", async () => {
  const dir = tempDir();
  await candidateWorkbook(300).xlsx.writeFile(path.join(dir, "in.xlsx"));
  const root = path.join(__dirname, "../..");
  const child = spawn(
    process.execPath,
    ["-r", "ts-node/register", path.join(root, "src/cli/zs-score.ts"), "in.xlsx"],
    {
      cwd: dir,
      env: {
        ...process.env,
        TS_NODE_TRANSPILE_ONLY: "1",
        TS_NODE_PROJECT: path.join(root, "tsconfig.json"),
        NODE_PATH: path.join(root, "node_modules"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    }
  );
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  // Like head -1: read the first chunk, then close the pipe.
  child.stdout.once("data", () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
  expect(stderr).not.toMatch(/EPIPE|Error/);
  expect(code).toBe(0);
  expect(fs.existsSync(path.join(dir, "in-scored.xlsx"))).toBe(true);
}, 60_000);

test("strict OOXML (purl.oclc.org namespaces) is read and scored", async () => {
  const dir = tempDir();
  const main = "http://purl.oclc.org/ooxml/spreadsheetml/main";
  const t = (ref: string, v: string | number) =>
    typeof v === "number"
      ? `<c r="${ref}"><v>${v}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  const rows = `<row r="1">${t("A1", "项目名称")}${t("B1", "进展情况")}${t("C1", "总投资（万元）")}</row><row r="2">${t("A2", "甲项目")}${t("B2", "已签约")}${t("C2", 5000)}</row>`;
  await rawXlsx(
    path.join(dir, "strict.xlsx"),
    `<worksheet xmlns="${main}"><sheetData>${rows}</sheetData></worksheet>`,
    {
      main,
      rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
    }
  );
  const r = await runCli(["strict.xlsx", "--result-sheet"], dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/甲项目/);
});
