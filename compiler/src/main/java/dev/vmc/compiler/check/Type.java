package dev.vmc.compiler.check;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The static type of a name or expression: an element kind, a container, the sizes of any
 * enclosing array and the container's own sizes. {@code array[N] vector[K]} is REAL, VECTOR,
 * arrayDims [N], dims [K].
 *
 * <p>{@link #ERROR} stands for "unknown because of an error already reported"; it silences
 * every check it takes part in, so one mistake gives one message. A program that checks
 * cleanly has no ERROR types.
 */
public record Type(Element element, Container container, List<Size> arrayDims, List<Size> dims) {

    public enum Element { INT, REAL, ERROR }

    public enum Container { SCALAR, VECTOR, ROW_VECTOR, MATRIX }

    public static final Type INT = scalar(Element.INT);
    public static final Type REAL = scalar(Element.REAL);
    public static final Type ERROR = scalar(Element.ERROR);

    public Type {
        arrayDims = List.copyOf(arrayDims);
        dims = List.copyOf(dims);
    }

    public static Type scalar(Element element) {
        return new Type(element, Container.SCALAR, List.of(), List.of());
    }

    public static Type vector(Size size) {
        return new Type(Element.REAL, Container.VECTOR, List.of(), List.of(size));
    }

    public static Type rowVector(Size size) {
        return new Type(Element.REAL, Container.ROW_VECTOR, List.of(), List.of(size));
    }

    public static Type matrix(Size rows, Size cols) {
        return new Type(Element.REAL, Container.MATRIX, List.of(), List.of(rows, cols));
    }

    public boolean isError() {
        return element == Element.ERROR;
    }

    public boolean isInt() {
        return element == Element.INT;
    }

    /** No array and no container: a single number. */
    public boolean isScalar() {
        return rank() == 0;
    }

    public boolean isArray() {
        return !arrayDims.isEmpty();
    }

    /** Array sizes then container sizes: the shape of the tensor the runtime will hold. */
    public List<Size> shape() {
        List<Size> shape = new ArrayList<>(arrayDims);
        shape.addAll(dims);
        return shape;
    }

    public int rank() {
        return arrayDims.size() + dims.size();
    }

    /**
     * Whether two types have shapes that may be equal. Arrays and containers of one shape
     * mix ({@code array[N] int} with {@code vector[N]}) because vmc has no conversion
     * functions and both are tensors at run time.
     */
    public boolean sameShapeAs(Type other) {
        List<Size> mine = shape();
        List<Size> theirs = other.shape();
        if (mine.size() != theirs.size()) {
            return false;
        }
        for (int i = 0; i < mine.size(); i++) {
            if (!mine.get(i).matches(theirs.get(i))) {
                return false;
            }
        }
        return true;
    }

    public Type withElement(Element newElement) {
        return new Type(newElement, container, arrayDims, dims);
    }

    /** As the language writes it: {@code real}, {@code vector[J]}, {@code array[N] int}. */
    @Override
    public String toString() {
        String base = switch (container) {
            case SCALAR -> element == Element.INT ? "int" : "real";
            case VECTOR -> "vector" + bracketed(dims);
            case ROW_VECTOR -> "row_vector" + bracketed(dims);
            case MATRIX -> "matrix" + bracketed(dims);
        };
        if (isError()) {
            return "<error>";
        }
        return arrayDims.isEmpty() ? base : "array" + bracketed(arrayDims) + " " + base;
    }

    private static String bracketed(List<Size> sizes) {
        return sizes.stream().map(Size::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
