package dev.vmc.compiler.bind;

import dev.vmc.runtime.data.DataException;
import java.util.List;

/**
 * Data that does not fit the program's data block. The message lists every problem found,
 * one per line, so a user fixes the data file in one pass.
 */
public final class DataMismatchException extends DataException {
    private final List<String> problems;

    public DataMismatchException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
