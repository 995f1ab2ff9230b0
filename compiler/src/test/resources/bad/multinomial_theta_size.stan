// expect: 11:19: argument theta of multinomial must be a vector[K], one probability per count, got vector[J]
data {
  int K;
  int J;
  array[K] int y;
}
parameters {
  simplex[J] theta;
}
model {
  y ~ multinomial(theta);
}
