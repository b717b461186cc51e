/**
 * The .xlsx package as a zip: parts read lazily and streamed (yauzl: random access through the
 * central directory, sizes checked against what each entry declares), and a copy written with
 * some parts replaced or added (yazl: streams each part, zip64 when needed). Parts not replaced
 * are copied with their uncompressed bytes unchanged, in their original order.
 */
import { Buffer } from "buffer";
import * as fs from "fs";
import type { Readable } from "stream";
import { StringDecoder } from "string_decoder";
import * as yauzl from "yauzl";
import * as yazl from "yazl";
import { TextDecoder } from "util";
import * as zlib from "zlib";
import { utf16Of } from "../workbook/ooxml-text";
import { UsageError } from "./errors";

/** A zip of an .xlsx has a few hundred parts at most; tens of thousands is a hostile package. */
const MAX_ENTRIES = 20_000;
/**
 * A large part that compresses beyond 100:1 is a decompression bomb: real sheets and shared
 * strings compress 3–20:1 (a 150 MB sheet of 100 000 rows: 6:1).
 */
const MAX_RATIO = 100;
const BOMB_SIZE = 32 << 20;

export class Package {
  private constructor(
    readonly file: string,
    private readonly zip: yauzl.ZipFile,
    readonly entries: Map<string, yauzl.Entry>,
    readonly order: string[]
  ) {}

  static async open(file: string): Promise<Package> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(
        file,
        { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true },
        (err, z) => (err ? reject(err) : resolve(z))
      )
    ).catch((e: Error) => {
      throw new UsageError({
        zh: `无法把 ${file} 读作 .xlsx 工作簿（文件可能已损坏，zip 结构无效：${e.message}）`,
        en: `cannot read ${file} as an .xlsx workbook (it may be damaged: broken zip structure: ${e.message})`,
      });
    });
    const entries = new Map<string, yauzl.Entry>();
    const order: string[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on("entry", (e: yauzl.Entry) => {
        if (order.length >= MAX_ENTRIES) {
          reject(
            new UsageError({
              zh: `${file} 含有超过 ${MAX_ENTRIES} 个部件，不像正常的工作簿，已拒绝读取。`,
              en: `${file} holds more than ${MAX_ENTRIES} parts, which no normal workbook does; refused.`,
            })
          );
          return;
        }
        // Part names are case-insensitive (OPC); keep the first spelling.
        const key = e.fileName.toLowerCase();
        if (!entries.has(key)) entries.set(key, e);
        order.push(e.fileName);
        zip.readEntry();
      });
      zip.on("end", resolve);
      zip.on("error", (e: Error) =>
        reject(
          new UsageError({
            zh: `${file} 的 zip 结构损坏：${e.message}`,
            en: `${file} has a broken zip structure: ${e.message}`,
          })
        )
      );
      zip.readEntry();
    });
    return new Package(file, zip, entries, order);
  }

  close(): void {
    this.zip.close();
  }

  /** The entry of a part name, with or without a leading "/", any case. */
  entry(name: string): yauzl.Entry | undefined {
    return this.entries.get(name.replace(/^\//, "").toLowerCase());
  }

  /** The part's uncompressed bytes as a stream, refused beyond `limit` bytes or a bomb's ratio. */
  async stream(name: string, limit: number): Promise<Readable> {
    const e = this.entry(name);
    if (!e) throw new Error(`no part ${name}`);
    const what = { zh: `部件 ${e.fileName}`, en: `part ${e.fileName}` };
    if (e.isEncrypted())
      throw new UsageError({
        zh: `${this.file} 的${what.zh}已加密，无法读取。`,
        en: `${what.en} of ${this.file} is encrypted and cannot be read.`,
      });
    if (e.uncompressedSize > limit)
      throw new UsageError({
        zh: `${this.file} 的${what.zh}解压后有 ${mb(e.uncompressedSize)}，超过上限 ${mb(limit)}，已拒绝读取。`,
        en: `${what.en} of ${this.file} unpacks to ${mb(e.uncompressedSize)}, over the ${mb(limit)} limit; refused.`,
      });
    if (e.uncompressedSize > BOMB_SIZE && e.uncompressedSize > MAX_RATIO * e.compressedSize)
      throw new UsageError({
        zh: `${this.file} 的${what.zh}压缩比异常（${Math.round(e.uncompressedSize / e.compressedSize)}:1），像是解压炸弹，已拒绝读取。`,
        en: `${what.en} of ${this.file} has an impossible compression ratio (${Math.round(e.uncompressedSize / e.compressedSize)}:1), like a decompression bomb; refused.`,
      });
    if (e.compressionMethod !== 0 && e.compressionMethod !== 8)
      throw new UsageError({
        zh: `${this.file} 的${what.zh}使用了不支持的压缩方式 ${e.compressionMethod}。`,
        en: `${what.en} of ${this.file} uses compression method ${e.compressionMethod}, which is not supported.`,
      });
    const raw = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(e, { decodeFileData: false }, (err, s) =>
        err ? reject(badPart(this.file, e, err)) : resolve(s)
      )
    );
    // Inflated here in 1 MB chunks (yauzl's own stream works in 16 KB ones, much slower on a
    // 150 MB sheet), and never beyond the size the entry declares.
    const out: Readable =
      e.compressionMethod === 8 ? raw.pipe(zlib.createInflateRaw({ chunkSize: 1 << 20 })) : raw;
    let n = 0;
    raw.on("error", (err: Error) => out.destroy(badPart(this.file, e, err)));
    out.on("data", (d: Buffer) => {
      n += d.length;
      if (n > e.uncompressedSize)
        out.destroy(badPart(this.file, e, new Error("more data than the entry declares")));
    });
    return out;
  }

  /** The whole part as text (UTF-8; a UTF-16 part with its BOM is decoded too). */
  async text(name: string, limit: number): Promise<string> {
    const chunks: Buffer[] = [];
    const s = await this.stream(name, limit);
    await new Promise<void>((resolve, reject) => {
      s.on("data", (d: Buffer) => chunks.push(d));
      s.on("end", resolve);
      // stream()'s own refusals already name the part: not wrapped twice.
      s.on("error", (err: Error) =>
        reject(err instanceof UsageError ? err : badPart(this.file, this.entry(name)!, err))
      );
    });
    return decodeXml(Buffer.concat(chunks));
  }

  /**
   * Writes a copy of the package to `out`: `replace` gives new content for existing parts (or adds
   * new ones, after the others), parts in `omit` (lower-case names) are left out; every other part
   * is copied unchanged, with its compression method.
   */
  async write(
    out: string,
    replace: Map<string, PartSource>,
    omit: ReadonlySet<string> = new Set()
  ): Promise<void> {
    const z = new yazl.ZipFile();
    const done = new Set<string>();
    for (const name of this.order) {
      const key = name.toLowerCase();
      if (done.has(key)) continue;
      done.add(key);
      if (omit.has(key) && !replace.has(key)) continue;
      const e = this.entries.get(key)!;
      if (name.endsWith("/")) continue;
      const options = { mtime: e.getLastModDate(), compress: e.compressionMethod !== 0 };
      const r = replace.get(key);
      if (r) addPart(z, name, r, options);
      else
        z.addReadStreamLazy(name, options, (cb) =>
          this.zip.openReadStream(e, (err, s) => cb(err ? badPart(this.file, e, err) : null, s))
        );
    }
    for (const [key, r] of replace)
      if (!done.has(key)) addPart(z, r.name ?? key, r, { mtime: new Date(), compress: true });
    z.end();
    await new Promise<void>((resolve, reject) => {
      const w = fs.createWriteStream(out, { flags: "wx" });
      // A part that fails to read (also after a failed write closed the input) must reject, not
      // crash the process as an unhandled 'error' event.
      z.on("error", reject);
      z.outputStream.on("error", reject);
      w.on("error", reject);
      w.on("close", resolve);
      z.outputStream.pipe(w);
    });
  }
}

