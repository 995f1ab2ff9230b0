package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/**
 * ordered_logistic(eta, c): an ordinal outcome k in 1..K from a real eta and K - 1 increasing
 * cutpoints c, P(k) = inv_logit(eta - c[k - 1]) - inv_logit(eta - c[k]) with c[0] = -inf and
 * c[K] = +inf. eta goes elementwise with k (a scalar or one per outcome); the cutpoints are one
 * vector shared by every outcome, or a matrix with a row per outcome (Stan's array of vectors).
 * See {@link OrderedLogisticOp}.
 */
final class OrderedLogistic implements Distribution {
    private static final Support CATEGORIES = Support.integer(1, Double.POSITIVE_INFINITY);

    @Override
    public String name() {
        return "ordered_logistic";
    }

    @Override
    public List<String> parameterNames() {
        return List.of("eta", "c");
    }

    @Override
    public List<Support> parameterSupports() {
        return List.of(Support.REAL, Support.ORDERED);
    }

    /** eta elementwise; c a whole vector per outcome. */
    @Override
    public int parameterRank(int index) {
        return index == 1 ? 1 : 0;
    }

    /** K - 1 cutpoints make K categories. */
    @Override
    public int valuesBeyondVectorSize() {
        return 1;
    }

    @Override
    public Support support() {
        return CATEGORIES;
    }

    @Override
    public Node logDensity(Graph graph, Node x, List<Node> parameters) {
        return graph.apply(new OrderedLogisticOp(false), operands(x, parameters));
    }

    @Override
    public Node logDensities(Graph graph, Node x, List<Node> parameters) {
        return graph.apply(new OrderedLogisticOp(true), operands(x, parameters));
    }

    private static Node[] operands(Node x, List<Node> parameters) {
        if (parameters.size() != 2) {
            throw new IllegalArgumentException("ordered_logistic takes 2 parameters, got " + parameters.size());
        }
        return new Node[] {x, parameters.get(0), parameters.get(1)};
    }

    @Override
    public String toString() {
        return name();
    }
}
