/** The package patcher on sheet and styles XML: cells in order, rows inserted, users' cells kept. */
import { Buffer } from "buffer";
import fc from "fast-check";
import { patchStyles } from "../../src/cli/ooxml-styles";
import type { OutCell, OutRows, PatchContext } from "../../src/cli/ooxml-write";
import { cellXml, insertChild, patchSheet } from "../../src/cli/ooxml-write";
import { columnLetters } from "../../src/workbook/a1";

async function patch(
  xml: string,
  cells: Record<number, OutCell[]>,
  ctx: Partial<PatchContext> = {},
  chunk = 7
) {
  const rows: OutRows = {
    rows: Object.keys(cells)
      .map(Number)
      .sort((a, b) => a - b),
    cells: (r) => cells[r],
  };
  const full: PatchContext = { ours: new Set([9]), conflicts: [], sheetName: "S", ...ctx };
  // Fed in small chunks, so tags and characters are split across them.
  async function* input() {
    const b = Buffer.from(xml, "utf8");
    for (let i = 0; i < b.length; i += chunk) yield b.subarray(i, i + chunk);
  }
  const parts: Buffer[] = [];
  for await (const b of patchSheet(input(), rows, full)) parts.push(b);
  return { out: Buffer.concat(parts).toString("utf8"), conflicts: full.conflicts };
}

const head = '<?xml version="1.0"?><worksheet xmlns="m"><dimension ref="A1:B3"/><sheetData>';
const tail = '</sheetData><mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells></worksheet>';

test("our cells go into their rows in column order; missing rows are inserted in order; the rest is unchanged", async () => {
  const xml = `${head}<row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><c r="D1"><v>5</v></c></row><row r="3"><c r="A3"><v>1</v></c></row>${tail}`;
  const { out, conflicts } = await patch(xml, {
    0: [{ col: 2, value: "分数 <1>", style: 9 }],
    1: [{ col: 2, value: 73.5, style: 9 }],
    2: [{ col: 2, value: true, style: 9 }],
    5: [{ col: 2, value: null, style: 9 }],
  });
  expect(conflicts).toEqual([]);
  expect(out).toBe(
    `<?xml version="1.0"?><worksheet xmlns="m"><dimension ref="A1:C3"/><sheetData>` +
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" s="9" t="inlineStr"><is><t>分数 &lt;1&gt;</t></is></c><c r="D1"><v>5</v></c></row>` +
      `<row r="2"><c r="C2" s="9"><v>73.5</v></c></row>` +
      `<row r="3"><c r="A3"><v>1</v></c><c r="C3" s="9" t="b"><v>1</v></c></row>${tail}`
  );
});

test("the output does not depend on where the input's chunks end (tags, comments and characters split)", async () => {
  const xml = `${head}<!-- 注释 --><row r="1"><c r="A1" t="inlineStr"><is><t>平湖·独山港</t></is></c></row><row r="2"/><row r="4" spans="1:1"><c r="A4"><v>1</v></c></row>${tail}`;
  const cells = {
    0: [{ col: 1, value: "得分", style: 9 }],
    1: [{ col: 1, value: 1, style: 9 }],
    3: [{ col: 0, value: 2, style: 9 }],
  };
  const whole = await patch(xml, cells, {}, 1 << 20);
  expect(whole.out).toBe(
    `${head.replace("A1:B3", "A1:B4")}<!-- 注释 --><row r="1"><c r="A1" t="inlineStr"><is><t>平湖·独山港</t></is></c><c r="B1" s="9" t="inlineStr"><is><t>得分</t></is></c></row>` +
      `<row r="2"><c r="B2" s="9"><v>1</v></c></row><row r="4"><c r="A4"><v>1</v></c></row>${tail}`
  );
  expect(whole.conflicts).toEqual(["A4"]);
  for (const chunk of [1, 2, 3, 11, 64]) expect(await patch(xml, cells, {}, chunk)).toEqual(whole);
});

