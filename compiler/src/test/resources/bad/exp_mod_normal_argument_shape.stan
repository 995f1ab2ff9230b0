// expect: 12:29: argument lambda of exp_mod_normal must be a scalar or have the left side's shape vector[N], got vector[K]
data {
  int N;
  int K;
  vector[N] y;
}
parameters {
  real mu;
  vector<lower=0>[K] lambda;
}
model {
  y ~ exp_mod_normal(mu, 1, lambda);
}
