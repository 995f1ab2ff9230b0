package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.transform.Support;

/**
 * dirichlet(alpha): a point on the simplex of size K, with K positive concentrations; mean alpha
 * / sum(alpha). A draw is the whole simplex, and x is one draw ([K], as {@link DirichletOp}
 * requires).
 */
final class Dirichlet extends OneVectorParameter {
    Dirichlet() {
        super("dirichlet", "alpha", Support.POSITIVE);
    }

    @Override
    public Support support() {
        return Support.SIMPLEX;
    }

    @Override
    Op densityOp(Node parameter) {
        return new DirichletOp();
    }
}
