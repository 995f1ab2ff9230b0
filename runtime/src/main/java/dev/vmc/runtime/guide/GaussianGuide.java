package dev.vmc.runtime.guide;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Special;
import dev.vmc.runtime.model.FlatLatents;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.tensor.Tensor;
import dev.vmc.runtime.transform.Bijections;
import dev.vmc.runtime.transform.Support;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The automatic guides, as in Stan's ADVI: every latent is mapped to the unconstrained space,
 * all of them laid end to end in one vector u ({@link FlatLatents}), and u is Gaussian: with
 * independent coordinates (mean-field), a low-rank plus diagonal covariance, or a full
 * (Cholesky-factored) one. One noise draw and one affine map serve the whole model, whatever
 * its size.
 *
 * <p>log q of a draw is computed from the draw u with the guide's parameters held constant
 * (stop-gradient), so the ELBO's gradient flows only through u: the "sticking the landing"
 * estimator of Roeder, Wu and Duvenaud (2017). It drops a term whose expectation is zero and
 * whose noise does not vanish, so where the guide matches the posterior the gradient's
 * variance goes to zero, and a fit started at the answer stays there.
 *
 * <p>A guide may start from a Gaussian (Pathfinder's, or a guide.json read back), given as the
 * family's own parameters. It is then fitted in coordinates whitened by that start:
 * u = m0 + C v, with m0 and C (diagonal, or lower triangular for full-rank) fixed from the
 * start, and v the family's Gaussian starting at mean 0 and unit scale. The optimiser so sees a
 * posterior that is round where the start had its shape right, whatever its condition number
 * on the original scale. {@link #originalParameters} maps fitted values back, so guide.json
 * always means the same thing.
 */
public abstract class GaussianGuide implements Guide {
    /** The automatic families, by the name the command line and guide.json use. */
    public enum Family {
        MEANFIELD("meanfield"), LOWRANK("lowrank"), FULLRANK("fullrank");

        public final String label;

        Family(String label) {
            this.label = label;
        }

        public static Family of(String label) {
            for (Family f : values()) {
                if (f.label.equals(label)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown guide '" + label + "'; use meanfield, lowrank or fullrank");
        }
    }

    public static final String LOC = "guide.loc";
    /** Initial standard deviation on the unconstrained scale without a start: small, so early gradients are not noise. */
    public static final double INITIAL_SCALE = 0.1;

    /** Where the whitened coordinates sit: u = shift + scale v, scale diagonal or lower triangular. */
    protected record Frame(double[] shift, double[] diagonal, double[][] lower) {
        double logDeterminant() {
            double acc = 0;
            for (int i = 0; i < shift.length; i++) {
                acc += Math.log(diagonal != null ? diagonal[i] : lower[i][i]);
            }
            return acc;
        }
    }

    /**
     * The family's Gaussian on the whitened coordinates v: its value per particle and the log
     * |det| of its covariance's square root (shared).
     */
    protected record Draw(Node value, Node logDeterminant) {}

    private final Map<String, Tensor> start;

    protected GaussianGuide(Map<String, Tensor> start) {
        this.start = start == null ? null : Map.copyOf(start);
    }

    public static GaussianGuide meanField() {
        return of(Family.MEANFIELD);
    }

    public static GaussianGuide lowRank() {
        return of(Family.LOWRANK);
    }

    public static GaussianGuide fullRank() {
        return of(Family.FULLRANK);
    }

    public static GaussianGuide of(Family family) {
        return of(family, null);
    }

    /** @param start the family's parameters on the original scale, or null for the standard start */
    public static GaussianGuide of(Family family, Map<String, Tensor> start) {
        return switch (family) {
            case MEANFIELD -> new MeanFieldGuide(start);
            case LOWRANK -> new LowRankGuide(start);
            case FULLRANK -> new FullRankGuide(start);
        };
    }

    /** The family whose parameters these are (from their names), or null if none's are. */
    public static Family familyOf(Map<String, Tensor> parameters) {
        if (parameters.containsKey(FullRankGuide.SCALE_TRIL)) {
            return Family.FULLRANK;
        }
        if (parameters.containsKey(LowRankGuide.FACTOR)) {
            return Family.LOWRANK;
        }
        return parameters.containsKey(MeanFieldGuide.LOG_SCALE) ? Family.MEANFIELD : null;
    }

    /** The family's description in the plan. */
    protected abstract String family();

    protected abstract int noiseSize(int d);

    /** The whitened draw from the noise and the family's parameter nodes, by name. */
    protected abstract Draw draw(Graph graph, Node noise, int d, Map<String, Node> parameters);

    /**
     * (v - loc)' Sigma^-1 (v - loc) per particle, with the family's parameters given as constants
     * (their stop-gradients), so that it is differentiated through v alone.
     */
    protected abstract Node squaredNorm(Graph graph, Node v, Map<String, Node> constants);

    /** The frame a start puts the whitened coordinates in. */
    protected abstract Frame frame(Map<String, Tensor> start, int d);

    /** The parameters' initial values: the standard start without a frame, the start itself whitened with one. */
    protected abstract Map<String, Tensor> initialValues(int d, Map<String, Tensor> start, Frame frame);

    /** Whitened values on the original scale. */
    protected abstract Map<String, Tensor> unwhiten(Map<String, Tensor> whitened, Frame frame);

    @Override
    public Nodes build(Graph graph, List<LatentSpec> latents) {
        graph.setOrigin("the automatic " + name() + " guide");
        FlatLatents flat = new FlatLatents(latents);
        int d = flat.dimension();
        Map<String, Tensor> complete = completed(d);
        Frame frame = complete == null ? null : frame(complete, d);
        Map<String, Node> parameters = new LinkedHashMap<>();
        initialValues(d, complete, frame).forEach((name, value) -> parameters.put(name, graph.parameter(name, value)));
        Node noise = graph.noise(Leaf.Noise.Kind.NORMAL, noiseSize(d));
        Draw v = draw(graph, noise, d, parameters);
        Node u = v.value();
        double frameLogDet = 0;
        if (frame != null) {
            Node scaled = frame.diagonal() != null ? graph.mul(graph.constant(Tensor.vector(frame.diagonal())), u)
                    : graph.matmul(graph.constant(matrix(frame.lower())), u);
            u = graph.add(graph.constant(Tensor.vector(frame.shift())), scaled);
            frameLogDet = frame.logDeterminant();
        }
        Map<String, Node> constants = new LinkedHashMap<>();
        parameters.forEach((name, node) -> constants.put(name, graph.stopGradient(node)));
        Node logDeterminant = graph.add(graph.stopGradient(v.logDeterminant()), graph.constant(frameLogDet));
        Node logQ = graph.sub(graph.mul(graph.constant(-0.5), squaredNorm(graph, v.value(), constants)),
                graph.add(logDeterminant, graph.constant(0.5 * d * Special.LOG_2PI)));

        FlatLatents.Split split = flat.split(graph, u, "the automatic guide");
        List<Site> sites = new ArrayList<>();
        for (LatentSpec latent : latents) {
            sites.add(new Site(latent.name(), latent.shape(), latent.support(), family() + describeMap(latent),
                    Estimator.REPARAMETERISED, "the Gaussian guide is reparameterisable"));
        }
        return new Nodes(split.values(), logQ, split.logJacobian(), sites, Map.of());
    }

    /** The start with any parameter it leaves out at its standard initial value; null without a start. */
    private Map<String, Tensor> completed(int d) {
        if (start == null) {
            return null;
        }
        Map<String, Tensor> complete = new LinkedHashMap<>(initialValues(d, null, null));
        complete.putAll(start);
        return complete;
    }

    @Override
    public Map<String, Tensor> originalParameters(Map<String, Tensor> fitted, List<LatentSpec> latents) {
        if (start == null) {
            return fitted;
        }
        int d = new FlatLatents(latents).dimension();
        Map<String, Tensor> guideOnly = new LinkedHashMap<>();
        Map<String, Tensor> result = new LinkedHashMap<>(fitted);
        fitted.forEach((k, v) -> {
            if (k.startsWith("guide.")) {
                guideOnly.put(k, v);
            }
        });
        result.putAll(unwhiten(guideOnly, frame(completed(d), d)));
        return result;
    }

    /** A mean-field start: the mean and the standard deviation of each coordinate of u. */
    public static Map<String, Tensor> meanFieldStart(double[] mean, double[] sd) {
        return MeanFieldGuide.parameters(mean, sd);
    }

    /** A full-rank start: the mean and a lower-triangular L with covariance L L'. */
    public static Map<String, Tensor> fullRankStart(double[] mean, double[][] lowerFactor) {
        return FullRankGuide.parameters(mean, lowerFactor);
    }

    /** A low-rank start: the mean, the diagonal's standard deviations, and the d x r factor B: covariance diag(sd^2) + B B'. */
    public static Map<String, Tensor> lowRankStart(double[] mean, double[] sd, double[][] factor) {
        return LowRankGuide.parameters(mean, sd, factor);
    }

    /** The frame of a start given as a mean and a log sd per coordinate: shifted by the mean, scaled by the sds. */
    static Frame diagonalFrame(Map<String, Tensor> start, String logSd) {
        double[] scale = start.get(logSd).data.clone();
        for (int i = 0; i < scale.length; i++) {
            scale[i] = Math.exp(scale[i]);
        }
        return new Frame(start.get(LOC).data.clone(), scale, null);
    }

    /** Under a diagonal frame, whitened means and log sds on the original scale, as {means, sds}. */
    static double[][] unwhitenDiagonal(double[] loc, double[] logSd, Frame frame) {
        double[] mean = new double[loc.length];
        double[] sd = new double[loc.length];
        for (int i = 0; i < loc.length; i++) {
            mean[i] = frame.shift()[i] + frame.diagonal()[i] * loc[i];
            sd[i] = frame.diagonal()[i] * Math.exp(logSd[i]);
        }
        return new double[][] {mean, sd};
    }

    static Tensor matrix(double[][] m) {
        int rows = m.length;
        int cols = rows == 0 ? 0 : m[0].length;
        Tensor t = new Tensor(new int[] {rows, cols});
        for (int i = 0; i < rows; i++) {
            System.arraycopy(m[i], 0, t.data, i * cols, cols);
        }
        return t;
    }

    static double[][] rows(Tensor t) {
        int rows = t.shape[0];
        int cols = t.shape[1];
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(t.data, i * cols, m[i], 0, cols);
        }
        return m;
    }

    private static String describeMap(LatentSpec latent) {
        String map = Bijections.describeMap(latent.support(), latent.shape());
        return map.isEmpty() ? "" : ", through " + map;
    }
}
