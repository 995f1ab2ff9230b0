package dev.vmc.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.check.Checker;
import dev.vmc.compiler.check.ExpressionTypes;
import dev.vmc.compiler.parse.ProgramParser;
import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.tensor.Tensor;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stan's functions as a program calls them, checked and lowered: values against direct
 * computations, and, for the ones built here from several ops (sd, log_mix, fma, the slices),
 * the gradient of the lowered graph against central differences of its values. The single
 * ops' own gradients are checked in the runtime's OpGradientTest.
 */
class StanFunctionsLoweringTest {
    private static final double[] V = {0.4, -1.3, 2.2, 0.9};
    private static final double T = 0.3;

    private static Expr parse(String expression) {
        return parse("real", expression);
    }

    /** The expression, checked as a {@code type} in a program where v is a vector[4] and t a real, both data. */
    private static Expr parse(String type, String expression) {
        String source = "data {\n  vector[4] v;\n  real t;\n}\nlatent {\n  real z;\n}\nderived {\n  " + type + " e = "
                + expression + ";\n}\nmodel {\n  z ~ normal(0, 1);\n}\n";
        var program = ProgramParser.parse("functions.vmodel", source);
        Checker.check(program);
        return program.derived().get(0).init();
    }

    private static double value(String expression, double[] v, double t) {
        return Evaluator.scalar(parse(expression), Map.of("v", Tensor.vector(v), "t", Tensor.scalar(t)),
                ExpressionTypes.NONE);
    }

    @Test
    void reductionsAndSlicesAgreeWithDirectComputations() {
        double mean = (V[0] + V[1] + V[2] + V[3]) / 4;
        double ss = 0;
        for (double x : V) {
            ss += (x - mean) * (x - mean);
        }
        assertEquals(ss / 3, value("variance(v)", V, T), 1e-14);
        assertEquals(Math.sqrt(ss / 3), value("sd(v)", V, T), 1e-14);
        assertEquals(0, value("variance(head(v, 1))", V, T), 0);
        assertEquals(V[0] * V[1] * V[2] * V[3], value("prod(v)", V, T), 1e-14);
        assertEquals(2.2, value("max(v)", V, T), 0);
        assertEquals(-1.3, value("min(v)", V, T), 0);
        assertEquals(0.4, value("max(t, 0.4)", V, T), 0);
        assertEquals(0.3, value("min(t, 0.4)", V, T), 0);
        assertEquals(V[0] + V[1], value("head(v, 2)[2] + head(v, 2)[1]", V, T), 1e-15);
        assertEquals(V[3] * 10 + V[2], value("tail(v, 2)[2] * 10 + tail(v, 2)[1]", V, T), 1e-14);
        assertEquals(V[2], value("segment(v, 2, 2)[2]", V, T), 0);
        assertEquals(V[0] + V[1] + V[2], value("cumulative_sum(v)[3]", V, T), 1e-15);
        assertEquals(T * T + 2, value("fma(t, t, 2)", V, T), 1e-15);
        assertEquals(Math.log(T * Math.exp(-1.5) + (1 - T) * Math.exp(-0.2)), value("log_mix(t, -1.5, -0.2)", V, T), 1e-15);
        // far out in the tails, where exp(lp) underflows: log_sum_exp keeps it
        assertEquals(-1000 + Math.log(T * Math.exp(-1) + (1 - T)), value("log_mix(t, -1001, -1000)", V, T), 1e-12);
    }

    @Test
    void cumulativeSumKeepsItsShape() {
        Tensor sums = Evaluator.evaluate(parse("vector[4]", "cumulative_sum(v)"),
                Map.of("v", Tensor.vector(V), "t", Tensor.scalar(T)), ExpressionTypes.NONE);
        assertArrayEquals(new double[] {0.4, -0.9, 1.3, 2.2}, sums.data, 1e-15);
    }

    /** d_lpdf(y | ...) as an expression: the summed log density, its parameters broadcast. */
    @Test
    void densityCallsAreTheSummedLogDensity() {
        double normal = 0;
        for (double x : V) {
            normal += -0.5 * Math.pow((x - T) / 2, 2) - Math.log(2) - 0.5 * Math.log(2 * Math.PI);
        }
        assertEquals(normal, value("normal_lpdf(v | t, 2)", V, T), 1e-12);
        assertEquals(normal, value("normal_lupdf(v | t, 2)", V, T), 1e-12);
        assertEquals(2 * normal + 1, value("1 + normal_lpdf(v | t, 2) * 2", V, T), 1e-12);
        double exponential = 0;
        for (double x : V) {
            exponential += Math.log(1.5) - 1.5 * Math.exp(x);
        }
        assertEquals(exponential, value("exponential_lpdf(exp(v) | 1.5)", V, T), 1e-12);
        assertEquals(Math.log(0.3) + Math.log(0.7), value("bernoulli_lpmf({1, 0} | t)", V, T), 1e-15);
    }

