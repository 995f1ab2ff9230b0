package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.DataType;
import dev.vmc.runtime.tensor.Shapes;

/**
 * Where a node's values sit in memory for one executor: its model shape, whether a leading
 * particle dimension of size {@code particles} comes first, and whether the values are
 * fixed for the executor's life (data, and what depends only on data), which lets a kernel
 * prepare them once. {@code type} is the storage type the executor asks of networks' own
 * buffers (see {@link DataType}); other kernels work in doubles and ignore it.
 */
public record Layout(int[] shape, boolean batched, int particles, boolean fixed, DataType type) {

    public Layout(int[] shape, boolean batched, int particles) {
        this(shape, batched, particles, false);
    }

    public Layout(int[] shape, boolean batched, int particles, boolean fixed) {
        this(shape, batched, particles, fixed, DataType.FLOAT64);
    }

    public int[] physical() {
        return batched ? Shapes.prepend(particles, shape) : shape;
    }

    /** Elements per particle. */
    public int modelSize() {
        return Shapes.size(shape);
    }

    public int size() {
        return batched ? particles * modelSize() : modelSize();
    }
}
