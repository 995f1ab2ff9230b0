// User-defined functions: overloads of nothing, a forward declaration, an ODE solved inside a
// function (its x_r and x_i are the function's own arguments), an int function sizing a
// container, a void function called as a statement, and a density used by ~.
functions {
  array[] real decay(real t, array[] real y, array[] real theta, array[] real x_r, array[] int x_i);

  array[] real decay(real t, array[] real y, array[] real theta, array[] real x_r, array[] int x_i) {
    return {-theta[1] * y[1]};
  }

  array[,] real solve(array[] real y0, array[] real ts, array[] real theta, data array[] real x_r,
                      data array[] int x_i) {
    return integrate_ode_rk45(decay, y0, 0, ts, theta, x_r, x_i);
  }

  int doubled(int n) { return 2 * n; }

  void check_size(int n) {
    if (n < 1) {
      reject("n must be positive");
    }
  }

  real gauss_lpdf(real y, real mu, real sigma) {
    return normal_lpdf(y | mu, sigma);
  }
}
data {
  int<lower=1> N;
  array[N] real ts;
  array[N] real y;
}
transformed data {
  int M = doubled(N);
  array[M] real twice = rep_array(0.0, M);
  array[0] real x_r;
  array[0] int x_i;
  check_size(N);
}
parameters {
  real<lower=0> k;
  real<lower=0> sigma;
}
transformed parameters {
  array[N, 1] real z = solve({1.0}, ts, {k}, x_r, x_i);
}
model {
  k ~ gauss(1, 1);
  sigma ~ lognormal(0, 1);
  for (n in 1:N) {
    y[n] ~ normal(z[n, 1], sigma);
  }
}
