package dev.scalelab.ui.canvas;

import dev.scalelab.design.NodeKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The inspector offers a drawn node the fields of its kind that the network runs, and not those it refuses. */
class DesignInspectorPathsTest {
    @Test
    void aServiceOffersItsPoolAutoscalersHeapAndPools() {
        assertThat(DesignInspector.sectionPaths(NodeKind.SERVICE)).contains("topology.nodes[0].service.instances",
                "topology.nodes[0].autoscaler.policy", "topology.nodes[0].verticalScaler.policy",
                "topology.nodes[0].verticalScaler.upThreshold", "topology.nodes[0].service.runtime.collector",
                "topology.nodes[0].service.runtime.heapMb", "topology.nodes[0].service.objectPool.capacity",
                "topology.nodes[0].service.connectionPool.maximumPoolSize",
                "topology.nodes[0].service.connectionPool.connectionTimeoutMs");
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
