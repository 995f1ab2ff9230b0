package dev.vmc.runtime;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.tensor.Tensor;
import dev.vmc.runtime.transform.Support;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * An exactly Gaussian posterior over one vector latent x: log p(x) = log N(x; mean, covariance),
 * normalised, so the log evidence is 0 and a Gaussian guide's ELBO is minus its KL divergence
 * from the target, in closed form.
 */
public record GaussianTarget(double[] mean, double[][] covariance) implements Model {

    /**
     * A d-dimensional target whose covariance has eigenvalues spread log-evenly from 1 down to
     * 1 / conditionNumber, in randomly rotated directions (so coordinates are strongly
     * correlated), and a random mean.
     */
    public static GaussianTarget conditioned(int d, double conditionNumber, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] g = new double[d][d];
        for (double[] row : g) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextGaussian();
            }
        }
        RealMatrix rotation = new QRDecomposition(new Array2DRowRealMatrix(g)).getQ();
        double[][] eigen = new double[d][d];
        for (int i = 0; i < d; i++) {
            eigen[i][i] = Math.pow(conditionNumber, -(double) i / Math.max(1, d - 1));
        }
        RealMatrix sigma = rotation.multiply(new Array2DRowRealMatrix(eigen)).multiply(rotation.transpose());
        double[][] c = sigma.getData();
        for (int i = 0; i < d; i++) { // exactly symmetric
            for (int j = 0; j < i; j++) {
                c[i][j] = c[j][i];
            }
        }
        double[] mean = new double[d];
        for (int i = 0; i < d; i++) {
            mean[i] = 3 * random.nextGaussian();
        }
        return new GaussianTarget(mean, c);
    }

    public int dimension() {
        return mean.length;
    }

    public RealMatrix precision() {
        return new CholeskyDecomposition(new Array2DRowRealMatrix(covariance)).getSolver().getInverse();
    }

    /** The ELBO of q = N(m, s) against this target: minus KL(q || p). */
    public double elbo(double[] m, double[][] s) {
        int d = mean.length;
        RealMatrix precision = precision();
        RealMatrix sq = new Array2DRowRealMatrix(s);
        double trace = precision.multiply(sq).getTrace();
        double quad = 0;
        double[] diff = new double[d];
        for (int i = 0; i < d; i++) {
            diff[i] = mean[i] - m[i];
        }
        double[] pd = precision.operate(diff);
        for (int i = 0; i < d; i++) {
            quad += diff[i] * pd[i];
        }
        double logDetP = new CholeskyDecomposition(new Array2DRowRealMatrix(covariance)).getDeterminant();
        double logDetQ = new CholeskyDecomposition(sq).getDeterminant();
        return -0.5 * (trace + quad - d + Math.log(logDetP) - Math.log(logDetQ));
    }

    @Override
    public List<LatentSpec> latents() {
        return List.of(new LatentSpec("x", new int[] {mean.length}, Support.REAL));
    }

    @Override
    public Nodes build(Graph g, Map<String, Node> latents) {
        int d = mean.length;
        RealMatrix precision = precision();
        Tensor lambda = new Tensor(new int[] {d, d});
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                lambda.data[i * d + j] = precision.getEntry(i, j);
            }
        }
        Tensor mu = new Tensor(new int[] {d});
        System.arraycopy(mean, 0, mu.data, 0, d);
        Node diff = g.sub(latents.get("x"), g.constant(mu));
        Node quad = g.sum(g.mul(diff, g.matmul(g.constant(lambda), diff)));
        double logDet = Math.log(new CholeskyDecomposition(new Array2DRowRealMatrix(covariance)).getDeterminant());
        Node constant = g.constant(-0.5 * (d * Math.log(2 * Math.PI) + logDet));
        return Nodes.of(g.add(g.mul(g.constant(-0.5), quad), constant), Map.of());
    }
}
