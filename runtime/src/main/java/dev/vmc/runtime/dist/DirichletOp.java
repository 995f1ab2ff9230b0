package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Arrays;

/**
 * The Dirichlet log density of one simplex x under concentrations alpha, both vectors of K,
 * either of which may vary by particle: one pass forward, one back, per particle.
 */
final class DirichletOp implements Op {
    @Override
    public String name() {
        return "dirichlet log density";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] x = inputShapes[0];
        int[] alpha = inputShapes[1];
        if (x.length != 1 || !Arrays.equals(x, alpha)) {
            throw new ShapeException("dirichlet needs a vector and concentrations of its size, got shapes "
                    + Shapes.format(x) + " and " + Shapes.format(alpha));
        }
        return Shapes.SCALAR;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int groups = output.batched() ? output.particles() : 1;
        int k = inputs[0].modelSize();
        int xStride = inputs[0].batched() ? k : 0;
        int aStride = inputs[1].batched() ? k : 0;
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                double[] x = in[0].data;
                double[] alpha = in[1].data;
                double shared = aStride == 0 ? DirichletDensity.logNormaliser(alpha, 0, k) : 0;
                for (int s = 0; s < groups; s++) {
                    double normaliser = aStride == 0 ? shared : DirichletDensity.logNormaliser(alpha, s * aStride, k);
                    out.data[s] = DirichletDensity.logKernel(x, s * xStride, alpha, s * aStride, k) + normaliser;
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                double[] gx = gIn[0] == null ? null : gIn[0].data;
                double[] gAlpha = gIn[1] == null ? null : gIn[1].data;
                if (gx == null && gAlpha == null) {
                    return;
                }
                for (int s = 0; s < groups; s++) {
                    DirichletDensity.addPartials(in[0].data, s * xStride, in[1].data, s * aStride, k, gOut.data[s],
                            gx, gAlpha);
                }
            }
        };
    }
}
