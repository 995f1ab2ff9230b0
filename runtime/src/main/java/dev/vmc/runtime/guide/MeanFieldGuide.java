package dev.vmc.runtime.guide;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Independent coordinates: v = loc + exp(log_scale) * eps. */
final class MeanFieldGuide extends GaussianGuide {
    static final String LOG_SCALE = "guide.log_scale";

    MeanFieldGuide(Map<String, Tensor> start) {
        super(start);
    }

    static Map<String, Tensor> parameters(double[] mean, double[] sd) {
        double[] logScale = new double[sd.length];
        for (int i = 0; i < sd.length; i++) {
            logScale[i] = Math.log(sd[i]);
        }
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put(LOC, Tensor.vector(mean.clone()));
        p.put(LOG_SCALE, Tensor.vector(logScale));
        return p;
    }

    @Override
    public String name() {
        return Family.MEANFIELD.label;
    }

    @Override
    protected String family() {
        return "mean-field normal";
    }

    @Override
    protected int noiseSize(int d) {
        return d;
    }

    @Override
    protected Draw draw(Graph graph, Node noise, int d, Map<String, Node> parameters) {
        Node logScale = parameters.get(LOG_SCALE);
        Node value = graph.add(parameters.get(LOC), graph.mul(graph.exp(logScale), noise));
        return new Draw(value, graph.sum(logScale));
    }

    @Override
    protected Node squaredNorm(Graph graph, Node v, Map<String, Node> constants) {
        return graph.apply(ScaledSquaredNorm.INSTANCE, v, constants.get(LOC), constants.get(LOG_SCALE));
    }

    @Override
    protected Frame frame(Map<String, Tensor> start, int d) {
        return diagonalFrame(start, LOG_SCALE);
    }

    @Override
    protected Map<String, Tensor> initialValues(int d, Map<String, Tensor> start, Frame frame) {
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put(LOC, new Tensor(new int[] {d}));
        p.put(LOG_SCALE, Tensor.filled(new int[] {d}, frame == null ? Math.log(INITIAL_SCALE) : 0));
        return p;
    }

    @Override
    protected Map<String, Tensor> unwhiten(Map<String, Tensor> whitened, Frame frame) {
        double[][] meanAndSd = unwhitenDiagonal(whitened.get(LOC).data, whitened.get(LOG_SCALE).data, frame);
        return parameters(meanAndSd[0], meanAndSd[1]);
    }
}
