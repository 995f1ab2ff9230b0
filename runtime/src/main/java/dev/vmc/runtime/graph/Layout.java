package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Shapes;

/**
 * Where a node's values sit in memory for one executor: its model shape, and whether a
 * leading particle dimension of size {@code particles} comes first.
 */
public record Layout(int[] shape, boolean batched, int particles) {

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
