package dev.vmc.runtime.dist;

/**
 * An antiderivative of the centred von Mises density exp(kappa cos x) / (2 pi I0(kappa)):
 * G(x) = x / (2 pi) + (1 / pi) sum_{n >= 1} (I_n(kappa) / I0(kappa)) sin(n x) / n, the density's
 * Fourier series integrated term by term, valid for every real x. The ratios I_n / I0 are
 * products of I_j / I_(j-1), which obey I_j / I_(j-1) = 1 / (2j / kappa + I_(j+1) / I_j); running
 * that from beyond the last term that matters down to j = 1 (Miller's backward recurrence, as in
 * Hill's algorithm 518) gives the sum in one pass, nested as r_1 (s_1 + r_2 (s_2 + ...)), with
 * no Bessel function formed. The terms fall like exp(-n^2 / (2 kappa)), so 30 + 10 sqrt(kappa)
 * of them reach rounding. Each sine is its own Math.sin: the three-term recurrence for them
 * loses digits near x = +-pi, where the interval's ends sit, and the gradient's central
 * difference in kappa needs the sum smooth to rounding.
 */
final class VonMisesCdf {
    private VonMisesCdf() {}

    static double antiderivative(double x, double kappa) {
        int terms = (int) (30 + 10 * Math.sqrt(kappa));
        double ratio = 0; // I_(n+1) / I_n beyond the last term
        double nested = 0;
        for (int n = terms; n >= 1; n--) {
            ratio = 1 / (2 * n / kappa + ratio);
            nested = ratio * (Math.sin(n * x) / n + nested);
        }
        return x / (2 * Math.PI) + nested / Math.PI;
    }
}
