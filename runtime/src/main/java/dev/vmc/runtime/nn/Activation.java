package dev.vmc.runtime.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An elementwise activation of a network layer, by the name the language gives it. The scalar
 * {@link #value} and {@link #derivative} are what the loops without the Vector API compute and
 * what the vector passes must agree with to within rounding.
 */
public enum Activation {
    IDENTITY,
    RELU,
    TANH,
    SOFTPLUS,
    SIGMOID;

    /** The name the language writes: "relu", "softplus", ... */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Activation> byName(String name) {
        return Arrays.stream(values()).filter(a -> a.toString().equals(name)).findFirst();
    }

    /** f(z); softplus as max(z, 0) + log1p(exp(-|z|)), which neither overflows nor loses small values. */
    public double value(double z) {
        return switch (this) {
            case IDENTITY -> z;
            case RELU -> Math.max(z, 0);
            case TANH -> Math.tanh(z);
            case SOFTPLUS -> Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
            case SIGMOID -> 1 / (1 + Math.exp(-z));
        };
    }

    /**
     * f'(z) given both z and a = f(z), whichever is cheaper: tanh and sigmoid from a, softplus
     * as sigmoid(z) (from a it would be -expm1(-a), which is no cheaper), relu from z.
     */
    public double derivative(double z, double a) {
        return switch (this) {
            case IDENTITY -> 1;
            case RELU -> z > 0 ? 1 : 0;
            case TANH -> 1 - a * a;
            case SOFTPLUS -> 1 / (1 + Math.exp(-z));
            case SIGMOID -> a * (1 - a);
        };
    }
}
