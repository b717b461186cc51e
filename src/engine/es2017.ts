/**
 * ES2019 helpers written for ES2017: the functions bundle runs in Excel's JavaScript-only runtime, whose
 * language level Microsoft does not document, so it is built against lib ES2017 (webpack.config.js) and
 * a test loads it with the newer built-ins removed.
 */

/** Object.fromEntries. */
export function fromEntries<V>(entries: Iterable<readonly [string, V]>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/** Array.prototype.flatMap. */
export function flatMap<T, U>(
  items: readonly T[],
  f: (item: T, index: number) => readonly U[]
): U[] {
  const out: U[] = [];
  items.forEach((item, i) => {
    for (const u of f(item, i)) out.push(u);
  });
  return out;
}
