package dev.vmc.compiler.lower;

import dev.vmc.runtime.graph.Cholesky;
import dev.vmc.runtime.graph.DiagMatrix;
import dev.vmc.runtime.graph.GpCovariance;
import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Repeat;
import java.util.List;

/** The matrix functions ({@code Builtins.Kind.LINEAR_ALGEBRA}) as graph ops, by name, on lowered arguments. */
final class LinearAlgebraLowering {
    private LinearAlgebraLowering() {}

    static Node call(Graph graph, String name, List<Node> args) {
        return switch (name) {
            case "diag_matrix" -> graph.apply(DiagMatrix.INSTANCE, args.get(0));
            case "cholesky_decompose" -> graph.apply(Cholesky.INSTANCE, args.get(0));
            case "add_diag" -> graph.add(args.get(0), graph.apply(DiagMatrix.INSTANCE, args.get(1).rank() == 1 ? args.get(1)
                    : graph.apply(new Repeat(args.get(0).shape[0]), args.get(1))));
            case "gp_exp_quad_cov", "cov_exp_quad" -> covariance(graph, GpCovariance.EXP_QUAD, args);
            case "gp_matern32_cov" -> covariance(graph, GpCovariance.MATERN32, args);
            case "gp_matern52_cov" -> covariance(graph, GpCovariance.MATERN52, args);
            default -> throw new IllegalStateException("no lowering for " + name);
        };
    }

    /** Stan's one-set form compares the points with themselves. */
    private static Node covariance(Graph graph, GpCovariance kernel, List<Node> args) {
        Node x1 = args.get(0);
        Node x2 = args.size() == 4 ? args.get(1) : x1;
        return graph.apply(kernel, x1, x2, args.get(args.size() - 2), args.get(args.size() - 1));
    }
}
