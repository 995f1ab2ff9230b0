package dev.vmc.runtime.train;

import dev.vmc.runtime.guide.Guide;
import dev.vmc.runtime.infer.ElboGraph;
import dev.vmc.runtime.nn.Mlp;

/** How the guide infers its per-datum latents: by an encoder, by per-datum parameters, or both. */
final class Encoders {
    private Encoders() {}

    /** Whether some plated site's parameters are computed by a network (an encoder). */
    static boolean feed(ElboGraph elbo) {
        return elbo.rows.sites().stream().anyMatch(site -> !Mlp.feeding(elbo.graph, site.arguments()).isEmpty());
    }

    /** The plan's line: which of the three ways of inferring local latents this guide is. */
    static String describe(boolean encoder, LocalSteps locals, TrainOptions options) {
        if (encoder && !locals.any()) {
            return "local latents: amortised: an encoder maps each datum to its guide's parameters";
        }
        String steps = options.localSteps() + " Adam steps (step size " + options.localLearningRate() + ") on the batch's "
                + String.join(", ", locals.names()) + " before each step on the rest";
        if (encoder) {
            return "local latents: semi-amortised: the encoder's output refined per datum by " + steps
                    + "; each batch starts its refinement afresh";
        }
        return locals.any() ? "local latents: two-step BBVI with per-datum guide parameters: " + steps
                : "local latents: none";
    }
}
