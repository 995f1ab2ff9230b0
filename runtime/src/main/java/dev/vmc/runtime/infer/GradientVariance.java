package dev.vmc.runtime.infer;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.guide.Guide;
import dev.vmc.runtime.model.Model;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * How noisy a plan's gradient is: the variance of the objective's gradient in some of the
 * guide's parameters at their initial values, summed over them, from many steps' gradients
 * with the parameters held still (baselines that learn still learn). What the estimator table
 * and the variance tests compare estimators by.
 */
public final class GradientVariance {
    private GradientVariance() {}

    /**
     * @param parameters which parameters, by label (e.g. those of z's guide)
     * @param gradients  how many gradients; the first tenth are left out, while a decaying
     *                   average baseline finds its level
     */
    public static double of(Model model, Guide guide, EstimatorChoice choice, int particles, Predicate<String> parameters,
            int gradients, long seed) {
        Planner.Plan plan = Planner.plan(model, choice);
        ElboGraph elbo = ElboGraph.build(plan.model(), guide, plan, choice, particles);
        Executor executor = new Executor(elbo.graph, particles, ParameterStore.initial(elbo.graph), new SplittableRandom(seed))
                .computeOnly(elbo.objective);
        List<Node> chosen = elbo.graph.parameters().stream()
                .filter(p -> parameters.test(((Leaf.Parameter) p.op).label())).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no parameter of the guide is chosen");
        }
        int width = chosen.stream().mapToInt(Node::modelSize).sum();
        int skip = gradients / 10;
        double[] sum = new double[width];
        double[] sumOfSquares = new double[width];
        for (int step = 0; step < gradients; step++) {
            elbo.beforeStep(executor);
            executor.forward();
            executor.backward(elbo.objective);
            elbo.afterStep(executor);
            if (step < skip) {
                continue;
            }
            int at = 0;
            for (Node p : chosen) {
                for (double g : executor.gradient(p).data) {
                    sum[at] += g;
                    sumOfSquares[at++] += g * g;
                }
            }
        }
        int n = gradients - skip;
        double total = 0;
        for (int i = 0; i < width; i++) {
            total += (sumOfSquares[i] - sum[i] * sum[i] / n) / (n - 1);
        }
        return total;
    }
}
