package dev.vmc.runtime.nn;

import dev.vmc.runtime.graph.Kernel;
import dev.vmc.runtime.tensor.Tensor;

/**
 * A network's forward and backward passes over {@code rows} input rows, in buffers of one
 * storage type {@code A} allocated here once, so that a step allocates nothing. Forward: per
 * layer Z = X W (one product), then Z += b and X' = f(Z) in one pass (Z is kept for the
 * derivative). Backward: dZ = dX' f'(Z) in place, dW = X^T dZ, db = column sums of dZ, and
 * dX = dZ W^T where something upstream needs it; gradients are summed over all rows (the
 * batch and the particles) and then added into the graph's double gradients.
 */
final class MlpKernel<A> implements Kernel {
    private final int rows;
    private final Numerics<A> numerics;
    private final int layers;
    /** The network's shape, read once here: a record's array accessor copies. */
    private final int[] widths;
    private final int[] weightOffsets;
    private final int[] biasOffsets;
    private final Activation[] activationOf;
    private final int parameterCount;
    private final A weights;
    private final A gradient;
    /** activations[0] is the input; activations[l + 1] is layer l's output (its pre-activation's buffer for the identity). */
    private final A[] activations;
    private final A[] preActivations;
    /** deltas[l]: the gradient with respect to activations[l]; layer l's dZ is computed in place in deltas[l + 1]. */
    private final A[] deltas;

    @SuppressWarnings("unchecked")
    MlpKernel(Network network, int rows, Numerics<A> numerics) {
        this.rows = rows;
        this.numerics = numerics;
        layers = network.layers();
        widths = network.widths();
        weightOffsets = new int[layers];
        biasOffsets = new int[layers];
        activationOf = new Activation[layers];
        for (int l = 0; l < layers; l++) {
            weightOffsets[l] = network.weightOffset(l);
            biasOffsets[l] = network.biasOffset(l);
            activationOf[l] = network.activation(l);
        }
        parameterCount = network.parameterCount();
        weights = numerics.allocate(parameterCount);
        gradient = numerics.allocate(parameterCount);
        activations = (A[]) new Object[layers + 1];
        preActivations = (A[]) new Object[layers];
        deltas = (A[]) new Object[layers + 1];
        activations[0] = numerics.allocate(rows * widths[0]);
        deltas[0] = numerics.allocate(rows * widths[0]);
        for (int l = 0; l < layers; l++) {
            int size = rows * widths[l + 1];
            preActivations[l] = numerics.allocate(size);
            activations[l + 1] = activationOf[l] == Activation.IDENTITY ? preActivations[l] : numerics.allocate(size);
            deltas[l + 1] = numerics.allocate(size);
        }
    }

    @Override
    public void forward(Tensor[] in, Tensor out) {
        numerics.load(in[1].data, 0, weights, 0, parameterCount);
        numerics.load(in[0].data, 0, activations[0], 0, rows * widths[0]);
        for (int l = 0; l < layers; l++) {
            numerics.gemm(false, false, rows, widths[l + 1], widths[l], activations[l], 0, weights, weightOffsets[l],
                    preActivations[l], 0, false);
            numerics.biasActivate(preActivations[l], weights, biasOffsets[l], activations[l + 1], rows, widths[l + 1],
                    activationOf[l]);
        }
        numerics.export(activations[layers], 0, out.data, 0, out.data.length, false);
    }

    @Override
    public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
        boolean inputGradient = gIn[0] != null;
        boolean parameterGradient = gIn[1] != null;
        if (!inputGradient && !parameterGradient) {
            return;
        }
        numerics.load(gOut.data, 0, deltas[layers], 0, gOut.data.length);
        for (int l = layers - 1; l >= 0; l--) {
            int inputs = widths[l];
            int width = widths[l + 1];
            A dz = deltas[l + 1];
            numerics.activationGradient(dz, preActivations[l], activations[l + 1], rows * width, activationOf[l]);
            if (parameterGradient) {
                numerics.gemm(true, false, inputs, width, rows, activations[l], 0, dz, 0, gradient, weightOffsets[l], false);
                numerics.columnSums(dz, rows, width, gradient, biasOffsets[l]);
            }
            if (l > 0 || inputGradient) {
                numerics.gemm(false, true, rows, inputs, width, dz, 0, weights, weightOffsets[l], deltas[l], 0, false);
            }
        }
        if (parameterGradient) {
            numerics.export(gradient, 0, gIn[1].data, 0, parameterCount, true);
        }
        if (inputGradient) {
            numerics.export(deltas[0], 0, gIn[0].data, 0, gIn[0].data.length, true);
        }
    }
}
