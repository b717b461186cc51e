/**
 * Reading a column once per distinct text. Lists repeat their words (stages, places, chains, yes/no,
 * sometimes amounts), so a column's reader remembers what each distinct string gave it. A column
 * whose first texts repeat less than a third of the time (project names, most amount columns) stops
 * remembering: a lookup that misses costs about what reading the text does, so such a column only
 * loses by it. It then costs no map lookups and no memory. A reader lives as long as its scorer (one
 * table, or one compiled row path across calls), so what it remembers is capped.
 */
import { CellValue } from "./types";

/** After this many distinct texts, a memo with fewer repeats (a third of its lookups) stops. */
const TRIAL = 2048;
const MIN_REPEATS = 1024;
/** At most this many texts are remembered; then the memo starts again. */
const CAPACITY = 1 << 16;

export class TextMemo<T extends {} | null> {
  private memo: Map<string, T> | null = new Map();
  private misses = 0;
  private repeats = 0;

  constructor(private readonly read: (text: string) => T) {}

  /** Whether lookups still remember (a caller may then read texts itself, without the memo's object). */
  get remembers(): boolean {
    return this.memo !== null;
  }

  get(text: string): T {
    const memo = this.memo;
    if (memo === null) return this.read(text);
    // Readers never give undefined: one lookup tells a hit.
    const hit = memo.get(text);
    if (hit !== undefined) {
      this.repeats++;
      return hit;
    }
    const v = this.read(text);
    if (memo.size === CAPACITY) memo.clear();
    memo.set(text, v);
    if (++this.misses === TRIAL && this.repeats < MIN_REPEATS) this.memo = null;
    return v;
  }
}

/** A column's reader: `read` of every cell, each distinct string read once while strings repeat. */
export class ColumnReader<T extends {} | null> {
  private readonly memo: TextMemo<T>;

  constructor(private readonly read: (cell: CellValue) => T) {
    this.memo = new TextMemo<T>(read);
  }

  /** Cells 0…count−1 read into `out` (a missing cell is null); numbers, booleans and blanks as they come. */
  into(
    cells: readonly (CellValue | undefined)[] | undefined,
    count: number,
    out: { [i: number]: T }
  ): void {
    for (let i = 0; i < count; i++) out[i] = this.cell(cells?.[i] ?? null);
  }

  cell(c: CellValue): T {
    return typeof c === "string" ? this.memo.get(c) : this.read(c);
  }
}
