package dev.vmc.runtime.data;

/**
 * A data file (or a file vmc wrote earlier) that cannot be read. The message already
 * names the file and, where it helps, the line and column, so callers print it as is.
 */
public class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
