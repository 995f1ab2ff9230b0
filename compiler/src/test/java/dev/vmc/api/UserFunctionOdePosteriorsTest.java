package dev.vmc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.vmc.runtime.data.DataSet;
import dev.vmc.runtime.data.Json;
import dev.vmc.runtime.data.JsonTree;
import dev.vmc.runtime.model.LogDensity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * posteriordb's two ODE programs, whose right-hand sides are user-defined functions (inlined
 * into the solver's own graph), with vmc's solver tolerances tightened to 1e-12: what is left
 * of the difference from Stan's log density (logdensity_check.json) is Stan's own solver error,
 * not the functions block's. Stan's bdf (one_comp_mm_elim_abs, at 1e-6) then agrees to 1e-7;
 * its rk45 at lotka_volterra's relative 1e-5 to 1e-4 (measured 7e-5).
 */
class UserFunctionOdePosteriorsTest {
    private static final Path POSTERIORS = Path.of("..", "bench", "posteriors");

    @Test
    void oneCompartmentMatchesStanOnceTheSolverIsTight() throws IOException {
        String tight = "x_i, 1e-12, 1e-12, 100000000);";
        assertMatchesStan("one_comp_mm_elim_abs-one_comp_mm_elim_abs", "x_i);", tight, 1e-6);
    }

    @Test
    void lotkaVolterraMatchesStanWithinStansSolverError() throws IOException {
        assertMatchesStan("hudson_lynx_hare-lotka_volterra", "1e-5, 1e-3, 5e2", "1e-12, 1e-12, 1e8", 2e-4);
    }

    private static void assertMatchesStan(String name, String tolerances, String tight, double within) throws IOException {
        Path dir = POSTERIORS.resolve(name);
        String source = Files.readString(dir.resolve("model.stan"));
        String tightened = source.replace(tolerances, tight);
        assertNotEquals(source, tightened, "the ODE call's tolerances in " + name);
        LogDensity density = Vmc.compile(tightened, name + ".stan").bind(DataSet.read(dir.resolve("data.json"))).logDensity();
        Json.Obj check = (Json.Obj) JsonTree.read(dir.resolve("logdensity_check.json"));
        List<double[]> points = ((Json.Arr) check.members().get("points")).elements().stream()
                .map(UserFunctionOdePosteriorsTest::numbers).toList();
        double[] stan = numbers(check.members().get("stan_log_prob"));
        double vmc0 = density.value(points.get(0));
        for (int i = 1; i < points.size(); i++) {
            assertEquals(stan[i] - stan[0], density.value(points.get(i)) - vmc0, within, name + ": log p(u_" + i + ") - log p(u_0)");
        }
    }

    private static double[] numbers(Json array) {
        return ((Json.Arr) array).elements().stream().mapToDouble(e -> ((Json.Num) e).value()).toArray();
    }
}
