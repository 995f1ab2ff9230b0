package dev.vmc.compiler.lower;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import java.util.List;

/**
 * User-defined functions' bodies, lowered into a graph the caller chooses, given a node for
 * each argument: how an ODE solver's right-hand side becomes a graph of its own (see
 * {@link OdeLowering}). The functions block supplies it; until it is read there are none.
 */
public interface FunctionBodies {
    /** The function's result, built in {@code graph} from {@code arguments} (nodes of that graph). */
    Node lower(String function, Graph graph, List<Node> arguments);

    /** Whether {@code function} is one of these (a call of it lowers through {@link #lower}). */
    default boolean defines(String function) {
        return false;
    }

    FunctionBodies NONE = (function, graph, arguments) -> {
        throw new IllegalStateException("checker let a call of user-defined function '" + function
                + "' through, but the functions block is not lowered yet");
    };
}
