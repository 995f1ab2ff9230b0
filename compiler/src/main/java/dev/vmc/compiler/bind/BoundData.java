package dev.vmc.compiler.bind;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.compiler.check.ExprText;
import dev.vmc.compiler.check.ExpressionTypes;
import dev.vmc.compiler.lower.Evaluator;
import dev.vmc.runtime.nn.Network;
import dev.vmc.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The data of one run, checked against the data block: each data value as a tensor of its
 * declared shape, and the means to turn any declared type into concrete sizes and bounds.
 */
public final class BoundData {
    private final Map<String, Tensor> values;
    private final Map<String, Network> networks;
    /** The plate's size variable, or null. */
    private final String plate;
    /** The minibatch's size when the graph is built for minibatches of the plate; 0 for the whole data. */
    private final int batchSize;
    /** The checker's types, for evaluating sizes and bounds as the program's other expressions are lowered. */
    private final ExpressionTypes types;

    BoundData(Map<String, Tensor> values, Map<String, Network> networks, String plate, ExpressionTypes types) {
        this(values, networks, plate, 0, types);
    }

    private BoundData(Map<String, Tensor> values, Map<String, Network> networks, String plate, int batchSize,
            ExpressionTypes types) {
        this.values = Collections.unmodifiableMap(values);
        this.networks = Collections.unmodifiableMap(networks);
        this.plate = plate;
        this.batchSize = batchSize;
        this.types = types;
    }

    /**
     * The same data seen a minibatch at a time: every declared size that is the plate's becomes
     * {@code batchSize} (values such as N itself keep the whole data's count).
     */
    public BoundData minibatches(int batchSize) {
        if (plate == null) {
            throw new IllegalStateException("no plate to subsample");
        }
        return new BoundData(values, networks, plate, batchSize, types);
    }

    /** The networks with their widths, by name. */
    public Map<String, Network> networks() {
        return networks;
    }

    /** The plate's size variable, or null. */
    public String plate() {
        return plate;
    }

    /** The minibatch size the graph is built for, or 0 for the whole data. */
    public int batchSize() {
        return batchSize;
    }

    /** Whether a declared type's first size is the plate's: one element per datum. */
    public boolean isPlated(TypeExpr type) {
        List<Expr> sizes = new ArrayList<>(type.arrayDims());
        sizes.addAll(type.valueDims());
        return plate != null && !sizes.isEmpty() && sizes.get(0) instanceof Expr.Var v && v.name().equals(plate);
    }

    /** The checker's types of the program's expressions, for evaluating one over the data. */
    public ExpressionTypes types() {
        return types;
    }

    /** Every data value by name, in declaration order; ints are held as whole doubles. */
    public Map<String, Tensor> values() {
        return values;
    }

    /** The value of an int data scalar, such as a size. */
    public int size(String intDataName) {
        Tensor t = values.get(intDataName);
        if (t == null || t.rank() != 0) {
            throw new IllegalArgumentException("'" + intDataName + "' is not an int data scalar");
        }
        return (int) t.item();
    }

    /** Evaluates an expression over data (sizes, bounds): numbers, data and arithmetic. */
    public double evaluate(Expr expr) {
        Double value = Evaluator.scalar(expr, values, types);
        if (value == null) {
            throw new IllegalStateException("cannot evaluate " + ExprText.of(expr) + " from data");
        }
        return value;
    }

    /** The concrete shape of a declared type: array sizes, then the container's. Empty for a scalar. */
    public int[] shapeOf(TypeExpr type) {
        List<Expr> sizes = new ArrayList<>(type.arrayDims());
        sizes.addAll(type.valueDims());
        int[] shape = new int[sizes.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = (int) evaluate(sizes.get(i));
        }
        if (batchSize > 0 && isPlated(type)) {
            shape[0] = batchSize;
        }
        return shape;
    }

    /** The lower bound evaluated with data, or null if the type has none. */
    public Double lowerOf(TypeExpr type) {
        return type.lower() == null ? null : evaluate(type.lower());
    }

    /** The upper bound evaluated with data, or null if the type has none. */
    public Double upperOf(TypeExpr type) {
        return type.upper() == null ? null : evaluate(type.upper());
    }
}
