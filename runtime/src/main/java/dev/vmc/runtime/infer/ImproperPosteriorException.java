package dev.vmc.runtime.infer;

/** The posterior is likely improper: a latent the density never mentions, or a density without a maximum. */
public class ImproperPosteriorException extends FitException {
    public ImproperPosteriorException(String message) {
        super(message);
    }
}
