package dev.vmc.runtime.dist;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every distribution the language knows, by the name a program uses. */
public final class Distributions {
    private static final Map<String, Distribution> BY_NAME = new LinkedHashMap<>();

    static {
        register(new Normal());
        register(new LogNormal());
        register(new StudentT());
        register(new Cauchy());
        register(new Exponential());
        register(new Gamma());
        register(new Beta());
        register(new Uniform());
        register(new HalfNormal());
        register(new HalfCauchy());
        register(new Bernoulli());
        register(new BernoulliLogit());
        register(new Binomial());
        register(new BinomialLogit());
        register(new Poisson());
        register(new PoissonLog());
        register(Categorical.withProbabilities());
        register(Categorical.withLogits());
        register(new Dirichlet());
        register(new MultiNormal(false));
        register(new MultiNormal(true));
        register(new LkjCorrCholesky());
        register(new StdNormal());
        register(new Logistic());
        register(new Gumbel());
        register(new DoubleExponential());
        register(new Weibull());
        register(new Rayleigh());
        register(new InvGamma());
        register(NegativeBinomial.mean());
        register(NegativeBinomial.logMean());
        register(NegativeBinomial.shapeRate());
        register(LinkedFamily.chiSquare());
        register(LinkedFamily.invChiSquare());
        register(LinkedFamily.scaledInvChiSquare());
        register(LinkedFamily.betaProportion());
        register(new BetaBinomial());
        register(new Frechet());
        register(new SkewNormal());
        register(new Pareto());
        register(new ParetoType2());
        register(new ExpModNormal());
        register(new VonMises());
        register(new OrderedLogistic());
        register(new Multinomial());
    }

    private Distributions() {}

    private static void register(Distribution d) {
        BY_NAME.put(d.name(), d);
    }

    public static Optional<Distribution> lookup(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Distribution get(String name) {
        return lookup(name).orElseThrow(() -> new IllegalArgumentException("no distribution named " + name));
    }

    public static Collection<Distribution> all() {
        return Collections.unmodifiableCollection(BY_NAME.values());
    }
}
