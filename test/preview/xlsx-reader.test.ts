/**
 * The preview's .xlsx reader (a text scan of the parts' XML, no DOM) against the CLI's streaming
 * reader, on the sample workbook and the corpus of files written by other tools
 * (test/fixtures/corpus/README.md names their sources and commits), and its refusals: what it cannot
 * read is refused with a named XlsxReadError (issue 20).
 */
import fs from "fs";
import path from "path";
import { readXlsx, XlsxReadError } from "../../src/preview/xlsx-reader";
import { openWorkbook, sheetOf } from "../../src/cli/xlsx";
import {
  CELL_TEXTS,
  cellTextsPackage,
  LAYOUT_GRID,
  layoutPackage,
  TIMES_GRID,
  timesPackage,
} from "../fixtures/reader-cases";
import { CENTRAL, find, LOCAL, zipBytes } from "../fixtures/zip-bytes";

const CORPUS = path.join(__dirname, "..", "fixtures", "corpus");
const FILES = [
  path.join(__dirname, "..", "..", "examples", "pinghu-candidates.xlsx"),
  ...fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(CORPUS, f)),
];

test.each(FILES.map((f) => [path.basename(f), f]))(
  "%s: the preview reads every sheet's values as the CLI does",
  async (_, file) => {
    const preview = await readXlsx(fs.readFileSync(file));
    const wb = await openWorkbook(file);
    try {
      expect(preview.map((s) => s.name)).toEqual(wb.worksheets.map((w) => w.name));
      for (const entry of wb.worksheets) {
        const cli = await sheetOf(wb, entry);
        const mine = preview.find((s) => s.name === entry.name)!;
        const origin = cli.origin ?? { row: 0, col: 0 };
        const diffs: string[] = [];
        const at = (r: number, c: number) => `${entry.name}!R${r + 1}C${c + 1}`;
        cli.grid.forEach((line, r) =>
          line.forEach((v, c) => {
            const got = mine.grid[origin.row + r]?.[origin.col + c] ?? null;
            // An empty text (a POI file's empty shared string) is blank to the workbook layer
            // (isBlank); the preview keeps no empty cells.
            if (got !== v && !(got === null && v === ""))
              diffs.push(
                `${at(origin.row + r, origin.col + c)}: ${JSON.stringify(got)} ≠ ${JSON.stringify(v)}`
              );
          })
        );
        // And nothing the CLI left empty.
        mine.grid.forEach((line, r) =>
          line.forEach((v, c) => {
            const theirs = cli.grid[r - origin.row]?.[c - origin.col] ?? null;
            if (v !== null && theirs === null)
              diffs.push(`${at(r, c)}: ${JSON.stringify(v)} ≠ null`);
          })
        );
        expect(diffs).toEqual([]);
        expect(mine.merges).toEqual(cli.merges ?? []);
      }
    } finally {
      wb.pkg.close();
    }
  }
);

/** The English text of the refusal; its Chinese text is checked where the test names it. */
async function refusal(bytes: Uint8Array, zh?: string): Promise<string> {
  try {
    await readXlsx(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxReadError);
    const { text, message } = e as XlsxReadError;
    expect(message).toBe(`${text.zh} / ${text.en}`);
    if (zh !== undefined) expect(text.zh).toBe(zh);
    return text.en;
  }
  throw new Error("readXlsx did not refuse");
}

const WORKBOOK = { "xl/workbook.xml": "<workbook/>" };

test("bytes that are not a zip", async () => {
  expect(
    await refusal(
      new TextEncoder().encode("项目名称,总投资\nA,100\n"),
      "不是 zip 压缩包（.xlsx）：缺少中央目录结尾记录"
    )
  ).toBe("not a zip archive (.xlsx): end of central directory missing");
});

test("a zip without xl/workbook.xml", async () => {
  expect(
    await refusal(
      await zipBytes({ "word/document.xml": "<w/>" }),
      "不是 Excel 工作簿：缺少 xl/workbook.xml"
    )
  ).toBe("not an Excel workbook: xl/workbook.xml missing");
});

test("a workbook that lists no worksheet", async () => {
  expect(await refusal(await zipBytes(WORKBOOK), "工作簿中没有工作表")).toBe(
    "the workbook has no worksheet"
  );
});

test("a central directory entry without its signature", async () => {
  const bytes = await zipBytes(WORKBOOK);
  bytes[find(bytes, CENTRAL)] = 0;
  expect(await refusal(bytes, "zip 中央目录在第 1 项处损坏")).toBe(
    "corrupt zip central directory at entry 1"
  );
});

test("a local entry without its signature", async () => {
  const bytes = await zipBytes(WORKBOOK);
  bytes[find(bytes, LOCAL)] = 0;
  expect(await refusal(bytes, "zip 条目 xl/workbook.xml 已损坏")).toBe(
    "corrupt zip entry xl/workbook.xml"
  );
});

test("an entry compressed by a method other than stored or deflate", async () => {
  const bytes = await zipBytes(WORKBOOK);
  // Method 12 (bzip2) in the central directory, which the reader goes by (offset 10).
  bytes[find(bytes, CENTRAL) + 10] = 12;
  expect(await refusal(bytes, "zip 条目 xl/workbook.xml 使用了不支持的压缩方式 12")).toBe(
    "zip entry xl/workbook.xml uses unsupported compression method 12"
  );
});

test("a sheet whose cell is never closed", async () => {
  const bytes = await zipBytes({
    "xl/workbook.xml":
      '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="清单" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels":
      '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml":
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目</t></is></row></sheetData></worksheet>',
  });
  expect(await refusal(bytes, "清单：有单元格没有结束标记")).toBe("清单: a cell is not closed");
});

test("line ends are normalized, _xHHHH_ decoded, in shared and inline strings and text results", async () => {
  const [sheet] = await readXlsx(await cellTextsPackage());
  const g = sheet.grid;
  expect({ A1: g[0][0], A2: g[1][0], A3: g[2][0], A4: g[3][0], B1: g[0][1], C1: g[0][2] }).toEqual(
    CELL_TEXTS
  );
});

test("parts found by their relationships, in any letter case, UTF-16, rows and cells without r, CDATA", async () => {
  const [sheet] = await readXlsx(await layoutPackage());
  expect(sheet.name).toBe("清单");
  expect(sheet.grid).toEqual([[...LAYOUT_GRID[0], null], LAYOUT_GRID[1]]);
});

test("a time or duration reads as the text Excel shows, a date-time as its day, as the CLI reads them", async () => {
  const [sheet] = await readXlsx(await timesPackage());
  expect(sheet.grid).toEqual(TIMES_GRID);
});
