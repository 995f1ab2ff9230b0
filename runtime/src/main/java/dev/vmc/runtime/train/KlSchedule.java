package dev.vmc.runtime.train;

import java.util.Arrays;
import java.util.Locale;

/**
 * The weight beta_t on the KL term at step t: a constant (beta-VAE, Higgins et al. 2017), a
 * linear warm-up beta * min(1, t / T) (KL annealing, Bowman et al. 2016), or a schedule the user
 * writes as step:weight points joined by straight lines and held after the last.
 */
public record KlSchedule(long[] steps, double[] weights) {

    public static KlSchedule constant(double beta) {
        return new KlSchedule(new long[] {0}, new double[] {beta});
    }

    /** beta_t = beta * min(1, t / warmup). */
    public static KlSchedule warmUp(double beta, long warmup) {
        return warmup <= 0 ? constant(beta) : new KlSchedule(new long[] {0, warmup}, new double[] {0, beta});
    }

    /**
     * "0:0,2000:1" and the like: steps strictly increasing, weights at least 0.
     *
     * @throws IllegalArgumentException with a message that names the bad point
     */
    public static KlSchedule parse(String text) {
        String[] points = text.split(",");
        long[] steps = new long[points.length];
        double[] weights = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            String[] parts = points[i].trim().split(":");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                steps[i] = Long.parseLong(parts[0].trim());
                weights[i] = Double.parseDouble(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + points[i].trim() + "' is not a point step:weight, as in 0:0,2000:1");
            }
            if (steps[i] < 0 || !(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("'" + points[i].trim() + "': a step is at least 0 and a weight a finite number at least 0");
            }
            if (i > 0 && steps[i] <= steps[i - 1]) {
                throw new IllegalArgumentException("the schedule's steps must increase, but " + steps[i] + " follows " + steps[i - 1]);
            }
        }
        return new KlSchedule(steps, weights);
    }

    /** The weight at step t (0-based); before the first point, the first point's. */
    public double at(long t) {
        if (t <= steps[0]) {
            return weights[0];
        }
        for (int i = 1; i < steps.length; i++) {
            if (t < steps[i]) {
                double f = (double) (t - steps[i - 1]) / (steps[i] - steps[i - 1]);
                return weights[i - 1] + f * (weights[i] - weights[i - 1]);
            }
        }
        return weights[weights.length - 1];
    }

    public boolean isConstantOne() {
        return steps.length == 1 && weights[0] == 1;
    }

    @Override
    public String toString() {
        if (steps.length == 1) {
            return String.format(Locale.ROOT, "beta %s", weights[0]);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < steps.length; i++) {
            out.append(i == 0 ? "" : ",").append(steps[i]).append(':').append(weights[i]);
        }
        return "KL weight schedule " + out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KlSchedule k && Arrays.equals(steps, k.steps) && Arrays.equals(weights, k.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(steps) * 31 + Arrays.hashCode(weights);
    }
}
