// expect: 10:7: pareto_type_2 takes 3 arguments (mu, lambda, alpha), got 2
data {
  int N;
  vector<lower=0>[N] y;
}
parameters {
  real<lower=0> alpha;
}
model {
  y ~ pareto_type_2(0, alpha);
}
