// expect: 13:34: argument c of ordered_logistic must be a vector (one for every element of the left side), or a matrix with a row for each element, got real
data {
  int N;
  int K;
  vector[N] x;
  array[N] int<lower=1, upper=K> y;
}
parameters {
  real beta;
  real c;
}
model {
  y ~ ordered_logistic(x * beta, c);
}
