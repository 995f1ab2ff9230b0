# Writes bench/posteriors/*/logdensity_check.json: points on each Stan model's unconstrained
# space and Stan's log density there, log_prob(fit, upars, adjust_transform = TRUE), for
# PosteriordbLogDensityTest (compiler module), which checks vmc's translations against them.
#
# Run from the repository root: Rscript bench/posteriors/logdensity_check.R [POSTERIOR ...]
# (every folder with a model.stan unless named). Written for rstan 2.21 (Debian's r-cran-rstan); it
# compiles each model.stan, which takes a minute or two per model.
#
# Points: u_0 is the reference mean (reference.json) carried to the unconstrained space, with 0
# for a parameter that has no reference draws (eight schools' theta_trans); u_1..u_5 add
# independent normal noise with, per coordinate, the reference sd on the unconstrained scale
# (found by a finite difference of unconstrain_pars; 1 for a parameter with no reference, 0.1 for
# a simplex's coordinates), times sqrt(10 / d) in a model of d > 10 coordinates, and times 0.1 in
# an ODE model, whose solver is kept near the reference mean. Every number is written with 17
# significant digits, so the file's points are exactly the points Stan evaluated. A model rstan
# cannot compile or evaluate gets a file with its error (stan_error) instead.
suppressMessages({
  library(rstan)
  library(jsonlite)
})

root <- "bench/posteriors"
n_random <- 5
ode_noise <- 0.1 # ODE models: the noise is a tenth of the reference sd
# Each model is evaluated at six points, so compiling is the whole cost: without optimisation or
# debugging information it is several times faster (R's default is -g -O2)
makevars <- tempfile(fileext = ".mk")
writeLines(c("CXXFLAGS = -O0", "CXX14FLAGS = -O0"), makevars)
Sys.setenv(R_MAKEVARS_USER = makevars)
# Debian's r-cran-bh is a stub over the system's Boost headers
boost <- if (nzchar(rstan_options("boost_lib"))) NULL else "/usr/include"

# rstan 2.21's parser (stanc2) predates Stan's current syntax. These rewrites declare and compute the
# same things in the older spelling:
# - "array[J] real<lower=0> sigma" becomes "real<lower=0> sigma[J]" (also with an initial value, and
#   for vector[K], simplex[K] and other element types);
# - an unsized array type in a function's signature, "array[] real" or "array[,] real", becomes
#   "real[]" or "real[,]";
# - gp_exp_quad_cov, Stan's newer name for cov_exp_quad, becomes cov_exp_quad.
old_syntax <- function(code) {
  element <- "(\\w+(?:<[^>]*>)?(?:\\[[^]]*\\])?)"
  code <- gsub(paste0("array\\[([^]]+)\\]\\s+", element, "\\s+(\\w+)"), "\\2 \\3[\\1]", code, perl = TRUE)
  code <- gsub("array\\[(,*)\\]\\s+(\\w+)", "\\2[\\1]", code, perl = TRUE)
  gsub("\\bgp_exp_quad_cov\\(", "cov_exp_quad(", code, perl = TRUE)
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

# Compiled models by their code, so that posteriors sharing a model (the seven nes ones) compile it once
models <- new.env()
compiled <- function(code, name) {
  if (is.null(models[[code]])) {
    models[[code]] <- stan_model(model_code = code, model_name = gsub("[^A-Za-z0-9_]", "_", name), boost_lib = boost)
  }
  models[[code]]
}

check <- function(name) {
  dir <- file.path(root, name)
  code <- old_syntax(paste(readLines(file.path(dir, "model.stan")), collapse = "\n"))
  model <- compiled(code, name)
  data <- fromJSON(file.path(dir, "data.json"))
  fit <- sampling(model, data = data, chains = 1, iter = 1, algorithm = "Fixed_param", refresh = 0)
  reference <- fromJSON(file.path(dir, "reference.json"), simplifyVector = FALSE)$parameters

  set.seed(20261121) # the same points whichever posteriors are run
  coordinates <- fit@.MISC$stan_fit_instance$unconstrained_param_names(FALSE, FALSE)
  inits <- get_inits(fit)[[1]] # parameters, then transformed parameters: keep the parameters
  ref <- reference_point(inits[names(inits) %in% sub("\\..*", "", coordinates)], reference)
  u0 <- unconstrain_pars(fit, ref$means)
  # per coordinate: the reference sd on the unconstrained scale, by a forward difference of one
  # entry at a time; 0.1 for a simplex's coordinates (K - 1 of them for K entries, which cannot
  # move one at a time) or where the difference fails; 1 where there is no reference
  scale <- rep(1, length(u0))
  owner <- sub("\\..*", "", coordinates)
  for (p in names(ref$means)) {
    at <- which(owner == p)
    sds <- ref$sds[[p]]
    if (all(is.na(sds))) next
    if (length(at) != length(sds)) {
      scale[at] <- 0.1
      next
    }
    for (i in seq_along(sds)) {
      h <- 1e-4 * sds[i]
      moved <- ref$means
      moved[[p]][i] <- moved[[p]][i] + h
      step <- tryCatch(unconstrain_pars(fit, moved)[at[i]] - u0[at[i]], error = function(e) NA)
      scale[at[i]] <- if (is.finite(step)) sds[i] * abs(step) / h else 0.1
    }
  }
  # past ten coordinates the noise shrinks as 1 / sqrt(d), so that the points stay about as far
  # from the mean (in reference sds) as in a ten-dimensional model, not far out in the tails
  shrink <- min(1, sqrt(10 / length(u0)))
  # an ODE's solver is kept near the reference mean, where it is well behaved
  ode <- grepl("integrate_ode|ode_[a-z0-9]+\\(", code)
  scale <- scale * shrink * (if (ode) ode_noise else 1)
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
    "  \"noise\": \"", num(shrink * (if (ode) ode_noise else 1)), " x the reference sd", if (ode) " (an ODE model)" else "", "\",\n",
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
# A model rstan cannot compile or evaluate gets a file that says why, and the run goes on.
failed <- function(name, e) {
  message <- gsub("\\s+", " ", conditionMessage(e))
  json <- paste0(
    "{\n",
    "  \"posterior\": \"", name, "\",\n",
    "  \"stan\": \"rstan ", packageVersion("rstan"), ", StanHeaders ", packageVersion("StanHeaders"), "\",\n",
    "  \"written_by\": \"bench/posteriors/logdensity_check.R\",\n",
    "  \"stan_error\": ", toJSON(message, auto_unbox = TRUE), "\n",
    "}\n")
  writeLines(json, file.path(root, name, "logdensity_check.json"), sep = "")
  cat(name, ": rstan failed: ", message, "\n", sep = "")
}

for (name in names) {
  tryCatch(check(name), error = function(e) failed(name, e))
}
