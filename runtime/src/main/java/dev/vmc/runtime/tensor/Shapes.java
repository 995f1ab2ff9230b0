package dev.vmc.runtime.tensor;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Small arithmetic on shapes, which are plain int arrays. */
public final class Shapes {
    public static final int[] SCALAR = new int[0];

    private Shapes() {}

    public static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + format(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    public static int[] append(int[] front, int last) {
        int[] out = java.util.Arrays.copyOf(front, front.length + 1);
        out[front.length] = last;
        return out;
    }

    public static int[] prepend(int first, int[] rest) {
        int[] out = new int[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    /**
     * The shape two operands broadcast to, numpy-style on right-aligned dimensions,
     * or null when they do not broadcast.
     */
    public static int[] broadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = dimFromRight(a, rank - 1 - i);
            int db = dimFromRight(b, rank - 1 - i);
            if (da != db && da != 1 && db != 1) {
                return null;
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    private static int dimFromRight(int[] shape, int fromRight) {
        int i = shape.length - 1 - fromRight;
        return i >= 0 ? shape[i] : 1;
    }

    public static String format(int[] shape) {
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
    }
}
