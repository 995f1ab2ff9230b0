package dev.vmc.compiler.bind;

import dev.vmc.compiler.ast.Expr;
import dev.vmc.compiler.ast.Program;
import dev.vmc.compiler.check.CheckedProgram;
import dev.vmc.compiler.check.ExprText;
import dev.vmc.compiler.lower.Evaluator;
import dev.vmc.runtime.nn.Activation;
import dev.vmc.runtime.nn.Network;
import dev.vmc.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The networks block with the data's sizes: each network's widths and activations. */
final class NetworkValues {
    private NetworkValues() {}

    /** The networks by name; a width the data makes less than 1 is a problem, and that network is left out. */
    static Map<String, Network> of(CheckedProgram checked, Map<String, Tensor> data, List<String> problems) {
        Program program = checked.program();
        Map<String, Network> networks = new LinkedHashMap<>();
        for (dev.vmc.compiler.ast.Network n : program.networks()) {
            List<Integer> widths = new ArrayList<>();
            List<Activation> activations = new ArrayList<>();
            boolean ok = true;
            for (Expr arg : n.args()) {
                if (arg instanceof Expr.Var v && !data.containsKey(v.name())) {
                    activations.add(Activation.byName(v.name()).orElseThrow());
                    continue;
                }
                double width = Evaluator.scalar(arg, data, checked);
                if (width < 1) {
                    problems.add("network '" + n.name() + "' (" + program.fileName() + ":" + n.pos() + "): its width "
                            + ExprText.of(arg) + " is " + (long) width + " with this data; a width must be at least 1");
                    ok = false;
                }
                widths.add((int) width);
            }
            if (ok) {
                networks.put(n.name(), new Network(n.name(), widths.stream().mapToInt(Integer::intValue).toArray(),
                        activations.isEmpty() ? Activation.IDENTITY : activations.get(0),
                        activations.size() < 2 ? Activation.IDENTITY : activations.get(1)));
            }
        }
        return networks;
    }
}
