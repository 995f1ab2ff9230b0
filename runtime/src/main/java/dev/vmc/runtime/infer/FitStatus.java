package dev.vmc.runtime.infer;

/** How a fit ended, and whether its answer can be trusted as an optimum of the ELBO. */
public enum FitStatus {
    /** The stopping rule held and the final ELBO agrees with the best seen. */
    CONVERGED(true),
    /** The fixed number of steps asked for (tolerance 0) was run; nothing was claimed. */
    STEPS_DONE(true),
    /** Pathfinder's Gaussian alone was asked for and is reported. */
    PATHFINDER(true),
    /** The step budget ran out while the ELBO was still rising. */
    NOT_CONVERGED(false),
    /** The ELBO kept falling away from its best; the best point is reported. */
    DIVERGED(false),
    /** The stopping rule held, but an independent estimate of the final ELBO falls short of the best seen. */
    UNSTABLE(false);

    private final boolean trusted;

    FitStatus(boolean trusted) {
        this.trusted = trusted;
    }

    /** Whether the fit ended as intended; false means the answer may be far from the optimum. */
    public boolean trusted() {
        return trusted;
    }
}
