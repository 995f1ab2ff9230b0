// Every family added with pareto, in Stan's current syntax, each term in target += form so that
// Stan keeps its constants as vmc does: MoreStanFamiliesLogDensityTest compares the two.
data {
  int<lower=1> N;
  vector<lower=1>[N] t;
  vector[N] r;
  vector[N] a;
  vector[N] x;
  array[N] int<lower=1, upper=4> k;
  array[3] int<lower=0> counts;
}
parameters {
  real<lower=0> alpha;
  real<lower=0> lambda;
  real mu;
  real<lower=0> sigma;
  real<lower=-pi(), upper=pi()> m;
  real<lower=0> kappa;
  real beta;
  ordered[3] c;
  simplex[3] theta;
}
model {
  target += pareto_lpdf(t | 1, alpha);
  target += pareto_type_2_lpdf(t | 0.5, lambda, alpha);
  target += exp_mod_normal_lpdf(r | mu, sigma, lambda);
  target += von_mises_lpdf(a | m, kappa);
  target += ordered_logistic_lpmf(k | x * beta, c);
  target += multinomial_lpmf(counts | theta);
  target += pareto_lcdf(2.5 | 1, alpha) + pareto_type_2_lccdf(3 | 0.5, lambda, alpha);
  target += exp_mod_normal_lcdf(0.2 | mu, sigma, lambda) + exp_mod_normal_lccdf(1.5 | mu, sigma, lambda);
  // reals: rstan 2.21's pareto_cdf with int y and y_min is 1 whatever alpha (a bug of that version)
  target += log(pareto_cdf(3.0 | 1.0, alpha));
}
