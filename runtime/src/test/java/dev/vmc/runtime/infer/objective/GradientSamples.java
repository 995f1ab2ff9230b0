package dev.vmc.runtime.infer.objective;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The score-function estimate of d E_q[f] / d theta for a {@link DiscreteToy}, one per executor
 * step, with the baseline wired as a fit would: the surrogate added to the mean of f (which
 * carries any pathwise part) by {@link SurrogateObjective}, the decaying average written before
 * each step and updated after it. theta is not moved, so every step estimates the same gradient.
 */
final class GradientSamples {
    enum Baseline { NONE, DECAYING_AVERAGE, LEAVE_ONE_OUT,
        /** Not a baseline to use: the mean cost of this step, own draw included, which biases the estimate. */
        THIS_STEPS_MEAN }

    /** One row per step, one column per element of theta. */
    final double[][] steps;

    GradientSamples(DiscreteToy toy, Baseline kind, int particles, int count, long seed) {
        Graph g = toy.graph();
        DecayingAverageBaseline decaying = null;
        Node baseline = switch (kind) {
            case NONE -> null;
            case DECAYING_AVERAGE -> (decaying = DecayingAverageBaseline.of(g, toy.cost())).node();
            case LEAVE_ONE_OUT -> LeaveOneOutBaseline.of(g, toy.cost());
            case THIS_STEPS_MEAN -> g.meanOverParticles(toy.cost());
        };
        Node surrogate = ScoreFunction.surrogate(g, toy.logQ(), toy.cost(), baseline);
        Node objective = SurrogateObjective.build(g, g.meanOverParticles(toy.cost()), List.of(surrogate)).objective();
        Executor executor = new Executor(g, particles, ParameterStore.initial(g), new SplittableRandom(seed));
        steps = new double[count][];
        for (int i = 0; i < count; i++) {
            if (decaying != null) {
                decaying.writeTo(executor);
            }
            executor.forward();
            executor.backward(objective);
            steps[i] = executor.gradient(toy.theta()).data.clone();
            if (decaying != null) {
                decaying.update(executor);
            }
        }
    }

    double mean(int k) {
        double total = 0;
        for (double[] step : steps) {
            total += step[k];
        }
        return total / steps.length;
    }

    double variance(int k) {
        double m = mean(k);
        double total = 0;
        for (double[] step : steps) {
            total += (step[k] - m) * (step[k] - m);
        }
        return total / (steps.length - 1);
    }

    /**
     * The standard error of the mean. With the decaying average the steps are not independent,
     * but each is unbiased given the steps before it (the baseline is fixed before its draws), so
     * the errors are martingale differences, uncorrelated, and sd / sqrt(n) still holds.
     */
    double standardError(int k) {
        return Math.sqrt(variance(k) / steps.length);
    }
}
