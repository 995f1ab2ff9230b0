package dev.vmc.runtime.model;

import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.transform.Support;

/** A latent variable as inference sees it: its name, its shape and the set its values live in. */
public record LatentSpec(String name, int[] shape, Support support) {
    public int size() {
        return Shapes.size(shape);
    }
}
