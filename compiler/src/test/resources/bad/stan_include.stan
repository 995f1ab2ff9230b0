// expect: 2:1: #include is not supported
#include "foo.stan"
parameters { real mu; }
model { mu ~ normal(0, 1); }
