# Reference values for ParetoSmoothingLooTest from the R package loo (2.5.1, as Debian
# bookworm's r-cran-loo packages it). Run from this directory:
#
#   Rscript make_reference.R
#
# It writes loo_inputs.csv (case, log ratio; rounded to 10 significant digits), then reads
# that file back, so loo sees exactly the doubles Java parses, and writes loo_weights.csv
# (case, loo's normalised log weight per draw, in the draws' order) and loo_summary.csv
# (case, draws, loo's tail length, k-hat and n_eff with r_eff = 1).
suppressPackageStartupMessages(library(loo))
stopifnot(packageVersion("loo") >= "2.5.0")

set.seed(20240611)
narrow <- function(S, s) {
  # target N(0, I_2), proposal N(0, s^2 I_2): log p - log q of draws from the proposal
  x <- matrix(rnorm(2 * S, sd = s), ncol = 2)
  rowSums(dnorm(x, log = TRUE)) - rowSums(dnorm(x, sd = s, log = TRUE))
}
rgpd <- function(S, k, sigma) sigma * expm1(-k * log1p(-runif(S))) / k
cases <- list(
  narrow_2d = narrow(2000, 0.7),
  wide_2d = narrow(1000, 1.5),
  cauchy_target = {
    x <- rnorm(1000)
    dcauchy(x, log = TRUE) - dnorm(x, log = TRUE)
  },
  gpd_shifted = 1000 + log(rgpd(500, 0.3, 1)),
  gpd_heavy = log(rgpd(300, 1.5, 1)),
  gpd_capped = { # the five largest pulled in, so the smoothed tail is truncated at them
    x <- sort(rgpd(300, 0.8, 1))
    log(c(x[1:295], x[295] * (1 + 1:5 / 1000)))[sample(300)]
  },
  student_t = {
    x <- rt(100, df = 3)
    dnorm(x, log = TRUE) - dt(x, df = 3, log = TRUE)
  },
  small = rnorm(30),
  ties = round(rnorm(400), 1),
  flat = rep(-2.5, 100),
  too_few = rnorm(20)
)

inputs <- do.call(rbind, lapply(names(cases), function(name) {
  data.frame(case = name, log_ratio = sprintf("%.10g", cases[[name]]))
}))
write.csv(inputs, "loo_inputs.csv", row.names = FALSE, quote = FALSE)
inputs <- read.csv("loo_inputs.csv", colClasses = c("character", "numeric"))

weights_out <- list()
summary_out <- list()
for (name in names(cases)) {
  lr <- inputs$log_ratio[inputs$case == name]
  fit <- suppressWarnings(psis(lr, r_eff = 1))
  weights_out[[name]] <- data.frame(
    case = name,
    log_weight = sprintf("%.17g", as.vector(weights(fit, log = TRUE, normalize = TRUE)))
  )
  summary_out[[name]] <- data.frame(
    case = name,
    draws = length(lr),
    tail_length = attr(fit, "tail_len"),
    khat = sprintf("%.17g", fit$diagnostics$pareto_k),
    n_eff = sprintf("%.17g", fit$diagnostics$n_eff)
  )
}
write.csv(do.call(rbind, weights_out), "loo_weights.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, summary_out), "loo_summary.csv", row.names = FALSE, quote = FALSE)
cat("loo", format(packageVersion("loo")), "\n")
