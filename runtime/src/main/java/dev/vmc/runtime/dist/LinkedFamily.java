package dev.vmc.runtime.dist;

import dev.vmc.runtime.transform.Support;
import java.util.List;

/**
 * A family that is another at parameters computed from its own (chi_square(nu) is
 * gamma(nu / 2, 1 / 2)): its density, CDFs and their partials are the base family's, with the
 * parameters' partials carried back by the chain rule in {@link #chain}.
 */
abstract class LinkedFamily<B extends ScalarDensity & Cumulative> extends ScalarDensity implements Cumulative {
    private final B base;

    LinkedFamily(String name, Support support, List<String> parameterNames, List<Support> parameterSupports, B base) {
        super(name, support, parameterNames, parameterSupports);
        this.base = base;
    }

    /** The base family's first parameter, from this one's a and b. */
    abstract double baseA(double a, double b);

    /** The base family's second parameter. */
    abstract double baseB(double a, double b);

    /**
     * Turns g[1] and g[2], the partials with respect to the base family's parameters, into
     * those with respect to a and b, in place.
     */
    abstract void chain(double a, double b, double[] g);

    @Override
    public double logDensity(double x, double a, double b, double unused) {
        return base.logDensity(x, baseA(a, b), baseB(a, b), 0);
    }

    @Override
    public void gradient(double x, double a, double b, double unused, double[] g) {
        base.gradient(x, baseA(a, b), baseB(a, b), 0, g);
        chain(a, b, g);
    }

    @Override
    public double logCdf(double x, double a, double b, double unused) {
        return base.logCdf(x, baseA(a, b), baseB(a, b), 0);
    }

    @Override
    public double logCcdf(double x, double a, double b, double unused) {
        return base.logCcdf(x, baseA(a, b), baseB(a, b), 0);
    }

    @Override
    public void logCumulativeGradient(double x, double a, double b, double unused, boolean upper, double[] g) {
        base.logCumulativeGradient(x, baseA(a, b), baseB(a, b), 0, upper, g);
        chain(a, b, g);
    }

    /** chi_square(nu) = gamma(nu / 2, 1 / 2). */
    static LinkedFamily<Gamma> chiSquare() {
        return halvedDegrees("chi_square", new Gamma());
    }

    /** inv_chi_square(nu) = inv_gamma(nu / 2, 1 / 2). */
    static LinkedFamily<InvGamma> invChiSquare() {
        return halvedDegrees("inv_chi_square", new InvGamma());
    }

    /** base(nu / 2, 1 / 2): the chi-square families, on the gamma and inverse gamma. */
    private static <B extends ScalarDensity & Cumulative> LinkedFamily<B> halvedDegrees(String name, B base) {
        return new LinkedFamily<>(name, Support.POSITIVE, List.of("nu"), List.of(Support.POSITIVE), base) {
            double baseA(double nu, double unused) {
                return 0.5 * nu;
            }

            double baseB(double nu, double unused) {
                return 0.5;
            }

            void chain(double nu, double unused, double[] g) {
                g[1] *= 0.5;
                g[2] = 0;
            }
        };
    }

    /** scaled_inv_chi_square(nu, s) = inv_gamma(nu / 2, nu s^2 / 2). */
    static LinkedFamily<InvGamma> scaledInvChiSquare() {
        return new LinkedFamily<>("scaled_inv_chi_square", Support.POSITIVE, List.of("nu", "s"),
                List.of(Support.POSITIVE, Support.POSITIVE), new InvGamma()) {
            double baseA(double nu, double s) {
                return 0.5 * nu;
            }

            double baseB(double nu, double s) {
                return 0.5 * nu * s * s;
            }

            void chain(double nu, double s, double[] g) {
                double dAlpha = g[1];
                double dBeta = g[2];
                g[1] = 0.5 * dAlpha + 0.5 * s * s * dBeta;
                g[2] = nu * s * dBeta;
            }
        };
    }

    /** beta_proportion(mu, kappa) = beta(mu kappa, (1 - mu) kappa): mean mu, concentration kappa. */
    static LinkedFamily<Beta> betaProportion() {
        return new LinkedFamily<>("beta_proportion", Support.UNIT_INTERVAL, List.of("mu", "kappa"),
                List.of(Support.UNIT_INTERVAL, Support.POSITIVE), new Beta()) {
            double baseA(double mu, double kappa) {
                return mu * kappa;
            }

            double baseB(double mu, double kappa) {
                return (1 - mu) * kappa;
            }

            void chain(double mu, double kappa, double[] g) {
                double dAlpha = g[1];
                double dBeta = g[2];
                g[1] = kappa * (dAlpha - dBeta);
                g[2] = mu * dAlpha + (1 - mu) * dBeta;
            }
        };
    }
}
