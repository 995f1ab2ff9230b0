package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/**
 * multinomial(theta): one draw is a whole array of K counts y, their total N = sum(y) fixed by
 * the data, with log mass log N! - sum_k log y_k! + sum_k y_k log theta_k (0 log 0 taken as 0, so
 * a category of probability 0 may have no counts). theta is a simplex of K; the counts are
 * observed data, as in Stan. Counts that are not whole and non-negative are impossible. See
 * {@link MultinomialOp}.
 */
final class Multinomial implements Distribution {
    @Override
    public String name() {
        return "multinomial";
    }

    @Override
    public List<String> parameterNames() {
        return List.of("theta");
    }

    @Override
    public List<Support> parameterSupports() {
        return List.of(Support.UNIT_INTERVAL);
    }

    /** theta is one vector per draw, and a draw is the whole array of counts. */
    @Override
    public int parameterRank(int index) {
        return 1;
    }

    @Override
    public int eventRank() {
        return 1;
    }

    @Override
    public Support support() {
        return Support.NONNEGATIVE_INTEGER;
    }

    @Override
    public Node logDensity(Graph graph, Node x, List<Node> parameters) {
        if (parameters.size() != 1) {
            throw new IllegalArgumentException("multinomial takes 1 parameter, got " + parameters.size());
        }
        return graph.apply(new MultinomialOp(), x, parameters.get(0));
    }

    /** x is one draw, so its one element's log mass is the summed one, as for dirichlet. */
    @Override
    public Node logDensities(Graph graph, Node x, List<Node> parameters) {
        return logDensity(graph, x, parameters);
    }

    @Override
    public String toString() {
        return name();
    }
}
