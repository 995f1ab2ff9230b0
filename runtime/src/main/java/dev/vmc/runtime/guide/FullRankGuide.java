package dev.vmc.runtime.guide;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.TriangularSolve;
import dev.vmc.runtime.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A full covariance: v = loc + L eps with L lower triangular, held unconstrained as its strict
 * lower triangle and the log of its diagonal ({@link CholeskyFactor}).
 */
final class FullRankGuide extends GaussianGuide {
    static final String SCALE_TRIL = "guide.scale_tril";

    FullRankGuide(Map<String, Tensor> start) {
        super(start);
    }

    /** The unconstrained form of a lower-triangular factor with a positive diagonal. */
    static Map<String, Tensor> parameters(double[] mean, double[][] lower) {
        int d = mean.length;
        Tensor raw = new Tensor(new int[] {d, d});
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                raw.data[i * d + j] = lower[i][j];
            }
            raw.data[i * d + i] = Math.log(lower[i][i]);
        }
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put(LOC, Tensor.vector(mean.clone()));
        p.put(SCALE_TRIL, raw);
        return p;
    }

    private static double[][] lower(Tensor raw) {
        double[][] l = rows(raw);
        for (int i = 0; i < l.length; i++) {
            l[i][i] = Math.exp(l[i][i]);
            for (int j = i + 1; j < l.length; j++) {
                l[i][j] = 0;
            }
        }
        return l;
    }

    @Override
    public String name() {
        return Family.FULLRANK.label;
    }

    @Override
    protected String family() {
        return "full-rank normal";
    }

    @Override
    protected int noiseSize(int d) {
        return d;
    }

    @Override
    protected Draw draw(Graph graph, Node noise, int d, Map<String, Node> parameters) {
        Node raw = parameters.get(SCALE_TRIL);
        Node value = graph.add(parameters.get(LOC), graph.matmul(graph.apply(CholeskyFactor.INSTANCE, raw), noise));
        return new Draw(value, graph.sum(graph.apply(Diagonal.INSTANCE, raw)));
    }

    @Override
    protected Node squaredNorm(Graph graph, Node v, Map<String, Node> constants) {
        Node factor = graph.apply(CholeskyFactor.INSTANCE, constants.get(SCALE_TRIL));
        Node z = graph.apply(TriangularSolve.INSTANCE, factor, graph.sub(v, constants.get(LOC)));
        return graph.sum(graph.mul(z, z));
    }

    @Override
    protected Frame frame(Map<String, Tensor> start, int d) {
        return new Frame(start.get(LOC).data.clone(), null, lower(start.get(SCALE_TRIL)));
    }

    @Override
    protected Map<String, Tensor> initialValues(int d, Map<String, Tensor> start, Frame frame) {
        Tensor raw = new Tensor(new int[] {d, d});
        if (frame == null) {
            for (int i = 0; i < d; i++) {
                raw.data[i * d + i] = Math.log(INITIAL_SCALE);
            }
        }
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put(LOC, new Tensor(new int[] {d}));
        p.put(SCALE_TRIL, raw);
        return p;
    }

    /** loc = m0 + C loc' and L = C L': a product of lower-triangular factors is one. */
    @Override
    protected Map<String, Tensor> unwhiten(Map<String, Tensor> whitened, Frame frame) {
        double[][] c = frame.lower();
        double[][] inner = lower(whitened.get(SCALE_TRIL));
        double[] loc = whitened.get(LOC).data;
        int d = loc.length;
        double[] mean = frame.shift().clone();
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k <= i; k++) {
                mean[i] += c[i][k] * loc[k];
                for (int j = 0; j <= k; j++) {
                    l[i][j] += c[i][k] * inner[k][j];
                }
            }
        }
        return parameters(mean, l);
    }
}
