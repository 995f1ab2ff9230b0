package dev.vmc.runtime.transform;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.tensor.Tensor;

/** A {@link Bijection} applied elementwise in one pass, rather than as a chain of exp, mul and add nodes. */
final class ConstrainOp implements Op {
    private final Bijection map;

    ConstrainOp(Bijection map) {
        this.map = map;
    }

    @Override
    public String name() {
        return "constrain " + map.describe();
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        return inputShapes[0];
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                double[] u = in[0].data;
                double[] x = out.data;
                for (int i = 0; i < x.length; i++) {
                    x[i] = map.constrain(u[i]);
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[0] == null) {
                    return;
                }
                double[] u = in[0].data;
                double[] g = gOut.data;
                double[] gu = gIn[0].data;
                for (int i = 0; i < gu.length; i++) {
                    gu[i] += g[i] * map.derivative(u[i]);
                }
            }
        };
    }
}
