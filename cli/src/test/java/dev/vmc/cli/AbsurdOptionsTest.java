package dev.vmc.cli;

import static dev.vmc.cli.Cli.EIGHT_SCHOOLS;
import static dev.vmc.cli.Cli.EIGHT_SCHOOLS_DATA;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every option with absurd values (negative, zero, fractional, huge, NaN, infinity, empty, not a
 * number, given twice): exit 2 before anything is fitted or created, with a message naming the
 * option and the value, and never an internal error or a stack trace.
 */
class AbsurdOptionsTest {
    @TempDir
    Path tmp;

    /** Values no numeric option takes. */
    private static final List<String> NOT_NUMBERS = List.of("", "abc", "nan", "NaN", "inf", "-inf", "Infinity", "1,5",
            "0x10", "1d", " 3", "--");

    static Stream<Arguments> badValues() {
        List<Arguments> cases = new ArrayList<>();
        for (String option : List.of("--steps", "--paths", "--particles", "--draws", "--psis-draws", "--seed")) {
            for (String value : NOT_NUMBERS) {
                cases.add(Arguments.of(option, value));
            }
            cases.add(Arguments.of(option, "1.5"));
            cases.add(Arguments.of(option, "99999999999999999999999"));
        }
        for (String option : List.of("--paths", "--particles", "--draws")) {
            cases.add(Arguments.of(option, "0"));
            cases.add(Arguments.of(option, "-1"));
            cases.add(Arguments.of(option, "2147483648"));
        }
        cases.add(Arguments.of("--steps", "-1"));
        cases.add(Arguments.of("--psis-draws", "-5"));
        for (String option : List.of("--tol", "--lr")) {
            for (String value : NOT_NUMBERS) {
                cases.add(Arguments.of(option, value));
            }
            cases.add(Arguments.of(option, "-0.5"));
            cases.add(Arguments.of(option, "1e999"));
            cases.add(Arguments.of(option, "-1e999"));
        }
        cases.add(Arguments.of("--lr", "0"));
        cases.add(Arguments.of("--lr", "-0"));
        for (String value : NOT_NUMBERS) {
            cases.add(Arguments.of("--enumerate-up-to", value));
        }
        cases.add(Arguments.of("--enumerate-up-to", "0"));
        cases.add(Arguments.of("--estimator", "z=bogus"));
        for (String option : List.of("--algorithm", "--guide", "--psis-resample", "--precision", "--baseline", "--estimator")) {
            for (String value : List.of("", "bogus", "AUTO ", "1")) {
                cases.add(Arguments.of(option, value));
            }
        }
        for (String option : List.of("--data", "--out", "--init")) {
            cases.add(Arguments.of(option, ""));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} ''{1}''")
    @MethodSource("badValues")
    void namesTheOptionAndTheValue(String option, String value) {
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("run", EIGHT_SCHOOLS.toString(), "--out", out.toString()));
        if (!option.equals("--data")) {
            args.addAll(List.of("--data", EIGHT_SCHOOLS_DATA.toString()));
        }
        args.add(option + "=" + value);
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        r.assertFails(ExitCode.USAGE, option);
        assertTrue(r.err().contains("'" + value + "'") || (value.isEmpty() && r.err().contains("empty string")),
                "the message should quote the value\n" + r.all());
        assertFalse(r.out().contains("plan ("), "fitted despite a usage error\n" + r.all());
        assertFalse(Files.exists(out), "created the output folder despite a usage error");
    }

