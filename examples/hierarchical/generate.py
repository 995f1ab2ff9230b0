#!/usr/bin/env python3
"""Simulates the varying-intercept data set shipped as data.json.

Radon-style: N observations in J groups (counties), each group with its own intercept
alpha[j] ~ normal(MU_ALPHA, SIGMA_ALPHA), a common slope BETA on a predictor x, and
noise SIGMA. Group sizes are unequal, as in real surveys, so some intercepts are
estimated from a handful of observations and are pulled toward MU_ALPHA.

Standard library only, with a fixed seed, so running it again rewrites data.json byte
for byte:  python3 generate.py > data.json
The drawn intercepts are printed to stderr:  python3 generate.py 2>&1 >/dev/null
"""
import random
import sys

SEED = 2024
J, N = 10, 200
MU_ALPHA = 1.0       # mean of the group intercepts
SIGMA_ALPHA = 0.8    # spread of the group intercepts
BETA = -0.6          # common slope
SIGMA = 0.5          # noise sd
MIN_PER_GROUP = 4


def fmt(x):
    # repr of a rounded float always has a '.', so every value reads as real
    return repr(round(x, 4) + 0.0)


def main():
    rng = random.Random(SEED)
    alpha = [rng.gauss(MU_ALPHA, SIGMA_ALPHA) for _ in range(J)]
    # every group gets a few observations; the rest go to groups with unequal weights
    weights = [rng.uniform(0.2, 3.0) for _ in range(J)]
    group = [j + 1 for j in range(J) for _ in range(MIN_PER_GROUP)]
    group += rng.choices(range(1, J + 1), weights=weights, k=N - len(group))
    rng.shuffle(group)
    x = [rng.gauss(0.0, 1.0) for _ in range(N)]
    y = [alpha[g - 1] + BETA * xi + rng.gauss(0.0, SIGMA) for g, xi in zip(group, x)]

    print("{")
    print(f'  "N": {N},')
    print(f'  "J": {J},')
    print('  "group": [' + ", ".join(str(g) for g in group) + "],")
    print('  "x": [' + ", ".join(fmt(v) for v in x) + "],")
    print('  "y": [' + ", ".join(fmt(v) for v in y) + "]")
    print("}")
    sizes = [group.count(j + 1) for j in range(J)]
    print("alpha = [" + ", ".join(f"{a:.3f}" for a in alpha) + "]", file=sys.stderr)
    print("group sizes = " + str(sizes), file=sys.stderr)


if __name__ == "__main__":
    main()
