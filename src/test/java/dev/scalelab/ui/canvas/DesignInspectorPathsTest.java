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
        assertThat(DesignInspector.sectionPaths(NodeKind.GATEWAY)).contains("topology.nodes[0].gateway.latencyMs")
                .noneMatch(p -> p.contains(".perClient.") || p.contains(".shedding."));
        assertThat(DesignInspector.sectionPaths(NodeKind.CLIENTS)).contains("topology.nodes[0].workload.arrival.ratePerSecond")
                .noneMatch(p -> p.contains(".clients["));
    }
}
