package dev.vmc.runtime.infer.objective;

import dev.vmc.runtime.dist.Distributions;
import dev.vmc.runtime.graph.Gather;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;
import java.util.List;

/**
 * E_q[f(z)] for one discrete draw z ~ q(z; theta) and a fixed table f, optionally plus a pathwise
 * term theta . theta, whose gradient in theta is known exactly by summing over z's values:
 * d/d theta_k sum_j p_j f_j = p_k (f_k - E f) for softmax probabilities p (bernoulli_logit is
 * the case of two categories with logits 0 and theta), plus 2 theta_k for the pathwise term.
 */
record DiscreteToy(Graph graph, Node theta, Node logQ, Node cost, double[] exactGradient) {

    /** z ~ bernoulli(inv_logit(theta)), f(0) = offset + 1.3, f(1) = offset - 2.1. */
    static DiscreteToy bernoulli(double offset, boolean pathwise) {
        double theta = 0.4;
        double[] table = {offset + 1.3, offset - 2.1};
        Graph g = new Graph();
        Node t = g.parameter("theta", Tensor.scalar(theta));
        List<Node> params = List.of(t);
        Node z = Distributions.get("bernoulli_logit").sample(g, params, Shapes.SCALAR);
        Node logQ = Distributions.get("bernoulli_logit").logDensity(g, z, params);
        Node cost = g.apply(Gather.INSTANCE, g.constant(Tensor.vector(table)), z);
        double p = 1 / (1 + Math.exp(-theta));
        double exact = p * (1 - p) * (table[1] - table[0]);
        if (pathwise) {
            cost = g.add(cost, g.mul(t, t));
            exact += 2 * theta;
        }
        return new DiscreteToy(g, t, logQ, cost, new double[] {exact});
    }

    /** z ~ categorical_logit(theta), K = 3, f = offset + (1.3, -2.1, 0.7). */
    static DiscreteToy categorical(double offset, boolean pathwise) {
        double[] theta = {0.5, -0.3, 0.2};
        double[] table = {offset + 1.3, offset - 2.1, offset + 0.7};
        Graph g = new Graph();
        Node t = g.parameter("theta", Tensor.vector(theta));
        List<Node> params = List.of(t);
        Node z = Distributions.get("categorical_logit").sample(g, params, Shapes.SCALAR);
        Node logQ = Distributions.get("categorical_logit").logDensity(g, z, params);
        // categories count from 1, the table from 0
        Node cost = g.apply(Gather.INSTANCE, g.constant(Tensor.vector(table)), g.sub(z, g.constant(1)));
        double norm = 0;
        for (double v : theta) {
            norm += Math.exp(v);
        }
        double mean = 0;
        double[] p = new double[3];
        for (int k = 0; k < 3; k++) {
            p[k] = Math.exp(theta[k]) / norm;
            mean += p[k] * table[k];
        }
        double[] exact = new double[3];
        for (int k = 0; k < 3; k++) {
            exact[k] = p[k] * (table[k] - mean) + (pathwise ? 2 * theta[k] : 0);
        }
        if (pathwise) {
            cost = g.add(cost, g.sum(g.mul(t, t)));
        }
        return new DiscreteToy(g, t, logQ, cost, exact);
    }

    static DiscreteToy of(String family, double offset, boolean pathwise) {
        return family.equals("bernoulli") ? bernoulli(offset, pathwise) : categorical(offset, pathwise);
    }
}
