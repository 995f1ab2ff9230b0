package dev.vmc.runtime.nn;

import dev.vmc.runtime.tensor.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A multilayer perceptron's architecture: {@code widths[0]} inputs, {@code widths[last]}
 * outputs, fully connected layers between consecutive widths, {@code hidden} after every layer
 * but the last and {@code output} after the last (often {@link Activation#IDENTITY}).
 *
 * <p>Its parameters are one flat vector: for each layer in order, the weight matrix W
 * [in, out] row-major, then the bias [out]; a layer computes {@code f(x W + b)} for a row x.
 */
public record Network(String name, int[] widths, Activation hidden, Activation output) {

    public Network {
        if (widths.length < 2) {
            throw new IllegalArgumentException("network " + name + " needs at least an input and an output width, got "
                    + Arrays.toString(widths));
        }
        for (int w : widths) {
            if (w < 1) {
                throw new IllegalArgumentException("network " + name + " has a layer of width " + w);
            }
        }
        widths = widths.clone();
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    public int layers() {
        return widths.length - 1;
    }

    public int inputs() {
        return widths[0];
    }

    public int outputs() {
        return widths[widths.length - 1];
    }

    /** Layer l's activation: {@code hidden} but for the last layer's {@code output}. */
    public Activation activation(int layer) {
        return layer == layers() - 1 ? output : hidden;
    }

    /** Where layer l's weights start in the flat parameter vector; its bias follows them. */
    public int weightOffset(int layer) {
        int offset = 0;
        for (int l = 0; l < layer; l++) {
            offset += (widths[l] + 1) * widths[l + 1];
        }
        return offset;
    }

    public int biasOffset(int layer) {
        return weightOffset(layer) + widths[layer] * widths[layer + 1];
    }

    public int parameterCount() {
        return weightOffset(layers());
    }

    /**
     * PyTorch's default for nn.Linear: every weight and bias uniform in ±1/sqrt(fan_in), drawn
     * in the flat layout's order from {@code SplittableRandom(seed)}, so the same seed gives the
     * same start on every machine.
     */
    public Tensor initialParameters(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[parameterCount()];
        for (int l = 0; l < layers(); l++) {
            double bound = 1 / Math.sqrt(widths[l]);
            int end = weightOffset(l + 1);
            for (int i = weightOffset(l); i < end; i++) {
                values[i] = random.nextDouble(-bound, bound);
            }
        }
        return Tensor.vector(values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Network n && name.equals(n.name) && Arrays.equals(widths, n.widths)
                && hidden == n.hidden && output == n.output;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(widths)) + hidden.hashCode() * 7 + output.hashCode();
    }

    @Override
    public String toString() {
        return name + Arrays.toString(widths) + " " + hidden + "/" + output;
    }
}
