package dev.vmc.compiler.check;

import dev.vmc.compiler.check.Type.Container;
import java.util.ArrayList;
import java.util.List;

/**
 * The typing rule of indexing. Each index takes one dimension, array dimensions first: an
 * int drops it, an int array replaces it with the array's size (a gather), so
 * {@code alpha[group]} with alpha vector[J] and group array[N] int is vector[N]. A matrix
 * indexed once gives its row as a vector: vmc has no row vectors.
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
        for (int i = 0; i < indices.size() - 1; i++) {
            if (!indices.get(i).isScalar()) {
                // The lowering gathers one dimension at a time from the front, so an array
                // index leaves the dimensions after it where the next index cannot reach them.
                return Outcome.fail("only the last index may be an int array (index " + (i + 1) + " of " + indices.size()
                        + " is one); for a matrix, M[group, j] can be written M'[j][group]");
            }
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
