package dev.vmc.compiler.fuzz;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.compiler.check.ExpressionTypes;
import dev.vmc.compiler.lower.Evaluator;
import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.data.DataValue;
import dev.vmc.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Data made up from a program's data block, so that a fuzzed program can be bound and
 * lowered: int scalars (the sizes) are small, every value sits inside its declared bounds
 * where the bounds can be evaluated, and a size that cannot be evaluated or is out of reach
 * gets 2. The data need not fit: a binding that refuses them is an outcome the fuzz test
 * accepts (a data error), as long as it is a clean one.
 */
final class SmallData {
    private static final int LARGEST_SIZE = 4;

    private SmallData() {}

    static DataSet forProgram(Program program) {
        Map<String, Tensor> known = new LinkedHashMap<>();
        Map<String, DataValue> values = new LinkedHashMap<>();
        for (Decl decl : program.data()) {
            List<Expr> sizes = new ArrayList<>(decl.type().arrayDims());
            sizes.addAll(decl.type().dims());
            int[] shape = new int[sizes.size()];
            for (int i = 0; i < shape.length; i++) {
                Double size = value(sizes.get(i), known);
                shape[i] = size == null || !(size >= 0 && size <= LARGEST_SIZE) ? 2 : (int) Math.rint(size);
            }
            boolean integer = decl.type().base() == TypeExpr.Base.INT;
            double value = valueWithin(decl.type(), known, integer);
            int count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            double[] data = new double[count];
            Arrays.fill(data, value);
            values.put(decl.name(), new DataValue(shape, data, integer));
            known.put(decl.name(), new Tensor(shape, data.clone()));
        }
        return DataSet.of(values);
    }

    /** The value where it can be had from the data made so far; else null, and the caller picks one. */
    private static Double value(Expr expr, Map<String, Tensor> known) {
        try {
            return Evaluator.scalar(expr, known, ExpressionTypes.NONE);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether every declaration other than data holds at most {@code limit} elements with
     * these data. Lowering allocates a latent's or param's values and its guide's, so a
     * {@code vector[321316749]} (valid, and found by the fuzzer) would test the JVM's heap, not
     * the compiler: such programs are compiled but not lowered.
     */
    static boolean smallEnough(Program program, DataSet data, long limit) {
        Map<String, Tensor> known = new LinkedHashMap<>();
        for (String name : data.names()) {
            data.get(name).ifPresent(v -> known.put(name, new Tensor(v.shape(), v.values().clone())));
        }
        boolean[] small = {true};
        dev.vmc.compiler.check.DeclarationOrder.forEach(program, (decl, kind) -> {
            List<Expr> sizes = new ArrayList<>(decl.type().arrayDims());
            sizes.addAll(decl.type().dims());
            double count = 1;
            for (Expr size : sizes) {
                Double value = value(size, known);
                count *= value == null ? 1 : Math.abs(value);
            }
            small[0] &= count <= limit;
        });
        return small[0];
    }

    private static double valueWithin(TypeExpr type, Map<String, Tensor> known, boolean integer) {
        Double lower = type.lower() == null ? null : value(type.lower(), known);
        Double upper = type.upper() == null ? null : value(type.upper(), known);
        double value = integer ? 2 : 0.5;
        if (lower != null && Double.isFinite(lower) && value < lower) {
            value = integer ? Math.ceil(lower) : lower + 0.5;
        }
        if (upper != null && Double.isFinite(upper) && value > upper) {
            value = integer ? Math.floor(upper) : upper - 0.5;
        }
        return Double.isFinite(value) ? value : 1;
    }
}
