package dev.vmc.compiler.lower;

import dev.vmc.compiler.ast.FunctionDef;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.check.CheckedProgram;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import java.util.List;

/**
 * The functions block's bodies, inlined: a call runs the body through the
 * {@link StatementInterpreter} in the graph the caller chooses (the model's, or an ODE
 * right-hand side's own), its parameters bound to the argument nodes. The checker refuses
 * recursion, so inlining ends; a body's loops unroll as a block's do.
 */
final class InlinedFunctions implements FunctionBodies {
    private final CheckedProgram checked;
    private final Program program;

    InlinedFunctions(CheckedProgram checked) {
        this.checked = checked;
        this.program = checked.program();
    }

    @Override
    public boolean defines(String function) {
        return program.function(function) != null;
    }

    @Override
    public Node lower(String function, Graph graph, List<Node> arguments) {
        FunctionDef f = program.function(function);
        if (f == null) {
            return FunctionBodies.NONE.lower(function, graph, arguments);
        }
        String origin = graph.origin();
        Scope scope = Scope.forFunction(graph, checked);
        for (int k = 0; k < arguments.size(); k++) {
            scope.names.put(f.parameters().get(k).decl().name(), arguments.get(k));
        }
        StatementInterpreter body = new StatementInterpreter(scope, (Stmt statement, Node elements) -> {
            throw new IllegalArgumentException(scope.describe(statement.pos()) + ": reject under a condition that depends"
                    + " on parameters is not supported inside a function yet; reject in the model block instead");
        });
        try {
            return body.call(f);
        } finally {
            graph.setOrigin(origin);
        }
    }
}
