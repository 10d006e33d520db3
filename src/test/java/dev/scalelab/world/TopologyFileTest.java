package dev.scalelab.world;

import dev.scalelab.design.EdgeMode;
import dev.scalelab.design.NodeKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A scenario's topology: read with each node's own section, written back the same, bad input named by its path. */
class TopologyFileTest {
    private static final String FILE = """
            {"schema":1, "name":"two-tier",
             "topology":{
               "nodes":[
                 {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":50}}},
                 {"id":"web","kind":"service","zone":"a","service":{"instances":3,"workersPerInstance":2}},
                 {"id":"orders","kind":"external","external":{"errorRate":0.1}}],
               "edges":[
                 {"from":"users","to":"web"},
                 {"from":"web","to":"orders","probability":0.5,"timeoutMs":200}]}}
            """;

    @Test
    void readsEachNodeWithTheSectionOfItsKind() {
        Scenario s = ScenarioFiles.parse(FILE);
        Topology t = s.topology();
        assertThat(t.nodes()).extracting(Topology.Node::id).containsExactly("users", "web", "orders");
        assertThat(t.node("users").workload().arrival().ratePerSecond()).isEqualTo(50.0);
        assertThat(t.node("web").service().instances()).isEqualTo(3);
        assertThat(t.node("web").service().workersPerInstance()).isEqualTo(2);
        // A field the file leaves out takes the scenario section's default.
        assertThat(t.node("web").service().queueCapacity()).isEqualTo(Scenario.DEFAULT.service().queueCapacity());
        assertThat(t.node("web").zone()).isEqualTo("a");
        assertThat(t.node("orders").external().errorRate()).isEqualTo(0.1);
        assertThat(t.edges().get(1).probability()).isEqualTo(0.5);
        assertThat(t.edges().get(1).timeoutMs()).isEqualTo(200.0);
        assertThat(t.edges().get(0).edgeMode()).isEqualTo(EdgeMode.SYNC);
        assertThat(t.design().node("orders").kind()).isEqualTo(NodeKind.EXTERNAL);
        assertThat(t.crossZoneMs()).isEqualTo(Topology.DEFAULT.crossZoneMs());
    }

    @Test
    void writesOnlyEachNodesOwnSectionAndReadsBackTheSame() {
        Scenario s = ScenarioFiles.parse(FILE);
        String written = ScenarioFiles.write(s);
        assertThat(ScenarioFiles.parse(written)).isEqualTo(s);
        String web = written.substring(written.indexOf("\"id\" : \"web\""), written.indexOf("\"id\" : \"orders\""));
        assertThat(web).contains("\"service\"").doesNotContain("\"workload\"").doesNotContain("\"cache\"")
                .doesNotContain("\"external\"");
    }

    @Test
    void aCallsProtectionIsWrittenForASyncEdgeOnly() {
        Scenario s = ScenarioFiles.parse(FILE.replace("\"probability\":0.5,\"timeoutMs\":200", "\"timeoutMs\":200,\"breaker\":{}"));
        assertThat(s.topology().edges().get(1).breaker()).isNotNull();
        Scenario forward = ScenarioFields.with(s, "topology.edges[1].mode", "forward");
        Topology.Edge e = ScenarioFiles.parse(ScenarioFiles.write(forward)).topology().edges().get(1);
        assertThat(e.edgeMode()).isEqualTo(EdgeMode.FORWARD);
        assertThat(e.breaker()).isNull();
        assertThat(e.timeoutMs()).isZero();
    }

    @Test
    void aScenarioWithoutTopologyHasNone() {
        assertThat(ScenarioFiles.parse("{\"schema\":1}").topology()).isNull();
        assertThat(ScenarioFiles.write(Scenario.DEFAULT)).doesNotContain("topology");
    }

    @Test
    void badInputIsNamedByItsPath() {
        assertThatThrownBy(() -> ScenarioFiles.parse(FILE.replace("\"kind\":\"external\"", "\"kind\":\"mainframe\"")))
                .hasMessageContaining("topology.nodes[2].kind").hasMessageContaining("mainframe");
        assertThatThrownBy(() -> ScenarioFiles.parse(FILE.replace("\"instances\":3", "\"instances\":0")))
                .hasMessageContaining("topology.nodes[1].service.instances");
        assertThatThrownBy(() -> ScenarioFiles.parse(FILE.replace("\"id\":\"orders\"", "\"id\":\"web\"")))
                .hasMessageContaining("topology.nodes[2].id").hasMessageContaining("used by another");
        assertThatThrownBy(() -> ScenarioFiles.parse(FILE.replace("\"probability\":0.5", "\"probability\":1.5")))
                .hasMessageContaining("topology.edges[1].probability");
        // A section that is not its kind's is not silently dropped.
        assertThatThrownBy(() -> ScenarioFiles.parse(FILE.replace("\"external\":{\"errorRate\":0.1}", "\"cache\":{}")))
                .hasMessageContaining("topology.nodes[2]").hasMessageContaining("cache");
    }
}
