/**
 * Real .xlsx files written by other tools (Excel for Windows, Mac and the web, LibreOffice,
 * Google Sheets, ClosedXML, ONLYOFFICE, Access, openpyxl, exceljs, WPS Office, Tencent Docs,
 * Apache POI, Apple Numbers, Gnumeric, excelize, SpreadsheetGear; sources in test/fixtures/corpus/README.md), each
 * with a small candidate sheet added, are scored. Every part of the package other than the target
 * sheet, styles.xml and the workbook part comes out byte for byte as it went in; the target sheet
 * differs only by our cells (and widths, colour scale, print setup); styles.xml only by appended
 * entries; the workbook part only by our defined names; and LibreOffice reads every sheet with the same values.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { addSheet, openWorkbook } from "../../src/cli/xlsx";
import { Package } from "../../src/cli/zip";
import { columnLetters } from "../../src/workbook";
import { PROJECTS } from "../fixtures/workbooks/candidates";
import { parseCsv, soffice } from "./libreoffice-tools";
import { runCli, tempDir } from "./helpers";

const CORPUS = path.join(__dirname, "../fixtures/corpus");
const FILES = fs.readdirSync(CORPUS).filter((f) => f.endsWith(".xlsx"));
const SHEET = "候选项目";

/** Every part's uncompressed bytes, by name. */
async function parts(file: string): Promise<Map<string, Buffer>> {
  const pkg = await Package.open(file);
  const out = new Map<string, Buffer>();
  try {
    for (const name of pkg.order) {
      if (name.endsWith("/")) continue;
      const chunks: Buffer[] = [];
      const s = await pkg.stream(name, 1 << 28);
      for await (const c of s) chunks.push(c as Buffer);
      out.set(name, Buffer.concat(chunks));
    }
  } finally {
    pkg.close();
  }
  return out;
}

/** The tags and texts of an XML part, in order. */
function tokens(xml: string): string[] {
  return xml.replace(/\scount="\d+"/g, "").match(/<[^>]+>|[^<]+/g) ?? [];
}

/** Whether `a` is `b` with some tokens left out, and those tokens. */
function added(a: string[], b: string[]): string[] | null {
  const extra: string[] = [];
  let i = 0;
  for (const t of b) {
    if (i < a.length && a[i] === t) i++;
    else extra.push(t);
  }
  return i === a.length ? extra : null;
}

const dir = tempDir();
const prepared = new Map<string, { input: string; output: string; sheetPart: string }>();

beforeAll(async () => {
  for (const f of FILES) {
    const wb = await openWorkbook(path.join(CORPUS, f));
    const input = path.join(dir, f);
    try {
      await addSheet(
        wb,
        SHEET,
        [
          ["项目名称", "进展情况", "计划总投资（万元）", "所属产业链", "项目简介"],
          ...PROJECTS.map((p) => [...p]),
        ],
        input
      );
    } finally {
      wb.pkg.close();
    }
    const withSheet = await openWorkbook(input);
    const sheetPart = withSheet.worksheets.find((s) => s.name === SHEET)!.part;
    withSheet.pkg.close();
    prepared.set(f, { input, output: input.replace(/\.xlsx$/, "-scored.xlsx"), sheetPart });
  }
}, 60_000);

test("the corpus holds files from at least five different tools", () => {
  const readme = fs.readFileSync(path.join(CORPUS, "README.md"), "utf8");
  const tools = new Set(
    FILES.map((f) =>
      new RegExp(`\\| ${f.replace(/\./g, "\\.")} \\| ([^|]+) \\|`).exec(readme)?.[1].trim()
    )
  );
  expect(tools.has(undefined)).toBe(false);
  expect(tools.size).toBeGreaterThanOrEqual(5);
});

