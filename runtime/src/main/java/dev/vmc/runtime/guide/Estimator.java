package dev.vmc.runtime.guide;

/** How the gradient of the ELBO with respect to one latent's guide is estimated. */
public enum Estimator {
    /** Differentiate through a reparameterised draw: low variance, needs a continuous guide. */
    REPARAMETERISED("pathwise (reparameterised)"),
    /** Differentiate log q of the draw, times the cost downstream (REINFORCE): any guide, higher variance. */
    SCORE_FUNCTION("score function (REINFORCE)"),
    /** No guide: summed out of the model exactly, over every value of its support. */
    ENUMERATION("enumerated exactly");

    private final String description;

    Estimator(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
