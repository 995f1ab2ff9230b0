package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Broadcast;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.graph.Layout;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link ScalarDraw} applied elementwise to a noise node, the parameters broadcast onto it:
 * one pass forward and one back, where composing tan, log and friends from graph ops would
 * take a node (and a buffer) each. Input 0 is the noise; the output has its shape.
 */
final class DrawOp implements Op {
    private final String name;
    private final ScalarDraw draw;

    DrawOp(String name, ScalarDraw draw) {
        this.name = name;
        this.draw = draw;
    }

    /** Adds fresh noise of the given shape and the draw made from it. */
    static Node sample(Graph graph, String name, ScalarDraw draw, List<Node> parameters, int[] shape) {
        Node[] inputs = new Node[parameters.size() + 1];
        inputs[0] = graph.noise(draw.noise(), shape);
        for (int i = 0; i < parameters.size(); i++) {
            inputs[i + 1] = parameters.get(i);
        }
        return graph.apply(new DrawOp(name, draw), inputs);
    }

    @Override
    public String name() {
        return name + " draw";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] shape = inputShapes[0];
        if (!Arrays.equals(Broadcast.shape(inputShapes), shape)) {
            throw new ShapeException("parameters do not broadcast to the draw's shape " + Shapes.format(shape));
        }
        return shape;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        int n = inputs.length;
        int[][] maps = new int[n][];
        for (int k = 0; k < n; k++) {
            maps[k] = Broadcast.indexMap(inputs[k], output);
        }
        return new Kernel() {
            private final double[] g = new double[3];

            private double arg(Tensor[] in, int k, int i) {
                return k < n ? in[k].data[Broadcast.at(maps[k], i)] : 0;
            }

            public void forward(Tensor[] in, Tensor out) {
                double[] y = out.data;
                for (int i = 0; i < y.length; i++) {
                    y[i] = draw.draw(arg(in, 0, i), arg(in, 1, i), arg(in, 2, i));
                }
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                double[] y = out.data;
                for (int i = 0; i < y.length; i++) {
                    draw.drawGradient(arg(in, 0, i), arg(in, 1, i), arg(in, 2, i), y[i], g);
                    for (int k = 0; k < n; k++) {
                        if (gIn[k] != null) {
                            gIn[k].data[Broadcast.at(maps[k], i)] += gOut.data[i] * g[k];
                        }
                    }
                }
            }
        };
    }
}
