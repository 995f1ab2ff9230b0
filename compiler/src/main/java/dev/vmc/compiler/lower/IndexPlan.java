package dev.vmc.compiler.lower;

import dev.vmc.runtime.graph.ShapeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which elements of a container an index selects, once every index's value is known: Stan's
 * {@code x[2:5, {1, 3}]}, {@code X[:, j]}, {@code a[idx]}. Each selection takes one dimension
 * of the target, from the first: a single position drops it, a list of positions (an int
 * array or a slice) keeps it with the list's length, and dimensions after the last selection
 * are kept whole. The result is the selected elements' flat, row-major positions in the target,
 * in the order of the result's own row-major layout, and the result's shape.
 *
 * <p>Reading {@code x[...]} gathers these positions; assigning {@code x[...] = v} writes
 * {@code v}'s k-th element (row-major) to position k of the plan. Positions are checked
 * against the target's sizes here, so a bad index is reported before a fit starts.
 */
public final class IndexPlan {

    /** One index's selection along its dimension, with 1-based positions as the language writes them. */
    public sealed interface Selection {
        /** Whether the dimension stays in the result. */
        boolean keeps();
    }

    /** {@code x[i]}: one position; the dimension is dropped. */
    public record Single(int position) implements Selection {
        public boolean keeps() {
            return false;
        }
    }

    /** {@code x[idx]}: the positions of an int array, in its order, repeats allowed. */
    public record Multiple(int[] positions) implements Selection {
        public boolean keeps() {
            return true;
        }
    }

    /**
     * {@code x[a:b]}, {@code x[a:]}, {@code x[:b]}, {@code x[:]}: the run from {@code lower} to
     * {@code upper} inclusive (null: the dimension's first or last); empty when upper < lower,
     * as in Stan.
     */
    public record Range(Integer lower, Integer upper) implements Selection {
        public boolean keeps() {
            return true;
        }
    }

    private final int[] shape;
    private final int[] positions;

    private IndexPlan(int[] shape, int[] positions) {
        this.shape = shape;
        this.positions = positions;
    }

    /** The result's shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** The selected elements' 0-based flat positions in the target, in the result's row-major order. */
    public int[] positions() {
        return positions.clone();
    }

    /**
     * @param target     the indexed value's shape
     * @param selections one per index, at most one per dimension
     * @param what       the indexing as written ({@code x[2:7]}), for messages
     * @throws ShapeException where a position is outside its dimension
     */
    public static IndexPlan of(int[] target, List<Selection> selections, String what) {
        if (selections.size() > target.length) {
            throw new ShapeException(what + " has " + selections.size() + " indices for a value of " + target.length
                    + " dimensions");
        }
        List<int[]> chosen = new ArrayList<>();
        List<Integer> shape = new ArrayList<>();
        for (int d = 0; d < target.length; d++) {
            Selection s = d < selections.size() ? selections.get(d) : new Range(null, null);
            int[] rows = positionsAlong(s, target[d], d, selections.size(), what);
            chosen.add(rows);
            if (s.keeps()) {
                shape.add(rows.length);
            }
        }
        int[] strides = new int[target.length];
        int stride = 1;
        for (int d = target.length - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= target[d];
        }
        long count = 1;
        for (int[] rows : chosen) {
            count *= rows.length;
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new ShapeException(what + " selects " + count + " elements, more than one value may hold");
        }
        int[] positions = new int[(int) count];
        // an odometer over the chosen positions, last dimension fastest
        int[] at = new int[target.length];
        for (int k = 0; k < positions.length; k++) {
            int flat = 0;
            for (int d = 0; d < target.length; d++) {
                flat += chosen.get(d)[at[d]] * strides[d];
            }
            positions[k] = flat;
            for (int d = target.length - 1; d >= 0; d--) {
                if (++at[d] < chosen.get(d).length) {
                    break;
                }
                at[d] = 0;
            }
        }
        return new IndexPlan(shape.stream().mapToInt(Integer::intValue).toArray(), positions);
    }

    /** The 0-based positions a selection takes along a dimension of {@code size}. */
    private static int[] positionsAlong(Selection s, int size, int dimension, int indices, String what) {
        String which = indices == 1 ? "" : " (index " + (dimension + 1) + ")";
        if (s instanceof Single single) {
            return new int[] {checked(single.position(), size, what, which)};
        }
        if (s instanceof Multiple many) {
            int[] rows = new int[many.positions().length];
            for (int j = 0; j < rows.length; j++) {
                rows[j] = checked(many.positions()[j], size, what, which + " at position " + (j + 1));
            }
            return rows;
        }
        Range r = (Range) s;
        int lower = r.lower() == null ? 1 : r.lower();
        int upper = r.upper() == null ? size : r.upper();
        if (upper < lower) {
            return new int[0];
        }
        if (lower < 1 || upper > size) {
            throw new ShapeException(what + ": the slice " + lower + ":" + upper + which + " runs outside 1.." + size
                    + ", the size of the indexed dimension");
        }
        int[] rows = new int[upper - lower + 1];
        for (int j = 0; j < rows.length; j++) {
            rows[j] = lower - 1 + j;
        }
        return rows;
    }

    private static int checked(int position, int size, String what, String where) {
        if (position < 1 || position > size) {
            throw new ShapeException(what + ": index " + position + where + " is outside 1.." + size
                    + ", the size of the indexed dimension");
        }
        return position - 1;
    }
}
