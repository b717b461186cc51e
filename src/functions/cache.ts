/**
 * Work reused across cells: Excel calls a function once per cell with a fresh copy of every range, so a
 * model range or a header row is recognised by its content. Lookup compares cells directly (no
 * serialisation): a hit costs one pass of === over the range, far cheaper than parsing a model again.
 */

/** Local alias: in a sandboxed runtime (a vm context) every global lookup can cost a host call. */
const { isArray } = Array;

/** A small most-recently-used cache keyed by the content of a range. */
export class RangeCache<T> {
  private entries: { cells: unknown[][]; value: T }[] = [];

  constructor(private readonly capacity: number) {}

  /**
   * The value built from a range with the same content, else `build(range)` (kept, evicting the least
   * recent). A row that is not an array stands for a one-cell row, so a hit needs no normalised copy.
   */
  get(range: unknown[][], build: (range: unknown[][]) => T): T {
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i];
      if (!sameCells(e.cells, range)) continue;
      if (i > 0) {
        this.entries.splice(i, 1);
        this.entries.unshift(e);
      }
      return e.value;
    }
    const value = build(range);
    // Copy: the caller's arrays are not ours to keep.
    this.entries.unshift({ cells: range.map((r) => (isArray(r) ? r.slice() : [r])), value });
    if (this.entries.length > this.capacity) this.entries.pop();
    return value;
  }

  get size(): number {
    return this.entries.length;
  }
}

/** Blank cells come as "" or null depending on the host: both mean empty. */
function same(a: unknown, b: unknown): boolean {
  return (
    a === b ||
    ((a === "" || a === null || a === undefined) && (b === "" || b === null || b === undefined))
  );
}

function sameCells(a: unknown[][], b: unknown[][]): boolean {
  if (a.length !== b.length) return false;
  for (let r = a.length - 1; r >= 0; r--) {
    const x = a[r];
    const y = b[r];
    if (!isArray(y)) {
      if (x.length !== 1 || !same(x[0], y)) return false;
      continue;
    }
    if (x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) if (!same(x[c], y[c])) return false;
  }
  return true;
}

/** Caches hung on an object (one per compiled model), dropped with it. */
export class KeyedRangeCache<K extends object, T> {
  private readonly byKey = new WeakMap<K, RangeCache<T>>();

  constructor(private readonly capacity: number) {}

  get(key: K, range: unknown[][], build: (range: unknown[][]) => T): T {
    let cache = this.byKey.get(key);
    if (!cache) {
      cache = new RangeCache<T>(this.capacity);
      this.byKey.set(key, cache);
    }
    return cache.get(range, build);
  }
}