    static Stream<Arguments> mistakesOfForm() {
        String m = EIGHT_SCHOOLS.toString();
        String d = EIGHT_SCHOOLS_DATA.toString();
        return Stream.of(
                Arguments.of(List.of("run", m, "--data", d, "--steps", "10", "--steps", "20"), List.of("--steps", "more than once", "'10'", "'20'")),
                Arguments.of(List.of("run", m, "--data", d, "--overwrite", "--overwrite"), List.of("--overwrite", "more than once")),
                Arguments.of(List.of("run", m, "--data", d, "--overwrite=yes"), List.of("--overwrite", "takes no value", "'yes'")),
                Arguments.of(List.of("run", m, "--data", d, "--steps"), List.of("--steps", "needs a value")),
                Arguments.of(List.of("run", m, "--data", "--steps", "10"), List.of("--data", "needs a value", "'--steps'")),
                Arguments.of(List.of("run", m, m, "--data", d), List.of("unexpected argument", "one FILE")),
                Arguments.of(List.of("run", "--data", d), List.of("missing FILE")),
                Arguments.of(List.of("run", "", "--data", d), List.of("FILE", "empty string")),
                Arguments.of(List.of("run", m, "--data", d, "-x"), List.of("unknown option '-x'")),
                Arguments.of(List.of("run", m, "--data", d, "--Steps", "10"), List.of("unknown option '--Steps'", "--steps")),
                Arguments.of(List.of("run", m, "--data", d, "--particle", "10"), List.of("--particle", "did you mean --particles")),
                Arguments.of(List.of("check", m, "--data", d), List.of("unknown option '--data'")),
                Arguments.of(List.of("run", m, "--data", d, "--estimator", "=score"), List.of("--estimator", "before '='")),
                Arguments.of(List.of("run", m, "--data", d, "--estimator", "theta=score"),
                        List.of("--estimator names theta, which is not a latent", "mu, tau, theta_tilde")),
                Arguments.of(List.of("run", m, "--data", d, "--estimator", "mu=enumerate"),
                        List.of("mu is continuous", "only discrete latents can be enumerated")),
                Arguments.of(List.of("run", m, "--data", d, "--estimator", "reinforce"), List.of("did you mean score?")),
                Arguments.of(List.of("check", m, m), List.of("one FILE")),
                Arguments.of(List.of("fit", m), List.of("unknown command 'fit'", "check, run, eval or report")),
                Arguments.of(List.of(m, "--data", d), List.of("the command comes first", "vmc run")),
                Arguments.of(List.of("-v"), List.of("--version")),
                Arguments.of(List.of("--bogus"), List.of("unknown command '--bogus'")),
                Arguments.of(List.of("help", "bogus"), List.of("unknown command 'bogus'")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakesOfForm")
    void mistakesOfFormAreUsageErrors(List<String> args, List<String> fragments) {
        List<String> all = new ArrayList<>(args);
        if (all.get(0).equals("run")) {
            all.addAll(List.of("--out", tmp.resolve("out").toString()));
        }
        Cli.Result r = Cli.run(all.toArray(String[]::new));
        r.assertFails(ExitCode.USAGE, fragments.toArray(String[]::new));
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    static Stream<Arguments> acceptedForms() {
        return Stream.of(
                Arguments.of(List.of("--steps", "1e2"), "after 100 steps"),
                Arguments.of(List.of("--steps=100.0"), "after 100 steps"),
                Arguments.of(List.of("--seed", "-7", "--steps", "100"), "seed -7"),
                Arguments.of(List.of("--steps", "100", "--tol", "+0"), "after 100 steps"),
                Arguments.of(List.of("--steps", "100", "--", Cli.EIGHT_SCHOOLS.toString()), "after 100 steps"));
    }

    /** Scientific notation for whole numbers, signs, and {@code --} before the FILE are accepted. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedForms")
    void acceptedForms(List<String> options, String expected) {
        List<String> args = new ArrayList<>(List.of("run", "--data", EIGHT_SCHOOLS_DATA.toString(), "--out",
                tmp.resolve("out").toString(), "--draws", "100"));
        args.addAll(options);
        if (!options.contains("--")) {
            args.add(EIGHT_SCHOOLS.toString());
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertTrue(r.code() == ExitCode.OK || r.code() == ExitCode.UNTRUSTED, r.all());
        assertTrue(r.out().contains(expected), r.all());
        r.assertClean();
    }
}
