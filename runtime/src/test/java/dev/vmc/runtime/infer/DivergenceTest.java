package dev.vmc.runtime.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.guide.GaussianGuide;
import dev.vmc.runtime.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Fits pushed into diverging, by step sizes far too large for the model, and started far from
 * the optimum so the divergence shows: whatever happens, a fit reported as converged has the
 * right answer, and a wrong answer is never reported as converged.
 */
class DivergenceTest {
    /** z's posterior is normal(1.038, 0.471) in closed form. */
    private final LinearGaussianModel model = new LinearGaussianModel(2.0, 1.5, 0.8);

    private FitResult fit(double rate, long seed) {
        FitOptions options = FitOptions.defaults().withAlgorithm(Algorithm.ADVI).withLearningRate(rate).withSeed(seed)
                .withMaxSteps(3000);
        return Fitter.fit(model, GuideChoice.automatic(GaussianGuide.Family.MEANFIELD), options, FitListener.SILENT);
    }

    @Test
    void aStepSizeTooLargeToRecoverFromEndsDivergedNotConverged() {
        FitResult fit = fit(1e6, 1);
        assertEquals(FitStatus.DIVERGED, fit.status(), fit.stopReason());
        assertTrue(!fit.status().trusted());
        for (Tensor t : fit.parameters().values()) {
            assertTrue(t.allFinite(), "the best point kept is finite");
        }
    }

    @Test
    void aFitReportedAsConvergedIsRight() {
        int converged = 0;
        int notConverged = 0;
        for (double rate : new double[] {0.3, 3, 30, 300, 3e4}) {
            for (long seed = 1; seed <= 4; seed++) {
                FitResult fit = fit(rate, seed);
                double m = fit.parameters().get("guide.loc").data[0];
                double s = Math.exp(fit.parameters().get("guide.log_scale").data[0]);
                // within what the stopping tolerance allows: 0.01 nats is 0.14 sd of mean or a 15% sd
                boolean right = Math.abs(m - model.optimalMean()) < 0.15 * model.optimalSd()
                        && Math.abs(Math.log(s / model.optimalSd())) < 0.15;
                if (fit.status() == FitStatus.CONVERGED) {
                    converged++;
                    assertTrue(right, "step size " + rate + ", seed " + seed + ": converged at m = " + m + ", s = " + s);
                } else {
                    notConverged++;
                    assertNotEquals(FitStatus.STEPS_DONE, fit.status());
                }
            }
        }
        // both outcomes occur, or the test proves nothing
        assertTrue(converged > 0 && notConverged > 0, converged + " converged, " + notConverged + " did not");
    }

    /** Fewer steps than one check: nothing was checked, and the reason says so rather than "moved by NaN". */
    @Test
    void fewerStepsThanACheckSaySoAndFewDrawsGiveNoVerdict() {
        FitOptions options = FitOptions.defaults().withMaxSteps(20).withDraws(10).withDiagnosticDraws(10);
        FitResult fit = Fitter.fit(model, GuideChoice.automatic(), options, FitListener.SILENT);
        assertEquals(FitStatus.NOT_CONVERGED, fit.status());
        assertTrue(fit.stopReason().contains("no check was made after the start (one comes every 50 steps)"),
                fit.stopReason());
        assertTrue(fit.psis().meaning().startsWith("unknown: 10 draws are too few"), fit.psis().meaning());
    }
}
