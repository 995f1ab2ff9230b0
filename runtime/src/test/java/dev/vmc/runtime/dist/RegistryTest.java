package dev.vmc.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vmc.runtime.transform.Support;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every family is registered under the name programs use, with the signature the compiler checks. */
class RegistryTest {
    private static final Map<String, Support> SUPPORTS = Map.ofEntries(
            Map.entry("normal", Support.REAL),
            Map.entry("lognormal", Support.POSITIVE),
            Map.entry("student_t", Support.REAL),
            Map.entry("cauchy", Support.REAL),
            Map.entry("exponential", Support.POSITIVE),
            Map.entry("gamma", Support.POSITIVE),
            Map.entry("beta", Support.UNIT_INTERVAL),
            Map.entry("uniform", Support.PARAMETER_BOUNDED),
            Map.entry("half_normal", Support.POSITIVE),
            Map.entry("half_cauchy", Support.POSITIVE),
            Map.entry("bernoulli", Support.BINARY),
            Map.entry("bernoulli_logit", Support.BINARY),
            Map.entry("binomial", Support.NONNEGATIVE_INTEGER),
            Map.entry("binomial_logit", Support.NONNEGATIVE_INTEGER),
            Map.entry("poisson", Support.NONNEGATIVE_INTEGER),
            Map.entry("poisson_log", Support.NONNEGATIVE_INTEGER),
            Map.entry("categorical", Support.integer(1, Double.POSITIVE_INFINITY)),
            Map.entry("categorical_logit", Support.integer(1, Double.POSITIVE_INFINITY)),
            Map.entry("dirichlet", Support.SIMPLEX),
            Map.entry("multi_normal", Support.REAL),
            Map.entry("multi_normal_cholesky", Support.REAL),
            Map.entry("lkj_corr_cholesky", Support.CHOLESKY_CORR),
            Map.entry("std_normal", Support.REAL),
            Map.entry("logistic", Support.REAL),
            Map.entry("gumbel", Support.REAL),
            Map.entry("double_exponential", Support.REAL),
            Map.entry("weibull", Support.POSITIVE),
            Map.entry("rayleigh", Support.POSITIVE),
            Map.entry("inv_gamma", Support.POSITIVE),
            Map.entry("neg_binomial_2", Support.NONNEGATIVE_INTEGER),
            Map.entry("neg_binomial_2_log", Support.NONNEGATIVE_INTEGER),
            Map.entry("neg_binomial", Support.NONNEGATIVE_INTEGER),
            Map.entry("chi_square", Support.POSITIVE),
            Map.entry("inv_chi_square", Support.POSITIVE),
            Map.entry("scaled_inv_chi_square", Support.POSITIVE),
            Map.entry("beta_proportion", Support.UNIT_INTERVAL),
            Map.entry("beta_binomial", Support.NONNEGATIVE_INTEGER),
            Map.entry("frechet", Support.POSITIVE),
            Map.entry("skew_normal", Support.REAL),
            Map.entry("pareto", Support.POSITIVE),
            Map.entry("pareto_type_2", Support.REAL),
            Map.entry("exp_mod_normal", Support.REAL),
            Map.entry("von_mises", Support.REAL),
            Map.entry("ordered_logistic", Support.integer(1, Double.POSITIVE_INFINITY)),
            Map.entry("multinomial", Support.NONNEGATIVE_INTEGER));

    private static final Map<String, List<String>> PARAMETERS = Map.ofEntries(
            Map.entry("student_t", List.of("nu", "mu", "sigma")),
            Map.entry("gamma", List.of("alpha", "beta")),
            Map.entry("binomial", List.of("n", "p")),
            Map.entry("binomial_logit", List.of("n", "alpha")),
            Map.entry("uniform", List.of("a", "b")),
            Map.entry("pareto", List.of("y_min", "alpha")),
            Map.entry("pareto_type_2", List.of("mu", "lambda", "alpha")),
            Map.entry("exp_mod_normal", List.of("mu", "sigma", "lambda")),
            Map.entry("von_mises", List.of("mu", "kappa")));

    @Test
    void everyFamilyIsRegisteredWithItsSupport() {
        assertEquals(SUPPORTS.keySet(), Distributions.all().stream().map(Distribution::name).collect(java.util.stream.Collectors.toSet()));
        SUPPORTS.forEach((name, support) -> assertEquals(support, Distributions.get(name).support(), name));
        PARAMETERS.forEach((name, params) -> assertEquals(params, Distributions.get(name).parameterNames(), name));
        for (Distribution d : Distributions.all()) {
            assertEquals(d.parameterNames().size(), d.parameterSupports().size(), d.name());
        }
    }

    @Test
    void unknownNamesAreReported() {
        assertThrows(IllegalArgumentException.class, () -> Distributions.get("wishart"));
    }
}
