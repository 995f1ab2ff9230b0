package dev.vmc.runtime.graph;

import dev.vmc.runtime.tensor.Tensor;

/**
 * A node with no inputs, whose values the executor supplies: fixed data, a trainable
 * parameter, fresh Monte Carlo noise each step, per-particle values the caller writes, or a
 * minibatch of data the caller writes before each step.
 */
public sealed interface Leaf extends Op {

    @Override
    default Kernel kernel(Layout[] inputs, Layout output) {
        throw new UnsupportedOperationException("the executor fills leaves itself");
    }

    /** Data or a literal: computed nodes that depend only on constants are folded once. */
    record Constant(Tensor value) implements Leaf {
        public String name() {
            return "constant";
        }

        public int[] outputShape(int[][] inputShapes) {
            return value.shape;
        }
    }

    /** A trainable value on the unconstrained scale; its current value lives in a {@link ParameterStore}. */
    record Parameter(String label, Tensor initial) implements Leaf {
        public String name() {
            return "parameter " + label;
        }

        public int[] outputShape(int[][] inputShapes) {
            return initial.shape;
        }
    }

    /** Standard normal or uniform(0, 1) draws, fresh for every particle and every step. */
    record Noise(Kind kind, int[] shape) implements Leaf {
        public enum Kind { NORMAL, UNIFORM }

        public String name() {
            return kind == Kind.NORMAL ? "normal noise" : "uniform noise";
        }

        public int[] outputShape(int[][] inputShapes) {
            return shape;
        }

        @Override
        public boolean outputBatched(boolean[] inputsBatched) {
            return true;
        }
    }

    /**
     * Per-particle values that the caller writes into the executor's buffer before each
     * forward pass, and whose gradient the backward pass computes: the points at which a log
     * density is evaluated, for instance.
     */
    record Input(String label, int[] shape) implements Leaf {
        public String name() {
            return "input " + label;
        }

        public int[] outputShape(int[][] inputShapes) {
            return shape;
        }

        @Override
        public boolean outputBatched(boolean[] inputsBatched) {
            return true;
        }
    }

    /**
     * The rows of a plated data variable in this step's minibatch, which the caller writes
     * before each forward pass: shared by every particle (and by the model and the guide, so
     * the graph keeps one per name), carrying no gradient.
     */
    record Batch(String label, int[] shape) implements Leaf {
        public String name() {
            return "minibatch of " + label;
        }

        public int[] outputShape(int[][] inputShapes) {
            return shape;
        }
    }
}
