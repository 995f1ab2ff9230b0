package dev.vmc.runtime.guide;

import dev.vmc.runtime.transform.Support;

/**
 * One latent's entry in the plan printed before fitting: what approximates it and how its
 * gradient is estimated, and why.
 */
public record Site(String latent, int[] shape, Support support, String family, Estimator estimator, String reason) {}
