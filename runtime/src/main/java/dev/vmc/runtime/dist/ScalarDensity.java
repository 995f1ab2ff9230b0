package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/**
 * A distribution whose log density is a function of one scalar variate and up to three
 * scalar parameters, applied elementwise with broadcasting, and summed or not ({@link #logDensity},
 * {@link #logDensities}). Subclasses give the scalar function and its partial derivatives
 * ({@link ScalarTerm#gradient}); {@link DensityOp} does the looping and the broadcasting.
 *
 * <p>A variate outside the support has log density -infinity and zero gradient, so one
 * impossible observation makes the sum impossible without turning gradients into NaN.
 * Parameters are not checked: outside their supports they generally give NaN, which the
 * executor's non-finite diagnostics then point to.
 */
public abstract class ScalarDensity extends ScalarTerm implements Distribution {
    private final String name;
    private final List<String> parameterNames;
    private final List<Support> parameterSupports;
    private final Support support;

    protected ScalarDensity(String name, Support support, List<String> parameterNames, List<Support> parameterSupports) {
        this.name = name;
        this.support = support;
        this.parameterNames = List.copyOf(parameterNames);
        this.parameterSupports = List.copyOf(parameterSupports);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> parameterNames() {
        return parameterNames;
    }

    @Override
    public List<Support> parameterSupports() {
        return parameterSupports;
    }

    @Override
    public Support support() {
        return support;
    }

    /** log p(x | a, b, c); parameters beyond the family's arity are passed as 0. */
    public abstract double logDensity(double x, double a, double b, double c);

    /** The log density is the term {@link DensityOp} applies. */
    @Override
    final double value(double x, double a, double b, double c) {
        return logDensity(x, a, b, c);
    }

    @Override
    String termName() {
        return name + " log density";
    }

    @Override
    public Node logDensity(Graph graph, Node x, List<Node> parameters) {
        return graph.apply(DensityOp.summed(this), operands(x, parameters));
    }

    /** One value per element of the broadcast shape of x and the parameters. */
    @Override
    public Node logDensities(Graph graph, Node x, List<Node> parameters) {
        return graph.apply(DensityOp.perElement(this), operands(x, parameters));
    }

    /** A family with a CDF says so by implementing {@link Cumulative}. */
    @Override
    public boolean hasCumulative() {
        return this instanceof Cumulative;
    }

    @Override
    public Node logCumulative(Graph graph, Node x, List<Node> parameters, boolean upperTail) {
        if (!(this instanceof Cumulative cumulative)) {
            return Distribution.super.logCumulative(graph, x, parameters, upperTail);
        }
        return graph.apply(DensityOp.summed(new CumulativeTerm(name, cumulative, upperTail)), operands(x, parameters));
    }

    /** The variate, then the parameters: a {@link DensityOp}'s inputs. */
    private Node[] operands(Node x, List<Node> parameters) {
        if (parameters.size() != parameterNames.size()) {
            throw new IllegalArgumentException(name + " takes " + parameterNames.size() + " parameters, got " + parameters.size());
        }
        Node[] inputs = new Node[parameters.size() + 1];
        inputs[0] = x;
        for (int i = 0; i < parameters.size(); i++) {
            inputs[i + 1] = parameters.get(i);
        }
        return inputs;
    }

    @Override
    public String toString() {
        return name;
    }
}
