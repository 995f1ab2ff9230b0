package dev.vmc.runtime.infer.enumerate;

import dev.vmc.runtime.dist.Distributions;
import dev.vmc.runtime.graph.ElementwiseReach;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Reduce;
import dev.vmc.runtime.graph.Transpose;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.model.Model.Factor;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One enumerated latent: its K values as a constant of shape [K, ...its shape] (a scalar's as
 * [K, 1], so that its axis never lines up with a vector it meets), and the sums that take it
 * out of its factors again. Its n elements are enumerated together: row i of the joint is
 * element i's log density at each of the K values.
 */
final class Enumeration {
    private final LatentSpec latent;
    private final Node values;
    private final int k;
    private final int n;

    private Enumeration(LatentSpec latent, Node values, int k, int n) {
        this.latent = latent;
        this.values = values;
        this.k = k;
        this.n = n;
    }

    static void requireFinite(LatentSpec latent) {
        if (!latent.isDiscrete() || latent.supportSize() > Integer.MAX_VALUE / Math.max(1, latent.size())) {
            throw new IllegalArgumentException(latent.name() + " has no finite support to enumerate: " + latent.support());
        }
    }

    static Enumeration of(Graph graph, LatentSpec latent) {
        int k = (int) latent.supportSize();
        int n = latent.size();
        int[] shape = Shapes.prepend(k, latent.shape().length == 0 ? new int[] {1} : latent.shape());
        double[] data = new double[k * n];
        for (int v = 0; v < k; v++) {
            Arrays.fill(data, v * n, (v + 1) * n, latent.support().lower() + v);
        }
        return new Enumeration(latent, graph.constant(new Tensor(shape, data)), k, n);
    }

    LatentSpec latent() {
        return latent;
    }

    Node values() {
        return values;
    }

    /**
     * The factors' log densities per element and value, summed over the factors: [n, K], row i
     * element i's. A factor whose elements the latent's do not line up with is refused.
     */
    Node joint(Graph graph, List<Factor> factors) {
        Node total = null;
        for (Factor f : factors) {
            if (f.scale() != 1) {
                throw new EnumeratedModel.EnumerationRefused(latent.name(), f.origin() + " is scaled (a minibatch's),"
                        + " and a scale inside the sum over values is not the scale of the sum");
            }
            String why = ElementwiseReach.whyNot(graph, values, f.elements(), ElementwiseReach.Rule.LEADING_AXIS);
            if (why != null) {
                throw new EnumeratedModel.EnumerationRefused(latent.name(), "on its way to " + f.origin() + ", " + why);
            }
            int[] shape = f.elements().shape;
            boolean scalar = latent.shape().length == 0;
            boolean linesUp = shape.length >= 1 && shape[0] == k && (scalar || startsWith(shape, latent.shape()));
            if (!linesUp) {
                throw new EnumeratedModel.EnumerationRefused(latent.name(), f.origin() + " has elements of shape " + Shapes.format(shape)
                        + ", which do not line up with " + latent.name() + "'s " + Shapes.format(latent.shape()));
            }
            int rest = Shapes.size(shape) / (k * n);
            Node perElement = graph.apply(Reduce.SUM_LAST_AXIS, graph.reshape(f.elements(), k, n, rest));
            total = total == null ? perElement : graph.add(total, perElement);
        }
        if (total == null) {
            total = graph.constant(new Tensor(new int[] {k, n}, new double[k * n]));
        }
        return graph.apply(Transpose.INSTANCE, total);
    }

    /** log sum over the values of exp(joint), per element, in the latent's shape: the marginal factor. */
    Node sumOut(Graph graph, Node joint) {
        return graph.reshape(graph.apply(Reduce.LOG_SUM_EXP_LAST_AXIS, joint), latent.shape());
    }

    /** A draw from each element's conditional given the rest: exp(joint row), normalised. */
    Node conditionalDraw(Graph graph, Node joint) {
        Node draw = Distributions.get("categorical_logit").sample(graph, List.of(joint), new int[] {n});
        Node value = graph.add(draw, graph.constant(latent.support().lower() - 1));
        return graph.reshape(value, latent.shape());
    }

    /** Each element's probability of each value given the rest, with a last axis over the values. */
    Node conditionalProbabilities(Graph graph, Node joint) {
        Node norm = graph.reshape(graph.apply(Reduce.LOG_SUM_EXP_LAST_AXIS, joint), n, 1);
        Node probabilities = graph.exp(graph.sub(joint, norm));
        return graph.reshape(probabilities, Shapes.append(latent.shape(), k));
    }

    /** Each element's most probable value given the rest. */
    Node conditionalMode(Graph graph, Node joint) {
        Node position = graph.apply(dev.vmc.runtime.graph.ArgmaxLastAxis.INSTANCE, joint);
        return graph.reshape(graph.add(position, graph.constant(latent.support().lower())), latent.shape());
    }

    /** K, the values it takes. */
    int supportSize() {
        return k;
    }

    private static boolean startsWith(int[] shape, int[] prefixAfterFirst) {
        if (shape.length < prefixAfterFirst.length + 1) {
            return false;
        }
        return Arrays.equals(Arrays.copyOfRange(shape, 1, prefixAfterFirst.length + 1), prefixAfterFirst);
    }
}
