package dev.vmc.runtime.model;

import dev.vmc.runtime.graph.Executor;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ParameterStore;
import dev.vmc.runtime.graph.Precision;
import dev.vmc.runtime.transform.Support;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The model's log density on the unconstrained space: log p(data, constrain(u)) plus the
 * log-Jacobian of constrain, as a function of the flat vector u of {@link FlatLatents}. This is
 * Stan's {@code log_prob} with the Jacobian, except that vmc's densities keep their normalising
 * constants. L-BFGS climbs it and Pathfinder scores its approximations against it. The model's
 * learnable parameters stay at the values in the store it is given.
 */
public final class LogDensity {
    private final FlatLatents flat;
    private final Graph graph;
    private final Node point;
    private final Node value;
    private final ParameterStore parameters;
    private final List<String> unused;

    private LogDensity(FlatLatents flat, Graph graph, Node point, Node value, ParameterStore parameters, List<String> unused) {
        this.flat = flat;
        this.graph = graph;
        this.point = point;
        this.value = value;
        this.parameters = parameters;
        this.unused = unused;
    }

    /** The model's log density with its learnable parameters at their initial values. */
    public static LogDensity of(Model model) {
        FlatLatents flat = new FlatLatents(model.latents());
        Graph graph = new Graph();
        graph.setOrigin("the point the log density is evaluated at");
        Node point = graph.input("u", flat.dimension());
        FlatLatents.Split split = flat.split(graph, point, "the log density");
        Model.Nodes p = model.build(graph, split.values());
        graph.setOrigin("the log density");
        Node logJoint = p.logJoint(graph);
        Node value = graph.add(logJoint, split.logJacobian());
        return new LogDensity(flat, graph, point, value, ParameterStore.initial(graph), unused(graph, flat, split.values(), logJoint));
    }

    /** The graph behind the log density as text ({@link Graph#describe}): the model as lowered. */
    public String describe() {
        return graph.describe();
    }

    /**
     * Latents with no bounded support (an interval, a simplex, a unit vector, a correlation matrix or its factor) that no prior or likelihood term mentions: the
     * log density is flat in them, so their posterior is improper. Found by walking the graph up
     * from the log joint.
     */
    public List<String> improperLatents() {
        return unused;
    }

    private static List<String> unused(Graph graph, FlatLatents flat, Map<String, Node> latents, Node logJoint) {
        boolean[] reaches = graph.ancestorsOf(logJoint);
        List<String> names = new ArrayList<>();
        for (LatentSpec latent : flat.latents()) {
            Node node = latents.get(latent.name());
            boolean used = reaches[node.id];
            Support.Kind kind = latent.support().kind();
            // bounded sets, on which a flat density is proper
            boolean bounded = kind == Support.Kind.INTERVAL || kind == Support.Kind.SIMPLEX || kind == Support.Kind.UNIT_VECTOR
                    || kind == Support.Kind.CHOLESKY_CORR || kind == Support.Kind.CORR_MATRIX;
            if (!used && !bounded) {
                names.add(latent.name());
            }
        }
        return names;
    }

    public int dimension() {
        return flat.dimension();
    }

    public FlatLatents latents() {
        return flat;
    }

    /** Names of the coordinates of u, as draws.csv names the latents' constrained values. */
    public List<String> coordinateNames() {
        return flat.coordinateNames();
    }

    /** log p at one point; an evaluator is faster for many. */
    public double value(double[] u) {
        return evaluator(1).valueAndGradient(u, new double[dimension()]);
    }

    /** An evaluator for {@code points} points at a time. Not thread-safe: one per thread. */
    public Evaluator evaluator(int points) {
        return new Evaluator(points);
    }

    /** Evaluates the log density at a fixed number of points per call, counting its calls. */
    public final class Evaluator {
        private final Executor executor;
        private final int points;
        private long evaluations;

        private Evaluator(int points) {
            this.points = points;
            this.executor = new Executor(graph, points, parameters, new SplittableRandom(0), Precision.DOUBLE)
                    .computeOnly(value);
        }

        /** log p(u) and its gradient, for an evaluator of one point. */
        public double valueAndGradient(double[] u, double[] gradient) {
            if (points != 1) {
                throw new IllegalStateException("gradients are for one point at a time; this evaluator takes " + points);
            }
            System.arraycopy(u, 0, executor.value(point).data, 0, u.length);
            executor.forward();
            evaluations++;
            double result = executor.value(value).item();
            if (Double.isFinite(result)) {
                executor.backward(value);
                System.arraycopy(executor.gradient(point).data, 0, gradient, 0, gradient.length);
            }
            return result;
        }

        /** log p at each of the points laid end to end in {@code us}, into {@code into}. */
        public void values(double[] us, double[] into) {
            System.arraycopy(us, 0, executor.value(point).data, 0, points * dimension());
            executor.forward();
            evaluations += points;
            System.arraycopy(executor.value(value).data, 0, into, 0, points);
        }

        /**
         * Where the log density first went NaN or infinite at the point of the last evaluation
         * (see {@link dev.vmc.runtime.graph.Executor#explain}), or null if it was finite there.
         */
        public String whereNotFinite() {
            dev.vmc.runtime.graph.Node bad = executor.firstNonFinite(value);
            return bad == null ? null : executor.explain(bad);
        }

        public long evaluations() {
            return evaluations;
        }
    }
}
