package dev.vmc.runtime.train;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Unary;
import dev.vmc.runtime.model.Model;

/** The mean of a plated statement's distribution, where a picture of it means something: pixels in [0, 1]. */
final class Means {
    private Means() {}

    /** The mean node, or null for a family that has no picture here. */
    static Node of(Graph graph, Model.Factor f) {
        if (f.sampled() == null || f.sampled().variate() == null) {
            return null;
        }
        Node first = f.sampled().arguments().get(0);
        return switch (f.sampled().family()) {
            case "bernoulli_logit" -> graph.apply(Unary.INV_LOGIT, first);
            case "bernoulli", "normal" -> first;
            default -> null;
        };
    }
}
