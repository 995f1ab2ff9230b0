// expect: 4:19: reduce_sum is not supported: vmc has no parallel map
data { int N; vector[N] x; }
parameters { real mu; }
model { target += reduce_sum(partial_sum, x, 1, mu); }
