"""Vectorised numpy versions of the MCDA worksheet functions: the baseline they are held to (issues 16
and 17). Each follows the ZS function's defaults (docs/functions.md) so that both give the same numbers,
and returns what the worksheet function returns (ZS.VIKOR: S, R and Q).

Usage: numpy_mcda.py MATRIX_FILE ROWS COLS WEIGHTS TYPES
Reads a float64 matrix (rows x cols, row-major) and its weights and types, prints {"numpy": version}, then
serves one timed run per line read: METHOD or METHOD:ROWS (the first ROWS rows; the O(n^2) methods are
given fewer) prints {"ms": wall, "cpu": processor time, "head": first values} of that one run. The bench
asks for a numpy run just before each of its own, so both sides are timed under the same load.
"""
import json
import sys
import time

import numpy as np


def minmax(x, types):
    """(x - min)/(max - min), (max - x)/(max - min) for cost; a constant column gives 1."""
    lo, hi = x.min(axis=0), x.max(axis=0)
    span = hi - lo
    safe = np.where(span > 0, span, 1.0)
    r = np.where(types > 0, (x - lo) / safe, (hi - x) / safe)
    return np.where(span > 0, r, 1.0)


def linear(x, types):
    """x / max, min / x for cost."""
    return np.where(types > 0, x / x.max(axis=0), x.min(axis=0) / x)


def topsis(x, w, types):
    """Hwang & Yoon: vector normalisation, closeness to the ideal."""
    v = x / np.sqrt((x * x).sum(axis=0)) * w
    ideal = np.where(types > 0, v.max(axis=0), v.min(axis=0))
    anti = np.where(types > 0, v.min(axis=0), v.max(axis=0))
    d_plus = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    d_minus = np.sqrt(((v - anti) ** 2).sum(axis=1))
    return d_minus / (d_plus + d_minus)


def vikor(x, w, types, v=0.5):
    """Opricovic & Tzeng: S, R and Q (lower is better), as the three columns ZS.VIKOR returns."""
    best = np.where(types > 0, x.max(axis=0), x.min(axis=0))
    worst = np.where(types > 0, x.min(axis=0), x.max(axis=0))
    d = w * (best - x) / (best - worst)
    s = d.sum(axis=1)
    r = d.max(axis=1)
    q = v * (s - s.min()) / (s.max() - s.min()) + (1 - v) * (r - r.min()) / (r.max() - r.min())
    return np.column_stack((s, r, q))


def wsum(x, w, types):
    """Weighted sum over min-max normalised criteria."""
    return minmax(x, types) @ w


def wpm(x, w, types):
    """Weighted product over x/max, min/x."""
    return np.exp(np.log(linear(x, types)) @ w)


def waspas(x, w, types, lam=0.5):
    n = linear(x, types)
    return lam * (n @ w) + (1 - lam) * np.exp(np.log(n) @ w)


def edas(x, w, types):
    avg = x.mean(axis=0)
    d = types * (x - avg) / np.abs(avg)
    sp = (np.maximum(d, 0) * w).sum(axis=1)
    sn = (np.maximum(-d, 0) * w).sum(axis=1)
    return (sp / sp.max() + 1 - sn / sn.max()) / 2


def moora(x, w, types):
    """Ratio system: vector-normalised, weighted, benefits minus costs."""
    return (x / np.sqrt((x * x).sum(axis=0))) @ (w * types)


def copras(x, w, types):
    d = x / x.sum(axis=0) * w
    s_plus = d[:, types > 0].sum(axis=1)
    s_minus = d[:, types < 0].sum(axis=1)
    q = s_plus + s_minus.sum() / (s_minus * (1 / s_minus).sum())
    return q / q.max()


def mabac(x, w, types):
    v = w * (minmax(x, types) + 1)
    g = np.exp(np.log(v).mean(axis=0))
    return (v - g).sum(axis=1)


def aras(x, w, types):
    y = np.where(types > 0, x, 1 / x)
    best = np.where(types > 0, y.max(axis=0), y.max(axis=0))
    c = w / (y.sum(axis=0) + best)
    return (y @ c) / (best @ c)


def codas(x, w, types, tau=0.02):
    """O(n^2): every pair's Euclidean and taxicab differences."""
    r = linear(x, types) * w
    d = r - r.min(axis=0)
    e = np.sqrt((d * d).sum(axis=1))
    t = np.abs(d).sum(axis=1)
    de = e[:, None] - e[None, :]
    dt = t[:, None] - t[None, :]
    return (de + (np.abs(de) >= tau) * dt).sum(axis=1)


