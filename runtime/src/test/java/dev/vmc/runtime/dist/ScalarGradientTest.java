package dev.vmc.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each density's partial derivatives against central finite differences of its log density. */
class ScalarGradientTest {
    static Stream<DensityCase> cases() {
        return DensityCase.all().stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void partialDerivativesMatchFiniteDifferences(DensityCase c) {
        ScalarDensity d = c.density();
        for (double[] point : c.points()) {
            double[] args = new double[4];
            System.arraycopy(point, 0, args, 0, point.length);
            double[] g = new double[4];
            d.gradient(args[0], args[1], args[2], args[3], g);
            assertTrue(Double.isFinite(d.logDensity(args[0], args[1], args[2], args[3])), c + " at " + describe(point));
            for (int k = 0; k < point.length; k++) {
                boolean integer = k == 0 ? d.isDiscrete() : c.isParameterInteger(k - 1);
                if (integer) {
                    assertEquals(0, g[k], c + ": no gradient with respect to an integer, argument " + k);
                    continue;
                }
                double numeric = centralDifference(d, args, k);
                assertEquals(numeric, g[k], 1e-6 * Math.max(1, Math.abs(numeric)),
                        c + ": d/d argument " + k + " at " + describe(point));
            }
        }
    }

    /** Of a log density or a log CDF: step relative to the argument, floored so that arguments near 0 still get a usable step. */
    static double centralDifference(ScalarTerm d, double[] args, int k) {
        double saved = args[k];
        double h = 1e-6 * Math.max(Math.abs(saved), 1e-2);
        args[k] = saved + h;
        double up = d.value(args[0], args[1], args[2], args[3]);
        args[k] = saved - h;
        double down = d.value(args[0], args[1], args[2], args[3]);
        args[k] = saved;
        return (up - down) / (2 * h);
    }

    private static String describe(double[] point) {
        return java.util.Arrays.toString(point);
    }
}
