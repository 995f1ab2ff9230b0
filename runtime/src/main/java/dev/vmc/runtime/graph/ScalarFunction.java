package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Tensor;

/**
 * A function of one real with its derivative. {@link #kernel} applies it elementwise, which is
 * how every pointwise op (exp, inv_logit, a constraining map) runs forward and backward.
 */
public interface ScalarFunction {
    double value(double x);

    /** d value / d x at x, given y = value(x) (several derivatives are cheapest from y). */
    double derivative(double x, double y);

    static Kernel kernel(ScalarFunction fn) {
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                double[] x = in[0].data;
                double[] y = out.data;
                for (int i = 0; i < y.length; i++) {
                    y[i] = fn.value(x[i]);
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                if (gIn[0] == null) {
                    return;
                }
                double[] x = in[0].data;
                double[] y = out.data;
                double[] g = gOut.data;
                double[] gx = gIn[0].data;
                for (int i = 0; i < y.length; i++) {
                    gx[i] += g[i] * fn.derivative(x[i], y[i]);
                }
            }
        };
    }
}
