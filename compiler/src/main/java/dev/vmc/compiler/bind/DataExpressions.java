package dev.vmc.compiler.bind;

import dev.vmc.compiler.ast.BinaryChain;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Map;

/**
 * Evaluates a size or bound over data: numbers, scalar data, elements of data arrays, and
 * arithmetic on them. Anything else, or anything using a value that is absent, gives null:
 * the caller then skips the check rather than report a consequence of another problem.
 */
final class DataExpressions {
    private DataExpressions() {}

    static Double evaluate(Expr expr, Map<String, Tensor> values) {
        if (expr instanceof Expr.Num n) {
            return n.value();
        }
        if (expr instanceof Expr.Var v) {
            Tensor t = values.get(v.name());
            return t == null || t.size() != 1 || t.rank() != 0 ? null : t.item();
        }
        if (expr instanceof Expr.Unary u) {
            Double operand = evaluate(u.operand(), values);
            return operand == null ? null : -operand;
        }
        if (expr instanceof Expr.Binary top) {
            // A sum of any length, in a loop along its left edge (see BinaryChain).
            Double result = evaluate(BinaryChain.first(top), values);
            for (Expr.Binary b : BinaryChain.of(top)) {
                Double right = evaluate(b.right(), values);
                result = result == null || right == null ? null : arithmetic(b.op(), result, right);
            }
            return result;
        }
        if (expr instanceof Expr.Index i && i.target() instanceof Expr.Var v) {
            return element(values.get(v.name()), i, values);
        }
        return null;
    }

    private static Double arithmetic(String op, double left, double right) {
        return switch (op) {
            case "+" -> left + right;
            case "-" -> left - right;
            case "*", ".*" -> left * right;
            case "/", "./" -> left / right;
            case "^" -> Math.pow(left, right);
            default -> null;
        };
    }

    /** {@code sizes[2]}: one element of a data array, by 1-based indices. */
    private static Double element(Tensor tensor, Expr.Index index, Map<String, Tensor> values) {
        if (tensor == null || index.indices().size() != tensor.rank()) {
            return null;
        }
        int flat = 0;
        for (int d = 0; d < tensor.rank(); d++) {
            Double i = evaluate(index.indices().get(d), values);
            if (i == null || i != Math.rint(i) || i < 1 || i > tensor.shape[d]) {
                return null;
            }
            flat = flat * tensor.shape[d] + (int) (i - 1);
        }
        return tensor.data[flat];
    }
}
