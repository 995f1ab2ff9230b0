package dev.vmc.runtime.transform;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Unary;
import dev.vmc.runtime.tensor.Shapes;

/**
 * The elementwise maps of {@link Bijections} with their bounds, offset and multiplier given as
 * graph nodes rather than numbers: Stan's real<lower=a> b with a a latent, vector<lower=L>[N]
 * with one bound per element, vector<offset=mu, multiplier=tau>[J]. Built from the graph's own
 * elementwise ops, so gradients flow into the bounds as well as into the unconstrained value,
 * and bounds broadcast against it (a scalar bound, or one per element).
 */
public final class NodeBounds {
    private NodeBounds() {}

    /**
     * A constrained value and the log |Jacobian| of its map, per element of the value (to be
     * summed into the log density).
     */
    public record Mapped(Node value, Node logJacobian) {}

    /**
     * lower + exp(u), upper - exp(u), or lower + (upper - lower) inv_logit(u) with both, as
     * Stan maps them; either bound may be null (absent), not both.
     */
    public static Mapped between(Graph g, Node u, Node lower, Node upper) {
        if (lower == null && upper == null) {
            throw new IllegalArgumentException("a bounded map needs a lower or an upper bound");
        }
        if (upper == null) {
            return new Mapped(g.add(lower, g.exp(u)), u);
        }
        if (lower == null) {
            return new Mapped(g.sub(upper, g.exp(u)), u);
        }
        Node width = g.sub(upper, lower);
        Node value = g.add(lower, g.mul(width, g.apply(Unary.INV_LOGIT, u)));
        Node logJacobian = g.add(g.log(width),
                g.add(g.apply(Unary.LOG_INV_LOGIT, u), g.apply(Unary.LOG1M_INV_LOGIT, u)));
        return new Mapped(value, logJacobian);
    }

    /**
     * offset + multiplier * u, with log |det| = log multiplier for each element of u (a
     * multiplier must be positive); either may be null (0 and 1). A scalar multiplier's log
     * is counted once per element of u.
     */
    public static Mapped affine(Graph g, Node u, Node offset, Node multiplier) {
        Node value = multiplier == null ? u : g.mul(multiplier, u);
        if (offset != null) {
            value = g.add(offset, value);
        }
        if (multiplier == null) {
            return new Mapped(value, g.constant(0));
        }
        Node log = g.log(multiplier);
        int elements = Shapes.size(u.shape);
        boolean perElement = Shapes.size(multiplier.shape) == elements && elements > 1;
        return new Mapped(value, perElement || elements == 1 ? log : g.mul(g.constant(elements), log));
    }
}
