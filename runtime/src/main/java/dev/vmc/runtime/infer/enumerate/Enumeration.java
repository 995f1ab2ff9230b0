package dev.vmc.runtime.infer.enumerate;

import dev.vmc.runtime.dist.Distributions;
import dev.vmc.runtime.graph.ArgmaxLastAxis;
import dev.vmc.runtime.graph.ElementwiseReach;
import dev.vmc.runtime.graph.Gather;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Reduce;
import dev.vmc.runtime.graph.Transpose;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.model.Model.Factor;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Latents enumerated along one axis: one latent's K values, or the K = K1 x K2 x ... joint values
 * of latents of one shape that share a factor. Each latent's values are a constant of shape
 * [K, ...its shape] (a scalar's as [K, 1], so that the axis never lines up with a vector it
 * meets), and the sums take them out of their factors again. Their n elements are enumerated
 * together: row i of the joint is element i's log density at each of the K values.
 */
final class Enumeration {
    private final List<LatentSpec> latents;
    private final List<Node> values;
    /** Per latent, its value at each joint value: what a draw of the joint value is decoded by. */
    private final List<double[]> tables;
    private final int k;
    private final int n;
    private final int[] shape;

    private Enumeration(List<LatentSpec> latents, List<Node> values, List<double[]> tables, int k, int n, int[] shape) {
        this.latents = latents;
        this.values = values;
        this.tables = tables;
        this.k = k;
        this.n = n;
        this.shape = shape;
    }

    static void requireFinite(LatentSpec latent) {
        if (!latent.isDiscrete() || latent.supportSize() > Integer.MAX_VALUE / Math.max(1, latent.size())) {
            throw new IllegalArgumentException(latent.name() + " has no finite support to enumerate: " + latent.support());
        }
    }

    /** The latents of a group, all of one shape, along one axis of their joint values (the last varying fastest). */
    static Enumeration of(Graph graph, List<LatentSpec> group) {
        int[] shape = group.get(0).shape();
        long product = 1;
        for (LatentSpec latent : group) {
            if (!Arrays.equals(latent.shape(), shape)) {
                throw new IllegalArgumentException("latents enumerated together must have one shape: " + group);
            }
            product *= latent.supportSize();
        }
        int k = Math.toIntExact(product);
        int n = Shapes.size(shape);
        int[] axis = Shapes.prepend(k, shape.length == 0 ? new int[] {1} : shape);
        List<Node> values = new ArrayList<>();
        List<double[]> tables = new ArrayList<>();
        int stride = k;
        for (LatentSpec latent : group) {
            int size = (int) latent.supportSize();
            stride /= size;
            double[] table = new double[k];
            double[] data = new double[k * n];
            for (int v = 0; v < k; v++) {
                table[v] = latent.support().lower() + (v / stride) % size;
                Arrays.fill(data, v * n, (v + 1) * n, table[v]);
            }
            tables.add(table);
            values.add(graph.constant(new Tensor(axis, data)));
        }
        return new Enumeration(List.copyOf(group), values, tables, k, n, shape);
    }

    List<LatentSpec> latents() {
        return latents;
    }

    List<Node> values() {
        return values;
    }

    /** The names, for messages: "z", or "a and b". */
    String names() {
        return names(latents);
    }

    static String names(List<LatentSpec> latents) {
        return String.join(" and ", latents.stream().map(LatentSpec::name).toList());
    }

