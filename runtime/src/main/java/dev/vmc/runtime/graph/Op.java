package dev.vmc.runtime.graph;

/**
 * What a node computes, independent of how many particles run through it. An op is
 * stateless and may be shared; {@link #kernel} makes the executable form for concrete layouts.
 */
public interface Op {
    String name();

    /**
     * The op as messages to users name it: as the language writes it where a program wrote
     * it ("log", "+"), in plain words otherwise. An enum's {@code name()} is its Java constant
     * (LOG, MATMUL), which a modeller never wrote; its {@code toString()} is the readable one.
     */
    default String describe() {
        return this instanceof Enum<?> ? toString() : name();
    }

    /**
     * The model shape of the output given the inputs' model shapes.
     *
     * @throws ShapeException when the inputs do not fit together
     */
    int[] outputShape(int[][] inputShapes);

    /** Whether the output has a particle dimension; by default, when any input does. */
    default boolean outputBatched(boolean[] inputsBatched) {
        for (boolean b : inputsBatched) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether each output element depends only on the input elements broadcast onto it, so an
     * input's extra leading axis (an enumerated latent's values) passes through to the output
     * as its leading axis, and element i of the output sees element i of an input of the same
     * shape and no other. Enumeration and per-element Rao-Blackwellisation rely on it.
     */
    default boolean isElementwise() {
        return false;
    }

    /** False for an op whose output gradients must not reach its inputs ({@link StopGradient}). */
    default boolean passesGradient() {
        return true;
    }

    Kernel kernel(Layout[] inputs, Layout output);
}
