package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/**
 * A family of distributions as the rest of vmc sees it: its signature, for the compiler's
 * checks; its log density, as graph nodes; and, where it has one, a reparameterised sampler,
 * which is what lets the pathwise gradient estimator use it as a guide.
 */
public interface Distribution {
    String name();

    List<String> parameterNames();

    /** Each parameter's support, for checking constants and for documentation. */
    List<Support> parameterSupports();

    /**
     * 0 where the parameter goes elementwise with the variate (broadcast, as Stan vectorises);
     * 1 where each draw takes a whole vector (categorical's probabilities).
     */
    default int parameterRank(int index) {
        return 0;
    }

    /**
     * For a discrete family whose largest value a whole-vector parameter sets: how many values it
     * has beyond that vector's size. 0 for categorical (K weights, values 1..K), 1 for
     * ordered_logistic (K - 1 cutpoints, values 1..K).
     */
    default int valuesBeyondVectorSize() {
        return 0;
    }

    /**
     * 0 where each draw is a number; 1 where each draw is a whole vector of the variate's last
     * dimension (multi_normal), so an array of vectors is many draws. Such a family's
     * {@link #parameterRank} is each parameter's rank per draw (a mean vector 1, a covariance 2).
     */
    default int eventRank() {
        return 0;
    }

    /** The variate's support; {@link Support#PARAMETER_BOUNDED} for uniform. */
    Support support();

    default boolean isDiscrete() {
        return support().isDiscrete();
    }

    /** The log density of x summed over all its elements: one value per particle (shared if nothing is). */
    Node logDensity(Graph graph, Node x, List<Node> parameters);

    /**
     * The log density of each element of x (each draw: one vector for a family whose draws are
     * vectors), which a factor hands inference; {@link #logDensity} is their sum, fused. By
     * default the sum, as one element.
     */
    default Node logDensities(Graph graph, Node x, List<Node> parameters) {
        return logDensity(graph, x, parameters);
    }

    /** Whether {@link #logCumulative} works: Stan's _lcdf, _lccdf and _cdf of this family. */
    default boolean hasCumulative() {
        return false;
    }

    /**
     * log P(X <= x), or with {@code upperTail} log P(X > x), summed over the elements of x (the
     * parameters broadcast to them): one value per particle, differentiable in x and the parameters.
     */
    default Node logCumulative(Graph graph, Node x, List<Node> parameters, boolean upperTail) {
        throw new UnsupportedOperationException(name() + " has no cumulative distribution function");
    }

    /** Whether {@link #sample} is a differentiable function of the parameters and of fixed noise. */
    default boolean isReparameterisable() {
        return false;
    }

    /** Whether {@link #sample} works: reparameterised, or discrete with draws that pass no gradient. */
    default boolean hasSampler() {
        return isReparameterisable();
    }

    /**
     * A draw of the given model shape, the parameters broadcast to it, fresh noise each step:
     * differentiable in the parameters when {@link #isReparameterisable}, passing them no
     * gradient otherwise (the discrete families, for the score-function estimator).
     */
    default Node sample(Graph graph, List<Node> parameters, int[] shape) {
        throw new UnsupportedOperationException(name() + " has no sampler");
    }
}
