package dev.vmc.cli;

import dev.vmc.runtime.data.DataException;
import dev.vmc.runtime.data.DataSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code --data} arguments of {@code vmc run}, in the order given: a data file (JSON or
 * CSV, naming its own variables), or {@code NAME=PATH}, one array file (IDX) for the variable
 * NAME. Read and merged into one {@link DataSet}; a variable given by two files is an error
 * naming both.
 */
final class DataArguments {
    /** A name as the language spells one, then '='; a path that starts so is written ./NAME=... */
    private static final Pattern NAMED = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)=(.+)", Pattern.DOTALL);

    /** One argument: the variable it fills (null for a file that names its own) and the path. */
    record Argument(String name, Path path, String text) {}

    private final List<Argument> arguments = new ArrayList<>();
    /** The option these come from, for messages: --data, or --held-out. */
    private final String option;

    DataArguments() {
        this("--data");
    }

    DataArguments(String option) {
        this.option = option;
    }

    /** Adds one {@code --data} value; a path the system cannot name is a usage error from {@code options}. */
    void add(String value, Options options) {
        Matcher named = NAMED.matcher(value);
        if (named.matches()) {
            arguments.add(new Argument(named.group(1), options.path(option, named.group(2)), value));
        } else {
            arguments.add(new Argument(null, options.path(option, value), value));
        }
    }

    boolean isEmpty() {
        return arguments.isEmpty();
    }

    List<Argument> arguments() {
        return List.copyOf(arguments);
    }

    /** As given, for the run's first line and fit.json: "a.json, x=digits.gz". */
    @Override
    public String toString() {
        return arguments.stream().map(Argument::text).collect(Collectors.joining(", "));
    }

    /**
     * Reads every file and merges them. A missing or unreadable file is a usage failure
     * (exit 2); malformed content or a variable given twice is a data failure (exit 4).
     */
    DataSet read() {
        List<DataSet> sets = new ArrayList<>();
        for (Argument a : arguments) {
            Main.doing("reading the data in " + a.path());
            InputFiles.check(a.path(), option, a.name() == null ? "a data file (.json or .csv)"
                    : "an array file (IDX: .idx or *-ubyte, either with .gz)");
            InputFiles.checkFitsInMemory(a.path(), option);
            try {
                sets.add(a.name() == null ? DataSet.read(a.path()) : DataSet.array(a.name(), a.path()));
            } catch (DataException e) {
                throw new Failure(ExitCode.DATA, e.getMessage());
            } catch (IOException e) {
                throw new Failure(ExitCode.USAGE, "vmc: cannot read " + option + " " + a.path() + ": " + InputFiles.reason(e));
            }
        }
        try {
            return DataSet.merge(sets);
        } catch (DataException e) {
            throw new Failure(ExitCode.DATA, "vmc: " + e.getMessage());
        }
    }
}
