package dev.scalelab.world.network;

import dev.scalelab.design.EdgeMode;
import dev.scalelab.design.NodeKind;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFields;
import dev.scalelab.world.ScenarioFiles;
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
        // An edge redrawn on the canvas goes to the end of the list: the pipeline's own edges may come in any order,
        // after or among the calls to its external APIs (whose order is the order the service calls them in).
        List<Topology.Edge> shuffled = new ArrayList<>(t.edges());
        java.util.Collections.reverse(shuffled);
        List<Topology.Edge> calls = t.edges().stream().filter(e -> t.node(e.to()).nodeKind() == NodeKind.EXTERNAL).toList();
        shuffled.removeAll(calls);
        shuffled.addAll(1, calls);
        assertThat(Pipeline.lower(drawn(new Topology(t.nodes(), shuffled)))).isEqualTo(p);
    }

    /**
     * A drawn box's set (the canvas's live change, recorded) lowers to the pipeline's path of its
     * section; an edge's or an external API's, which the pipeline names otherwise, keeps the drawing
     * on the network, which runs it as drawn.
     */
    @Test
    void aDrawnBoxsSetLowersToItsSectionsPathAndAnEdgesKeepsItOnTheNetwork() {
        Topology t = Pipeline.spell(Presets.load("full-stack"));
        Scenario s = drawn(t).withTimeline(List.of(Scenario.TimelineEntry.set(10, "nodes.service.service.instances", 6),
                Scenario.TimelineEntry.set(12, "nodes.cache.cache.levels[0].capacity", 50)));
        assertThat(Pipeline.lower(s).timeline()).containsExactly(Scenario.TimelineEntry.set(10, "service.instances", 6),
                Scenario.TimelineEntry.set(12, "cache.levels[0].capacity", 50));
        Scenario edge = drawn(t).withTimeline(List.of(Scenario.TimelineEntry.set(10, "edges[0].weight", 2)));
        assertThat(Pipeline.lowering(edge).whyNot()).isEqualTo("its timeline sets edges[0].weight, which the pipeline's sections "
                + "do not name alike");
        Scenario bad = drawn(t).withTimeline(List.of(Scenario.TimelineEntry.set(10, "nodes.service.service.instances", 0)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Pipeline.lower(bad))
                .isInstanceOf(dev.scalelab.world.ScenarioException.class)
                .hasMessage("timeline[0]: set nodes.service.service.instances: 0 is out of range; a whole number from 1 to 500");
    }

    @Test
    void aDrawingsTimelineInTheCanvasNamesLowersToThePipelinesNames() {
        Topology t = Pipeline.spell(Presets.load("full-stack"));
        List<Scenario.TimelineEntry> canvas = List.of(
                new Scenario.TimelineEntry(10, "kill-instance", null, "service-2", null, 0),
                new Scenario.TimelineEntry(11, "fail-cache-level", null, "cache/L2", null, 0),
                new Scenario.TimelineEntry(12, "flush-cache", null, "cache", null, 0),
                new Scenario.TimelineEntry(13, "kill-primary", null, "database/1", null, 0),
                new Scenario.TimelineEntry(14, "lag-spike", null, "database/s0-r1", 500, 5),
                new Scenario.TimelineEntry(15, "remove-shard", null, "database", null, 0),
                new Scenario.TimelineEntry(16, "full-gc", null, "service", null, 0),
                new Scenario.TimelineEntry(17, "add-shard", null, "database", null, 0),
                new Scenario.TimelineEntry(18, "outage", null, "payments", null, 5),
                // Already in the pipeline's terms (a preset drawn keeps its timeline): unchanged.
                new Scenario.TimelineEntry(19, "slow-instance", null, "i-1", 0.5, 0));
        List<Scenario.TimelineEntry> lowered = Pipeline.lower(drawn(t).withTimeline(canvas)).timeline();
        assertThat(lowered).extracting(Scenario.TimelineEntry::target)
                .containsExactly("i-2", "L2", null, "1", "s0-r1", null, null, null, "payments", "i-1");
        assertThat(lowered).extracting(Scenario.TimelineEntry::command)
                .isEqualTo(canvas.stream().map(Scenario.TimelineEntry::command).toList());
    }

    @Test
    void anythingTheFixedPipelineCannotRunIsLeftToTheNetwork() {
        Topology t = Pipeline.spell(Presets.load("full-stack"));
        // A second service behind the balancer.
        Topology twoServices = t.withDesign(t.design().with(new dev.scalelab.design.Design.Node("search", NodeKind.SERVICE, "", ""))
                .with(dev.scalelab.design.Design.Edge.of("balancer", "search", EdgeMode.SYNC)));
        assertThat(Pipeline.lower(drawn(twoServices))).isNull();
        assertThat(Pipeline.lowering(drawn(twoServices)).whyNot()).isEqualTo("it has more than one service node; the pipeline has one");
        // A zone.
        List<Topology.Node> zoned = new ArrayList<>(t.nodes());
        zoned.set(2, zoned.get(2).with("service", "service", "", "a"));
        assertThat(Pipeline.lowering(drawn(new Topology(zoned, t.edges()))).whyNot()).isEqualTo("service is in a zone (a)");
        // A forward edge where the pipeline calls.
        List<Topology.Edge> forward = new ArrayList<>(t.edges());
        int i = forward.indexOf(forward.stream().filter(e -> e.from().equals("balancer")).findFirst().orElseThrow());
        forward.set(i, Topology.Edge.of("balancer", "service", EdgeMode.FORWARD));
        assertThat(Pipeline.lowering(drawn(new Topology(t.nodes(), forward))).whyNot()).isEqualTo("its edge balancer → service is not "
                + "a plain sync edge (weight 1, probability 1, all traffic, no timeout, retry or breaker)");
        // An external API without a known capacity.
        List<Topology.Node> open = new ArrayList<>(t.nodes());
        int x = open.indexOf(open.stream().filter(n -> n.nodeKind() == NodeKind.EXTERNAL).findFirst().orElseThrow());
        Topology.Node api = open.get(x);
        open.set(x, new Topology.Node(api.id(), api.kind(), api.label(), api.zone(), api.position(), api.workload(), api.gateway(),
                api.cdn(), api.balancer(), false, api.service(), api.autoscaler(), api.verticalScaler(), api.cache(), api.database(), api.queue(), api.topic(),
                Topology.External.DEFAULT));
        assertThat(Pipeline.lowering(drawn(new Topology(open, t.edges()))).whyNot())
                .isEqualTo(api.id() + " has no known capacity (instances 0)");
    }

    @Test
    void theVerticalScalerIsTheServiceNodesAndAnOlderFilesTopLevelOneStillApplies() {
        Scenario p = ScenarioFields.with(Presets.load("full-stack"), "verticalScaler.policy", "threshold");
        Topology t = Pipeline.spell(p);
        Topology.Node service = t.node("service");
        assertThat(service.verticalScaler()).isEqualTo(p.verticalScaler());
        assertThat(t.node("clients").verticalScaler()).isEqualTo(Scenario.VerticalScaler.DEFAULT);
        // Drawn over a scenario whose own scaler is none, the node's is the one the pipeline runs.
        assertThat(Pipeline.lower(drawn(t))).isEqualTo(p);
        assertThat(Pipeline.lower(drawn(t)).verticalScaler().policy()).isEqualTo(Scenario.VerticalPolicyKind.THRESHOLD);
        // Both set: the node's wins.
        Scenario both = ScenarioFields.with(p.withTopology(t), "topology.nodes[2].verticalScaler.upThreshold", 0.6);
        assertThat(Pipeline.lower(both).verticalScaler().upThreshold()).isEqualTo(0.6);
        // A file from before: the scaler at the top level, the service node without one (so "none").
        Scenario old = ScenarioFiles.parse("""
                {"schema":1,"verticalScaler":{"policy":"vpa","intervalSeconds":120},"topology":{"nodes":[
                  {"id":"clients","kind":"clients"},{"id":"balancer","kind":"balancer"},{"id":"service","kind":"service"}],
                 "edges":[{"from":"clients","to":"balancer"},{"from":"balancer","to":"service"}]}}""");
        assertThat(old.topology().node("service").verticalScaler()).isEqualTo(Scenario.VerticalScaler.DEFAULT);
        Scenario lowered = Pipeline.lower(old);
        assertThat(lowered.verticalScaler().policy()).isEqualTo(Scenario.VerticalPolicyKind.VPA);
        assertThat(lowered.verticalScaler().intervalSeconds()).isEqualTo(120);
        // Written again, the node keeps its "none" and the top level its own: the file still lowers the same.
        assertThat(Pipeline.lower(ScenarioFiles.parse(ScenarioFiles.write(old)))).isEqualTo(lowered);
    }
}
