// expect: 3:9: profile blocks are not supported
parameters { real mu; }
model { profile("a") { mu ~ normal(0, 1); } }
