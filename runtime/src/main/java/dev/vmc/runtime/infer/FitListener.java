package dev.vmc.runtime.infer;

import dev.vmc.runtime.guide.Site;
import java.util.List;

/** What a fit reports while it runs; every method may be left out. Called on the fitting thread. */
public interface FitListener {
    FitListener SILENT = new FitListener() {};

    /** Before any step: what approximates each latent and which gradient estimator it gets. */
    default void plan(String guide, List<Site> sites) {}

    /** A line worth telling the user: the step size chosen, convergence, skipped steps. */
    default void message(String line) {}

    /** After every optimisation step. */
    default void step(long step, long maxSteps, double elbo, double stepsPerSecond) {}
}
