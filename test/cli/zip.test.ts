/**
 * The package reader's refusals of damaged and hostile zips, by their exact message (issue 20): each
 * package is built by yazl, then one header field is patched (offsets from APPNOTE 4.3.12: flags +8,
 * method +10, compressed size +20, uncompressed size +24 in a central directory entry).
 */
import { Buffer } from "buffer";
import * as fs from "fs";
import * as path from "path";
import type { Readable } from "stream";
import { UsageError } from "../../src/cli/errors";
import { Package } from "../../src/cli/zip";
import { CENTRAL, find, zipBytes } from "../fixtures/zip-bytes";
import { tempDir } from "./helpers";

const dir = tempDir();
let n = 0;

/** Writes the bytes to a new file and returns its path. */
function file(bytes: Uint8Array): string {
  const f = path.join(dir, `p${n++}.xlsx`);
  fs.writeFileSync(f, bytes);
  return f;
}

async function refusal(run: () => Promise<unknown>): Promise<{ zh: string; en: string }> {
  try {
    await run();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as UsageError).label;
  }
  throw new Error("not refused");
}

/** The central directory's first entry, as a view to patch. */
function central(bytes: Uint8Array): { at: number; view: DataView } {
  return { at: find(bytes, CENTRAL), view: new DataView(bytes.buffer, bytes.byteOffset) };
}

async function drain(s: Readable): Promise<number> {
  let size = 0;
  for await (const d of s) size += (d as Buffer).length;
  return size;
}

async function withPackage<T>(f: string, use: (p: Package) => Promise<T>): Promise<T> {
  const p = await Package.open(f);
  try {
    return await use(p);
  } finally {
    p.close();
  }
}

test("more than 20 000 parts", async () => {
  const entries: Record<string, string> = {};
  for (let i = 0; i <= 20_000; i++) entries[`x/${i}`] = "";
  const f = file(await zipBytes(entries));
  expect(await refusal(() => Package.open(f))).toEqual({
    zh: `${f} 含有超过 20000 个部件，不像正常的工作簿，已拒绝读取。`,
    en: `${f} holds more than 20000 parts, which no normal workbook does; refused.`,
  });
}, 60_000);

test("a central directory entry without its signature", async () => {
  const bytes = await zipBytes({ "a.xml": "<a/>", "b.xml": "<b/>" });
  // The second entry's: the first is read, the next is broken.
  const second = find(bytes.subarray(find(bytes, CENTRAL) + 4), CENTRAL) + find(bytes, CENTRAL) + 4;
  bytes[second] = 0;
  const f = file(bytes);
  expect(await refusal(() => Package.open(f))).toEqual({
    zh: `${f} 的 zip 结构损坏：invalid central directory file header signature: 0x2014b00`,
    en: `${f} has a broken zip structure: invalid central directory file header signature: 0x2014b00`,
  });
});

test("asking for a part the package does not have is a programming error, not a refusal", async () => {
  const f = file(await zipBytes({ "a.xml": "<a/>" }));
  await withPackage(f, async (p) => {
    await expect(p.stream("xl/workbook.xml", 100)).rejects.toThrow(
      new Error("no part xl/workbook.xml")
    );
    // Names are found with or without "/", in any case.
    expect(await drain(await p.stream("/A.XML", 100))).toBe(4);
  });
});

test("an encrypted part", async () => {
  // Deflated: yauzl itself refuses a stored encrypted entry without its 12-byte header.
  const bytes = await zipBytes({ "a.xml": "<a/>" }, true);
  const { at, view } = central(bytes);
  view.setUint16(at + 8, view.getUint16(at + 8, true) | 1, true);
  const f = file(bytes);
  await withPackage(f, async (p) =>
    expect(await refusal(() => p.stream("a.xml", 100))).toEqual({
      zh: `${f} 的部件 a.xml已加密，无法读取。`,
      en: `part a.xml of ${f} is encrypted and cannot be read.`,
    })
  );
});

test("a part over the caller's limit, and one exactly at it", async () => {
  const f = file(await zipBytes({ "a.xml": "x".repeat(3 << 20) }, true));
  await withPackage(f, async (p) => {
    expect(await refusal(() => p.stream("a.xml", (3 << 20) - 1))).toEqual({
      zh: `${f} 的部件 a.xml解压后有 3 MB，超过上限 3 MB，已拒绝读取。`,
      en: `part a.xml of ${f} unpacks to 3 MB, over the 3 MB limit; refused.`,
    });
    expect(await drain(await p.stream("a.xml", 3 << 20))).toBe(3 << 20);
  });
  const small = file(await zipBytes({ "a.xml": "x".repeat(1000) }));
  await withPackage(small, async (p) =>
    expect((await refusal(() => p.stream("a.xml", 999))).en).toBe(
      `part a.xml of ${small} unpacks to 0.00 MB, over the 0.00 MB limit; refused.`
    )
  );
});

test("a decompression bomb: over 32 MB at more than 100:1", async () => {
  const f = file(await zipBytes({ "a.xml": Buffer.alloc(40 << 20) }, true));
  const bytes = new Uint8Array(fs.readFileSync(f));
  const { at, view } = central(bytes);
  const ratio = Math.round(view.getUint32(at + 24, true) / view.getUint32(at + 20, true));
  // zlib packs 40 MB of zeros about 1000:1.
  expect(ratio).toBeGreaterThan(500);
  await withPackage(f, async (p) =>
    expect(await refusal(() => p.stream("a.xml", 1 << 30))).toEqual({
      zh: `${f} 的部件 a.xml压缩比异常（${ratio}:1），像是解压炸弹，已拒绝读取。`,
      en: `part a.xml of ${f} has an impossible compression ratio (${ratio}:1), like a decompression bomb; refused.`,
    })
  );
}, 30_000);

test("a compression method other than stored or deflate", async () => {
  const bytes = await zipBytes({ "a.xml": "<a/>" });
  const { at, view } = central(bytes);
  view.setUint16(at + 10, 12, true); // bzip2
  const f = file(bytes);
  await withPackage(f, async (p) =>
    expect(await refusal(() => p.stream("a.xml", 100))).toEqual({
      zh: `${f} 的部件 a.xml使用了不支持的压缩方式 12。`,
      en: `part a.xml of ${f} uses compression method 12, which is not supported.`,
    })
  );
});

test("a part that inflates to more than its entry declares is damaged (said once)", async () => {
  const bytes = await zipBytes({ "a.xml": "x".repeat(5000) }, true);
  const { at, view } = central(bytes);
  view.setUint32(at + 24, 100, true);
  const f = file(bytes);
  await withPackage(f, async (p) =>
    expect(await refusal(() => p.text("a.xml", 1 << 20))).toEqual({
      zh: `${f} 的部件 a.xml 已损坏：more data than the entry declares`,
      en: `part a.xml of ${f} is damaged: more data than the entry declares`,
    })
  );
});
