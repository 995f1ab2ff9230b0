package dev.vmc.runtime.infer.objective;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Shapes;

/**
 * The score-function (REINFORCE, Williams 1992) term of one discrete site: the gradient of
 * E_q[f(z)] in the guide's parameters is E_q[(f(z) - b) d log q(z) / d theta] for any baseline
 * b that does not depend on z, so a reverse-mode graph gets it by differentiating the surrogate
 * stopGradient(f - b) * log q(z), one value per particle. Where f also depends on theta by a
 * path other than z, that part of the gradient must come from f itself, which the ELBO's own
 * terms already carry.
 *
 * <p>The surrogate's value means nothing: only its gradient does. It must never be reported as
 * part of an ELBO; {@link SurrogateObjective} adds it to the objective with value exactly zero.
 */
public final class ScoreFunction {
    private ScoreFunction() {}

    /** The surrogate with no baseline: stopGradient(cost) * logQ. */
    public static Node surrogate(Graph graph, Node logQ, Node cost) {
        return surrogate(graph, logQ, cost, null);
    }

    /**
     * stopGradient(cost - baseline) * logQ, per particle.
     *
     * @param logQ per particle: log q of the site's draw (one value, or one per element), its
     *     gradient in the guide's parameters
     * @param cost what the site's score multiplies: the caller chooses it (the whole ELBO term,
     *     or only the factors downstream of the site, Rao-Blackwellised); per particle or shared
     * @param baseline per particle or shared, or null for none; it must not depend on this
     *     particle's draw, or the estimator is biased
     */
    public static Node surrogate(Graph graph, Node logQ, Node cost, Node baseline) {
        if (!logQ.batched) {
            throw new IllegalArgumentException("log q must vary by particle: it is the density of each particle's draw");
        }
        requireFits("the cost", cost, logQ);
        Node centred = cost;
        if (baseline != null) {
            requireFits("the baseline", baseline, logQ);
            centred = graph.sub(cost, baseline);
        }
        Node product = graph.mul(graph.stopGradient(centred), logQ);
        return logQ.rank() == 0 ? product : graph.sum(product);
    }

    /**
     * A cost (or baseline) is one value per particle, or one per element of log q: element i's
     * score then multiplies only element i's cost, which is Rao-Blackwellisation per element.
     */
    private static void requireFits(String what, Node node, Node logQ) {
        if (node.rank() != 0 && !java.util.Arrays.equals(node.shape, logQ.shape)) {
            throw new ShapeException(what + " must be one value per particle or one per element of log q "
                    + Shapes.format(logQ.shape) + ", got " + node);
        }
    }
}
