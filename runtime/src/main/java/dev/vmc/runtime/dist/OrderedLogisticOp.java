package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Broadcast;
import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * The ordered-logistic log mass of outcomes k (1..K) under predictors eta and cutpoints c:
 * summed (one value per particle) or one value per outcome. k and eta broadcast against each
 * other (each a scalar or of the one shape); c is [K - 1], shared, or [N, K - 1] for N outcomes,
 * row n for outcome n. Any of them may vary by particle.
 *
 * <p>Each term is taken in logs as Stan does: the first category's log(1 - inv_logit(eta - c1)) =
 * -softplus(eta - c1), the last's -softplus(c[K-1] - eta), and a middle one's log of a
 * difference of inv_logits, a - softplus(a) - softplus(b) + log1m_exp(b - a) with a = eta - c[k-1]
 * > b = eta - c[k], so that no probability is formed and subtracted. An outcome outside 1..K
 * has log mass -infinity and no gradient; cutpoints out of order give NaN.
 *
 * <p>Not elementwise even per outcome: every outcome reads the whole cutpoint vector.
 */
final class OrderedLogisticOp implements Op {
    private final boolean perElement;

    OrderedLogisticOp(boolean perElement) {
        this.perElement = perElement;
    }

    @Override
    public String name() {
        return "ordered_logistic log density" + (perElement ? " per element" : "");
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] outcomes = Broadcast.shape(new int[][] {inputShapes[0], inputShapes[1]});
        int size = Shapes.size(outcomes);
        for (int k = 0; k < 2; k++) {
            int s = Shapes.size(inputShapes[k]);
            if (s != 1 && s != size) {
                throw new ShapeException("ordered_logistic needs eta a scalar or of the outcomes' shape, got "
                        + Shapes.format(inputShapes[0]) + " and " + Shapes.format(inputShapes[1]));
            }
        }
        int[] c = inputShapes[2];
        boolean rows = c.length == 2 && outcomes.length == 1 && c[0] == outcomes[0];
        if (c.length != 1 && !rows) {
            throw new ShapeException("ordered_logistic needs a vector of cutpoints, or a matrix with a row per outcome"
                    + " of a vector of outcomes, got cutpoints of shape " + Shapes.format(c) + " for outcomes of shape "
                    + Shapes.format(outcomes));
        }
        return perElement ? outcomes : Shapes.SCALAR;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int[] outcomes = Broadcast.shape(new int[][] {inputs[0].shape(), inputs[1].shape()});
        int width = Shapes.size(outcomes);
        int groups = output.batched() ? output.particles() : 1;
        int[] c = inputs[2].shape();
        int cutpoints = c[c.length - 1];
        int rowStep = c.length == 2 ? cutpoints : 0;
        int[] sizes = {inputs[0].modelSize(), inputs[1].modelSize(), inputs[2].modelSize()};
        boolean[] batched = {inputs[0].batched(), inputs[1].batched(), inputs[2].batched()};
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                for (int s = 0; s < groups; s++) {
                    double total = 0;
                    for (int e = 0; e < width; e++) {
                        double v = logMass(in, s, e);
                        if (perElement) {
                            out.data[s * width + e] = v;
                        } else {
                            total += v;
                        }
                    }
                    if (!perElement) {
                        out.data[s] = total;
                    }
                }
            }

            /** Element e of operand k for particle s: its own value, or the one value broadcast. */
            private int at(int k, int s, int e) {
                return (batched[k] ? s * sizes[k] : 0) + (sizes[k] == 1 ? 0 : e);
            }

            /** Where outcome e's cutpoints start for particle s. */
            private int row(int s, int e) {
                return (batched[2] ? s * sizes[2] : 0) + e * rowStep;
            }

            private double logMass(Tensor[] in, int s, int e) {
                int j = CategoricalOp.category(in[0].data[at(0, s, e)], cutpoints + 1);
                if (j < 0) {
                    return Double.NEGATIVE_INFINITY;
                }
                double eta = in[1].data[at(1, s, e)];
                double[] cs = in[2].data;
                int r = row(s, e);
                if (cutpoints == 0) {
                    return 0;
                }
                if (j == 0) {
                    return -Special.softplus(eta - cs[r]);
                }
                if (j == cutpoints) {
                    return -Special.softplus(cs[r + cutpoints - 1] - eta);
                }
                double a = eta - cs[r + j - 1];
                double b = eta - cs[r + j];
                return a - Special.softplus(a) - Special.softplus(b) + Special.log1mExp(b - a);
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                double[] gEta = gIn[1] == null ? null : gIn[1].data;
                double[] gC = gIn[2] == null ? null : gIn[2].data;
                if ((gEta == null && gC == null) || cutpoints == 0) {
                    return;
                }
                double[] cs = in[2].data;
                for (int s = 0; s < groups; s++) {
                    for (int e = 0; e < width; e++) {
                        int j = CategoricalOp.category(in[0].data[at(0, s, e)], cutpoints + 1);
                        if (j < 0) {
                            continue;
                        }
                        double upstream = gOut.data[perElement ? s * width + e : s];
                        double eta = in[1].data[at(1, s, e)];
                        int r = row(s, e);
                        // the slopes in eta - c[j - 1] (below) and eta - c[j] (above); 0 where that cutpoint is infinite
                        double below = 0;
                        double above = 0;
                        if (j == 0) {
                            above = -Special.invLogit(eta - cs[r]);
                        } else if (j == cutpoints) {
                            below = Special.invLogit(cs[r + cutpoints - 1] - eta);
                        } else {
                            double a = eta - cs[r + j - 1];
                            double b = eta - cs[r + j];
                            double gap = 1 / Math.expm1(a - b);
                            below = Special.invLogit(-a) + gap;
                            above = -Special.invLogit(b) - gap;
                        }
                        if (gEta != null) {
                            gEta[at(1, s, e)] += upstream * (below + above);
                        }
                        if (gC != null) {
                            if (j > 0) {
                                gC[r + j - 1] -= upstream * below;
                            }
                            if (j < cutpoints) {
                                gC[r + j] -= upstream * above;
                            }
                        }
                    }
                }
            }
        };
    }
}
