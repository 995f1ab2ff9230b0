package dev.vmc.compiler.lower;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Pos;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.bind.BoundData;
import dev.vmc.compiler.check.CheckedProgram;
import dev.vmc.runtime.dist.Distribution;
import dev.vmc.runtime.dist.Distributions;
import dev.vmc.runtime.graph.Gather;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.model.Model;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.tensor.Tensor;
import dev.vmc.runtime.transform.Bijections;
import dev.vmc.runtime.transform.Support;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names visible while one block is lowered into a graph, and the statement forms the
 * model and the guide share: data, learnable parameters, typed definitions and the
 * arguments of a ~ statement.
 */
final class Scope {
    final Graph graph;
    final Values names;
    /** The learnable parameters declared so far, constrained scale. */
    final Map<String, Node> parameters = new LinkedHashMap<>();
    private final Program program;
    /** The program with the checker's types of its expressions, which lowering reads. */
    private final CheckedProgram checked;
    private final BoundData data;
    private final ExpressionLowering expressions;
    private final Origins origins;
    private List<Node> lastArguments = List.of();

    Scope(Graph graph, CheckedProgram checked, BoundData data) {
        this.graph = graph;
        this.checked = checked;
        this.program = checked.program();
        this.data = data;
        this.names = new Values(graph);
        this.expressions = new ExpressionLowering(graph, names, data.networks(), false, new InlinedFunctions(checked),
                checked);
        this.origins = new Origins(program);
        for (Decl d : dataDeclarations(program)) {
            if (!data.values().containsKey(d.name())) {
                continue; // transformed data, while they are computed
            }
            boolean minibatched = data.batchSize() > 0 && data.isPlated(d.type());
            names.put(d.name(), minibatched ? graph.batch(d.name(), data.shapeOf(d.type())) : graph.constant(data.values().get(d.name())));
        }
    }

    /** A user-defined function's body, inlined into the caller's graph: it sees only what is bound to its parameters. */
    private Scope(Graph graph, CheckedProgram checked) {
        this.graph = graph;
        this.checked = checked;
        this.program = checked.program();
        this.data = null;
        this.names = new Values(graph);
        this.expressions = new ExpressionLowering(graph, names, Map.of(), false, new InlinedFunctions(checked), checked);
        this.origins = new Origins(program);
    }

    static Scope forFunction(Graph graph, CheckedProgram checked) {
        return new Scope(graph, checked);
    }

    /** The data block's declarations, then Stan's transformed data: values the data fix. */
    static List<Decl> dataDeclarations(Program program) {
        List<Decl> all = new java.util.ArrayList<>(program.data());
        all.addAll(program.transformedData());
        return all;
    }

    /** Whether a data value or a latent has one row per datum of the plate. */
    boolean isPlated(String name) {
        return java.util.stream.Stream.concat(dataDeclarations(program).stream(), program.latents().stream())
                .anyMatch(d -> d.name().equals(name) && data.isPlated(d.type()));
    }

    /** What a plated term's sum is multiplied by: N / batch size, or 1 for the whole data. */
    double plateScale() {
        return data.batchSize() == 0 ? 1 : (double) data.size(data.plate()) / data.batchSize();
    }

    Node lower(Expr e) {
        return expressions.lower(e);
    }

    void readElementsWith(java.util.function.Function<Expr.Index, Node> reads) {
        expressions.readElementsWith(reads);
    }

    /** "file:line:column", for an error at a place in the source. */
    String describe(Pos pos) {
        return program.fileName() + ":" + pos;
    }

    /** Labels the nodes of the next statement with its place in the source. */
    void at(Pos pos) {
        graph.setOrigin(origins.describe(pos));
    }

    /**
     * A learnable parameter: optimised unconstrained, seen constrained. One on the plate (a guide's
     * per-datum parameters) is kept for every datum; a graph built for minibatches sees the
     * batch's rows of it, picked by the minibatch's row numbers.
     */
    Node declareParameter(Decl decl) {
        at(decl.pos());
        int[] shape = data.shapeOf(decl.type());
        boolean local = data.batchSize() > 0 && data.isPlated(decl.type());
        if (local) {
            shape = shape.clone();
            shape[0] = data.size(data.plate());
        }
        Support support = Support.ofBounds(data.lowerOf(decl.type()), data.upperOf(decl.type()));
        Tensor initial = broadcast(Evaluator.evaluate(decl.init(), data.values(), checked), shape, decl.name());
        for (int i = 0; i < initial.size(); i++) {
            try {
                initial.data[i] = Bijections.unconstrain(initial.data[i], support);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(origins.describe(decl.pos())
                        + ": initial value of '" + decl.name() + "' " + e.getMessage());
            }
        }
        Node free = graph.parameter(decl.name(), initial);
        if (local) {
            free = graph.apply(Gather.INSTANCE, free, graph.batch(Model.Plate.ROWS, data.batchSize()));
        }
        Node value = Bijections.constrain(graph, free, support);
        names.put(decl.name(), value);
        parameters.put(decl.name(), value);
        return value;
    }

    Node define(Decl decl) {
        at(decl.pos());
        Node value = lower(decl.init());
        names.put(decl.name(), value);
        return value;
    }

    Distribution distribution(Stmt.Sample s) {
        return Distributions.get(s.distribution());
    }

    List<Node> arguments(Stmt.Sample s) {
        lastArguments = s.args().stream().map(this::lower).toList();
        return lastArguments;
    }

    /** The nodes of the latest ~ statement's arguments, for the factor it makes. */
    List<Node> lastArguments() {
        return lastArguments;
    }

    private static Tensor broadcast(Tensor value, int[] shape, String name) {
        Tensor out = new Tensor(shape);
        if (value.size() == 1) {
            out.fill(value.data[0]);
        } else if (value.size() == out.size()) {
            out.copyFrom(value);
        } else {
            throw new IllegalArgumentException("initial value of '" + name + "' has " + value.size()
                    + " values, expected 1 or " + out.size());
        }
        return out;
    }
}
