package dev.vmc.runtime.tensor;

import java.util.Arrays;

/**
 * A dense row-major array of doubles with a shape. Kernels work on {@link #data} directly:
 * for the small tensors of most models a Java loop costs nanoseconds where a native call
 * costs microseconds (see bench/), so only heavy kernels leave the JVM.
 */
public final class Tensor {
    public final int[] shape;
    public final double[] data;

    public Tensor(int[] shape) {
        this(shape, new double[Shapes.size(shape)]);
    }

    public Tensor(int[] shape, double[] data) {
        if (data.length != Shapes.size(shape)) {
            throw new IllegalArgumentException(
                    "shape " + Shapes.format(shape) + " needs " + Shapes.size(shape) + " values, got " + data.length);
        }
        this.shape = shape.clone();
        this.data = data;
    }

    public static Tensor scalar(double value) {
        return new Tensor(new int[0], new double[] {value});
    }

    public static Tensor vector(double... values) {
        return new Tensor(new int[] {values.length}, values);
    }

    public static Tensor filled(int[] shape, double value) {
        Tensor t = new Tensor(shape);
        Arrays.fill(t.data, value);
        return t;
    }

    public int size() {
        return data.length;
    }

    public int rank() {
        return shape.length;
    }

    public double item() {
        if (data.length != 1) {
            throw new IllegalStateException("item() of a tensor of shape " + Shapes.format(shape));
        }
        return data[0];
    }

    public Tensor copy() {
        return new Tensor(shape, data.clone());
    }

    public void fill(double value) {
        Arrays.fill(data, value);
    }

    public void copyFrom(Tensor other) {
        System.arraycopy(other.data, 0, data, 0, data.length);
    }

    public boolean allFinite() {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** The same values seen with another shape of the same size (shares data). */
    public Tensor reshape(int... newShape) {
        return new Tensor(newShape, data);
    }

    @Override
    public String toString() {
        return "Tensor" + Shapes.format(shape) + Arrays.toString(data.length > 20 ? Arrays.copyOf(data, 20) : data);
    }
}
