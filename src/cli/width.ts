/** Terminal text that lines up with Chinese: East Asian wide and fullwidth characters take two columns. */
import { charWidth, displayWidth } from "../workbook/width";

export { displayWidth };

/** Cuts to at most `max` columns, marking the cut with "…". */
export function truncate(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = "";
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

export function pad(s: string, width: number, align: "left" | "right" = "left"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return align === "left" ? s + fill : fill + s;
}

/** Rows of cells as aligned text; `right` marks right-aligned columns (numbers). */
export function formatTable(header: string[], rows: string[][], right: boolean[] = []): string {
  const widths = header.map((h, c) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? "")))
  );
  const line = (cells: string[]) =>
    cells
      .map((v, c) => pad(v, widths[c], right[c] ? "right" : "left"))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
