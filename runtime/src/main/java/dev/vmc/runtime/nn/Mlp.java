package dev.vmc.runtime.nn;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/** A network as one node: inputs (x [rows, in] or [in], params [P]), output [rows, out]. Placeholder loops. */
public record Mlp(Network network) implements Op {
    public String name() {
        return "network " + network.name();
    }

    @Override
    public String describe() {
        return network.name();
    }

    public int[] outputShape(int[][] in) {
        int[] x = in[0];
        if (x.length < 1 || x.length > 2 || x[x.length - 1] != network.inputs()) {
            throw new ShapeException("network " + network.name() + " takes inputs of " + network.inputs() + " values, got "
                    + Shapes.format(x));
        }
        if (in[1].length != 1 || in[1][0] != network.parameterCount()) {
            throw new ShapeException("network " + network.name() + " needs " + network.parameterCount() + " parameters");
        }
        return x.length == 1 ? new int[] {network.outputs()} : new int[] {x[0], network.outputs()};
    }

    @Override
    public boolean outputBatched(boolean[] inputsBatched) {
        return inputsBatched[0];
    }

    public Kernel kernel(Layout[] inputs, Layout output) {
        int rows = inputs[0].size() / network.inputs();
        int[] w = network.widths();
        double[][] pre = new double[w.length][];
        double[][] act = new double[w.length][];
        for (int l = 1; l < w.length; l++) {
            pre[l] = new double[rows * w[l]];
            act[l] = new double[rows * w[l]];
        }
        double[][] grad = new double[w.length][];
        for (int l = 0; l < w.length; l++) {
            grad[l] = new double[rows * w[l]];
        }
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                act[0] = in[0].data;
                double[] p = in[1].data;
                int at = 0;
                for (int l = 0; l < w.length - 1; l++) {
                    int a = w[l];
                    int b = w[l + 1];
                    Activation f = l == w.length - 2 ? network.output() : network.hidden();
                    for (int r = 0; r < rows; r++) {
                        for (int j = 0; j < b; j++) {
                            double s = p[at + a * b + j];
                            for (int i = 0; i < a; i++) {
                                s += act[l][r * a + i] * p[at + i * b + j];
                            }
                            pre[l + 1][r * b + j] = s;
                            act[l + 1][r * b + j] = f.apply(s);
                        }
                    }
                    at += a * b + b;
                }
                System.arraycopy(act[w.length - 1], 0, out.data, 0, out.data.length);
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                double[] p = in[1].data;
                int last = w.length - 1;
                System.arraycopy(gOut.data, 0, grad[last], 0, gOut.data.length);
                int at = network.parameterCount();
                for (int l = last - 1; l >= 0; l--) {
                    int a = w[l];
                    int b = w[l + 1];
                    at -= a * b + b;
                    Activation f = l == last - 1 ? network.output() : network.hidden();
                    java.util.Arrays.fill(grad[l], 0);
                    for (int r = 0; r < rows; r++) {
                        for (int j = 0; j < b; j++) {
                            double d = grad[l + 1][r * b + j] * f.derivative(pre[l + 1][r * b + j], act[l + 1][r * b + j]);
                            if (gIn[1] != null) {
                                gIn[1].data[at + a * b + j] += d;
                                for (int i = 0; i < a; i++) {
                                    gIn[1].data[at + i * b + j] += act[l][r * a + i] * d;
                                }
                            }
                            for (int i = 0; i < a; i++) {
                                grad[l][r * a + i] += p[at + i * b + j] * d;
                            }
                        }
                    }
                }
                if (gIn[0] != null) {
                    for (int i = 0; i < grad[0].length; i++) {
                        gIn[0].data[i] += grad[0][i];
                    }
                }
            }
        };
    }
}
