package dev.vmc.runtime.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.GaussianTarget;
import dev.vmc.runtime.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exactly Gaussian posteriors in 50 dimensions, strongly correlated, with condition numbers
 * 1e2, 1e4 and 1e6: the default fit must recover them, however ill-conditioned, because it
 * works in coordinates whitened by its start.
 */
class GaussianTargetTest {
    private static final int D = 50;

    @ParameterizedTest
    @ValueSource(doubles = {1e2, 1e4, 1e6})
    void theDefaultFitRecoversMeanAndCovariance(double conditionNumber) {
        GaussianTarget target = GaussianTarget.conditioned(D, conditionNumber, 7);
        FitResult fit = Fitter.fit(target, GuideChoice.automatic(), FitOptions.defaults().withSeed(3), FitListener.SILENT);
        assertEquals(FitStatus.CONVERGED, fit.status(), fit.stopReason());
        assertEquals("fullrank", fit.guide(), "correlations this strong need a full covariance");

        double[] mean = fit.parameters().get("guide.loc").data;
        double[][] covariance = covariance(fit.parameters().get("guide.scale_tril"));
        // The fit stops when its checks move the ELBO by less than the tolerance, 0.01 nats, so
        // the guide may be that far from the posterior: KL(q || p) = -ELBO(q) <= 0.01. A mean off
        // by delta posterior sds in one direction alone costs delta^2 / 2 nats, so no coordinate's
        // mean may be off by more than sqrt(2 * 0.01) of its sd.
        double kl = -target.elbo(mean, covariance);
        assertTrue(kl >= 0 && kl < 0.01, "KL(q || p) = " + kl);
        for (int i = 0; i < D; i++) {
            double sd = Math.sqrt(target.covariance()[i][i]);
            assertEquals(target.mean()[i], mean[i], Math.sqrt(2 * 0.01) * sd, "mean of x." + (i + 1));
            assertEquals(sd, Math.sqrt(covariance[i][i]), Math.sqrt(2 * 0.01) * sd, "sd of x." + (i + 1));
        }
        // the reported ELBO is minus that KL, within four of its standard errors
        assertEquals(-kl, fit.finalElbo().mean(), 4 * fit.finalElbo().standardError() + 1e-9);
        // and an exactly Gaussian posterior has Gaussian tails: importance weights are well behaved
        assertTrue(fit.psis().khat() < 0.5, "k-hat " + fit.psis().khat());
    }

    private static double[][] covariance(Tensor raw) {
        double[][] l = new double[D][D];
        for (int i = 0; i < D; i++) {
            for (int j = 0; j <= i; j++) {
                l[i][j] = i == j ? Math.exp(raw.data[i * D + i]) : raw.data[i * D + j];
            }
        }
        double[][] s = new double[D][D];
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                for (int k = 0; k <= Math.min(i, j); k++) {
                    s[i][j] += l[i][k] * l[j][k];
                }
            }
        }
        return s;
    }
}
