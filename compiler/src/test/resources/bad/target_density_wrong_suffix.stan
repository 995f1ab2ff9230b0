// expect: 6:13: pareto is a continuous distribution, so its log density is pareto_lpdf, not pareto_lpmf
data { int N; vector[N] y; }
parameters { real<lower=0> a; }
model {
  a ~ gamma(2, 2);
  target += pareto_lpmf(y | 0.1, a);
}
