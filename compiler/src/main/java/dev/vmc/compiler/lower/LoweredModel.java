package dev.vmc.compiler.lower;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.compiler.bind.BoundData;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Leaf;
import dev.vmc.runtime.graph.Select;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Tensor;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.transform.Support;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.vmc.compiler.check.CheckedProgram;
import dev.vmc.compiler.check.Dependencies;
import dev.vmc.runtime.model.Model.Factor;
import dev.vmc.runtime.model.Model.Sampled;

/** A checked program with its data bound, as the runtime's {@link Model}. */
public final class LoweredModel implements Model {
    private final CheckedProgram checked;
    private final Program program;
    private final Dependencies dependencies;
    private final BoundData data;
    private final List<LatentSpec> latents = new ArrayList<>();

    public LoweredModel(CheckedProgram checked, BoundData data) {
        this.checked = checked;
        this.program = checked.program();
        this.dependencies = checked.dependencies();
        this.data = data;
        for (Decl d : program.latents()) {
            latents.add(new LatentSpec(d.name(), data.shapeOf(d.type()), supportOf(d.type())));
        }
    }

    private Support supportOf(TypeExpr type) {
        if (type.base().blockSupport() != null) {
            return type.base().blockSupport();
        }
        if (type.base() != TypeExpr.Base.INT && ConstrainedInModel.applies(type, data)) {
            return Support.REAL; // the model maps it: see ConstrainedInModel
        }
        Double lower = data.lowerOf(type);
        Double upper = data.upperOf(type);
        if (type.base() == TypeExpr.Base.INT) {
            return Support.integer(lower == null ? Double.NEGATIVE_INFINITY : lower,
                    upper == null ? Double.POSITIVE_INFINITY : upper);
        }
        return Support.ofBounds(lower, upper);
    }

    @Override
    public List<LatentSpec> latents() {
        return latents;
    }

    @Override
    public Nodes build(Graph graph, Map<String, Node> latentValues) {
        Scope scope = new Scope(graph, checked, data);
        program.params().forEach(scope::declareParameter);
        scope.names.putAll(latentValues);
        Map<String, Node> derived = new LinkedHashMap<>();
        List<Factor> factors = new ArrayList<>();
        constrainInModel(scope, latentValues, derived, factors);
        // the plated latents' nodes, which only plated statements may use under minibatches
        Set<Node> plateRows = new java.util.HashSet<>();
        latentValues.forEach((name, node) -> {
            if (scope.isPlated(name)) {
                plateRows.add(node);
            }
        });
        StatementInterpreter.Terms modelTerms = (s, elements) -> {
            boolean plated = s instanceof Stmt.Sample sample && sample.variate() instanceof Expr.Var v
                    && scope.isPlated(v.name());
            if (!plated && data.batchSize() > 0) {
                requireGlobal(graph, elements, plateRows);
            }
            Sampled sampled = null;
            if (s instanceof Stmt.Sample sample) {
                // the arguments' nodes, as lowered for this term (the first inputs of its density)
                sampled = new Sampled(sample.variate() instanceof Expr.Var v ? v.name() : null, sample.distribution(),
                        scope.lastArguments());
            }
            factors.add(new Factor(graph.origin(), elements, Set.copyOf(dependencies.latentsOfTerm(s)),
                    plated ? data.plate() : null, plated ? scope.plateScale() : 1, sampled));
        };
        new StatementInterpreter(scope, modelTerms).run(program.derivedBody());
        program.derived().forEach(d -> derived.put(d.name(), scope.names.get(d.name())));
        // reported with the derived values; a _rng in them draws afresh with each posterior draw
        new StatementInterpreter(scope, (s, elements) -> { }).run(program.generatedBody());
        program.generated().forEach(d -> derived.put(d.name(), scope.names.get(d.name())));
        new StatementInterpreter(scope, modelTerms).run(program.model());
        return new Nodes(factors, derived, scope.parameters);
    }

    /**
     * The latents mapped to their support here rather than by inference ({@link ConstrainedInModel}),
     * in declaration order, so a bound sees an earlier latent's mapped value: each mapped value
     * replaces the unconstrained one in the scope and, under the latent's name, in the reported
     * values (first among them, so the report keeps the declaration order), and its log-Jacobian
     * is a term of the log density, a function of the latent and of those its bounds use.
     */
    private void constrainInModel(Scope scope, Map<String, Node> latentValues, Map<String, Node> reported,
            List<Factor> factors) {
        for (Decl d : program.latents()) {
            if (d.type().base() == TypeExpr.Base.INT || !ConstrainedInModel.applies(d.type(), data)
                    || !latentValues.containsKey(d.name())) {
                continue;
            }
            scope.at(d.pos());
            var mapped = ConstrainedInModel.map(d, latentValues.get(d.name()), scope);
            scope.names.put(d.name(), mapped.value());
            reported.put(d.name(), mapped.value());
            Set<String> latents = new java.util.LinkedHashSet<>(List.of(d.name()));
            ConstrainedInModel.parts(d.type()).forEach(e -> latents.addAll(dependencies.latentsOf(e)));
            boolean plated = scope.isPlated(d.name());
            factors.add(new Factor(scope.graph.origin() + " (the log-Jacobian of its constraint)", mapped.logJacobian(),
                    Set.copyOf(latents), plated ? data.plate() : null, plated ? scope.plateScale() : 1));
        }
    }

    /**
     * Under minibatches only plated ~ statements are scaled up to the whole data; any other term
     * that sees a minibatch would be a wrong estimate, so it is refused.
     */
    private void requireGlobal(Graph graph, Node elements, Set<Node> plateRows) {
        boolean[] up = graph.ancestorsOf(elements);
        for (Node node : graph.nodes()) {
            if (up[node.id] && (node.op instanceof Leaf.Batch || plateRows.contains(node))) {
                throw new IllegalArgumentException(graph.origin() + ": this statement uses the minibatch ("
                        + node.op.describe().replace("minibatch of ", "")
                        + ") but is not a ~ statement on a variable over the plate " + data.plate()
                        + ", so it cannot be scaled to the whole data; fit without --batch-size, or write it as such a ~ statement");
            }
        }
    }

    @Override
    public Plate plate() {
        if (data.plate() == null) {
            return null;
        }
        int size = (int) data.size(data.plate());
        Map<String, Tensor> plated = new LinkedHashMap<>();
        for (Decl d : Scope.dataDeclarations(program)) {
            if (data.isPlated(d.type())) {
                plated.put(d.name(), data.values().get(d.name()));
            }
        }
        return new Plate(data.plate(), size, data.batchSize() > 0 ? data.batchSize() : size, plated);
    }
}
