package dev.vmc.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmc.runtime.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * pareto, pareto_type_2, exp_mod_normal, von_mises, ordered_logistic and multinomial as a Stan program calls
 * them: checked and lowered, a vector variate against scalar and vector parameters, their values
 * against the densities written out here, and the gradients of the lowered graph against central
 * differences.
 */
class MoreStanFamiliesLoweringTest {
    private static final LoweredExpressions PROGRAM = new LoweredExpressions("vector[3] y; vector[3] s; real t;");
    private static final double[] Y = {1.7, 2.4, 6.5};
    private static final double[] S = {0.6, 1.1, 0.8};
    private static final double T = 1.3;
    private static final Map<String, Tensor> DATA =
            Map.of("y", Tensor.vector(Y), "s", Tensor.vector(S), "t", Tensor.scalar(T));

    private static double value(String expression) {
        return PROGRAM.value("real", expression, DATA).item();
    }

    @Test
    void valuesAreTheDensitiesSummedOverTheVariate() {
        double pareto = 0;
        double type2 = 0;
        double vonMises = 0;
        double expModNormalCcdf = 0;
        for (int i = 0; i < 3; i++) {
            pareto += Math.log(S[i]) + S[i] * Math.log(T) - (S[i] + 1) * Math.log(Y[i]);
            type2 += Math.log(2 / S[i]) - 3 * Math.log1p((Y[i] - T) / S[i]);
            // I0(2) = 2.2795853023360673 (R: besselI(2, 0))
            vonMises += 2 * Math.cos(Y[i] - T) - Math.log(2 * Math.PI * 2.2795853023360673);
            expModNormalCcdf += Math.log(1 - expModNormalCdf(Y[i], T, S[i], 0.5));
        }
        assertEquals(pareto, value("pareto_lpdf(y | t, s)"), 1e-12);
        assertEquals(type2, value("pareto_type_2_lpdf(y | t, s, 2)"), 1e-12);
        assertEquals(vonMises, value("von_mises_lpdf(y | t, 2)"), 1e-12);
        assertEquals(expModNormalCcdf, value("exp_mod_normal_lccdf(y | t, s, 0.5)"), 1e-12);
        assertEquals(Math.exp(value("pareto_lcdf(y | t, s)")), value("pareto_cdf(y | t, s)"), 1e-15);
        // a variate below y_min: impossible
        assertEquals(Double.NEGATIVE_INFINITY, value("pareto_lpdf(y | 2, s)"));
    }

    /** Phi(u) - exp(-lambda (y - mu) + lambda^2 sigma^2 / 2) Phi(u - lambda sigma), u = (y - mu) / sigma: small arguments only. */
    private static double expModNormalCdf(double y, double mu, double sigma, double lambda) {
        var phi = new org.apache.commons.math3.distribution.NormalDistribution();
        double u = (y - mu) / sigma;
        return phi.cumulativeProbability(u)
                - Math.exp(-lambda * (y - mu) + 0.5 * lambda * lambda * sigma * sigma) * phi.cumulativeProbability(u - lambda * sigma);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pareto_lpdf(y | t, s) + pareto_lccdf(y | t, s) + pareto_lcdf(y + 1 | t, 2)",
            "pareto_type_2_lpdf(y | t, s, 2) + pareto_type_2_lcdf(y | t, 1.5, s) + pareto_type_2_lccdf(y | 0, s, t)",
            "exp_mod_normal_lpdf(y | t, s, 0.5) + exp_mod_normal_lcdf(y | t, 2, s) + exp_mod_normal_lccdf(y | -t, s, t)",
            "von_mises_lpdf(y | t, s) + von_mises_lpdf(t | s[1], 30)",
            "von_mises_lcdf(s | t, 2) + von_mises_lccdf(t | s[2], y[1]) + log(von_mises_cdf(s[3] | 0, t))"})
    void gradientsMatchFiniteDifferences(String expression) {
        PROGRAM.checkGradient(expression, DATA, "y", "s", "t");
    }

    private static final LoweredExpressions ORDINAL = new LoweredExpressions("array[4] int k; vector[4] eta; vector[3] c; real t;");
    private static final Map<String, Tensor> ORDINAL_DATA = Map.of("k", Tensor.vector(1, 3, 4, 2),
            "eta", Tensor.vector(0.3, -1.2, 2.5, 0.1), "c", Tensor.vector(-1, 0.5, 2), "t", Tensor.scalar(0.4));

    /** ordered_logistic_lpmf(k | eta, c): the sum of log(inv_logit(eta - c[k - 1]) - inv_logit(eta - c[k])). */
    @Test
    void orderedLogisticIsTheSumOfItsCategoriesLogProbabilities() {
        double[] k = {1, 3, 4, 2};
        double[] eta = {0.3, -1.2, 2.5, 0.1};
        double[] c = {-1, 0.5, 2};
        double expected = 0;
        double scalarEta = 0;
        for (int n = 0; n < 4; n++) {
            expected += Math.log(category((int) k[n], eta[n], c));
            scalarEta += Math.log(category((int) k[n], 0.4, c));
        }
        assertEquals(expected, ORDINAL.value("real", "ordered_logistic_lpmf(k | eta, c)", ORDINAL_DATA).item(), 1e-12);
        assertEquals(scalarEta, ORDINAL.value("real", "ordered_logistic_lpmf(k | t, c)", ORDINAL_DATA).item(), 1e-12);
        assertEquals(Math.log(category(3, 0.4, c)), ORDINAL.value("real", "ordered_logistic_lpmf(k[2] | t, c)", ORDINAL_DATA).item(),
                1e-12);
    }

    private static double category(int k, double eta, double[] c) {
        double above = k == 1 ? 1 : 1 / (1 + Math.exp(-(eta - c[k - 2])));
        double below = k == c.length + 1 ? 0 : 1 / (1 + Math.exp(-(eta - c[k - 1])));
        return above - below;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ordered_logistic_lpmf(k | eta, c)",
            "ordered_logistic_lpmf(k | t * eta, c * 2) + ordered_logistic_lpmf(k[3] | t, c)"})
    void orderedLogisticGradientsMatchFiniteDifferences(String expression) {
        ORDINAL.checkGradient(expression, ORDINAL_DATA, "eta", "c", "t");
    }

    private static final LoweredExpressions COUNTS = new LoweredExpressions("array[4] int n; vector[4] w;");
    private static final Map<String, Tensor> COUNTS_DATA =
            Map.of("n", Tensor.vector(3, 0, 5, 2), "w", Tensor.vector(-0.5, 0.2, 1.1, 0.4));

    /** multinomial_lpmf(n | softmax(w)): log 10! / (3! 0! 5! 2!) + sum n log softmax(w), and its gradient in w. */
    @Test
    void multinomialOfASoftmax() {
        double[] w = {-0.5, 0.2, 1.1, 0.4};
        double[] n = {3, 0, 5, 2};
        double norm = 0;
        for (double v : w) {
            norm += Math.exp(v);
        }
        double expected = Math.log(3628800.0 / (6 * 120 * 2));
        for (int i = 0; i < 4; i++) {
            expected += n[i] * (w[i] - Math.log(norm));
        }
        assertEquals(expected, COUNTS.value("real", "multinomial_lpmf(n | softmax(w))", COUNTS_DATA).item(), 1e-12);
        COUNTS.checkGradient("multinomial_lpmf(n | softmax(w))", COUNTS_DATA, "w");
    }
}
