// expect: 3:17: Stan's old array syntax was removed in Stan 2.33: write 'array[N] real<lower=0> y'
data { int N;
  real<lower=0> y[N]; }
parameters { real mu; }
model { y ~ normal(mu, 1); }
