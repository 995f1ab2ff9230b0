package dev.vmc.cli;

import dev.vmc.api.Vmc;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vmc} command: {@code vmc check FILE}, {@code vmc run FILE --data DATA}. */
@Command(name = "vmc",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Variational inference for .vmodel programs.",
        subcommands = {CheckCommand.class, RunCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 internal error, 2 usage, 3 model error, 4 data error, 5 fit failed,",
                "6 fit did not converge (outputs written, with a warning)."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code, without exiting: what tests call. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof Failure f) {
                line.getErr().println(f.getMessage());
                return f.exitCode;
            }
            line.getErr().println("vmc: internal error: " + e);
            e.printStackTrace(line.getErr());
            return ExitCode.INTERNAL;
        });
        cli.setParameterExceptionHandler((e, args2) -> {
            CommandLine.UnmatchedArgumentException.printSuggestions(e, e.getCommandLine().getErr());
            e.getCommandLine().getErr().println("vmc: " + e.getMessage());
            e.getCommandLine().getErr().println("Try 'vmc --help'.");
            return ExitCode.USAGE;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: check or run");
    }

    static final class Version implements CommandLine.IVersionProvider {
        public String[] getVersion() {
            return new String[] {"vmc " + Vmc.VERSION};
        }
    }
}
