package dev.vmc.runtime.data;

import dev.vmc.runtime.tensor.Shapes;
import dev.vmc.runtime.tensor.Tensor;

/**
 * One named value from a data file or a Java map: its shape (empty for a scalar), its
 * elements in row-major order, and whether every element was written as an integer.
 */
public record DataValue(int[] shape, double[] values, boolean integer) {
    public DataValue {
        if (values.length != Shapes.size(shape)) {
            throw new IllegalArgumentException("shape " + Shapes.format(shape) + " needs " + Shapes.size(shape)
                    + " values, got " + values.length);
        }
    }

    public static DataValue scalar(double v, boolean integer) {
        return new DataValue(new int[0], new double[] {v}, integer);
    }

    public Tensor toTensor() {
        return new Tensor(shape, values.clone());
    }

    public int size() {
        return values.length;
    }
}
