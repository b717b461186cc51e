/**
 * Reading a column once per distinct text. Lists repeat their words (stages, places, chains, yes/no,
 * often amounts), so a column's reader remembers what each distinct string gave it. A column whose
 * first texts barely repeat (project names) stops remembering: it then costs no map lookups and no
 * memory. One memo lives for one column of one scoring run, so nothing outlives the table.
 */
import { CellValue } from "./types";

/** After this many distinct texts, a column with fewer than MIN_REPEATS repeats stops remembering. */
const TRIAL = 2048;
const MIN_REPEATS = 256;

export class TextMemo<T> {
  private memo: Map<string, T> | null = new Map();
  private misses = 0;
  private repeats = 0;

  constructor(private readonly read: (text: string) => T) {}

  get(text: string): T {
    const memo = this.memo;
    if (memo === null) return this.read(text);
    if (memo.has(text)) {
      this.repeats++;
      return memo.get(text) as T;
    }
    const v = this.read(text);
    memo.set(text, v);
    if (++this.misses === TRIAL && this.repeats < MIN_REPEATS) this.memo = null;
    return v;
  }
}

/**
 * `read` of cells 0…count−1 into `out` (a missing cell is null), each distinct string read once while
 * the column's strings repeat; numbers, booleans and blanks are read as they come.
 */
export function readColumn<T>(
  cells: readonly (CellValue | undefined)[] | undefined,
  count: number,
  read: (cell: CellValue) => T,
  out: { [i: number]: T }
): void {
  const memo = new TextMemo<T>(read);
  for (let i = 0; i < count; i++) {
    const c = cells?.[i] ?? null;
    out[i] = typeof c === "string" ? memo.get(c) : read(c);
  }
}
