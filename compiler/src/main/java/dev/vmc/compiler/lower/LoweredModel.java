package dev.vmc.compiler.lower;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.ast.TypeExpr;
import dev.vmc.compiler.bind.BoundData;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.transform.Support;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.vmc.compiler.check.Dependencies;
import dev.vmc.runtime.model.Model.Factor;

/** A checked program with its data bound, as the runtime's {@link Model}. */
public final class LoweredModel implements Model {
    private final Program program;
    private final Dependencies dependencies;
    private final BoundData data;
    private final List<LatentSpec> latents = new ArrayList<>();

    public LoweredModel(Program program, Dependencies dependencies, BoundData data) {
        this.program = program;
        this.dependencies = dependencies;
        this.data = data;
        for (Decl d : program.latents()) {
            latents.add(new LatentSpec(d.name(), data.shapeOf(d.type()), supportOf(d.type())));
        }
    }

    private Support supportOf(TypeExpr type) {
        if (type.base() == TypeExpr.Base.SIMPLEX) {
            return Support.SIMPLEX;
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
        Scope scope = new Scope(graph, program, data);
        program.params().forEach(scope::declareParameter);
        scope.names.putAll(latentValues);
        Map<String, Node> derived = new LinkedHashMap<>();
        for (Decl d : program.derived()) {
            derived.put(d.name(), scope.define(d));
        }
        List<Factor> factors = new ArrayList<>();
        for (Stmt s : program.model()) {
            Node elements = null;
            if (s instanceof Stmt.Define d) {
                scope.define(d.decl());
            } else if (s instanceof Stmt.Sample sample) {
                scope.at(sample.pos());
                elements = scope.distribution(sample).logDensities(graph, scope.lower(sample.variate()), scope.arguments(sample));
            } else if (s instanceof Stmt.TargetAdd t) {
                scope.at(t.pos());
                elements = scope.lower(t.value());
            }
            if (elements != null) {
                factors.add(new Factor(graph.origin(), elements, Set.copyOf(dependencies.factorOf(s).latents())));
            }
        }
        return new Nodes(factors, derived, scope.parameters);
    }
}
