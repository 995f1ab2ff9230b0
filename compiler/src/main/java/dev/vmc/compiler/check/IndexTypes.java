package dev.vmc.compiler.check;

import dev.vmc.compiler.check.Type.Container;
import java.util.ArrayList;
import java.util.List;

/**
 * The typing rule of indexing, Stan's. Each index takes one dimension, array dimensions first:
 * an int drops it, an int array (or a slice, typed as the array of its positions) replaces it
 * with the array's size, so {@code alpha[group]} with alpha vector[J] and group array[N] int is
 * vector[N], and {@code X[2:5, {1, 3}]} is a 4 x 2 matrix. Dimensions after the last index are
 * kept whole. A matrix's row ({@code X[i]}, {@code X[i, 2:5]}) is a row_vector, as in Stan.
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
        boolean rowsKept = false;
        for (int i = 0; i < shape.size(); i++) {
            List<Size> part = i < target.arrayDims().size() ? array : dims;
            boolean kept = i >= indices.size() || !indices.get(i).isScalar();
            if (i >= indices.size()) {
                part.add(shape.get(i));
            } else if (kept) {
                part.add(indices.get(i).shape().get(0));
            }
            rowsKept |= kept && i == target.arrayDims().size();
        }
        // a matrix's row (its columns kept, its rows not) is a row_vector, as a row_vector's slice is
        boolean row = target.container() == Container.ROW_VECTOR || (target.container() == Container.MATRIX && !rowsKept);
        Container container = switch (dims.size()) {
            case 0 -> Container.SCALAR;
            case 1 -> row ? Container.ROW_VECTOR : Container.VECTOR;
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
