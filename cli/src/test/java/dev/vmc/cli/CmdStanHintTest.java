package dev.vmc.cli;

import static dev.vmc.cli.Cli.EIGHT_SCHOOLS;
import static dev.vmc.cli.Cli.EIGHT_SCHOOLS_DATA;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * The habits a CmdStan user brings (its option names, its key=value arguments, its methods)
 * get a pointer to vmc's option, exit 2, and nothing is fitted.
 */
class CmdStanHintTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> habits() {
        return Stream.of(
                Arguments.of(List.of("--iter", "2000"), List.of("unknown option '--iter'", "vmc's is --steps", "CmdStan's iter")),
                Arguments.of(List.of("--iter=2000"), List.of("--iter", "--steps 2000")),
                Arguments.of(List.of("-iter", "2000"), List.of("'-iter'", "--steps")),
                Arguments.of(List.of("iter=2000"), List.of("'iter=2000'", "--steps 2000", "CmdStan's iter")),
                Arguments.of(List.of("--output", "x.csv"), List.of("--output", "--out")),
                Arguments.of(List.of("output", "file=x.csv"), List.of("'output'", "--out", "a folder")),
                Arguments.of(List.of("--output_dir", "x"), List.of("--out")),
                Arguments.of(List.of("--num_samples", "1000"), List.of("--draws", "CmdStan's num_samples")),
                Arguments.of(List.of("--num-samples", "1000"), List.of("--draws")),
                Arguments.of(List.of("output_samples=1000"), List.of("--draws 1000", "output_samples")),
                Arguments.of(List.of("--eta", "0.1"), List.of("--lr", "eta")),
                Arguments.of(List.of("--grad_samples", "10"), List.of("--particles", "grad_samples")),
                Arguments.of(List.of("--elbo_samples", "100"), List.of("--psis-draws", "elbo_samples")),
                Arguments.of(List.of("--tol_rel_obj", "0.01"), List.of("--tol", "nats", "tol_rel_obj")),
                Arguments.of(List.of("--adapt"), List.of("--lr", "adapt")),
                Arguments.of(List.of("adapt", "engaged=0"), List.of("--lr")),
                Arguments.of(List.of("--algorithm=meanfield"), List.of("--algorithm must be auto, pathfinder or advi",
                        "'meanfield'", "--guide meanfield")),
                Arguments.of(List.of("--algorithm", "fullrank"), List.of("--guide fullrank")),
                Arguments.of(List.of("algorithm=fullrank"), List.of("--guide fullrank")),
                Arguments.of(List.of("random", "seed=4"), List.of("--seed", "random seed=")),
                Arguments.of(List.of("seed=4"), List.of("--seed 4")),
                Arguments.of(List.of("data", "file=other.json"), List.of("--data")),
                Arguments.of(List.of("file=other.json"), List.of("--data other.json")),
                Arguments.of(List.of("variational"), List.of("'variational'", "variational inference")),
                Arguments.of(List.of("method=variational"), List.of("variational inference")),
                Arguments.of(List.of("sample"), List.of("'sample'", "MCMC", "--draws")),
                Arguments.of(List.of("optimize"), List.of("'optimize'", "--algorithm pathfinder")),
                Arguments.of(List.of("pathfinder"), List.of("--algorithm pathfinder")),
                Arguments.of(List.of("--num_paths", "4"), List.of("--paths")),
                Arguments.of(List.of("--refresh", "100"), List.of("--refresh", "no option")),
                Arguments.of(List.of("init=inits.json"), List.of("--init inits.json", "guide.json")),
                Arguments.of(List.of("draws=10"), List.of("write --draws 10")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("habits")
    void pointToVmcsOption(List<String> habit, List<String> fragments) {
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("run", EIGHT_SCHOOLS.toString(), "--data",
                EIGHT_SCHOOLS_DATA.toString(), "--out", out.toString()));
        args.addAll(habit);
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        r.assertFails(ExitCode.USAGE, fragments.toArray(String[]::new));
        assertFalse(r.out().contains("plan ("), r.all());
        assertFalse(Files.exists(out));
    }

    static Stream<Arguments> methodsAsCommands() {
        return Stream.of(
                Arguments.of("variational", List.of("unknown command 'variational'", "vmc run FILE")),
                Arguments.of("sample", List.of("unknown command 'sample'", "MCMC")),
                Arguments.of("optimize", List.of("--algorithm pathfinder")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methodsAsCommands")
    void cmdStanMethodsAsCommands(String method, List<String> fragments) {
        Cli.run(method, EIGHT_SCHOOLS.toString()).assertFails(ExitCode.USAGE, fragments.toArray(String[]::new));
    }
}
