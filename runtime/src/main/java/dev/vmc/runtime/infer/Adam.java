package dev.vmc.runtime.infer;

import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Adam (Kingma and Ba, 2015), ascending: every step moves the parameters up their gradient. */
public final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    /** Whether whole vectors of values are updated at once ({@link VectorAdam}: the same bits). */
    private static final boolean VECTOR = dev.vmc.runtime.nn.VectorSupport.PRESENT;

    private double learningRate;
    private final Map<String, double[]> firstMoment = new LinkedHashMap<>();
    private final Map<String, double[]> secondMoment = new LinkedHashMap<>();
    private long steps;

    public Adam(double learningRate) {
        this.learningRate = learningRate;
    }

    public double learningRate() {
        return learningRate;
    }

    /** Changes the step size and keeps the moment estimates, which describe the gradients, not the step. */
    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    /** Forgets the gradients seen so far: after a divergence they describe the wrong place. */
    public void reset() {
        firstMoment.clear();
        secondMoment.clear();
        steps = 0;
    }

    /** Moves each parameter in {@code store} along its entry in {@code gradients}. */
    public void ascend(ParameterStore store, Map<String, Tensor> gradients) {
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        for (Map.Entry<String, Tensor> e : gradients.entrySet()) {
            double[] g = e.getValue().data;
            double[] x = store.get(e.getKey()).data;
            double[] m = firstMoment.computeIfAbsent(e.getKey(), k -> new double[g.length]);
            double[] v = secondMoment.computeIfAbsent(e.getKey(), k -> new double[g.length]);
            int from = VECTOR ? VectorAdam.ascend(x, g, m, v, learningRate, correction1, correction2, BETA1, BETA2, EPSILON) : 0;
            for (int i = from; i < g.length; i++) {
                m[i] = BETA1 * m[i] + (1 - BETA1) * g[i];
                v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
                x[i] += learningRate * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + EPSILON);
            }
        }
    }
}
