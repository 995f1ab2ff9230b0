package dev.vmc.runtime.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    private static double[][] asDraws(double[]... columns) {
        double[][] draws = new double[columns[0].length][columns.length];
        for (int c = 0; c < columns.length; c++) {
            for (int d = 0; d < columns[c].length; d++) {
                draws[d][c] = columns[c][d];
            }
        }
        return draws;
    }

    @Test
    void quantilesInterpolateLinearlyLikeRAndNumpy() {
        double[] sorted = {1, 2, 3, 4, 10};
        // h = (n - 1) p = 4 p: p = 0.05 -> h = 0.2 -> 1 + 0.2 * (2 - 1)
        assertEquals(1.2, Quantiles.type7(sorted, 0.05), 1e-12);
        assertEquals(3.0, Quantiles.type7(sorted, 0.5), 1e-12);
        // p = 0.95 -> h = 3.8 -> 4 + 0.8 * (10 - 4)
        assertEquals(8.8, Quantiles.type7(sorted, 0.95), 1e-12);
        assertEquals(1.0, Quantiles.type7(sorted, 0));
        assertEquals(10.0, Quantiles.type7(sorted, 1));
        assertEquals(7.0, Quantiles.type7(new double[] {7}, 0.95));
        // numpy.quantile([0, 10], 0.05) == 0.5; on an even count the median averages the middle two
        assertEquals(0.5, Quantiles.type7(new double[] {0, 10}, 0.05), 1e-12);
        assertEquals(2.5, Quantiles.type7(new double[] {1, 2, 3, 4}, 0.5), 1e-12);
    }

    @Test
    void rowsHoldMeanSampleSdAndQuantiles() {
        Summary s = Summary.of(List.of("a", "b"), asDraws(new double[] {10, 1, 4, 3, 2}, new double[] {5, 5, 5, 5, 5}));
        Summary.Row a = s.rows().get(0);
        assertEquals("a", a.name());
        assertEquals(4.0, a.mean(), 1e-12);
        // squares about the mean 4: 36 + 9 + 0 + 1 + 4 = 50, over n - 1 = 4
        assertEquals(Math.sqrt(12.5), a.sd(), 1e-12);
        assertEquals(1.2, a.q5(), 1e-12);
        assertEquals(3.0, a.q50(), 1e-12);
        assertEquals(8.8, a.q95(), 1e-12);
        Summary.Row b = s.rows().get(1);
        assertEquals(5.0, b.mean());
        assertEquals(0.0, b.sd());
    }

    @Test
    void aNanDrawMakesTheColumnNan() {
        Summary.Row r = Summary.of(List.of("x"), asDraws(new double[] {1, Double.NaN, 3})).rows().get(0);
        assertTrue(Double.isNaN(r.mean()) && Double.isNaN(r.q50()));
    }

    @Test
    void noDrawsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Summary.of(List.of("x"), new double[0][1]));
    }

    @Test
    void formatAlignsNamesLeftAndNumbersRight() {
        Summary s = Summary.of(List.of("mu", "theta.1", "tiny"), asDraws(
                new double[] {1.1, 4.4, 7.7}, new double[] {-120, 0, 12345}, new double[] {1e-6, 2e-6, 3e-6}));
        String table = s.format();
        List<String> lines = table.lines().toList();
        assertEquals(4, lines.size());
        assertEquals("             mean        sd        5%       50%       95%", lines.get(0));
        assertEquals("mu           4.40      3.30      1.43      4.40      7.37", lines.get(1));
        assertEquals("theta.1      4075      7162      -108         0     11110", lines.get(2));
        assertEquals("tiny     2.00e-06  1.00e-06  1.10e-06  2.00e-06  2.90e-06", lines.get(3));
        for (String line : lines) {
            assertEquals(lines.get(0).length(), line.length(), "every line has the same width: " + line);
        }
    }

    @Test
    void significantDigitsHandleEveryScale() {
        assertEquals("4.39", Significant.format(4.3912));
        assertEquals("3.30", Significant.format(3.2999));
        assertEquals("-1.04", Significant.format(-1.0449));
        assertEquals("0.0123", Significant.format(0.012345));
        assertEquals("0.00100", Significant.format(0.00099996));
        assertEquals("10.0", Significant.format(9.996));
        assertEquals("123", Significant.format(123.4));
        assertEquals("1000", Significant.format(999.6));
        assertEquals("12345", Significant.format(12345.4));
        assertEquals("1.00e-05", Significant.format(1e-5));
        assertEquals("1.00e+05", Significant.format(1e5));
        assertEquals("-2.50e+12", Significant.format(-2.5e12));
        assertEquals("0", Significant.format(0.0));
        assertEquals("0", Significant.format(-0.0));
        assertEquals("NaN", Significant.format(Double.NaN));
        assertEquals("Inf", Significant.format(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", Significant.format(Double.NEGATIVE_INFINITY));
    }
}
