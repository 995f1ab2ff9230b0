package dev.vmc.runtime.graph;

/** Inputs whose shapes an op cannot combine; the message says what was expected. */
public class ShapeException extends RuntimeException {
    public ShapeException(String message) {
        super(message);
    }
}
