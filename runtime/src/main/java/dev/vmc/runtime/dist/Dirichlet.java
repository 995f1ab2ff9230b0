package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/** dirichlet(alpha): a point on the simplex of size K, with K positive concentrations; mean alpha / sum(alpha). */
final class Dirichlet implements Distribution {
    @Override
    public String name() {
        return "dirichlet";
    }

    @Override
    public List<String> parameterNames() {
        return List.of("alpha");
    }

    @Override
    public List<Support> parameterSupports() {
        return List.of(Support.POSITIVE);
    }

    /** alpha is one vector for the whole variate, not a value per element. */
    @Override
    public int parameterRank(int index) {
        return 1;
    }

    @Override
    public Support support() {
        return Support.SIMPLEX;
    }

    @Override
    public Node logDensity(Graph graph, Node x, List<Node> parameters) {
        if (parameters.size() != 1) {
            throw new IllegalArgumentException("dirichlet takes 1 parameter, got " + parameters.size());
        }
        return graph.apply(new DirichletOp(), x, parameters.get(0));
    }

    /**
     * A draw is the whole simplex, and x is one draw ([K], as {@link DirichletOp} requires), so
     * its one element's log density is the summed one: a scalar, rank 0.
     */
    @Override
    public Node logDensities(Graph graph, Node x, List<Node> parameters) {
        return logDensity(graph, x, parameters);
    }

    @Override
    public String toString() {
        return name();
    }
}
