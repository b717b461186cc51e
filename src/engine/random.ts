/**
 * Seeded pseudo-random numbers: the same seed gives the same sequence on every platform, so that
 * Monte Carlo results (weight perturbation) can be reproduced and tested.
 * Generator: xoshiro128** (Blackman & Vigna), state filled from the seed by splitmix32.
 */

export interface Rng {
  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Gamma(shape, 1); shape > 0. */
  gamma(shape: number): number;
  /**
   * Dirichlet(alpha) into `out` (a new array when omitted). A zero alpha gives a zero component;
   * at least one alpha must be positive.
   */
  dirichlet(alpha: ArrayLike<number>, out?: Float64Array): Float64Array;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Folds any number (fractions, negatives, beyond 2^32) into a 32-bit seed, deterministically. */
function seedBits(seed: number): number {
  if (!Number.isFinite(seed))
    throw new RangeError(`random: seed must be a finite number, got ${seed}`);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, seed);
  return (view.getUint32(0) ^ Math.imul(view.getUint32(4), 0x9e3779b1)) >>> 0;
}

/**
 * The raw xoshiro128** generator over a 128-bit state (four 32-bit words, not all zero): each call
 * returns the next unsigned 32-bit output.
 */
export function xoshiro128ss(state: readonly [number, number, number, number]): () => number {
  let [a, b, c, d] = state.map((x) => x >>> 0);
  if ((a | b | c | d) === 0)
    throw new RangeError("random: the xoshiro128** state must not be all zero");
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
}

/** A generator seeded with `seed` (any finite number). */
export function createRng(seed: number): Rng {
  const mix = splitmix32(seedBits(seed));
  const state: [number, number, number, number] = [mix(), mix(), mix(), mix()];
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  const nextUint32 = xoshiro128ss(state);
  const next = (): number => nextUint32() / 4294967296;

  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    // Marsaglia polar method: two normals per accepted pair.
    let u: number, v: number, s: number;
    do {
      u = 2 * next() - 1;
      v = 2 * next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * f;
    return u * f;
  };

  const gamma = (shape: number): number => {
    if (!(shape > 0 && Number.isFinite(shape))) {
      throw new RangeError(`random: gamma shape must be a finite number > 0, got ${shape}`);
    }
    if (shape < 1) {
      // Boost: Gamma(k) = Gamma(k + 1) · U^(1/k).
      return gamma(shape + 1) * Math.pow(1 - next(), 1 / shape);
    }
    // Marsaglia & Tsang (2000).
    const dd = shape - 1 / 3;
    const cc = 1 / Math.sqrt(9 * dd);
    for (;;) {
      let x: number, v: number;
      do {
        x = normal();
        v = 1 + cc * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - next();
      if (
        u < 1 - 0.0331 * x * x * x * x ||
        Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))
      ) {
        return dd * v;
      }
    }
  };

  const dirichlet = (
    alpha: ArrayLike<number>,
    out: Float64Array = new Float64Array(alpha.length)
  ): Float64Array => {
    let sum = 0;
    for (let i = 0; i < alpha.length; i++) {
      const ai = alpha[i];
      if (!(ai >= 0 && Number.isFinite(ai))) {
        throw new RangeError(
          `random: Dirichlet alpha[${i}] must be a finite number ≥ 0, got ${ai}`
        );
      }
      out[i] = ai === 0 ? 0 : gamma(ai);
      sum += out[i];
    }
    if (!(sum > 0)) throw new RangeError("random: Dirichlet needs at least one alpha > 0");
    for (let i = 0; i < alpha.length; i++) out[i] /= sum;
    return out;
  };

  return { next, normal, gamma, dirichlet };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
