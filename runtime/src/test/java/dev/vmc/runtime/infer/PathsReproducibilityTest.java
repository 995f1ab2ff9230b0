package dev.vmc.runtime.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.GaussianTarget;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Pathfinder's paths run on threads; the numbers must not depend on how they are scheduled. */
class PathsReproducibilityTest {
    private final GaussianTarget target = GaussianTarget.conditioned(6, 100, 5);

    private FitResult fit(long seed) {
        return Fitter.fit(target, GuideChoice.automatic(), FitOptions.defaults().withSeed(seed).withPaths(4).withDraws(300),
                FitListener.SILENT);
    }

    @Test
    void sameSeedSameBitsWithFourPaths() {
        FitResult a = fit(9);
        for (int repeat = 0; repeat < 3; repeat++) {
            FitResult b = fit(9);
            assertEquals(a.steps(), b.steps());
            assertArrayEquals(a.traceElbo(), b.traceElbo());
            assertEquals(a.parameters().keySet(), b.parameters().keySet());
            a.parameters().forEach((name, t) -> assertArrayEquals(t.data, b.parameters().get(name).data, name));
            assertTrue(Arrays.deepEquals(a.draws().values(), b.draws().values()), "draws differ");
        }
        FitResult other = fit(10);
        assertFalse(Arrays.deepEquals(a.draws().values(), other.draws().values()), "another seed must change the draws");
    }
}
