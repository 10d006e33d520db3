package dev.scalelab.ui.canvas;

import dev.scalelab.design.NodeKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The inspector offers a drawn node the fields of its kind that the network runs, and not those it refuses. */
class DesignInspectorPathsTest {
    @Test
    void aServiceOffersItsPoolAndAutoscalerButNotTheHeapOrPools() {
        assertThat(DesignInspector.sectionPaths(NodeKind.SERVICE)).contains("topology.nodes[0].service.instances",
                "topology.nodes[0].autoscaler.policy").noneMatch(p -> p.contains(".runtime.") || p.contains(".objectPool.")
                || p.contains(".connectionPool."));
    }

    @Test
    void aGatewayOffersItsPerClientLimitAndSheddingAndClientsTheirClasses() {
        assertThat(DesignInspector.sectionPaths(NodeKind.GATEWAY)).contains("topology.nodes[0].gateway.latencyMs",
                "topology.nodes[0].gateway.global.ratePerSecond", "topology.nodes[0].gateway.perClient.kind",
                "topology.nodes[0].gateway.perClient.ratePerSecond", "topology.nodes[0].gateway.perClient.burst",
                "topology.nodes[0].gateway.shedding.mode", "topology.nodes[0].gateway.shedding.queueThreshold",
                "topology.nodes[0].gateway.shedding.targetDelayMs");
        assertThat(DesignInspector.sectionPaths(NodeKind.CLIENTS)).contains("topology.nodes[0].workload.arrival.ratePerSecond",
                "topology.nodes[0].workload.clients[0].name", "topology.nodes[0].workload.clients[0].share",
                "topology.nodes[0].workload.clients[0].priority");
    }
}
