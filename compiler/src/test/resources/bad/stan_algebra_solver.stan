// expect: 3:23: algebra_solver is not supported
parameters { real mu; }
model { vector[1] r = algebra_solver(f, [mu]', [1]', {1.0}, {0}); mu ~ normal(0, 1); }