    /** The cumulative functions summed over the elements; _cdf is their product, and the comma spelling reads the same. */
    @Test
    void cumulativeCallsSumOrMultiplyOverTheElements() {
        var normal = new org.apache.commons.math3.distribution.NormalDistribution(T, 2);
        double lcdf = 0;
        double lccdf = 0;
        for (double x : V) {
            lcdf += Math.log(normal.cumulativeProbability(x));
            lccdf += Math.log1p(-normal.cumulativeProbability(x));
        }
        assertEquals(lcdf, value("normal_lcdf(v | t, 2)", V, T), 1e-12);
        assertEquals(lccdf, value("normal_lccdf(v | t, 2)", V, T), 1e-12);
        assertEquals(Math.exp(lcdf), value("normal_cdf(v | t, 2)", V, T), 1e-14);
        assertEquals(lcdf, value("normal_lcdf(v, t, 2)", V, T), 1e-12);
        assertEquals(lccdf, value("normal_ccdf_log(v, t, 2)", V, T), 1e-12);
    }

    /** The good program that calls them all binds to data and lowers to a model graph. */
    @Test
    void theProgramOfThemAllBindsAndLowers() throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of("src", "test", "resources", "good", "stan_math_functions.vmodel");
        var data = dev.vmc.runtime.data.DataSet.of(Map.of("N", 4, "y", new double[] {0.5, -1, 2, 0.1},
                "w", new double[] {1, 2, 3, 4}));
        var model = dev.vmc.api.Vmc.compile(java.nio.file.Files.readString(file), "stan_math_functions.vmodel")
                .bind(data).model();
        Graph graph = new Graph();
        var nodes = model.build(graph, Map.of("b", graph.constant(Tensor.vector(V)), "theta", graph.constant(T),
                "c", graph.constant(0.2)));
        Executor executor = new Executor(graph, 1, ParameterStore.initial(graph), new SplittableRandom(1));
        executor.forward();
        assertArrayEquals(new double[] {-1.3, 2.2, 0.9}, executor.value(nodes.derived().get("middle")).data, 0);
        assertArrayEquals(new double[] {2.2, 0.9}, executor.value(nodes.derived().get("last_two")).data, 0);
        assertArrayEquals(new double[] {1, 2}, executor.value(nodes.derived().get("w_head")).data, 0);
        assertArrayEquals(new double[] {0.4, -0.9, 1.3, 2.2}, executor.value(nodes.derived().get("running")).data, 1e-15);
    }

    /** d e / d v and d e / d t from the lowered graph, against central differences of its value. */
    @ParameterizedTest
    @ValueSource(strings = {"sd(v)", "variance(v) * t", "log_mix(t, v[1], v[2])", "sum(fma(v, v, t))",
            "sum(square(cumulative_sum(v)))", "prod(segment(v, 2, 3)) + sum(head(v, 2) .* tail(v, 2))",
            "max(v) - min(v) + max(t, v[1])", "sum(log_diff_exp(v + 3, t)) + hypot(t, v[2])",
            "sum(Phi(v) + erf(v) + log1m_exp(-exp(v)) + inv_cloglog(v))",
            "normal_lpdf(v | t, 2) + student_t_lpdf(t | 3, v[1], 1.5)", "log_sum_exp(v + normal_lpdf(t | v[2], 1))",
            "normal_lcdf(v | t, 2) + student_t_lccdf(t | 3, v[1], 1.5) + gamma_lcdf(exp(v) | 2, exp(t))",
            "logistic_lccdf(v | t, 1) + normal_cdf(t | v[2], 1) + weibull_lcdf(exp(v) | 1.5, exp(t))",
            "std_normal_lpdf(v) + std_normal_lcdf(t) + gumbel_lpdf(v | t, 2) + double_exponential_lccdf(v | t, 1)"})
    void gradientsOfLoweredExpressionsMatchFiniteDifferences(String expression) {
        Expr expr = parse(expression);
        Graph graph = new Graph();
        Map<String, Node> names = new HashMap<>();
        names.put("v", graph.parameter("v", Tensor.vector(V)));
        names.put("t", graph.parameter("t", Tensor.scalar(T)));
        Node root = new ExpressionLowering(graph, names, Map.of()).lower(expr);
        Executor executor = new Executor(graph, 1, ParameterStore.initial(graph), new SplittableRandom(1));
        executor.forward();
        executor.backward(root);
        double[] dv = executor.gradient(names.get("v")).data;
        double dt = executor.gradient(names.get("t")).item();
        double h = 1e-6;
        for (int i = 0; i < V.length; i++) {
            double[] up = V.clone();
            double[] down = V.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (value(expression, up, T) - value(expression, down, T)) / (2 * h);
            assertEquals(numeric, dv[i], 1e-6 * Math.max(1, Math.abs(numeric)), "d/dv[" + (i + 1) + "] of " + expression);
        }
        double numeric = (value(expression, V, T + h) - value(expression, V, T - h)) / (2 * h);
        assertEquals(numeric, dt, 1e-6 * Math.max(1, Math.abs(numeric)), "d/dt of " + expression);
    }
}
