package dev.vmc.api;

import static dev.vmc.api.PosteriorMeanCheck.assertMean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.FitResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Cholesky factor, correlation and covariance matrix types fitted end to end without an lkj
 * prior: densities written on the matrices' own elements, whose posterior means are known, so a
 * wrong log-Jacobian of the map shows as a wrong mean. Each check is {@link PosteriorMeanCheck}'s.
 */
class CholeskyTypesFitTest {
    private static FitResult fit(String source) {
        FitResult fit = Vmc.compile(source, "cholesky.stan").fit(DataSet.of(Map.of()), FitOptions.defaults());
        assertTrue(fit.converged(), fit.stopReason());
        return fit;
    }

    /**
     * Independent priors on a cholesky_factor_cov[2]'s three free elements: the diagonal lognormal(0,
     * 0.5) (mean exp(1/8)), the one below normal(1, 1). Its map exps the diagonal, so a missing
     * Jacobian would shift the diagonal's means. draws.csv names the elements L.row.column.
     */
    @Test
    void choleskyFactorCovWithPriorsOnItsElements() {
        FitResult fit = fit("""
                parameters { cholesky_factor_cov[2] L; }
                model {
                  L[1, 1] ~ lognormal(0, 0.5);
                  L[2, 2] ~ lognormal(0, 0.5);
                  L[2, 1] ~ normal(1, 1);
                }
                """);
        assertEquals(List.of("L.1.1", "L.1.2", "L.2.1", "L.2.2"), fit.draws().columns());
        assertMean(fit, "L.1.1", Math.exp(0.125));
        assertMean(fit, "L.2.2", Math.exp(0.125));
        assertMean(fit, "L.2.1", 1);
        for (double[] draw : fit.draws().values()) {
            assertEquals(0, draw[1], 0, "above the diagonal");
        }
    }

    /**
     * A cholesky_factor_corr[2] is [1, 0; z, sqrt(1 - z^2)] with z in (-1, 1); (z + 1) / 2 ~ beta(3, 2)
     * (a constant Jacobian) makes E[z] = 2 (3 / 5) - 1 = 0.2. A corr_matrix[2]'s off-diagonal is such
     * a z too, under the same prior.
     */
    @Test
    void correlationTypesWithABetaOnTheCorrelation() {
        FitResult fit = fit("""
                parameters {
                  cholesky_factor_corr[2] L;
                  corr_matrix[2] Omega;
                }
                model {
                  (L[2, 1] + 1) / 2 ~ beta(3, 2);
                  (Omega[1, 2] + 1) / 2 ~ beta(3, 2);
                }
                """);
        assertMean(fit, "L.2.1", 0.2);
        assertMean(fit, "Omega.2.1", 0.2);
        int l21 = fit.draws().columns().indexOf("L.2.1");
        int l22 = fit.draws().columns().indexOf("L.2.2");
        int o11 = fit.draws().columns().indexOf("Omega.1.1");
        for (double[] draw : fit.draws().values()) {
            assertEquals(1, draw[l21] * draw[l21] + draw[l22] * draw[l22], 1e-12, "a unit row");
            assertEquals(1, draw[o11], 1e-12, "a unit diagonal");
        }
    }

    /**
     * With no term at all a cholesky_factor_corr[2] is uniform on its one free element, which lies in
     * (-1, 1): a bounded set, so the posterior is proper and the fit runs (mean 0).
     */
    @Test
    void aCorrelationFactorWithNoPriorIsProper() {
        FitResult fit = fit("""
                parameters { cholesky_factor_corr[2] L; }
                model { }
                """);
        assertMean(fit, "L.2.1", 0);
    }

    /**
     * A cov_matrix[2] under the Wishart(5, I) density written out, exp(-trace / 2) det^((5 - 3) / 2):
     * its mean is 5 I.
     */
    @Test
    void covarianceMatrixUnderAWishartWrittenOut() {
        FitResult fit = fit("""
                parameters { cov_matrix[2] S; }
                model {
                  target += -0.5 * (S[1, 1] + S[2, 2]) + log(S[1, 1] * S[2, 2] - S[1, 2] * S[2, 1]);
                }
                """);
        assertMean(fit, "S.1.1", 5);
        assertMean(fit, "S.2.2", 5);
        assertMean(fit, "S.1.2", 0);
    }
}
