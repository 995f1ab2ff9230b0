package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Special;

/** poisson(lambda) and poisson_log(alpha), lambda = exp(alpha), by the walk from the mode. */
final class PoissonDraw extends ModalInverseCdf {
    static final PoissonDraw RATE = new PoissonDraw(false);
    static final PoissonDraw LOG_RATE = new PoissonDraw(true);

    private final boolean logRate;

    private PoissonDraw(boolean logRate) {
        this.logRate = logRate;
    }

    @Override
    boolean canonical(double[] parameters, double[] law, int at) {
        double lambda = logRate ? Math.exp(parameters[0]) : parameters[0];
        law[at] = lambda;
        law[at + 1] = 0;
        return lambda >= 0 && lambda < Double.POSITIVE_INFINITY;
    }

    @Override
    double mode(double lambda, double unused) {
        return Math.floor(lambda);
    }

    @Override
    double logMass(double k, double lambda, double unused) {
        return Special.multiplyLog(k, lambda) - lambda - Special.logFactorial(k);
    }

    @Override
    double ratio(double k, double lambda, double unused) {
        return lambda / k;
    }

    @Override
    double upper(double lambda, double unused) {
        return Double.POSITIVE_INFINITY;
    }
}
