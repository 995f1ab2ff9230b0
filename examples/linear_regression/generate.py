#!/usr/bin/env python3
"""Simulates the linear regression data set shipped as data.json.

Standard library only, with a fixed seed, so running it again rewrites data.json byte
for byte:  python3 generate.py > data.json
"""
import random

SEED = 20240611
N, K = 100, 3
ALPHA = 1.0                  # true intercept
BETA = [2.0, -1.0, 0.5]      # true coefficients
SIGMA = 0.7                  # true noise sd


def fmt(x):
    # four decimals are plenty for simulated data, and keep the file readable;
    # repr of a rounded float always has a '.', so every value reads as real
    return repr(round(x, 4) + 0.0)


def main():
    rng = random.Random(SEED)
    X = [[rng.gauss(0.0, 1.0) for _ in range(K)] for _ in range(N)]
    y = [ALPHA + sum(b * x for b, x in zip(BETA, row)) + rng.gauss(0.0, SIGMA) for row in X]
    rows = ",\n    ".join("[" + ", ".join(fmt(v) for v in row) + "]" for row in X)
    print("{")
    print(f'  "N": {N},')
    print(f'  "K": {K},')
    print(f'  "X": [\n    {rows}\n  ],')
    print('  "y": [' + ", ".join(fmt(v) for v in y) + "]")
    print("}")


if __name__ == "__main__":
    main()
