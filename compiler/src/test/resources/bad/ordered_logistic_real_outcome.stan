// expect: 13:3: 'y' is real-valued, but ordered_logistic is a distribution over integers >= 1; declare 'y' as int
data {
  int N;
  int K;
  vector[N] x;
  vector[N] y;
}
parameters {
  real beta;
  ordered[K - 1] c;
}
model {
  y ~ ordered_logistic(x * beta, c);
}
