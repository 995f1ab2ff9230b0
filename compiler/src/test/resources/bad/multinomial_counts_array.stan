// expect: 11:19: argument theta of multinomial needs a left side of one array of int counts, got array[N, K] int
data {
  int N;
  int K;
  array[N, K] int y;
}
parameters {
  simplex[K] theta;
}
model {
  y ~ multinomial(theta);
}
