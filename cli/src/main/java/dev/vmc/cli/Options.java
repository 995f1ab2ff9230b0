package dev.vmc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A command's options and its one FILE argument, parsed by hand: {@code --name value},
 * {@code --name=value}, flags, {@code -h/--help} and {@code -V/--version}. (A library parser
 * that builds its model by reflection cost about half a second of CPU at every start, more
 * than the rest of reaching the fit, and its classes are too old for class-data sharing.)
 */
final class Options {
    /** One option; a null label makes it a flag, which takes no value. */
    record Option(String name, String label, String description, Consumer<String> set) {}

    private final String command;
    private final String summary;
    private final String fileDescription;
    private final List<Option> options = new ArrayList<>();

    Options(String command, String summary, String fileDescription) {
        this.command = command;
        this.summary = summary;
        this.fileDescription = fileDescription;
    }

    Options option(String name, String label, String description, Consumer<String> set) {
        options.add(new Option(name, label, description, set));
        return this;
    }

    Options flag(String name, String description, Runnable set) {
        options.add(new Option(name, null, description, value -> set.run()));
        return this;
    }

    /**
     * Applies {@code args} to the options and returns the FILE; null when help or the version
     * was asked for and printed. Mistakes are usage failures; options named in
     * {@code required} must be given.
     */
    Path parse(List<String> args, String... required) {
        Path file = null;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-h") || arg.equals("--help")) {
                System.out.print(usage());
                return null;
            }
            if (arg.equals("-V") || arg.equals("--version")) {
                System.out.println(Main.versionLine());
                return null;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                if (file != null) {
                    throw usageError("unexpected argument '" + arg + "': give one FILE");
                }
                file = Path.of(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            Option option = options.stream().filter(o -> o.name().equals(name)).findFirst()
                    .orElseThrow(() -> usageError("unknown option '" + name + "'"));
            if (!seen.add(name)) {
                throw usageError("option '" + name + "' given more than once");
            }
            String value = null;
            if (option.label() != null) {
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw usageError("option '" + name + "' needs a value (" + option.label() + ")");
                }
            } else if (equals >= 0) {
                throw usageError("option '" + name + "' takes no value");
            }
            option.set().accept(value);
        }
        for (String name : required) {
            if (!seen.contains(name)) {
                throw usageError("missing required option '" + name + "'");
            }
        }
        if (file == null) {
            throw usageError("missing FILE: " + fileDescription);
        }
        return file;
    }

    String usage() {
        StringBuilder out = new StringBuilder("Usage: vmc " + command + " [OPTIONS] FILE\n" + summary + "\n");
        out.append(String.format("  %-18s %s%n", "FILE", fileDescription));
        for (Option o : options) {
            out.append(String.format("  %-18s %s%n", o.name() + (o.label() == null ? "" : " " + o.label()), o.description()));
        }
        out.append(String.format("  %-18s %s%n", "-h, --help", "show this help and exit"));
        out.append(String.format("  %-18s %s%n", "-V, --version", "print the version and exit"));
        return out.toString();
    }

    /** A mistake on the command line: exit 2, with a pointer to the help. */
    static Failure usageError(String message) {
        return new Failure(ExitCode.USAGE, "vmc: " + message + "\nTry 'vmc --help'.");
    }

    /** A whole number no larger in size than {@code max}. */
    static long wholeNumber(String option, String value, long max) {
        try {
            long n = Long.parseLong(value);
            if (n >= -max && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw usageError("option '" + option + "' needs a whole number" + (max < Long.MAX_VALUE ? " up to " + max : "")
                + ", got '" + value + "'");
    }

    static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw usageError("option '" + option + "' needs a number, got '" + value + "'");
        }
    }
}
