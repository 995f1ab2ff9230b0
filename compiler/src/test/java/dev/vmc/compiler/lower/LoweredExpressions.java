package dev.vmc.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.check.CheckedProgram;
import dev.vmc.compiler.check.Checker;
import dev.vmc.compiler.parse.ProgramParser;
import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.tensor.Tensor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Expressions as a program writes them, checked in a program that declares the given data and
 * lowered: their values from the compiler's evaluator, and the gradient of a scalar one with
 * respect to chosen data, made parameters, against central differences of its values.
 */
final class LoweredExpressions {
    private final String declarations;

    /** @param declarations the data block's declarations, e.g. {@code "matrix[3, 4] X; vector[4] v;"} */
    LoweredExpressions(String declarations) {
        this.declarations = declarations;
    }

    /** The expression, checked as a {@code type} (a derived value's declared type, so its typing is checked too). */
    Expr parse(String type, String expression) {
        return expression(check(type, expression));
    }

    /** The program that declares the data and defines the expression, checked: its types are what lowering reads. */
    private CheckedProgram check(String type, String expression) {
        String source = "data {\n  " + declarations + "\n}\nlatent {\n  real z__;\n}\nderived {\n  " + type + " e__ = "
                + expression + ";\n}\nmodel {\n  z__ ~ normal(0, 1);\n}\n";
        return Checker.check(ProgramParser.parse("expression.vmodel", source));
    }

    private static Expr expression(CheckedProgram checked) {
        return checked.program().derived().get(0).init();
    }

    Tensor value(String type, String expression, Map<String, Tensor> data) {
        CheckedProgram checked = check(type, expression);
        return Evaluator.evaluate(expression(checked), data, checked);
    }

    /** d expression / d each of {@code wrt}, lowered, against central differences; the expression is a real. */
    void checkGradient(String expression, Map<String, Tensor> data, String... wrt) {
        CheckedProgram checked = check("real", expression);
        Expr expr = expression(checked);
        Graph graph = new Graph();
        Map<String, Node> names = new HashMap<>();
        data.forEach((name, value) -> names.put(name, graph.constant(value)));
        for (String name : wrt) {
            names.put(name, graph.parameter(name, data.get(name)));
        }
        Node root = new ExpressionLowering(graph, names, Map.of(), false, FunctionBodies.NONE, checked).lower(expr);
        Executor executor = new Executor(graph, 1, ParameterStore.initial(graph), new SplittableRandom(1));
        executor.forward();
        executor.backward(root);
        for (String name : wrt) {
            double[] analytic = executor.gradient(names.get(name)).data;
            double[] at = data.get(name).data;
            for (int i = 0; i < at.length; i++) {
                double h = 1e-6 * Math.max(1, Math.abs(at[i]));
                double numeric = (shifted(checked, data, name, i, h) - shifted(checked, data, name, i, -h)) / (2 * h);
                assertTrue(Double.isFinite(analytic[i]), "d/d" + name + "[" + i + "] of " + expression);
                assertEquals(numeric, analytic[i], 1e-5 * Math.max(1, Math.abs(numeric)),
                        "d/d" + name + "[" + i + "] of " + expression);
            }
        }
    }

    private static double shifted(CheckedProgram checked, Map<String, Tensor> data, String name, int i, double h) {
        Map<String, Tensor> moved = new LinkedHashMap<>(data);
        Tensor copy = data.get(name).copy();
        copy.data[i] += h;
        moved.put(name, copy);
        return Evaluator.scalar(expression(checked), moved, checked);
    }
}
