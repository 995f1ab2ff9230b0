// expect: 11:11: von_mises takes 2 arguments (mu, kappa), got 3
data {
  int N;
  vector<lower=-pi(), upper=pi()>[N] theta;
}
parameters {
  real mu;
  real<lower=0> kappa;
}
model {
  theta ~ von_mises(mu, kappa, 1);
}
