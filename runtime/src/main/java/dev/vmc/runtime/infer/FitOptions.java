package dev.vmc.runtime.infer;

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
        Map<String, Tensor> initial) {

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
        return new FitOptions(10_000, 1, null, DEFAULT_SEED, 0.01, 100, 100, 50, 1000, 20, Map.of());
    }

    public FitOptions withMaxSteps(long v) {
        return new FitOptions(v, particles, learningRate, seed, tolerance, evalEvery, evalParticles, adaptSteps, draws, maxBadSteps, initial);
    }

    public FitOptions withParticles(int v) {
        return new FitOptions(maxSteps, v, learningRate, seed, tolerance, evalEvery, evalParticles, adaptSteps, draws, maxBadSteps, initial);
    }

    public FitOptions withLearningRate(Double v) {
        return new FitOptions(maxSteps, particles, v, seed, tolerance, evalEvery, evalParticles, adaptSteps, draws, maxBadSteps, initial);
    }

    public FitOptions withSeed(long v) {
        return new FitOptions(maxSteps, particles, learningRate, v, tolerance, evalEvery, evalParticles, adaptSteps, draws, maxBadSteps, initial);
    }

    public FitOptions withTolerance(double v) {
        return new FitOptions(maxSteps, particles, learningRate, seed, v, evalEvery, evalParticles, adaptSteps, draws, maxBadSteps, initial);
    }

    public FitOptions withDraws(int v) {
        return new FitOptions(maxSteps, particles, learningRate, seed, tolerance, evalEvery, evalParticles, adaptSteps, v, maxBadSteps, initial);
    }

    public FitOptions withEvalParticles(int v) {
        return new FitOptions(maxSteps, particles, learningRate, seed, tolerance, evalEvery, v, adaptSteps, draws, maxBadSteps, initial);
    }

    public FitOptions withInitial(Map<String, Tensor> v) {
        return new FitOptions(maxSteps, particles, learningRate, seed, tolerance, evalEvery, evalParticles, adaptSteps, draws, maxBadSteps, v);
    }
}
