package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Unary;
import dev.vmc.runtime.tensor.Tensor;
import dev.vmc.runtime.transform.Support;
import java.util.List;

/**
 * lkj_corr_cholesky(eta): the LKJ density on correlation matrices, det(Omega)^(eta - 1), read on
 * Omega's Cholesky factor L (a K x K {@code cholesky_factor_corr}), which multiplies in the
 * Jacobian of L -> L L'. As in Stan: sum over k = 2..K of (K - k + 2 eta - 2) log L_kk, plus the
 * normalising constant of Lewandowski, Kurowicka and Joe (2009), theorem 5, in Stan's
 * do_lkj_constant form: (K - 1) lgamma(eta + (K - 1) / 2) - sum over k = 1..K-1 of
 * (k / 2 log pi + lgamma(eta + (K - 1 - k) / 2)). Built from existing ops, so eta may be a
 * parameter and both it and L get gradients.
 */
final class LkjCorrCholesky implements Distribution {
    private static final double LOG_PI = Math.log(Math.PI);

    @Override
    public String name() {
        return "lkj_corr_cholesky";
    }

    @Override
    public List<String> parameterNames() {
        return List.of("eta");
    }

    @Override
    public List<Support> parameterSupports() {
        return List.of(Support.POSITIVE);
    }

    @Override
    public Support support() {
        return Support.CHOLESKY_CORR;
    }

    @Override
    public Node logDensity(Graph graph, Node l, List<Node> parameters) {
        Node eta = parameters.get(0);
        int k = l.shape[0];
        if (k == 1) {
            return graph.constant(0); // the one 1 x 1 correlation matrix
        }
        Node logDiagonal = graph.log(diagonal(graph, l));
        // (K - k - 2) log L_kk, 1-based, from the second diagonal element on; the first is 1
        Tensor fixed = new Tensor(new int[] {k});
        Tensor fromSecond = new Tensor(new int[] {k});
        for (int i = 1; i < k; i++) {
            fixed.data[i] = k - (i + 1) - 2;
            fromSecond.data[i] = 1;
        }
        Node kernel = graph.add(graph.sum(graph.mul(graph.constant(fixed), logDiagonal)),
                graph.mul(graph.mul(graph.constant(2), eta), graph.sum(graph.mul(graph.constant(fromSecond), logDiagonal))));
        return graph.add(kernel, logConstant(graph, eta, k));
    }

    /** Stan's do_lkj_constant, its general form (equal to its eta = 1 special case there). */
    private static Node logConstant(Graph graph, Node eta, int k) {
        int km1 = k - 1;
        Tensor halves = new Tensor(new int[] {km1});
        double logPiTerms = 0;
        for (int j = 1; j <= km1; j++) {
            halves.data[j - 1] = 0.5 * (km1 - j);
            logPiTerms += 0.5 * j * LOG_PI;
        }
        Node leading = graph.mul(graph.constant(km1), graph.apply(Unary.LGAMMA, graph.add(eta, graph.constant(0.5 * km1))));
        Node others = graph.sum(graph.apply(Unary.LGAMMA, graph.add(eta, graph.constant(halves))));
        return graph.sub(graph.sub(leading, others), graph.constant(logPiTerms));
    }

    /** L's diagonal as a vector: L masked to its diagonal, times a vector of ones. */
    private static Node diagonal(Graph graph, Node l) {
        int k = l.shape[0];
        Tensor eye = new Tensor(new int[] {k, k});
        for (int i = 0; i < k; i++) {
            eye.data[i * k + i] = 1;
        }
        return graph.matmul(graph.mul(l, graph.constant(eye)), graph.constant(Tensor.filled(new int[] {k}, 1)));
    }

    @Override
    public String toString() {
        return name();
    }
}
