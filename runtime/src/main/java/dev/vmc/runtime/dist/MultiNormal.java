package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Cholesky;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/**
 * multi_normal(mu, Sigma) and multi_normal_cholesky(mu, L): each draw a vector of K (a vector,
 * or each vector of an array), mean mu (one vector, or one per draw), covariance Sigma or L L'.
 * The covariance form factors Sigma first (read from its lower triangle, as Stan's does),
 * then both are one {@link MultiNormalCholeskyOp}.
 */
final class MultiNormal implements Distribution {
    private final boolean cholesky;

    MultiNormal(boolean cholesky) {
        this.cholesky = cholesky;
    }

    @Override
    public String name() {
        return cholesky ? "multi_normal_cholesky" : "multi_normal";
    }

    @Override
    public List<String> parameterNames() {
        return List.of("mu", cholesky ? "L" : "Sigma");
    }

    @Override
    public List<Support> parameterSupports() {
        return List.of(Support.REAL, Support.REAL);
    }

    /** mu is a vector per draw, the covariance (or its factor) a matrix. */
    @Override
    public int parameterRank(int index) {
        return index + 1;
    }

    @Override
    public int eventRank() {
        return 1;
    }

    @Override
    public Support support() {
        return Support.REAL;
    }

    @Override
    public Node logDensity(Graph graph, Node x, List<Node> parameters) {
        Node each = logDensities(graph, x, parameters);
        return each.rank() == 0 ? each : graph.sum(each);
    }

    @Override
    public Node logDensities(Graph graph, Node x, List<Node> parameters) {
        Node factor = cholesky ? parameters.get(1) : graph.apply(Cholesky.INSTANCE, parameters.get(1));
        return graph.apply(new MultiNormalCholeskyOp(), x, parameters.get(0), factor);
    }

    @Override
    public String toString() {
        return name();
    }
}