    /**
     * The factors' log densities per element and joint value, summed over the factors: [n, K],
     * row i element i's. A factor whose elements the latents' do not line up with is refused.
     */
    Node joint(Graph graph, List<Factor> factors) {
        Node total = null;
        for (Factor f : factors) {
            String first = latents.get(0).name();
            if (f.scale() != 1) {
                throw new EnumeratedModel.EnumerationRefused(first, f.origin() + " is scaled (a minibatch's),"
                        + " and a scale inside the sum over values is not the scale of the sum");
            }
            String why = ElementwiseReach.whyNot(graph, values, f.elements(), ElementwiseReach.Rule.LEADING_AXIS);
            if (why != null) {
                throw new EnumeratedModel.EnumerationRefused(latents.get(latents.size() - 1).name(), "on its way to "
                        + f.origin() + ", " + why);
            }
            int[] elements = f.elements().shape;
            boolean scalar = shape.length == 0;
            boolean linesUp = elements.length >= 1 && elements[0] == k && (scalar || startsWith(elements, shape));
            if (!linesUp) {
                throw new EnumeratedModel.EnumerationRefused(first, f.origin() + " has elements of shape "
                        + Shapes.format(elements) + ", which do not line up with " + names() + "'s " + Shapes.format(shape));
            }
            int rest = Shapes.size(elements) / (k * n);
            Node perElement = graph.apply(Reduce.SUM_LAST_AXIS, graph.reshape(f.elements(), k, n, rest));
            total = total == null ? perElement : graph.add(total, perElement);
        }
        if (total == null) {
            total = graph.constant(new Tensor(new int[] {k, n}, new double[k * n]));
        }
        return graph.apply(Transpose.INSTANCE, total);
    }

    /** log sum over the joint values of exp(joint), per element, in the latents' shape: the marginal factor. */
    Node sumOut(Graph graph, Node joint) {
        return graph.reshape(graph.apply(Reduce.LOG_SUM_EXP_LAST_AXIS, joint), shape);
    }

    /** A joint value per element drawn from its conditional given the rest, exp(joint row) normalised: 0 .. K-1. */
    Node conditionalDraw(Graph graph, Node joint) {
        Node draw = Distributions.get("categorical_logit").sample(graph, List.of(joint), new int[] {n});
        return graph.sub(draw, graph.constant(1));
    }

    /** Latent j's value at each element's drawn joint value, in its shape. */
    Node valueOf(Graph graph, int j, Node drawn) {
        Node value = graph.apply(Gather.INSTANCE, graph.constant(Tensor.vector(tables.get(j))), drawn);
        return graph.reshape(value, shape);
    }

    /** Each element's probability of each joint value given the rest: [n, K]. */
    Node conditionalProbabilities(Graph graph, Node joint) {
        Node norm = graph.reshape(graph.apply(Reduce.LOG_SUM_EXP_LAST_AXIS, joint), n, 1);
        return graph.exp(graph.sub(joint, norm));
    }

    /** Latent j's probabilities per element and value, summed over the others' values, with a last axis over its values. */
    Node marginalProbabilities(Graph graph, int j, Node probabilities) {
        int size = (int) latents.get(j).supportSize();
        Node marginal = probabilities;
        if (latents.size() > 1) {
            double[] indicator = new double[k * size];
            double lower = latents.get(j).support().lower();
            for (int v = 0; v < k; v++) {
                indicator[v * size + (int) (tables.get(j)[v] - lower)] = 1;
            }
            marginal = graph.matmul(probabilities, graph.constant(new Tensor(new int[] {k, size}, indicator)));
        }
        return graph.reshape(marginal, Shapes.append(shape, size));
    }

    /** Latent j's most probable value per element given the rest. */
    Node mode(Graph graph, int j, Node marginal) {
        int size = (int) latents.get(j).supportSize();
        Node position = graph.apply(ArgmaxLastAxis.INSTANCE, graph.reshape(marginal, n, size));
        return graph.reshape(graph.add(position, graph.constant(latents.get(j).support().lower())), shape);
    }

    private static boolean startsWith(int[] elements, int[] prefixAfterFirst) {
        if (elements.length < prefixAfterFirst.length + 1) {
            return false;
        }
        return Arrays.equals(Arrays.copyOfRange(elements, 1, prefixAfterFirst.length + 1), prefixAfterFirst);
    }
}
