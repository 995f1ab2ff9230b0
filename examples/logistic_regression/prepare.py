#!/usr/bin/env python3
"""Turns breast_cancer.csv into data.json for logistic_regression.vmodel.

Standard library only. Each of the 30 feature columns is standardised once, here:
(value - column mean) / column sd, with the sample sd (divisor n - 1). The label column
`malignant` becomes y. Running it again rewrites data.json byte for byte:
    python3 prepare.py > data.json
"""
import csv
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
LABEL = "malignant"


def main():
    with open(os.path.join(HERE, "breast_cancer.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    features = [name for name in rows[0].keys() if name != LABEL]
    n = len(rows)
    columns = []
    for name in features:
        values = [float(row[name]) for row in rows]
        mean = sum(values) / n
        sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
        columns.append([(v - mean) / sd for v in values])
    y = [int(row[LABEL]) for row in rows]

    # six decimals keep the file small and are far finer than the measurements themselves;
    # repr of a rounded float always has a '.', so every X value reads as real
    def fmt(v):
        return repr(round(v, 6) + 0.0)

    X = ",\n    ".join("[" + ", ".join(fmt(col[i]) for col in columns) + "]" for i in range(n))
    print("{")
    print(f'  "N": {n},')
    print(f'  "K": {len(features)},')
    print(f'  "X": [\n    {X}\n  ],')
    print('  "y": [' + ", ".join(str(v) for v in y) + "]")
    print("}")


if __name__ == "__main__":
    main()
