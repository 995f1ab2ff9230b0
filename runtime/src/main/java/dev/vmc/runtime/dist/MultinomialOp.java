package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Arrays;

/**
 * The multinomial log mass of one array of K counts under K probabilities, either of which may
 * vary by particle: one value per particle, one pass forward and one back.
 */
final class MultinomialOp implements Op {
    @Override
    public String name() {
        return "multinomial log density";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] y = inputShapes[0];
        int[] theta = inputShapes[1];
        if (y.length != 1 || !Arrays.equals(y, theta)) {
            throw new ShapeException("multinomial needs an array of counts and probabilities of its size, got shapes "
                    + Shapes.format(y) + " and " + Shapes.format(theta));
        }
        return Shapes.SCALAR;
    }

    /** One value per particle from the counts and probabilities of that particle (or the shared ones). */
    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int groups = output.batched() ? output.particles() : 1;
        int k = inputs[0].modelSize();
        int yStride = inputs[0].batched() ? k : 0;
        int thetaStride = inputs[1].batched() ? k : 0;
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                for (int s = 0; s < groups; s++) {
                    out.data[s] = logMass(in[0].data, s * yStride, in[1].data, s * thetaStride, k);
                }
            }

            /** d/d theta_k = y_k / theta_k (0 where there are no counts); the counts get none. */
            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[1] == null) {
                    return;
                }
                double[] y = in[0].data;
                double[] theta = in[1].data;
                double[] g = gIn[1].data;
                for (int s = 0; s < groups; s++) {
                    if (out.data[s] == Double.NEGATIVE_INFINITY) {
                        continue;
                    }
                    for (int j = 0; j < k; j++) {
                        double count = y[s * yStride + j];
                        if (count != 0) {
                            g[s * thetaStride + j] += gOut.data[s] * count / theta[s * thetaStride + j];
                        }
                    }
                }
            }
        };
    }

    /** log N! - sum_k log y_k! + sum_k y_k log theta_k for the counts at yAt and probabilities at thetaAt. */
    static double logMass(double[] y, int yAt, double[] theta, int thetaAt, int k) {
        double total = 0;
        double acc = 0;
        for (int j = 0; j < k; j++) {
            double count = y[yAt + j];
            if (!(count >= 0) || count != Math.rint(count)) {
                return Double.NEGATIVE_INFINITY;
            }
            total += count;
            acc += Special.multiplyLog(count, theta[thetaAt + j]) - Special.logFactorial(count);
        }
        return acc + Special.logFactorial(total);
    }
}
