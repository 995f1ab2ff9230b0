// expect: 10:13: vmc has no ordered_logistic_lcdf yet
data {
  int<lower=1, upper=4> k;
}
parameters {
  real eta;
  ordered[3] c;
}
model {
  target += ordered_logistic_lcdf(k | eta, c);
}
