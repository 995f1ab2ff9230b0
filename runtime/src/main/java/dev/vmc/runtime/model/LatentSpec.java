package dev.vmc.runtime.model;

import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.transform.Bijections;
import dev.vmc.runtime.transform.Support;

/**
 * A latent variable as inference sees it: its name, its shape and the set its values live in.
 * Its shape is that of its constrained values, what the model and draws.csv see; the
 * unconstrained coordinates inference moves may be fewer (a simplex has one fewer).
 */
public record LatentSpec(String name, int[] shape, Support support) {
    public LatentSpec {
        Bijections.unconstrainedShape(shape, support); // fails here, naming the shape, if the support cannot take it
    }

    /** Elements of the constrained value. */
    public int size() {
        return Shapes.size(shape);
    }

    /** Integer-valued: no coordinates in u; enumerated or given a discrete guide. */
    public boolean isDiscrete() {
        return support.isDiscrete();
    }

    /** Values it can take: upper - lower + 1, or Long.MAX_VALUE when unbounded. */
    public long supportSize() {
        if (!isDiscrete()) {
            throw new IllegalStateException(name + " is continuous");
        }
        double n = support.upper() - support.lower() + 1;
        return Double.isFinite(n) && n < Long.MAX_VALUE ? (long) n : Long.MAX_VALUE;
    }

    public int[] unconstrainedShape() {
        return Bijections.unconstrainedShape(shape, support);
    }

    /** Coordinates of the unconstrained vector u this latent takes. */
    public int unconstrainedSize() {
        return Shapes.size(unconstrainedShape());
    }
}
