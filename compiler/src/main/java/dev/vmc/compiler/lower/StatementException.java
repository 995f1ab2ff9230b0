package dev.vmc.compiler.lower;

/**
 * A statement that cannot run with these data, found while the graph is built: "file:line:col:
 * message" (a reject the data lead to, an index outside its container, a loop too long to unroll).
 * The binder reports it as a problem with the data, not as a bug.
 */
public final class StatementException extends RuntimeException {
    public StatementException(String message) {
        super(message);
    }
}
