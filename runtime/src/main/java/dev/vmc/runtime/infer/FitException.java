package dev.vmc.runtime.infer;

/** A fit that could not go on; the message says where the trouble came from and what to try. */
public class FitException extends RuntimeException {
    public FitException(String message) {
        super(message);
    }
}
