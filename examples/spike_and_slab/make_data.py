# Makes data.json: y = X beta + noise, beta = (2, -1.5, 0, 0, 1, 0, 0, 0), N = 100.
import json, random
rng = random.Random(20261201)
N, D = 100, 8
beta = [2.0, -1.5, 0, 0, 1.0, 0, 0, 0]
X = [[rng.gauss(0, 1) for _ in range(D)] for _ in range(N)]
y = [sum(X[n][d] * beta[d] for d in range(D)) + rng.gauss(0, 1) for n in range(N)]
json.dump({"N": N, "D": D, "X": [[round(v, 6) for v in r] for r in X], "y": [round(v, 6) for v in y]},
          open("data.json", "w"))
