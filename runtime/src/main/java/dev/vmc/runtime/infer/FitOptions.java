package dev.vmc.runtime.infer;

import dev.vmc.runtime.graph.Precision;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Map;
import java.util.Objects;

/**
 * How to fit. By default a Pathfinder start on {@link #DEFAULT_PATHS} paths, then up to 10,000
 * steps of stochastic ascent, checked every 50 steps with the same 50 draws, stopping when
 * three checks in a row move the ELBO by less than 0.01 nats at the second of two step sizes,
 * then draws resampled by their importance weights where Pareto k-hat says that is reliable.
 *
 * @param maxSteps        the most optimisation steps to take
 * @param particles       Monte Carlo draws per gradient step; {@link #AUTO_PARTICLES} for 1, or
 *                        {@link #SCORE_PARTICLES} when some site takes the score function
 * @param learningRate    Adam's step size; null to search for one
 * @param seed            everything random derives from it: same seed, same numbers
 * @param tolerance       an ELBO change, in nats, below which a check counts as no progress; 0 runs all maxSteps
 * @param evalEvery       steps between convergence checks
 * @param evalParticles   draws per convergence check
 * @param adaptSteps      steps per candidate in the step-size search (without a start)
 * @param draws           posterior draws to take from the fitted guide
 * @param diagnosticDraws draws behind the Pareto k-hat and the final ELBO (at least draws are used)
 * @param resampling      whether the draws reported are resampled by their Pareto-smoothed importance weights
 * @param algorithm       how an automatic guide is fitted
 * @param paths           Pathfinder paths, run in parallel
 * @param maxBadSteps     consecutive non-finite steps before giving up
 * @param initial         starting values for some parameters, unconstrained, by name (may be empty)
 * @param precision       double (the default) or single: see {@link Precision}
 * @param estimators      how each latent's gradient is estimated: automatic unless forced
 */
