package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/**
 * A family with one vector parameter (per draw) and one op for its log density: dirichlet and
 * multinomial, whose draw is the whole vector, so that their one element's log density is the
 * summed one; categorical, which gives one per element of its own.
 */
abstract class OneVectorParameter implements Distribution {
    private final String name;
    private final String parameter;
    private final Support parameterSupport;

    OneVectorParameter(String name, String parameter, Support parameterSupport) {
        this.name = name;
        this.parameter = parameter;
        this.parameterSupport = parameterSupport;
    }

    /** The summed log density's op, of the variate and this parameter value (it checks their shapes). */
    abstract Op densityOp(Node parameter);

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> parameterNames() {
        return List.of(parameter);
    }

    @Override
    public List<Support> parameterSupports() {
        return List.of(parameterSupport);
    }

    /** The parameter is one vector for the whole draw, not a value per element. */
    @Override
    public int parameterRank(int index) {
        return 1;
    }

    @Override
    public Node logDensity(Graph graph, Node x, List<Node> parameters) {
        Node parameter = parameter(parameters);
        return graph.apply(densityOp(parameter), x, parameter);
    }

    /** The one parameter's node. */
    final Node parameter(List<Node> parameters) {
        if (parameters.size() != 1) {
            throw new IllegalArgumentException(name + " takes 1 parameter, got " + parameters.size());
        }
        return parameters.get(0);
    }

    @Override
    public Node logDensities(Graph graph, Node x, List<Node> parameters) {
        return logDensity(graph, x, parameters);
    }

    @Override
    public String toString() {
        return name;
    }
}
