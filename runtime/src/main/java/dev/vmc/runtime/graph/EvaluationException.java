package dev.vmc.runtime.graph;

/**
 * A node that could not be computed with the values it was given, such as an index outside
 * its array: almost always a data problem. The message ends with the node's origin, so it
 * points at the statement in the user's program.
 */
public class EvaluationException extends RuntimeException {
    EvaluationException(Node node, RuntimeException cause) {
        super(cause.getMessage() + ", at " + (node.origin.isEmpty() ? node.op.describe() : node.origin), cause);
    }
}
