package dev.vmc.cli;

import dev.vmc.api.Vmc;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** The {@code vmc} command: {@code vmc check FILE}, {@code vmc run FILE [--data DATA]}, {@code vmc report RUN_DIR}. */
public final class Main {
    /** A command: its name, one line for the help, how to run it, and its own help. */
    record Command(String name, String summary, Function<List<String>, Integer> main, Supplier<String> help) {}

    /** Every command, in the order the help lists them; a new command is one more line here. */
    static final List<Command> COMMANDS = List.of(
            new Command("check", CheckCommand.SUMMARY, CheckCommand::main, () -> CheckCommand.options().usage()),
            new Command("run", RunCommand.SUMMARY, RunCommand::main, () -> new RunCommand().commandLine().usage()),
            new Command("eval", EvalCommand.SUMMARY, EvalCommand::main, () -> new EvalCommand().commandLine().usage()),
            new Command("report", ReportCommand.SUMMARY, ReportCommand::main,
                    () -> new ReportCommand().commandLine().usage()));

    /** The exit codes, as every help prints them. */
    static final String EXIT_CODES = Options.wrap("", "Exit codes: 0 ok; 1 internal error (a bug: please report it);"
            + " 2 usage (options, files, an output folder in the way or in use, or more memory than the JVM's heap"
            + " allows); 3 model errors; 4 data errors; 5 the fit failed (nothing written); 6 the fit did not"
            + " converge (outputs written, with a warning).", 0);

    /** What a run is doing now, for a message when it runs out of memory or stack. */
    private static volatile String activity = "starting";

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

    /** Says what the run is doing, so that running out of memory or stack can say when it happened. */
    static void doing(String what) {
        activity = what;
    }

    private static String usage() {
        StringBuilder out = new StringBuilder("Usage: vmc COMMAND [OPTIONS] FILE\n"
                + "Variational inference for .vmodel programs.\n\nCommands:\n");
        for (Command c : COMMANDS) {
            out.append(String.format("  %-7s %s%n", c.name(), c.summary()));
        }
        out.append(String.format("  %-7s %s%n", "help", "Show a command's options: vmc help run (or vmc run --help)."));
        out.append("\nOptions:\n");
        out.append(String.format("  %-15s %s%n", "-h, --help", "show this help and exit"));
        out.append(String.format("  %-15s %s%n", "-V, --version", "print the version and exit"));
        out.append('\n').append(EXIT_CODES);
        return out.toString();
    }

    /** Runs the command line and returns the exit code, without exiting: what tests call. */
    public static int run(String... args) {
        doing("starting");
        try {
            return dispatch(args);
        } catch (Failure f) {
            System.err.println(f.getMessage());
            return f.exitCode;
        } catch (OutOfMemoryError e) {
            return outOfMemory(e);
        } catch (StackOverflowError e) {
            System.err.println("vmc: ran out of stack while " + activity + ": an expression nested very deeply?"
                    + " Write it in steps (local definitions), or raise the stack with VMC_JAVA_OPTS=-Xss64m");
            return ExitCode.MODEL;
        } catch (RuntimeException | Error e) {
            OutOfMemoryError cause = causeOfType(e, OutOfMemoryError.class);
            if (cause != null) { // from a worker thread, wrapped
                return outOfMemory(cause);
            }
            System.err.println("vmc: internal error while " + activity + ": " + e);
            e.printStackTrace(System.err);
            System.err.println("This is a bug in vmc: please report it with the command line and the stack trace above.");
            return ExitCode.INTERNAL;
        } finally {
            doing("done");
        }
    }

    private static int dispatch(String[] args) {
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        String name = args.length == 0 ? "" : args[0];
        switch (name) {
            case "" -> throw Options.usageError("name a command: " + commandNames());
            case "-h", "--help" -> System.out.print(usage());
            case "-V", "--version" -> System.out.println(versionLine());
            case "help" -> System.out.print(rest.isEmpty() ? usage() : command(rest.get(0)).help().get());
            default -> {
                return command(name).main().apply(rest);
            }
        }
        return ExitCode.OK;
    }

    private static Command command(String name) {
        for (Command c : COMMANDS) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw Options.usageError("unknown command '" + name + "': name " + commandNames() + commandHint(name));
    }

    private static String commandNames() {
        return Options.or(COMMANDS.stream().map(Command::name).toList());
    }

    /** A pointer for a command vmc does not have: a model file named first, a CmdStan method, -v. */
    private static String commandHint(String name) {
        if (name.endsWith(".vmodel")) {
            return "; the command comes first: vmc run " + name + " --data DATA";
        }
        if (name.equals("-v") || name.equals("version")) {
            return "; the version is vmc --version (or -V)";
        }
        if (name.startsWith("-")) {
            return "; options come after the command: vmc run FILE " + name;
        }
        String key = name.replaceFirst("=.*", "").toLowerCase(java.util.Locale.ROOT);
        if (key.equals("variational") || key.equals("method")) {
            return "; vmc's command for CmdStan's variational is run: vmc run FILE --data DATA";
        }
        String cmdStan = CmdStanHints.forArgument(name, option -> true);
        return cmdStan == null ? "" : "; vmc fits with vmc run FILE --data DATA, and " + cmdStan;
    }

    /** Reports running out of heap: when, how much the JVM may use, and how to raise it. */
    private static int outOfMemory(OutOfMemoryError e) {
        System.err.println(MemoryCheck.outOfMemory(activity, e));
        return ExitCode.USAGE;
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
