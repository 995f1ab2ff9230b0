// posteriordb's hmm_example with its simplexes and positive_ordered as plain constrained vectors, and
// normal_lpdf(y | m, 1) written out (an _lpdf inside an expression is another piece of work), and
// negative_infinity() as log(0.0); with no simplex to normalise them, theta1 and theta2 get exponential priors
data {
  int<lower=0> N;
  int<lower=0> K;
  array[N] real y;
}
transformed data {
  real half_log_2pi = 0.5 * log(2 * 3.141592653589793);
}
parameters {
  vector<lower=0>[K] theta1;
  vector<lower=0>[K] theta2;
  vector[K] mu;
}
transformed parameters {
  array[K] vector<lower=0>[K] theta;
  theta[1] = theta1;
  theta[2] = theta2;
}
model {
  // priors
  theta1 ~ exponential(1);
  theta2 ~ exponential(1);
  target += normal_lpdf(mu[1] | 3, 1);
  target += normal_lpdf(mu[2] | 10, 1);
  // forward algorithm
  {
    array[K] real acc;
    array[N, K] real gamma;
    for (k in 1 : K) {
      gamma[1, k] = (-0.5 * square(y[1] - mu[k]) - half_log_2pi);
    }
    for (t in 2 : N) {
      for (k in 1 : K) {
        for (j in 1 : K) {
          acc[j] = gamma[t - 1, j] + log(theta[j, k])
                   + (-0.5 * square(y[t] - mu[k]) - half_log_2pi);
        }
        gamma[t, k] = log_sum_exp(acc);
      }
    }
    target += log_sum_exp(gamma[N]);
  }
}
generated quantities {
  array[N] int<lower=1, upper=K> z_star;
  real log_p_z_star;
  {
    array[N, K] int back_ptr;
    array[N, K] real best_logp;
    for (k in 1 : K) {
      best_logp[1, k] = (-0.5 * square(y[1] - mu[k]) - half_log_2pi);
    }
    for (t in 2 : N) {
      for (k in 1 : K) {
        best_logp[t, k] = log(0.0);
        for (j in 1 : K) {
          real logp;
          logp = best_logp[t - 1, j] + log(theta[j, k])
                 + (-0.5 * square(y[t] - mu[k]) - half_log_2pi);
          if (logp > best_logp[t, k]) {
            back_ptr[t, k] = j;
            best_logp[t, k] = logp;
          }
        }
      }
    }
    log_p_z_star = max(best_logp[N]);
    for (k in 1 : K) {
      if (best_logp[N, k] == log_p_z_star) {
        z_star[N] = k;
      }
    }
    for (t in 1 : (N - 1)) {
      z_star[N - t] = back_ptr[N - t + 1, z_star[N - t + 1]];
    }
  }
}
