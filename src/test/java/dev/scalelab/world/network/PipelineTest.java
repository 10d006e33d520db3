package dev.scalelab.world.network;

import dev.scalelab.design.EdgeMode;
import dev.scalelab.design.NodeKind;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Topology;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which topologies are the pipeline's shape (and run on its engine) and which are not (and run on the network). */
class PipelineTest {
    private static Scenario drawn(Topology t) {
        return Presets.load("full-stack").withTopology(t);
    }

    @Test
    void theFullStackPipelineIsDrawnNodeForSectionAndLowersBack() {
        Scenario p = Presets.load("full-stack");
        Topology t = Pipeline.spell(p);
        assertThat(t.nodes()).extracting(Topology.Node::kind).startsWith("clients", "balancer", "service");
        assertThat(t.design().out("service")).extracting(e -> e.to()).first().isIn("cache", "database");
        assertThat(Pipeline.lower(drawn(t))).isEqualTo(p);
        assertThat(Pipeline.lower(p)).isSameAs(p);
    }

    @Test
    void anythingTheFixedPipelineCannotRunIsLeftToTheNetwork() {
        Topology t = Pipeline.spell(Presets.load("full-stack"));
        // A second service behind the balancer.
        Topology twoServices = t.withDesign(t.design().with(new dev.scalelab.design.Design.Node("search", NodeKind.SERVICE, "", ""))
                .with(dev.scalelab.design.Design.Edge.of("balancer", "search", EdgeMode.SYNC)));
        assertThat(Pipeline.lower(drawn(twoServices))).isNull();
        // A zone.
        List<Topology.Node> zoned = new ArrayList<>(t.nodes());
        zoned.set(2, zoned.get(2).with("service", "service", "", "a"));
        assertThat(Pipeline.lower(drawn(new Topology(zoned, t.edges())))).isNull();
        // A forward edge where the pipeline calls.
        List<Topology.Edge> forward = new ArrayList<>(t.edges());
        int i = forward.indexOf(forward.stream().filter(e -> e.from().equals("balancer")).findFirst().orElseThrow());
        forward.set(i, Topology.Edge.of("balancer", "service", EdgeMode.FORWARD));
        assertThat(Pipeline.lower(drawn(new Topology(t.nodes(), forward)))).isNull();
        // An external API without a known capacity.
        List<Topology.Node> open = new ArrayList<>(t.nodes());
        int x = open.indexOf(open.stream().filter(n -> n.nodeKind() == NodeKind.EXTERNAL).findFirst().orElseThrow());
        Topology.Node api = open.get(x);
        open.set(x, new Topology.Node(api.id(), api.kind(), api.label(), api.zone(), api.position(), api.workload(), api.gateway(),
                api.cdn(), api.balancer(), false, api.service(), api.autoscaler(), api.verticalScaler(), api.cache(), api.database(), api.queue(), api.topic(),
                Topology.External.DEFAULT));
        assertThat(Pipeline.lower(drawn(new Topology(open, t.edges())))).isNull();
    }
}
