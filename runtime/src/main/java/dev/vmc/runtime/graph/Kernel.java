package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Tensor;

/** An op made executable for fixed layouts; may keep scratch space, so one per executor. */
public interface Kernel {
    void forward(Tensor[] in, Tensor out);

    /**
     * Adds the vector-Jacobian product {@code gOut * d out / d in[i]} into {@code gIn[i]}
     * for every input whose {@code gIn[i]} is not null.
     */
    void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn);

    /**
     * Why the last forward pass wrote NaN on purpose, or null: an ODE solver that ran out of
     * steps gives NaN, as Stan rejects such a point, and this says which limit it hit.
     */
    default String failure() {
        return null;
    }
}
