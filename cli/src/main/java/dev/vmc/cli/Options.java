package dev.vmc.cli;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A command's options and its one FILE argument, parsed by hand: {@code --name value},
 * {@code --name=value}, flags, {@code --} (what follows is the FILE), {@code -h/--help} and
 * {@code -V/--version}. (A library parser that builds its model by reflection cost about half
 * a second of CPU at every start, more than the rest of reaching the fit, and its classes are
 * too old for class-data sharing.) Every mistake is a usage failure (exit 2) that names the
 * option and the value; an option vmc does not have gets a pointer to the one it has, where
 * the name is one of vmc's misspelt or a habit from CmdStan ({@link CmdStanHints}).
 */
final class Options {
    /**
     * One option; a null label makes it a flag, which takes no value; a null default shows
     * none; one that {@code repeats} may be given more than once, each value passed on in turn.
     */
    record Option(String name, String label, String description, String defaultText, Consumer<String> set,
            boolean repeats) {}

    private final String command;
    private String synopsis;
    private final String summary;
    private final String fileDescription;
    private final List<Option> options = new ArrayList<>();
    private final List<String> epilogue = new ArrayList<>();
    private final Map<String, String> elsewhere = new HashMap<>();

    Options(String command, String summary, String fileDescription) {
        this.command = command;
        this.synopsis = "vmc " + command + " FILE [OPTIONS]";
        this.summary = summary;
        this.fileDescription = fileDescription;
    }

    Options option(String name, String label, String description, String defaultText, Consumer<String> set) {
        options.add(new Option(name, label, description, defaultText, set, false));
        return this;
    }

    /** An option that may be given more than once ({@code --data a.json --data x=b.idx}): {@code set} sees each value. */
    Options repeatable(String name, String label, String description, String defaultText, Consumer<String> set) {
        options.add(new Option(name, label, description, defaultText, set, true));
        return this;
    }

    Options flag(String name, String description, Runnable set) {
        options.add(new Option(name, null, description, "off", value -> set.run(), false));
        return this;
    }

    /** What to say when {@code option}, which this command lacks, is given: another command's, say. */
    Options elsewhere(String option, String hint) {
        elsewhere.put(option, hint);
        return this;
    }

    /** The usage line's form: "vmc run FILE [--data DATA] [OPTIONS]". */
    Options synopsis(String text) {
        synopsis = text;
        return this;
    }

    /** A paragraph printed after the options in the help (outputs, exit codes). */
    Options epilogue(String text) {
        epilogue.add(text);
        return this;
    }

