import fc from "fast-check";
import { createRng, xoshiro128ss } from "../../src/engine/random";

function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

function variance(xs: number[]): number {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}

function draw(n: number, f: () => number): number[] {
  return Array.from({ length: n }, f);
}

describe("xoshiro128**", () => {
  test("matches the reference implementation from state {1, 2, 3, 4}", () => {
    // First outputs of the reference xoshiro128starstar.c (prng.di.unimi.it) from s = {1, 2, 3, 4},
    // traced by hand through its next(): rotl(s[1] * 5, 7) * 9 = 11520, then 0, 5927040, 70819200.
    const next = xoshiro128ss([1, 2, 3, 4]);
    expect([next(), next(), next(), next()]).toEqual([11520, 0, 5927040, 70819200]);
  });

  test("an all-zero state is refused", () => {
    expect(() => xoshiro128ss([0, 0, 0, 0])).toThrow(/all zero/);
  });
});

/** a · b mod 2³² from 16-bit halves (no Math.imul), for the oracle below. */
function mul32(a: number, b: number): number {
  const lo = (a & 0xffff) * b;
  const hi = (((a >>> 16) * (b & 0xffff)) & 0xffff) * 0x10000;
  return (lo + hi) % 4294967296;
}

/**
 * The seeding as documented, written independently: splitmix32 (a Weyl sequence stepping by 0x9e3779b9,
 * each step through MurmurHash3's fmix32 finaliser, Appleby) from the seed's 32-bit fold.
 */
function seededState(fold: number): [number, number, number, number] {
  const out: number[] = [];
  let s = fold;
  for (let k = 0; k < 4; k++) {
    s = (s + 0x9e3779b9) % 4294967296;
    let z = mul32((s ^ (s >>> 16)) >>> 0, 0x85ebca6b);
    z = mul32((z ^ (z >>> 13)) >>> 0, 0xc2b2ae35);
    out.push((z ^ (z >>> 16)) >>> 0);
  }
  return out as [number, number, number, number];
}

describe("createRng", () => {
  test.each([
    // 42 is 0x4045000000000000 as a double: the fold is its high word.
    [42, 0x40450000],
    // 0.1 is 0x3FB999999999999A: high word XOR (low word · 0x9e3779b1 mod 2³²).
    [0.1, (0x3fb99999 ^ mul32(0x9999999a, 0x9e3779b1)) >>> 0],
  ])("seed %p: splitmix32 from the seed's fold, then xoshiro128**", (seed, fold) => {
    const reference = xoshiro128ss(seededState(fold));
    const rng = createRng(seed);
    for (let k = 0; k < 8; k++) expect(rng.next() * 4294967296).toBe(reference());
  });

  test("the same seed gives the same sequence; another seed a different one", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = draw(20, () => a.next());
    expect(draw(20, () => b.next())).toEqual(sa);
    expect(draw(20, () => c.next())).not.toEqual(sa);
  });

  test("fractional, negative and large seeds are accepted and distinct", () => {
    const firsts = [0, -1, 0.5, 2 ** 40, 1].map((s) => createRng(s).next());
    expect(new Set(firsts).size).toBe(firsts.length);
    expect(() => createRng(NaN)).toThrow(/seed/);
  });

  test("uniform draws lie in [0, 1) with mean ≈ 1/2 and variance ≈ 1/12", () => {
    const rng = createRng(1);
    const xs = draw(20000, () => rng.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(mean(xs)).toBeCloseTo(0.5, 2);
    expect(variance(xs)).toBeCloseTo(1 / 12, 2);
  });

  test("normal draws have mean ≈ 0 and variance ≈ 1", () => {
    const rng = createRng(2);
    const xs = draw(20000, () => rng.normal());
    expect(Math.abs(mean(xs))).toBeLessThan(0.03);
    expect(Math.abs(variance(xs) - 1)).toBeLessThan(0.04);
  });

  test.each([0.3, 1, 2.5, 40])("gamma(%p) has mean ≈ shape and variance ≈ shape", (shape) => {
    const rng = createRng(3);
    const xs = draw(20000, () => rng.gamma(shape));
    expect(Math.min(...xs)).toBeGreaterThan(0);
    expect(Math.abs(mean(xs) / shape - 1)).toBeLessThan(0.04);
    expect(Math.abs(variance(xs) / shape - 1)).toBeLessThan(0.08);
  });

  test("gamma refuses a non-positive shape", () => {
    expect(() => createRng(1).gamma(0)).toThrow(/shape/);
    expect(() => createRng(1).gamma(-2)).toThrow(/shape/);
  });

  test("Dirichlet draws sum to 1 and have mean alpha / sum(alpha)", () => {
    const rng = createRng(4);
    const alpha = [2, 5, 3];
    const sums = [0, 0, 0];
    const n = 10000;
    for (let k = 0; k < n; k++) {
      const w = rng.dirichlet(alpha);
      expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
      w.forEach((x, i) => (sums[i] += x));
    }
    sums.forEach((s, i) => expect(s / n).toBeCloseTo(alpha[i] / 10, 2));
  });

  test("Dirichlet into a longer array writes only its own components", () => {
    const out = new Float64Array([7, 7, 7, 7]);
    createRng(6).dirichlet([1, 2, 3], out);
    expect(out[0] + out[1] + out[2]).toBeCloseTo(1, 12);
    expect(out[3]).toBe(7);
  });

  test("Dirichlet keeps zero components at zero and refuses bad alpha", () => {
    const rng = createRng(5);
    expect(rng.dirichlet([0, 1, 1])[0]).toBe(0);
    expect(() => rng.dirichlet([0, 0])).toThrow(/alpha > 0/);
    expect(() => rng.dirichlet([1, -1])).toThrow(/alpha\[1\]/);
  });

  test("property: every seed reproduces its own sequence", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = createRng(seed);
        const b = createRng(seed);
        for (let k = 0; k < 5; k++) expect(a.gamma(1.5)).toBe(b.gamma(1.5));
      })
    );
  });
});
