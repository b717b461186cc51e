/** The worksheet tokenizer's refusals, by their exact message in both languages (issue 20). */
import { Buffer } from "buffer";
import { UsageError } from "../../src/cli/errors";
import { XmlScanner } from "../../src/cli/xml-scan";

const PART = "xl/worksheets/sheet1.xml";

/** Feeds `chunks` to a scanner of PART (then ends it) and returns its refusal's label. */
function refusal(...chunks: string[]): { zh: string; en: string } {
  const s = new XmlScanner({ open: () => {}, close: () => {}, text: () => {} }, PART);
  try {
    for (const c of chunks) s.write(Buffer.from(c, "utf8"));
    s.end();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as UsageError).label;
  }
  throw new Error("the scanner did not refuse");
}

/** Decodes one text with a scanner of PART and returns its refusal's label. */
function decodeRefusal(text: string): { zh: string; en: string } {
  const s = new XmlScanner({ open: () => {}, close: () => {}, text: () => {} }, PART);
  try {
    s.decode(text);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as UsageError).label;
  }
  throw new Error("decode did not refuse");
}

test("an entity without its semicolon", () => {
  expect(decodeRefusal("AT&T")).toEqual({
    zh: `部件 ${PART} 含有未结束的实体引用`,
    en: `part ${PART} holds an unterminated entity reference`,
  });
});

test("a character reference that is not a number, or beyond U+10FFFF", () => {
  expect(decodeRefusal("&#xZZ;")).toEqual({
    zh: `部件 ${PART} 含有无效字符引用 &#xZZ;`,
    en: `part ${PART} holds an invalid character reference &#xZZ;`,
  });
  expect(decodeRefusal("&#1114112;").en).toBe(
    `part ${PART} holds an invalid character reference &#1114112;`
  );
  // The largest code point is read.
  expect(
    new XmlScanner({ open: () => {}, close: () => {}, text: () => {} }, PART).decode("&#x10FFFF;")
  ).toBe(String.fromCodePoint(0x10ffff));
});

test("an entity other than the five predefined ones", () => {
  expect(decodeRefusal("&nbsp;")).toEqual({
    zh: `部件 ${PART} 含有未定义的实体 &nbsp;`,
    en: `part ${PART} holds an undefined entity &nbsp;`,
  });
});

test("a tag that never ends, beyond 16 MB", () => {
  expect(refusal('<c r="A1" x="', "a".repeat((1 << 24) + 1))).toEqual({
    zh: `部件 ${PART} 含有过长的标记或文本`,
    en: `part ${PART} holds a tag or text that is far too long`,
  });
});

test("a DOCTYPE, also split across chunks", () => {
  const label = {
    zh: `部件 ${PART} 含有 DOCTYPE 或其他声明（可能用于实体展开攻击），工作簿不会这样写，已拒绝读取。`,
    en: `part ${PART} holds a DOCTYPE or another declaration (used for entity-expansion attacks; workbooks never have one); refused.`,
  };
  expect(refusal('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><worksheet/>')).toEqual(label);
  expect(refusal("<work", "sheet><!DOC", "TYPE x []></worksheet>")).toEqual(label);
});

test("a part cut off inside a tag", () => {
  expect(refusal("<worksheet><sheetData><row r=")).toEqual({
    zh: `部件 ${PART} 的 XML 不完整`,
    en: `part ${PART} ends in the middle of its XML`,
  });
});
