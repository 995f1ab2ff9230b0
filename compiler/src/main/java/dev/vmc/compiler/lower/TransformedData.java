package dev.vmc.compiler.lower;

import dev.vmc.compiler.ast.Decl;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.check.CheckedProgram;
import dev.vmc.compiler.bind.BoundData;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.tensor.Tensor;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stan's transformed data: its statements run once, when the data are read, through the same
 * interpreter as the model's, over the data as constants; each variable the block declares is
 * then folded to its value.
 */
public final class TransformedData {
    private TransformedData() {}

    /**
     * The block's variables, by name, in declaration order.
     *
     * @throws StatementException where a statement fails ("file:line:col: reject: ...")
     */
    public static Map<String, Tensor> compute(CheckedProgram checked, BoundData data) {
        Program program = checked.program();
        Graph graph = new Graph();
        Scope scope = new Scope(graph, checked, data);
        new StatementInterpreter(scope, (s, elements) -> {
            throw new IllegalStateException("the checker let a ~ or target += into transformed data");
        }).run(program.transformedDataBody());
        Map<Node, Tensor> known = new IdentityHashMap<>();
        Map<String, Tensor> values = new LinkedHashMap<>();
        for (Decl decl : program.transformedData()) {
            Tensor value = Evaluator.valueOf(scope.names.get(decl.name()), known);
            if (value == null) {
                throw new IllegalStateException("transformed data '" + decl.name() + "' is not computable from the data");
            }
            values.put(decl.name(), value);
        }
        return values;
    }
}
