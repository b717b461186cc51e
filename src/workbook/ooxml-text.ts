/** Text in .xlsx parts, as the CLI's and the preview's readers both decode it. */

/**
 * Text in .xlsx cells (ECMA-376 Part 1 §22.9.2.19 ST_Xstring): a character XML cannot carry is
 * written as _xHHHH_ (UTF-16 code unit in hex), and a literal "_x" that would read as one has its
 * underscore written _x005F_. Excel writes the CR of a CR LF line break in a cell as _x000D_;
 * that pair reads as the LF alone, the line break Excel itself puts in a cell (Alt+Enter), as
 * LibreOffice reads it.
 */
export function decodeXstring(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  // Only an escaped CR before a LF is dropped: a CR LF the cell holds as characters (&#13;&#10;) stays.
  return s.replace(/_x000[Dd]_(?=\n)|_x([0-9A-Fa-f]{4})_/g, (_, hex?: string) =>
    hex === undefined ? "" : String.fromCharCode(parseInt(hex, 16))
  );
}

/**
 * The inverse of decodeXstring, for text a writer puts in a cell: characters XML cannot carry (C0
 * controls but tab and LF, CR, U+FFFE/FFFF) become _xHHHH_, and a literal _xHHHH_ in the text gets
 * its underscore written _x005F_, so Excel shows the text as the user typed it.
 */
export function encodeXstring(s: string): string {
  return s.replace(
    // eslint-disable-next-line no-control-regex
    /_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g,
    (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
  );
}

/** The UTF-16 encoding a part's first bytes declare by their byte-order mark, if any (else UTF-8). */
export function utf16Of(b: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  return null;
}
