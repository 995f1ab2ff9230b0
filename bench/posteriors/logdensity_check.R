# Writes bench/posteriors/*/logdensity_check.json: points on each Stan model's unconstrained
# space and Stan's log density there, log_prob(fit, upars, adjust_transform = TRUE), for
# PosteriordbLogDensityTest (compiler module), which checks vmc's translations against them.
#
# Run from the repository root: Rscript bench/posteriors/logdensity_check.R [POSTERIOR ...]
# Written for rstan 2.21 (Debian's r-cran-rstan); it compiles each model.stan, which takes about
# a minute per model.
#
# Points: u_0 is the reference mean (reference.json) carried to the unconstrained space, with 0
# for a parameter that has no reference draws (eight schools' theta_trans); u_1..u_5 add
# independent normal noise with, per coordinate, the reference sd on the unconstrained scale
# (found by a finite difference of unconstrain_pars; 1 for a parameter with no reference).
# Every number is written with 17 significant digits, so the file's points are exactly the
# points Stan evaluated.
suppressMessages({
  library(rstan)
  library(jsonlite)
})

root <- "bench/posteriors"
n_random <- 5
# Debian's r-cran-bh is a stub over the system's Boost headers
boost <- if (nzchar(rstan_options("boost_lib"))) NULL else "/usr/include"

# rstan 2.21's parser predates Stan's array syntax: "array[J] real<lower=0> sigma;" becomes
# "real<lower=0> sigma[J];", which declares the same thing.
old_array_syntax <- function(code) {
  gsub("array\\[([^]]+)\\]\\s+(\\w+(<[^>]*>)?)\\s+(\\w+)\\s*;", "\\2 \\4[\\1];", code, perl = TRUE)
}

num <- function(x) sprintf("%.17g", x)
num_array <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")

# The reference means as a list of the model's parameters, and the reference sds alike
# (NA where there is no reference).
reference_point <- function(template, reference) {
  means <- template
  sds <- template
  for (p in names(template)) {
    n <- length(template[[p]])
    keys <- if (n == 1 && is.null(dim(template[[p]]))) p else paste0(p, ".", seq_len(n))
    if (all(keys %in% names(reference))) {
      means[[p]][] <- sapply(keys, function(k) reference[[k]]$mean)
      sds[[p]][] <- sapply(keys, function(k) reference[[k]]$sd)
    } else {
      means[[p]][] <- 0
      sds[[p]][] <- NA
    }
  }
  list(means = means, sds = sds)
}

check <- function(name) {
  dir <- file.path(root, name)
  code <- old_array_syntax(paste(readLines(file.path(dir, "model.stan")), collapse = "\n"))
  model <- stan_model(model_code = code, model_name = gsub("[^A-Za-z0-9_]", "_", name), boost_lib = boost)
  data <- fromJSON(file.path(dir, "data.json"))
  fit <- sampling(model, data = data, chains = 1, iter = 1, algorithm = "Fixed_param", refresh = 0)
  reference <- fromJSON(file.path(dir, "reference.json"), simplifyVector = FALSE)$parameters

  set.seed(20261121) # the same points whichever posteriors are run
  coordinates <- fit@.MISC$stan_fit_instance$unconstrained_param_names(FALSE, FALSE)
  inits <- get_inits(fit)[[1]] # parameters, then transformed parameters: keep the parameters
  ref <- reference_point(inits[names(inits) %in% sub("\\..*", "", coordinates)], reference)
  u0 <- unconstrain_pars(fit, ref$means)
  # per coordinate: the reference sd on the unconstrained scale, by a forward difference
  scale <- rep(1, length(u0))
  k <- 0
  for (p in names(ref$means)) {
    for (i in seq_along(ref$means[[p]])) {
      k <- k + 1
      sd <- ref$sds[[p]][i]
      if (!is.na(sd)) {
        h <- 1e-4 * sd
        moved <- ref$means
        moved[[p]][i] <- moved[[p]][i] + h
        scale[k] <- sd * abs(unconstrain_pars(fit, moved)[k] - u0[k]) / h
      }
    }
  }
  points <- c(list(u0), lapply(seq_len(n_random), function(i) u0 + scale * rnorm(length(u0))))
  # evaluate at exactly the points written
  points <- lapply(points, function(u) as.numeric(num(u)))
  values <- sapply(points, function(u) log_prob(fit, u, adjust_transform = TRUE, gradient = FALSE))
  stopifnot(length(coordinates) == length(u0))

  json <- paste0(
    "{\n",
    "  \"posterior\": \"", name, "\",\n",
    "  \"stan\": \"rstan ", packageVersion("rstan"), ", StanHeaders ", packageVersion("StanHeaders"),
    ": log_prob(fit, u, adjust_transform = TRUE) (constants of ~ statements dropped)\",\n",
    "  \"written_by\": \"bench/posteriors/logdensity_check.R\",\n",
    "  \"coordinates\": [", paste0("\"", coordinates, "\"", collapse = ", "), "],\n",
    "  \"points\": [\n    ", paste(sapply(points, num_array), collapse = ",\n    "), "\n  ],\n",
    "  \"stan_log_prob\": ", num_array(values), "\n",
    "}\n")
  writeLines(json, file.path(dir, "logdensity_check.json"), sep = "")
  cat(name, ": ", length(u0), " coordinates, log_prob ", paste(signif(values, 8), collapse = " "), "\n", sep = "")
}

args <- commandArgs(trailingOnly = TRUE)
names <- if (length(args) > 0) args else {
  dirs <- list.dirs(root, recursive = FALSE, full.names = FALSE)
  dirs[file.exists(file.path(root, dirs, "model.stan"))]
}
for (name in names) {
  check(name)
}