describe.each(FILES)("%s", (f) => {
  test("scored; every other part byte for byte, the sheet only gains our cells, styles only appended", async () => {
    const { input, output, sheetPart } = prepared.get(f)!;
    const r = await runCli([path.basename(input), "--sheet", SHEET], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const a = await parts(input);
    const b = await parts(output);
    expect([...b.keys()]).toEqual([...a.keys()]);
    const styles = [...a.keys()].find((k) => /styles\.xml$/i.test(k));
    const workbook = [...a.keys()].find((k) => /workbook\.xml$/i.test(k))!;
    for (const [name, bytes] of a) {
      if (name === sheetPart || name === styles || name === workbook) continue;
      expect({ name, same: Buffer.compare(bytes, b.get(name)!) === 0 }).toEqual({
        name,
        same: true,
      });
    }
    // The target sheet: the input's tags with our cells (columns F on) added, nothing else.
    const ours = new Set(Array.from({ length: 20 }, (_, i) => columnLetters(5 + i)));
    const sa = tokens(a.get(sheetPart)!.toString("utf8"));
    const sb = tokens(b.get(sheetPart)!.toString("utf8")).filter((t) => !/^<dimension /.test(t));
    const extra = added(
      sa.filter((t) => !/^<dimension /.test(t)),
      sb
    );
    expect(extra).not.toBeNull();
    const outside = extra!.filter(
      (t) => /^<c /.test(t) && !ours.has(/ r="([A-Z]+)\d+"/.exec(t)?.[1] ?? "")
    );
    expect(outside).toEqual([]);
    expect(extra!.filter((t) => /^<c /.test(t)).length).toBeGreaterThan(PROJECTS.length);
    // The workbook part only gains our hidden names (and print titles).
    const names = added(
      // An empty <definedNames/> is opened up to hold ours.
      tokens(
        a
          .get(workbook)!
          .toString("utf8")
          .replace(/<((\w+:)?definedNames)\s*\/>/, "<$1></$1>")
      ),
      tokens(b.get(workbook)!.toString("utf8"))
    );
    expect(names).not.toBeNull();
    expect(
      names!.filter((t) => t.startsWith("<") && !/^<\/?([\w]+:)?definedNames?[\s>]/.test(t))
    ).toEqual([]);
    expect(names!.join("")).toContain('name="_ZS.score"');
    // styles.xml: the original entries all still there, in order; ours appended.
    if (styles) {
      // An empty list (<numFmts count="0"/>: Tencent Docs, SpreadsheetGear) may be opened up to
      // hold ours; the part is written back as UTF-8 without a byte-order mark (SpreadsheetGear's).
      const open = (xml: string) =>
        xml
          .replace(/^\uFEFF/, "")
          .replace(
            /<((\w+:)?(numFmts|fonts|fills|borders|cellXfs|dxfs))(\s[^>]*?)?\s*\/>/g,
            "<$1$4></$1>"
          );
      const more = added(
        tokens(open(a.get(styles)!.toString("utf8"))),
        tokens(open(b.get(styles)!.toString("utf8")))
      );
      expect(more).not.toBeNull();
      expect(more!.join("")).toContain('name="ZS Scorer"');
    }
  });
});

const bin = soffice();

test("LibreOffice reads every sheet of every output with the input's values (ours added)", () => {
  if (bin === null) {
    if (process.env.ZS_ALLOW_NO_SOFFICE === "1") return;
    throw new Error(
      "soffice not found on PATH: install LibreOffice Calc, or set ZS_ALLOW_NO_SOFFICE=1"
    );
  }
  const csv = path.join(dir, "csv");
  fs.mkdirSync(csv, { recursive: true });
  const files = [...prepared.values()].flatMap((p) => [p.input, p.output]);
  for (const p of prepared.values()) expect(fs.existsSync(p.output)).toBe(true);
  execFileSync(
    bin,
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      "--outdir",
      csv,
      ...files,
    ],
    { stdio: "ignore", timeout: 170_000 }
  );
  let compared = 0;
  for (const [f, p] of prepared) {
    const base = path.basename(p.input, ".xlsx");
    const sheets = fs
      .readdirSync(csv)
      .filter((n) => n.startsWith(`${base}-`) && !n.startsWith(`${base}-scored-`));
    expect({ f, sheets: sheets.length > 0 }).toEqual({ f, sheets: true });
    for (const n of sheets) {
      const sheetName = n.slice(base.length + 1, -4);
      const before = parseCsv(fs.readFileSync(path.join(csv, n), "utf8"));
      const after = parseCsv(
        fs.readFileSync(path.join(csv, `${base}-scored-${sheetName}.csv`), "utf8")
      );
      if (sheetName === SHEET) {
        // Our columns come after the user's five; the user's cells are unchanged.
        expect(after.map((row) => row.slice(0, 5))).toEqual(before.map((row) => row.slice(0, 5)));
        expect(after[0][5]).toBe("得分");
      } else expect({ f, sheetName, after }).toEqual({ f, sheetName, after: before });
      compared++;
    }
  }
  expect(compared).toBeGreaterThanOrEqual(FILES.length);
}, 180_000);
