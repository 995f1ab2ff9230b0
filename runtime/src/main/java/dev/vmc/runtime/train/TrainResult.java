package dev.vmc.runtime.train;

import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.infer.ElboGraph;
import java.util.List;

/**
 * @param epochs     one record per epoch
 * @param parameters the trained parameters, unconstrained, by name (networks' weights among them)
 * @param skipped    steps not taken because the objective or its gradient was not finite
 * @param elbo       the graph trained, for what reads its nodes afterwards
 */
public record TrainResult(List<EpochRecord> epochs, ParameterStore parameters, long skipped, ElboGraph elbo) {}
