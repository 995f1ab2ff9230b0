package dev.vmc.compiler.check;

import dev.vmc.compiler.check.Type.Container;
import java.util.ArrayList;
import java.util.List;

/**
 * The typing rule of indexing, Stan's. Each index takes one dimension, array dimensions first:
 * an int drops it, an int array (or a slice, typed as the array of its positions) replaces it
 * with the array's size, so {@code alpha[group]} with alpha vector[J] and group array[N] int is
 * vector[N], and {@code X[2:5, {1, 3}]} is a 4 x 2 matrix. Dimensions after the last index are
 * kept whole.
 */
final class IndexTypes {
    private IndexTypes() {}

    static Outcome index(Type target, List<Type> indices) {
        if (target.isScalar()) {
            return Outcome.fail("cannot index " + target + ": it is a single number");
        }
        if (indices.size() > target.rank()) {
            return Outcome.fail("too many indices for " + target + ": it takes at most " + target.rank() + ", got "
                    + indices.size());
        }
        List<Size> array = new ArrayList<>();
        List<Size> dims = new ArrayList<>();
        List<Size> shape = target.shape();
        for (int i = 0; i < shape.size(); i++) {
            List<Size> part = i < target.arrayDims().size() ? array : dims;
            if (i >= indices.size()) {
                part.add(shape.get(i));
            } else if (!indices.get(i).isScalar()) {
                part.add(indices.get(i).shape().get(0));
            }
        }
        Container container = switch (dims.size()) {
            case 0 -> Container.SCALAR;
            case 1 -> Container.VECTOR;
            default -> Container.MATRIX;
        };
        return Outcome.ok(new Type(target.element(), container, array, dims));
    }

    /** Null if the type can index; otherwise why not. */
    static String problemWithIndex(Type index) {
        if (index.isInt() && (index.isScalar() || (index.rank() == 1 && index.isArray()))) {
            return null;
        }
        return "an index must be an int or an array of ints, got " + index;
    }
}
