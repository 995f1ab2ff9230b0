package dev.vmc.runtime.graph;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/** Elementwise functions of one argument, each with its derivative. */
public enum Unary implements Op {
    NEG {
        double f(double x) { return -x; }
        double df(double x, double y) { return -1; }
    },
    /** Stan's logical negation: 1 for 0, else 0; flat, so no gradient. */
    NOT {
        double f(double x) { return x == 0 ? 1 : 0; }
        double df(double x, double y) { return 0; }
    },
    EXP {
        double f(double x) { return Math.exp(x); }
        double df(double x, double y) { return y; }
    },
    LOG {
        double f(double x) { return Math.log(x); }
        double df(double x, double y) { return 1 / x; }
    },
    LOG10 {
        double f(double x) { return Math.log10(x); }
        double df(double x, double y) { return 1 / (x * Math.log(10)); }
    },
    LOG2 {
        double f(double x) { return Math.log(x) / Math.log(2); }
        double df(double x, double y) { return 1 / (x * Math.log(2)); }
    },
    LOG1P {
        double f(double x) { return Special.log1p(x); }
        double df(double x, double y) { return 1 / (1 + x); }
    },
    EXPM1 {
        double f(double x) { return Math.expm1(x); }
        double df(double x, double y) { return y + 1; }
    },
    SQRT {
        double f(double x) { return Math.sqrt(x); }
        /**
         * At 0 the slope is infinite; where the 0 is an underflow (sqrt(exp(-800)), a GP's
         * spectral density at a long length-scale) the slope coming in is 0 as well, and inf * 0
         * would make the whole gradient NaN. The slope at the smallest normal double keeps it 0.
         */
        double df(double x, double y) { return 0.5 / Math.max(y, SQRT_MIN_NORMAL); }
    },
    SQUARE {
        double f(double x) { return x * x; }
        double df(double x, double y) { return 2 * x; }
    },
    ABS {
        double f(double x) { return Math.abs(x); }
        double df(double x, double y) { return Math.signum(x); }
    },
    INV_LOGIT {
        double f(double x) { return Special.invLogit(x); }
        double df(double x, double y) { return y * (1 - y); }
    },
    LOGIT {
        double f(double x) { return Math.log(x / (1 - x)); }
        double df(double x, double y) { return 1 / (x * (1 - x)); }
    },
    LOG_INV_LOGIT {
        double f(double x) { return Special.logInvLogit(x); }
        double df(double x, double y) { return Special.invLogit(-x); }
    },
    LOG1M_INV_LOGIT {
        double f(double x) { return Special.logInvLogit(-x); }
        double df(double x, double y) { return -Special.invLogit(x); }
    },
    SOFTPLUS {
        double f(double x) { return Special.softplus(x); }
        double df(double x, double y) { return Special.invLogit(x); }
    },
    TANH {
        double f(double x) { return Math.tanh(x); }
        double df(double x, double y) { return 1 - y * y; }
    },
    SIN {
        double f(double x) { return Math.sin(x); }
        double df(double x, double y) { return Math.cos(x); }
    },
    COS {
        double f(double x) { return Math.cos(x); }
        double df(double x, double y) { return -Math.sin(x); }
    },
    LGAMMA {
        double f(double x) { return Gamma.logGamma(x); }
        double df(double x, double y) { return Gamma.digamma(x); }
    },
    /** log(1 - x), accurate for x near 0. */
    LOG1M {
        double f(double x) { return Special.log1p(-x); }
        double df(double x, double y) { return -1 / (1 - x); }
    },
    /** The standard normal CDF, as Stan's Phi: through erfc in the lower tail, where 1 + erf loses every digit. */
    PHI {
        double f(double x) { return Special.phi(x); }
        double df(double x, double y) { return Math.exp(-0.5 * x * x - 0.5 * Special.LOG_2PI); }
    },
    /** Stan's Phi_approx: inv_logit(0.07056 x^3 + 1.5976 x). */
    PHI_APPROX {
        double f(double x) { return Special.invLogit(Special.phiApproxArgument(x)); }
        double df(double x, double y) { return y * (1 - y) * (3 * 0.07056 * x * x + 1.5976); }
    },
    /** 1 - exp(-exp(x)), the inverse of the complementary log-log link: -expm1 keeps its small values. */
    INV_CLOGLOG {
        double f(double x) { return -Math.expm1(-Math.exp(x)); }
        double df(double x, double y) { return Math.exp(x - Math.exp(x)); }
    },
    /** log(1 - exp(x)) for x < 0 (NaN above 0, -inf at it), in Mächler's two branches. */
    LOG1M_EXP {
        double f(double x) { return Special.log1mExp(x); }
        double df(double x, double y) { return -1 / Math.expm1(-x); }
    },
    CBRT {
        double f(double x) { return Math.cbrt(x); }
        double df(double x, double y) { return 1 / (3 * y * y); }
    },
    INV {
        double f(double x) { return 1 / x; }
        double df(double x, double y) { return -y * y; }
    },
    INV_SQRT {
        double f(double x) { return 1 / Math.sqrt(x); }
        double df(double x, double y) { return -0.5 * y / x; }
    },
    INV_SQUARE {
        double f(double x) { return 1 / (x * x); }
        double df(double x, double y) { return -2 * y / x; }
    },
    ERF {
        double f(double x) { return Erf.erf(x); }
        double df(double x, double y) { return TWO_OVER_SQRT_PI * Math.exp(-x * x); }
    },
    ERFC {
        double f(double x) { return Erf.erfc(x); }
        double df(double x, double y) { return -TWO_OVER_SQRT_PI * Math.exp(-x * x); }
    },
    /**
     * Stan's step: 0 below 0, 1 from 0 on (NaN included, as Stan's x < 0 ? 0 : 1). Flat
     * everywhere it has a derivative, so none passes: a change point moves by its own score.
     */
    STEP {
        double f(double x) { return x < 0 ? 0 : 1; }
        double df(double x, double y) { return 0; }
    };

    /** d erf / d x = 2 / sqrt(pi) exp(-x^2). */
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    private static final double SQRT_MIN_NORMAL = Math.sqrt(Double.MIN_NORMAL);

    abstract double f(double x);

    /** d f / d x, given x and y = f(x). */
    abstract double df(double x, double y);

    @Override
    public String toString() {
        return name().toLowerCase();
    }

    /** The language's function names (log, inv_logit); negation is the program's unary minus. */
    @Override
    public String describe() {
        return this == NEG ? "unary -" : this == NOT ? "!" : toString();
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        return inputShapes[0];
    }

    @Override
    public boolean isElementwise() {
        return true;
    }

    @Override
    public Kernel kernel(Layout[] inputs, Layout output) {
        Unary fn = this;
        return ScalarFunction.kernel(new ScalarFunction() {
            public double value(double x) {
                return fn.f(x);
            }

            public double derivative(double x, double y) {
                return fn.df(x, y);
            }
        });
    }
}
