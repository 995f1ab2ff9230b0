// expect: 4:12: undeclared name 'rowsa'
functions {
  vector f(vector x) {
    matrix[rowsa, 2] m;
    return x;
  }
}
data { int N; vector[N] y; }
parameters { real mu; }
model {
  y ~ normal(mu + f(y), 1);
}
