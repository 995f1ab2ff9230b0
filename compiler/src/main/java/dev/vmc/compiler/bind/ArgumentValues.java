package dev.vmc.compiler.bind;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.ast.Stmt;
import dev.vmc.compiler.check.CheckedProgram;
import dev.vmc.compiler.check.DeclaredValues;
import dev.vmc.compiler.lower.Evaluator;
import dev.vmc.runtime.dist.Distribution;
import dev.vmc.runtime.dist.Distributions;
import dev.vmc.runtime.graph.EvaluationException;
import dev.vmc.runtime.graph.ShapeException;
import dev.vmc.runtime.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * The arguments of the model's distributions over vectors (dirichlet) that the data fixes,
 * against their parameters' supports: what the checker does for literals, done once the data
 * is known, so that {@code alpha} with a 0 in it is a data error naming the statement rather
 * than a fit that goes NaN. The scalar families are left to their densities, as before: their
 * parameters may sit on an edge where the density gives the limit (see SampleChecker).
 */
final class ArgumentValues {
    private final CheckedProgram checked;
    private final Program program;
    private final Map<String, Tensor> data;
    private final List<String> problems;

    ArgumentValues(CheckedProgram checked, Map<String, Tensor> data, List<String> problems) {
        this.checked = checked;
        this.program = checked.program();
        this.data = data;
        this.problems = problems;
    }

    void check() {
        for (Stmt statement : dev.vmc.compiler.ast.Stmts.all(program.model())) {
            if (!(statement instanceof Stmt.Sample sample)) {
                continue;
            }
            Distribution distribution = Distributions.lookup(sample.distribution()).orElse(null);
            if (distribution == null || !distribution.support().isVectorValued()) {
                continue;
            }
            for (int i = 0; i < sample.args().size(); i++) {
                check(sample, distribution, i);
            }
        }
    }

    private void check(Stmt.Sample sample, Distribution distribution, int index) {
        Expr argument = sample.args().get(index);
        Tensor value;
        try {
            value = Evaluator.evaluate(argument, data, checked);
        } catch (EvaluationException | ShapeException e) {
            return; // the lowering reports what the values cause, with its place; a value too big to check is the density's
        }
        if (value == null) {
            return; // it needs a latent or a param: the density sees its values
        }
        String problem = DeclaredValues.argument(distribution.parameterSupports().get(index), argument, value.data);
        if (problem != null) {
            problems.add("argument " + distribution.parameterNames().get(index) + " of " + distribution.name() + " ("
                    + program.fileName() + ":" + argument.pos() + ") " + problem);
        }
    }
}