test("a cell of ours or an empty one is replaced or removed; a user's cell is kept and reported", async () => {
  const xml = `${head}<row r="2"><c r="A2"><v>1</v></c><c r="B2" s="9"><v>50</v></c><c r="C2" s="3"/><c r="D2" s="9"><v>7</v></c><c r="E2"><f>NA()</f></c></row>${tail}`;
  const { out, conflicts } = await patch(xml, {
    1: [
      { col: 1, value: 60, style: 9 },
      { col: 2, value: "x", style: 9 },
      { col: 3, value: null, style: 9 },
      { col: 4, value: 1, style: 9 },
    ],
  });
  expect(out).toContain(
    '<row r="2"><c r="A2"><v>1</v></c><c r="B2" s="9"><v>60</v></c><c r="C2" s="9" t="inlineStr"><is><t>x</t></is></c><c r="E2"><f>NA()</f></c></row>'
  );
  expect(conflicts).toEqual(["E2"]);
});

test("prefixed documents (x:), rows and cells without r, and an empty sheetData", async () => {
  const px =
    '<x:worksheet xmlns:x="m"><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>';
  const { out } = await patch(px, {
    0: [{ col: 3, value: 1, style: 9 }],
    1: [{ col: 0, value: "a", style: 0 }],
  });
  expect(out).toBe(
    '<x:worksheet xmlns:x="m"><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c><x:v>2</x:v></x:c><x:c r="D1" s="9"><x:v>1</x:v></x:c></x:row>' +
      '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>'
  );
  const empty = await patch("<worksheet><sheetData/></worksheet>", {
    0: [{ col: 0, value: 2, style: 0 }],
  });
  expect(empty.out).toBe(
    '<worksheet><sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>'
  );
});

test("styles: existing entries untouched, ours appended under the named style and found again on a rerun", () => {
  const xml =
    '<styleSheet xmlns="m"><fonts count="1"><font><sz val="11"/></font></fonts><cellStyleXfs count="1"><xf numFmtId="0" fontId="0"/></cellStyleXfs>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" xfId="0"/><xf numFmtId="14" fontId="0" xfId="0"><alignment wrapText="1"/></xf></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
  const looks = [{ header: true }, { numberFormat: "0.00" }, { numberFormat: "0.0%" }, {}];
  const first = patchStyles(xml, looks);
  expect(first.xml).toContain(
    '<cellXfs count="6"><xf numFmtId="0" fontId="0" xfId="0"/><xf numFmtId="14" fontId="0" xfId="0"><alignment wrapText="1"/></xf>'
  );
  expect(first.xml).toContain('<font><b/><sz val="11"/></font>');
  expect(first.xml).toContain('<numFmt numFmtId="164" formatCode="0.0%"/>');
  expect(first.xml).toContain('<cellStyle name="ZS Scorer" xfId="1"/>');
  expect(looks.map(first.styleOf)).toEqual([2, 3, 4, 5]);
  expect([...first.ours]).toEqual([2, 3, 4, 5]);
  const again = patchStyles(first.xml, looks);
  expect(again.xml).toBe(first.xml);
  expect(looks.map(again.styleOf)).toEqual([2, 3, 4, 5]);
});

test("styles: an empty self-closing list with a space before /> (SpreadsheetGear) is opened up cleanly", () => {
  const xml =
    '<styleSheet xmlns="m"><numFmts count="0" /><fonts count="1"><font><sz val="11"/></font></fonts>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" xfId="0"/></cellXfs></styleSheet>';
  expect(patchStyles(xml, [{ numberFormat: "0.0" }]).xml).toContain(
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><fonts'
  );
});

test("an added element takes its parent's prefix (ElementTree's ns0:, openpyxl's s:), or none", () => {
  expect(
    insertChild(
      '<ns0:Types xmlns:ns0="urn:ct"><ns0:Default Extension="xml"/></ns0:Types>',
      "Types",
      "Override",
      ' PartName="/a.xml"'
    )
  ).toBe(
    '<ns0:Types xmlns:ns0="urn:ct"><ns0:Default Extension="xml"/><ns0:Override PartName="/a.xml"/></ns0:Types>'
  );
  expect(insertChild("<s:workbook><s:sheets/></s:workbook>", "sheets", "sheet", ' name="表"')).toBe(
    '<s:workbook><s:sheets><s:sheet name="表"/></s:sheets></s:workbook>'
  );
  expect(
    insertChild("<Relationships></Relationships>", "Relationships", "Relationship", ' Id="r"')
  ).toBe('<Relationships><Relationship Id="r"/></Relationships>');
});