public record FitOptions(
        long maxSteps,
        int particles,
        Double learningRate,
        long seed,
        double tolerance,
        int evalEvery,
        int evalParticles,
        int adaptSteps,
        int draws,
        int diagnosticDraws,
        Resampling resampling,
        Algorithm algorithm,
        int paths,
        int maxBadSteps,
        Map<String, Tensor> initial,
        Precision precision,
        EstimatorChoice estimators) {

    public static final long DEFAULT_SEED = 20261121L;
    /**
     * Paths Pathfinder runs by default. On two cores bench/ measured a second path at 0.2 s of wall
     * time on eight schools and nothing on the logistic regression, with the same accuracy on the
     * nine unimodal posteriordb posteriors; it is what notices a second mode. More cost more.
     */
    public static final int DEFAULT_PATHS = 2;

    public FitOptions {
        if (maxSteps < 0 || particles < 0 || evalEvery < 1 || evalParticles < 2 || draws < 0 || diagnosticDraws < 0
                || paths < 1 || maxBadSteps < 1 || tolerance < 0) {
            throw new IllegalArgumentException("fit options out of range: " + this);
        }
        if (learningRate != null && !(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        initial = Map.copyOf(initial);
        Objects.requireNonNull(estimators);
    }

    /** The particle count that lets the fit choose: see {@link #particlesFor}. */
    public static final int AUTO_PARTICLES = 0;
    /**
     * Particles per step when some site takes the score function and none were asked for: its
     * noise falls as 1/S, and with S >= 2 each particle's baseline is the others' mean cost
     * (leave-one-out), which needs no state and no tuning.
     */
    public static final int SCORE_PARTICLES = 10;

    /** The particles a fit uses: those asked for, else 10 with a score-function site and 1 without. */
    public int particlesFor(boolean scored) {
        return particles != AUTO_PARTICLES ? particles : scored ? SCORE_PARTICLES : 1;
    }

    public static FitOptions defaults() {
        return new Builder().build();
    }

    public FitOptions withMaxSteps(long v) {
        return toBuilder().maxSteps(v).build();
    }

    public FitOptions withParticles(int v) {
        return toBuilder().particles(v).build();
    }

    public FitOptions withLearningRate(Double v) {
        return toBuilder().learningRate(v).build();
    }

    public FitOptions withSeed(long v) {
        return toBuilder().seed(v).build();
    }

    public FitOptions withTolerance(double v) {
        return toBuilder().tolerance(v).build();
    }

    public FitOptions withDraws(int v) {
        return toBuilder().draws(v).build();
    }

    public FitOptions withEvalParticles(int v) {
        return toBuilder().evalParticles(v).build();
    }

    public FitOptions withDiagnosticDraws(int v) {
        return toBuilder().diagnosticDraws(v).build();
    }

    public FitOptions withResampling(Resampling v) {
        return toBuilder().resampling(v).build();
    }

    public FitOptions withAlgorithm(Algorithm v) {
        return toBuilder().algorithm(v).build();
    }

    public FitOptions withPaths(int v) {
        return toBuilder().paths(v).build();
    }

    public FitOptions withInitial(Map<String, Tensor> v) {
        return toBuilder().initial(v).build();
    }

    public FitOptions withPrecision(Precision v) {
        return toBuilder().precision(v).build();
    }

    public FitOptions withEstimators(EstimatorChoice v) {
        return toBuilder().estimators(v).build();
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        b.maxSteps = maxSteps;
        b.particles = particles;
        b.learningRate = learningRate;
        b.seed = seed;
        b.tolerance = tolerance;
        b.evalEvery = evalEvery;
        b.evalParticles = evalParticles;
        b.adaptSteps = adaptSteps;
        b.draws = draws;
        b.diagnosticDraws = diagnosticDraws;
        b.resampling = resampling;
        b.algorithm = algorithm;
        b.paths = paths;
        b.maxBadSteps = maxBadSteps;
        b.initial = initial;
        b.precision = precision;
        b.estimators = estimators;
        return b;
    }

    /** Holds the defaults; each with-method changes one field of a copy. */
    private static final class Builder {
        long maxSteps = 10_000;
        int particles = AUTO_PARTICLES;
        Double learningRate;
        long seed = DEFAULT_SEED;
        double tolerance = 0.01;
        int evalEvery = 50;
        int evalParticles = 50;
        int adaptSteps = 50;
        int draws = 1000;
        int diagnosticDraws = 4000;
        Resampling resampling = Resampling.AUTO;
        Algorithm algorithm = Algorithm.AUTO;
        int paths = DEFAULT_PATHS;
        int maxBadSteps = 20;
        Map<String, Tensor> initial = Map.of();
        Precision precision = Precision.DOUBLE;
        EstimatorChoice estimators = EstimatorChoice.automatic();

        Builder maxSteps(long v) { maxSteps = v; return this; }
        Builder particles(int v) { particles = v; return this; }
        Builder learningRate(Double v) { learningRate = v; return this; }
        Builder seed(long v) { seed = v; return this; }
        Builder tolerance(double v) { tolerance = v; return this; }
        Builder evalParticles(int v) { evalParticles = v; return this; }
        Builder draws(int v) { draws = v; return this; }
        Builder diagnosticDraws(int v) { diagnosticDraws = v; return this; }
        Builder resampling(Resampling v) { resampling = v; return this; }
        Builder algorithm(Algorithm v) { algorithm = v; return this; }
        Builder paths(int v) { paths = v; return this; }
        Builder initial(Map<String, Tensor> v) { initial = v; return this; }
        Builder precision(Precision v) { precision = v; return this; }
        Builder estimators(EstimatorChoice v) { estimators = v; return this; }

        FitOptions build() {
            return new FitOptions(maxSteps, particles, learningRate, seed, tolerance, evalEvery, evalParticles,
                    adaptSteps, draws, diagnosticDraws, resampling, algorithm, paths, maxBadSteps, initial, precision,
                    estimators);
        }
    }
}
