/**
 * The 汇总 sheet in the CLI's output (--summary): its chart parts are present, well-formed and wired
 * (drawing, relationships, content types), their series read the summary's cells; a user's sheet of
 * that name is refused; a rerun rewrites ours. LibreOffice converts the result to PDF and draws the
 * charts: their titles exist only in the charts, and the summary adds pages.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { SaxesParser } from "saxes";
import { addSheet, openWorkbook, sheetOf } from "../../src/cli/xlsx";
import { Package } from "../../src/cli/zip";
import { PROJECTS } from "../fixtures/workbooks/candidates";
import { convert, soffice } from "./libreoffice-tools";
import { readBook, runCli, tempDir } from "./helpers";

const SAMPLE = path.join(__dirname, "../../examples/pinghu-candidates.xlsx");
const dir = tempDir();
fs.copyFileSync(SAMPLE, path.join(dir, "sample.xlsx"));

async function parts(file: string): Promise<Map<string, string>> {
  const pkg = await Package.open(file);
  const out = new Map<string, string>();
  try {
    for (const name of pkg.order)
      if (/\.(xml|rels)$/.test(name)) out.set(name, await pkg.text(name, 1 << 26));
  } finally {
    pkg.close();
  }
  return out;
}

/** Throws on XML that is not well-formed. */
function parseXml(xml: string): void {
  const p = new SaxesParser();
  p.on("error", (e) => {
    throw e;
  });
  p.write(xml).close();
}

let scored: Map<string, string>;
beforeAll(async () => {
  const r = await runCli(["sample.xlsx", "--summary"], dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  scored = await parts(path.join(dir, "sample-scored.xlsx"));
}, 60_000);

test("chart, drawing and sheet parts are present, well-formed and wired together", () => {
  const charts = [...scored.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
  expect(charts).toHaveLength(2);
  for (const [, xml] of scored) parseXml(xml);
  const types = scored.get("[Content_Types].xml")!;
  for (const c of charts) expect(types).toContain(`PartName="/${c}"`);
  expect(types).toMatch(
    /PartName="\/xl\/drawings\/drawing\d+\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.drawing\+xml"/
  );
  const drawing = [...scored.keys()].find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))!;
  const drawingRels = scored.get(drawing.replace("drawings/", "drawings/_rels/") + ".rels")!;
  for (const c of charts) expect(drawingRels).toContain(`Target="../charts/${path.basename(c)}"`);
  const wb = scored.get("xl/workbook.xml")!;
  expect(wb).toContain('name="汇总"');
  expect(wb).toMatch(
    /<definedName name="_ZS\.summary" localSheetId="\d+" hidden="1">&apos;汇总&apos;!\$A\$1|<definedName name="_ZS\.summary" localSheetId="\d+" hidden="1">'汇总'!\$A\$1/
  );
  // The sheet points at the drawing and prints landscape, one page wide.
  const sheetPart = [...scored.entries()].find(
    ([n, x]) => n.startsWith("xl/worksheets/sheet") && x.includes("<drawing ")
  )!;
  expect(sheetPart[1]).toContain('orientation="landscape" fitToWidth="1" fitToHeight="0"');
  expect(sheetPart[1]).toContain('<pageSetUpPr fitToPage="1"/>');
  const sheetRels = scored.get(sheetPart[0].replace("worksheets/", "worksheets/_rels/") + ".rels")!;
  expect(sheetRels).toContain(`Target="../drawings/${path.basename(drawing)}"`);
});

test("the charts' series read the summary's cells, and their caches hold those cells' values", async () => {
  const book = await readBook(path.join(dir, "sample-scored.xlsx"));
  const ws = book.getWorksheet("汇总")!;
  const chart = [...scored.entries()].find(
    ([n, x]) =>
      n.startsWith("xl/charts/") && x.includes('stacked"/>') && !x.includes("percentStacked")
  )![1];
  const refs = [...chart.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]);
  expect(refs.every((f) => f.startsWith("&apos;汇总&apos;!") || f.startsWith("'汇总'!"))).toBe(
    true
  );
  // The first series' values: the A column of the chain × grade table, as the sheet holds them.
  const val =
    /<c:val><c:numRef><c:f>[^!]*!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)<\/c:f>([\s\S]*?)<\/c:numRef>/.exec(
      chart
    )!;
  const [, col, top, bottom, cache] = val;
  const sheetValues = [];
  for (let r = Number(top); r <= Number(bottom); r++)
    sheetValues.push(ws.getCell(`${col}${r}`).value);
  const cached = [...cache.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]));
  expect(cached).toEqual(sheetValues);
  expect(ws.getCell(`${col}${Number(top) - 1}`).value).toBe("A");
  // The chain × grade totals (column G, after A–D and 未评级) add up to the number of candidates.
  expect(ws.getCell(`G${Number(top) - 1}`).value).toBe("合计");
  const totals: number[] = [];
  for (let r = Number(top); r <= Number(bottom); r++)
    totals.push(Number(ws.getCell(`G${r}`).value));
  expect(totals.reduce((a, b) => a + b, 0)).toBe(69);
});

