package dev.vmc.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpecialTest {
    /** The fast log1p agrees with the JDK's to a few ulps across twenty orders of magnitude. */
    @Test
    void fastLog1pIsAccurateToAFewUlps() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            double x = random.nextBoolean() ? Math.pow(10, -20 + 25 * random.nextDouble())
                    : -Math.pow(10, -20 + 19.95 * random.nextDouble());
            double expected = Math.log1p(x);
            assertEquals(expected, Special.log1p(x), 4 * Math.ulp(expected), "log1p(" + x + ")");
        }
        assertEquals(Double.POSITIVE_INFINITY, Special.log1p(Double.POSITIVE_INFINITY));
        assertEquals(Double.NEGATIVE_INFINITY, Special.log1p(-1));
    }

    @Test
    void softplusIsAccurateFarIntoBothTails() {
        assertEquals(Math.exp(-40), Special.softplus(-40), 4 * Math.ulp(Math.exp(-40)));
        assertEquals(40 + Math.exp(-40), Special.softplus(40), 4 * Math.ulp(40.0));
        assertEquals(Math.log(2), Special.softplus(0), 4 * Math.ulp(Math.log(2)));
    }
}
