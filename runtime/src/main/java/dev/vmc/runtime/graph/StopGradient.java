package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Tensor;

/**
 * The identity whose derivative is taken to be zero: a value used in a formula as a constant
 * though it depends on parameters, as the "sticking the landing" ELBO gradient needs the
 * guide's own parameters in its log density. The executor never differentiates through it.
 */
public enum StopGradient implements Op {
    INSTANCE;

    @Override
    public String toString() {
        return "stop gradient";
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        return inputShapes[0];
    }

    @Override
    public boolean isElementwise() {
        return true;
    }

    @Override
    public boolean passesGradient() {
        return false;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        return new Kernel() {
            public void forward(Tensor[] in, Tensor out) {
                System.arraycopy(in[0].data, 0, out.data, 0, out.data.length);
            }

            public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
                // nothing reaches the input: the executor gives it no gradient buffer here
            }
        };
    }
}