test("property: a row comes out as its cells and ours merged in column order, wherever ours fall (appended after the last cell or between cells)", async () => {
  const userCell = (col: number, kind: number) => {
    const r = `${columnLetters(col)}2`;
    // A self-closing styled cell, a number, and inline text that looks like markup once escaped.
    return kind === 0
      ? `<c r="${r}" s="3"/>`
      : kind === 1
        ? `<c r="${r}"><v>${col}</v></c>`
        : `<c r="${r}" t="inlineStr"><is><t>&lt;c r="Z9"&gt;</t></is></c>`;
  };
  await fc.assert(
    fc.asyncProperty(
      fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 8 }),
      fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 5 }),
      fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 8, maxLength: 8 }),
      async (userCols, ourCols, kinds) => {
        const users = [...userCols].sort((a, b) => a - b);
        const ours = [...ourCols].filter((c) => !users.includes(c)).sort((a, b) => a - b);
        fc.pre(ours.length > 0);
        const mine: OutCell[] = ours.map((col) => ({ col, value: col * 10, style: 9 }));
        const row = users.map((c, i) => userCell(c, kinds[i])).join("");
        const { out, conflicts } = await patch(
          `${head}<row r="2" spans="1:9">${row}</row>${tail}`,
          { 1: mine },
          {},
          5
        );
        const merged = [
          ...users.map((c, i) => ({ col: c, xml: userCell(c, kinds[i]) })),
          ...mine.map((m) => ({ col: m.col, xml: cellXml("", 1, m) })),
        ].sort((a, b) => a.col - b.col);
        expect(conflicts).toEqual([]);
        expect(out).toContain(`<row r="2">${merged.map((m) => m.xml).join("")}</row>`);
      }
    ),
    { numRuns: 300 }
  );
});

test("a sheet whose XML the patcher cannot follow is refused, not written half", async () => {
  const refusal = async (xml: string) => {
    try {
      await patch(xml, { 1: [{ col: 2, value: 1, style: 9 }] });
    } catch (e) {
      return (e as { label: unknown }).label;
    }
    throw new Error("not refused");
  };
  expect(await refusal(`${head}<foo/><row r="1"><c r="A1"><v>1</v></c></row>${tail}`)).toEqual({
    zh: "工作表「S」的 XML 在 sheetData 中有意外内容，无法写入结果。",
    en: 'the XML of sheet "S" holds unexpected content in sheetData; results cannot be written.',
  });
  expect(await refusal('<worksheet xmlns="m"><dimension ref="A1"/></worksheet>')).toEqual({
    zh: "工作表「S」的 XML 不完整（缺少 sheetData），无法写入结果。",
    en: 'the XML of sheet "S" is incomplete (no sheetData); results cannot be written.',
  });
  // A comment between rows is kept, not refused.
  const { out } = await patch(`${head}<!-- 注 --><row r="1"><c r="A1"><v>1</v></c></row>${tail}`, {
    1: [{ col: 2, value: 1, style: 9 }],
  });
  expect(out).toContain('<!-- 注 --><row r="1">');
});

test("text cells are written so readers show them as given: literal _xHHHH_ kept, controls XML cannot carry escaped, not dropped", () => {
  expect(cellXml("", 0, { col: 0, value: "甲_x0041_乙\u0001丙\u000b", style: 0 })).toBe(
    '<c r="A1" t="inlineStr"><is><t xml:space="preserve">甲_x005F_x0041_乙_x0001_丙_x000B_</t></is></c>'
  );
  expect(cellXml("x:", 1, { col: 1, value: " 换行\r\n后 & <b>", style: 0 })).toBe(
    '<x:c r="B2" t="inlineStr"><x:is><x:t xml:space="preserve"> 换行_x000D_\n后 &amp; &lt;b&gt;</x:t></x:is></x:c>'
  );
});
