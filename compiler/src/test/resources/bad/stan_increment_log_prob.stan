// expect: 3:28: increment_log_prob(...) is Stan's old form
parameters { real mu; }
model { mu ~ normal(0, 1); increment_log_prob(-mu); }
