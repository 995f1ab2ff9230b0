package dev.vmc.api;

import static dev.vmc.api.PosteriorMeanCheck.assertMean;
import static dev.vmc.api.PosteriorMeanCheck.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.FitResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stan's constrained types fitted end to end against posteriors known in closed form, so that a
 * wrong map or a wrong log-Jacobian shows as a wrong mean: ordered and positive_ordered vectors
 * (order statistics), a bound that is another latent, offset and multiplier, a unit vector.
 * Each check is {@link PosteriorMeanCheck}'s, within 4 Monte Carlo standard errors.
 */
class ConstrainedTypesFitTest {
    private static FitResult fit(String source, Map<String, Object> data) {
        FitResult fit = Vmc.compile(source, "constrained.stan").fit(DataSet.of(data), FitOptions.defaults());
        assertTrue(fit.converged(), fit.stopReason());
        return fit;
    }

    /**
     * ordered[3] under iid normal(0, 1) priors: the posterior is that of three iid standard
     * normals sorted, whose means are -3 / (2 sqrt(pi)), 0 and 3 / (2 sqrt(pi)). A log-Jacobian
     * off by the gaps' logs would pull the gaps towards 0 or 1.
     */
    @Test
    void orderedVectorIsTheOrderStatisticsOfItsPrior() {
        FitResult fit = fit("""
                parameters { ordered[3] x; }
                model { x ~ normal(0, 1); }
                """, Map.of());
        double top = 3 / (2 * Math.sqrt(Math.PI));
        assertMean(fit, "x.1", -top);
        assertMean(fit, "x.2", 0);
        assertMean(fit, "x.3", top);
        for (double[] draw : fit.draws().values()) {
            assertTrue(draw[0] < draw[1] && draw[1] < draw[2], java.util.Arrays.toString(draw));
        }
    }

    /** positive_ordered[2] under exponential(1): the smaller of two is exponential(2), mean 1/2; the larger has mean 3/2. */
    @Test
    void positiveOrderedVectorIsTheOrderStatisticsOfItsPrior() {
        FitResult fit = fit("""
                parameters { positive_ordered[2] x; }
                model { x ~ exponential(1); }
                """, Map.of());
        assertMean(fit, "x.1", 0.5);
        assertMean(fit, "x.2", 1.5);
    }

    /**
     * real<lower=a> b with a and b iid normal(0, 1) a priori: the posterior is that of two iid
     * standard normals given b > a, so b is their maximum, mean 1 / sqrt(pi), and a their
     * minimum. The map of b reads a, so the gradient reaches a through b's bound too.
     */
    @Test
    void aBoundThatIsAnotherLatent() {
        FitResult fit = fit("""
                parameters {
                  real a;
                  real<lower=a> b;
                }
                model {
                  a ~ normal(0, 1);
                  b ~ normal(0, 1);
                }
                """, Map.of());
        assertMean(fit, "b", 1 / Math.sqrt(Math.PI));
        assertMean(fit, "a", -1 / Math.sqrt(Math.PI));
        for (double[] draw : fit.draws().values()) {
            assertTrue(draw[1] > draw[0], "b > a in every draw");
        }
    }

    /**
     * Bounds one per element from data, and both ends: x_i uniform on (lo_i, hi_i) with no other
     * term, so its mean is the midpoint.
     */
    @Test
    void vectorBoundsFromData() {
        FitResult fit = fit("""
                data { vector[2] lo; vector[2] hi; }
                parameters { vector<lower=lo, upper=hi>[2] x; }
                model { }
                """, Map.of("lo", new double[] {-1, 10}, "hi", new double[] {3, 11}));
        assertMean(fit, "x.1", 1);
        assertMean(fit, "x.2", 10.5);
    }

    /**
     * The non-centred eight-schools form: tau lognormal(0, 0.5), theta normal(0, tau) declared
     * with multiplier tau. theta's prior sd is then sqrt(E[tau^2]) = exp(0.25), and tau keeps
     * its prior mean exp(0.125): both wrong if the log multiplier per element were missing.
     */
    @Test
    void offsetAndMultiplierKeepThePosterior() {
        FitResult fit = fit("""
                data { real mu; }
                parameters {
                  real<lower=0> tau;
                  vector<offset=mu, multiplier=tau>[2] theta;
                }
                model {
                  tau ~ lognormal(0, 0.5);
                  theta ~ normal(mu, tau);
                }
                """, Map.of("mu", 3.0));
        assertMean(fit, "tau", Math.exp(0.125));
        assertMean(fit, "theta.1", 3);
        assertEquals(Math.exp(0.25), row(fit, "theta.2").sd(), 0.1 * Math.exp(0.25), "theta's marginal sd");
    }

    /** A unit_vector[2] with no other term is uniform on the circle: mean 0, each coordinate's sd sqrt(1/2). */
    @Test
    void unitVectorIsUniformOnTheCircle() {
        FitResult fit = fit("""
                parameters { unit_vector[2] u; }
                model { }
                """, Map.of());
        assertMean(fit, "u.1", 0);
        assertEquals(Math.sqrt(0.5), row(fit, "u.1").sd(), 0.05, "sd of a coordinate uniform on the circle");
        for (double[] draw : fit.draws().values()) {
            assertEquals(1, draw[0] * draw[0] + draw[1] * draw[1], 1e-12);
        }
        assertEquals(List.of("u.1", "u.2"), fit.draws().columns());
    }
}
