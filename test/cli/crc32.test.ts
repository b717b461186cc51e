/** The CLI bundle's stand-in for buffer-crc32 (scripts/crc32-zlib.js) gives buffer-crc32's values. */
import { Buffer } from "buffer";
import fc from "fast-check";

/** What yazl uses of buffer-crc32 (it has no type declarations). */
type Crc32 = ((buf: Buffer | string, previous?: number) => Buffer) & {
  unsigned(buf: Buffer | string, previous?: number): number;
};
/* eslint-disable @typescript-eslint/no-require-imports */
const original = require("buffer-crc32") as Crc32;
const standIn = require("../../scripts/crc32-zlib.js") as Crc32;
/* eslint-enable @typescript-eslint/no-require-imports */

test("property: checksums of whole buffers and of chunks chained as yazl chains them are buffer-crc32's", () => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 6 }), (chunks) => {
      let ours = 0;
      let theirs = 0;
      for (const c of chunks) {
        ours = standIn.unsigned(Buffer.from(c), ours);
        theirs = original.unsigned(Buffer.from(c), theirs);
      }
      expect(ours).toBe(theirs);
      const all = Buffer.concat(chunks.map((c) => Buffer.from(c)));
      expect(standIn.unsigned(all)).toBe(original.unsigned(all));
      expect(standIn(all).equals(original(all))).toBe(true);
    }),
    { numRuns: 300 }
  );
  // The check value of CRC-32 (ISO-HDLC).
  expect(standIn.unsigned(Buffer.from("123456789"))).toBe(0xcbf43926);
  expect(standIn.unsigned("123456789")).toBe(0xcbf43926);
});
