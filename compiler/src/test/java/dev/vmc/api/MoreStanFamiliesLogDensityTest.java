package dev.vmc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.model.LogDensity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Stan program with every family added with pareto (pareto, pareto_type_2, exp_mod_normal,
 * von_mises, ordered_logistic, multinomial, and the cumulative functions), each term written as
 * target += so that Stan keeps its constants: vmc's log density on the unconstrained space
 * equals Stan's at several points, absolutely. Stan's values are rstan 2.21's
 * log_prob(fit, u, adjust_transform = TRUE), printed to 17 digits (the program rewritten to the
 * array syntax and _cdf commas rstan 2.21 reads).
 */
class MoreStanFamiliesLogDensityTest {
    private static final Path DIR = Path.of("src", "test", "resources", "stan_families");

    @Test
    void logDensityIsStans() throws IOException {
        LogDensity density = Vmc.compile(DIR.resolve("model.stan")).bind(DataSet.read(DIR.resolve("data.json"))).logDensity();
        assertEquals(List.of("alpha", "lambda", "mu", "sigma", "m", "kappa", "beta", "c.1", "c.2", "c.3", "theta.1",
                "theta.2"), density.coordinateNames());
        for (double[] row : STAN) {
            double[] u = java.util.Arrays.copyOf(row, row.length - 1);
            double expected = row[row.length - 1];
            assertEquals(expected, density.value(u), 1e-9 * Math.abs(expected), "at " + java.util.Arrays.toString(u));
        }
    }

    /** Each row: the unconstrained point, then Stan's log density there. */
    private static final double[][] STAN = {
        {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -64.951257742496566},
        {0.29999999999999999, -0.20000000000000001, 0.5, -0.40000000000000002, 0.59999999999999998, 1.2,
            0.80000000000000004, -0.5, 0.20000000000000001, -0.29999999999999999, 0.40000000000000002,
            -0.10000000000000001, -72.832774122312173},
        {1.6010730129383666, -0.83774017755564467, -0.48600475730482129, -0.28860506579576173, -0.67947133878363819,
            -0.66309596165967521, 0.52369753820338583, -0.081868658121006119, 0.10686033839756352, 1.5329846751305656,
            0.24989036123031572, 1.9017262481915072, -111.14751561905798},
        {1.59701634819269, 0.22681437809696114, 1.3272469467669517, 0.32737635792518843, -0.62566050615981061,
            -0.21512980967603623, -0.0033756955872992888, 0.69171490464996122, 0.58782525173684974,
            0.49373928163385022, 0.91417530456818119, -0.97159735161499516, -99.685831944593318},
        {0.8910418049786657, 0.12893493986503715, 0.52659592701802316, 0.41422153672390871, -0.68813681703971463,
            -0.19324476857840417, -0.60959571579801397, 0.50309738715897179, 0.077457014438535379,
            -0.054926737580192904, -0.29434332153939852, -0.39348811339968603, -75.254383056962965}};
}
