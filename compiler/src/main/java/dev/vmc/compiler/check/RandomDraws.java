package dev.vmc.compiler.check;

import dev.vmc.runtime.dist.Distribution;
import dev.vmc.runtime.dist.Distributions;
import java.util.List;

/**
 * Stan's {@code d_rng(args)}: one draw from distribution d, of the arguments' broadcast shape,
 * with d's kind of values (ints for a discrete d). Only generated quantities may draw: anywhere
 * else a draw would make the log density random.
 */
final class RandomDraws {
    private RandomDraws() {}

    static boolean isDraw(String function) {
        return function.endsWith("_rng");
    }

    /** The distribution a draw's name names, or null. */
    static Distribution distribution(String function) {
        return Distributions.lookup(function.substring(0, function.length() - "_rng".length())).orElse(null);
    }

    static Outcome type(String function, List<Type> args, boolean allowed) {
        Distribution d = distribution(function);
        if (d == null) {
            return Outcome.fail("unknown function '" + function + "': no distribution '"
                    + function.substring(0, function.length() - 4) + "' to draw from");
        }
        if (!allowed) {
            return Outcome.fail("'" + function + "' draws at random, which only generated quantities may do (a posterior"
                    + " predictive draw with each posterior draw)");
        }
        if (!d.hasSampler()) {
            return Outcome.fail("'" + function + "': vmc has no sampler for " + d.name() + " yet");
        }
        for (int i = 0; i < d.parameterNames().size(); i++) {
            if (d.parameterRank(i) != 0) {
                return Outcome.fail("'" + function + "': draws from distributions with vector parameters are not supported yet");
            }
        }
        if (args.size() != d.parameterNames().size()) {
            return Outcome.fail(function + " takes " + d.parameterNames().size() + " arguments ("
                    + String.join(", ", d.parameterNames()) + "), got " + args.size());
        }
        if (args.stream().anyMatch(Type::isError)) {
            return Outcome.ok(Type.ERROR);
        }
        Type shape = args.isEmpty() ? Type.REAL : args.get(0);
        for (Type arg : args.subList(Math.min(1, args.size()), args.size())) {
            Outcome both = OperatorTypes.elementwise(shape, arg, Type.Element.REAL,
                    function + " needs arguments of one shape or scalars, got " + shape + " and " + arg);
            if (both.failed()) {
                return both;
            }
            shape = both.type();
        }
        return Outcome.ok(shape.withElement(d.isDiscrete() ? Type.Element.INT : Type.Element.REAL));
    }
}
