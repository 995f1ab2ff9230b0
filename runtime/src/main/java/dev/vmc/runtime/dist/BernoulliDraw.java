package dev.vmc.runtime.dist;

import dev.vmc.runtime.graph.Special;

/** bernoulli(p) and bernoulli_logit(alpha): 1 when u < p, which for u uniform on [0, 1) has probability p. */
enum BernoulliDraw implements DiscreteDraw {
    PROBABILITY {
        double probability(double p) {
            return p;
        }
    },
    LOGIT {
        double probability(double alpha) {
            return Special.invLogit(alpha);
        }
    };

    abstract double probability(double parameter);

    @Override
    public int tableSize(int width) {
        return 1;
    }

    @Override
    public void prepare(double[] parameters, int width, double[] table) {
        double p = probability(parameters[0]);
        table[0] = p >= 0 && p <= 1 ? p : Double.NaN;
    }

    @Override
    public double draw(double u, double[] table) {
        double p = table[0];
        if (Double.isNaN(p)) {
            return Double.NaN;
        }
        // strict, so p = 0 never draws 1 (u may be 0) and p = 1 always does (u < 1)
        return u < p ? 1 : 0;
    }
}
