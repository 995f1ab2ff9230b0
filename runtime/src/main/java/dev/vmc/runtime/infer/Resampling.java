package dev.vmc.runtime.infer;

/**
 * Whether the reported draws are resampled by their Pareto-smoothed importance weights, which
 * moves their means, sds and quantiles from the guide's towards the posterior's.
 */
public enum Resampling {
    /** The guide's own draws. */
    NEVER("never"),
    /** Resampled where Pareto k-hat says importance sampling is reliable (at most its threshold, 0.7 for 2,200 draws or more). */
    AUTO("auto"),
    /** Resampled whatever k-hat says. */
    ALWAYS("always");

    public final String label;

    Resampling(String label) {
        this.label = label;
    }

    public static Resampling of(String label) {
        for (Resampling r : values()) {
            if (r.label.equals(label)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown resampling '" + label + "'; use auto, always or never");
    }

    boolean applies(double khat, double threshold) {
        return this == ALWAYS || (this == AUTO && khat <= threshold);
    }
}
