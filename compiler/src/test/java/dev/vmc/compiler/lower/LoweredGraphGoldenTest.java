package dev.vmc.compiler.lower;

import dev.vmc.api.Vmc;
import dev.vmc.compiler.Golden;
import dev.vmc.runtime.data.DataSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.vmc.runtime.guide.GaussianGuide;
import dev.vmc.runtime.infer.ElboGraph;
import dev.vmc.runtime.infer.EstimatorChoice;
import dev.vmc.runtime.infer.FitOptions;
import dev.vmc.runtime.infer.Planner;
import dev.vmc.runtime.model.LogDensity;
import dev.vmc.runtime.model.Model;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example as lowered: the graph of its log density (the bijections from the
 * unconstrained point, then each statement's nodes under its source line; enumerated latents
 * summed out), or for a model with score-function sites the fit's graph, bound to the data it
 * ships, against resources/lowered/NAME.txt. A change to the lowering or to the runtime's
 * ops shows here as a diff; after a deliberate one, regenerate and review:
 * <pre>
 * mvn -q -o test -pl grammar,runtime,compiler -Dtest=LoweredGraphGoldenTest -Dsurefire.failIfNoSpecifiedTests=false -Dvmc.golden.update=true
 * git diff compiler/src/test/resources/lowered
 * </pre>
 */
class LoweredGraphGoldenTest {
    private static final Path EXPECTED = Path.of("src", "test", "resources", "lowered");

    static List<Path> examples() {
        return Golden.examples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void lowersAsBefore(Path model) throws IOException {
        // a small stand-in where the example's own data are large (the VAE's digits)
        Path data = Files.exists(model.resolveSibling("golden.json")) ? model.resolveSibling("golden.json")
                : model.resolveSibling("data.json");
        DataSet dataSet = Files.exists(data) ? DataSet.read(data) : DataSet.of(Map.of());
        String name = model.getFileName().toString();
        var bound = Vmc.compile(Files.readString(model), name).bind(dataSet);
        if (bound.minibatchesPossible()) {
            // a model trained by minibatches is shown as its training graph: guide, model, batches of 2 rows
            Golden.check(EXPECTED.resolve(name.replaceFirst("\\.vmodel$", ".txt")),
                    ElboGraph.build(bound.minibatchModel(2), bound.minibatchGuide(2)).graph.describe());
            return;
        }
        Model lowered = bound.model();
        Planner.Plan plan = Planner.plan(lowered, EstimatorChoice.automatic());
        // a model whose discrete latents are all summed out has a log density; one with score-function
        // sites is shown as the fit's whole graph: guide, model and surrogates
        String actual = !plan.hasScored() ? LogDensity.of(plan.model()).describe()
                : ElboGraph.build(plan.model(), plan.automaticGuide(GaussianGuide.meanField()), plan,
                        EstimatorChoice.automatic(), FitOptions.SCORE_PARTICLES).graph.describe();
        Golden.check(EXPECTED.resolve(name.replaceFirst("\\.vmodel$", ".txt")), actual);
    }
}
