package dev.vmc.api;

import static dev.vmc.api.PosteriorMeanCheck.assertMean;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.FitResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * lkj_corr_cholesky(eta) alone on a cholesky_factor_corr[2]: the correlation r = L[2, 1] has
 * density proportional to (1 - r^2)^(eta - 1) on (-1, 1), so r^2 ~ beta(1/2, eta) and
 * E[r^2] = 1 / (2 eta + 1). A wrong coefficient of log L22 in the density, or a wrong Jacobian of
 * the factor's map, moves that mean; the check is {@link PosteriorMeanCheck}'s (Monte Carlo error).
 */
class LkjCorrCholeskyFitTest {
    @Test
    void theCorrelationsSquareHasTheBetaMean() {
        FitResult fit = Vmc.compile("""
                parameters { cholesky_factor_corr[2] L; }
                model { L ~ lkj_corr_cholesky(3); }
                generated quantities { real r2 = square(L[2, 1]); }
                """, "lkj.stan").fit(DataSet.of(Map.of()), FitOptions.defaults());
        assertTrue(fit.converged(), fit.stopReason());
        assertMean(fit, "r2", 1.0 / 7);
        assertMean(fit, "L.2.1", 0);
    }
}
