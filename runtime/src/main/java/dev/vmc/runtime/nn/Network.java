package dev.vmc.runtime.nn;

import dev.vmc.runtime.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * A multilayer perceptron's architecture: widths from input to output, the hidden layers'
 * activation and the output's. Its parameters are one flat vector: per layer, the weights
 * [in, out] row-major, then the biases [out].
 */
public record Network(String name, int[] widths, Activation hidden, Activation output) {

    public int layers() {
        return widths.length - 1;
    }

    public int inputs() {
        return widths[0];
    }

    public int outputs() {
        return widths[widths.length - 1];
    }

    public int parameterCount() {
        int count = 0;
        for (int l = 0; l < layers(); l++) {
            count += widths[l] * widths[l + 1] + widths[l + 1];
        }
        return count;
    }

    /** PyTorch's nn.Linear default: weights and biases uniform in +-1/sqrt(fan in). */
    public Tensor initialParameters(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor p = new Tensor(new int[] {parameterCount()});
        int at = 0;
        for (int l = 0; l < layers(); l++) {
            double bound = 1 / Math.sqrt(widths[l]);
            int n = widths[l] * widths[l + 1] + widths[l + 1];
            for (int i = 0; i < n; i++) {
                p.data[at++] = bound * (2 * random.nextDouble() - 1);
            }
        }
        return p;
    }
}
