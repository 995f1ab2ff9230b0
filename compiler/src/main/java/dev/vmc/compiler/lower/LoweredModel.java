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

/** A checked program with its data bound, as the runtime's {@link Model}. */
public final class LoweredModel implements Model {
    private final Program program;
    private final BoundData data;
    private final List<LatentSpec> latents = new ArrayList<>();

    public LoweredModel(Program program, BoundData data) {
        this.program = program;
        this.data = data;
        for (Decl d : program.latents()) {
            Support support = d.type().base() == TypeExpr.Base.SIMPLEX ? Support.SIMPLEX
                    : Support.ofBounds(data.lowerOf(d.type()), data.upperOf(d.type()));
            latents.add(new LatentSpec(d.name(), data.shapeOf(d.type()), support));
        }
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
        Node logJoint = null;
        for (Stmt s : program.model()) {
            Node term = null;
            if (s instanceof Stmt.Define d) {
                scope.define(d.decl());
            } else if (s instanceof Stmt.Sample sample) {
                scope.at(sample.pos());
                term = scope.distribution(sample).logDensity(graph, scope.lower(sample.variate()), scope.arguments(sample));
            } else if (s instanceof Stmt.TargetAdd t) {
                scope.at(t.pos());
                term = graph.sum(scope.lower(t.value()));
            }
            if (term != null) {
                logJoint = logJoint == null ? term : graph.add(logJoint, term);
            }
        }
        return new Nodes(logJoint == null ? graph.constant(0) : logJoint, derived, scope.parameters);
    }
}
