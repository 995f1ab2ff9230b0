package dev.vmc.runtime.guide;

/** How the gradient of the ELBO with respect to one latent's guide is estimated. */
public enum Estimator {
    /** Differentiate through a reparameterised draw: low variance, needs a continuous guide. */
    REPARAMETERISED("pathwise (reparameterised)");

    private final String description;

    Estimator(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
