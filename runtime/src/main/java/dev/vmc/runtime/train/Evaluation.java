package dev.vmc.runtime.train;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.ParticleLogMeanExp;
import dev.vmc.runtime.graph.Precision;
import dev.vmc.runtime.guide.Guide;
import dev.vmc.runtime.infer.ElboGraph;
import dev.vmc.runtime.infer.PlateRows;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.tensor.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A trained model scored on data, per datum: the ELBO and its split into reconstruction
 * (distortion) and KL (rate); the importance-weighted estimate of log p(x) with K draws; the KL
 * of each latent unit averaged over the data (a unit below {@link #ACTIVE} nats carries no
 * information: posterior collapse); and the ELBO surgery of Hoffman and Johnson (2016): the
 * average KL is the mutual information I(x; z) under q plus KL(q(z) || p(z)) of the aggregate
 * posterior, with I estimated from every datum's guide.
 */
public final class Evaluation {
    /** Nats of average KL below which a latent unit counts as inactive. */
    public static final double ACTIVE = 0.01;
    /** The mutual information's pairwise sum runs over at most this many data. */
    static final int MAX_PAIRS = 5000;

    /**
     * @param klPerUnit        each latent unit's KL averaged over the data (null when the KL is sampled)
     * @param activeUnits      units whose average KL exceeds {@link #ACTIVE} (-1 when not known)
     * @param burdaActive      units whose guide mean varies across the data by a variance above
     *                         {@link #ACTIVE} (Burda et al. 2016's activity; -1 unless the plated sites are normal)
     * @param mutualInformation I(x; z) under q, per datum (NaN unless every plated site is normal)
     * @param marginalKl       KL(q(z) || p(z)) = KL - I (NaN with it)
     * @param pictures         data, their reconstructions and draws from the prior decoded, or null
     * @param encoderElbo      for a semi-amortised guide, the ELBO of the encoder's output before the local
     *                         steps refine it (the amortisation gap is elbo minus this); NaN otherwise
     * @param localSteps       the local steps taken per batch (0 without per-datum parameters)
     */
    public record Result(int data, int particles, double elbo, double reconstruction, double kl, double iwae,
            double[] klPerUnit, int activeUnits, int burdaActive, double mutualInformation, double marginalKl, String klMethod,
            Pictures pictures, double encoderElbo, int localSteps) {}

    /** Each image as values in [0, 1], the likelihood's mean: originals and reconstructions of the first data, and samples. */
    public record Pictures(double[][] originals, double[][] reconstructions, double[][] samples, String notes) {}

    private Evaluation() {}

    /**
     * @param model    built for minibatches of its plate (the batch size bounds the memory: K draws of each row)
     * @param pictures how many data to picture, and prior draws to decode; 0 for none
     */
    public static Result evaluate(Model model, Guide guide, ParameterStore trained, int k, int pictures, DataType type,
            long seed, int localSteps, double localRate) {
        SplittableRandom random = new SplittableRandom(seed);
        ElboGraph elbo = ElboGraph.build(model, guide);
        Graph graph = elbo.graph;
        PlateRows rows = elbo.rows;
        if (rows == null) {
            throw new IllegalArgumentException("vmc eval scores models with a plate, per datum; this model has none");
        }
        RowTerms terms = RowTerms.of(graph, elbo);
        Node iwaeRows = graph.apply(ParticleLogMeanExp.INSTANCE, terms.logWeights());
        Model.Factor pictured = rows.likelihoods().stream().filter(f -> Means.of(graph, f) != null).findFirst().orElse(null);
        Node mean = pictured == null ? null : Means.of(graph, pictured);
        Node pixels = pictured == null ? null : dataLeaf(graph, pictured.sampled().variate());
        boolean normalSites = !rows.sites().isEmpty() && rows.sites().stream().allMatch(s -> s.family().equals("normal"));

        ParameterStore store = loaded(graph, trained, true);
        LocalSteps locals = new LocalSteps(graph, store, localRate, true);
        boolean encoder = Encoders.feed(elbo);
        Executor executor = locals.any() ? new Executor(graph, k, store, random.split(), Precision.DOUBLE, type)
                : Executor.forwardOnly(graph, k, store, random.split(), Precision.DOUBLE, type);
        double encoderOnly = 0;
        Model.Plate plate = model.plate();
        Minibatches batches = Minibatches.inOrder(plate, graph);
        int n = plate.size();
        double rec = 0;
        double kl = 0;
        double iwae = 0;
        double[] perUnit = terms.analytic() ? new double[units(terms)] : null;
        int units = normalSites ? rows.sites().stream().mapToInt(s -> s.logQ().modelSize() / s.logQ().shape[0]).sum() : 0;
        int pairs = Math.min(n, MAX_PAIRS);
        double[][] means = normalSites ? new double[pairs][units] : null;
        double[][] sds = normalSites ? new double[pairs][units] : null;
        List<double[]> originals = new ArrayList<>();
        List<double[]> reconstructions = new ArrayList<>();
        for (int b = 0; b < batches.batchesPerEpoch(); b++) {
            batches.fill(executor, b);
            int fresh = batches.fresh(b);
            if (locals.any()) {
                if (encoder) {
                    executor.forward();
                    encoderOnly += RowTerms.sumOfRowMeans(executor, terms.reconstruction(), fresh) - RowTerms.sumOfRowMeans(executor, terms.kl(), fresh);
                }
                locals.run(executor, elbo.objective, localSteps);
            }
            executor.forward();
            int first = b * plate.batchSize();
            rec += RowTerms.sumOfRowMeans(executor, terms.reconstruction(), fresh);
            kl += RowTerms.sumOfRowMeans(executor, terms.kl(), fresh);
            double[] w = executor.value(iwaeRows).data;
            for (int r = 0; r < fresh; r++) {
                iwae += w[r];
            }
            if (perUnit != null) {
                int at = 0;
                for (Node elements : terms.klElements()) {
                    double[] v = executor.value(elements).data;
                    int width = elements.modelSize() / elements.shape[0];
                    for (int r = 0; r < fresh; r++) {
                        for (int u = 0; u < width; u++) {
                            perUnit[at + u] += v[r * width + u];
                        }
                    }
                    at += width;
                }
            }
            if (means != null) {
                int at = 0;
                for (Guide.PlatedSite site : rows.sites()) {
                    double[] m = broadcastRows(executor, site.arguments().get(0), site.logQ());
                    double[] s = broadcastRows(executor, site.arguments().get(1), site.logQ());
                    int width = site.logQ().modelSize() / site.logQ().shape[0];
                    for (int r = 0; r < fresh && first + r < pairs; r++) {
                        System.arraycopy(m, r * width, means[first + r], at, width);
                        System.arraycopy(s, r * width, sds[first + r], at, width);
                    }
                    at += width;
                }
            }
            if (mean != null) {
                int width = mean.modelSize() / mean.shape[0];
                for (int r = 0; r < fresh && originals.size() < pictures; r++) {
                    originals.add(java.util.Arrays.copyOfRange(executor.value(pixels).data, r * width, (r + 1) * width));
                    reconstructions.add(java.util.Arrays.copyOfRange(executor.value(mean).data, r * width, (r + 1) * width));
                }
            }
        }
        int active = -1;
        if (perUnit != null) {
            active = 0;
            for (int u = 0; u < perUnit.length; u++) {
                perUnit[u] /= n;
                active += perUnit[u] > ACTIVE ? 1 : 0;
            }
        }
        double information = means == null ? Double.NaN : MutualInformation.estimate(means, sds, random.split());
        int burda = means == null ? -1 : varyingUnits(means);
        Pictures pics = null;
        if (pictures > 0) {
            PriorSamples.Drawn drawn = mean == null ? null : PriorSamples.decode(model, elbo, store, pictures, type, random.split());
            String notes = mean == null ? "no pictures: no plated statement on data has a bernoulli, bernoulli_logit or normal likelihood"
                    : drawn.samples() == null ? drawn.why() : null;
            pics = new Pictures(originals.toArray(double[][]::new), reconstructions.toArray(double[][]::new),
                    drawn == null ? null : drawn.samples(), notes);
        }
        return new Result(n, k, (rec - kl) / n, rec / n, kl / n, iwae / n, perUnit, active, burda, information,
                kl / n - information, terms.why(), pics, locals.any() && encoder ? encoderOnly / n : Double.NaN,
                locals.any() ? localSteps : 0);
    }

    /** Units whose mean under q varies across the data by a variance above {@link #ACTIVE}. */
    private static int varyingUnits(double[][] means) {
        int count = 0;
        for (int u = 0; u < means[0].length; u++) {
            double sum = 0;
            double sumSq = 0;
            for (double[] row : means) {
                sum += row[u];
                sumSq += row[u] * row[u];
            }
            double mean = sum / means.length;
            count += sumSq / means.length - mean * mean > ACTIVE ? 1 : 0;
        }
        return count;
    }

    private static int units(RowTerms terms) {
        return terms.klElements().stream().mapToInt(e -> e.modelSize() / e.shape[0]).sum();
    }

    /** A site argument's values for the first particle, at the site's shape (a scalar sd becomes one per element). */
    private static double[] broadcastRows(Executor executor, Node argument, Node site) {
        double[] v = executor.value(argument).data;
        int size = site.modelSize();
        if (argument.modelSize() == size) {
            return java.util.Arrays.copyOf(v, size);
        }
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = v[i % argument.modelSize()];
        }
        return out;
    }

    private static Node dataLeaf(Graph graph, String name) {
        for (Node node : graph.nodes()) {
            if (node.op instanceof Leaf.Batch b && b.label().equals(name)) {
                return node;
            }
        }
        throw new IllegalStateException("no minibatch leaf for " + name);
    }

    /** The trained values in a store for this graph: every parameter must be there, with its shape. */
    static ParameterStore loaded(Graph graph, ParameterStore trained) {
        return loaded(graph, trained, false);
    }

    /**
     * @param localsFresh whether per-datum parameters start from their initial values (they belong
     *                    to other data when the trained ones are there at all)
     */
    static ParameterStore loaded(Graph graph, ParameterStore trained, boolean localsFresh) {
        ParameterStore store = ParameterStore.initial(graph);
        java.util.Set<String> locals = localsFresh ? LocalSteps.localNames(graph) : java.util.Set.of();
        for (var e : store.asMap().entrySet()) {
            if (locals.contains(e.getKey())) {
                continue;
            }
            var value = trained.asMap().get(e.getKey());
            if (value == null) {
                throw new IllegalArgumentException("the parameters have no '" + e.getKey() + "', which this model needs;"
                        + " they have " + trained.asMap().keySet() + " (were they trained with another model?)");
            }
            if (!java.util.Arrays.equals(value.shape, e.getValue().shape)) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' has shape "
                        + dev.vmc.runtime.tensor.Shapes.format(value.shape) + " in the file but "
                        + dev.vmc.runtime.tensor.Shapes.format(e.getValue().shape) + " in this model (were they trained"
                        + " with other sizes?)");
            }
            e.getValue().copyFrom(value);
        }
        return store;
    }
}
