package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Shapes;

/**
 * The summed categorical log mass of x (values 1..K) under its weights, either of which may
 * vary by particle. The weights come in two forms, as {@link DiscreteDrawOp} takes them:
 * <ul>
 *   <li>[K], one vector shared by every element of x, whatever x's shape
 *       ({@link SharedCategoricalKernel}, which counts the categories once);
 *   <li>[N, K] for x of shape [N], row n for element n: what a guide with its own probabilities
 *       per datum, q(z[n]) = categorical_logit(logits[n, :]), needs
 *       ({@link RowCategoricalKernel}).
 * </ul>
 * Values outside 1..K make the result -infinity and take no part in the gradient; x itself
 * gets none, being discrete.
 */
final class CategoricalOp implements Op {
    private final String name;
    private final CategoricalWeights weights;

    CategoricalOp(String name, CategoricalWeights weights) {
        this.name = name;
        this.weights = weights;
    }

    @Override
    public String name() {
        return name + " log density";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] x = inputShapes[0];
        int[] w = inputShapes[1];
        if (w.length < 1 || w.length > 2 || w[w.length - 1] < 1) {
            throw new ShapeException("needs a non-empty vector of category weights, or a matrix with one row"
                    + " per element of a vector variate, got weights of shape " + Shapes.format(w));
        }
        if (w.length == 2 && (x.length != 1 || x[0] != w[0])) {
            throw new ShapeException("weights of shape " + Shapes.format(w) + " (one row per element) need a variate of shape "
                    + Shapes.format(new int[] {w[0]}) + ", got " + Shapes.format(x));
        }
        return Shapes.SCALAR;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        return inputs[1].shape().length == 1
                ? new SharedCategoricalKernel(weights, inputs[0], inputs[1], output)
                : new RowCategoricalKernel(weights, inputs[0], inputs[1], output);
    }

    /** The 0-based category of a variate value, or -1 for one outside 1..K (a fraction, NaN). */
    static int category(double v, int k) {
        return v >= 1 && v <= k && v == Math.rint(v) ? (int) v - 1 : -1;
    }
}
