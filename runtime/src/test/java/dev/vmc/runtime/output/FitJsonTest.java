package dev.vmc.runtime.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vmc.runtime.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitJsonTest {
    static FitRecord sample(long seed, double khat) {
        return new FitRecord("0.1.0", "models/a \"b\".vmodel", "data\\d.json", seed, "fullrank", "auto", "converged", true,
                "converged after 2650 steps", 2650, 3, 0.38, 0.05, 0.025, -32.253805019962, 0.0111681, khat, 0.7,
                "good: reliable", 1835.35, 4000, true, 2735, 7975,
                List.of(new FitRecord.PlanRow("mu", new int[0], "the real line", "full-rank normal", "pathwise (reparameterised)",
                        "the Gaussian guide is reparameterisable"),
                        new FitRecord.PlanRow("X", new int[] {3, 2}, "(0, inf)", "full-rank normal, through exp", "pathwise",
                                "because")),
                List.of("pathfinder path 1: 22 L-BFGS iterations", "guide: fullrank, because <tab>\there"),
                List.of("step 1350: plateau (ELBO -32.31); step size halved to 0.0250", "converged\nafter"));
    }

    @Test
    void roundTripsEveryFieldBitForBit(@TempDir Path dir) throws IOException {
        FitRecord fit = sample(Long.MAX_VALUE, 0.40342645477220856);
        Path file = dir.resolve("fit.json");
        FitJson.write(file, fit);
        FitRecord back = FitJson.read(file);
        assertEquals(fit.plan().size(), back.plan().size());
        for (int i = 0; i < fit.plan().size(); i++) {
            FitRecord.PlanRow a = fit.plan().get(i);
            FitRecord.PlanRow b = back.plan().get(i);
            assertEquals(a.latent(), b.latent());
            assertArrayEquals(a.shape(), b.shape());
            assertEquals(List.of(a.support(), a.guide(), a.estimator(), a.reason()),
                    List.of(b.support(), b.guide(), b.estimator(), b.reason()));
        }
        assertEquals("X[3,2]", back.plan().get(1).label());
        // records compare their arrays by identity, so compare the rest with the plan taken out
        assertEquals(withoutPlan(fit), withoutPlan(back));
        assertEquals(Long.MAX_VALUE, back.seed(), "a seed beyond 2^53 survives: it is written as a string");
    }

    private static FitRecord withoutPlan(FitRecord f) {
        return new FitRecord(f.vmcVersion(), f.model(), f.data(), f.seed(), f.guide(), f.algorithm(), f.status(), f.trusted(),
                f.reason(), f.steps(), f.skippedSteps(), f.seconds(), f.learningRate(), f.finalLearningRate(), f.elbo(),
                f.elboSe(), f.khat(), f.khatThreshold(), f.khatMeaning(), f.ess(), f.psisDraws(), f.resampled(),
                f.gradientEvaluations(), f.densityEvaluations(), List.of(), f.start(), f.messages());
    }

    @Test
    void nonFiniteNumbersAreWrittenAsStanSpellsThem() {
        String text = FitJson.format(sample(1, Double.NaN));
        assertTrue(text.contains("\"khat\": \"NaN\""), text);
        assertTrue(Double.isNaN(FitJson.parse(text, "fit.json").khat()));
    }

    @Test
    void ignoresMembersItDoesNotKnow() {
        String text = FitJson.format(sample(7, 0.5)).replaceFirst("\\{", "{\"later\": [1, {\"x\": 2}],");
        assertEquals(7, FitJson.parse(text, "fit.json").seed());
    }

    @Test
    void namesTheFileAndTheMemberThatIsWrong() {
        String text = FitJson.format(sample(7, 0.5));
        DataException missing = assertThrows(DataException.class,
                () -> FitJson.parse(text.replace("\"guide\": \"fullrank\"", "\"guides\": \"fullrank\""), "run/fit.json"));
        assertTrue(missing.getMessage().startsWith("run/fit.json: no \"guide\""), missing.getMessage());
        DataException wrongType = assertThrows(DataException.class,
                () -> FitJson.parse(text.replace("\"steps\": 2650", "\"steps\": \"many\""), "run/fit.json"));
        assertTrue(wrongType.getMessage().contains("\"steps\" should be a whole number"), wrongType.getMessage());
        DataException notJson = assertThrows(DataException.class, () -> FitJson.parse("{\"format\": ", "run/fit.json"));
        assertTrue(notJson.getMessage().startsWith("run/fit.json:"), notJson.getMessage());
        DataException newer = assertThrows(DataException.class,
                () -> FitJson.parse(text.replace("\"format\": 1", "\"format\": 2"), "run/fit.json"));
        assertTrue(newer.getMessage().contains("newer vmc"), newer.getMessage());
    }

    @Test
    void isWrittenAtomicallyWithNoTemporaryLeft(@TempDir Path dir) throws IOException {
        FitJson.write(dir.resolve("fit.json"), sample(1, 0.1));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("fit.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
