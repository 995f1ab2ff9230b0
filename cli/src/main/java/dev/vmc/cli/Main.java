package dev.vmc.cli;

import dev.vmc.api.Vmc;
import java.util.Arrays;
import java.util.List;

/** The {@code vmc} command: {@code vmc check FILE}, {@code vmc run FILE --data DATA}, {@code vmc report RUN_DIR}. */
public final class Main {
    private static final String USAGE = String.join("\n",
            "Usage: vmc [-hV] COMMAND",
            "Variational inference for .vmodel programs.",
            "  -h, --help      show this help and exit",
            "  -V, --version   print the version and exit",
            "Commands:",
            "  check  " + CheckCommand.SUMMARY,
            "  run    " + RunCommand.SUMMARY,
            "  report " + ReportCommand.SUMMARY,
            "  help   Show the help of a command: vmc help run.",
            "",
            "Exit codes: 0 ok, 1 internal error, 2 usage, 3 model error, 4 data error, 5 fit failed,",
            "6 fit did not converge (outputs written, with a warning).",
            "");

    private Main() {}

    public static void main(String[] args) {
        Phases.end("JVM start");
        int code = run(args);
        Phases.total();
        System.exit(code);
    }

    static String versionLine() {
        return "vmc " + Vmc.VERSION;
    }

    /** Runs the command line and returns the exit code, without exiting: what tests call. */
    public static int run(String... args) {
        try {
            List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
            String command = args.length == 0 ? "" : args[0];
            switch (command) {
                case "" -> throw Options.usageError("name a command: check, run or report");
                case "-h", "--help" -> System.out.print(USAGE);
                case "-V", "--version" -> System.out.println(versionLine());
                case "help" -> System.out.print(rest.isEmpty() ? USAGE : help(rest.get(0)));
                case "check" -> {
                    return CheckCommand.main(rest);
                }
                case "run" -> {
                    return RunCommand.main(rest);
                }
                case "report" -> {
                    return ReportCommand.main(rest);
                }
                default -> throw Options.usageError("unknown command '" + command + "': name check, run or report");
            }
            return ExitCode.OK;
        } catch (Failure f) {
            System.err.println(f.getMessage());
            return f.exitCode;
        } catch (RuntimeException e) {
            System.err.println("vmc: internal error: " + e);
            e.printStackTrace(System.err);
            return ExitCode.INTERNAL;
        }
    }

    private static String help(String command) {
        return switch (command) {
            case "check" -> CheckCommand.options().usage();
            case "run" -> new RunCommand().commandLine().usage();
            case "report" -> new ReportCommand().commandLine().usage();
            default -> throw Options.usageError("unknown command '" + command + "': name check, run or report");
        };
    }
}
