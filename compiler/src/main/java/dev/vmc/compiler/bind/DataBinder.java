package dev.vmc.compiler.bind;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.compiler.check.CheckedProgram;
import dev.vmc.compiler.check.DeclarationOrder;
import dev.vmc.compiler.check.NameKind;
import dev.vmc.compiler.check.ExprText;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.data.DataValue;
import dev.vmc.compiler.lower.TransformedData;
import dev.vmc.runtime.graph.EvaluationException;
import dev.vmc.runtime.graph.ShapeException;
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
    private final CheckedProgram checked;
    private final Program program;
    private final DataSet data;
    private final Map<String, Tensor> bound = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private DataBinder(CheckedProgram checked, DataSet data) {
        this.checked = checked;
        this.program = checked.program();
        this.data = data;
    }

    /** @throws DataMismatchException listing every problem, one per line */
    public static BoundData bind(CheckedProgram checked, DataSet data) {
        return new DataBinder(checked, data).run();
    }

    private BoundData run() {
        for (Decl decl : program.data()) {
            bindOne(decl);
        }
        if (problems.isEmpty()) {
            computeTransformedData();
        }
        // these are about the data as a whole: they name every file (the list is empty before each)
        if (problems.isEmpty()) {
            checkOtherDeclarations();
            prefixWith(sourcePrefix(data.source()), 0);
        }
        if (problems.isEmpty()) {
            new ArgumentValues(checked, bound, problems).check();
            prefixWith(sourcePrefix(data.source()), 0);
        }
        Map<String, dev.vmc.runtime.nn.Network> networks = problems.isEmpty() ? NetworkValues.of(checked, bound, problems) : Map.of();
        if (!problems.isEmpty()) {
            throw new DataMismatchException(problems);
        }
        return new BoundData(bound, networks, program.plate() == null ? null : program.plate().size(), checked);
    }

    /**
     * Every other declaration's sizes, bounds and initial values, now that the data they may
     * use is known: the lowering then meets only values it can build.
     */
    private void checkOtherDeclarations() {
        DeclarationValues values = new DeclarationValues(bound, checked, problems);
        DeclarationOrder.forEach(program, (decl, kind) -> {
            if (kind == NameKind.DATA || !checked.symbol(decl.name()).map(s -> s.decl() == decl).orElse(false)) {
                return;
            }
            String subject = kind.description() + " '" + decl.name() + "' (" + program.fileName() + ":" + decl.pos() + ")";
            int[] shape = values.shape(decl, subject);
            boolean bounds = values.bounds(decl, subject);
            if (shape != null && bounds && (kind == NameKind.PARAM || kind == NameKind.GUIDE_PARAM)) {
                values.initial(decl, subject, shape);
            }
        });
    }

    private static String sourcePrefix(String source) {
        return source == null || source.isEmpty() || source.equals("map") ? "" : source + ": ";
    }

    /** Puts {@code prefix} before the problems from {@code from} on: the file they are about. */
    private void prefixWith(String prefix, int from) {
        for (int i = from; i < problems.size(); i++) {
            problems.set(i, prefix + problems.get(i));
        }
    }

    /** Binds one declaration; its problems name the file its value came from (several may have been merged). */
    private void bindOne(Decl decl) {
        int from = problems.size();
        DataValue value = data.get(decl.name()).orElse(null);
        if (value == null) {
            problems.add((data.sourceCount() > 1 ? "none of the data files has a value" : "data file has no value")
                    + " for '" + decl.name() + "' (declared at " + program.fileName() + ":" + decl.pos() + ")");
            prefixWith(sourcePrefix(data.source()), from);
            return;
        }
        checkValue(decl, value);
        prefixWith(sourcePrefix(data.sourceOf(decl.name()).orElse(data.source())), from);
    }

    private void checkValue(Decl decl, DataValue value) {
        DeclarationValues values = new DeclarationValues(bound, checked, problems);
        int[] declared = values.shape(decl, "'" + decl.name() + "'");
        if (declared == null || !values.bounds(decl, "'" + decl.name() + "'")) {
            return;
        }
        if (!fits(value.shape(), declared) && !flattens(value.shape(), declared)) {
            problems.add(wrongShape(decl, declared, value.shape()));
            return;
        }
        ElementChecks checks = new ElementChecks(decl.name(), decl.type(), declared, value.values(), checked);
        List<String> found = checks.run(bound);
        if (!found.isEmpty()) {
            problems.addAll(found);
            return;
        }
        bound.put(decl.name(), new Tensor(declared, value.values().clone()));
    }

    /** Stan's transformed data: the block's statements run over the data, each variable then checked like data. */
    private void computeTransformedData() {
        if (program.transformedDataBody().isEmpty()) {
            return;
        }
        Map<String, Tensor> computed;
        try {
            computed = TransformedData.compute(checked, new BoundData(new LinkedHashMap<>(bound), Map.of(), null, checked));
        } catch (EvaluationException | ShapeException | dev.vmc.compiler.lower.StatementException e) {
            problems.add("transformed data: " + e.getMessage());
            return;
        }
        for (Decl decl : program.transformedData()) {
            compute(decl, computed.get(decl.name()));
        }
    }

    /** A transformed data value, computed from the data as declared, and checked like data. */
    private void compute(Decl decl, Tensor value) {
        DeclarationValues values = new DeclarationValues(bound, checked, problems);
        String subject = "transformed data '" + decl.name() + "' (" + program.fileName() + ":" + decl.pos() + ")";
        int[] declared = values.shape(decl, subject);
        if (declared == null || !values.bounds(decl, subject)) {
            return;
        }
        double[] elements = new double[dev.vmc.runtime.tensor.Shapes.size(declared)];
        if (value.size() == 1) {
            java.util.Arrays.fill(elements, value.data[0]);
        } else if (value.size() == elements.length) {
            System.arraycopy(value.data, 0, elements, 0, elements.length);
        } else {
            problems.add(subject + " is declared " + ShapeText.count(declared) + " but its value has " + value.size()
                    + " values with this data");
            return;
        }
        List<String> found = new ElementChecks(decl.name(), decl.type(), declared, elements, checked).run(bound);
        if (!found.isEmpty()) {
            problems.addAll(found);
            return;
        }
        bound.put(decl.name(), new Tensor(declared, elements));
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

    /**
     * An array of images for a declared table of rows: an N x 28 x 28 array (as an IDX file
     * holds MNIST) where N x 784 is declared. The leading dimension must match and each row's
     * values are read row-major, which is the order they are stored in, so nothing moves.
     * Only for a declared two-dimensional shape: anything else would have to guess.
     */
    private static boolean flattens(int[] given, int[] declared) {
        return declared.length == 2 && given.length > 2 && given[0] == declared[0]
                && trailingCount(given) == declared[1];
    }

    /** The number of values in each row: the product of every dimension after the first. */
    private static long trailingCount(int[] shape) {
        long count = 1;
        for (int i = 1; i < shape.length; i++) {
            count *= shape[i];
        }
        return count;
    }

    private static String wrongShape(Decl decl, int[] declared, int[] given) {
        TypeExpr type = decl.type();
        String name = "'" + decl.name() + "'";
        if (declared.length == 0) {
            return name + " should be a single " + type.base().keyword() + ", got " + ShapeText.count(given);
        }
        String got = declared.length == 1 && given.length == 1 ? Integer.toString(given[0]) : ShapeText.count(given);
        String message = name + " should be " + ExprText.shapeOf(type) + " = " + ShapeText.count(declared) + ", got " + got;
        if (declared.length == 2 && given.length > 2) {
            // the one rule for more dimensions than declared: say what it needs, and what failed
            message += given[0] != declared[0]
                    ? "; an array of " + given.length + " dimensions fills " + declared[0] + " x " + declared[1]
                            + " only with " + declared[0] + " rows, and it has " + given[0]
                    : "; each of its " + given[0] + " rows flattens row-major to " + trailingCount(given) + " values,"
                            + " and " + declared[1] + " are declared";
        }
        return message;
    }
}
