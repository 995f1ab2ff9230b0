package dev.vmc.runtime.infer;

/** Initial values that do not fit the model and guide being fitted: unknown names or wrong shapes. */
public class InitialValuesException extends IllegalArgumentException {
    public InitialValuesException(String message) {
        super(message);
    }
}