test("a rerun rewrites our summary; a user's sheet named 汇总 is refused and nothing is written", async () => {
  const again = await runCli(["sample-scored.xlsx", "--summary", "--in-place"], dir);
  expect(again.stderr).toBe("");
  expect(again.code).toBe(0);
  const wb = await openWorkbook(path.join(dir, "sample-scored.xlsx"));
  try {
    expect(wb.worksheets.filter((s) => s.name === "汇总")).toHaveLength(1);
    const summary = await sheetOf(
      wb,
      wb.worksheets.find((s) => s.name === "汇总")!,
      1
    );
    expect(summary.marks).toEqual([{ key: "summary", row: 0, col: 0 }]);
  } finally {
    wb.pkg.close();
  }

  const book = await readBook(path.join(dir, "sample.xlsx"));
  book.addWorksheet("汇总").getCell("A1").value = "我自己的汇总";
  await book.xlsx.writeFile(path.join(dir, "mine.xlsx"));
  const r = await runCli(["mine.xlsx", "--summary"], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("已有名为「汇总」的工作表");
  expect(fs.existsSync(path.join(dir, "mine-scored.xlsx"))).toBe(false);
});

/** Every part's uncompressed bytes, by name. */
async function bytes(file: string): Promise<Map<string, Buffer>> {
  const pkg = await Package.open(file);
  const out = new Map<string, Buffer>();
  try {
    for (const name of pkg.order) {
      const chunks: Buffer[] = [];
      for await (const c of await pkg.stream(name, 1 << 26)) chunks.push(c as Buffer);
      out.set(name, Buffer.concat(chunks));
    }
  } finally {
    pkg.close();
  }
  return out;
}

test("a rerun's summary replaces the earlier run's drawing and charts; the user's charts stay", async () => {
  // A workbook from Excel for Mac with a chart sheet's worth of the user's own: two charts with
  // their styles and colours, a drawing, a picture, a note (test/fixtures/corpus/README.md).
  const wb = await openWorkbook(path.join(__dirname, "../fixtures/corpus/excel-mac-book1.xlsx"));
  try {
    await addSheet(
      wb,
      "候选项目",
      [["项目名称", "进展情况", "计划总投资（万元）"], ...PROJECTS.map((p) => [p[0], p[1], p[2]])],
      path.join(dir, "mac.xlsx")
    );
  } finally {
    wb.pkg.close();
  }
  expect((await runCli(["mac.xlsx", "--summary", "--out", "mac-1.xlsx"], dir)).code).toBe(0);
  expect((await runCli(["mac-1.xlsx", "--summary", "--out", "mac-2.xlsx"], dir)).code).toBe(0);
  const user = await bytes(path.join(dir, "mac.xlsx"));
  const once = await bytes(path.join(dir, "mac-1.xlsx"));
  const twice = await bytes(path.join(dir, "mac-2.xlsx"));
  // The first run added one drawing and two charts.
  const added = [...once.keys()].filter((n) => !user.has(n));
  expect(
    added.filter((n) => /^xl\/(charts\/chart|drawings\/drawing)\d+\.xml$/.test(n))
  ).toHaveLength(3);
  // The rerun holds the same parts under the same names (before: three more, the old ones unused),
  // and the summary's drawing and charts are the same bytes again.
  expect([...twice.keys()].sort()).toEqual([...once.keys()].sort());
  for (const n of added.filter((x) => /^xl\/(charts|drawings)\//.test(x)))
    expect({ n, same: twice.get(n)!.equals(once.get(n)!) }).toEqual({ n, same: true });
  // The user's charts, their styles, drawing, picture and note: byte for byte.
  for (const n of [...user.keys()].filter((x) => /^xl\/(charts|drawings|media|comments)/.test(x)))
    expect({ n, same: twice.get(n)?.equals(user.get(n)!) }).toEqual({ n, same: true });
  // Every content-type override names a part that exists, once.
  const overrides = [
    ...twice
      .get("[Content_Types].xml")!
      .toString()
      .matchAll(/PartName="\/([^"]*)"/g),
  ].map((m) => m[1]);
  expect(overrides.filter((n) => !twice.has(n))).toEqual([]);
  expect(new Set(overrides).size).toBe(overrides.length);
}, 60_000);

const bin = soffice();
const hasPoppler = (() => {
  try {
    execFileSync("pdfinfo", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

test("LibreOffice converts the summary to PDF with both charts drawn", async () => {
  if (bin === null || !hasPoppler) {
    if (process.env.ZS_ALLOW_NO_SOFFICE === "1") return;
    throw new Error(
      "soffice or pdfinfo/pdftotext not found: install libreoffice-calc and poppler-utils"
    );
  }
  expect((await runCli(["sample.xlsx", "--out", "plain.xlsx"], dir)).code).toBe(0);
  const pdf = path.join(dir, "pdf");
  // mac-2.xlsx: the rerun's summary over the earlier one's (the test above).
  convert(bin, dir, "pdf", pdf, [
    path.join(dir, "plain.xlsx"),
    path.join(dir, "sample-scored.xlsx"),
    path.join(dir, "mac-2.xlsx"),
  ]);
  const pages = (f: string) =>
    Number(
      /Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [path.join(pdf, f)], { encoding: "utf8" }))![1]
    );
  const text = (f: string) =>
    execFileSync("pdftotext", [path.join(pdf, f), "-"], { encoding: "utf8" });
  const withSummary = text("sample-scored.pdf");
  // The summary prints on one or two landscape pages after the workbook's own.
  expect(pages("sample-scored.pdf") - pages("plain.pdf")).toBeGreaterThanOrEqual(1);
  expect(pages("sample-scored.pdf") - pages("plain.pdf")).toBeLessThanOrEqual(2);
  // Chart titles and the progress legend are drawn only by the charts; the tables are there too.
  for (const t of [
    "各产业链项目数（按等级）",
    "年度目标完成进度",
    "已完成",
    "招商项目评分汇总",
    "前 10 名项目",
  ])
    expect({ t, found: withSummary.includes(t) }).toEqual({ t, found: true });
  expect(text("plain.pdf")).not.toContain("各产业链项目数（按等级）");
  expect(text("mac-2.pdf")).toContain("各产业链项目数（按等级）");
}, 180_000);
