package dev.vmc.runtime.dist;

/**
 * The partials of a location-scale family's log CDF, log F((x - mu) / sigma), or its log CCDF:
 * all three follow from one ratio, the standard density over the tail, f(z) / F(z), so a family
 * gives its standard density and tail and this does the rest.
 */
final class LocationScale {
    private LocationScale() {}

    /**
     * Fills g[0] (d/dx), g[at] (d/dmu) and g[at + 1] (d/dsigma) of the lower tail's log (or the
     * upper's, when {@code upper}) at z = (x - mu) / sigma, from the logs of the standard
     * density and of the tail at z. A tail of probability 0 has no slope to follow: zeros.
     */
    static void tailPartials(double z, double sigma, double logStandardDensity, double logTail, boolean upper,
            double[] g, int at) {
        double r = logTail == Double.NEGATIVE_INFINITY ? 0
                : (upper ? -1 : 1) * Math.exp(logStandardDensity - logTail) / sigma;
        g[0] = r;
        g[at] = -r;
        g[at + 1] = -r * z;
    }
}
