// expect: 9:19: pareto is a continuous distribution, so its log density is pareto_lpdf, not pareto_lpmf
data {
  real<lower=1> y;
}
parameters {
  real<lower=0> alpha;
}
model {
  target += 0.5 * pareto_lpmf(y | 1, alpha);
}
