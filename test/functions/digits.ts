/** Comparing spilled results with published numbers, shared by the decision-analysis function tests. */

/** Agreement to the printed digits: |actual − expected| ≤ half a unit in the last printed place. */
export function expectDigits(actual: unknown, expected: number[][], digits: number): void {
  const got = actual as number[][];
  expect(got.map((r) => r.length)).toEqual(expected.map((r) => r.length));
  expected.forEach((row, i) =>
    row.forEach((e, j) =>
      expect([i, j, Math.abs(got[i][j] - e) <= 0.5 * 10 ** -digits + 1e-12]).toEqual([i, j, true])
    )
  );
}

/** A list as a spilled column. */
export const col = (xs: number[]): number[][] => xs.map((x) => [x]);
