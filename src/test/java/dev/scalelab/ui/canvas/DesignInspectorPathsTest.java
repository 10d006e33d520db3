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
        assertThat(DesignInspector.sectionPaths(NodeKind.GATEWAY)).contains("topology.nodes[0].gateway.latencyMs")
                .noneMatch(p -> p.contains(".perClient.") || p.contains(".shedding."));
        assertThat(DesignInspector.sectionPaths(NodeKind.CLIENTS)).contains("topology.nodes[0].workload.arrival.ratePerSecond")
                .noneMatch(p -> p.contains(".clients["));
    }
}
