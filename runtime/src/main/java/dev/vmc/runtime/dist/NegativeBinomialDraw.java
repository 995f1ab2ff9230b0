package dev.vmc.runtime.dist;

import static org.apache.commons.math3.special.Gamma.logGamma;

import dev.vmc.runtime.graph.Special;

/**
 * The negative binomial's draws by the walk from the mode, in terms of mu and phi (each form's
 * parameters turned into them): successive masses have the ratio (k + phi - 1) / k * mu / (mu + phi).
 */
final class NegativeBinomialDraw extends ModalInverseCdf {
    private static final NegativeBinomialDraw MEAN = new NegativeBinomialDraw(NegativeBinomial.Form.MEAN);
    private static final NegativeBinomialDraw LOG_MEAN = new NegativeBinomialDraw(NegativeBinomial.Form.LOG_MEAN);
    private static final NegativeBinomialDraw SHAPE_RATE = new NegativeBinomialDraw(NegativeBinomial.Form.SHAPE_RATE);

    private final NegativeBinomial.Form form;

    private NegativeBinomialDraw(NegativeBinomial.Form form) {
        this.form = form;
    }

    static NegativeBinomialDraw of(NegativeBinomial.Form form) {
        return switch (form) {
            case MEAN -> MEAN;
            case LOG_MEAN -> LOG_MEAN;
            case SHAPE_RATE -> SHAPE_RATE;
        };
    }

    @Override
    boolean canonical(double[] parameters, double[] law, int at) {
        double a = parameters[0];
        double b = parameters[1];
        double mu = switch (form) {
            case MEAN -> a;
            case LOG_MEAN -> Math.exp(a);
            case SHAPE_RATE -> a / b;
        };
        double phi = form == NegativeBinomial.Form.SHAPE_RATE ? a : b;
        law[at] = mu;
        law[at + 1] = phi;
        return mu > 0 && mu < Double.POSITIVE_INFINITY && phi > 0 && phi < Double.POSITIVE_INFINITY;
    }

    @Override
    double mode(double mu, double phi) {
        return phi > 1 ? Math.floor((phi - 1) * mu / phi) : 0;
    }

    @Override
    double logMass(double k, double mu, double phi) {
        double logTotal = Math.log(mu + phi);
        return logGamma(k + phi) - logGamma(phi) - Special.logFactorial(k) + Special.multiplyLog(k, mu) - k * logTotal
                + phi * (Math.log(phi) - logTotal);
    }

    @Override
    double ratio(double k, double mu, double phi) {
        return (k + phi - 1) / k * mu / (mu + phi);
    }

    @Override
    double upper(double mu, double phi) {
        return Double.POSITIVE_INFINITY;
    }
}
