package dev.vmc.runtime.infer;

import dev.vmc.runtime.graph.Precision;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Map;

/**
 * How to fit. The defaults follow Stan's ADVI where it has one: up to 10,000 steps, the ELBO
 * evaluated every 100 with 100 draws, stop when its relative change falls below 0.01 (mean or
 * median over a window), and a short search for the step size unless one is given.
 *
 * @param maxSteps        the most optimisation steps to take
 * @param particles       Monte Carlo draws per gradient step
 * @param learningRate    Adam's step size; null to search for one
 * @param seed            everything random derives from it: same seed, same numbers
 * @param tolerance       relative ELBO change that counts as converged; 0 runs all maxSteps
 * @param evalEvery       steps between convergence checks
 * @param evalParticles   draws per convergence check
 * @param adaptSteps      steps per candidate in the step-size search
 * @param draws           posterior draws to take from the fitted guide
 * @param maxBadSteps     consecutive non-finite steps before giving up
 * @param initial         starting values for some parameters, unconstrained, by name (may be empty)
 * @param precision       double (the default) or single: see {@link Precision}
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
        int maxBadSteps,
        Map<String, Tensor> initial,
        Precision precision) {

    public static final long DEFAULT_SEED = 20261121L;

    public FitOptions {
        if (maxSteps < 0 || particles < 1 || evalEvery < 1 || evalParticles < 1 || draws < 0 || maxBadSteps < 1) {
            throw new IllegalArgumentException("fit options out of range: " + this);
        }
        if (learningRate != null && !(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        initial = Map.copyOf(initial);
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

    public FitOptions withInitial(Map<String, Tensor> v) {
        return toBuilder().initial(v).build();
    }

    public FitOptions withPrecision(Precision v) {
        return toBuilder().precision(v).build();
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
        b.maxBadSteps = maxBadSteps;
        b.initial = initial;
        b.precision = precision;
        return b;
    }

    /** Holds the defaults; each with-method changes one field of a copy. */
    private static final class Builder {
        long maxSteps = 10_000;
        int particles = 1;
        Double learningRate;
        long seed = DEFAULT_SEED;
        double tolerance = 0.01;
        int evalEvery = 100;
        int evalParticles = 100;
        int adaptSteps = 50;
        int draws = 1000;
        int maxBadSteps = 20;
        Map<String, Tensor> initial = Map.of();
        Precision precision = Precision.DOUBLE;

        Builder maxSteps(long v) { maxSteps = v; return this; }
        Builder particles(int v) { particles = v; return this; }
        Builder learningRate(Double v) { learningRate = v; return this; }
        Builder seed(long v) { seed = v; return this; }
        Builder tolerance(double v) { tolerance = v; return this; }
        Builder evalParticles(int v) { evalParticles = v; return this; }
        Builder draws(int v) { draws = v; return this; }
        Builder initial(Map<String, Tensor> v) { initial = v; return this; }
        Builder precision(Precision v) { precision = v; return this; }

        FitOptions build() {
            return new FitOptions(maxSteps, particles, learningRate, seed, tolerance, evalEvery, evalParticles,
                    adaptSteps, draws, maxBadSteps, initial, precision);
        }
    }
}
