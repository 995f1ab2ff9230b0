package dev.vmc.cli;

/** A failure the user should see as a message and an exit code, not as a stack trace. */
final class Failure extends RuntimeException {
    final int exitCode;

    Failure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }
}
