# Stan's microseconds per ADVI step on the benchmark's regression, measured the way bench/
# measures vmc: fixed step size (eta), no adaptation, no convergence checks, one gradient
# draw per step, and the difference between a long and a short run so that set-up cost
# (reading data, initialisation, the final draws) cancels.
#
# Usage: Rscript per_step.R DATA.json CACHE_DIR
# Prints one line: "stan_us_per_step <median of 5>". Compiling the model takes a minute the
# first time; the compiled model is kept in CACHE_DIR.
suppressPackageStartupMessages(library(rstan))
args <- commandArgs(trailingOnly = TRUE)
data <- jsonlite::fromJSON(args[1])
cache <- args[2]
dir.create(cache, showWarnings = FALSE, recursive = TRUE)
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
compiled <- file.path(cache, "linear_regression.rds")
if (file.exists(compiled)) {
  model <- readRDS(compiled)
} else {
  # Debian's r-cran-bh leaves Boost's headers where libboost-dev put them
  boost <- system.file("include", package = "BH")
  if (boost == "" && dir.exists("/usr/include/boost")) boost <- "/usr/include"
  model <- stan_model(file.path(here, "linear_regression.stan"), boost_lib = if (boost == "") NULL else boost)
  saveRDS(model, compiled)
}
fit <- function(steps) {
  vb(model, data = data, algorithm = "meanfield", iter = steps, grad_samples = 1, eta = 0.01,
     adapt_engaged = 0, tol_rel_obj = 1e-12, eval_elbo = 1e7, output_samples = 10, seed = 1,
     refresh = 0)
}
seconds <- function(steps) {
  system.time(suppressWarnings(suppressMessages(capture.output(fit(steps)))))[["elapsed"]]
}
invisible(seconds(1000)) # warm up
runs <- replicate(5, (seconds(6000) - seconds(1000)) / 5000 * 1e6)
cat(sprintf("stan_us_per_step %.1f\n", median(runs)))
