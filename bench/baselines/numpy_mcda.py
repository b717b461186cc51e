"""Vectorised numpy TOPSIS, VIKOR and weighted sum: the baseline the worksheet functions are held to
(issue 16). Reads a float64 matrix (rows x cols, row-major) and its weights and types from the files
named on the command line, times each method's computation (not the file read) and prints JSON:
{"numpy": version, "topsis": {"ms": median, "head": first values}, ...}.
"""
import json
import sys
import time

import numpy as np


def topsis(x, w, types):
    """Hwang & Yoon: vector normalisation, closeness to the ideal."""
    v = x / np.sqrt((x * x).sum(axis=0)) * w
    ideal = np.where(types > 0, v.max(axis=0), v.min(axis=0))
    anti = np.where(types > 0, v.min(axis=0), v.max(axis=0))
    d_plus = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    d_minus = np.sqrt(((v - anti) ** 2).sum(axis=1))
    return d_minus / (d_plus + d_minus)


def vikor(x, w, types, v=0.5):
    """Opricovic & Tzeng: S, R, Q (lower is better)."""
    best = np.where(types > 0, x.max(axis=0), x.min(axis=0))
    worst = np.where(types > 0, x.min(axis=0), x.max(axis=0))
    d = w * (best - x) / (best - worst)
    s = d.sum(axis=1)
    r = d.max(axis=1)
    q = v * (s - s.min()) / (s.max() - s.min()) + (1 - v) * (r - r.min()) / (r.max() - r.min())
    return q


def wsum(x, w, types):
    """Weighted sum over min-max normalised criteria."""
    lo, hi = x.min(axis=0), x.max(axis=0)
    n = np.where(types > 0, (x - lo) / (hi - lo), (hi - x) / (hi - lo))
    return n @ w


def main():
    matrix_file, rows, cols, weights, types, runs = sys.argv[1:7]
    rows, cols, runs = int(rows), int(cols), int(runs)
    x = np.fromfile(matrix_file, dtype=np.float64).reshape(rows, cols)
    w = np.array([float(s) for s in weights.split(",")])
    w = w / w.sum()
    t = np.array([int(s) for s in types.split(",")])
    out = {"numpy": np.__version__}
    for name, f in (("topsis", topsis), ("vikor", vikor), ("wsum", wsum)):
        f(x, w, t)  # warm-up
        samples = []
        for _ in range(runs):
            t0 = time.perf_counter()
            result = f(x, w, t)
            samples.append((time.perf_counter() - t0) * 1000)
        out[name] = {"ms": float(np.median(samples)), "head": result[:5].tolist()}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
