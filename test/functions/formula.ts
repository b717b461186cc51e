/**
 * Reads the worksheet formulas and results written in docs/functions.md: `=ZS.NAME(arg, …)` with Excel
 * literals — "text", numbers, TRUE/FALSE, array constants {1,2;3,4}, omitted arguments — so the doc's
 * examples can be run through the bundle and checked.
 */
export type Value = string | number | boolean | null | Value[][];

/** Splits at `sep` outside quotes and braces. */
function splitTop(s: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "{") depth++;
    else if (!quoted && c === "}") depth--;
    else if (!quoted && depth === 0 && c === sep) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

/** One literal: "text" (with "" for a quote), a number, TRUE/FALSE, an array constant, or nothing (null). */
export function parseLiteral(raw: string): Value {
  const s = raw.trim();
  if (s === "") return null;
  if (s.startsWith('"') && s.endsWith('"')) return s.slice(1, -1).replace(/""/g, '"');
  if (s.startsWith("{") && s.endsWith("}")) {
    return splitTop(s.slice(1, -1), ";").map((row) =>
      splitTop(row, ",").map((cell) => parseLiteral(cell) as Value)
    );
  }
  if (/^(TRUE|FALSE)$/i.test(s)) return s.toUpperCase() === "TRUE";
  const n = Number(s);
  if (s !== "" && Number.isFinite(n)) return n;
  throw new Error(`cannot read the literal ${s}`);
}

/** `=ZS.NAME(a, b, …)` → the function id and its arguments. */
export function parseFormula(formula: string): { id: string; args: Value[] } {
  const m = /^=ZS\.([A-Z][A-Z0-9.]*)\((.*)\)$/s.exec(formula.trim());
  if (!m) throw new Error(`not a ZS formula: ${formula}`);
  const inner = m[2].trim();
  return { id: m[1], args: inner === "" ? [] : splitTop(inner, ",").map(parseLiteral) };
}

/** A value written as the doc writes results. */
export function formatValue(v: unknown): string {
  if (Array.isArray(v))
    return `{${v.map((row: unknown[]) => row.map(formatValue).join(",")).join(";")}}`;
  if (typeof v === "string") return `"${v.replace(/"/g, '""')}"`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}
