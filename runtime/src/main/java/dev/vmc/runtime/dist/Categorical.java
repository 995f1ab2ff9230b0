package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/**
 * categorical(theta) and categorical_logit(beta): x in 1..K, under one vector of K weights
 * shared by every element of x, or, for x of shape [N], weights [N, K] with a row per element
 * (see {@link CategoricalOp}). The variate's upper bound K comes from the weights, which the
 * compiler knows; the support here says only "integers from 1".
 */
final class Categorical implements Distribution {
    private static final Support CATEGORIES = Support.integer(1, Double.POSITIVE_INFINITY);

    private final String name;
    private final String parameterName;
    private final Support parameterSupport;
    private final CategoricalWeights weights;

    private Categorical(String name, String parameterName, Support parameterSupport, CategoricalWeights weights) {
        this.name = name;
        this.parameterName = parameterName;
        this.parameterSupport = parameterSupport;
        this.weights = weights;
    }

    /** categorical(theta), theta a simplex (each entry in [0, 1], summing to 1). */
    static Categorical withProbabilities() {
        return new Categorical("categorical", "theta", Support.UNIT_INTERVAL, CategoricalWeights.PROBABILITIES);
    }

    /** categorical_logit(beta), beta any real vector: categorical(softmax(beta)). */
    static Categorical withLogits() {
        return new Categorical("categorical_logit", "beta", Support.REAL, CategoricalWeights.LOGITS);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> parameterNames() {
        return List.of(parameterName);
    }

    @Override
    public List<Support> parameterSupports() {
        return List.of(parameterSupport);
    }

    @Override
    public int parameterRank(int index) {
        return 1;
    }

    @Override
    public Support support() {
        return CATEGORIES;
    }

    @Override
    public Node logDensity(Graph graph, Node x, List<Node> parameters) {
        Node w = weights(parameters);
        return graph.apply(CategoricalOp.summed(name, weights, w.rank()), x, w);
    }

    /** One value per draw, in x's shape, whichever form the weights take. */
    @Override
    public Node logDensities(Graph graph, Node x, List<Node> parameters) {
        Node w = weights(parameters);
        return graph.apply(CategoricalOp.perElement(name, weights, w.rank()), x, w);
    }

    private Node weights(List<Node> parameters) {
        if (parameters.size() != 1) {
            throw new IllegalArgumentException(name + " takes 1 parameter, got " + parameters.size());
        }
        return parameters.get(0);
    }

    @Override
    public boolean hasSampler() {
        return true;
    }

    /** Draws that pass the weights no gradient; see {@link DiscreteDrawOp} for the shapes of weights it takes. */
    @Override
    public Node sample(Graph graph, List<Node> parameters, int[] shape) {
        return DiscreteDrawOp.sample(graph, this, new CategoricalDraw(weights), parameters, shape);
    }

    @Override
    public String toString() {
        return name;
    }
}
