package dev.vmc.runtime.model;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.graph.Take;
import dev.vmc.runtime.output.DrawsCsv;
import dev.vmc.runtime.transform.Bijections;
import dev.vmc.runtime.transform.Support;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latents laid end to end as one unconstrained vector u, in declaration order and
 * row-major within each latent, as Stan lays out its unconstrained parameters. The automatic
 * guides draw u; the log density and Pathfinder take it as their argument.
 */
public record FlatLatents(List<LatentSpec> latents) {
    /** Keeps the continuous latents: discrete ones have no coordinates in u. */
    public FlatLatents {
        latents = latents.stream().filter(l -> !l.isDiscrete()).toList();
    }

    /** The latents' values cut out of u and constrained, with the log-Jacobian of that map. */
    public record Split(Map<String, Node> values, Node logJacobian) {}

    public int dimension() {
        return latents.stream().mapToInt(LatentSpec::unconstrainedSize).sum();
    }

    /**
     * One name per coordinate of u, as draws.csv names the constrained values: mu, theta.1,
     * X.2.3. A simplex of size K has coordinates w.1 .. w.(K-1): the logits of the pieces its
     * stick-breaking takes, not its values.
     */
    public List<String> coordinateNames() {
        List<String> names = new ArrayList<>();
        for (LatentSpec latent : latents) {
            names.addAll(DrawsCsv.columnNames(latent.name(), latent.unconstrainedShape()));
        }
        return names;
    }

    /** The latent that coordinate {@code index} of u belongs to. */
    public LatentSpec latentAt(int index) {
        int offset = 0;
        for (LatentSpec latent : latents) {
            offset += latent.unconstrainedSize();
            if (index < offset) {
                return latent;
            }
        }
        throw new IndexOutOfBoundsException("coordinate " + index + " of " + offset);
    }

    /**
     * Adds the nodes that cut each latent out of u (shape [dimension]) and map it to its
     * support, labelled "{@code origin}, latent NAME" for error messages.
     */
    public Split split(Graph graph, Node u, String origin) {
        Map<String, Node> values = new LinkedHashMap<>();
        Node logJacobian = graph.constant(0);
        int offset = 0;
        for (LatentSpec latent : latents) {
            graph.setOrigin(origin + ", latent " + latent.name());
            Node unconstrained = graph.apply(new Take(offset, latent.unconstrainedShape()), u);
            offset += latent.unconstrainedSize();
            values.put(latent.name(), Bijections.constrain(graph, unconstrained, latent.support(), latent.shape()));
            if (latent.support().kind() != Support.Kind.REAL) {
                logJacobian = graph.add(logJacobian,
                        Bijections.logAbsDetJacobian(graph, unconstrained, latent.support(), latent.shape()));
            }
        }
        return new Split(values, logJacobian);
    }
}
