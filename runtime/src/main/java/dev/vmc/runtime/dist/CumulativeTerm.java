package dev.vmc.runtime.dist;

/** A family's log CDF or log CCDF as a {@link ScalarTerm}, for {@link DensityOp} to apply and sum. */
final class CumulativeTerm extends ScalarTerm {
    private final String name;
    private final Cumulative cumulative;
    private final boolean upper;

    CumulativeTerm(String family, Cumulative cumulative, boolean upper) {
        this.name = family + (upper ? "_lccdf" : "_lcdf");
        this.cumulative = cumulative;
        this.upper = upper;
    }

    @Override
    String termName() {
        return name;
    }

    @Override
    double value(double x, double a, double b, double c) {
        return upper ? cumulative.logCcdf(x, a, b, c) : cumulative.logCdf(x, a, b, c);
    }

    @Override
    public void gradient(double x, double a, double b, double c, double[] g) {
        cumulative.logCumulativeGradient(x, a, b, c, upper, g);
    }
}
