package dev.vmc.runtime.infer;

/** How a fit with an automatic guide gets to its answer. */
public enum Algorithm {
    /** Pathfinder's Gaussian starts the guide, then stochastic ascent refines it in whitened coordinates. */
    AUTO("auto"),
    /** Pathfinder's Gaussian alone, reported as the fit. */
    PATHFINDER("pathfinder"),
    /** Stan's ADVI: Adam from the standard initialisation, with a step-size search; no start. */
    ADVI("advi");

    public final String label;

    Algorithm(String label) {
        this.label = label;
    }

    public static Algorithm of(String label) {
        for (Algorithm a : values()) {
            if (a.label.equals(label)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown algorithm '" + label + "'; use auto, pathfinder or advi");
    }
}