    /**
     * Applies {@code args} to the options and returns the FILE; null when help or the version
     * was asked for and printed. Mistakes are usage failures naming the option and the value.
     */
    Path parse(List<String> args) {
        // help or the version anywhere before "--" wins over mistakes elsewhere on the line
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals("-h") || arg.equals("--help")) {
                System.out.print(usage());
                return null;
            }
            if (arg.equals("-V") || arg.equals("--version")) {
                System.out.println(Main.versionLine());
                return null;
            }
        }
        String file = null;
        Map<String, String> seen = new HashMap<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!optionsEnded && arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                file = positional(file, arg, optionsEnded);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            Option option = find(name);
            if (option == null) {
                throw error("unknown option '" + name + "'" + hintFor(name, equals < 0 ? null : arg.substring(equals + 1)));
            }
            String value = null;
            if (option.label() != null) {
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                } else {
                    throw error("option '" + name + "' needs a value (" + option.label() + ")"
                            + (i + 1 < args.size() ? ", got the option '" + args.get(i + 1) + "'" : ""));
                }
                if (value.isEmpty()) {
                    throw error("option '" + name + "' needs a value (" + option.label() + "), got an empty string");
                }
            } else if (equals >= 0) {
                throw error("option '" + name + "' takes no value, got '" + arg.substring(equals + 1) + "'");
            }
            String earlier = seen.put(name, value == null ? "" : value);
            if (earlier != null && !option.repeats()) {
                throw error("option '" + name + "' given more than once" + (value == null ? ""
                        : " ('" + earlier + "', then '" + value + "')") + "; give it once");
            }
            option.set().accept(value);
        }
        if (file == null) {
            throw error("missing FILE: " + fileDescription);
        }
        return path("FILE", file);
    }

    /** The FILE, unless it is a second one or a CmdStan argument such as {@code iter=2000}. */
    private String positional(String file, String arg, boolean optionsEnded) {
        if (arg.isEmpty()) {
            throw error("FILE is an empty string: name " + fileDescription);
        }
        if (!optionsEnded && !exists(arg)) {
            String hint = CmdStanHints.forArgument(arg, this::has);
            if (hint != null) {
                throw error("unexpected argument '" + arg + "'; " + hint);
            }
        }
        if (file != null) {
            throw error("unexpected argument '" + arg + "': give one FILE (already have '" + file + "')");
        }
        return arg;
    }

    private static boolean exists(String path) {
        try {
            return Files.exists(Path.of(path));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private Option find(String name) {
        for (Option o : options) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }

    boolean has(String name) {
        return find(name) != null;
    }

    /** "; vmc's is --steps (CmdStan's iter)", "; did you mean --particles?", or nothing. */
    private String hintFor(String name, String value) {
        if (elsewhere.containsKey(name)) {
            return "; " + elsewhere.get(name);
        }
        String cmdStan = CmdStanHints.forOption(name, value, this::has);
        if (cmdStan != null) {
            return "; " + cmdStan;
        }
        String near = nearest(name);
        return near == null ? "" : "; did you mean " + near + "?";
    }

    /** The option whose name is within two edits of {@code name}, or that it abbreviates. */
    private String nearest(String name) {
        String given = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = 3;
        for (Option o : options) {
            int d = o.name().startsWith(given) && given.length() >= 4 ? 1 : distance(given, o.name());
            if (d < bestDistance) {
                best = o.name();
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    String usage() {
        StringBuilder out = new StringBuilder("Usage: " + synopsis + "\n" + summary + "\n\n");
        row(out, "FILE", fileDescription);
        for (Option o : options) {
            // the default is kept on one line: its spaces are no-break spaces until wrapped
            String text = o.description() + (o.defaultText() == null ? ""
                    : " [default:\u00a0" + o.defaultText().replace(' ', '\u00a0') + "]");
            row(out, o.name() + (o.label() == null ? "" : " " + o.label()), text);
        }
        row(out, "-h, --help", "show this help and exit");
        row(out, "-V, --version", "print the version and exit");
        for (String paragraph : epilogue) {
            out.append('\n').append(paragraph);
            if (!paragraph.endsWith("\n")) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static final int WIDTH = 100;
    private static final int INDENT = 21;

    /** One option's line in the help, its description wrapped under itself. */
    private static void row(StringBuilder out, String name, String description) {
        String head = String.format("  %-" + (INDENT - 3) + "s ", name);
        if (head.length() > INDENT) {
            out.append(head.stripTrailing()).append('\n');
            head = " ".repeat(INDENT);
        }
        out.append(wrap(head, description, INDENT));
    }

    /** {@code text} after {@code first}, wrapped at {@link #WIDTH} columns, continued at {@code indent}. */
    static String wrap(String first, String text, int indent) {
        StringBuilder out = new StringBuilder(first);
        int column = first.length();
        boolean lineEmpty = true;
        for (String word : text.split(" ")) {
            if (!lineEmpty && column + 1 + word.length() > WIDTH) {
                out.append('\n').append(" ".repeat(indent));
                column = indent;
                lineEmpty = true;
            }
            if (!lineEmpty) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
            lineEmpty = false;
        }
        return out.append('\n').toString().replace('\u00a0', ' ');
    }

    /** A mistake on this command's line: exit 2, with a pointer to its help. */
    Failure error(String message) {
        return new Failure(ExitCode.USAGE, "vmc: " + message + "\nTry 'vmc " + command + " --help'.");
    }

    /** A mistake before any command was named: exit 2, with a pointer to the help. */
    static Failure usageError(String message) {
        return new Failure(ExitCode.USAGE, "vmc: " + message + "\nTry 'vmc --help'.");
    }

    /**
     * A whole number from {@code min} to {@code max}. Written as digits, or as an exact
     * whole number in other notation ({@code 1e4}, {@code 10000.0}): scripts write both.
     */
    long wholeNumber(String option, String value, long min, long max) {
        BigDecimal n = parse(value);
        String range = min == Long.MIN_VALUE ? "" : max == Long.MAX_VALUE || max == Integer.MAX_VALUE
                ? " of at least " + min : " from " + min + " to " + max;
        if (n == null || n.stripTrailingZeros().scale() > 0) {
            throw error("option '" + option + "' needs a whole number" + range + ", got '" + value + "'");
        }
        if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
            String bound = n.compareTo(BigDecimal.valueOf(min)) < 0 ? " of at least " + min : " of at most " + max;
            throw error("option '" + option + "' needs a whole number" + bound + ", got '" + value + "'");
        }
        return n.longValueExact();
    }

    /** A finite number at least {@code min}, or above it when {@code minIncluded} is false. */
    double number(String option, String value, double min, boolean minIncluded) {
        BigDecimal n = parse(value);
        String range = minIncluded ? " of at least " + format(min) : " above " + format(min);
        if (n == null || n.abs().compareTo(BigDecimal.valueOf(Double.MAX_VALUE)) > 0) {
            throw error("option '" + option + "' needs a finite number" + range + ", got '" + value + "'");
        }
        double x = n.doubleValue();
        if (minIncluded ? x < min : x <= min) {
            throw error("option '" + option + "' needs a number" + range + ", got '" + value + "'");
        }
        return x;
    }

    /** One of {@code allowed}; a near miss is named ("--guide full-rank: did you mean fullrank?"). */
    String choice(String option, String value, List<String> allowed, Map<String, String> hints) {
        if (allowed.contains(value)) {
            return value;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        String hint = hints.get(lower);
        if (hint == null && allowed.contains(lower)) {
            hint = "did you mean " + lower + "?";
        }
        if (hint == null) {
            String squeezed = lower.replace("-", "").replace("_", "");
            hint = allowed.contains(squeezed) ? "did you mean " + squeezed + "?" : null;
        }
        throw error(option + " must be " + or(allowed) + ", got '" + value + "'"
                + (hint == null ? "" : "; " + hint));
    }

    /** A path; one the file system cannot name (characters outside the locale's encoding) is a usage error. */
    Path path(String option, String value) {
        try {
            return Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw error((option.startsWith("-") ? "option '" + option + "'" : option) + " names a path this system cannot"
                    + " use, '" + value + "': " + e.getReason());
        }
    }

    static String or(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    /** A decimal number, or null; no NaN, infinity, hexadecimal or Java's type suffixes ({@code 1d}). */
    private static BigDecimal parse(String value) {
        if (!value.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,6})?")) {
            return null;
        }
        try {
            return new BigDecimal(value.startsWith("+") ? value.substring(1) : value);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static String format(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
