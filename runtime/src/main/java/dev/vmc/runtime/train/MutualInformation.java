package dev.vmc.runtime.train;

import dev.vmc.runtime.graph.Special;
import java.util.SplittableRandom;

/**
 * I(x; z) under q(x, z) = q(z | x) / N over the data, for diagonal Gaussian guides: with one draw
 * z_n from each datum's guide, I = mean_n [log q(z_n | x_n) - log q(z_n)], where the aggregate
 * posterior q(z) = mean_j q(z | x_j) is summed over every datum (N^2 pairs). Biased low by at
 * most log N, as any such estimate with N data is.
 */
final class MutualInformation {
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private MutualInformation() {}

    static double estimate(double[][] means, double[][] sds, SplittableRandom random) {
        int n = means.length;
        int d = means[0].length;
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int u = 0; u < d; u++) {
                z[i][u] = means[i][u] + sds[i][u] * random.nextGaussian();
            }
        }
        double[][] logSd = new double[n][d];
        double[][] precision = new double[n][d];
        for (int j = 0; j < n; j++) {
            for (int u = 0; u < d; u++) {
                logSd[j][u] = Math.log(sds[j][u]);
                precision[j][u] = 1 / sds[j][u];
            }
        }
        double[] logQ = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int u = 0; u < d; u++) {
                    double e = (z[i][u] - means[j][u]) * precision[j][u];
                    sum -= logSd[j][u] + 0.5 * e * e;
                }
                logQ[j] = sum - d * HALF_LOG_TWO_PI;
            }
            total += logQ[i] - (Special.logSumExp(logQ, 0, n) - Math.log(n));
        }
        return total / n;
    }
}
