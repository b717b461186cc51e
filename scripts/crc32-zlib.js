/* eslint-disable no-undef */
// Stands in for buffer-crc32 in the CLI bundle (webpack.config.js): yazl checksums every part it
// writes with buffer-crc32's JavaScript loop, 27× slower than zlib's own crc32 (Node ≥ 20.15) on
// the 26 MB result sheet of 10 000 rows (186 vs 6.8 ms, measured). Same values (test/cli/crc32.test.ts);
// the original where zlib has no crc32, or for arguments zlib does not take.
const zlib = require("zlib");
const original = require("buffer-crc32/index.js");

function withZlib() {
  const crc32 = Object.assign((...args) => original(...args), original);
  crc32.unsigned = (buf, previous) =>
    Buffer.isBuffer(buf) && (previous === undefined || Number.isInteger(previous))
      ? zlib.crc32(buf, (previous ?? 0) >>> 0)
      : original.unsigned(buf, previous);
  return crc32;
}

module.exports = typeof zlib.crc32 === "function" ? withZlib() : original;
