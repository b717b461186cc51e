/**
 * How our own cells are recognised on the next run: every header we write ends in a marker
 * "[ZS:key]" whose key does not depend on the language, so a rerun in English finds the columns
 * a Chinese run wrote.
 */
import type { CellValue } from "../engine/types";

const MARKER = /\s*\[ZS:([A-Za-z0-9_.-]+)\]\s*$/;

export function markedHeader(label: string, key: string): string {
  return `${label} [ZS:${key}]`;
}

/** The result key of a header we wrote, or null. */
export function markerKey(v: CellValue | undefined): string | null {
  if (typeof v !== "string") return null;
  const m = MARKER.exec(v);
  return m ? m[1] : null;
}

/** Keys carry only safe characters: model ids may hold anything. */
export function safeKey(id: string): string {
  return id.replace(/[^A-Za-z0-9_.-]/g, "_");
}
