package dev.vmc.compiler.check;

import dev.vmc.compiler.ast.DensityCalls;
import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.diag.Diagnostics;
import dev.vmc.runtime.dist.Distribution;
import dev.vmc.runtime.dist.Distributions;
import java.util.List;

/**
 * {@code d_lpdf(y | args)}, {@code d_lcdf(y | args)} and the rest of {@link DensityCalls} as
 * expressions: a real, the sum over y's elements (the product, for _cdf). The arguments get
 * the checks a {@code y ~ d(args)} statement gets; on top, the suffix must fit the
 * distribution (_lpmf for a discrete one, as Stan insists), a discrete distribution needs an
 * int variate, and the cumulative functions need a distribution that has them.
 */
final class DensityCallTypes {
    private final DistributionArguments arguments;
    private final Diagnostics diagnostics;

    DensityCallTypes(DistributionArguments arguments, Diagnostics diagnostics) {
        this.arguments = arguments;
        this.diagnostics = diagnostics;
    }

    /** @param args the types of the call's arguments, the variate's first */
    Type type(Expr.Call call, DensityCalls.Name name, List<Type> args) {
        Distribution distribution = arguments.lookup(name.distribution(), call.pos());
        if (distribution == null) {
            return Type.ERROR;
        }
        String problem = suffixProblem(call.function(), name, distribution);
        if (problem == null && args.isEmpty()) {
            problem = call.function() + " takes the variate and then " + String.join(", ", distribution.parameterNames())
                    + ", as in " + call.function() + "(y | " + String.join(", ", distribution.parameterNames()) + ")";
        }
        if (problem != null) {
            diagnostics.error(call.pos(), problem);
            return Type.ERROR;
        }
        Type variate = args.get(0);
        if (!variate.isError() && distribution.isDiscrete() && !variate.isInt()) {
            diagnostics.error(ExprStart.of(call.args().get(0)), "the variate of " + call.function() + " must be an int ("
                    + distribution.name() + " is a distribution over integers), got " + variate);
            return Type.ERROR;
        }
        List<Expr> parameterExprs = call.args().subList(1, call.args().size());
        Distribution fits = arguments.check(distribution, call.pos(), parameterExprs, args.subList(1, args.size()), variate);
        return fits == null || variate.isError() ? Type.ERROR : Type.REAL;
    }

    private static String suffixProblem(String function, DensityCalls.Name name, Distribution distribution) {
        String d = distribution.name();
        if (name.kind() == DensityCalls.Kind.LOG_DENSITY) {
            if (distribution.isDiscrete() && !name.isMass()) {
                return d + " is a discrete distribution, so its log probability mass is " + d + "_"
                        + name.suffix().replace("pdf", "pmf") + ", not " + function;
            }
            if (!distribution.isDiscrete() && name.isMass()) {
                return d + " is a continuous distribution, so its log density is " + d + "_"
                        + name.suffix().replace("pmf", "pdf") + ", not " + function;
            }
            return null;
        }
        if (!distribution.hasCumulative()) {
            List<String> have = Distributions.all().stream().filter(Distribution::hasCumulative).map(Distribution::name).toList();
            return "vmc has no " + function + " yet: the distributions with _lcdf, _lccdf and _cdf are "
                    + String.join(", ", have);
        }
        return null;
    }
}
