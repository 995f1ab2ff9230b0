// The benchmark's regression, as bench/src/main/java/dev/vmc/bench/Regression.java generates
// it and examples/linear_regression/linear_regression.vmodel writes it in vmc.
data {
  int<lower=0> N;
  int<lower=0> K;
  matrix[N, K] X;
  vector[N] y;
}
parameters {
  real alpha;
  vector[K] beta;
  real<lower=0> sigma;
}
model {
  alpha ~ normal(0, 10);
  beta ~ normal(0, 5);
  sigma ~ exponential(1);
  y ~ normal(X * beta + alpha, sigma);
}
