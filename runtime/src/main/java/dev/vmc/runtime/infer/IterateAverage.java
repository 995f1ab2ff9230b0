package dev.vmc.runtime.infer;

import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Map;

/**
 * A running average of the optimiser's iterates (Polyak-Ruppert averaging). With a constant
 * step size Adam's iterates keep jittering around the optimum by about the step size; their
 * average does not, so the average is what convergence is judged on and what the fit returns.
 * It weighs the newest iterate by 1/ceil(n/2) after n of them: an average over roughly the
 * last half of the run, which forgets the early transient and grows more exact the longer
 * the run goes on.
 */
final class IterateAverage {
    private final ParameterStore average;
    private long seen;

    IterateAverage(ParameterStore start) {
        this.average = start.copy();
    }

    void add(ParameterStore iterate) {
        seen++;
        double weight = 1.0 / ((seen + 1) / 2);
        for (Map.Entry<String, Tensor> e : average.asMap().entrySet()) {
            double[] avg = e.getValue().data;
            double[] x = iterate.get(e.getKey()).data;
            for (int i = 0; i < avg.length; i++) {
                avg[i] += weight * (x[i] - avg[i]);
            }
        }
    }

    ParameterStore current() {
        return average;
    }
}
