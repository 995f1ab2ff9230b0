package dev.vmc.runtime;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/** Dense reference computations with commons-math, for checking the structured Gaussians. */
public final class DenseGaussian {
    private DenseGaussian() {}

    public static double logDeterminant(double[][] covariance) {
        double[][] l = new CholeskyDecomposition(new Array2DRowRealMatrix(covariance), 0, 0).getL().getData();
        double acc = 0;
        for (int i = 0; i < l.length; i++) {
            acc += 2 * Math.log(l[i][i]);
        }
        return acc;
    }

    /** x' Sigma^-1 x. */
    public static double squaredNorm(double[][] covariance, double[] x) {
        double[] a = new CholeskyDecomposition(new Array2DRowRealMatrix(covariance), 0, 0).getSolver()
                .solve(new Array2DRowRealMatrix(x)).getColumn(0);
        double acc = 0;
        for (int i = 0; i < x.length; i++) {
            acc += x[i] * a[i];
        }
        return acc;
    }

    public static double logDensity(double[] mean, double[][] covariance, double[] x) {
        double[] diff = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            diff[i] = x[i] - mean[i];
        }
        return -0.5 * (x.length * Math.log(2 * Math.PI) + logDeterminant(covariance) + squaredNorm(covariance, diff));
    }

    public static double entropy(double[][] covariance) {
        return 0.5 * (covariance.length * Math.log(2 * Math.PI * Math.E) + logDeterminant(covariance));
    }

    public static double[][] inverse(double[][] covariance) {
        return new CholeskyDecomposition(new Array2DRowRealMatrix(covariance), 0, 0).getSolver().getInverse().getData();
    }

    /** diag(d) + B B'. */
    public static double[][] diagonalPlusLowRank(double[] diagonal, double[][] b) {
        RealMatrix m = new Array2DRowRealMatrix(b);
        double[][] sigma = m.multiply(m.transpose()).getData();
        for (int i = 0; i < diagonal.length; i++) {
            sigma[i][i] += diagonal[i];
        }
        return sigma;
    }

    /** L L'. */
    public static double[][] outer(double[][] l) {
        RealMatrix m = new Array2DRowRealMatrix(l);
        return m.multiply(m.transpose()).getData();
    }

    /** The largest |a_ij - b_ij|. */
    public static double maxDifference(double[][] a, double[][] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                worst = Math.max(worst, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return worst;
    }

    public static double maxAbs(double[][] a) {
        double worst = 0;
        for (double[] row : a) {
            for (double v : row) {
                worst = Math.max(worst, Math.abs(v));
            }
        }
        return worst;
    }
}