/** New content of a part: text, or a stream made when the part is written. */
export interface PartSource {
  /** The part name as written in the zip (for parts added). */
  name?: string;
  text?: string;
  bytes?: Buffer;
  stream?: () => Promise<Readable>;
}

function addPart(
  z: yazl.ZipFile,
  name: string,
  r: PartSource,
  options: { mtime: Date; compress: boolean }
): void {
  if (r.bytes !== undefined) z.addBuffer(r.bytes, name, options);
  else if (r.text !== undefined) z.addBuffer(Buffer.from(r.text, "utf8"), name, options);
  else
    // A streamed part is the large one (the sheet): deflated at level 1, 4× faster than the
    // default 6 on a 190 MB sheet for a file about a third larger (measured).
    z.addReadStreamLazy(name, { ...options, compressionLevel: options.compress ? 1 : 0 }, (cb) =>
      r.stream!().then(
        (s) => cb(null, s),
        (e: unknown) => cb(e, undefined as unknown as Readable)
      )
    );
}

function mb(n: number): string {
  return `${(n / 2 ** 20).toFixed(n < 2 ** 20 ? 2 : 0)} MB`;
}

function badPart(file: string, e: yauzl.Entry, err: Error): UsageError {
  return new UsageError({
    zh: `${file} 的部件 ${e.fileName} 已损坏：${err.message}`,
    en: `part ${e.fileName} of ${file} is damaged: ${err.message}`,
  });
}

/** XML parts are UTF-8, or UTF-16 with a byte-order mark (which TextDecoder drops). */
export function decodeXml(b: Buffer): string {
  const utf16 = utf16Of(b);
  return utf16 ? new TextDecoder(utf16).decode(b) : b.toString("utf8").replace(/^\uFEFF/, "");
}

/** Decodes a stream of UTF-8 (or byte-order-marked UTF-16) chunks into text chunks (a character split across chunks is kept whole). */
export function textChunks(s: Readable, onText: (t: string) => void): Promise<void> {
  let dec: { write(b: Buffer): string; end(): string } | null = null;
  let first = true;
  return new Promise((resolve, reject) => {
    // A handler that throws (a refusal while parsing) ends the stream and rejects.
    const feed = (t: string): boolean => {
      try {
        onText(t);
        return true;
      } catch (e) {
        s.destroy();
        reject(e);
        return false;
      }
    };
    s.on("data", (d: Buffer) => {
      if (dec === null) {
        const utf16 = utf16Of(d);
        // TextDecoder drops the byte-order mark.
        const td = utf16 ? new TextDecoder(utf16) : null;
        dec = td
          ? { write: (b) => td.decode(b, { stream: true }), end: () => td.decode() }
          : new StringDecoder("utf8");
      }
      let t = dec.write(d);
      if (first && t.length > 0) {
        t = t.replace(/^\uFEFF/, "");
        first = false;
      }
      feed(t);
    });
    s.on("end", () => {
      if (feed(dec?.end() ?? "")) resolve();
    });
    s.on("error", reject);
  });
}
