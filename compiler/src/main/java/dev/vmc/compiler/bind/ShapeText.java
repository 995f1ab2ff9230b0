package dev.vmc.compiler.bind;

/** How data messages write shapes, element names and numbers. */
final class ShapeText {
    private ShapeText() {}

    /** "a single value", "8 values", "8 x 3". */
    static String count(int[] shape) {
        if (shape.length == 0) {
            return "a single value";
        }
        if (shape.length == 1) {
            return shape[0] + (shape[0] == 1 ? " value" : " values");
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            text.append(i == 0 ? "" : " x ").append(shape[i]);
        }
        return text.toString();
    }

    /** The element at a row-major flat index, as Stan writes it: {@code X[2,3]}, 1-based. */
    static String element(String name, int[] shape, int flat) {
        if (shape.length == 0) {
            return name;
        }
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d] + 1;
            flat /= shape[d];
        }
        StringBuilder text = new StringBuilder(name).append('[');
        for (int d = 0; d < index.length; d++) {
            text.append(d == 0 ? "" : ",").append(index[d]);
        }
        return text.append(']').toString();
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
