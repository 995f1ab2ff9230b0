package dev.vmc.runtime.train;

import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.infer.ElboGraph;
import java.util.List;

/**
 * @param epochs     one record per epoch
 * @param parameters the trained parameters, unconstrained, by name (networks' weights among them)
 * @param locals     the per-datum ones among them: the training data's, of no use on other data
 * @param skipped    steps not taken because the objective or its gradient was not finite
 * @param elbo       the graph trained, for what reads its nodes afterwards
 */
public record TrainResult(List<EpochRecord> epochs, ParameterStore parameters, java.util.Set<String> locals, long skipped,
        ElboGraph elbo) {

    /** The parameters worth keeping for other data: all but the per-datum ones. */
    public java.util.Map<String, dev.vmc.runtime.tensor.Tensor> global() {
        java.util.Map<String, dev.vmc.runtime.tensor.Tensor> kept = new java.util.LinkedHashMap<>(parameters.asMap());
        kept.keySet().removeAll(locals);
        return kept;
    }
}
