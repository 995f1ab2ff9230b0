package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Op;
import dev.vmc.runtime.transform.Support;

/**
 * multinomial(theta): one draw is a whole array of K counts y, their total N = sum(y) fixed by
 * the data, with log mass log N! - sum_k log y_k! + sum_k y_k log theta_k (0 log 0 taken as 0, so
 * a category of probability 0 may have no counts). theta is a simplex of K; the counts are
 * observed data, as in Stan. Counts that are not whole and non-negative are impossible. See
 * {@link MultinomialOp}.
 */
final class Multinomial extends OneVectorParameter {
    Multinomial() {
        super("multinomial", "theta", Support.UNIT_INTERVAL);
    }

    /** A draw is the whole array of counts. */
    @Override
    public int eventRank() {
        return 1;
    }

    @Override
    public Support support() {
        return Support.NONNEGATIVE_INTEGER;
    }

    @Override
    Op densityOp(Node parameter) {
        return new MultinomialOp();
    }
}
