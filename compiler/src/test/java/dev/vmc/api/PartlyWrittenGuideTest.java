package dev.vmc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.guide.Estimator;
import dev.vmc.runtime.guide.Site;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.FitResult;
import dev.vmc.runtime.train.TrainOptions;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

/**
 * A guide block that leaves mu to the automatic guide ({@code auto mu;}) and writes e's guide
 * given mu's draw: y[n] ~ normal(mu + e[n], 1) with standard normal priors has the exact
 * conditional e[n] | mu, y ~ normal(y[n] / 2 - mu / 2, sqrt(1/2)), which the written family holds,
 * and the automatic Gaussian holds mu's exact marginal; so the fit must reach the log evidence
 * and those coefficients.
 */
class PartlyWrittenGuideTest {
    private static final String PROGRAM = """
            data { int N; plate N; vector[N] y; }
            latent { real mu; vector[N] e; }
            model {
              mu ~ normal(0, 1);
              e ~ normal(0, 1);
              y ~ normal(mu + e, 1);
            }
            guide {
              params { vector[N] m = 0; real b = 0; real<lower=0> s = 1; }
              auto mu;
              e ~ normal(m + b * mu, s);
            }
            """;
    private static final double[] Y = {1, 2, 3, 4};

    private static BoundModel bound() {
        return Vmc.compile(PROGRAM, "partly.vmodel").bind(DataSet.of(Map.of("N", Y.length, "y", Y)));
    }

    @Test
    void theFitReachesTheEvidenceAndTheExactConditional() {
        FitResult fit = bound().fit(FitOptions.defaults().withSeed(3));
        Site mu = fit.plan().stream().filter(s -> s.latent().equals("mu")).findFirst().orElseThrow();
        assertEquals(Estimator.REPARAMETERISED, mu.estimator());
        assertTrue(mu.family().contains("normal"), mu.family());
        assertTrue(fit.status().trusted(), fit.stopReason());
        assertEquals(logEvidence(), fit.finalElbo().mean(), 4 * fit.finalElbo().standardError() + 1e-3, "ELBO = log p(y)");
        assertEquals(-0.5, fit.pointEstimates().get("b").item(), 0.02);
        assertEquals(Math.sqrt(0.5), fit.pointEstimates().get("s").item(), 0.02);
        for (int n = 0; n < Y.length; n++) {
            assertEquals(Y[n] / 2, fit.pointEstimates().get("m").data[n], 0.03, "m[" + (n + 1) + "]");
        }
        // mu's marginal posterior: precision 1 + N / 2, mean (sum y / 2) / precision
        double precision = 1 + Y.length / 2.0;
        double mean = fit.summary().rows().stream().filter(r -> r.name().equals("mu")).findFirst().orElseThrow().mean();
        assertEquals(5 / precision, mean, 4 / Math.sqrt(precision * 4000));
    }

    @Test
    void minibatchesAreRefusedWithTheWayOut() {
        BoundModel bound = bound();
        assertTrue(!bound.minibatchesPossible(), "a default run fits the whole data");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bound.train(TrainOptions.defaults(), null, dev.vmc.runtime.infer.FitListener.SILENT));
        assertTrue(e.getMessage().contains("leaves mu to the automatic guide") && e.getMessage().contains("whole data"),
                e.getMessage());
    }

    /** log N(y | 0, J + 2 I): mu adds 1 to every covariance, e and the noise 2 to the variances. */
    private static double logEvidence() {
        int n = Y.length;
        RealMatrix covariance = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                covariance.setEntry(i, j, i == j ? 3 : 1);
            }
        }
        CholeskyDecomposition cholesky = new CholeskyDecomposition(covariance);
        RealVector y = new ArrayRealVector(Y);
        double quadratic = y.dotProduct(cholesky.getSolver().solve(y));
        return -0.5 * quadratic - 0.5 * Math.log(cholesky.getDeterminant()) - 0.5 * n * Math.log(2 * Math.PI);
    }
}
