// expect: 4:12: a size must be an int, got real
functions {
  vector f(vector x) {
    matrix[rows(x) / 2.0, 2] m;
    return x;
  }
}
data { int N; vector[N] y; }
parameters { real mu; }
model {
  y ~ normal(mu + f(y), 1);
}
