package dev.vmc.cli;

import dev.vmc.runtime.output.Significant;
import dev.vmc.runtime.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** The fitted learnable parameters, printed under the posterior summary: point values, no spread. */
final class PointEstimates {
    private PointEstimates() {}

    static String format(Map<String, Tensor> estimates) {
        if (estimates.isEmpty()) {
            return "";
        }
        int width = estimates.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder sb = new StringBuilder("\nfitted parameters (point estimates):\n");
        estimates.forEach((name, t) -> sb.append(String.format("  %-" + width + "s  %s%n", name,
                t.rank() == 0 ? Significant.format(t.item())
                        : Arrays.stream(t.data).mapToObj(Significant::format).collect(Collectors.joining(" ", "[", "]")))));
        return sb.toString();
    }
}
