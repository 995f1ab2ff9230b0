package dev.vmc.compiler.bind;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.compiler.check.CheckedProgram;
import dev.vmc.compiler.check.ExprText;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.data.DataValue;
import dev.vmc.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a data set against a program's data block, in declaration order so that sizes and
 * bounds can use the data declared before them. Names the data block does not declare are
 * ignored. A value with a problem is left out of what later sizes and bounds may use, so
 * that one mistake gives one message.
 */
public final class DataBinder {
    /** The most elements one Java array holds, and so one tensor. */
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    private final Program program;
    private final DataSet data;
    private final Map<String, Tensor> bound = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private DataBinder(Program program, DataSet data) {
        this.program = program;
        this.data = data;
    }

    /** @throws DataMismatchException listing every problem, one per line */
    public static BoundData bind(CheckedProgram checked, DataSet data) {
        return new DataBinder(checked.program(), data).run();
    }

    private BoundData run() {
        for (Decl decl : program.data()) {
            bindOne(decl);
        }
        if (!problems.isEmpty()) {
            String prefix = sourcePrefix();
            throw new DataMismatchException(problems.stream().map(p -> prefix + p).toList());
        }
        return new BoundData(bound);
    }

    private String sourcePrefix() {
        String source = data.source();
        return source == null || source.isEmpty() || source.equals("map") ? "" : source + ": ";
    }

    private void bindOne(Decl decl) {
        DataValue value = data.get(decl.name()).orElse(null);
        if (value == null) {
            problems.add("data file has no value for '" + decl.name() + "' (declared at " + program.fileName() + ":"
                    + decl.pos() + ")");
            return;
        }
        int[] declared = declaredShape(decl);
        if (declared == null) {
            return;
        }
        if (!fits(value.shape(), declared)) {
            problems.add(wrongShape(decl, declared, value.shape()));
            return;
        }
        ElementChecks checks = new ElementChecks(decl.name(), decl.type(), declared, value.values());
        List<String> found = checks.run(bound);
        if (!found.isEmpty()) {
            problems.addAll(found);
            return;
        }
        bound.put(decl.name(), new Tensor(declared, value.values().clone()));
    }

    /** The shape the declaration asks for, or null where a size is unknown or invalid. */
    private int[] declaredShape(Decl decl) {
        List<Expr> sizes = new ArrayList<>(decl.type().arrayDims());
        sizes.addAll(decl.type().dims());
        int[] shape = new int[sizes.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            Double size = DataExpressions.evaluate(sizes.get(i), bound);
            if (size == null) {
                return null;
            }
            if (size < 0 || size != Math.rint(size) || size > Integer.MAX_VALUE) {
                problems.add("'" + decl.name() + "' has size " + ExprText.of(sizes.get(i)) + " = "
                        + ShapeText.number(size) + "; a size must be a whole number from 0 to " + Integer.MAX_VALUE);
                return null;
            }
            shape[i] = (int) (double) size;
            count = Math.min(count * shape[i], Long.MAX_VALUE / Integer.MAX_VALUE); // saturates, never overflows
        }
        if (count > MAX_VALUES) {
            problems.add("'" + decl.name() + "' would have " + ShapeText.count(shape) + " values, more than vmc holds in"
                    + " one variable (" + MAX_VALUES + ")");
            return null;
        }
        return shape;
    }

    /**
     * Equal shapes, or the same number of values where nothing can be misread: a single value
     * for a one-element shape, or nothing at all for an empty one.
     */
    private static boolean fits(int[] given, int[] declared) {
        if (Arrays.equals(given, declared)) {
            return true;
        }
        int count = Arrays.stream(declared).reduce(1, (a, b) -> a * b);
        int givenCount = Arrays.stream(given).reduce(1, (a, b) -> a * b);
        return count == givenCount && (count == 0 || (count == 1 && given.length == 0));
    }

    private static String wrongShape(Decl decl, int[] declared, int[] given) {
        TypeExpr type = decl.type();
        String name = "'" + decl.name() + "'";
        if (declared.length == 0) {
            return name + " should be a single " + type.base().keyword() + ", got " + ShapeText.count(given);
        }
        String got = declared.length == 1 && given.length == 1 ? Integer.toString(given[0]) : ShapeText.count(given);
        return name + " should be " + ExprText.shapeOf(type) + " = " + ShapeText.count(declared) + ", got " + got;
    }
}
