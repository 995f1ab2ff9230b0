package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Shapes;

/**
 * The categorical log mass of x (values 1..K) under its weights, either of which may vary by
 * particle: summed over x (one value per particle), or per element, one value per draw in
 * x's shape. The weights come in two forms, as {@link DiscreteDrawOp} takes them:
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
    private final boolean perElement;
    /**
     * Whether the weights are [K] (else [N, K]), fixed when the op is made because it decides
     * {@link #isElementwise}; {@link #outputShape} holds the weights to it.
     */
    private final boolean shared;

    private CategoricalOp(String name, CategoricalWeights weights, boolean perElement, boolean shared) {
        this.name = name;
        this.weights = weights;
        this.perElement = perElement;
        this.shared = shared;
    }

    /** The summed log mass, for weights of the given rank (1 shared, 2 one row per draw). */
    static CategoricalOp summed(String name, CategoricalWeights weights, int weightsRank) {
        return new CategoricalOp(name, weights, false, weightsRank == 1);
    }

    /** Each draw's log mass, in the variate's shape. */
    static CategoricalOp perElement(String name, CategoricalWeights weights, int weightsRank) {
        return new CategoricalOp(name, weights, true, weightsRank == 1);
    }

    @Override
    public String name() {
        return name + (perElement ? " log density per element" : " log density");
    }

    /**
     * Per element with shared weights, element i of the output depends on element i of the
     * variate and on the whole weight vector, which every element shares: elementwise with
     * respect to the variate, so an enumerated variate's leading axis passes through. The
     * weights are not broadcast elementwise (their last axis is the categories), so a leading
     * axis added to them would be read as rows; an enumerated latent belongs in the variate.
     * With a row per draw, element n depends on row n, which is not the elementwise pattern
     * either, so false there, as for the sum.
     */
    @Override
    public boolean isElementwise() {
        return perElement && shared;
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
        if ((w.length == 1) != shared) {
            throw new ShapeException("made for " + (shared ? "a vector" : "a matrix") + " of weights, got weights of shape "
                    + Shapes.format(w));
        }
        return perElement ? x : Shapes.SCALAR;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        return shared
                ? new SharedCategoricalKernel(weights, perElement, inputs[0], inputs[1], output)
                : new RowCategoricalKernel(weights, perElement, inputs[0], inputs[1], output);
    }

    /** The 0-based category of a variate value, or -1 for one outside 1..K (a fraction, NaN). */
    static int category(double v, int k) {
        return v >= 1 && v <= k && v == Math.rint(v) ? (int) v - 1 : -1;
    }
}
