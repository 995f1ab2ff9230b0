package dev.vmc.runtime.pathfinder;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Pathfinder's Gaussian at one iterate of an L-BFGS path: N(mu, Sigma) with Sigma the L-BFGS
 * inverse-Hessian estimate, a diagonal plus a low-rank term (the compact BFGS form of Byrd,
 * Nocedal and Schnabel with Pathfinder's diagonal as the initial matrix), and mu the Newton
 * step from the iterate. It is held as Sigma = D^1/2 (I + U (L L' - I) U') D^1/2 with D the
 * diagonal, U an orthonormal d x r basis and L an r x r Cholesky factor, so a draw costs O(d r)
 * and so does its density (Zhang, Carpenter, Gelman and Vehtari, JMLR 2022, algorithm 4).
 */
final class PathGaussian implements DrawnGaussian {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final double[] mean;
    private final double[] diagonal;
    private final double[][] basis; // d x r, orthonormal columns
    private final double[][] factor; // r x r, lower triangular
    private final double logDeterminant;

    private PathGaussian(double[] mean, double[] diagonal, double[][] basis, double[][] factor) {
        this.mean = mean;
        this.diagonal = diagonal;
        this.basis = basis;
        this.factor = factor;
        double logDet = 0;
        for (double a : diagonal) {
            logDet += Math.log(a);
        }
        for (int k = 0; k < factor.length; k++) {
            logDet += 2 * Math.log(factor[k][k]);
        }
        this.logDeterminant = logDet;
    }

    /**
     * The Gaussian at iterate x with log-density gradient g, from the curvature history there;
     * null where the estimate is not positive definite in floating point.
     */
    static PathGaussian at(double[] x, double[] g, double[] diagonal, List<double[][]> pairs) {
        int d = x.length;
        int j = pairs.size();
        // beta = [diag(alpha) Y, S] and the 2j x 2j middle matrix gamma of the compact form
        double[][] beta = new double[d][2 * j];
        double[][] r = new double[j][j]; // R = upper triangle of S'Y
        for (int a = 0; a < j; a++) {
            double[] s = pairs.get(a)[0];
            double[] y = pairs.get(a)[1];
            for (int i = 0; i < d; i++) {
                beta[i][a] = diagonal[i] * y[i];
                beta[i][j + a] = s[i];
            }
            for (int b = a; b < j; b++) {
                r[a][b] = Lbfgs.dot(s, pairs.get(b)[1]);
            }
        }
        double[][] rInverse;
        try {
            rInverse = j == 0 ? r : MatrixUtils.inverse(new Array2DRowRealMatrix(r, false)).getData();
        } catch (org.apache.commons.math3.linear.SingularMatrixException e) {
            return null; // pairs too nearly parallel to invert: no Gaussian at this iterate
        }
        double[][] middle = new double[j][j]; // E + Y' diag(alpha) Y
        for (int a = 0; a < j; a++) {
            for (int b = 0; b < j; b++) {
                double acc = a == b ? r[a][a] : 0;
                for (int i = 0; i < d; i++) {
                    acc += pairs.get(a)[1][i] * diagonal[i] * pairs.get(b)[1][i];
                }
                middle[a][b] = acc;
            }
        }
        double[][] lower = multiply(transpose(rInverse), multiply(middle, rInverse));
        double[][] gamma = new double[2 * j][2 * j];
        for (int a = 0; a < j; a++) {
            for (int b = 0; b < j; b++) {
                gamma[a][j + b] = -rInverse[a][b];
                gamma[j + b][a] = -rInverse[a][b];
                gamma[j + a][j + b] = lower[a][b];
            }
        }
        double[] mean = x.clone(); // mu = x + H g, H = diag(alpha) + beta gamma beta'
        double[] betaG = multiply(transpose(beta), g);
        double[] correction = multiply(beta, multiply(gamma, betaG));
        for (int i = 0; i < d; i++) {
            mean[i] += diagonal[i] * g[i] + correction[i];
        }
        return fromFactors(mean, diagonal, beta, gamma);
    }

    /**
     * Sigma = diag(alpha) + beta gamma beta' put in the form D^1/2 (I + U (L L' - I) U') D^1/2:
     * an orthonormal basis U of D^-1/2 beta from the eigenvectors of its Gram matrix (which
     * drops directions the pairs do not span, where a QR would divide by zero), then L from
     * the Cholesky factor of I + C gamma C', C the coordinates of D^-1/2 beta in U.
     */
    private static PathGaussian fromFactors(double[] mean, double[] diagonal, double[][] beta, double[][] gamma) {
        int d = mean.length;
        int m = gamma.length;
        double[][] scaled = new double[d][m];
        for (int i = 0; i < d; i++) {
            double s = 1 / Math.sqrt(diagonal[i]);
            for (int a = 0; a < m; a++) {
                scaled[i][a] = s * beta[i][a];
            }
        }
        double[][] basis = new double[d][0];
        double[][] factor = new double[0][0];
        if (m > 0) {
            EigenDecomposition gram = new EigenDecomposition(new Array2DRowRealMatrix(multiply(transpose(scaled), scaled), false));
            double largest = 0;
            for (double v : gram.getRealEigenvalues()) {
                largest = Math.max(largest, v);
            }
            int rank = 0;
            for (double v : gram.getRealEigenvalues()) {
                rank += v > 1e-10 * largest ? 1 : 0;
            }
            double[][] coordinates = new double[rank][m]; // C = Lambda^1/2 V'
            basis = new double[d][rank];
            int k = 0;
            for (int e = 0; e < m; e++) {
                double lambda = gram.getRealEigenvalue(e);
                if (!(lambda > 1e-10 * largest)) {
                    continue;
                }
                double[] v = gram.getEigenvector(e).toArray();
                double root = Math.sqrt(lambda);
                for (int a = 0; a < m; a++) {
                    coordinates[k][a] = root * v[a];
                }
                for (int i = 0; i < d; i++) {
                    double acc = 0;
                    for (int a = 0; a < m; a++) {
                        acc += scaled[i][a] * v[a];
                    }
                    basis[i][k] = acc / root;
                }
                k++;
            }
            double[][] inner = multiply(coordinates, multiply(gamma, transpose(coordinates)));
            for (int a = 0; a < rank; a++) {
                inner[a][a] += 1;
            }
            try {
                factor = new CholeskyDecomposition(new Array2DRowRealMatrix(inner, false), 1e-10, 1e-14)
                        .getL().getData();
            } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
                return null;
            }
        }
        return new PathGaussian(mean, diagonal.clone(), basis, factor);
    }

    @Override
    public int dimension() {
        return mean.length;
    }

    double[] mean() {
        return mean.clone();
    }

    /** mu + D^1/2 (xi + U (L - I) U' xi): a draw from standard normal noise xi. */
    @Override
    public void draw(double[] xi, double[] into) {
        int d = mean.length;
        int r = factor.length;
        double[] projected = new double[r];
        for (int k = 0; k < r; k++) {
            double acc = 0;
            for (int i = 0; i < d; i++) {
                acc += basis[i][k] * xi[i];
            }
            projected[k] = acc;
        }
        double[] mixed = new double[r]; // (L - I) U' xi
        for (int a = 0; a < r; a++) {
            double acc = -projected[a];
            for (int b = 0; b <= a; b++) {
                acc += factor[a][b] * projected[b];
            }
            mixed[a] = acc;
        }
        for (int i = 0; i < d; i++) {
            double acc = xi[i];
            for (int k = 0; k < r; k++) {
                acc += basis[i][k] * mixed[k];
            }
            into[i] = mean[i] + Math.sqrt(diagonal[i]) * acc;
        }
    }

    /** log q of the draw made from xi: the map is affine with determinant |Sigma|^1/2. */
    @Override
    public double logDensityOfDraw(double[] xi) {
        return -0.5 * (mean.length * LOG_2PI + logDeterminant + Lbfgs.dot(xi, xi));
    }

    /** The covariance as a dense d x d matrix. */
    double[][] covariance() {
        int d = mean.length;
        double[][] inner = basisTimes(lowRankPart(false));
        double[][] sigma = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int l = 0; l <= i; l++) {
                double acc = i == l ? 1 : 0;
                acc += Lbfgs.dot(basis[i], inner[l]);
                sigma[i][l] = Math.sqrt(diagonal[i] * diagonal[l]) * acc;
                sigma[l][i] = sigma[i][l];
            }
        }
        return sigma;
    }

    /** The diagonal of the precision Sigma^-1 = D^-1/2 (I + U ((L L')^-1 - I) U') D^-1/2. */
    double[] precisionDiagonal() {
        double[][] inner = basisTimes(lowRankPart(true));
        double[] result = new double[mean.length];
        for (int i = 0; i < result.length; i++) {
            result[i] = (1 + Lbfgs.dot(basis[i], inner[i])) / diagonal[i];
        }
        return result;
    }

    /** The marginal variances, Sigma's diagonal. */
    double[] variances() {
        double[][] inner = basisTimes(lowRankPart(false));
        double[] result = new double[mean.length];
        for (int i = 0; i < result.length; i++) {
            result[i] = (1 + Lbfgs.dot(basis[i], inner[i])) * diagonal[i];
        }
        return result;
    }

    /** D, the diagonal the low-rank part is relative to. */
    double[] diagonal() {
        return diagonal.clone();
    }

    /**
     * The low-rank part of the whitened covariance D^-1/2 Sigma D^-1/2 - I = U (L L' - I) U'
     * as eigen-directions (columns, in d-space) and eigenvalues, largest first.
     */
    Eigen whitenedLowRank() {
        int r = factor.length;
        if (r == 0) {
            return new Eigen(new double[mean.length][0], new double[0]);
        }
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(lowRankPart(false), false));
        double[] values = e.getRealEigenvalues();
        double[][] directions = new double[mean.length][r];
        for (int k = 0; k < r; k++) {
            double[] v = e.getEigenvector(k).toArray();
            for (int i = 0; i < mean.length; i++) {
                double acc = 0;
                for (int a = 0; a < r; a++) {
                    acc += basis[i][a] * v[a];
                }
                directions[i][k] = acc;
            }
        }
        return new Eigen(directions, values.clone());
    }

    record Eigen(double[][] directions, double[] values) {}

    /** L L' - I, or (L L')^-1 - I: the r x r middle of the low-rank part, in U's coordinates. */
    private double[][] lowRankPart(boolean inverse) {
        int r = factor.length;
        if (r == 0) { // no pairs: Sigma is the diagonal (commons-math has no 0 x 0 matrices)
            return new double[0][0];
        }
        RealMatrix l = new Array2DRowRealMatrix(factor, false);
        RealMatrix product = l.multiply(l.transpose());
        double[][] m = inverse ? new CholeskyDecomposition(product).getSolver().getInverse().getData() : product.getData();
        for (int a = 0; a < r; a++) {
            m[a][a] -= 1;
        }
        return m;
    }

    /** U M, d x r: row i dotted with row l of U gives (U M U')_il. */
    private double[][] basisTimes(double[][] m) {
        return multiply(basis, m);
    }

    private static double[][] transpose(double[][] a) {
        int rows = a.length;
        int cols = rows == 0 ? 0 : a[0].length;
        double[][] t = new double[cols][rows];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < cols; k++) {
                t[k][i] = a[i][k];
            }
        }
        return t;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int inner = b.length;
        int cols = inner == 0 ? 0 : b[0].length;
        double[][] c = new double[a.length][cols];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < inner; k++) {
                double aik = a[i][k];
                for (int l = 0; l < cols; l++) {
                    c[i][l] += aik * b[k][l];
                }
            }
        }
        return c;
    }

    private static double[] multiply(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = Lbfgs.dot(a[i], x);
        }
        return y;
    }
}
