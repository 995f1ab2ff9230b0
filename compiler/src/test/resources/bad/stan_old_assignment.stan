// expect: 3:19: '<-' is Stan's old assignment
parameters { real mu; }
model { real x; x <- mu; mu ~ normal(0, 1); }
