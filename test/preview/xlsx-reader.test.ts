/**
 * The preview's .xlsx reader (a text scan of the parts' XML, no DOM) against the CLI's streaming
 * reader, on the sample workbook and the corpus of files written by other tools
 * (test/fixtures/corpus/README.md names their sources and commits).
 */
import fs from "fs";
import path from "path";
import { readXlsx } from "../../src/preview/xlsx-reader";
import { openWorkbook, sheetOf } from "../../src/cli/xlsx";

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
            if (got !== v)
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