def marcos(x, w, types):
    n = linear(x, types)
    s = n @ w
    s_ai = w.sum()
    s_aai = n.min(axis=0) @ w
    k_minus, k_plus = s / s_aai, s / s_ai
    f_plus = k_minus / (k_plus + k_minus)
    f_minus = k_plus / (k_plus + k_minus)
    return (k_plus + k_minus) / (1 + (1 - f_plus) / f_plus + (1 - f_minus) / f_minus)


def spotis(x, w, types):
    lo, hi = x.min(axis=0), x.max(axis=0)
    esp = np.where(types > 0, hi, lo)
    return (np.abs(x - esp) / (hi - lo)) @ w


def cocoso(x, w, types, lam=0.5):
    r = minmax(x, types)
    s = r @ w
    p = (r**w).sum(axis=1)
    ka = (p + s) / (p + s).sum()
    kb = s / s.min() + p / p.min()
    kc = (lam * s + (1 - lam) * p) / (lam * s.max() + (1 - lam) * p.max())
    return np.cbrt(ka * kb * kc) + (ka + kb + kc) / 3


def promethee(x, w, types):
    """PROMETHEE II, usual preference function: O(n^2 m)."""
    n = len(x)
    pi = np.zeros((n, n))
    for j in range(x.shape[1]):
        d = types[j] * (x[:, j][:, None] - x[:, j][None, :])
        pi += w[j] * (d > 0)
    return (pi.sum(axis=1) - pi.sum(axis=0)) / (n - 1)


def multimoora(x, w, types):
    """Ratio system, reference point, full multiplicative form, and the final rank by dominance
    (better in 2 of the 3; Copeland score; ties share the best rank): O(n^2)."""
    n = x / np.sqrt((x * x).sum(axis=0))
    ratio = n @ (w * types)
    v = n * w
    ref = np.where(types > 0, v.max(axis=0), v.min(axis=0))
    point = np.abs(v - ref).max(axis=1)
    u = np.exp(np.log(v[:, types > 0]).sum(axis=1) - np.log(v[:, types < 0]).sum(axis=1))
    wins = (
        (ratio[:, None] > ratio[None, :]).astype(int)
        + (point[:, None] < point[None, :])
        + (u[:, None] > u[None, :])
    )
    dominates = wins >= 2
    score = dominates.sum(axis=1) - dominates.sum(axis=0)
    rank = 1 + (score[None, :] > score[:, None]).sum(axis=1)
    return np.column_stack((ratio, point, u, rank))


def entropy(x, w, types):
    p = x / x.sum(axis=0)
    e = -(p * np.log(p)).sum(axis=0) / np.log(len(x))
    return (1 - e) / (1 - e).sum()


def critic(x, w, types):
    r = minmax(x, types)
    c = r.std(axis=0, ddof=1) * (1 - np.corrcoef(r, rowvar=False)).sum(axis=0)
    return c / c.sum()


def merec(x, w, types):
    n = np.where(types > 0, x.min(axis=0) / x, x / x.max(axis=0))
    a = np.abs(np.log(n))
    m = x.shape[1]
    s = np.log(1 + a.sum(axis=1) / m)
    e = np.abs(np.log(1 + (a.sum(axis=1)[:, None] - a) / m) - s[:, None]).sum(axis=0)
    return e / e.sum()


def stdweights(x, w, types):
    sd = x.std(axis=0, ddof=1)
    return sd / sd.sum()


METHODS = {
    f.__name__: f
    for f in (topsis, vikor, wsum, wpm, waspas, edas, moora, copras, mabac, aras, codas, marcos,
              spotis, cocoso, promethee, multimoora, entropy, critic, merec, stdweights)
}


def head(name, result, cols):
    """Scores: the first five alternatives (ZS.VIKOR's Q, MULTIMOORA's four); weights: all of them."""
    if name == "vikor":
        return result[:5, -1]
    return result[:5] if result.ndim > 1 or len(result) > cols else result


def main():
    matrix_file, rows, cols, weights, types = sys.argv[1:6]
    rows, cols = int(rows), int(cols)
    x = np.fromfile(matrix_file, dtype=np.float64).reshape(rows, cols)
    w = np.array([float(s) for s in weights.split(",")])
    w = w / w.sum()
    t = np.array([int(s) for s in types.split(",")])
    print(json.dumps({"numpy": np.__version__}), flush=True)
    for line in sys.stdin:
        spec = line.strip()
        name, _, n = spec.partition(":")
        f, sub = METHODS[name], x[: int(n)] if n else x
        c0, t0 = time.process_time(), time.perf_counter()
        result = f(sub, w, t)
        ms, cpu = (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000
        out = {"ms": ms, "cpu": cpu, "head": np.asarray(head(name, result, cols)).tolist()}
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
