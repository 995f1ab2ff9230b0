package dev.vmc.runtime.data;

import dev.vmc.runtime.tensor.Shapes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns nested Java arrays and lists into one {@link DataValue} for {@link DataSet#of}: the
 * shape comes from following the first element down, and every other element must agree
 * with it. The JSON reader ({@link JsonArrays}) streams by the same rule and names places
 * with {@link #place}, so a ragged array reads the same way whichever door it came in by.
 *
 * @param <T> the node type of the source tree
 */
final class NestedArrays<T> {

    /** One number and whether it was written as an integer. */
    record Element(double value, boolean integer) {}

    /** How to see a source tree: a node's elements (null for a leaf) and a leaf's number. */
    interface Tree<T> {
        List<? extends T> elementsOrNull(T node);

        /** Reads a leaf; {@code where} names it ("x[2, 3]") for the reader's own error, made only then. */
        Element leaf(T node, Supplier<String> where);
    }

    private final String name;
    private final Tree<T> tree;
    private final Function<String, RuntimeException> failure;
    private int[] shape;
    private double[] values;
    private int filled;
    private boolean allIntegers = true;

    private NestedArrays(String name, Tree<T> tree, Function<String, RuntimeException> failure) {
        this.name = name;
        this.tree = tree;
        this.failure = failure;
    }

    /**
     * @param failure wraps a message such as "'X' is ragged: row 3 has 4 values, row 1 has 5"
     *     into the caller's exception type
     */
    static <T> DataValue toDataValue(String name, T root, Tree<T> tree, Function<String, RuntimeException> failure) {
        NestedArrays<T> reader = new NestedArrays<>(name, tree, failure);
        reader.shape = reader.shapeOfFirstElements(root);
        reader.values = new double[Shapes.size(reader.shape)];
        reader.visit(root, new ArrayList<>());
        return new DataValue(reader.shape, reader.values, reader.allIntegers);
    }

    private int[] shapeOfFirstElements(T root) {
        List<Integer> dims = new ArrayList<>();
        T node = root;
        List<? extends T> elements;
        while ((elements = tree.elementsOrNull(node)) != null) {
            dims.add(elements.size());
            if (elements.isEmpty()) {
                break;
            }
            node = elements.get(0);
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private void visit(T node, List<Integer> path) {
        int depth = path.size();
        List<? extends T> elements = tree.elementsOrNull(node);
        if (depth == shape.length) {
            if (elements != null) {
                throw ragged(label(path) + " is an array but " + label(firstPath(depth)) + " is a number");
            }
            Element e = tree.leaf(node, () -> label(path));
            values[filled++] = e.value();
            allIntegers &= e.integer();
            return;
        }
        if (elements == null) {
            throw ragged(label(path) + " is a number but " + label(firstPath(depth)) + " is an array");
        }
        if (elements.size() != shape[depth]) {
            String unit = depth == shape.length - 1 ? " values, " : " elements, ";
            throw ragged(label(path) + " has " + elements.size() + unit + label(firstPath(depth)) + " has "
                    + shape[depth]);
        }
        for (int i = 0; i < elements.size(); i++) {
            path.add(i + 1);
            visit(elements.get(i), path);
            path.remove(path.size() - 1);
        }
    }

    private RuntimeException ragged(String detail) {
        return failure.apply("'" + name + "' is ragged: " + detail);
    }

    private static List<Integer> firstPath(int depth) {
        List<Integer> ones = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            ones.add(1);
        }
        return ones;
    }

    private String label(List<Integer> path) {
        return place(name, path.stream().mapToInt(Integer::intValue).toArray(), path.size(), shape.length);
    }

    /**
     * "row 3" for the rows of a matrix, where people think in rows; "X[2, 3]" otherwise; the
     * name alone for the whole value. The streaming JSON reader names places the same way.
     *
     * @param path 1-based indices, of which the first {@code depth} count
     * @param rank how many dimensions the whole value has
     */
    static String place(String name, int[] path, int depth, int rank) {
        if (depth == 0) {
            return name;
        }
        if (depth == 1 && rank == 2) {
            return "row " + path[0];
        }
        StringBuilder out = new StringBuilder(name).append('[');
        for (int i = 0; i < depth; i++) {
            out.append(i == 0 ? "" : ", ").append(path[i]);
        }
        return out.append(']').toString();
    }
}
