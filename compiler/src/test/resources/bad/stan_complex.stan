// expect: 2:15: complex numbers are not supported
data { int N; complex z; }
parameters { real mu; }
model { mu ~ normal(0, 1); }
