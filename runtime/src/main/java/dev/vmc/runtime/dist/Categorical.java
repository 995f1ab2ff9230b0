package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/**
 * categorical(theta) and categorical_logit(beta): x in 1..K, under one vector of K weights
 * shared by every element of x, or, for x of shape [N], weights [N, K] with a row per element
 * (see {@link CategoricalOp}). The variate's upper bound K comes from the weights, which the
 * compiler knows; the support here says only "integers from 1".
 */
final class Categorical extends OneVectorParameter {
    private static final Support CATEGORIES = Support.integer(1, Double.POSITIVE_INFINITY);

    private final CategoricalWeights weights;

    private Categorical(String name, String parameterName, Support parameterSupport, CategoricalWeights weights) {
        super(name, parameterName, parameterSupport);
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
    public Support support() {
        return CATEGORIES;
    }

    @Override
    Op densityOp(Node w) {
        return CategoricalOp.summed(name(), weights, w.rank());
    }

    /** One value per draw, in x's shape, whichever form the weights take. */
    @Override
    public Node logDensities(Graph graph, Node x, List<Node> parameters) {
        Node w = parameter(parameters);
        return graph.apply(CategoricalOp.perElement(name(), weights, w.rank()), x, w);
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
}
