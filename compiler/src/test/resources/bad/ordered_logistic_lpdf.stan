// expect: 12:19: ordered_logistic is a discrete distribution, so its log probability mass is ordered_logistic_lpmf, not ordered_logistic_lpdf
data {
  int N;
  vector[N] x;
  array[N] int<lower=1, upper=4> y;
}
parameters {
  real beta;
  ordered[3] c;
}
model {
  target += 0.5 * ordered_logistic_lpdf(y | x * beta, c);
}
