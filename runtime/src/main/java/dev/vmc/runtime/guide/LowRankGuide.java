package dev.vmc.runtime.guide;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Take;
import dev.vmc.runtime.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A diagonal plus low-rank covariance: v = loc + exp(log_diag) * e1 + B e2, with e1 of size d
 * and e2 of size r, so Sigma = diag(exp(2 log_diag)) + B B'. It follows the few strongest
 * correlations of a posterior too big for a full covariance at O(d r) per draw.
 */
final class LowRankGuide extends GaussianGuide {
    static final String LOG_DIAG = "guide.log_diag";
    static final String FACTOR = "guide.factor";
    /** The rank without a start to take it from. */
    static final int DEFAULT_RANK = 5;

    LowRankGuide(Map<String, Tensor> start) {
        super(start);
    }

    static Map<String, Tensor> parameters(double[] mean, double[] sd, double[][] factor) {
        double[] logDiag = new double[sd.length];
        for (int i = 0; i < sd.length; i++) {
            logDiag[i] = Math.log(sd[i]);
        }
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put(LOC, Tensor.vector(mean.clone()));
        p.put(LOG_DIAG, Tensor.vector(logDiag));
        p.put(FACTOR, matrix(factor));
        return p;
    }

    private int rank = -1;

    @Override
    public String name() {
        return Family.LOWRANK.label;
    }

    @Override
    protected String family() {
        return "low-rank (" + rank + ") plus diagonal normal";
    }

    @Override
    protected int noiseSize(int d) {
        return d + rank;
    }

    @Override
    protected Draw draw(Graph graph, Node noise, int d, Map<String, Node> parameters) {
        Node logDiag = parameters.get(LOG_DIAG);
        Node factor = parameters.get(FACTOR);
        Node e1 = graph.apply(new Take(0, new int[] {d}), noise);
        Node e2 = graph.apply(new Take(d, new int[] {rank}), noise);
        Node deviation = graph.add(graph.mul(graph.exp(logDiag), e1), graph.matmul(factor, e2));
        Node logDet = graph.mul(graph.constant(0.5), graph.apply(LowRankLogDet.INSTANCE, logDiag, factor));
        return new Draw(graph.add(parameters.get(LOC), deviation), logDet);
    }

    @Override
    protected Node squaredNorm(Graph graph, Node v, Map<String, Node> constants) {
        return graph.apply(LowRankNorm.INSTANCE, graph.sub(v, constants.get(LOC)), constants.get(LOG_DIAG),
                constants.get(FACTOR));
    }

    @Override
    protected Frame frame(Map<String, Tensor> start, int d) {
        return diagonalFrame(start, LOG_DIAG);
    }

    /**
     * Without a start, B must not begin at zero, where its gradient vanishes for good: each
     * column starts with one entry of the initial scale, in rows spread over the coordinates.
     */
    @Override
    protected Map<String, Tensor> initialValues(int d, Map<String, Tensor> start, Frame frame) {
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put(LOC, new Tensor(new int[] {d}));
        if (frame == null) {
            rank = Math.min(d, DEFAULT_RANK);
            p.put(LOG_DIAG, Tensor.filled(new int[] {d}, Math.log(INITIAL_SCALE)));
            Tensor factor = new Tensor(new int[] {d, rank});
            for (int k = 0; k < rank; k++) {
                factor.data[(k * d / rank) * rank + k] = INITIAL_SCALE;
            }
            p.put(FACTOR, factor);
            return p;
        }
        Tensor factor = start.get(FACTOR).copy();
        rank = factor.shape[1];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < rank; k++) {
                factor.data[i * rank + k] /= frame.diagonal()[i];
            }
        }
        p.put(LOG_DIAG, new Tensor(new int[] {d}));
        p.put(FACTOR, factor);
        return p;
    }

    @Override
    protected Map<String, Tensor> unwhiten(Map<String, Tensor> whitened, Frame frame) {
        double[][] meanAndSd = unwhitenDiagonal(whitened.get(LOC).data, whitened.get(LOG_DIAG).data, frame);
        double[][] factor = rows(whitened.get(FACTOR));
        for (int i = 0; i < factor.length; i++) {
            for (int k = 0; k < factor[i].length; k++) {
                factor[i][k] *= frame.diagonal()[i];
            }
        }
        return parameters(meanAndSd[0], meanAndSd[1], factor);
    }
}
