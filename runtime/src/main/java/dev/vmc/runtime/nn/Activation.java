package dev.vmc.runtime.nn;

/** A network layer's activation, by the name the language gives it. (Placeholder until the fast kernel lands.) */
public enum Activation {
    IDENTITY, RELU, TANH, SOFTPLUS, SIGMOID;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Activation of(String label) {
        return valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }

    double apply(double x) {
        return switch (this) {
            case IDENTITY -> x;
            case RELU -> Math.max(x, 0);
            case TANH -> Math.tanh(x);
            case SOFTPLUS -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
            case SIGMOID -> 1 / (1 + Math.exp(-x));
        };
    }

    /** d act / d x, from the input x and the output y. */
    double derivative(double x, double y) {
        return switch (this) {
            case IDENTITY -> 1;
            case RELU -> x > 0 ? 1 : 0;
            case TANH -> 1 - y * y;
            case SOFTPLUS -> 1 / (1 + Math.exp(-x));
            case SIGMOID -> y * (1 - y);
        };
    }
}
