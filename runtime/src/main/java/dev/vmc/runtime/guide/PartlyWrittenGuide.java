package dev.vmc.runtime.guide;

import dev.vmc.runtime.graph.Graph;
import dev.vmc.runtime.graph.Node;
import dev.vmc.runtime.model.LatentSpec;
import dev.vmc.runtime.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A written guide with the latents it leaves out drawn by the automatic Gaussian guide first:
 * q(auto, written) = q_gaussian(auto) q_written(written | auto). The written part's score-function
 * sites see the Gaussian's draws live, so their log q carries the pathwise gradient into the
 * Gaussian's parameters, and their scores reach those parameters too.
 */
public final class PartlyWrittenGuide implements Guide {
    private final GaussianGuide automatic;
    private final WrittenGuide written;

    public PartlyWrittenGuide(GaussianGuide automatic, WrittenGuide written) {
        this.automatic = automatic;
        this.written = written;
    }

    @Override
    public String name() {
        return written.name() + ", with " + automatic.name() + " for " + String.join(", ", written.automatic());
    }

    @Override
    public Nodes build(Graph graph, List<LatentSpec> latents) {
        Nodes a = automatic.build(graph, automaticLatents(latents));
        Nodes w = written.build(graph, writtenLatents(latents), a.latents());
        Map<String, Node> values = new LinkedHashMap<>();
        List<Site> sites = new ArrayList<>();
        for (LatentSpec latent : latents) { // declaration order
            Nodes from = a.latents().containsKey(latent.name()) ? a : w;
            values.put(latent.name(), from.latents().get(latent.name()));
            from.sites().stream().filter(s -> s.latent().equals(latent.name())).forEach(sites::add);
        }
        Node logJacobian = w.logJacobian() == null ? a.logJacobian() : graph.add(a.logJacobian(), w.logJacobian());
        return new Nodes(values, graph.add(a.logQ(), w.logQ()), logJacobian, sites, w.parameters(), w.scored(),
                w.plated());
    }

    @Override
    public Map<String, Tensor> originalParameters(Map<String, Tensor> fitted, List<LatentSpec> latents) {
        return automatic.originalParameters(fitted, automaticLatents(latents));
    }

    private List<LatentSpec> automaticLatents(List<LatentSpec> latents) {
        return latents.stream().filter(l -> written.automatic().contains(l.name())).toList();
    }

    private List<LatentSpec> writtenLatents(List<LatentSpec> latents) {
        return latents.stream().filter(l -> !written.automatic().contains(l.name())).toList();
    }
}
