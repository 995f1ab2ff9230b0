// expect: 9:13: vmc has no von_mises_lcdf yet
data {
  real y;
}
parameters {
  real mu;
}
model {
  target += von_mises_lcdf(y | mu, 2);
}
